/**
 * A 类 name the tables do not have (“社会保障与就业支出（类）”, 与 for 和) is a name to correct, never a row of 0.00 that
 * contradicts the amount: the amount and share bindings skip it, N-class-name names the 类 that has the amount.
 */
import { readXlsx } from "../../cli/adapters/xlsx";
import { checkWorkbook } from "../../src/checks";
import { example } from "../helpers/fixtures";

test("a misspelt 类 name is a name warning, not an amount error", async () => {
  const snap = await readXlsx(example("example-national-2024.xlsx"));
  const text = [
    "五、一般公共预算财政拨款支出决算情况说明",
    "（二）一般公共预算财政拨款支出决算结构情况",
    "一般公共预算财政拨款支出223.34万元，主要用于以下方面：一般公共服务支出（类）198.77万元，占89.00%；社会保障与就业支出（类）8.80万元，占3.94%；卫生健康支出（类）5.20万元，占2.33%；住房保障支出（类）10.57万元，占4.73%。",
  ].join("\n");
  const found = checkWorkbook(snap, { narrativeText: text }).findings.filter((f) => f.row === 3 && f.severity !== "info");
  expect(found.map((f) => f.rule)).toEqual(["N-class-name"]);
});

test("an enumerator before the 类 name (一是, ①, （1）) is not part of the name", async () => {
  const snap = await readXlsx(example("example-national-2024.xlsx"));
  const text = [
    "五、一般公共预算财政拨款支出决算情况说明",
    "（二）一般公共预算财政拨款支出决算结构情况",
    "一般公共预算财政拨款支出223.34万元，主要用于：一是一般公共服务支出198.77万元，占89.00%；二是社会保障和就业支出8.80万元，占3.94%；三是卫生健康支出5.20万元，占2.33%；四是住房保障支出10.57万元，占4.73%。",
  ].join("\n");
  const found = checkWorkbook(snap, { narrativeText: text }).findings.filter((f) => f.row === 3 && f.severity !== "info");
  expect(found.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
});

test("a 政府采购 share of the base the text names (占授予中小企业合同金额的60%) is judged against that base", async () => {
  const snap = await readXlsx(example("example-national-2024.xlsx"));
  const check = (share: string) =>
    checkWorkbook(snap, { narrativeText: ["（二）政府采购支出情况", `授予中小企业合同金额10.00万元，占政府采购支出总额的80.00%，其中：授予小微企业合同金额6.00万元，占授予中小企业合同金额的${share}。`].join("\n") })
      .findings.filter((f) => f.row === 2 && f.severity !== "info")
      .map((f) => f.rule);
  expect(check("60.00%")).toEqual([]);
  expect(check("50.00%")).toEqual(["N-share-rate"]);
});
