/**
 * Kinds of writing met in published 情况说明 of other departments (2016–2023, read as pasted text): brackets typed
 * half-width around a 其中 list, budgets written inside a 三公 item list (“完成预算x万元的r%”), a report of the 三公
 * alone numbered 一、二, amounts in 元 throughout, “经比较YYYY年度…” naming the report's own year, reasons given
 * as “…的主要情况：” in a later paragraph, a rate with thousands separators, comparisons with a budget, shares in
 * brackets or naming the list's total. The figures here are made up; each correct text raises nothing of weight and
 * each wrong one is found at its paragraph.
 */
import { readXlsx } from "../../cli/adapters/xlsx";
import { checkWorkbook } from "../../src/checks";
import type { Finding } from "../../src/findings";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { example } from "../helpers/fixtures";

const textOnly = (lines: string[]): Finding[] => checkWorkbook({ sheets: [] }, { narrativeText: lines.join("\n") }).findings;
const weighty = (fs: Finding[], row?: number) => fs.filter((f) => f.severity !== "info" && f.row != null && (row === undefined || f.row === row));
const show = (fs: Finding[]) => fs.map((f) => `${f.rule} 第${f.row}行: ${f.message}`);

const SC_HEAD = ["第二部分 2021年度部门决算情况说明"];
const SANGONG_ALONE = [
  "某某局2021年度“三公”经费决算情况说明",
  "一、一般公共预算财政拨款“三公”经费支出决算总体情况",
  "2021年度一般公共预算财政拨款“三公”经费支出年初预算为30,000元，支出决算为26,000.50元，完成年初预算的86.67%。决算数小于预算数的主要原因是厉行节约。",
  "二、一般公共预算财政拨款“三公”经费支出决算具体情况",
  "2021年度一般公共预算财政拨款“三公”经费支出决算中，因公出国(境)费支出0元，占0%；公务用车购置及运行维护费支出20,000.50元，占,76.92%；公务接待费支出6,000元，占23.08%。",
];

