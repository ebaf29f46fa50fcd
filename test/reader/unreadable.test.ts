/** Issue 11: values that are not there are never read as 0; hidden old copies never win. */
import { readXlsx } from "../../cli/adapters/xlsx";
import { readReport, readerFindings, fig } from "../../src/reader";
import { parseAmount } from "../../src/money/parse";
import { normaliseLabel } from "../../src/reader/labels";
import { exampleWithBadAmounts, exampleWithHiddenOldCopy, exampleWithUncachedTotals } from "../../scripts/examples/bad-inputs";
import { buildSichuan2020 } from "../../scripts/examples/build";

describe("unreadable amounts", () => {
  test("formulas without cached values are recorded at their cells, not read as 0", async () => {
    const { buf, cells } = await exampleWithUncachedTotals();
    expect(cells.length).toBeGreaterThan(0);
    const snap = await readXlsx(buf);
    const model = readReport(snap);
    const unreadable = model.recognition.unreadable ?? [];
    expect(unreadable.map((u) => u.cell).sort()).toEqual([...cells].sort());
    expect(unreadable.every((u) => u.kind === "formula" && u.text.startsWith("=SUM("))).toBe(true);
    expect(fig(model.tables.T01, "incomeTotal", "amount")).toBeUndefined();
    const row = model.tables.T01?.rows.find((r) => r.key === "incomeTotal");
    expect(row?.unreadable?.amount?.kind).toBe("formula");
    const findings = readerFindings(model).filter((f) => f.rule === "R-5");
    expect(findings).toHaveLength(cells.length);
    expect(findings[0].message).toMatch(/^公式未计算：请在 Excel 中打开并保存后再检查/);
  });

  test("error values, text, TRUE, dates and 1e308 are findings at their cells; U+2212 minus is read", async () => {
    const { buf, cells } = await exampleWithBadAmounts();
    const model = readReport(await readXlsx(buf));
    const byCell = new Map((model.recognition.unreadable ?? []).map((u) => [u.cell, u.kind]));
    for (const [cell, kind] of Object.entries(cells)) {
      if (kind === "minus") expect(byCell.has(cell)).toBe(false);
      else expect(byCell.get(cell)).toBe(kind);
    }
    const found = readerFindings(model);
    for (const [cell, kind] of Object.entries(cells)) if (kind !== "minus") expect(found.some((f) => f.cell === cell)).toBe(true);
    expect(parseAmount("−12").value.toString()).toBe("-12");
  });

  test("a hidden old copy placed first is skipped and said", async () => {
    const clean = readReport(await readXlsx(await buildSichuan2020()));
    for (const state of ["hidden", "veryHidden"] as const) {
      const snap = await readXlsx(await exampleWithHiddenOldCopy(state));
      expect(snap.sheets[0].visibility).toBe(state);
      const model = readReport(snap);
      expect(model.tables.T01?.sheet).toBe(clean.tables.T01?.sheet);
      expect(fig(model.tables.T01, "incomeTotal", "amount")?.raw.toString()).toBe(fig(clean.tables.T01, "incomeTotal", "amount")?.raw.toString());
      const d = model.recognition.duplicates?.find((x) => x.key === "T01");
      expect(d?.skipped[0]).toMatchObject({ sheet: snap.sheets[0].name, hidden: true });
      expect(readerFindings(model).some((f) => f.rule === "R-7")).toBe(true);
    }
  });

  test("labels: _xHHHH_ escapes and invisible characters", () => {
    expect(normaliseLabel("本年收入合计_x000D_")).toBe("本年收入合计");
    expect(normaliseLabel("本年\u200b收入\u200d合计\ufeff")).toBe("本年收入合计");
  });
});
