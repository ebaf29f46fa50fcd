/**
 * The plain-data picture of a workbook: the only thing the core ever sees. Produced by the
 * Excel adapter (taskpane/excel), the ExcelJS adapter (cli/adapters/xlsx) and any future host.
 */

/** An error value of a cell, such as "#DIV/0!" or "#N/A". */
export interface CellErrorValue {
  error: string;
}
/** A date cell, as an ISO 8601 date string. */
export interface CellDateValue {
  date: string;
}
/**
 * A formula cell saved without a cached result (files written by scripts and platforms, or by Excel with
 * manual calculation): its value is unknown, never blank or 0. `formula` is the formula text without "=".
 */
export interface CellFormulaValue {
  formula: string;
}
export type CellValue = string | number | boolean | null | CellErrorValue | CellDateValue | CellFormulaValue;

/** A merged area, 0-based, inclusive, in absolute sheet coordinates. */
export interface MergeArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetSnapshot {
  name: string;
  /** 0-based absolute row and column of values[0][0] (the used range's top-left). */
  origin: { row: number; col: number };
  /** The used range's values; formulas appear as their cached results (a CellFormulaValue when there is none). In a merged area only the top-left cell holds the value. */
  values: CellValue[][];
  merges: MergeArea[];
  /** Sheet visibility as Excel keeps it; absent = visible. */
  visibility?: "visible" | "hidden" | "veryHidden";
}

export interface WorkbookSnapshot {
  /** Sheets in workbook order. */
  sheets: SheetSnapshot[];
  /** Add-in settings stored in the workbook (e.g. table location overrides), if any. */
  settings?: Record<string, unknown>;
}

export function isCellError(v: CellValue): v is CellErrorValue {
  return typeof v === "object" && v !== null && "error" in v;
}
export function isCellDate(v: CellValue): v is CellDateValue {
  return typeof v === "object" && v !== null && "date" in v;
}

export function isCellFormula(v: CellValue): v is CellFormulaValue {
  return typeof v === "object" && v !== null && "formula" in v;
}
/** True when a sheet is hidden or very hidden. */
export function isSheetHidden(sheet: SheetSnapshot): boolean {
  return sheet.visibility !== undefined && sheet.visibility !== "visible";
}

/** Value at absolute 0-based (row, col), or null outside the used range. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = row - sheet.origin.row;
  const c = col - sheet.origin.col;
  if (r < 0 || c < 0 || r >= sheet.values.length) return null;
  const line = sheet.values[r];
  return c < line.length ? (line[c] ?? null) : null;
}

const LETTERS: string[] = [];

/** Column letters for a 0-based column index: 0 → A, 27 → AB. */
export function columnLetters(col: number): string {
  if (col >= 0 && col < 1024 && Number.isInteger(col)) return (LETTERS[col] ??= lettersOf(col));
  return lettersOf(col);
}

function lettersOf(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of absolute 0-based (row, col). */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Parses "B12" into absolute 0-based { row, col }; null when not an A1 cell address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Number of rows/columns of the used range. */
export function sheetSize(sheet: SheetSnapshot): { rows: number; cols: number } {
  return { rows: sheet.values.length, cols: sheet.values.reduce((m, r) => Math.max(m, r.length), 0) };
}
