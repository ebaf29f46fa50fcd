/**
 * The national (Shanghai) 2024 template's later sections written from data (issue 14): 十 预算绩效管理情况
 * (amounts for 绩效目标/跟踪/自评, average score, the region's grade counts summing to the 自评 count, problems
 * found and rectified) and 十一 (机关运行经费, 政府采购 with 中小企业/小微企业 shares, 国有资产 vehicles and
 * equipment), for the repo's national examples of 2024, 2025 and 2026 (scripts/examples/build.ts,
 * scripts/years/build.ts): figures from 补充数据 with their cells, no marker where the workbook gives the
 * figure, and the checker passes the text. Metamorphic: a 补充数据 count changed in the workbook changes the
 * sentence (and the checker still passes it); parts that no longer add up become a marker, never a wrong sum.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { readXlsx } from "../../cli/adapters/xlsx";
import { checkWorkbook } from "../../src/checks";
import { generateNarrative, narrativeText } from "../../src/narrative/generate";
import { Ctx, TEMPLATES } from "../../src/narrative/generateContext";
import { performance } from "../../src/narrative/sections/other";
import { readReport } from "../../src/reader";
import { readForms } from "../../src/perf";
import { gradeLabels } from "../../src/perf/score";
import { D } from "../../src/money/decimal";
import type { CellValue, WorkbookSnapshot } from "../../src/workbook/snapshot";
import type { GeneratedNarrative } from "../../src/narrative/generateTypes";
import type { NarrativeTemplateData } from "../../src/narrative/generateContext";

const PASTED = "（粘贴的情况说明）";
const FILES: [number, string][] = [
  [2024, "example-national-2024.xlsx"],
  [2025, "example-national-2025.xlsx"],
  [2026, "example-national-2026.xlsx"],
];
const file = (name: string) => path.join(__dirname, "..", "workbooks", name);

const later = (n: GeneratedNarrative) => n.paragraphs.filter((p) => /^1[01](\.|$)/.test(p.section) && p.style === "body");
const sectionText = (n: GeneratedNarrative, id: string) => n.paragraphs.filter((p) => p.section === id && p.style === "body").map((p) => p.text).join("\n");

/** The 补充数据 sheet's cell at A1 `cell` (the snapshot's used range starts at its origin). */
function cellAt(s: WorkbookSnapshot, sheet: string, cell: string): CellValue {
  const sh = s.sheets.find((x) => x.name === sheet)!;
  const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
  const col = [...m[1]].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return sh.values[Number(m[2]) - 1 - sh.origin.row]?.[col - sh.origin.col] ?? null;
}

/** Sets the 本年数 of a 补充数据 row (by its label in column A). */
function setSupplement(s: WorkbookSnapshot, label: string, value: number): void {
  const sh = s.sheets.find((x) => x.name === "补充数据")!;
  const r = sh.values.findIndex((row) => String(row[0] ?? "").trim() === label);
  if (r < 0) throw new Error(`no 补充数据 row ${label}`);
  sh.values[r][2] = value;
}

function weighty(s: WorkbookSnapshot, text: string): string[] {
  return checkWorkbook(s, { narrativeText: text })
    .findings.filter((f) => f.sheet === PASTED && (f.severity === "error" || f.severity === "warning") && f.rule !== "N-fill-marker")
    .map((f) => `${f.rule}@${f.row}: ${f.message}`);
}

function generate(s: WorkbookSnapshot): GeneratedNarrative {
  return generateNarrative(readReport(s), { forms: readForms(s) });
}

