/**
 * Ways departments phrase the year-on-year sentence (seen across provinces): the subject said once before the
 * change (“收、支总计236.01万元，比上年减少…”), 同比/较上年/与上年相比, rate words 降幅/减幅为/增长率为, particles
 * (减少了). A correct sentence in any of them raises nothing of weight; the same sentence with a wrong figure or
 * direction is found at its paragraph, against the workbook (N-4/N-5/N-6) or within the text (N-yoy-rate).
 */
import { readXlsx } from "../../cli/adapters/xlsx";
import { checkWorkbook } from "../../src/checks";
import { parseNarrative } from "../../src/narrative/parse";
import { paragraphsFromText } from "../../src/narrative/paragraphs";
import type { SubjectClaim } from "../../src/narrative/types";
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

/** 五（三）: the completion rate as departments write it; read in the budget sections only. */
const EXEC_HEAD = ["第二部分 2020年度部门决算情况说明", "五、一般公共预算财政拨款支出决算情况说明", "（三）一般公共预算财政拨款支出决算具体情况"];
const EXEC_WORDS = ["完成预算", "预算完成率为", "执行率", "为年初预算的", "完成年初预算的"];
const execWeighty = (text: string) =>
  checkWorkbook(snap, { narrativeText: [...EXEC_HEAD, text].join("\n") }).findings.filter((f) => f.row === 4 && f.severity !== "info");
const execSentence = (word: string, rate: string) => `2020年一般公共预算支出决算数为223.34万元，${word}${rate}%，决算数小于预算数的主要原因是项目未实施完成。`;

test.each(EXEC_WORDS)("completion rate “%s”: correct raises nothing, wrong is N-7", (word) => {
  expect(execWeighty(execSentence(word, "95.05")).map((f) => f.rule)).toEqual([]);
  expect(execWeighty(execSentence(word, "96.05")).some((f) => f.rule === "N-7" && f.severity === "error")).toBe(true);
});

test("“执行率” in the 绩效 section is a project's figure, not a budget completion rate", () => {
  const text = ["第二部分 2020年度部门决算情况说明", "十、其他重要事项的情况说明", "（四）预算绩效情况说明", "项目预算执行率96.05%，完成了年度绩效目标。"].join("\n");
  const found = checkWorkbook(snap, { narrativeText: text }).findings.filter((f) => f.row === 4 && f.severity !== "info");
  expect(found.filter((f) => /^N-(7|8|direction|reason-missing|exec)/.test(f.rule))).toEqual([]);
});

/** Amounts as written: fewer decimals than the table (提示 only when they are the table's figure rounded), 元, 亿元. */
const SPEND_HEAD = ["第二部分 2020年度部门决算情况说明", "三、支出决算情况说明"];
const spend = (text: string) => checkWorkbook(snap, { narrativeText: [...SPEND_HEAD, text].join("\n") }).findings.filter((f) => f.row === 3 && f.severity !== "info");

test("one decimal, the table's figure rounded: 信息 (a format note), not 提示 or 错误", () => {
  const found = spend("2020年本年支出合计223.3万元，其中：基本支出131.6万元，占58.9%；项目支出91.7万元，占41.1%。");
  expect(found).toEqual([]);
  const all = checkWorkbook(snap, { narrativeText: ["第二部分 2020年度部门决算情况说明", "三、支出决算情况说明", "2020年本年支出合计223.3万元，其中：基本支出131.6万元，占58.9%；项目支出91.7万元，占41.1%。"].join("\n") }).findings;
  expect(all.some((f) => f.rule === "N-1" && f.severity === "info" && f.message.includes("四舍五入后一致"))).toBe(true);
});

