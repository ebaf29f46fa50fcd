import { checkTables, resolve, TABLE_RULES, type CellRef } from "../../src/checks/tables";
import { readReport } from "../../src/reader";
import { describeShared, example, fixture, getCell, setCell, snapshotOf } from "../helpers/fixtures";

const rulesOf = (fs: { rule: string; severity: string }[]) => fs.map((f) => `${f.rule}:${f.severity}`).sort();

describe("table rules on the repository's example workbooks", () => {
  it.each(["example-sichuan-2020.xlsx", "example-sichuan-2020-yuan.xlsx", "example-national-2024.xlsx"])("%s: consistent tables give no finding", async (name) => {
    expect(checkTables(readReport(await snapshotOf(example(name))))).toEqual([]);
  });
});

describeShared("table rules on ../shared/fixtures", () => {
  it.each(["bazhong-2020.xlsx", "bazhong-2020-yuan.xlsx", "bazhong-2020-clean.xlsx"])("%s: the exported tables foot exactly", async (name) => {
    expect(checkTables(readReport(await snapshotOf(fixture(name))))).toEqual([]);
  });

  it("a wrong 收入总计 is an error at its cell, in business words", async () => {
    const s = await snapshotOf(fixture("bazhong-2020.xlsx"));
    // T01 收入总计 (C column, the 总计 row)
    const model0 = readReport(s);
    const total = model0.tables.T01!.rows.find((r) => r.key === "incomeGrandTotal")!.values.amount.source;
    setCell(s, total.sheet, total.cell, 237.01);
    const findings = checkTables(readReport(s));
    expect(rulesOf(findings)).toEqual(["T1-2:error", "T1-5:error"]);
    const t12 = findings.find((f) => f.rule === "T1-2")!;
    expect(t12).toMatchObject({ sheet: "公开01表", cell: total.cell, stated: "237.01", expected: "236.01", difference: "1.00" });
    expect(t12.message).toContain("收入总计");
    expect(t12.message).toContain("差1.00万元");
  });

  it("a 0.01 slip in a 万元 项 is a 尾差 (info) where parts are summed", async () => {
    const s = await snapshotOf(fixture("bazhong-2020.xlsx"));
    const cell = readReport(s).tables.T05!.rows.find((r) => r.code === "2013399")!.values.total.source;
    setCell(s, cell.sheet, cell.cell, 106.14);
    const findings = checkTables(readReport(s));
    expect(findings.every((f) => f.severity === "info")).toBe(true);
    expect(rulesOf(findings)).toEqual(["T5-1:info", "T5-2:info"]);
  });

  it("in a 元 table one 元 off is an error: no rounding tolerance", async () => {
    const s = await snapshotOf(fixture("bazhong-2020-yuan.xlsx"));
    const row = readReport(s).tables.T05!.rows.find((r) => r.code === "2013399")!;
    const src = row.values.total.source;
    const before = row.values.total.raw;
    setCell(s, src.sheet, src.cell, before.plus(1).toFixed(2));
    const findings = checkTables(readReport(s));
    expect(findings.filter((f) => f.rule === "T5-1")).toHaveLength(1);
    expect(findings.find((f) => f.rule === "T5-1")).toMatchObject({ severity: "error", difference: "1.00" });
    expect(findings.find((f) => f.rule === "T5-2")).toMatchObject({ severity: "error" });
    expect(findings.find((f) => f.rule === "T5-1")!.message).toContain("元");
  });

  it("between tables: T05 合计 different from T03 when all money is 一般公共预算 (X-11), and X-10 inequalities", async () => {
    const s = await snapshotOf(fixture("bazhong-2020.xlsx"));
    const m = readReport(s);
    const t03 = m.tables.T03!.rows.find((r) => r.level === "total")!;
    setCell(s, t03.values.total.source.sheet, t03.values.total.source.cell, 222.34);
    const findings = checkTables(readReport(s));
    const ids = rulesOf(findings);
    expect(ids).toContain("X-3:error");
    expect(ids).toContain("X-10c:error");
    expect(ids).toContain("X-11:error");
    expect(ids).toContain("T3-1:error");
  });

  it("a 类 of 公开01表 that differs from 公开03表 is named with both tables (X-3b)", async () => {
    const s = await snapshotOf(fixture("bazhong-2020.xlsx"));
    const row = readReport(s).tables.T01!.rows.find((r) => r.code === "221")!;
    const c = row.values.amount.source;
    setCell(s, c.sheet, c.cell, 11.57);
    const f = checkTables(readReport(s)).find((x) => x.rule === "X-3b")!;
    expect(f).toMatchObject({ severity: "error", sheet: "公开01表", cell: c.cell, stated: "11.57", expected: "10.57", difference: "1.00" });
    expect(f.message).toBe("公开01表各类支出 = 公开03表对应类的本年支出合计：“221 住房保障支出”在公开01表为11.57，在公开03表为10.57，差1.00万元");
  });

  it("三公: 决算 over 预算 is a warning that asks for an explanation (T7-3); 补充数据 must agree with 公开07表", async () => {
    const s = await snapshotOf(fixture("bazhong-2020.xlsx"));
    const t07 = readReport(s).tables.T07!.rows[0];
    for (const k of ["finalTotal", "finalReception"]) {
      const c = t07.values[k].source;
      setCell(s, c.sheet, c.cell, 0.9);
    }
    const ids = rulesOf(checkTables(readReport(s)));
    expect(ids).toEqual(expect.arrayContaining(["T7-3:warning", "S-1:error"]));
    expect(getCell(s, "补充数据", "C18")).toBe(0.8);
  });
});

describe("the rule catalogue is evaluable", () => {
  // A rule whose references do not resolve would be skipped silently; every table reference of
  // every rule must name a row and column the reader produces, in both layout families.
  it.each(["example-sichuan-2020.xlsx", "example-sichuan-2020-yuan.xlsx", "example-national-2024.xlsx"])("%s: every table reference resolves", async (name) => {
    const model = readReport(await snapshotOf(example(name)));
    const unresolved: string[] = [];
    for (const rule of TABLE_RULES) {
      const r = rule as unknown as Record<string, unknown>;
      const refs: CellRef[] = [];
      for (const k of ["total", "lhs", "rhs", "left", "right"]) if (r[k] && typeof r[k] === "object") refs.push(r[k] as CellRef);
      for (const p of (r.parts as unknown[]) ?? []) if (typeof p === "object") refs.push(p as CellRef);
      for (const pair of (r.pairs as unknown[][]) ?? []) for (const p of pair) if (typeof p === "object") refs.push(p as CellRef);
      for (const ref of refs.filter((x) => x.table)) {
        const v = resolve(model, ref);
        if (!v || v.length === 0 || v.some((x) => x.absent && !x.fig)) unresolved.push(`${rule.id} ${JSON.stringify(ref)}`);
      }
    }
    expect(unresolved).toEqual([]);
  });
});
