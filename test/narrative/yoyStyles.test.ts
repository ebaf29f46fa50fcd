/**
 * Year-on-year sentences in the styles of other provinces, against the national-2024 example workbook (report
 * year 2024): each correct form raises nothing of weight; the same form with one wrong figure is found.
 */
import { readXlsx } from "../../cli/adapters/xlsx";
import { checkWorkbook } from "../../src/checks";
import type { Finding } from "../../src/findings";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { example } from "../helpers/fixtures";

let snap: WorkbookSnapshot;
beforeAll(async () => {
  snap = await readXlsx(example("example-national-2024.xlsx"));
});

const weighty = (lines: string[]): Finding[] =>
  checkWorkbook(snap, { narrativeText: lines.join("\n") }).findings.filter((f) => f.severity !== "info");
const show = (fs: Finding[]) => fs.map((f) => `${f.rule} r${f.row}: ${f.message}`);

const S1 = "一、收入支出决算总体情况说明";
const S53 = "（三）一般公共预算财政拨款支出决算具体情况";

describe("reasons without the word 原因", () => {
  test("“，主要是…” after a rate of change is its reason", () => {
    const ok = "2024年度收入、支出总计均为236.01万元，与2023年度相比，收入、支出总计各减少了157.39万元，降幅为40.01%，主要是人员变动和项目经费减少。";
    expect(show(weighty([S1, ok]))).toEqual([]);
    const bad = "2024年度收入、支出总计均为236.01万元，与2023年度相比，收入、支出总计各减少了157.39万元，降幅为40.01%。";
    expect(weighty([S1, bad]).some((f) => f.rule === "N-reason-missing")).toBe(true);
  });
  test("“决算数小于年初预算数，主要是…” after a completion rate is its reason", () => {
    const ok = "一般公共预算财政拨款支出年初预算234.98万元，决算223.34万元，完成年初预算的95.05%。决算数小于年初预算数，主要是部分项目未实施完成。";
    expect(show(weighty([S53, ok]))).toEqual([]);
    const bad = "一般公共预算财政拨款支出年初预算234.98万元，决算223.34万元，完成年初预算的95.05%。决算数小于年初预算数。";
    expect(weighty([S53, bad]).some((f) => f.rule === "N-reason-missing")).toBe(true);
  });
});

describe("an amount labelled with an earlier year", () => {
  test("is the prior year's figure, not compared with this year's table", () => {
    expect(show(weighty([S1, "2023年度收入支出总计为393.40万元。"]))).toEqual([]);
    expect(weighty([S1, "2024年度收入支出总计为393.40万元。"]).some((f) => f.rule === "N-1" && f.severity === "error")).toBe(true);
  });
});

const S51 = "（一）一般公共预算财政拨款支出决算总体情况";

describe("rates written in other ways", () => {
  test("a negative growth rate (“增长率为-40.01%”) is a decrease", () => {
    const ok = "一般公共预算财政拨款支出223.34万元，较上年减少148.94万元，增长率为-40.01%。主要原因：人员变动。";
    expect(show(weighty([S51, ok]))).toEqual([]);
    expect(weighty([S51, ok.replace("-40.01%", "-41.01%")]).some((f) => /^N-(6|yoy-rate)$/.test(f.rule) && f.severity === "error")).toBe(true);
    // the rate is given back as the text writes it, signed
    expect(weighty([S51, ok.replace("-40.01%", "-41.01%")]).find((f) => f.rule === "N-yoy-rate")?.expected).toBe("-40.01%");
    expect(weighty([S51, ok.replace("减少", "增加")]).some((f) => /^N-(4|direction)$/.test(f.rule) && f.severity === "error")).toBe(true);
  });
  test("the rate before the amount (“同比减少40.01%，减少金额157.39万元”)", () => {
    const ok = "2024年度收入支出总计236.01万元，同比减少40.01%，减少金额157.39万元。主要原因：人员变动。";
    expect(show(weighty([S1, ok]))).toEqual([]);
    expect(weighty([S1, ok.replace("40.01%", "41.01%")]).some((f) => /^N-(6|yoy-rate)$/.test(f.rule) && f.severity === "error")).toBe(true);
    expect(weighty([S1, ok.replace("157.39", "175.39")]).some((f) => f.rule === "N-5" && f.severity === "error")).toBe(true);
  });
});

describe("a change with no subject after a sentence about one", () => {
  const S71 = "（一）“三公”经费财政拨款支出决算总体情况说明";
  const ok = "“三公”经费财政拨款支出决算为0.8万元，完成年初预算的100%。比2023年度减少0.2万元，下降20%，主要原因是厉行节约。";
  test("is of that subject, in its paragraph", () => {
    expect(show(weighty([S71, ok]))).toEqual([]);
    expect(weighty([S71, ok.replace("下降20%", "下降25%")]).some((f) => /^N-(6|yoy-rate)$/.test(f.rule) && f.severity === "error")).toBe(true);
    expect(weighty([S71, ok.replace("0.2万元，下降20%", "0.3万元，下降30%")]).some((f) => f.rule === "N-5" && f.severity === "error")).toBe(true);
  });
});

describe("a prior year's amount stated in the text", () => {
  const ok = "2024年度收入支出总计236.01万元，比2023年度的393.40万元减少157.39万元，下降40.01%。主要原因：人员变动。";
  test("is compared with 补充数据's 上年数 (N-prior)", () => {
    expect(show(weighty([S1, ok]))).toEqual([]);
    const bad = weighty([S1, ok.replace("393.40", "339.40")]);
    expect(bad.some((f) => f.rule === "N-prior" && f.severity === "error" && f.expected === "393.40")).toBe(true);
  });
  test("a wrong rate names the stated prior, not one inferred from the current", () => {
    const text = "一般公共预算财政拨款支出223.34万元，上年为372.28万元，减少148.94万元，下降40.01%，原因同上。";
    expect(show(weighty([S51, text]))).toEqual([]);
    const rate = weighty([S51, text.replace("40.01%", "41.01%")]).find((f) => f.rule === "N-yoy-rate");
    expect(rate?.message).toContain("按文中上年372.28万元计算");
    expect(rate?.message).not.toContain("按本年");
  });
});

describe("公务接待 counts", () => {
  const S72 = "（二）“三公”经费财政拨款支出决算具体情况说明";
  test("a 外事 count after the 国内 ones in one clause is 外事's", () => {
    const ok = "3.公务接待费0.80万元，上年1.00万元。国内公务接待共8批次80人次，外事接待0批次。";
    expect(show(weighty([S72, ok]))).toEqual([]);
    expect(weighty([S72, ok.replace("共8批次", "共18批次")]).some((f) => f.rule === "N-2" && f.severity === "error")).toBe(true);
    expect(weighty([S72, ok.replace("外事接待0批次", "外事接待2批次")]).some((f) => f.rule === "N-2" && f.severity === "error")).toBe(true);
  });
});

describe("a sentence split over two lines", () => {
  test("“与之相比” at the start of a line refers to the prior amount ending the line before", () => {
    const lines = [S1, "本单位2024年度收入总计236.01万元，支出总计236.01万元。2023年度收入支出总计为393.40万元，", "与之相比减少157.39万元，减幅40.01%。主要原因是人员变动。"];
    expect(show(weighty(lines))).toEqual([]);
    const bad = [...lines.slice(0, 2), lines[2].replace("40.01%", "44.01%")];
    // the two lines are one paragraph (the first ends in a comma): the finding is at it
    expect(weighty(bad).some((f) => f.rule === "N-yoy-rate" && f.severity === "error" && (f.row === 2 || f.row === 3))).toBe(true);
  });
});
