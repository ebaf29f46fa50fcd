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

/** A line that ends a paragraph: a sentence end, a colon, or a heading-only line. */
const PARAGRAPH_END = /[。！？：:；;」”"）)]$/;
/** A line that starts a new paragraph: a heading number or a part title. */
const PARAGRAPH_START = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|[—–-]+\s*\d+\s*[—–-]+$|图\d)/;
/** A page marker such as "—5—" or "- 12 -" left by a PDF conversion. */
const PAGE_MARK = /^[—–-]+\s*\d+\s*[—–-]+$/;

/**
 * Lines of a pasted text as paragraphs; row = 1-based line number; blank lines are skipped.
 * Text copied from a PDF wraps paragraphs into lines: a line that stops mid-sentence (no sentence end) and a
 * long line followed by a line that does not start a heading are joined into one paragraph (`lastRow` says
 * where it ends). Short lines (titles, table rows) stay as they are.
 */
export function paragraphsFromText(text: string): NarrativeParagraph[] {
  const lines = String(text ?? "").split(/\r\n|\r|\n/);
  const widths = lines.map((l) => l.trim().length).filter((n) => n > 0);
  // The wrap width of a PDF text: the most common long line length (lines within 3 characters of it wrap).
  const counts = new Map<number, number>();
  for (const w of widths) if (w >= 16) counts.set(w, (counts.get(w) ?? 0) + 1);
  let wrap = 0;
  let best = 0;
  for (const [w, n] of counts) if (n > best || (n === best && w > wrap)) [wrap, best] = [w, n];
  const wrapped = best >= 3 && best / Math.max(1, widths.length) >= 0.2;
  const out: NarrativeParagraph[] = [];
  let cur: NarrativeParagraph | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const t = line.trim();
    if (t === "") {
      cur = null;
      continue;
    }
    if (PAGE_MARK.test(t)) {
      out.push({ row: i + 1, text: line });
      cur = null;
      continue;
    }
    if (cur && !PARAGRAPH_START.test(t)) {
      cur.text = joinWrapped(cur.text, line);
      cur.lastRow = i + 1;
    } else {
      cur = { row: i + 1, text: line };
      out.push(cur);
    }
    // The paragraph goes on when this line was cut at the wrap width and does not end a sentence.
    const full = wrapped && t.length >= wrap - 3;
    if (!full || PARAGRAPH_END.test(t)) cur = null;
  }
  return out;
}

/** Joins a wrapped line: no space between Chinese characters, one kept where the PDF had one between words. */
function joinWrapped(a: string, b: string): string {
  const left = a.replace(/\s+$/, "");
  const right = b.replace(/^\s+/, "");
  return left + right;
}
