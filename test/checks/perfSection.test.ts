/**
 * 十 预算绩效管理 (national 2024 template) against 补充数据: the budgets of the counted projects, the grade counts
 * and the problems found/rectified are bound to their 补充数据 items — the generated text passes, a changed
 * figure is found at its paragraph (N-1 / N-2), with the sum rules of the section beside it.
 */
import { readXlsx } from "../../cli/adapters/xlsx";
import { checkWorkbook } from "../../src/checks";
import { generateNarrative, narrativeText } from "../../src/narrative/generate";
import { readForms } from "../../src/perf";
import { readReport } from "../../src/reader";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { example } from "../helpers/fixtures";

let snap: WorkbookSnapshot;
let text: string;
beforeAll(async () => {
  snap = await readXlsx(example("example-national-2024.xlsx"));
  text = narrativeText(generateNarrative(readReport(snap), { forms: readForms(snap) }));
});

const weighty = (t: string) => checkWorkbook(snap, { narrativeText: t }).findings.filter((f) => f.sheet === "（粘贴的情况说明）" && f.severity !== "info" && f.rule !== "N-fill-marker");

test("the generated 十 passes", () => {
  expect(text).toMatch(/绩效评级为“优”的项目\d+个/);
  expect(weighty(text).map((f) => f.message)).toEqual([]);
});

test.each([
  [/(编报绩效目标的\d{4}年度项目\d+个，涉及预算金额)([\d.]+)/, "N-1"],
  [/(绩效评级为“优”的项目)(\d+)/, "N-2"],
  [/(共发现问题)(\d+)/, "N-2"],
  [/(正在整改的)(\d+)/, "N-2"],
])("a changed figure (%s) is %s", (re, rule) => {
  const m = re.exec(text);
  expect(m).not.toBeNull();
  const bumped = text.replace(re, (_x, head: string, n: string) => `${head}${n.includes(".") ? (Number(n) + 1).toFixed(2) : String(Number(n) + 1)}`);
  expect(weighty(bumped).some((f) => f.rule === rule && f.severity === "error")).toBe(true);
});
