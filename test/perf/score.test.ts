import fc from "fast-check";
import { D } from "../../src/money/decimal";
import { blankFormCells, checkForms, gradeOf, readForms, scoreForm, formToJSON, type PerfForm, type PerfIndicator } from "../../src/perf";
import type { CellValue, MergeArea, WorkbookSnapshot } from "../../src/workbook/snapshot";

/** A 项目支出绩效自评表 as DOMAIN §5.2 describes it (池州 2022 / 廊坊 2019 layout), 0-based rows. */
function selfEvaluationSnapshot(): WorkbookSnapshot {
  const rows: CellValue[][] = [
    ["项目支出绩效自评表"],
    ["（2022年度）"],
    ["项目名称", "办公设备购置"],
    ["主管部门", "某市财政局", null, null, null, "实施单位", "某市财政局信息中心"],
    ["项目资金（万元）", null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [null, "年度资金总额", 100, 120, 108, 10, "90.00%", 9],
    [null, "其中：当年财政拨款", 100, 100, 90],
    [null, "上年结转资金", 0, 20, 18],
    [null, "其他资金", 0, 0, 0],
    ["年度总体目标", "预期目标", null, null, null, "实际完成情况"],
    [null, "完成办公设备购置50台，验收合格", null, null, null, "完成办公设备购置45台，验收合格，节约采购资金"],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [null, "产出指标", "数量指标", "购置台数", "≥50台", "45台", 20, 18, "部分设备延期到货，已督促供应商"],
    [null, null, "质量指标", "验收合格率", "100%", "100%", 20, 20],
    [null, "成本指标", "经济成本指标", "采购成本", "≤120万元", "108万元", 10, 10],
    [null, "效益指标", "社会效益指标", "办公效率提升", "达成", "基本达成", 30, 24],
    [null, "满意度指标", "服务对象满意度指标", "使用人员满意度", "≥90%", "95%", 10, 10],
    ["总分", null, null, null, null, null, 100, 91],
  ];
  const width = 9;
  const values = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
  const m = (top: number, left: number, bottom: number, right: number): MergeArea => ({ top, left, bottom, right });
  const merges = [m(0, 0, 0, 8), m(1, 0, 1, 8), m(2, 1, 2, 8), m(3, 1, 3, 4), m(3, 6, 3, 8), m(4, 0, 8, 0), m(9, 0, 10, 0), m(9, 1, 9, 4), m(9, 5, 9, 8), m(10, 1, 10, 4), m(10, 5, 10, 8), m(11, 0, 16, 0), m(12, 1, 13, 1), m(17, 0, 17, 5)];
  return { sheets: [{ name: "自评表", origin: { row: 0, col: 0 }, values, merges }] };
}

describe("项目支出绩效自评表 layout", () => {
  const [form] = readForms(selfEvaluationSnapshot());

  it("reads header, 项目资金 block, 年度总体目标 and the grid with 分值/得分/偏差原因", () => {
    expect(form.kind).toBe("selfEvaluation");
    expect(form.year).toBe(2022);
    expect(form.name.text).toBe("办公设备购置");
    expect(form.department.text).toBe("某市财政局");
    expect(form.implementer.text).toBe("某市财政局信息中心");
    expect([form.initialBudget!.value!.toString(), form.budget.value!.toString(), form.actual.value!.toString()]).toEqual(["100", "120", "108"]);
    expect([form.budgetFiscal.value!.toString(), form.budgetCarryOver!.value!.toString(), form.budgetOther.value!.toString()]).toEqual(["100", "20", "0"]);
    expect(form.actualFiscal.source!.cell).toBe("E7");
    expect(form.executionWeight!.value!.toString()).toBe("10");
    expect(form.executionRateStated!.text).toBe("90.00%");
    expect(form.goalTarget.text).toContain("50台");
    expect(form.goalActual.text).toContain("45台");
    expect(form.indicators).toHaveLength(5);
    expect(form.indicators[1]).toMatchObject({ level1: "产出指标", level1Carried: true, category: "产出", row: 14 });
    expect(form.indicators[2].category).toBe("成本");
    expect(form.indicators[0].reason).toContain("延期到货");
    expect(form.indicators[0].weight!.value!.toString()).toBe("20");
    expect(form.totalScoreGiven!.value!.toString()).toBe("91");
    expect(form.problems).toEqual([]);
  });

  it("passes the checks (2021+ hierarchy: 成本指标 is a 一级; reason given for 90%)", () => {
    const r = checkForms([form]);
    expect(r.forms[0].findings).toEqual([]);
  });

  it("scores with the form's own 分值: 9 + 18 + 20 + 10 + 24 + 10 = 91 (优)", () => {
    const s = scoreForm(form);
    expect(s.execution.score.toString()).toBe("9");
    expect(s.indicators.map((i) => i.score.toString())).toEqual(["18", "20", "10", "24", "10"]);
    expect(s.total.toString()).toBe("91");
    expect(s.grade).toBe("优");
    expect(s.findings).toEqual([]);
  });

  it("flags a stated 执行率 and a split that do not add up (P-8)", () => {
    const snap = selfEvaluationSnapshot();
    snap.sheets[0].values[5][6] = "92.00%";
    snap.sheets[0].values[6][4] = 95;
    const [f] = readForms(snap);
    const rules = checkForms([f]).forms[0].findings.map((x) => `${x.rule}@${x.cell}`);
    expect(rules).toEqual(expect.arrayContaining(["P-8@E6", "P-8@G6"]));
  });
});

describe("blankFormCells", () => {
  const toSnapshot = (year: number): WorkbookSnapshot => {
    const b = blankFormCells(year);
    return { sheets: [{ name: "新项目", origin: { row: 0, col: 0 }, values: b.values, merges: b.merges }] };
  };
  it("is a standard form the reader reads back, empty, with the year's hierarchy", () => {
    const b = blankFormCells(2020);
    const [form] = readForms(toSnapshot(2020));
    expect(form.year).toBe(2020);
    expect(form.indicators).toEqual([]);
    expect(form.emptyRows).toHaveLength(b.inputs.gridRows.last - b.inputs.gridRows.first + 1);
    expect(form.name.source!.cell).toBe("B3");
    expect(form.budgetOther.source!.cell).toBe("C7");
    expect(form.actualOther.source!.cell).toBe("E7");
    expect(b.values.flat()).toContain("成本指标");
    expect(b.values.map((r) => r[1])).not.toContain("成本指标"); // 2020: 成本 is a 二级
    expect(blankFormCells(2022).values.map((r) => r[1])).toContain("成本指标");
    expect(JSON.parse(JSON.stringify(formToJSON(form))).name).toBe("");
  });
});

describe("scoring properties", () => {
  const ref = { sheet: "S", cell: "A1" };
  const amount = (v: string | null) => ({ value: v === null ? null : new D(v), raw: v, rawText: v ?? "", writtenUnit: null, source: ref, labelSource: ref });
  const values = fc.oneof(
    fc.constantFrom("≥95%", "96%", "满意", "达成", "基本达成", "未达成", "", "指标1", "满意度不断提升", "≤24小时", "30小时", "1.3万份", "≥90%"),
    fc.tuple(fc.constantFrom("≥", "≤", ""), fc.integer({ min: 0, max: 5000 }), fc.constantFrom("条", "次", "%", "")).map(([o, n, u]) => `${o}${n}${u}`),
    fc.string({ maxLength: 8 }),
  );
  const level1 = fc.constantFrom("产出指标", "效益指标", "满意度指标", "成本指标", "项目完成指标", "其他");
  const indicator = fc.record({ level1, target: values, actual: values, weight: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }) });
  const formArb = fc.record({
    budget: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
    actual: fc.option(fc.integer({ min: 0, max: 1_500_000 }), { nil: null }),
    indicators: fc.array(indicator, { maxLength: 10 }),
    year: fc.constantFrom(2020, 2022),
  });

  function makeForm(x: { budget: number | null; actual: number | null; indicators: { level1: string; target: string; actual: string; weight?: number }[]; year: number }): PerfForm {
    const cat = (l1: string) => (l1.startsWith("产出") ? "产出" : l1.startsWith("效益") ? "效益" : l1.startsWith("满意") ? "满意度" : l1.startsWith("成本") ? "成本" : l1 === "项目完成指标" ? "产出" : null);
    const text = { text: "", raw: null, source: ref, labelSource: ref };
    return {
      kind: "completion", sheet: "S", title: "项目绩效目标完成情况表", titleCell: ref, rows: { first: 1, last: 20 }, year: x.year, unit: "万元",
      name: { ...text, text: "测试项目" }, budgetUnit: text, department: text, implementer: text,
      budget: amount(x.budget === null ? null : String(x.budget / 100)), actual: amount(x.actual === null ? null : String(x.actual / 100)),
      budgetFiscal: amount(null), budgetOther: amount(null), actualFiscal: amount(null), actualOther: amount(null),
      goalTarget: text, goalActual: text, gridHeaderRow: 10, emptyRows: [], problems: [],
      indicators: x.indicators.map((i, k): PerfIndicator => ({
        row: 11 + k, level1: i.level1, level1Carried: false, level2: "数量指标", level3: `指标名${k}`, target: i.target, actual: i.actual,
        category: cat(i.level1), weight: i.weight === undefined ? undefined : amount(String(i.weight)),
        cells: { level1: ref, level2: ref, level3: ref, target: ref, actual: ref },
      })),
    };
  }

  it("0 ≤ score ≤ weight for every indicator and part; total within 0–100; grade follows the bands", () => {
    fc.assert(
      fc.property(formArb, (x) => {
        const s = scoreForm(makeForm(x));
        for (const i of s.indicators) if (i.score.lt(0) || i.score.gt(i.weight)) return false;
        for (const g of s.groups) if (g.score.lt(0) || g.score.gt(g.weight)) return false;
        if (s.execution.score.lt(0) || s.execution.score.gt(s.execution.weight)) return false;
        if (s.total.lt(0) || s.total.gt(100)) return false;
        return s.grade === gradeOf(s.total.toDecimalPlaces(2));
      }),
      { numRuns: 300 },
    );
  });

  it("an indicator that cannot be compared scores 0 and says why", () => {
    const f = makeForm({ budget: 100, actual: 100, year: 2020, indicators: [{ level1: "满意度指标", target: "≥95%", actual: "满意" }] });
    const s = scoreForm(f);
    expect(s.indicators[0].score.toString()).toBe("0");
    expect(s.findings.find((x) => x.rule === "PS-1")!.message).toContain("无法比较");
    expect(s.findings.filter((x) => x.rule === "PS-2").map((x) => x.message)).toEqual([expect.stringContaining("产出"), expect.stringContaining("效益")]);
  });

  it("execution score is min(rate,100%) × 10 and grades are 优 ≥90, 良 ≥80, 中 ≥60, 差", () => {
    const over = scoreForm(makeForm({ budget: 100, actual: 150, year: 2020, indicators: [] }));
    expect(over.execution.score.toString()).toBe("10");
    expect(["95", "90", "89.99", "80", "60", "59.99"].map((v) => gradeOf(new D(v)))).toEqual(["优", "优", "良", "良", "中", "差"]);
  });
});
