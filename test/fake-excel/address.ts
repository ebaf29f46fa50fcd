/**
 * A1 address helpers of the fake Excel. Deliberately independent of taskpane/excel/address.ts, so that
 * the adapter's parser is tested against a second implementation rather than against itself.
 */
import { columnLetters } from "../../src/workbook/snapshot";

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Column letters (0 → A): the project's one implementation. */
export const colName = columnLetters;

function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

/** Parses a sheet-local address: "B2", "A1:C3", "A:A", "3:5". Null when invalid. */
export function parseLocalAddress(address: string): Rect | null {
  const parts = address.trim().split(":");
  if (parts.length < 1 || parts.length > 2) return null;
  const cell = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
  const colOnly = /^\$?([A-Za-z]{1,3})$/;
  const rowOnly = /^\$?(\d{1,7})$/;
  const [a, b = parts[0]] = parts;
  let m1 = cell.exec(a);
  let m2 = cell.exec(b);
  let r: Rect | null = null;
  if (m1 && m2) {
    const r1 = Number(m1[2]) - 1, r2 = Number(m2[2]) - 1, c1 = colIndex(m1[1]), c2 = colIndex(m2[1]);
    r = { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
  } else if (parts.length === 2 && (m1 = colOnly.exec(a)) && (m2 = colOnly.exec(b))) {
    const c1 = colIndex(m1[1]), c2 = colIndex(m2[1]);
    r = { top: 0, bottom: MAX_ROWS - 1, left: Math.min(c1, c2), right: Math.max(c1, c2) };
  } else if (parts.length === 2 && (m1 = rowOnly.exec(a)) && (m2 = rowOnly.exec(b))) {
    const r1 = Number(m1[1]) - 1, r2 = Number(m2[1]) - 1;
    r = { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: 0, right: MAX_COLS - 1 };
  }
  if (!r) return null;
  if (r.top < 0 || r.left < 0 || r.bottom >= MAX_ROWS || r.right >= MAX_COLS) return null;
  return r;
}

/** Local A1 text of a rectangle, in Excel's style ("A1", "A1:C3", "A:A", "1:3"). */
export function localAddress(r: Rect): string {
  const fullCols = r.top === 0 && r.bottom === MAX_ROWS - 1;
  const fullRows = r.left === 0 && r.right === MAX_COLS - 1;
  if (fullCols && !fullRows) return `${colName(r.left)}:${colName(r.right)}`;
  if (fullRows) return `${r.top + 1}:${r.bottom + 1}`;
  const a = `${colName(r.left)}${r.top + 1}`;
  if (r.top === r.bottom && r.left === r.right) return a;
  return `${a}:${colName(r.right)}${r.bottom + 1}`;
}

/**
 * Sheet name as Excel writes it in an address: bare when it is a plain identifier (letters — CJK
 * included — digits, underscore, dot, not starting with a digit and not looking like a cell), quoted
 * with doubled apostrophes otherwise ("'表1-收入支出决算总表'", "'表 1'", "'It''s'").
 */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name);
  const looksLikeCell = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name);
  // Full-width punctuation and spaces are not identifier characters for Excel either.
  const cjkPunct = /[\u3000-\u303F\uFF00-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]/.test(name);
  if (plain && !looksLikeCell && !cjkPunct) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