describe.each(FILES)("national example %i: 十 and 十一 from the workbook", (year, name) => {
  let snapshot: WorkbookSnapshot;
  let n: GeneratedNarrative;
  beforeAll(async () => {
    snapshot = await readXlsx(file(name));
    n = generate(snapshot);
  });

  test("the sections say the workbook's figures", () => {
    expect(n.year).toBe(year);
    const perf = sectionText(n, "10");
    expect(perf).toContain("本部门建立了如下预算绩效管理制度：预算绩效管理实施办法、项目支出绩效自评工作规程，建立了目标编报、跟踪监控、自评评价、结果应用全过程的预算绩效管理工作机制");
    expect(perf).toContain(`编报绩效目标的${year}年度项目7个，涉及预算金额85.60万元`);
    expect(perf).toContain(`绩效跟踪评价的${year}年度项目1个，涉及预算金额75.00万元`);
    expect(perf).toContain(`绩效自评的${year}年度项目5个，涉及预算金额78.90万元，平均得分93.6分`);
    // the Shanghai grade labels (src/data/perf/grades.json), summing to the 自评 count
    expect(perf).toContain("（其中，绩效评级为“优”的项目4个；绩效评级为“良”的项目1个；绩效评级为“合格”的项目0个；绩效评级为“不合格”的项目0个。");
    expect(perf).toContain("绩效自评中共发现问题2个，已经完成整改的1个，正在整改的1个）。");
    expect(sectionText(n, "11.1")).toBe(`本单位${year}年度无机关运行经费支出。主要原因是本单位是事业单位。`);
    expect(sectionText(n, "11.2")).toBe(
      `本单位${year}年度政府采购金额（以合同签订为准）为12.50万元，其中：货物采购金额8.30万元、工程采购金额0.00万元、服务采购金额4.20万元。` +
        "授予中小企业合同金额10.00万元，占政府采购金额的80.00%，其中：授予小微企业合同金额6.00万元，占政府采购金额的48.00%。",
    );
    const assets = sectionText(n, "11.3");
    expect(assets).toContain(`截至${year}年12月31日，本单位共有车辆0辆，其中：主要领导干部用车0辆、机要通信用车0辆、应急保障用车0辆、执法执勤用车0辆、特种专业技术用车0辆、其他用车0辆。`);
    expect(assets).toContain("单价100万元（含）以上设备（不含车辆）1台（套）。");
    // every figure is given: no marker in 十 and 十一
    expect(later(n).flatMap((p) => p.spans).filter((s) => s.marker)).toEqual([]);
  });

  test("every number keeps its 补充数据 cell, and the cell holds that number", () => {
    const spans = later(n).flatMap((p) => p.spans).filter((s) => s.kind);
    expect(spans.length).toBeGreaterThan(20);
    for (const s of spans) {
      expect(s.sources?.length).toBeGreaterThan(0);
      for (const src of s.sources!) expect(src.sheet).toBe("补充数据");
      // a figure of one cell is that cell's value as displayed (shares are of two cells)
      if (s.sources!.length === 1 && s.kind !== "percent") {
        const v = cellAt(snapshot, "补充数据", s.sources![0].cell);
        expect(Number(s.text)).toBeCloseTo(Number(v), 6);
      }
    }
  });

  test("the checker passes the generated text, and reads its figures (a changed figure is found)", () => {
    const text = narrativeText(n);
    expect(weighty(snapshot, text)).toEqual([]);
    const rules = (t: string) => weighty(snapshot, t).map((f) => f.split("@")[0]);
    expect(rules(text.replace("绩效评级为“良”的项目1个", "绩效评级为“良”的项目2个"))).toContain("N-perf-grade-count");
    expect(rules(text.replace("已经完成整改的1个", "已经完成整改的2个"))).toContain("N-perf-issue-count");
    expect(rules(text.replace("编报绩效目标的" + year + "年度项目7个", "编报绩效目标的" + year + "年度项目8个"))).toContain("N-2");
    expect(rules(text.replace("授予小微企业合同金额6.00万元", "授予小微企业合同金额16.00万元"))).not.toEqual([]);
  });
});

