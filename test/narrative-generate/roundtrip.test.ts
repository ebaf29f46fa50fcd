/**
 * Round trip: the generated text of every workbook, read back by the narrative parser and checked
 * (1) by the text and self-consistency checks and (2) by the whole checker, `checkWorkbook(snapshot,
 * { narrativeText })` (tables, narrative vs tables, forms), gives no error and no warning other than the
 * 【请填写】 markers — and each marker IS reported, as a warning (N-fill-marker).
 */
import { readXlsx } from "../../cli/adapters/xlsx";
import { checkWorkbook } from "../../src/checks";
import { checkBindings } from "../../src/checks/bindings";
import { checkNarrativeSelf } from "../../src/checks/narrativeSelf";
import { checkNarrativeText } from "../../src/checks/text";
import { generateNarrative, narrativeText } from "../../src/narrative/generate";
import { parseNarrative } from "../../src/narrative/parse";
import { describeFixtures, EXAMPLE_NAMES, FIXTURE_NAMES, WORKBOOKS } from "./helpers";
import { readReport } from "../../src/reader";
import { readForms } from "../../src/perf";

const MARKER = /【请填写[^】]*】/g;
const ALL = [...FIXTURE_NAMES, ...EXAMPLE_NAMES];
const PASTED = "（粘贴的情况说明）";
/** Errors of the input workbook that no text can remove (traced to DOMAIN §6.2). */
const INPUT_FINDINGS: Record<string, string[]> = { "bazhong-2020": ["P-11"], "bazhong-2020-yuan": ["P-11"] };

async function generated(name: string) {
  const snapshot = await readXlsx(WORKBOOKS[name]);
  const n = generateNarrative(readReport(snapshot), { forms: readForms(snapshot) });
  return { snapshot, n, text: narrativeText(n) };
}

