import * as fs from "fs";
import * as path from "path";
import { readXlsx } from "../../cli/adapters/xlsx";
import { readForms } from "../../src/perf/read";
import { perfReportOf, readPerfContext } from "../../src/perf";
import { toPerfFormViews } from "../../taskpane/components/perf/toView";
import { changedCells, formCells, formName, formStatus, gradeCaveats, liveView, projectNameProblem } from "../../taskpane/components/perf/perfModel";
import type { PerfFormView } from "../../taskpane/components/perf/types";

const FIXTURES = path.resolve(__dirname, "../../../shared/fixtures");
const maybe = fs.existsSync(FIXTURES) ? describe : describe.skip;

maybe("performance forms of bazhong-2020.xlsx as pane views", () => {
  let views: PerfFormView[] = [];
  beforeAll(async () => {
    const snap = await readXlsx(fs.readFileSync(path.join(FIXTURES, "bazhong-2020.xlsx")));
    views = toPerfFormViews(readForms(snap), {
      projects: readForms(snap).map((_, i) => ({
        rate: i === 4 ? "84.51" : "100.00",
        score: "90.00",
        grade: "优",
        findings: i === 1 ? [{ rule: "P-4", severity: "error", message: "三级指标为占位符", sheet: "绩效表2-脱贫攻坚工作经费", cell: "D11" }] : [],
      })),
    });
  });

  it("has the five projects with their names, cells and amounts as written", () => {
    expect(views.map(formName)).toEqual(["接待费", "脱贫攻坚工作经费", "党建工作经费", "资料印刷费", "互联网维护与整治经费"]);
    const v = views[4];
    expect(v.id).toBe("绩效表5-互联网维护与整治经费!A1");
    expect(v.name.source).toEqual({ sheet: "绩效表5-互联网维护与整治经费", cell: "B3" });
    expect(v.budget).toEqual({ text: "75", source: { sheet: "绩效表5-互联网维护与整治经费", cell: "C5" } });
    expect(v.actualFiscal.text).toBe("63.38");
    expect(v.indicators[0].target.text).toBe("≥3000条");
    expect(v.indicators[0].actual.text).toBe("4000条");
    expect(v.executionRate).toBe("84.51%");
    expect(views[0].budget.text).toBe("0.8万元");
    expect(views[1].indicators[0].level3.text).toBe("指标1");
  });

  it("shows status with score, grade and counts in words", () => {
    expect(formStatus(views[1])).toBe("90.00分 优（有 1 处错误，仅供参考） · 错误 1 · 提示 0");
    expect(formStatus(views[0])).toBe("90.00分 优 · 错误 0 · 提示 0");
  });

  it("sends only changed cells, and nothing when a value is typed back", () => {
    const v = views[4];
    const nameKey = "绩效表5-互联网维护与整治经费!B3";
    const actualKey = "绩效表5-互联网维护与整治经费!F11";
    expect(formCells(v).get(nameKey)?.text).toBe("互联网维护与整治经费");
    expect(
      changedCells(v, { [nameKey]: "互联网维护与整治经费", [actualKey]: "4100条", "别的表!A1": "x" }),
    ).toEqual([{ sheet: "绩效表5-互联网维护与整治经费", cell: "F11", value: "4100条" }]);
    expect(changedCells(v, {})).toEqual([]);
    expect(changedCells(v, { [actualKey]: "" })).toEqual([{ sheet: "绩效表5-互联网维护与整治经费", cell: "F11", value: "" }]);
  });
});

maybe("an edit recomputes 执行率, score and grade before it is saved", () => {
  let views: PerfFormView[] = [];
  beforeAll(async () => {
    const snap = await readXlsx(fs.readFileSync(path.join(FIXTURES, "bazhong-2020.xlsx")));
    const forms = readForms(snap);
    const context = readPerfContext(snap);
    views = toPerfFormViews(forms, perfReportOf(forms, context), { snapshot: snap, context });
  });

  it("0.9 → 0.5 in 执行数: the rate and the score follow at once, marked unsaved", () => {
    const v = views[2]; // 党建工作经费: 预算 0.9, 执行 0.9
    expect([v.executionRate, v.unsaved]).toEqual(["100.00%", undefined]);
    const key = `${v.actual.source!.sheet}!${v.actual.source!.cell}`;
    const live = liveView(v, { [key]: "0.5" });
    expect(live.executionRate).toBe("55.56%");
    expect(live.unsaved).toBe(true);
    expect(Number(live.score)).toBeLessThan(Number(v.score));
    expect(formStatus(live)).toMatch(/未保存$/);
    expect(gradeCaveats(live)[0]).toBe("按尚未保存的修改计算");
    // the same answer as saving the edit and reading the workbook again (src/perf on the edited sheet)
    expect(live.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(v.findings.filter((f) => f.rule !== "P-11").map((f) => f.rule)));
    // the inputs still hold what the sheet holds (the draft is shown over it)
    expect(live.actual.text).toBe(v.actual.text);
    // typed back: the form as read
    expect(liveView(v, { [key]: v.actual.text })).toBe(v);
  });

  it("an indicator value edited: the findings of the row follow", () => {
    const v = views[1]; // 脱贫攻坚工作经费: 三级指标 “指标1” is a placeholder
    expect(v.findings.some((f) => f.rule === "P-4" && f.cell === "D11")).toBe(true);
    const key = `${v.indicators[0].level3.source!.sheet}!${v.indicators[0].level3.source!.cell}`;
    const live = liveView(v, { [key]: "帮扶贫困户户数" });
    expect(live.findings.some((f) => f.rule === "P-4" && f.cell === "D11")).toBe(false);
  });

  it("the grade says what lowers its credibility", () => {
    const v = views[0]; // 接待费: errors and unscorable rows
    const caveats = gradeCaveats(v);
    expect(caveats.join("；")).toMatch(/表中有 \d+ 处错误/);
    expect(caveats.join("；")).toMatch(/\d+ 项无法评分，按0分计/);
  });
});

describe("perf model without a workbook", () => {
  const empty: PerfFormView = {
    id: "S!A1", kind: "completion", sheet: "S", title: "", titleCell: { sheet: "S", cell: "A1" }, year: null, unit: "万元",
    name: { text: " ", source: null }, budgetUnit: { text: "", source: null },
    budget: { text: "", source: null }, actual: { text: "", source: null }, budgetFiscal: { text: "", source: null },
    budgetOther: { text: "", source: null }, actualFiscal: { text: "", source: null }, actualOther: { text: "", source: null },
    goalTarget: { text: "", source: null }, goalActual: { text: "", source: null }, indicators: [], findings: [], problems: [],
  };
  it("names an unnamed form by its sheet", () => {
    expect(formName(empty)).toBe("S（未填项目名称）");
  });
  it("status without a score", () => {
    expect(formStatus(empty)).toBe("错误 0 · 提示 0");
  });
  it("cells without a source are not editable", () => {
    expect(formCells(empty).size).toBe(0);
    expect(changedCells(empty, { "S!B3": "x" })).toEqual([]);
  });
  it("checks a new project name", () => {
    expect(projectNameProblem("  ")).toBe("请输入项目名称。");
    expect(projectNameProblem("a".repeat(101))).toBe("项目名称过长（最多 100 个字）。");
    expect(projectNameProblem("培训费")).toBeNull();
  });
});
