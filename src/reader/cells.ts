/** What an amount cell that cannot be read holds, told apart for the reader's findings. */
import type Decimal from "decimal.js";
import type { SuspiciousCell, UnreadableCell } from "../model/types";
import type { Unit } from "../money/units";
import { isCellDate, isCellError, isCellFormula, type CellValue } from "../workbook/snapshot";

/** Above this many 万元 (10 万亿元) an amount is not a department's figure but a typing or conversion accident (1e308). */
export const IMPLAUSIBLE_WAN = 1e9;

/** The unreadable-cell record for a value that did not parse as an amount. */
export function unreadableCell(v: CellValue, sheet: string, cell: string): UnreadableCell {
  if (v !== null && typeof v === "object") {
    if (isCellFormula(v)) return { sheet, cell, kind: "formula", text: `=${v.formula}`.slice(0, 40) };
    if (isCellError(v)) return { sheet, cell, kind: "error", text: v.error };
    if (isCellDate(v)) return { sheet, cell, kind: "date", text: v.date.slice(0, 10) };
  }
  if (typeof v === "boolean") return { sheet, cell, kind: "boolean", text: v ? "TRUE" : "FALSE" };
  if (typeof v === "number") return { sheet, cell, kind: "magnitude", text: String(v) };
  return { sheet, cell, kind: "text", text: String(v ?? "").trim().slice(0, 40) };
}

/** True for an amount no department's table can hold. */
export function isImplausible(wan: Decimal): boolean {
  return !wan.isFinite() || wan.abs().gte(IMPLAUSIBLE_WAN);
}

/** A 万元 amount with more than two decimals: readable but probably not what is printed. */
export function suspiciousDecimals(raw: Decimal, unit: Unit, sheet: string, cell: string): SuspiciousCell | null {
  if (unit !== "万元" || raw.decimalPlaces() <= 2) return null;
  return { sheet, cell, kind: "decimals", text: raw.toString().slice(0, 40) };
}
