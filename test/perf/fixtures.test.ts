import * as fs from "fs";
import * as path from "path";
import { readXlsx } from "../../cli/adapters/xlsx";
import { perfReport, readForms, readPerfContext, type PerfReport } from "../../src/perf";
import type { Finding } from "../../src/findings";

const FIXTURES = path.resolve(__dirname, "../../../shared/fixtures");
const GOLDEN = path.resolve(__dirname, "../cases/perf-bazhong-2020/expected.json");
const d = fs.existsSync(FIXTURES) ? describe : describe.skip;

const slim = (f: Finding) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, row: f.row, message: f.message });
function golden(report: PerfReport) {
  return {
    projects: report.projects.map((p) => ({ name: p.name, budget: p.budget, actual: p.actual, rate: p.rate, score: p.score, grade: p.grade, findings: p.findings.map(slim) })),
    findings: report.findings.map(slim),
  };
}
const rulesOf = (r: PerfReport, name: string) => r.projects.find((p) => p.name === name)!.findings.map((f) => `${f.rule}:${f.severity}`);

d("performance forms of the seed (bazhong-2020.xlsx)", () => {
  let report: PerfReport;
  beforeAll(async () => {
    const snap = await readXlsx(path.join(FIXTURES, "bazhong-2020.xlsx"));
    report = perfReport(snap, readPerfContext(snap));
  });

  it("matches the golden findings and scores", () => {
    const actual = golden(report);
    if (process.env.UPDATE_GOLDEN === "1" || !fs.existsSync(GOLDEN)) {
      fs.mkdirSync(path.dirname(GOLDEN), { recursive: true });
      fs.writeFileSync(GOLDEN, JSON.stringify(actual, null, 2) + "\n");
    }
    expect(actual).toEqual(JSON.parse(fs.readFileSync(GOLDEN, "utf8")));
  });

  it("reads the five projects with their budget and execution", () => {
    expect(report.projects.map((p) => [p.name, p.budget, p.actual, p.rate])).toEqual([
      ["接待费", "0.80", "0.80", "100.00"],
      ["脱贫攻坚工作经费", "0.90", "0.90", "100.00"],
      ["党建工作经费", "0.90", "0.90", "100.00"],
      ["资料印刷费", "1.30", "1.30", "100.00"],
      ["互联网维护与整治经费", "75.00", "63.38", "84.51"],
    ]);
  });

  it("finds DOMAIN §6.2 item 24 (接待费): P-6 actual 满意度指标, P-3 no 产出, P-7", () => {
    const r = report.projects[0].findings;
    expect(r.find((f) => f.rule === "P-6")).toMatchObject({ severity: "error", cell: "F12", stated: "满意度指标" });
    expect(r.some((f) => f.rule === "P-3" && f.message.includes("产出"))).toBe(true);
    expect(r.some((f) => f.rule === "P-7" && f.cell === "F11")).toBe(true);
    // the row without 三级指标 is named as a row, not as a quoted indicator “第11行”
    const f11 = r.find((f) => f.rule === "P-7" && f.cell === "F11")!;
    expect(f11.message).toContain("第11行的指标（未填三级指标）目标与实际不可比");
    expect(r.map((f) => f.message).join()).not.toContain("“第11行”");
  });

  it("finds item 25 (脱贫): P-4 指标1/指标2 errors, P-5, no 满意度", () => {
    const r = report.projects[1].findings;
    expect(r.filter((f) => f.rule === "P-4" && f.severity === "error").map((f) => f.stated)).toEqual(["指标1", "指标2"]);
    expect(r.filter((f) => f.rule === "P-5")).toHaveLength(2);
    expect(r.some((f) => f.rule === "P-3" && f.message.includes("满意度"))).toBe(true);
  });

  it("finds item 26 (党建): P-1 项目完成指标, P-6 “≥90%” as actual, blank rows", () => {
    const r = report.projects[2].findings;
    expect(r.find((f) => f.rule === "P-1")).toMatchObject({ stated: "项目完成指标", severity: "warning" });
    expect(r.find((f) => f.rule === "P-6")).toMatchObject({ stated: "≥90%", severity: "error", cell: "F18" });
    expect(r.find((f) => f.rule === "P-blank")!.message).toContain("第15、17行");
  });

  it("finds item 27 (资料印刷费): P-3 no 效益, P-7 ≥95% vs 满意", () => {
    const r = report.projects[3].findings;
    expect(r.some((f) => f.rule === "P-3" && f.message.includes("效益"))).toBe(true);
    // the target is not what the actual should read: the finding says they cannot be compared, with no “应为”
    const p7 = r.find((f) => f.rule === "P-7")!;
    expect(p7).toMatchObject({ cell: "F18", stated: "满意" });
    expect(p7.expected).toBeUndefined();
    expect(p7.message).toContain("目标与实际不可比");
    expect(p7.message).toContain("“≥95%”");
  });

  it("finds item 28 (互联网维护): P-5 满意度不断提升, P-9 84.51% without reason, P-10", () => {
    const r = report.projects[4].findings;
    expect(r.find((f) => f.rule === "P-5")!.message).toContain("满意度不断提升");
    expect(r.find((f) => f.rule === "P-9")).toMatchObject({ severity: "warning", stated: "84.51%" });
    expect(r.find((f) => f.rule === "P-10")).toMatchObject({ severity: "info" });
    expect(r.some((f) => f.rule === "P-8")).toBe(false); // 75 / 63.38 / 84.51% agree with the 综述
  });

  it("finds item 20 (P-11): 1 self-evaluated vs 7 reported vs 5 summaries and forms", () => {
    const p11 = report.findings.filter((f) => f.rule === "P-11");
    expect(p11).toHaveLength(1);
    expect(p11[0].severity).toBe("error");
    expect(p11[0].message).toMatch(/1个.*7个.*综述5段.*绩效表5张/);
  });

  it("notes item 29: amounts written with 万元 under a (万元) header", () => {
    expect(rulesOf(report, "接待费")).toContain("P-unit:info");
    expect(rulesOf(report, "党建工作经费")).not.toContain("P-unit:info");
  });
});

