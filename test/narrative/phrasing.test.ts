/**
 * Ways departments phrase the year-on-year sentence (seen across provinces): the subject said once before the
 * change (“收、支总计236.01万元，比上年减少…”), 同比/较上年/与上年相比, rate words 降幅/减幅为/增长率为, particles
 * (减少了). A correct sentence in any of them raises nothing of weight; the same sentence with a wrong figure or
 * direction is found at its paragraph, against the workbook (N-4/N-5/N-6) or within the text (N-yoy-rate).
 */
import { readXlsx } from "../../cli/adapters/xlsx";
import { checkWorkbook } from "../../src/checks";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { example } from "../helpers/fixtures";

const HEAD = ["第二部分 2020年度部门决算情况说明", "一、收入支出决算总体情况说明"];
const CORRECT = [
  "2020年度收、支总计236.01万元。与2019年相比，收、支总计各减少157.39万元，下降40.01%。主要原因是人员变动，经费减少。",
  "2020年度收、支总计236.01万元，比上年减少157.39万元，下降40.01%，主要原因是人员变动，经费减少。",
  "2020年度收、支总计236.01万元，较2019年减少157.39万元，降幅40.01%。主要原因是人员变动，经费减少。",
  "2020年度收入、支出总计均为236.01万元，同比减少157.39万元，下降40.01%。主要原因是人员变动、经费减少。",
  "2020年度收支总计236.01万元，与上年相比减少157.39万元，下降40.01%，减少的主要原因是人员变动，经费减少。",
  "2020年度收、支总计236.01万元，比2019年度决算数减少了157.39万元，减幅为40.01%。原因是人员变动，经费减少。",
  "2020年度收、支总计236.01万元,较上年减少157.39万元,下降幅度为40.01%,主要原因是人员变动,经费减少.",
];
const WRONG: [string, RegExp][] = [
  ["2020年度收、支总计236.01万元，比上年增加157.39万元，增长40.01%，主要原因是人员变动，经费减少。", /^N-4$/],
  ["2020年度收、支总计236.01万元，较2019年减少175.39万元，降幅40.01%。主要原因是人员变动，经费减少。", /^N-5$/],
  ["2020年度收支总计236.01万元，同比减少157.39万元，下降41.01%，主要原因是人员变动，经费减少。", /^N-(6|yoy-rate)$/],
  ["2020年度收、支总计236.01万元，比2019年度决算数减少了175.39万元，减幅为40.01%。", /^N-5$/],
];

let snap: WorkbookSnapshot;
beforeAll(async () => {
  snap = await readXlsx(example("example-sichuan-2020.xlsx"));
});

const weighty = (text: string) =>
  checkWorkbook(snap, { narrativeText: [...HEAD, text].join("\n") }).findings.filter((f) => f.row === 3 && f.severity !== "info");

test.each(CORRECT)("correct: %s", (text) => {
  expect(weighty(text).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
});

test.each(WRONG)("wrong: %s", (text, rule) => {
  expect(weighty(text).some((f) => rule.test(f.rule) && f.severity === "error")).toBe(true);
});
