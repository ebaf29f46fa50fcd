import { checkNarrativeSelf, checkNarrativeText, paragraphsFromText, parseNarrative } from "../../src/narrative";

const run = (text: string, year = 2020) => {
  const parsed = parseNarrative(paragraphsFromText(text), { year });
  return [...checkNarrativeText(parsed), ...checkNarrativeSelf(parsed)];
};
const rules = (text: string, year?: number) => run(text, year).map((f) => `${f.row}:${f.rule}:${f.severity}`);

describe("narrative rules on pasted text (text-only mode)", () => {
  test("a share list that does not sum to 100 and a share that does not fit its amount", () => {
    const r = rules("三、支出决算情况说明\n2020年本年支出合计200.00万元，其中：基本支出150.00万元，占70.00%；项目支出50.00万元，占25.00%。");
    expect(r).toEqual(expect.arrayContaining(["2:N-share-sum:error", "2:N-share-rate:error"]));
  });

  test("a total that does not foot beyond the tail tolerance is an error", () => {
    expect(rules("三、支出决算情况说明\n2020年本年支出合计200.00万元，其中：基本支出150.00万元，占75.00%；项目支出49.90万元，占25.00%。")).toContain("2:N-foot:error");
  });

  test("direction words that contradict each other or the rate", () => {
    const r = rules("（三）一般公共预算财政拨款支出决算具体情况\n2020年一般公共预算支出决算数为90.00万元，完成预算90.00%，决算数大于预算数的主要原因是追加。\n（一）机关运行经费支出情况\n机关运行经费支出10.00万元，比2019年增加2.00万元，下降16.67%。主要原因是人员增加。");
    expect(r).toEqual(expect.arrayContaining(["2:N-direction:error", "4:N-direction:error"]));
  });

  test("a YoY rate that does not fit the change, and a missing reason", () => {
    const r = rules("（一）机关运行经费支出情况\n2020年机关运行经费支出10.00万元，比2019年增加2.00万元，增长20.00%。");
    expect(r).toEqual(expect.arrayContaining(["2:N-yoy-rate:error", "2:N-reason-missing:warning"]));
    expect(rules("（一）机关运行经费支出情况\n2020年机关运行经费支出10.00万元，比2019年增加2.00万元，增长25.00%。主要原因是人员增加。")).toEqual([]);
  });

  test("the national template's bracketed alternatives and instructions are residue", () => {
    const f = run("一、收入支出决算总体情况说明\n上海市XX局2024年度收入支出总计100.00万元。与2023年度相比，收入支出总计增加（减少）5.00万元，增长（下降）5.26%。主要原因：XXXXXXXX。（如持平作持平表述）", 2024).filter((x) => x.rule === "N-residue");
    expect(f.length).toBeGreaterThanOrEqual(3);
    expect(f.every((x) => x.severity === "error" && x.row === 2)).toBe(true);
  });

  test("outdated names depend on the report year", () => {
    const t = "名词解释\n1.医疗卫生与计划生育（类）行政事业单位医疗（款）事业单位医疗（项）：反映…";
    expect(rules(t, 2020)).toContain("2:N-outdated-name:warning");
    expect(rules(t, 2018)).not.toContain("2:N-outdated-name:warning");
  });

  test("完成预算0% with a positive amount is an error; with nothing spent a warning only when the budget is stated 0", () => {
    expect(rules("（二）“三公”经费财政拨款支出决算具体情况说明\n1.因公出国（境）费支出2.00万元，完成预算0%。")).toContain("2:N-exec-zero-actual:error");
    expect(rules("（二）“三公”经费财政拨款支出决算具体情况说明\n1.因公出国（境）费预算为0万元，支出0.00万元，完成预算0%。")).toContain("2:N-exec-zero-budget:warning");
    // Without the tables the budget is unknown: 0% of an unspent budget is the true rate.
    expect(rules("（二）“三公”经费财政拨款支出决算具体情况说明\n1.因公出国（境）费支出0.00万元，完成预算0%。")).not.toContain("2:N-exec-zero-budget:warning");
  });
});
