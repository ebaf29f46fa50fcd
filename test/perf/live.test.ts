import { draftValue, reassessForm, sheetWithEdits } from "../../src/perf/live";
import { blankFormCells } from "../../src/perf";
import type { SheetSnapshot } from "../../src/workbook/snapshot";

describe("unsaved edits applied to a copy of the sheet", () => {
  const sheet: SheetSnapshot = { name: "S", origin: { row: 1, col: 1 }, values: [["a", 1], ["b", 2]], merges: [] };

  it("values as the pane writes them", () => {
    expect(draftValue(" 0.5 ")).toBe(0.5);
    expect(draftValue("0.5万元")).toBe("0.5万元");
    expect(draftValue("")).toBeNull();
  });

  it("sets cells inside, beyond, above and left of the used range; the original is untouched", () => {
    const e = sheetWithEdits(sheet, [{ cell: "C2", value: "9" }, { cell: "E4", value: "x" }]);
    expect(e.values[0]).toEqual(["a", 9]);
    expect(e.values[2]).toEqual([null, null, null, "x"]);
    expect(sheet.values).toEqual([["a", 1], ["b", 2]]);
    expect(e.values[1]).toBe(sheet.values[1]); // untouched rows shared
    const up = sheetWithEdits(sheet, [{ cell: "A1", value: "t" }]);
    expect(up.origin).toEqual({ row: 0, col: 0 });
    expect(up.values).toEqual([["t"], [null, "a", 1], [null, "b", 2]]);
  });

  it("a blank form with 预算 and 执行 typed in gets its rate", () => {
    const blank = blankFormCells(2024);
    const values = blank.values.map((r) => r.slice());
    values[blank.inputs.name.row][blank.inputs.name.col] = "培训费";
    const s: SheetSnapshot = { name: "绩效表-培训费", origin: { row: 0, col: 0 }, values, merges: blank.merges };
    const before = reassessForm(s, { sheet: s.name, cell: "A1" }, []);
    expect(before.form?.name.text).toBe("培训费");
    const budget = before.form!.budget.source!.cell;
    const actual = before.form!.actual.source!.cell;
    const after = reassessForm(s, { sheet: s.name, cell: "A1" }, [{ cell: budget, value: "10" }, { cell: actual, value: "8" }]);
    expect(after.report?.rate).toBe("80.00");
  });
});
