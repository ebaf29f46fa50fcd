/**
 * 五（三）items as departments number and nest them: ① items, and 款/项 lines nested under a “1.X（类）” line. Their
 * figures are the items', never the section's total or budget; nested paths take the 类 above them.
 */
import { readXlsx } from "../../cli/adapters/xlsx";
import { checkWorkbook } from "../../src/checks";
import { parseNarrative } from "../../src/narrative/parse";
import { paragraphsFromText } from "../../src/narrative/paragraphs";
import type { SubjectClaim } from "../../src/narrative/types";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { example } from "../helpers/fixtures";

const HEAD = ["五、一般公共预算财政拨款支出决算情况说明", "（三）一般公共预算财政拨款支出决算具体情况"];
const OPEN = "一般公共预算财政拨款支出年初预算为234.98万元，支出决算为223.34万元，完成年初预算的95.05%。决算数小于预算数的主要原因：项目未实施完成。其中：";

let snap: WorkbookSnapshot;
beforeAll(async () => {
  snap = await readXlsx(example("example-national-2024.xlsx"));
});
const weighty = (lines: string[]) => checkWorkbook(snap, { narrativeText: [...HEAD, ...lines].join("\n") }).findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.row}: ${f.message}`);

test("① items are items: their 预算数 is not the section's", () => {
  expect(weighty([OPEN, "①一般行政管理事务（项）年初预算3.50万元，决算3.50万元，完成100%；"])).toEqual([]);
});

test("款/项 lines nested under a 类 line take that 类 and their figures", () => {
  const lines = [
    OPEN,
    "1.一般公共服务支出（类）",
    "（1）宣传事务（款）一般行政管理事务（项）。年初预算为3.50万元，支出决算为3.50万元，完成年初预算的100.00%。",
    "（2）宣传事务（款）事业运行（项）。年初预算为72.71万元，支出决算为72.71万元，完成年初预算的100.00%。",
    "（3）宣传事务（款）其他宣传事务支出（项）。年初预算为117.77万元，支出决算为106.13万元，完成年初预算的90.12%。决算数小于预算数的主要原因：项目未实施完成。",
    "（4）网信事务（款）其他网信事务支出（项）。年初预算为16.43万元，支出决算为16.43万元，完成年初预算的100.00%。",
    "2.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。年初预算为8.80万元，支出决算为8.80万元，完成年初预算的100.00%。",
    "3.卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）。年初预算为5.20万元，支出决算为5.20万元，完成年初预算的100.00%。",
    "4.住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为10.57万元，支出决算为10.57万元，完成年初预算的100.00%。",
  ];
  expect(weighty(lines)).toEqual([]);
  const subjects = parseNarrative(paragraphsFromText([...HEAD, ...lines].join("\n")), {}).claims.filter((c): c is SubjectClaim => c.kind === "subject");
  expect(subjects.slice(0, 2).map((s) => [s.lei, s.kuan, s.xiang, s.amount?.value.toString()])).toEqual([
    ["一般公共服务支出", "宣传事务", "一般行政管理事务", "3.5"],
    ["一般公共服务支出", "宣传事务", "事业运行", "72.71"],
  ]);
  expect(subjects).toHaveLength(7);
  // A wrong figure of a nested item is still found against 公开05表.
  expect(weighty(lines.map((l, i) => (i === 2 ? l.replace("支出决算为3.50万元", "支出决算为3.60万元") : l))).some((f) => f.startsWith("N-1 "))).toBe(true);
});

test("after “其中” in a 五（三）paragraph the figures are the items' (“其余项级科目均完成预算100%” is not the overall rate)", async () => {
  const sc = await readXlsx(example("example-sichuan-2020.xlsx"));
  const text = [
    ...HEAD,
    "2020年度一般公共预算支出决算数为223.34万元，完成预算95.05%，决算数小于预算数的主要原因是项目未实施完成。其中：其他宣传事务支出（项）支出决算为106.13万元，完成预算90.12%，决算数小于预算数的主要原因是专项整治行动部分延至下年实施；其余项级科目均完成预算100%。",
  ].join("\n");
  const found = checkWorkbook(sc, { narrativeText: text }).findings.filter((f) => f.severity !== "info");
  expect(found.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
});

test("a reception count is 国内 or 外事 by its clause (“…；外事接待费0万元，接待0批次、0人次”)", async () => {
  const sc = await readXlsx(example("example-sichuan-2020.xlsx"));
  const lines = ["七、“三公”经费财政拨款支出决算情况说明", "（二）“三公”经费财政拨款支出决算具体情况说明", "3.公务接待费。支出决算为0.80万元。其中：国内公务接待费0.80万元，接待8批次、80人次；外事接待费0万元，接待0批次、0人次。"];
  const found = checkWorkbook(sc, { narrativeText: lines.join("\n") }).findings.filter((f) => f.severity !== "info");
  expect(found.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  const wrong = checkWorkbook(sc, { narrativeText: [...lines.slice(0, 2), lines[2].replace("80人次", "60人次")].join("\n") }).findings;
  expect(wrong.some((f) => f.rule === "N-2" && f.severity === "error")).toBe(true);
});

test("the gap to the budget after a completion rate (“决算数比预算数少11.64万元，主要原因是…”) does not hide the reason", async () => {
  const sc = await readXlsx(example("example-sichuan-2020.xlsx"));
  const text = [...HEAD, "2020年一般公共预算支出决算数为223.34万元，年初预算数为234.98万元，完成预算95.05%，决算数比预算数少11.64万元，主要原因是项目未实施完成。"].join("\n");
  expect(checkWorkbook(sc, { narrativeText: text }).findings.filter((f) => f.severity !== "info").map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
});

test("年初/年末结转和结余 stated in 一 are 公开01表's", async () => {
  const sc = await readXlsx(example("example-sichuan-2020.xlsx"));
  const text = (begin: string, end: string) =>
    ["一、收入支出决算总体情况说明", `2020年度收、支总计各236.01万元。本年收入合计215.04万元，年初结转和结余${begin}万元。本年支出合计223.34万元，年末结转和结余${end}万元。`].join("\n");
  const n1 = (t: string) => checkWorkbook(sc, { narrativeText: t }).findings.filter((f) => f.rule === "N-1").map((f) => f.stated);
  expect(n1(text("20.97", "12.67"))).toEqual([]);
  expect(n1(text("21.97", "12.76"))).toEqual(["21.97", "12.76"]);
});

test("reasons of the overall 五（三）rate: after “未执行部分X万元”, or in the items where the gaps are", () => {
  expect(weighty(["全年预算234.98万元，决算223.34万元，执行率95.05%。未执行部分11.64万元，原因是项目未实施完成。"])).toEqual([]);
  const items = [
    "一般公共预算财政拨款支出年初预算为234.98万元，支出决算为223.34万元，完成年初预算的95.05%。其中：",
    "1.一般公共服务支出（类）宣传事务（款）一般行政管理事务（项）。年初预算为3.50万元，支出决算为3.50万元，完成年初预算的100.00%。",
    "2.一般公共服务支出（类）宣传事务（款）事业运行（项）。年初预算为72.71万元，支出决算为72.71万元，完成年初预算的100.00%。",
    "3.一般公共服务支出（类）宣传事务（款）其他宣传事务支出（项）。年初预算为117.77万元，支出决算为106.13万元，完成年初预算的90.12%。决算数小于预算数的主要原因：项目未实施完成。",
    "4.一般公共服务支出（类）网信事务（款）其他网信事务支出（项）。年初预算为16.43万元，支出决算为16.43万元，完成年初预算的100.00%。",
    "5.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。年初预算为8.80万元，支出决算为8.80万元，完成年初预算的100.00%。",
    "6.卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）。年初预算为5.20万元，支出决算为5.20万元，完成年初预算的100.00%。",
    "7.住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为10.57万元，支出决算为10.57万元，完成年初预算的100.00%。",
  ];
  expect(weighty(items)).toEqual([]);
});
