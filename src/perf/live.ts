/**
 * A form as it would read after edits that are not saved yet: the edits are applied to a copy of the
 * form's sheet (as the pane would write them: a number when the text is a plain number, empty for ""),
 * the sheet is read again and the form re-checked and re-scored — the same path as save-then-reload,
 * without touching the workbook. Pure.
 */
import type { CellValue, SheetSnapshot } from "../workbook/snapshot";
import { parseA1 } from "../workbook/snapshot";
import type { PerfContext } from "./context";
import { readForms } from "./read";
import type { PerfForm, SourceRef } from "./types";
import { perfReportOf, type ProjectReport } from "./index";

export interface CellDraft {
  cell: string;
  value: string;
}

/** The value a typed text becomes in the cell (what the pane's save writes). */
export function draftValue(text: string): CellValue {
  if (text.trim() === "") return null;
  return /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text.trim()) : text;
}

/** A copy of the sheet with the cells set (rows and columns grown as needed; untouched rows shared). */
export function sheetWithEdits(sheet: SheetSnapshot, edits: CellDraft[]): SheetSnapshot {
  const values = sheet.values.slice();
  const copied = new Set<number>();
  let origin = sheet.origin;
  for (const e of edits) {
    const at = parseA1(e.cell);
    if (!at) continue;
    // an edit above or left of the used range: shift the grid
    if (at.row < origin.row || at.col < origin.col) {
      const dr = Math.max(0, origin.row - at.row);
      const dc = Math.max(0, origin.col - at.col);
      for (let i = 0; i < values.length; i++) {
        values[i] = [...new Array<CellValue>(dc).fill(null), ...values[i]];
        copied.add(i);
      }
      values.unshift(...Array.from({ length: dr }, () => [] as CellValue[]));
      const shifted = new Set<number>();
      for (const i of copied) shifted.add(i + dr);
      for (let i = 0; i < dr; i++) shifted.add(i);
      copied.clear();
      for (const i of shifted) copied.add(i);
      origin = { row: origin.row - dr, col: origin.col - dc };
    }
    const r = at.row - origin.row;
    const c = at.col - origin.col;
    while (values.length <= r) values.push([]);
    if (!copied.has(r)) {
      values[r] = values[r].slice();
      copied.add(r);
    }
    const line = values[r];
    while (line.length <= c) line.push(null);
    line[c] = draftValue(e.value);
  }
  return { ...sheet, origin, values };
}

export interface LiveForm {
  /** The form read from the edited sheet; null when the edits make it unreadable as a form. */
  form: PerfForm | null;
  /** Its rate, score, grade and findings (as in `juesuan perf`), without the workbook-wide counts (P-11). */
  report: ProjectReport | null;
}

/** Re-reads the form whose title is at `titleCell` after the edits, and checks and scores it. */
export function reassessForm(sheet: SheetSnapshot, titleCell: SourceRef, edits: CellDraft[], context: PerfContext = {}): LiveForm {
  const edited = sheetWithEdits(sheet, edits);
  const form = readForms({ sheets: [edited] }).find((f) => f.titleCell.cell === titleCell.cell) ?? null;
  if (!form) return { form: null, report: null };
  return { form, report: perfReportOf([form], context).projects[0] };
}