describeFixtures("generated text passes the narrative checks", () => {
  test.each(ALL)("%s: parser + text/self checks", async (name) => {
    const { n } = await generated(name);
    const paragraphs = n.paragraphs.map((p, i) => ({ row: i + 1, text: p.text }));
    const parsed = parseNarrative(paragraphs, { year: n.year, template: n.template });
    const opts = { year: n.year, template: n.template, sheet: "情况说明（生成）" };
    const bad = [...checkNarrativeText(parsed, opts), ...checkNarrativeSelf(parsed, opts)]
      .filter((f) => (f.severity === "error" || f.severity === "warning") && f.rule !== "N-fill-marker")
      .map((f) => `${f.rule}: ${f.message}`);
    expect(bad).toEqual([]);
  });

  test.each(ALL)("%s: checkWorkbook(snapshot, { narrativeText })", async (name) => {
    const { snapshot, text } = await generated(name);
    const { findings } = checkWorkbook(snapshot, { narrativeText: text });
    const bad = findings.filter((f) => (f.severity === "error" || f.severity === "warning") && f.rule !== "N-fill-marker");
    // Findings of the workbook itself, whatever the text: in bazhong-2020 (and its 元 copy) 补充数据 says 1
    // self-evaluated project while the workbook has 5 forms (DOMAIN §6.2 #20). The generated text does not
    // take sides (a marker); the checker reports the conflict at the 补充数据 cell.
    const ofWorkbook = bad.filter((f) => INPUT_FINDINGS[name]?.includes(f.rule) && f.sheet !== PASTED);
    expect(ofWorkbook.map((f) => `${f.rule}@${f.sheet}`)).toEqual((INPUT_FINDINGS[name] ?? []).map((r) => `${r}@补充数据`));
    expect(bad.filter((f) => !ofWorkbook.includes(f)).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    // every marker is reported once, as a warning, on its line
    const markers = text.split("\n").flatMap((line, i) => (line.match(MARKER) ?? []).map((m) => `${i + 1}|${m}`));
    const reported = findings.filter((f) => f.rule === "N-fill-marker").map((f) => `${f.row}|${f.stated}`);
    expect(findings.filter((f) => f.rule === "N-fill-marker").every((f) => f.severity === "warning")).toBe(true);
    expect(reported.sort()).toEqual(markers.sort());
  });

  // The national 2024 wording "一般公共预算财政拨款支出年初预算为X万元，支出决算为Y万元，完成年初预算的r%":
  // X is the budget (slot 5.3.budget, bound to 补充数据 预算数), Y the 决算 (5.3.total); a wrong budget is caught.
  test("national: the budget is read as the budget, the 决算 amount as the amount", async () => {
    const { snapshot, n, text } = await generated("example-national-2024");
    const parsed = parseNarrative(n.paragraphs.map((p, i) => ({ row: i + 1, text: p.text })), { template: n.template, year: n.year });
    const bySlot = (slot: string) => parsed.claims.filter((c) => c.slot === slot).map((c) => (c.kind === "amount" ? c.value.toFixed(2) : c.kind));
    expect(bySlot("5.3.total")).toEqual(["223.34"]);
    expect(bySlot("5.3.budget")).toEqual(["234.98"]);
    const subjects = parsed.claims.filter((c) => c.kind === "subject" && c.canonical === "5.3");
    expect(subjects.length).toBe(7);
    for (const s of subjects) {
      if (s.kind !== "subject") continue;
      expect(s.amount?.role).toBeUndefined();
      expect(s.budget?.role).toBe("budget");
      expect(s.execution?.actual).toBe(s.amount);
      expect(s.execution?.budget).toBe(s.budget);
    }
    expect(bySlot("7.1.budget")).toEqual(["0.80"]);
    expect(bySlot("7.1.total")).toEqual(["0.80"]);

    const wrong = text.replace("年初预算为234.98万元", "年初预算为230.98万元").replace("年初预算为117.77万元", "年初预算为110.77万元");
    const rules = checkWorkbook(snapshot, { narrativeText: wrong })
      .findings.filter((f) => f.severity === "error")
      .map((f) => `${f.rule}@${f.row}`);
    expect(rules).toEqual(expect.arrayContaining(["N-exec-rate@16", "N-exec-rate@19"]));
    // the budget itself is bound to 补充数据 预算数 (checkWorkbook keeps only the narrative's own finding for the same figure)
    const parsedWrong = parseNarrative(wrong.split("\n").map((t, i) => ({ row: i + 1, text: t })), { template: n.template, year: n.year });
    const bound = checkBindings(parsedWrong, readReport(snapshot), "x").map((f) => `${f.rule}@${f.row}:${f.expected}`);
    expect(bound).toEqual(expect.arrayContaining(["N-1@16:234.98", "N-1@19:117.77"]));
  });

  // The blank template's 七(一) sentence with its items: each item's 决算 and rate bind to that item.
  test("national 七(一): item amounts and rates get the item's slots", () => {
    const text = [
      "七、财政拨款“三公”经费支出决算情况说明",
      "（一）“三公”经费财政拨款支出决算总体情况说明",
      "“三公”经费财政拨款支出年初预算为10.00万元，支出决算为8.00万元，完成预算的80.00%，其中：因公出国（境）费决算为2.00万元，完成预算的100.00%；公务用车购置及运行维护费支出决算为3.00万元，完成预算的75.00%；公务接待费支出决算为3.00万元，完成预算的75.00%。2024年度“三公”经费支出决算数小于预算数的主要原因：厉行节约。",
      "2024年度“三公”经费财政拨款支出决算数比2023年度减少1.00万元，下降11.11%，其中：因公出国（境）费支出决算减少0.50万元，下降20.00%；公务用车购置及运行维护费支出决算减少0.50万元，下降14.29%；公务接待费支出决算与2023年度持平。",
    ].map((t, i) => ({ row: i + 1, text: t }));
    const parsed = parseNarrative(text, { template: "national-2024", year: 2024 });
    const slots = parsed.claims.filter((c) => c.slot).map((c) => `${c.slot}=${c.kind === "amount" ? c.value.toFixed(2) : c.kind === "execution" ? c.rate.toFixed(2) : c.kind === "change" ? c.amount?.toFixed(2) : ""}`);
    expect(slots).toEqual(
      expect.arrayContaining([
        "7.1.budget=10.00",
        "7.1.total=8.00",
        "7.1.exec=80.00",
        "7.2.abroad.total=2.00",
        "7.2.abroad.exec=100.00",
        "7.2.vehicle.total=3.00",
        "7.2.vehicle.exec=75.00",
        "7.2.reception.total=3.00",
        "7.2.reception.exec=75.00",
        "7.2.abroad.change=0.50",
        "7.2.vehicle.change=0.50",
      ]),
    );
  });
});