describe("correct texts raise nothing of weight", () => {
  test("a 其中 list in half-width brackets inside an outer list is the bracket's own", () => {
    const fs = textOnly([
      ...SC_HEAD,
      "二、收入决算情况说明",
      "本年收入合计500.00万元;包括财政拨款收入450.00万元(其中,一般公共预算450.00万元,政府性基金预算0万元,国有资本经营预算0万元),占收入合计90.00%;上级补助收入0万元,占收入合计0%;事业收入50.00万元,占收入合计10.00%。",
    ]);
    expect(show(weighty(fs))).toEqual([]);
  });

  test("budgets written with the items of a 三公 list (“完成预算x万元的r%”) are neither items nor totals", () => {
    const fs = textOnly([
      ...SC_HEAD,
      "七、财政拨款“三公”经费支出决算情况说明",
      "（一）“三公”经费财政拨款支出决算总体情况说明",
      "2021年度“三公”经费财政拨款支出决算为30.00万元,完成全年预算40.00万元的75.0%。其中:因公出国(境)费支出决算为5.00万元,完成预算5.00万元的100%;公务用车购置及运行维护费支出决算为15.00万元,完成预算20.00万元的75.0%;其中:公务用车购置支出决算为0万元,完成预算0万元的--%(基数为0,不可比);公务用车运行维护费支出决算为15.00万元,完成预算20.00万元的75.0%;公务接待费支出决算为10.00万元,完成预算15.00万元的66.7%。",
    ]);
    expect(show(weighty(fs).filter((f) => f.rule !== "N-reason-missing"))).toEqual([]);
  });

  test("a report of the 三公 alone, numbered 一、二, in 元: the list of 二 is 七（二）'s, and its items add up", () => {
    expect(show(weighty(textOnly(SANGONG_ALONE)))).toEqual([]);
  });

  test("“经比较YYYY年度…” names the report's year: its figure is the current one", () => {
    const fs = textOnly([...SC_HEAD, "七、财政拨款“三公”经费支出决算情况说明", "经比较2021年度“三公”经费30万元，较上年减少10万元，下降25%，主要是严控一般性支出。"]);
    expect(show(weighty(fs))).toEqual([]);
  });

  test("the reason given later in the section as “…大于上年决算数的主要情况：”", () => {
    const fs = textOnly([
      ...SC_HEAD,
      "七、财政拨款“三公”经费支出决算情况说明",
      "（一）“三公”经费财政拨款支出决算总体情况说明",
      "2021年度“三公”经费财政拨款支出决算为30.00万元，完成全年预算40.00万元的75.0%，比上年决算数增加10.00万元，增长50.0%。",
      "2021年度“三公”经费支出决算小于预算数的主要情况：厉行节约，从严控制开支。",
      "2021年度“三公”经费支出决算大于上年决算数的主要情况：公务往来恢复正常。",
    ]);
    expect(show(weighty(fs))).toEqual([]);
  });

  test("a rate written with thousands separators (“增长1,000.0%”) has its %", () => {
    const fs = textOnly([
      ...SC_HEAD,
      "七、财政拨款“三公”经费支出决算情况说明",
      "2021年度公务接待费支出决算为22.00万元，比上年决算数增加20.00万元，增长1,000.0%，主要原因是公务往来恢复。",
    ]);
    expect(show(weighty(fs))).toEqual([]);
  });

  test("a chart marker in pasted text is a note to check: the chart, if the report has it, is not in the text", () => {
    const fs = textOnly([...SC_HEAD, "一、收入支出决算总体情况说明", "2021年度收、支总计236.01万元。", "(图1:收、支决算总计变动情况图)(柱状图)"]);
    const chart = fs.filter((f) => f.rule === "N-chart-marker");
    expect(chart.map((f) => f.severity)).toEqual(["info"]);
    expect(chart[0].message).toMatch(/文本中看不到图表/);
  });

  test("figures in whole 万元 foot within their own rounding (“2906万元，其中：基本支出279万元…项目支出2626万元”)", () => {
    const fs = textOnly([...SC_HEAD, "三、支出决算情况说明", "2021年度支出合计2906万元，其中：基本支出279万元，占总支出的10%；项目支出2626万元，占总支出的90%。"]);
    expect(show(weighty(fs))).toEqual([]);
    expect(fs.some((f) => f.rule === "N-foot-tail")).toBe(true);
  });

  test("one total broken down twice in one list (by use, then by source)", () => {
    const fs = textOnly([
      ...SC_HEAD,
      "二、收入决算情况说明",
      "我单位2021年收入总额为6488440元，其中，人员经费为6157140元，日常公用经费为331300元，财政补助收入为6408440元，其他收入为80000元。",
    ]);
    expect(show(weighty(fs))).toEqual([]);
  });

  test("a figure broken from its unit at a line end is read with its unit", () => {
    const fs = textOnly([...SC_HEAD, "二、收入决算情况说明", "本年收入合计252.5万元，其中：财政拨款收入252.5", "万元，占本年收入合计的100%。"]);
    expect(show(weighty(fs))).toEqual([]);
  });

  test("a 三公 total one cent off the sum of its three items is 尾差 (info), not a warning", () => {
    const fs = textOnly([
      ...SC_HEAD,
      "七、财政拨款“三公”经费支出决算情况说明",
      "（一）“三公”经费财政拨款支出决算总体情况说明",
      "2021年度“三公”经费财政拨款支出年初预算3.00万元，支出决算1.75万元，完成年初预算的58.33%。决算数小于年初预算数的主要原因是厉行节约。",
      "（二）“三公”经费财政拨款支出决算具体情况说明",
      "2021年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0.51万元，占28.98%；公务用车购置及运行维护费支出决算0.62万元，占35.23%；公务接待费支出决算0.63万元，占35.79%。",
    ]);
    const sq = fs.filter((f) => f.rule === "N-same-quantity");
    expect(sq.length).toBeGreaterThan(0);
    expect(sq.every((f) => f.severity === "info" && /尾差/.test(f.message))).toBe(true);
    expect(show(weighty(fs))).toEqual([]);
  });
});