describe("metamorphic: a 补充数据 count changed in the workbook changes the sentence", () => {
  let base: WorkbookSnapshot;
  beforeAll(async () => {
    base = await readXlsx(file("example-national-2025.xlsx"));
  });
  const copy = (): WorkbookSnapshot => structuredClone(base);

  test("绩效目标 / 跟踪 counts and a problem count: the new figure, from the same cell, and the checker still passes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), (targets, done, doing) => {
        const s = copy();
        setSupplement(s, "绩效目标项目数", targets + 5);
        setSupplement(s, "已经完成整改的问题数", done);
        setSupplement(s, "正在整改的问题数", doing);
        setSupplement(s, "绩效自评发现问题数", done + doing);
        const n = generate(s);
        const perf = sectionText(n, "10");
        expect(perf).toContain(`编报绩效目标的2025年度项目${targets + 5}个`);
        expect(perf).toContain(`绩效自评中共发现问题${done + doing}个，已经完成整改的${done}个，正在整改的${doing}个）`);
        const span = n.paragraphs.filter((p) => p.section === "10").flatMap((p) => p.spans).find((x) => x.text === String(targets + 5) && x.kind === "count")!;
        expect(span.sources?.[0].sheet).toBe("补充数据");
        expect(cellAt(s, "补充数据", span.sources![0].cell)).toBe(targets + 5);
        expect(weighty(s, narrativeText(n))).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });

  test("grade counts moved between grades: the sentence follows; counts that no longer sum to the 自评 count are one marker", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 }), (you, extra) => {
        const s = copy();
        setSupplement(s, "绩效评级为“优”的项目数", you);
        setSupplement(s, "绩效评级为“良”的项目数", 5 - you + extra);
        const n = generate(s);
        const perf = sectionText(n, "10");
        if (extra === 0) {
          expect(perf).toContain(`绩效评级为“优”的项目${you}个；绩效评级为“良”的项目${5 - you}个；`);
        } else {
          expect(perf).not.toContain("绩效评级为“优”的项目");
          expect(perf).toContain(`【请填写：绩效评级为“优”“良”“合格”“不合格”的项目数（补充数据合计${5 + extra}个，与绩效自评的项目数5个不符）】`);
        }
        // never a checker finding of weight on the generated text
        expect(weighty(s, narrativeText(n))).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });

  test("a vehicle category that breaks the total: the total becomes a marker, the categories stay", () => {
    const s = copy();
    setSupplement(s, "其他用车", 2);
    const text = sectionText(generate(s), "11.3");
    expect(text).toContain("共有车辆【请填写：车辆总数（补充数据“车辆总数”为0辆，各类用车合计2辆）】辆");
    expect(text).toContain("其他用车2辆");
    // and with the total put right, the figures again
    setSupplement(s, "车辆总数", 2);
    expect(sectionText(generate(s), "11.3")).toContain("共有车辆2辆，其中：主要领导干部用车0辆");
  });

  test("a figure taken out of 补充数据 is a marker, never 0", () => {
    const s = copy();
    const sh = s.sheets.find((x) => x.name === "补充数据")!;
    for (const label of ["绩效跟踪评价涉及预算金额", "绩效评级为“合格”的项目数", "授予小微企业合同金额"]) {
      sh.values.find((row) => String(row[0]) === label)![2] = null;
    }
    const n = generate(s);
    expect(sectionText(n, "10")).toContain("涉及预算金额【请填写：绩效跟踪评价涉及预算金额】万元");
    expect(sectionText(n, "10")).toContain("【请填写：绩效评级为“优”“良”“合格”“不合格”的项目数（补充数据未填“合格”级）】");
    expect(sectionText(n, "11.2")).toContain("授予小微企业合同金额【请填写：授予小微企业合同金额】万元");
    expect(weighty(s, narrativeText(n))).toEqual([]);
  });
});

describe("grade labels are the region's", () => {
  test("a template of the 财预〔2020〕10号 region asks for 优/良/中/差 rows", async () => {
    const s = await readXlsx(file("example-national-2024.xlsx"));
    const model = readReport(s);
    // the national sentences under the Sichuan template's id (region mof-2020)
    const tpl: NarrativeTemplateData = { ...TEMPLATES["national-2024"], id: "sichuan-2020" };
    const run = () => {
      const ctx = new Ctx(model, tpl, 2024);
      ctx.section = "10";
      performance(ctx);
      return ctx.paragraphs.map((p) => p.text).join("\n");
    };
    expect(gradeLabels("mof-2020")).toEqual(["优", "良", "中", "差"]);
    expect(run()).toContain("【请填写：绩效评级为“优”“良”“中”“差”的项目数（补充数据未填“中”“差”级）】");
    // the 中/差 rows given: the sentence in those words
    const rows = model.supplement!.rows;
    const like = rows.find((r) => r.key === "绩效评级为“合格”的项目数")!;
    rows.push({ ...like, key: "绩效评级为“中”的项目数", label: "绩效评级为“中”的项目数", rawLabel: "绩效评级为“中”的项目数" });
    rows.push({ ...like, key: "绩效评级为“差”的项目数", label: "绩效评级为“差”的项目数", rawLabel: "绩效评级为“差”的项目数" });
    expect(run()).toContain("绩效评级为“优”的项目4个；绩效评级为“良”的项目1个；绩效评级为“中”的项目0个；绩效评级为“差”的项目0个。");
  });
});

