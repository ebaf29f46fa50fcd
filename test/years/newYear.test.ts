/**
 * A new year is a data change (issue 14): the repo's national example moved to 2025 and 2026
 * (scripts/years/build.ts, written by scripts/make-years.ts), the generator writes its report in both
 * templates, and the checker passes its own text — nothing of weight but the generator's 【请填写】
 * markers, and nothing at all once the markers are answered as an accountant would. Region grade labels
 * are data (src/data/perf/grades.json).
 */
import * as path from "path";
import { readXlsx } from "../../cli/adapters/xlsx";
import { checkWorkbook } from "../../src/checks";
import { generateNarrative, narrativeText } from "../../src/narrative/generate";
import { readReport } from "../../src/reader";
import { subjectEditions } from "../../src/reader/subjects";
import { readForms, gradeOf, gradeLabels, gradeRegionOf, gradesFor, scoringForRegion, DEFAULT_SCORING } from "../../src/perf";
import { D } from "../../src/money";
import scoring from "../../src/data/perf/scoring.json";
import type { TemplateId } from "../../src/model/types";
import { buildNationalYear, buildYunnan11, YEAR_FILES } from "../../scripts/years/build";

const PASTED = "（粘贴的情况说明）";

/** The generator's markers answered (the same answers as the planted corpus's bases). */
function answerMarkers(text: string): string {
  return text
    .replace(/【请填写[：:]单价100万元以上设备（不含车辆）】/gu, "0")
    .replace(/【请填写[：:]国内公务接待的主要用途】/gu, "接待上级部门检查指导工作")
    .replace(/^【请填写[：:][^】]*】$/gmu, "本部门对5个项目开展了绩效自评，项目绩效目标总体完成情况良好。")
    .replace(/【请填写[：:][^】]*】/gu, "按规定执行");
}

const CASES: [number, TemplateId, string][] = [];
for (const y of [2025, 2026]) for (const t of ["national-2024", "sichuan-2020"] as TemplateId[]) CASES.push([y, t, "national"]);
CASES.push([2025, "national-2024", "yunnan"]);

describe("the generator's report of a later year passes the checker", () => {
  test.each(CASES)("%i, %s template (%s example)", async (year, template, kind) => {
    const snapshot = await readXlsx(kind === "yunnan" ? await buildYunnan11(year) : await buildNationalYear(year));
    const model = readReport(snapshot);
    expect(model.year).toBe(year);
    // the year's 科目 edition is in the data
    expect(subjectEditions().map((e) => e.year)).toContain(year);
    const text = narrativeText(generateNarrative(model, { forms: readForms(snapshot), template }));
    expect(text).toContain(`${year}年`);
    expect(text).toContain(`${year - 1}年`);
    // nothing left of the example's own years
    expect(text).not.toContain(`${year - 2}年`);
    const weighty = (t: string) =>
      checkWorkbook(snapshot, { narrativeText: t }).findings.filter((f) => f.severity === "error" || f.severity === "warning");
    // findings of weight on its own text: only the markers the accountant must fill
    expect(weighty(text).filter((f) => f.rule !== "N-fill-marker").map((f) => `${f.rule}@${f.sheet}:${f.row ?? f.cell} ${f.message}`)).toEqual([]);
    // answered: nothing of weight anywhere (text or tables)
    const answered = answerMarkers(text);
    expect(answered).not.toContain("【请填写");
    expect(weighty(answered).map((f) => `${f.rule}@${f.sheet === PASTED ? "text" : f.sheet}:${f.row ?? f.cell} ${f.message}`)).toEqual([]);
  }, 60000);
});

describe("the workbooks scripts/make-years.ts wrote are the builder's", () => {
  test.each([[2025, YEAR_FILES.national2025], [2026, YEAR_FILES.national2026]] as const)("%i: %s", async (year, file) => {
    const written = readReport(await readXlsx(path.join(__dirname, "..", "workbooks", file)));
    const built = readReport(await readXlsx(await buildNationalYear(year)));
    expect(written.year).toBe(year);
    const total = (m: typeof built) => m.tables.T01?.rows.find((r) => r.key === "incomeGrandTotal")?.values.amount?.raw.toString();
    expect(total(written)).toBe(total(built));
    expect(written.recognition.missing).toEqual([]);
  });
});

describe("grade labels per region are data", () => {
  it("财预〔2020〕10号: 优/良/中/差, the default and the Sichuan template's", () => {
    expect(gradeLabels("mof-2020")).toEqual(["优", "良", "中", "差"]);
    expect(gradeRegionOf("sichuan-2020")).toBe("mof-2020");
    expect(gradesFor().grades).toEqual(scoring.grades);
    expect(DEFAULT_SCORING.grades).toEqual(gradesFor("mof-2020").grades);
    expect(gradesFor("mof-2020").source).toContain("财预〔2020〕10号");
  });

  it("Shanghai (national 2024 template): 优/良/合格/不合格, bands not verified", () => {
    const region = gradeRegionOf("national-2024");
    expect(region).toBe("shanghai");
    expect(gradeLabels(region)).toEqual(["优", "良", "合格", "不合格"]);
    expect(gradesFor(region).bandsVerified).toBe(false);
    const cfg = { ...DEFAULT_SCORING, ...scoringForRegion(region) };
    expect([95, 85, 70, 40].map((s) => gradeOf(new D(s), cfg))).toEqual(["优", "良", "合格", "不合格"]);
    expect([95, 85, 70, 40].map((s) => gradeOf(new D(s)))).toEqual(["优", "良", "中", "差"]);
  });

  it("an unknown region falls back to the default labels", () => {
    expect(gradeLabels("atlantis")).toEqual(["优", "良", "中", "差"]);
  });
});
