import { JuesuanError } from "../../src/money/errors";
import type { MergeArea } from "../../src/workbook/snapshot";
import { a1 } from "../../src/workbook/snapshot";
import { getExcel, runExcel, type ExcelHost } from "./host";
import { rememberSheetNames, knownSheetNames } from "./read";

export interface CellWrite {
  sheet: string;
  /** A1 address of one cell. */
  cell: string;
  value: string | number | null;
}

/**
 * Writes single cells in one sync. The caller decides which cells may be written (the pane only
 * sends a performance form's own cells); a sheet that no longer exists is a Chinese error.
 */
export async function writeCells(writes: CellWrite[], excel?: ExcelHost): Promise<void> {
  if (writes.length === 0) return;
  await runExcel(excel, async (context) => {
    const bySheet = new Map<string, CellWrite[]>();
    for (const w of writes) bySheet.set(w.sheet, [...(bySheet.get(w.sheet) ?? []), w]);
    for (const [sheetName, ws] of bySheet) {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      for (const w of ws) {
        if (!/^[A-Z]{1,3}\d+$/.test(w.cell)) throw new JuesuanError("bad-address", `单元格地址“${w.cell}”无效。`);
        sheet.getRange(w.cell).values = [[w.value ?? ""]];
      }
    }
    await context.sync();
  });
}

/** A sheet name not yet used: base, base（2）, base（3）… (Excel names are case-insensitive, at most 31 characters). */
export function uniqueSheetName(names: string[], base: string): string {
  const clean = base.replace(/[\\/?*[\]:]/g, "").slice(0, 28) || "绩效表";
  const taken = new Set(names.map((n) => n.toLowerCase()));
  if (!taken.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const name = `${clean.slice(0, 26)}（${i}）`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/**
 * Adds a new sheet holding `values` from A1 with the given merged areas; never touches an
 * existing sheet. One sync to learn the sheet names (none when they are known), one to write.
 */
export async function addSheetWithCells(
  baseName: string,
  values: (string | number | null)[][],
  merges: MergeArea[],
  options: { excel?: ExcelHost; boldRows?: number[]; columnWidths?: number[] } = {},
): Promise<{ sheet: string }> {
  return runExcel(options.excel, async (context) => {
    let names = knownSheetNames(options.excel);
    if (!names) {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      names = sheets.items.map((s) => s.name);
    }
    const name = uniqueSheetName(names, baseName);
    const sheet = context.workbook.worksheets.add(name);
    const width = Math.max(1, ...values.map((r) => r.length));
    const grid = values.map((r) => Array.from({ length: width }, (_x, i) => r[i] ?? ""));
    const range = sheet.getRange(`A1:${a1(grid.length - 1, width - 1)}`);
    range.values = grid;
    range.format.wrapText = true;
    for (const m of merges) sheet.getRange(`${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).merge(false);
    for (const r of options.boldRows ?? []) sheet.getRange(`A${r + 1}:${a1(r, width - 1)}`).format.font.bold = true;
    (options.columnWidths ?? []).forEach((w, i) => {
      sheet.getRange(`${a1(0, i)}`).format.columnWidth = w;
    });
    sheet.activate();
    await context.sync();
    rememberSheetNames(getExcel(options.excel), [...names, name]);
    return { sheet: name };
  });
}

/** Learns the sheet names once (at pane start), so that each later workbook read is exactly one sync. */
export async function primeSheetNames(excel?: ExcelHost): Promise<string[]> {
  return runExcel(excel, async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const names = sheets.items.map((s) => s.name);
    rememberSheetNames(getExcel(excel), names);
    return names;
  });
}
