import fc from "fast-check";
import { codeLevel, normaliseCode, normaliseLabel, splitCodeFromLabel } from "../../src/reader/labels";
import { leiCodeByName, outdatedName, subjectName } from "../../src/reader/subjects";
import { parseOverrides, serialiseOverrides } from "../../src/reader/overrides";
import { matchTitle } from "../../src/reader/recognise";
import { OVERRIDES_SETTING } from "../../src/model/types";
import { supplementItem } from "../../src/reader/supplement";

describe("normaliseLabel", () => {
  test.each([
    ["一、一般公共预算财政拨款收入", "一般公共预算财政拨款收入"],
    ["二十六、抗疫特别国债安排的支出", "抗疫特别国债安排的支出"],
    ["（一）机关运行经费", "机关运行经费"],
    ["(1)机关运行经费", "机关运行经费"],
    ["1.因公出国(境)费", "因公出国（境）费"],
    ["2、 公务接待费", "公务接待费"],
    ["因 公 出 国 （ 境 ） 费", "因公出国（境）费"],
    ["　　一般行政管理事务 ", "一般行政管理事务"],
    ['"三公"经费', "“三公”经费"],
    ["“三公”经费", "“三公”经费"],
    ["其中：一般公共预算财政拨款", "一般公共预算财政拨款"],
    ["单价50万元以上通用设备", "单价50万元以上通用设备"],
  ])("%s → %s", (input, want) => expect(normaliseLabel(input)).toBe(want));

  test("idempotent and whitespace-free", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const n = normaliseLabel(s);
        expect(normaliseLabel(n)).toBe(n);
        expect(/[\s\u3000]/.test(n)).toBe(false);
      }),
    );
  });
});

describe("codes", () => {
  test("one column or split 类|款|项", () => {
    expect(normaliseCode(["2013399"])).toBe("2013399");
    expect(normaliseCode([2013399])).toBe("2013399");
    expect(normaliseCode(["201", "33", "99"])).toBe("2013399");
    expect(normaliseCode(["201", "33", null])).toBe("20133");
    expect(normaliseCode(["201", null, null])).toBe("201");
    expect(normaliseCode(["201", "20133", "2013399"])).toBe("2013399");
    expect(normaliseCode(["合计"])).toBeNull();
    expect(normaliseCode(["2013"])).toBeNull();
    expect(codeLevel("201")).toBe("lei");
    expect(codeLevel("20133")).toBe("kuan");
    expect(codeLevel("2013399")).toBe("xiang");
    expect(splitCodeFromLabel("30207邮电费")).toEqual({ code: "30207", rest: "邮电费" });
    expect(splitCodeFromLabel("2013302 一般行政管理事务")).toEqual({ code: "2013302", rest: "一般行政管理事务" });
  });

  test("split codes always agree with the joined code", () => {
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 299 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }), (l, k, x) => {
        const kk = String(k).padStart(2, "0");
        const xx = String(x).padStart(2, "0");
        expect(normaliseCode([String(l), kk, xx])).toBe(normaliseCode([`${l}${kk}${xx}`]));
      }),
    );
  });
});

describe("subjects", () => {
  test("类 by name, renamed names by year", () => {
    expect(leiCodeByName("一般公共服务支出")).toBe("201");
    expect(leiCodeByName("卫生健康")).toBe("210");
    expect(leiCodeByName("医疗卫生与计划生育支出")).toBe("210");
    expect(subjectName("210", 2018)).toBe("医疗卫生与计划生育支出");
    expect(subjectName("210", 2020)).toBe("卫生健康支出");
    expect(subjectName("20805", 2020)).toBe("行政事业单位养老支出");
    expect(outdatedName("20805", "行政事业单位离退休", 2020)).toEqual({ current: "行政事业单位养老支出", renamedIn: 2020 });
    expect(outdatedName("20805", "行政事业单位养老支出", 2020)).toBeNull();
    expect(subjectName("30217", undefined, "economic")).toBe("公务接待费");
  });
});

describe("titles", () => {
  test("longest title first, prefixes and quotes", () => {
    expect(matchTitle("财政拨款收入支出决算总表")?.key).toBe("T04");
    expect(matchTitle("收入支出决算总表")?.key).toBe("T01");
    expect(matchTitle("巴中市互联网信息办公室2020年度一般公共预算财政拨款基本支出决算表")?.key).toBe("T06");
    expect(matchTitle('一般公共预算财政拨款"三公"经费支出决算表')?.key).toBe("T07");
    expect(matchTitle("财政拨款“三公”经费支出决算表")?.key).toBe("T07");
    expect(matchTitle("国有资本经营预算财政拨款收入支出决算表")?.key).toBe("T09");
    expect(matchTitle("政府性基金预算财政拨款收入支出决算表")?.key).toBe("T08");
    expect(matchTitle("五、一般公共预算财政拨款支出决算情况说明")).toBeNull();
    expect(matchTitle("注：本表反映部门本年度一般公共预算财政拨款支出决算表的情况。")).toBeNull();
  });
});

describe("overrides and supplement dictionary", () => {
  test("round trip through settings", () => {
    const o = { T05: { sheet: "Sheet3", titleCell: "B2" }, T01: { sheet: "总表" } };
    const s = serialiseOverrides(o);
    expect(parseOverrides({ [OVERRIDES_SETTING]: s })).toEqual({ T01: { sheet: "总表" }, T05: { sheet: "Sheet3", titleCell: "B2" } });
    expect(parseOverrides({ [OVERRIDES_SETTING]: JSON.parse(s) })).toEqual(parseOverrides({ [OVERRIDES_SETTING]: s }));
    expect(parseOverrides({ [OVERRIDES_SETTING]: "not json" })).toEqual({});
    expect(parseOverrides({ [OVERRIDES_SETTING]: { T99: { sheet: "x" }, T02: { sheet: 3 } } })).toEqual({});
    expect(parseOverrides(undefined)).toEqual({});
  });

  test("items and kinds", () => {
    expect(supplementItem('"三公"经费')).toEqual({ key: "“三公”经费", kind: "amount" });
    expect(supplementItem("公务用车运行费")?.key).toBe("公务用车运行维护费");
    expect(supplementItem("国内公务接待批次")?.kind).toBe("count");
    expect(supplementItem("不存在的项目")).toBeUndefined();
  });
});