describe("wrong texts are found at their paragraph", () => {
  test("a share in brackets (“（占98.00%）”) is a share of its amount", () => {
    const fs = textOnly([
      ...SC_HEAD,
      "五、一般公共预算财政拨款支出决算情况说明",
      "（二）一般公共预算财政拨款支出决算结构情况",
      "按功能分类，一般公共服务支出60.00万元（占50.00%），住房保障支出40.00万元（占40.00%）。",
    ]);
    expect(weighty(fs, 4).some((f) => f.rule === "N-share-rate" && f.severity === "error")).toBe(true);
  });

  test("a share naming the list's own total (“占基本支出的”) is checked against it", () => {
    const fs = textOnly([
      ...SC_HEAD,
      "六、一般公共预算财政拨款基本支出决算情况说明",
      "2021年度一般公共预算财政拨款基本支出100.00万元，其中：人员经费80.00万元，占基本支出的82.00%；公用经费20.00万元，占基本支出的20.00%。",
    ]);
    expect(weighty(fs, 3).some((f) => f.rule === "N-share-rate" && /80\.00%/.test(f.message))).toBe(true);
  });

  test("“分别占政府采购支出总额的…” against that total", () => {
    const fs = textOnly([
      ...SC_HEAD,
      "十、其他重要事项的情况说明",
      "（二）政府采购支出情况",
      "2021年度，本单位政府采购支出总额10.00万元，其中：政府采购货物支出6.00万元、政府采购工程支出0万元、政府采购服务支出4.00万元，分别占政府采购支出总额的65.00%、0%、40.00%。",
    ]);
    expect(weighty(fs, 4).some((f) => f.rule === "N-share-rate" && /60\.00%/.test(f.message))).toBe(true);
  });

  test("a change naming no subject after the 三公 total's sentence is that total's change", () => {
    const fs = textOnly([
      ...SC_HEAD,
      "七、财政拨款“三公”经费支出决算情况说明",
      "（一）“三公”经费财政拨款支出决算总体情况说明",
      "2021年度“三公”经费财政拨款支出年初预算为0.80万元，支出决算为0.80万元，完成年初预算的100%。比2020年度减少了0.20万元，降幅为25%，主要原因是厉行节约。",
    ]);
    expect(weighty(fs, 4).some((f) => f.rule === "N-yoy-rate" && /20\.00%/.test(f.message))).toBe(true);
  });

  test("a change against a budget is judged against that budget, and says so", () => {
    const fs = textOnly([
      ...SC_HEAD,
      "七、财政拨款“三公”经费支出决算情况说明",
      "公务接待费支出2.00万元，与2021年度预算相比，增加1.00万元，增长1.00%，增长的原因是新设临时机构。",
    ]);
    const f = weighty(fs, 3).find((x) => x.rule === "N-yoy-rate");
    expect(f?.message).toMatch(/预算数为1万元.*100\.00%/);
    expect(f?.message).not.toMatch(/上年/);
  });

  test("“经比较YYYY年度…” with a wrong rate", () => {
    const fs = textOnly([...SC_HEAD, "七、财政拨款“三公”经费支出决算情况说明", "经比较2021年度“三公”经费30万元，较上年减少10万元，下降33.33%，主要是严控一般性支出。"]);
    expect(weighty(fs, 3).map((f) => f.rule)).toEqual(["N-yoy-rate"]);
  });

  test("a 年初结转和结余 stated beside 本年收入 in 二 is 一's figure too", () => {
    const fs = textOnly([
      ...SC_HEAD,
      "一、收入支出决算总体情况说明",
      "2021年度收、支总计各236.01万元，其中：本年收入215.04万元，年初结转和结余20.97万元。",
      "二、收入决算情况说明",
      "本年收入合计215.04万元，全部为财政拨款收入。另有年初结转和结余29.07万元。",
    ]);
    expect(weighty(fs, 5).map((f) => f.rule)).toEqual(["N-same-quantity"]);
  });

  test("a rate printed with more than two decimals is quoted as printed", () => {
    const fs = textOnly([...SC_HEAD, "七、财政拨款“三公”经费支出决算情况说明", "公务接待费支出5.00万元，较上年减少1.00万元，下降0.006%，主要是厉行节约。"]);
    expect(weighty(fs, 3).find((f) => f.rule === "N-yoy-rate")?.message).toMatch(/文中为0\.006%/);
  });
});

