import { JuesuanError } from "../../src/money/errors";
import type { MergeArea } from "../../src/workbook/snapshot";
import { a1 } from "../../src/workbook/snapshot";
import { officeCode } from "./errors";
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
 *
 * Text is written as text: Range.values re-types a string as if the user had typed it (a leading
 * "=", "+" or "-" makes a formula, "100%" becomes 1, "2020-12" a date: office-js-docs-reference,
 * Range.values), so a string cell gets the text number format "@" queued before its value. Numbers
 * are written as numbers; null clears the cell's contents.
 */
export async function writeCells(writes: CellWrite[], excel?: ExcelHost): Promise<void> {
  if (writes.length === 0) return;
  for (const w of writes) if (!/^[A-Z]{1,3}\d+$/.test(w.cell)) throw new JuesuanError("bad-address", `单元格地址“${w.cell}”无效。`);
  await runExcel(excel, async (context) => {
    const bySheet = new Map<string, CellWrite[]>();
    for (const w of writes) {
      const list = bySheet.get(w.sheet);
      if (list) list.push(w);
      else bySheet.set(w.sheet, [w]);
    }
    for (const [sheetName, ws] of bySheet) {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      for (const w of ws) {
        const range = sheet.getRange(w.cell);
        if (typeof w.value === "string") range.numberFormat = [["@"]];
        range.values = [[w.value ?? ""]];
      }
    }
    await context.sync();
  });
}

/** The number formats that keep a grid as written: "@" (text) for strings, General for the rest. */
export function textFormats(grid: (string | number | null)[][]): string[][] {
  return grid.map((r) => r.map((v) => (typeof v === "string" ? "@" : "General")));
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
 * existing sheet. One sync to learn the sheet names (none when they are known), one to write, one
 * to activate the new sheet.
 */
export async function addSheetWithCells(
  baseName: string,
  values: (string | number | null)[][],
  merges: MergeArea[],
  options: { excel?: ExcelHost; boldRows?: number[]; columnWidths?: number[] } = {},
): Promise<{ sheet: string }> {
  return runExcel(options.excel, async (context) => {
    let names = knownSheetNames(options.excel);
    for (let attempt = 0; ; attempt++) {
      if (!names) {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- at most one retry, after stale names
        await context.sync();
        names = sheets.items.map((s) => s.name);
      }
      const name = uniqueSheetName(names, baseName);
      const sheet = context.workbook.worksheets.add(name);
      let width = 1;
      for (const r of values) if (r.length > width) width = r.length;
      const grid = values.map((r) => Array.from({ length: width }, (_x, i) => r[i] ?? ""));
      const range = sheet.getRange(`A1:${a1(grid.length - 1, width - 1)}`);
      // Text as text (see writeCells): formats first, then the values.
      range.numberFormat = textFormats(grid);
      range.values = grid;
      range.format.wrapText = true;
      for (const m of merges) sheet.getRange(`${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).merge(false);
      for (const r of options.boldRows ?? []) sheet.getRange(`A${r + 1}:${a1(r, width - 1)}`).format.font.bold = true;
      (options.columnWidths ?? []).forEach((w, i) => {
        sheet.getRange(`${a1(0, i)}`).format.columnWidth = w;
      });
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- the write; repeated once only after stale names
        await context.sync();
      } catch (e) {
        // The remembered names were stale and the name is taken. add() is the batch's first command, so
        // nothing of this attempt ran (a failed batch is not rolled back): retry with fresh names.
        if (officeCode(e) !== "ItemAlreadyExists" || attempt > 0) throw e;
        names = undefined;
        continue;
      }
      // Activated in the next sync: Excel on the web may ignore activate() on a sheet added in the same
      // batch (OfficeDev/office-js #930).
      sheet.activate();
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- runs once: the loop ends here
      await context.sync();
      rememberSheetNames(getExcel(options.excel), names.concat([name]));
      return { sheet: name };
    }
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
