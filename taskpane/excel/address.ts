import type { MergeArea } from "../../src/workbook/snapshot";
import { parseA1 } from "../../src/workbook/snapshot";

/** A parsed Excel address: optional sheet name (unquoted) and a 0-based inclusive rectangle. */
export interface ParsedAddress {
  sheet?: string;
  area: MergeArea;
}

/**
 * Splits "公开01表!A1:F1", "'表 1'!A1:F1", "'It''s'!B2" into sheet and local part. The sheet part is
 * unquoted (doubled apostrophes undone). No sheet part → sheet undefined.
 */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const s = address.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < s.length) {
      if (s[i] === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += s[i++];
    }
    if (s[i] !== "'" || s[i + 1] !== "!") return { local: s };
    return { sheet: name, local: s.slice(i + 2) };
  }
  const bang = s.lastIndexOf("!");
  if (bang < 0) return { local: s };
  return { sheet: s.slice(0, bang), local: s.slice(bang + 1) };
}

/** Parses a cell or rectangular range address ("B2", "A1:F1", optionally with a sheet). Null if not one. */
export function parseAddress(address: string): ParsedAddress | null {
  const { sheet, local } = splitSheet(address);
  const [a, b, extra] = local.split(":");
  if (extra !== undefined) return null;
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  if (!p || !q) return null;
  return {
    sheet,
    area: { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) },
  };
}

/** Splits a RangeAreas address list ("S!A1:B2, S!C3:D4") at commas outside quoted sheet names. */
export function splitAreas(list: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of list) {
    if (ch === "'") quoted = !quoted; // a doubled '' toggles twice: still correct
    if (ch === "," && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/** True for an address the adapter accepts for navigation: a cell ("B12") or a rectangle ("B12:D14"), without a sheet. */
export function isLocalCellAddress(address: string): boolean {
  const p = parseAddress(address);
  return p !== null && p.sheet === undefined;
}