test("amounts in 元 more precise than the table's 万元 (“2,360,112.36元” for 236.01万元) are the same figure", () => {
  const found = checkWorkbook(snap, {
    narrativeText: ["第二部分 2020年度部门决算情况说明", "一、收入支出决算总体情况说明", "2020年度收、支总计各为2,360,112.36元。与2019年相比，收、支总计各减少1,573,887.64元，下降40.01%。主要原因是人员变动，经费减少。"].join("\n"),
  }).findings.filter((f) => f.row === 3 && f.severity !== "info");
  expect(found.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
});

test("one decimal that is not the table's figure: 错误", () => {
  expect(spend("2020年本年支出合计224.3万元。").some((f) => f.rule === "N-1" && f.severity === "error")).toBe(true);
});

test("元 with separators and 亿元", () => {
  expect(spend("2020年本年支出合计2,233,400.00元，其中：基本支出1,316,300.00元，占58.94%；项目支出917,100.00元，占41.06%。")).toEqual([]);
  expect(spend("2020年本年支出合计0.02亿元。").every((f) => f.severity === "warning")).toBe(true);
  expect(spend("2020年本年支出合计0.22亿元。").some((f) => f.rule === "N-1" && f.severity === "error")).toBe(true);
});

test("shares that name their part without an amount (“基本支出占58.94%”) are checked against the tables", () => {
  expect(spend("2020年本年支出合计223.34万元，其中：基本支出占58.94%；项目支出占41.06%。")).toEqual([]);
  expect(spend("2020年本年支出合计223.34万元，其中基本支出所占比重为58.94%，项目支出所占比重为41.06%。")).toEqual([]);
  const wrong = spend("2020年本年支出合计223.34万元，其中：基本支出占59.94%；项目支出占40.06%。");
  expect(wrong.filter((f) => f.rule === "N-3" && f.severity === "error")).toHaveLength(2);
});

test("a comparison with the budget (“比年初预算减少…”) is not the year-on-year change", () => {
  const head = ["第二部分 2020年度部门决算情况说明", "五、一般公共预算财政拨款支出决算情况说明", "（一）一般公共预算财政拨款支出决算总体情况"];
  for (const v of ["2020年一般公共预算财政拨款支出223.34万元，比年初预算减少11.64万元，占本年支出合计的100%。", "2020年一般公共预算财政拨款支出223.34万元，比预算数减少11.64万元，下降4.95%。"]) {
    const found = checkWorkbook(snap, { narrativeText: [...head, v].join("\n") }).findings.filter((f) => f.row === 4 && f.severity === "error");
    expect(found.map((f) => f.rule)).toEqual([]);
  }
});

test("a 五（三）item the parser cannot name (“1.2013302一般行政管理事务：…”) is never taken for the section's total", () => {
  const head = ["第二部分 2020年度部门决算情况说明", "五、一般公共预算财政拨款支出决算情况说明", "（三）一般公共预算财政拨款支出决算具体情况"];
  const found = checkWorkbook(snap, { narrativeText: [...head, "1.2013302一般行政管理事务：支出决算为3.50万元，完成预算100%。"].join("\n") }).findings;
  expect(found.filter((f) => f.row === 4 && f.severity === "error")).toEqual([]);
});

test("a 五（三）item broken over rows (“主要用于：” / “年初预算为…，支出决算为…”) keeps its figures; they are never the section's total", () => {
  const head = ["第二部分 2020年度部门决算情况说明", "五、一般公共预算财政拨款支出决算情况说明", "（三）一般公共预算财政拨款支出决算具体情况"];
  const text = [
    ...head,
    "2020年一般公共预算财政拨款支出年初预算为234.98万元，支出决算为223.34万元，完成年初预算的95.05%。其中：",
    "1.住房保障支出（类）住房改革支出（款）住房公积金（项）。",
    "主要用于：",
    "住房公积金支出。",
    "年初预算为10.57万元，支出决算为10.57万元，完成年初预算的100%。",
  ].join("\n");
  const found = checkWorkbook(snap, { narrativeText: text }).findings.filter((f) => f.severity !== "info" && (f.row ?? 0) >= 5);
  expect(found.map((f) => `${f.rule} ${f.row}: ${f.message}`)).toEqual([]);
});

test("a change inside a reason (“主要原因：项目支出增加，较上年增加X万元”) explains the change before it: no slot of its own", () => {
  const head = ["第二部分 2020年度部门决算情况说明", "五、一般公共预算财政拨款支出决算情况说明", "（一）一般公共预算财政拨款支出决算总体情况"];
  const text = [...head, "2020年一般公共预算财政拨款支出223.34万元，比上年减少157.39万元，下降41.34%。主要原因：项目支出减少，较上年减少150.00万元，主要由于项目完成。"].join("\n");
  const found = checkWorkbook(snap, { narrativeText: text }).findings.filter((f) => f.row === 4 && f.severity !== "info");
  expect(found.filter((f) => f.text?.includes("150.00") || f.message.includes("150"))).toEqual([]);
  expect(found.filter((f) => f.rule === "N-reason-missing")).toEqual([]);
});

test("a rate of the budget the sentence names (“完成调整预算的100%”) is judged against that budget, not the table's 年初预算", async () => {
  const nat = await readXlsx(example("example-national-2024.xlsx"));
  const head = ["第三部分 2024年度部门决算情况说明", "五、一般公共预算财政拨款支出决算情况说明", "（三）一般公共预算财政拨款支出决算具体情况"];
  const check = (line: string) =>
    checkWorkbook(nat, { narrativeText: [...head, line].join("\n") }).findings.filter((f) => f.row === 4 && f.severity !== "info").map((f) => `${f.rule}: ${f.message}`);
  expect(check("一般公共预算财政拨款支出年初预算为234.98万元，调整预算为223.34万元，支出决算为223.34万元，完成调整预算的100%。")).toEqual([]);
  expect(check("一般公共预算财政拨款支出年初预算为234.98万元，调整预算为223.34万元，支出决算为223.34万元，完成年初预算的95.05%。决算数小于预算数的主要原因：项目未实施完成。")).toEqual([]);
  expect(check("一般公共预算财政拨款支出年初预算为234.98万元，调整预算为223.34万元，支出决算为223.34万元，完成年初预算的100%。").length).toBeGreaterThan(0);
});

test("a 五（三）item broken over rows gives its figures to the item (its 科目 and amount are checked together)", () => {
  const head = ["第二部分 2020年度部门决算情况说明", "五、一般公共预算财政拨款支出决算情况说明", "（三）一般公共预算财政拨款支出决算具体情况"];
  const text = [...head, "1.住房保障支出（类）住房改革支出（款）住房公积金（项）。", "主要用于：住房公积金支出。", "年初预算为10.57万元，支出决算为10.57万元，完成年初预算的100%。"].join("\n");
  const checked = checkWorkbook(snap, { narrativeText: text });
  expect(checked.findings.filter((f) => f.severity !== "info" && (f.row ?? 0) >= 4)).toEqual([]);
  const item = parseNarrative(paragraphsFromText(text), {}).claims.find((c): c is SubjectClaim => c.kind === "subject")!;
  expect([item.amount?.text, item.budget?.text, item.execution?.text]).toEqual(["支出决算为10.57万元", "年初预算为10.57万元", "完成年初预算的100%"]);
  expect(item.amount?.slot).toBe("5.3.item:住房保障/住房改革支出/住房公积金");
});

/**
 * The prior year's amount written in the sentence — the object of the comparison (“比2019年度372.28万元减少…”,
 * “与2019年度的1.00万元相比”, “较2019年决算1万元”) or labelled with the prior year (“2019年度收、支总计各为393.40万元，
 * 减少…”, “（2019年为393.40万元）”) — is the base of the rate, never the current amount; a change that names its
 * subject takes the amount of that subject, not the nearest amount before it. Each correct sentence raises nothing of
 * weight; with one figure wrong it is found.
 */
const PRIOR: { name: string; head: string[]; text: string; wrong: [string, string][] }[] = [
  {
    name: "比2019年度X万元减少",
    head: ["五、一般公共预算财政拨款支出决算情况说明", "（一）一般公共预算财政拨款支出决算总体情况"],
    text: "2020年度一般公共预算财政拨款支出223.34万元，比2019年度372.28万元减少148.94万元，下降40.01%。主要原因是人员变动，经费减少；项目经费减少。",
    wrong: [["下降40.01%", "下降41.01%"], ["372.28万元", "382.28万元"]],
  },
  {
    name: "与2019年度X万元相比，收、支总计各减少",
    head: ["一、收入支出决算总体情况说明"],
    text: "2020年度收入总计236.01万元、支出总计236.01万元，与2019年度393.4万元相比，收、支总计各减少157.39万元，下降40.01%。主要原因：人员变动，经费减少。",
    wrong: [["下降40.01%", "下降42.01%"], ["393.4万元", "383.4万元"]],
  },
  {
    name: "2019年度收、支总计各为X万元，减少",
    head: ["一、收入支出决算总体情况说明"],
    text: "2020年度收、支总计各为236.01万元，2019年度收、支总计各为393.40万元，减少157.39万元，下降40.01%。主要原因是人员变动，经费减少。",
    wrong: [["下降40.01%", "下降42.01%"], ["393.40万元", "394.40万元"]],
  },
  {
    name: "（2019年为X万元）",
    head: ["一、收入支出决算总体情况说明"],
    text: "2020年度收、支总计各236.01万元（2019年为393.40万元），减少157.39万元，下降40.01%，主要原因是人员变动，经费减少。",
    wrong: [["下降40.01%", "下降42.01%"]],
  },
  {
    name: "与2019年度的X万元相比 (三公)",
    head: ["七、“三公”经费财政拨款支出决算情况说明", "（二）“三公”经费财政拨款支出决算具体情况说明"],
    text: "3.公务接待费。支出决算为0.80万元。与2019年度的1.00万元相比减少0.20万元，下降20%，主要原因是受疫情影响接待减少。",
    wrong: [["下降20%", "下降25%"], ["1.00万元", "1.50万元"]],
  },
  {
    name: "较2019年决算X万元减少 (三公)",
    head: ["七、“三公”经费财政拨款支出决算情况说明", "（一）“三公”经费财政拨款支出决算总体情况说明"],
    text: "2020年“三公”经费财政拨款支出决算为0.8万元，完成预算100%。2020年“三公”经费财政拨款支出决算较2019年决算1万元减少0.2万元，下降20%，主要原因是受疫情影响接待减少。",
    wrong: [["下降20%", "下降50%"], ["决算1万元", "决算1.5万元"]],
  },
  {
    name: "the change names its subject again after another amount (年末结转和结余)",
    head: ["四、财政拨款收入支出决算总体情况说明"],
    text: "2020年度财政拨款收、支总计均为236.01万元，年末财政拨款结转和结余12.67万元。与2019年度相比，财政拨款收、支总计各减少157.39万元，下降40.01%，主要原因是人员变动，经费减少。",
    wrong: [["下降40.01%", "下降41.01%"]],
  },
  {
    name: "the subject named again after a part of it (财政拨款支出 is not 财政拨款支出总计)",
    head: ["四、财政拨款收入支出决算总体情况说明"],
    text: "2020年度财政拨款收入215.04万元，年初财政拨款结转和结余20.97万元，财政拨款收、支总计均为236.01万元；财政拨款支出223.34万元，年末财政拨款结转和结余12.67万元。与2019年度相比，财政拨款收、支总计各减少157.39万元，下降40.01%，主要原因是人员变动。",
    wrong: [["下降40.01%", "下降41.01%"]],
  },
  {
    name: "（上年为X万元）",
    head: ["一、收入支出决算总体情况说明"],
    text: "2020年度收、支总计各236.01万元（上年为393.40万元），减少157.39万元，下降40.01%，主要原因是人员变动，经费减少。",
    wrong: [["下降40.01%", "下降45.01%"]],
  },
  {
    name: "a change without subject after a 其中 list: of the item's total, not of the list's last part",
    head: ["七、“三公”经费财政拨款支出决算情况说明", "（二）“三公”经费财政拨款支出决算具体情况说明"],
    text: "3.公务接待费。支出决算为0.80万元，完成预算的100%。其中：国内公务接待费0.80万元，接待8批次、80人次；外事接待费0万元，接待0批次、0人次。与2019年度的1.00万元相比减少0.20万元，下降20%，主要原因是受疫情影响接待减少。",
    wrong: [["下降20%", "下降25%"]],
  },
];
const SELF_WEIGHT = /^N-(yoy-rate|same-quantity|5|6|reason-missing)$/;
const priorFindings = (head: string[], text: string) =>
  checkWorkbook(snap, { narrativeText: ["第二部分 2020年度部门决算情况说明", ...head, text].join("\n") }).findings.filter((f) => f.row === head.length + 2 && f.severity !== "info");

describe.each(PRIOR)("a prior amount stated in the sentence: $name", ({ head, text, wrong }) => {
  test("correct: nothing of weight on the amounts and the change", () => {
    expect(priorFindings(head, text).filter((f) => /^N-(yoy-.*|same-quantity|direction|reason-missing|[1456])$/.test(f.rule)).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
  });
  test.each(wrong)("wrong (%s → %s): found", (from, to) => {
    expect(priorFindings(head, text.replace(from, to)).some((f) => SELF_WEIGHT.test(f.rule) && f.severity === "error")).toBe(true);
  });
});

test("a prior amount is marked “prior”, carried by its change and bound to no slot", () => {
  const text = ["第二部分 2020年度部门决算情况说明", "五、一般公共预算财政拨款支出决算情况说明", "（一）一般公共预算财政拨款支出决算总体情况", PRIOR[0].text].join("\n");
  const p = parseNarrative(paragraphsFromText(text), { year: 2020 });
  const prior = p.claims.find((c) => c.kind === "amount" && c.role === "prior");
  const change = p.claims.find((c) => c.kind === "change");
  expect(prior).toMatchObject({ raw: "372.28万元", year: 2019 });
  expect(prior?.slot).toBeUndefined();
  expect(change).toMatchObject({ subject: "", priorYear: 2019, slot: "5.1.change" });
  expect(change?.kind === "change" && [change.current?.raw, change.prior?.raw]).toEqual(["223.34万元", "372.28万元"]);
});

test("a stated prior, its change and the current that do not add up are found (N-same-quantity), also without a rate", () => {
  const found = priorFindings(PRIOR[0].head, "2020年度一般公共预算财政拨款支出223.34万元，比2019年度382.28万元减少148.94万元。主要原因是人员变动。");
  expect(found.filter((f) => f.rule === "N-same-quantity").map((f) => f.message)).toEqual(["一般公共预算财政拨款支出在此处为223.34万元，按上年382.28万元减少148.94万元推算为233.34万元，相差10万元"]);
});

/** Reasons as departments word them: 原因主要是, 原因同上 (by reference), 一方面…另一方面…, 主要由于. */
test.each([
  ["2020年度收、支总计均为236.01万元，比2019年减少了157.39万元，降幅为40.01%。", "减少的原因主要是人员变动，经费减少；项目经费减少。"],
  ["2020年度收、支总计均为236.01万元，与2019年度相比减少157.39万元，下降40.01%，原因同上。", ""],
  ["2020年度收、支总计均为236.01万元，比2019年减少了157.39万元，降幅为40.01%。", "收支总计减少，一方面是人员变动，经费减少；另一方面是项目经费减少。"],
  ["2020年度收、支总计均为236.01万元，比2019年减少了157.39万元，降幅为40.01%，主要由于人员变动，经费减少。", ""],
])("the reason of a change: %s %s", (first: string, second: string) => {
  const lines = [first, second].filter((x) => x);
  const found = checkWorkbook(snap, { narrativeText: [...HEAD, ...lines].join("\n") }).findings;
  expect(found.filter((f) => f.rule === "N-reason-missing").map((f) => f.message)).toEqual([]);
  const without = checkWorkbook(snap, { narrativeText: [...HEAD, lines[0].replace(/，原因同上|，主要由于.*$/u, "。")].join("\n") }).findings;
  expect(without.some((f) => f.rule === "N-reason-missing")).toBe(true);
});
