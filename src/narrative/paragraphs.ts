import type { SheetSnapshot, WorkbookSnapshot } from "../workbook/snapshot";
import { cellAt, isCellDate, isCellError } from "../workbook/snapshot";
import type { NarrativeParagraph } from "./types";

export const NARRATIVE_SHEET_NAME = "情况说明";

/** The narrative sheet of a workbook: the one named 情况说明 (exactly, else containing it). */
export function findNarrativeSheet(wb: WorkbookSnapshot): SheetSnapshot | undefined {
  return wb.sheets.find((s) => s.name.trim() === NARRATIVE_SHEET_NAME) ?? wb.sheets.find((s) => s.name.includes(NARRATIVE_SHEET_NAME));
}

/** Column A of a sheet, one paragraph per non-empty row; row = 1-based sheet row. */
export function paragraphsFromSheet(sheet: SheetSnapshot, col = 0): NarrativeParagraph[] {
  const out: NarrativeParagraph[] = [];
  const last = sheet.origin.row + sheet.values.length;
  for (let r = sheet.origin.row; r < last; r++) {
    const v = cellAt(sheet, r, col);
    if (v === null || isCellError(v) || isCellDate(v)) continue;
    const text = String(v);
    if (text.trim() === "") continue;
    out.push({ row: r + 1, text });
  }
  return out;
}

/** Lines of a pasted text as paragraphs; row = 1-based line number; blank lines are skipped. */
export function paragraphsFromText(text: string): NarrativeParagraph[] {
  return String(text ?? "")
    .split(/\r\n|\r|\n/)
    .map((line, i) => ({ row: i + 1, text: line }))
    .filter((p) => p.text.trim() !== "");
}
