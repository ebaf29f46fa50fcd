import ExcelJS from "exceljs";
import * as fs from "fs";
import { JuesuanError } from "../../src/money/errors";
import type { CellValue, MergeArea, SheetSnapshot, WorkbookSnapshot } from "../../src/workbook/snapshot";
import { parseA1 } from "../../src/workbook/snapshot";

/** ExcelJS cell value → snapshot value: cached formula results, rich text flattened, dates and errors kept. */
export function toCellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return { date: v.toISOString() };
  if (typeof v === "object") {
    const o = v as unknown as Record<string, unknown>;
    if ("error" in o) return { error: String(o.error) };
    if ("richText" in o && Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join("");
    if ("formula" in o || "sharedFormula" in o) {
      return "result" in o && o.result !== undefined ? toCellValue(o.result as ExcelJS.CellValue) : null;
    }
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

export function worksheetToSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? [])
    .map(mergeFromRef)
    .filter((m): m is MergeArea => m !== null);
  const cells: { row: number; col: number; value: CellValue }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      // Like Excel's range.values, only the master cell of a merged area carries the value.
      if (cell.isMerged && cell.master && cell.master.address !== cell.address) return;
      const value = toCellValue(cell.value);
      if (value === null || value === "") return;
      cells.push({ row: r - 1, col: c - 1, value });
    });
  });
  if (cells.length === 0) return { name: ws.name, origin: { row: 0, col: 0 }, values: [], merges };
  const top = Math.min(...cells.map((c) => c.row));
  const left = Math.min(...cells.map((c) => c.col));
  const bottom = Math.max(...cells.map((c) => c.row));
  const right = Math.max(...cells.map((c) => c.col));
  const values: CellValue[][] = Array.from({ length: bottom - top + 1 }, () => new Array<CellValue>(right - left + 1).fill(null));
  for (const c of cells) values[c.row - top][c.col - left] = c.value;
  return { name: ws.name, origin: { row: top, col: left }, values, merges };
}

export function workbookToSnapshot(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  // worksheets are kept in workbook (tab) order by orderNo
  const order = (w: ExcelJS.Worksheet) => (w as unknown as { orderNo?: number }).orderNo ?? 0;
  const ordered = [...wb.worksheets].sort((a, b) => order(a) - order(b));
  for (const ws of ordered) sheets.push(worksheetToSnapshot(ws));
  return { sheets };
}

/** Reads an .xlsx file (or buffer) into a snapshot; unreadable input is a JuesuanError in Chinese. */
export async function readXlsx(input: string | Buffer | ArrayBuffer | Uint8Array): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  if (typeof input === "string") {
    // ExcelJS does not report a missing file as ENOENT; say it plainly before trying to read.
    if (!fs.existsSync(input)) throw new JuesuanError("file-not-found", `找不到文件“${input}”`);
    if (fs.statSync(input).isDirectory()) throw new JuesuanError("file-is-dir", `“${input}”是文件夹，不是 Excel 工作簿`);
  }
  try {
    if (typeof input === "string") {
      await wb.xlsx.readFile(input);
    } else {
      // ExcelJS accepts Buffers and ArrayBuffers at run time; its typings lag behind.
      await wb.xlsx.load(input as unknown as ExcelJS.Buffer);
    }
  } catch (e) {
    const name = typeof input === "string" ? `“${input}”` : "该文件";
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === "ENOENT") throw new JuesuanError("file-not-found", `找不到文件${name}`, e);
    if (code === "EISDIR") throw new JuesuanError("file-is-dir", `${name}是文件夹，不是 Excel 工作簿`, e);
    throw new JuesuanError("not-xlsx", `无法读取${name}：它不是有效的 .xlsx 工作簿（请在 Excel 中另存为 .xlsx 格式后重试）`, e);
  }
  return workbookToSnapshot(wb);
}