d("the 元 fixture's stacked forms (bazhong-2020-yuan.xlsx)", () => {
  it("reads the same five projects from one sheet, with the same per-form findings", async () => {
    const snap = await readXlsx(path.join(FIXTURES, "bazhong-2020-yuan.xlsx"));
    const forms = readForms(snap);
    expect(forms.map((f) => f.sheet)).toEqual(Array(5).fill("绩效表"));
    expect(forms.map((f) => f.rows.first)).toEqual([1, 15, 29, 49, 69]);
    const yuan = perfReport(snap, readPerfContext(snap));
    const seedSnap = await readXlsx(path.join(FIXTURES, "bazhong-2020.xlsx"));
    const seed = perfReport(seedSnap, readPerfContext(seedSnap));
    expect(yuan.projects.map((p) => [p.name, p.budget, p.actual, p.rate, p.score, p.grade])).toEqual(
      seed.projects.map((p) => [p.name, p.budget, p.actual, p.rate, p.score, p.grade]),
    );
    // same rules per project (cells differ: the forms are stacked)
    for (let i = 0; i < 5; i++) expect(yuan.projects[i].findings.map((f) => f.rule)).toEqual(seed.projects[i].findings.map((f) => f.rule));
    // no narrative sheet: P-11 from 补充数据 (1) vs the 5 forms
    expect(yuan.findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([["P-11", "补充数据", "C55"]]);
  });
});

d("the clean fixture (bazhong-2020-clean.xlsx)", () => {
  it("gives no error and no warning, and scores every project", async () => {
    const snap = await readXlsx(path.join(FIXTURES, "bazhong-2020-clean.xlsx"));
    const ctx = readPerfContext(snap);
    expect(ctx.counts?.绩效自评项目数?.toString()).toBe("5");
    expect(ctx.sanGong?.公务接待费?.budget?.toString()).toBe("0.8");
    const report = perfReport(snap, ctx);
    const all = [...report.projects.flatMap((p) => p.findings), ...report.findings];
    expect(all.filter((f) => f.severity !== "info")).toEqual([]);
    expect(report.projects.map((p) => [p.name, p.score, p.grade])).toEqual([
      ["接待费", "100.00", "优"],
      ["脱贫攻坚工作经费", "100.00", "优"],
      ["党建工作经费", "100.00", "优"],
      ["资料印刷费", "100.00", "优"],
      // 执行率 84.51% → 8.45 of 10; all indicators met
      ["互联网维护与整治经费", "98.45", "优"],
    ]);
    expect(all.map((f) => f.rule)).toEqual(["P-10"]);
  });

  it("flags a narrative 综述 that disagrees with the form (P-8) and a missing reason (P-9)", async () => {
    const snap = await readXlsx(path.join(FIXTURES, "bazhong-2020-clean.xlsx"));
    const ctx = readPerfContext(snap);
    ctx.paragraphs = ctx.paragraphs!.map((p) =>
      p.text.includes("（5）") ? { ...p, text: "（5）“互联网维护与整治经费”项目绩效目标完成情况综述。项目全年预算数75.00万元，执行数为63.38万元，完成预算的85.51%。" } : p,
    );
    ctx.sanGong!.公务接待费 = { budget: ctx.sanGong!.公务接待费.budget, actual: ctx.sanGong!.公务接待费.budget!.plus("0.1") };
    const report = perfReport(snap, ctx);
    const net = report.projects[4].findings;
    expect(net.find((f) => f.rule === "P-8")).toMatchObject({ severity: "error", stated: "85.51%", expected: "84.51%" });
    expect(net.some((f) => f.rule === "P-9")).toBe(true);
    expect(report.projects[0].findings.find((f) => f.rule === "P-12")).toMatchObject({ severity: "warning", stated: "0.80", expected: "0.90" });
  });
});
