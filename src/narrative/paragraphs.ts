import type { SheetSnapshot, WorkbookSnapshot } from "../workbook/snapshot";
import { cellAt, isCellDate, isCellError, isCellFormula } from "../workbook/snapshot";
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
    // A formula without a cached value has no text to check (the reader reports it, recognition.narrativeUnread).
    if (v === null || isCellError(v) || isCellDate(v) || isCellFormula(v)) continue;
    const text = String(v);
    if (text.trim() === "") continue;
    out.push({ row: r + 1, text });
  }
  return out;
}

/** A line that ends a paragraph: a sentence end. */
const PARAGRAPH_END = /[。！？][”"」）)]?$/;
/** A line that starts a new paragraph: a heading number or a part title. */
const PARAGRAPH_START = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．](?!\d)|图\d)/;
/** A page marker such as "—5—" or "- 12 -" left by a PDF conversion. */
const PAGE_MARK = /^[—–-]+\s*\d+\s*[—–-]+$/;

/** Printed width of a line: CJK and full-width characters count 2, others 1. */
function visualWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return w;
}

/**
 * The wrap width of a text copied from a PDF, or 0 when its lines are paragraphs: the lines that fill the
 * page width cluster tightly (±15 %) around the median of the longer half, and are at least half of the lines —
 * and do not mostly end at a punctuation mark.
 */
function wrapWidth(lines: string[]): number {
  const widths = lines.map((l) => visualWidth(l.trim())).filter((w) => w >= 20);
  if (widths.length < 4) return 0;
  const top = [...widths].sort((a, b) => b - a).slice(0, Math.ceil(widths.length / 2));
  const m = top[Math.floor(top.length / 2)];
  if (m > 120) return 0;
  const fullLines = lines.map((l) => l.trim()).filter((l) => visualWidth(l) >= 20 && visualWidth(l) >= m * 0.85 && visualWidth(l) <= m * 1.15);
  const full = fullLines.length;
  // Lines of like width that mostly end at a mark (“…占89.00%；”, “…主要用于以下方面：”) are a list typed one item a
  // line, not a paragraph wrapped at the page width (which breaks lines anywhere).
  const atMark = fullLines.filter((l) => /[，。；：、！？,;:]$/u.test(l)).length;
  if (atMark * 5 >= full * 3) return 0;
  return full >= 3 && full * 2 >= widths.length ? Math.floor(m * 0.85) : 0;
}

/**
 * Lines of a pasted text as paragraphs; row = 1-based line number; blank lines are skipped.
 * Text copied from a PDF wraps each paragraph into lines of the page width: such a line that does not end
 * a sentence is joined with the next one unless that one starts a heading or a numbered item (`lastRow`
 * says where the paragraph ends). Texts with one paragraph per line are kept as they are, except a line that ends in
 * a figure whose unit starts the next line, or in a comma.
 */
export function paragraphsFromText(text: string): NarrativeParagraph[] {
  const lines = String(text ?? "").split(/\r\n|\r|\n/);
  const wrap = wrapWidth(lines);
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
    // The paragraph goes on when this line fills the page width and does not end a sentence, or when it breaks a
    // figure from its unit (“财政拨款收入252.5” / “万元，…”: a line never starts with the unit of its own figure).
    const unitNext = /\d$/u.test(t) && /^\s*(?:万元|亿元|元|%|％)/u.test(lines[i + 1] ?? "");
    // A line ending in a comma stops mid-sentence (“…减少157.4万元，” / “增长40.0%。”): the sentence goes on.
    const midSentence = /[，,]$/u.test(t);
    if (!unitNext && !midSentence && (!(wrap > 0 && visualWidth(t) >= wrap) || PARAGRAPH_END.test(t))) cur = null;
  }
  return out;
}

/** Joins a wrapped line: no space between Chinese characters, one kept where the PDF had one between words. */
function joinWrapped(a: string, b: string): string {
  const left = a.replace(/\s+$/, "");
  const right = b.replace(/^\s+/, "");
  return left + right;
}
