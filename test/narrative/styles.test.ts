/**
 * Correct statements in other provinces' styles raise nothing of weight (national 2024 example workbook): a 七（二）
 * summary line before the items, a 小微企业 share of the procurement total inside a 其中, a “分别用于…金额分别为” list.
 */
import { readXlsx } from "../../cli/adapters/xlsx";
import { checkWorkbook } from "../../src/checks";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { example } from "../helpers/fixtures";

let snap: WorkbookSnapshot;
beforeAll(async () => {
  snap = await readXlsx(example("example-national-2024.xlsx"));
});
const weighty = (lines: string[]) => checkWorkbook(snap, { narrativeText: lines.join("\n") }).findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.row}: ${f.message}`);

test("an item stated in the 七（二）summary and again in its own paragraph is one part of the 三公 total", () => {
  expect(
    weighty([
      "七、财政拨款“三公”经费支出决算情况说明",
      "（一）“三公”经费财政拨款支出决算总体情况说明",
      "2024年度“三公”经费财政拨款支出决算为0.80万元。",
      "（二）“三公”经费财政拨款支出决算具体情况说明",
      "2024年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0万元，占0%；公务用车购置及运行维护费支出决算0万元，占0%；公务接待费支出决算0.80万元，占100%。具体情况如下：",
      "公务接待费支出0.80万元。其中：国内公务接待支出0.80万元，外事接待支出0万元。",
    ]),
  ).toEqual([]);
});

test("“其中授予小微企业合同金额…，占48%” is a share of the procurement total, not of the 中小企业 amount", () => {
  const text = (micro: string) => [
    "（二）政府采购支出情况",
    `2024年度政府采购支出总额12.50万元，其中：货物8.30万元、工程0.00万元、服务4.20万元。授予中小企业合同金额10.00万元，占80%，其中授予小微企业合同金额6.00万元，占${micro}。`,
  ];
  expect(weighty(text("48%"))).toEqual([]);
});

test("a “分别用于A、B…，金额分别为…” list does not turn its own words into 类 names", () => {
  const found = weighty([
    "五、一般公共预算财政拨款支出决算情况说明",
    "（二）一般公共预算财政拨款支出决算结构情况",
    "一般公共预算财政拨款支出分别用于一般公共服务支出、社会保障和就业支出、卫生健康支出、住房保障支出，金额分别为1,987,700元、88,000元、52,000元、105,700元，分别占89.00%、3.94%、2.33%、4.73%。",
  ]);
  expect(found.filter((f) => f.startsWith("N-class-name"))).toEqual([]);
});

test("a 其中 list ends at the “；” before the next total (收入总计…，其中：…；支出总计…，其中：…)", () => {
  const lines = (begin: string) => [
    "四、财政拨款收入支出决算总体情况说明",
    `2024年度财政拨款收入总计236.01万元，其中：本年财政拨款收入215.04万元，年初财政拨款结转和结余${begin}万元；财政拨款支出总计236.01万元，其中：本年财政拨款支出223.34万元，年末财政拨款结转和结余12.67万元。`,
  ];
  expect(weighty(lines("20.97")).filter((f) => f.startsWith("N-foot"))).toEqual([]);
  expect(weighty(lines("21.97")).length).toBeGreaterThan(0);
});
