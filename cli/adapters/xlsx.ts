import ExcelJS from "exceljs";
import * as fs from "fs";
import { JuesuanError } from "../../src/money/errors";
import type { CellValue, MergeArea, SheetSnapshot, WorkbookSnapshot } from "../../src/workbook/snapshot";
import { parseA1 } from "../../src/workbook/snapshot";
import { refuseUnlessXlsx } from "./sniff";

/**
 * ExcelJS cell value → snapshot value: cached formula results, rich text flattened, dates and errors kept.
 * A formula without a cached result is { formula } (its value is unknown: never blank, never 0).
 */
export function toCellValue(v: ExcelJS.CellValue, formulaText?: string): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  // A number under a date format beyond the calendar (1e308) is an Invalid Date: kept as text, never a crash.
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "Invalid Date" : { date: v.toISOString() };
  if (typeof v === "object") {
    const o = v as unknown as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      const result = o.result;
      // ExcelJS reads <v></v> and an absent <v> alike as undefined; an empty cached string is "".
      if (result !== undefined && result !== null) return toCellValue(result as ExcelJS.CellValue);
      const text = formulaText ?? String(o.formula ?? o.sharedFormula ?? "");
      return { formula: text };
    }
    if ("error" in o) return { error: String(o.error) };
    if ("richText" in o && Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join("");
    if ("text" in o && "hyperlink" in o) return String(o.text);
  }
  return String(v);
}

function mergeFromRef(ref: string): MergeArea | null {
  const [a, b] = ref.split(":");
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  if (!p || !q) return null;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

function visibilityOf(ws: ExcelJS.Worksheet): SheetSnapshot["visibility"] | undefined {
  const state = (ws as unknown as { state?: string }).state;
  if (state === "hidden") return "hidden";
  if (state === "veryHidden") return "veryHidden";
  return undefined;
}

/** Formula text of a cell (shared formulas translated by ExcelJS), "" when it cannot say. */
function formulaOf(cell: ExcelJS.Cell): string | undefined {
  try {
    const f = (cell as unknown as { formula?: string }).formula;
    return typeof f === "string" ? f : undefined;
  } catch {
    return undefined;
  }
}

export function worksheetToSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? [])
    .map(mergeFromRef)
    .filter((m): m is MergeArea => m !== null);
  // Bounds are tracked while reading: no spread or apply over the cells (a sheet may hold millions).
  const rowsSeen: { row: number; cells: { col: number; value: CellValue }[] }[] = [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: { col: number; value: CellValue }[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // Like Excel's range.values, only the master cell of a merged area carries the value.
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
      const raw = cell.value;
      const isFormula = typeof raw === "object" && raw !== null && ("formula" in raw || "sharedFormula" in raw);
      const value = toCellValue(raw, isFormula ? formulaOf(cell) : undefined);
      if (value === null || value === "") return;
      cells.push({ col: c - 1, value });
      if (c - 1 < left) left = c - 1;
      if (c - 1 > right) right = c - 1;
    });
    if (cells.length === 0) return;
    rowsSeen.push({ row: r - 1, cells });
    if (r - 1 < top) top = r - 1;
    if (r - 1 > bottom) bottom = r - 1;
  });
  const visibility = visibilityOf(ws);
  const base: SheetSnapshot = { name: ws.name, origin: { row: 0, col: 0 }, values: [], merges };
  if (visibility) base.visibility = visibility;
  if (rowsSeen.length === 0) return base;
  const width = right - left + 1;
  const values: CellValue[][] = new Array<CellValue[]>(bottom - top + 1);
  for (let i = 0; i < values.length; i++) values[i] = new Array<CellValue>(width).fill(null);
  for (const line of rowsSeen) {
    const target = values[line.row - top];
    for (const c of line.cells) target[c.col - left] = c.value;
  }
  base.origin = { row: top, col: left };
  base.values = values;
  return base;
}

export function workbookToSnapshot(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  // worksheets are kept in workbook (tab) order by orderNo
  const order = (w: ExcelJS.Worksheet) => (w as unknown as { orderNo?: number }).orderNo ?? 0;
  const ordered = [...wb.worksheets].sort((a, b) => order(a) - order(b));
  for (const ws of ordered) sheets.push(worksheetToSnapshot(ws));
  return { sheets };
}

/**
 * Reads an .xlsx/.xlsm file (or buffer) into a snapshot with ExcelJS; unreadable input is a JuesuanError
 * in Chinese that says what the file is (an .xls, an .ods, an encrypted workbook, a zip that is no workbook…).
 * For every format (.xls, .ods, .csv too) use readWorkbook in ./workbook.
 */
export async function readXlsx(input: string | Buffer | ArrayBuffer | Uint8Array): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  const name = typeof input === "string" ? `“${input}”` : "该文件";
  let bytes: Uint8Array;
  if (typeof input === "string") {
    // ExcelJS does not report a missing file as ENOENT; say it plainly before trying to read.
    if (!fs.existsSync(input)) throw new JuesuanError("file-not-found", `找不到文件“${input}”`);
    if (fs.statSync(input).isDirectory()) throw new JuesuanError("file-is-dir", `“${input}”是文件夹，不是 Excel 工作簿`);
    bytes = fs.readFileSync(input);
  } else {
    bytes = input instanceof ArrayBuffer ? new Uint8Array(input) : input;
  }
  refuseUnlessXlsx(bytes, name);
  try {
    // ExcelJS accepts Buffers at run time; its typings lag behind.
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new JuesuanError("not-xlsx", `无法读取${name}：它不是有效的 .xlsx 工作簿（请在 Excel 中另存为 .xlsx 格式后重试）`, e);
  }
  const snapshot = workbookToSnapshot(wb);
  if (snapshot.sheets.length === 0) throw new JuesuanError("no-sheets", `${name}中没有任何工作表，无法检查`);
  return snapshot;
}
