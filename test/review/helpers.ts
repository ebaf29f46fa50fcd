/** Snapshot edits for the review tests: planted problems in the repository's example workbook, row insertions. */
import type { CellValue, WorkbookSnapshot } from "../../src/workbook/snapshot";

export function sheetOf(s: WorkbookSnapshot, name: string) {
  const sheet = s.sheets.find((x) => x.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Sets the cell at absolute 0-based (row, col); the cell must be inside the used range. */
export function setAt(s: WorkbookSnapshot, name: string, row: number, col: number, v: CellValue): void {
  const sheet = sheetOf(s, name);
  const line = sheet.values[row - sheet.origin.row];
  if (!line || col - sheet.origin.col >= line.length) throw new Error(`${name} (${row},${col}) outside the used range`);
  line[col - sheet.origin.col] = v;
}

/** Inserts `count` rows above absolute 0-based sheet row `at`, as Excel's “插入行” does (values and merges move down). */
export function insertRows(s: WorkbookSnapshot, name: string, at: number, count = 1, fill: CellValue[] = []): void {
  const sheet = sheetOf(s, name);
  if (at <= sheet.origin.row && fill.length === 0) sheet.origin.row += count;
  else {
    const i = Math.max(0, at - sheet.origin.row);
    if (at < sheet.origin.row) {
      // Rows with content above the used range: the range grows upwards.
      for (let k = 0; k < sheet.origin.row - at; k++) sheet.values.unshift([]);
      sheet.origin.row = at;
    }
    sheet.values.splice(i, 0, ...Array.from({ length: count }, () => [...fill]));
  }
  for (const m of sheet.merges) {
    if (m.top >= at) m.top += count;
    if (m.bottom >= at) m.bottom += count;
  }
}

/**
 * The example workbook with planted problems (as test/e2e/workbooks.ts brokenExample): 公开01表
 * 一般公共预算财政拨款收入 215.04 → 216.04 (C7) and 住房保障支出 10.57 → 11.57 (F25).
 */
export function plant(s: WorkbookSnapshot): void {
  setAt(s, "公开01表", 6, 2, 216.04);
  setAt(s, "公开01表", 24, 5, 11.57);
}
