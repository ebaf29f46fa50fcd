import type { CellValue } from "../../src/workbook/snapshot";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86400000;

/**
 * True when an Excel number format shows a date or time ("yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "h:mm",
 * "[$-F800]dddd…"). Quoted text, escapes, fill/padding characters and bracket sections (colours,
 * locales) are ignored; elapsed-time brackets ([h], [mm], [ss]) count as time.
 */
export function isDateFormat(format: string | undefined | null): boolean {
  if (!format) return false;
  const section = format.split(";")[0];
  const stripped = section
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/[_*]./g, "")
    .replace(/\[(h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/General/gi, "");
  return /[ymdhs]/i.test(stripped);
}

/** An Excel date serial number as an ISO 8601 string (the ExcelJS adapter's { date } form). */
export function serialToIso(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * MS_PER_DAY)).toISOString();
}

/**
 * One cell of range.values (+ valueTypes, numberFormat) as a snapshot value: "" → null, errors →
 * { error }, numbers in a date format → { date }, other numbers, text and booleans unchanged.
 * Range.values: "Cells that contain an error will return the error string" (e.g. "#DIV/0!"), and
 * Range.valueTypes says "Error" for them (Excel.RangeValueType: Unknown, Empty, String, Integer,
 * Double, Boolean, Error, RichValue; office-js-docs-reference, excel.range.yml): such a cell is the
 * snapshot's { error }, never text. Excel always keeps a formula's cached result, so this adapter
 * never produces a CellFormulaValue (that is for files saved without results, see cli/adapters).
 */
export function toSnapshotValue(value: unknown, valueType: string | undefined, numberFormat: string | undefined): CellValue {
  if (valueType === "Empty" || value === "" || value === null || value === undefined) return null;
  if (valueType === "Error") return { error: String(value) };
  if (typeof value === "number") return isDateFormat(numberFormat) ? { date: serialToIso(value) } : value;
  if (typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}