describe("against the workbook", () => {
  let snap: WorkbookSnapshot;
  beforeAll(async () => {
    snap = await readXlsx(example("example-national-2024.xlsx"));
  });
  const procurement = (share: string) =>
    checkWorkbook(snap, {
      narrativeText: [
        "第二部分 2024年度部门决算情况说明",
        "十一、其他重要事项的情况说明",
        "（二）政府采购支出情况",
        `2024年度，本单位政府采购合同金额合计12.50万元，其中面向中小企业10.00万元，中小企业占比${share}%。`,
      ].join("\n"),
    }).findings.filter((f) => f.row === 4 && f.severity !== "info");

  test("“中小企业占比r%” is the 中小企业 share of the procurement total", () => {
    expect(show(procurement("80.00"))).toEqual([]);
    const wrong = procurement("85.00");
    expect(wrong.map((f) => f.rule)).toEqual(["N-3"]);
    expect(wrong[0].message).toMatch(/“中小企业”占比85\.00%/);
  });
});

describe("a list typed one item a line (as copied from a PDF or a web page)", () => {
  const lines = (first: string) => [
    "（二）一般公共预算财政拨款支出决算结构情况",
    "一般公共预算财政拨款支出223.34万元，主要用于以下方面：",
    `一般公共服务支出198.77万元，占${first}%；`,
    "社会保障和就业支出8.80万元，占3.94%；",
    "卫生健康支出5.20万元，占2.33%；",
    "住房保障支出10.57万元，占4.73%。",
  ];
  test("lines of like width ending at marks are not one wrapped paragraph, and their items are one list", () => {
    expect(show(weighty(textOnly(lines("89.00"))))).toEqual([]);
  });
  test("a wrong share of such a list is found at its line", () => {
    expect(weighty(textOnly(lines("98.00")), 3).some((f) => f.rule === "N-share-rate")).toBe(true);
  });
});

test("四 stating 财政拨款收入总计 and 支出总计 apart with two different figures", () => {
  const fs = textOnly([
    ...SC_HEAD,
    "四、财政拨款收入支出决算总体情况说明",
    "2021年财政拨款收入总计1614.63万元，与2020年相比增加540.23万元，增长50.28%；财政拨款支出总计1870.91万元，与2020年相比增加633.43万元，增长51.19%。主要原因是新增项目。",
  ]);
  expect(weighty(fs, 3).some((f) => f.rule === "N-same-quantity" && /1870\.91/.test(f.message))).toBe(true);
  const same = textOnly([
    ...SC_HEAD,
    "四、财政拨款收入支出决算总体情况说明",
    "2021年财政拨款收入总计1614.63万元，与2020年相比增加540.23万元，增长50.28%；财政拨款支出总计1614.63万元，与2020年相比增加540.23万元，增长50.28%。主要原因是新增项目。",
  ]);
  expect(show(weighty(same))).toEqual([]);
});

describe("七（二）: an item with its own 其中 parts in its paragraph", () => {
  const text = (operation: string) => [
    ...SC_HEAD,
    "七、财政拨款“三公”经费支出决算情况说明",
    "（二）“三公”经费财政拨款支出决算具体情况说明",
    "2021年度“三公”经费财政拨款支出决算中，因公出国（境）费支出0万元，占0%；公务用车购置及运行维护费支出7.50万元，占88.24%；公务接待费支出1.00万元，占11.76%。",
    `2.公务用车购置及运行维护费支出7.50万元，其中：公务用车购置支出0万元，购置车辆0辆；公务用车运行维护支出${operation}万元，主要用于机要通信等工作所需车辆的燃料费、维修费等。`,
    "3.公务接待费支出1.00万元，其中：国内公务接待支出1.00万元，共接待10批次、50人次；外事接待支出0万元。",
  ];
  test("the parts (购置 0, 运行维护) are not the item (公务用车购置及运行维护费) stated again", () => {
    expect(show(weighty(textOnly(text("7.50"))))).toEqual([]);
  });
  test("parts that do not add up to the item, one of them an exact 0", () => {
    expect(weighty(textOnly(text("7.05")), 5).some((f) => f.rule === "N-foot" && f.severity === "error")).toBe(true);
  });
});