describe("十 from the performance forms where 补充数据 has no row", () => {
  test("自评 amount = Σ the forms' 预算数, average score and grades from the forms' stated 总分", async () => {
    const s = await readXlsx(file("example-sichuan-2020.xlsx"));
    const model = readReport(s);
    const forms = readForms(s);
    expect(forms).toHaveLength(5);
    let n = generateNarrative(model, { forms, template: "national-2024" });
    let perf = sectionText(n, "10");
    expect(perf).toContain("绩效自评的2020年度项目5个，涉及预算金额78.90万元，平均得分【请填写：绩效自评平均得分】分");
    const amount = n.paragraphs.filter((p) => p.section === "10").flatMap((p) => p.spans).find((x) => x.text === "78.90")!;
    expect(amount.sources).toEqual(forms.map((f) => ({ sheet: f.sheet, cell: f.budget.source!.cell })));
    // the forms state their 总分 (as a 自评表 does): the score and the Shanghai grades follow from them
    const scores = [95, 92, 85, 70, 50];
    forms.forEach((f, k) => {
      f.totalScoreGiven = { value: new D(scores[k]), raw: scores[k], rawText: String(scores[k]), writtenUnit: null, source: { sheet: f.sheet, cell: "H30" }, labelSource: null };
    });
    n = generateNarrative(model, { forms, template: "national-2024" });
    perf = sectionText(n, "10");
    expect(perf).toContain("平均得分78.4分（其中，绩效评级为“优”的项目2个；绩效评级为“良”的项目1个；绩效评级为“合格”的项目1个；绩效评级为“不合格”的项目1个。");
    const you = n.paragraphs.filter((p) => p.section === "10").flatMap((p) => p.spans).find((x) => x.text === "2" && x.kind === "count")!;
    expect(you.sources).toEqual([forms[0], forms[1]].map((f) => ({ sheet: f.sheet, cell: "H30" })));
  });
});

describe("the real 普陀区财政局 2024 workbook (../shared/real, when present)", () => {
  const real = path.resolve(__dirname, "..", "..", "..", "shared", "real", "workbooks", "putuo-czj-2024.xlsx");
  const maybe = fs.existsSync(real) ? test : test.skip;
  maybe("十 and 十一 say what its published report says, 预留 wording included", async () => {
    const s = await readXlsx(real);
    const n = generate(s);
    const perf = sectionText(n, "10");
    expect(perf).toContain("编报绩效目标的2024年度项目4个，涉及预算金额598.42万元；绩效跟踪评价的2024年度项目4个，涉及预算金额598.42万元；绩效自评的2024年度项目4个，涉及预算金额598.42万元，平均得分99.43分（其中，绩效评级为“优”的项目4个；绩效评级为“良”的项目0个；绩效评级为“合格”的项目0个；绩效评级为“不合格”的项目0个。绩效自评中共发现问题0个，已经完成整改的0个，正在整改的0个）。");
    const proc = sectionText(n, "11.2");
    expect(proc).toContain("2024年度本部门面向中小企业预留政府采购项目预算金额246.47万元，面向小微企业预留政府采购项目预算金额0.00万元。在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额246.47万元；");
    expect(proc).toContain("在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额4.79万元。");
    // the 预留 paragraph stands instead of the 授予 sentence (no 授予 rows in its 补充数据)
    expect(proc).not.toContain("授予中小企业");
    expect(sectionText(n, "11.3")).toContain("单价100万元（含）以上设备（不含车辆）2台（套）。");
    expect(weighty(s, narrativeText(n))).toEqual([]);
  });
});