describe("more phrasings read as meant (correct, against the national example)", () => {
  let snap: WorkbookSnapshot;
  beforeAll(async () => {
    snap = await readXlsx(example("example-national-2024.xlsx"));
  });
  const nat = (lines: string[]) => weighty(checkWorkbook(snap, { narrativeText: ["第二部分 2024年度部门决算情况说明", ...lines].join("\n") }).findings);
  test.each([
    [
      "“其余项目…完成年初预算的100.00%” is the rate of the items not named",
      ["五、一般公共预算财政拨款支出决算情况说明", "（三）一般公共预算财政拨款支出决算具体情况", "一般公共服务支出（类）宣传事务（款）其他宣传事务支出（项）。年初预算为117.77万元，支出决算为106.13万元，完成年初预算的90.12%。主要原因是项目未实施完成。", "其余项目支出决算均与年初预算一致，完成年初预算的100.00%。"],
    ],
    [
      "“与年初预算234.98万元相比，减少11.64万元” is against the budget",
      ["五、一般公共预算财政拨款支出决算情况说明", "（一）一般公共预算财政拨款支出决算总体情况", "2024年度一般公共预算财政拨款支出223.34万元，与年初预算234.98万元相比，减少11.64万元，完成年初预算的95.05%。主要原因是项目未实施完成。"],
    ],
    [
      "grades written “…“优”的项目4个，“良”的项目1个”",
      ["十、预算绩效管理情况", "绩效自评的2024年度项目5个，涉及预算金额78.90万元，平均得分93.6分，其中绩效评级为“优”的项目4个，“良”的项目1个。"],
    ],
    [
      "the first share of a list naming its base, the others bare",
      ["五、一般公共预算财政拨款支出决算情况说明", "（二）一般公共预算财政拨款支出决算结构情况", "一般公共服务支出198.77万元，占一般公共预算财政拨款支出的89.00%；社会保障和就业支出8.80万元，占3.94%；卫生健康支出5.20万元，占2.33%；住房保障支出10.57万元，占4.73%。"],
    ],
    [
      "“主要原因系…”",
      ["五、一般公共预算财政拨款支出决算情况说明", "（一）一般公共预算财政拨款支出决算总体情况", "2024年度一般公共预算财政拨款支出223.34万元，比2023年度减少148.94万元，下降40.01%，主要原因系人员变动，经费减少以及项目经费减少。"],
    ],
    [
      "类 names written “一般公共服务类支出”",
      ["五、一般公共预算财政拨款支出决算情况说明", "（二）一般公共预算财政拨款支出决算结构情况", "一般公共预算财政拨款支出223.34万元，其中：一般公共服务类支出198.77万元，占89.00%；社会保障和就业类支出8.80万元，占3.94%；卫生健康类支出5.20万元，占2.33%；住房保障类支出10.57万元，占4.73%。"],
    ],
  ])("%s", (_name, lines) => {
    expect(show(nat(lines))).toEqual([]);
  });
  test("a reason opening its own sentence (“。主要是…”) or right after 小于预算数 (“…预算数主要是…”)", () => {
    expect(show(weighty(textOnly([...SC_HEAD, "一、收入支出决算总体情况说明", "2021年度收、支总计各236.01万元。与上年度相比，收、支总计各减少157.39万元，下降40.01%。主要是人员变动，经费减少。"])))).toEqual([]);
    expect(show(weighty(textOnly([...SC_HEAD, "五、一般公共预算财政拨款支出决算情况说明", "（三）一般公共预算财政拨款支出决算具体情况", "2021年一般公共预算支出决算数为223.34万元，完成预算95.05%，决算数小于预算数主要是项目未实施完成。"])))).toEqual([]);
  });
});

test("五（三）listing some 项 only after a plain “其中：”: a warning to complete the list, not a wrong total", () => {
  const fs = textOnly([
    ...SC_HEAD,
    "五、一般公共预算财政拨款支出决算情况说明",
    "（三）一般公共预算财政拨款支出决算具体情况",
    "一般公共预算财政拨款支出年初预算为234.98万元，支出决算为223.34万元，完成年初预算的95.05%，其原因主要是项目未实施完成。其中：",
    "1.一般公共服务支出（类）宣传事务（款）其他宣传事务支出（项）。年初预算为117.77万元，支出决算为106.13万元，完成年初预算的90.12%，差异原因主要是项目未实施完成。",
    "2.一般公共服务支出（类）宣传事务（款）事业运行（项）。年初预算为72.71万元，支出决算为72.71万元，与年初预算持平。",
    "3.住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为10.57万元，支出决算为10.57万元，决算数与年初预算数一致。",
  ]);
  const w = weighty(fs);
  expect(w.filter((f) => f.severity === "error").map((f) => f.rule)).toEqual([]);
  expect(w.some((f) => f.rule === "N-foot" && f.severity === "warning" && /未逐项列出/.test(f.message))).toBe(true);
});

describe("more kinds from the third adversarial round", () => {
  test("a sentence broken after a comma goes on in the next line, and its rate is judged", () => {
    const head = [...SC_HEAD, "四、财政拨款收入支出决算总体情况说明"];
    expect(show(weighty(textOnly([...head, "2021年度财政拨款收入支出总计236.0万元，与2020年度相比减少157.4万元，", "下降40.0%。主要原因是人员变动。"])))).toEqual([]);
    expect(weighty(textOnly([...head, "2021年度财政拨款收入支出总计236.0万元，与2020年度相比减少157.4万元，", "增长40.0%。主要原因是人员变动。"])).some((f) => f.rule === "N-direction")).toBe(true);
  });
  test("“人均接待费用100元” inside the 公务接待费 item is not the item", () => {
    const fs = textOnly([
      ...SC_HEAD,
      "七、财政拨款“三公”经费支出决算情况说明",
      "（二）“三公”经费财政拨款支出决算具体情况说明",
      "3、公务接待费支出0.80万元，较上年减少0.20万元，下降20%，主要原因：接待批次减少。其中：国内公务接待支出0.80万元，共接待8批次、80人次，人均接待费用100元；外事接待支出0万元。",
    ]);
    expect(show(weighty(fs))).toEqual([]);
  });
  test("grades written “其中评为“优”的4个，“良”的1个”", () => {
    const fs = textOnly([...SC_HEAD, "十、预算绩效管理情况", "本单位组织对2021年度5个项目开展了绩效自评，涉及预算金额78.9万元，平均得分93.6分，其中评为“优”的4个，“良”的1个。"]);
    expect(show(weighty(fs))).toEqual([]);
  });
  test("a 类 whose 项 after “其中：” are only its main ones", () => {
    const fs = textOnly([
      ...SC_HEAD,
      "五、一般公共预算财政拨款支出决算情况说明",
      "（二）一般公共预算财政拨款支出决算结构情况",
      "一般公共预算财政拨款支出223.34万元，其中：一般公共服务支出198.77万元，占89.00%；社会保障和就业支出8.80万元，占3.94%；卫生健康支出5.20万元，占2.33%；住房保障支出10.57万元，占4.73%。",
      "（三）一般公共预算财政拨款支出决算具体情况",
      "一般公共预算财政拨款支出年初预算为234.98万元，支出决算为223.34万元，完成年初预算的95.05%。决算数小于预算数的主要原因是项目未实施完成。其中：一般公共服务支出（类）宣传事务（款）其他宣传事务支出（项）年初预算为117.77万元，支出决算为106.13万元，完成年初预算的90.12%，决算数小于预算数的主要原因是项目未实施完成。",
    ]);
    expect(show(weighty(fs).filter((f) => f.severity === "error"))).toEqual([]);
  });
});
