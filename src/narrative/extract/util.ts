/**
 * What the claim extractors of a body paragraph share: the paragraph context they are given, the extractor shape,
 * text helpers (whitespace, Chinese numerals, full-width digits, sentences), the patterns read by more than one
 * extractor, and the 类 / 科目 name helpers (re-exported by ../parse.ts, part of the narrative API).
 */
import classesData from "../../data/narrative/classes.json";
import terms from "../../data/narrative/terms.json";
import renamesData from "../../data/names-renamed.json";
import type { AmountClaim, Claim, ParseNarrativeOptions, ParsedParagraph } from "../types";

// ---------------------------------------------------------------------------------------------
// The extractors' shape

/** Where a claim sits: the paragraph's row and section, its offsets and its text as written (trimmed). */
export interface ClaimSpan {
  row: number;
  section: string;
  canonical: string;
  start: number;
  end: number;
  text: string;
}

/** One body paragraph as the extractors see it. */
export interface ParagraphCtx {
  paragraph: ParsedParagraph;
  /** The paragraph's text (punctuation canonical, see ../parse.ts canonicalPunctuation). */
  text: string;
  /** Offset of the body after a leading list number ("1.", "（2）"): the number is not a figure. */
  bodyStart: number;
  /** Offsets where the paragraph's sentences start (sentenceStarts). */
  starts: number[];
  base: { row: number; section: string; canonical: string };
  /** The claim fields of the span start..end of the paragraph. */
  span(start: number, end: number): ClaimSpan;
  options: ParseNarrativeOptions;
  /** The amounts of the section's earlier paragraphs, for a change whose own paragraph names none before it. */
  sectionAmounts: readonly AmountClaim[];
  /** Index in `claims` of this paragraph's first claim: the claims before it belong to earlier paragraphs. */
  first: number;
}

/** A reader of one claim kind (or family of kinds) in a body paragraph; it pushes what it finds onto `claims`. */
export interface Extractor {
  name: string;
  extract(ctx: ParagraphCtx, claims: Claim[]): void;
}

/** The claims of `kind` this paragraph has produced so far (by the extractors run before), in order. */
export function ownClaims<K extends Claim["kind"]>(ctx: ParagraphCtx, claims: Claim[], kind: K): Extract<Claim, { kind: K }>[] {
  const out: Extract<Claim, { kind: K }>[] = [];
  for (let i = ctx.first; i < claims.length; i++) {
    const c = claims[i];
    if (c.kind === kind) out.push(c as Extract<Claim, { kind: K }>);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Text

const CN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十 → 10, 十一 → 11, 二十三 → 23; NaN when not a Chinese numeral. */
export function cnNumber(s: string): number {
  if (!/^[零一二两三四五六七八九十]+$/.test(s)) return NaN;
  if (s === "十") return 10;
  const i = s.indexOf("十");
  if (i < 0) return s.length === 1 ? CN_DIGITS[s] : NaN;
  const tens = i === 0 ? 1 : CN_DIGITS[s.slice(0, i)];
  const ones = i === s.length - 1 ? 0 : CN_DIGITS[s.slice(i + 1)];
  return tens * 10 + (ones ?? NaN);
}

const WS = /[\s\u00a0\u3000]/g;
export function squeeze(s: string): string {
  return s.replace(WS, "");
}

/** Full-width digits to ASCII, keeping string length (offsets stay valid). */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９．％]/g, (c) => (c === "．" ? "." : c === "％" ? "%" : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

const charCodes = (chars: string) => new Set([...chars].map((c) => c.charCodeAt(0)));
/** Characters that end a sentence. */
const SENTENCE_END = charCodes("。！？!?");

export function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (SENTENCE_END.has(text.charCodeAt(i)) && i + 1 < text.length) starts.push(i + 1);
  return starts;
}

export function sentenceIndex(starts: number[], pos: number): number {
  let k = 0;
  while (k + 1 < starts.length && starts[k + 1] <= pos) k++;
  return k;
}

export function sentenceEnd(text: string, pos: number): number {
  const m = /[。！？!?]/.exec(text.slice(pos));
  return m ? pos + m.index + 1 : text.length;
}

// ---------------------------------------------------------------------------------------------
// Patterns read by more than one extractor

/** A chart marker (charts.ts reads it; tokens.ts blanks it out so that its number is not a figure). */
export const CHART_RE = new RegExp(terms.chartPattern, "gu");
/** A reason (“主要原因是…”): reasons.ts reads every one, executions.ts the one after a rate. */
export const REASON_RE = new RegExp(terms.reasonPattern, "u");

/** The word of a change amount, with the particles departments add (“减少了”, “增加约”). */
export const CHANGE_AMOUNT_WORD = /(增加|减少|增加\s*[/／]\s*减少|减少\s*[/／]\s*增加|增加\s*[（(]\s*减少\s*[）)]|减少\s*[（(]\s*增加\s*[）)])(?:了|约|为)?$/;

/** A 科目 path “X（类）Y（款）Z（项）” (subjects.ts in body paragraphs, glossary.ts in a glossary term). */
export const SUBJECT_RE = /([\u4e00-\u9fa5、]{2,24}?)\s*（类）\s*([\u4e00-\u9fa5、（）]{2,24}?)\s*（款）\s*([\u4e00-\u9fa5、]{2,30}?)\s*（项）/gu;

/** An enumerated item's label without its lead-in (“其中：”, “主要用于”) or year. */
export function cleanItemLabel(label: string): string {
  return label.replace(/^(其中|主要用于以下方面|主要用于)[：:]?/, "").replace(/^\d{4}年度?/, "");
}

// ---------------------------------------------------------------------------------------------
// 类 and 科目 names

const CLASSES: Record<string, string> = classesData.classes;
/** 类 core name → code. */
export const CLASS_BY_NAME = new Map(Object.entries(CLASSES).map(([code, name]) => [name, code]));
const RENAMES = renamesData.renames;

/** Applies the renaming table: old names → current names (for comparing, not for reporting). */
export function currentName(name: string): string {
  let s = name;
  for (const r of RENAMES) if (s.includes(r.old)) s = s.split(r.old).join(r.new);
  return s;
}

/** 类 core name: whitespace removed, trailing 支出 removed, renamed to the current edition. */
/** A 类 name without “支出” and without the “类” some write before it (“一般公共服务类支出” is 一般公共服务). */
export function classCore(lei: string): string {
  return currentName(squeeze(lei).replace(/类支出$/u, "支出")).replace(/支出$/, "");
}

export function classCode(lei: string): string | undefined {
  return CLASS_BY_NAME.get(classCore(lei));
}

export function subjectKey(s: { lei: string; kuan: string; xiang: string }): string {
  return `${classCore(s.lei)}/${currentName(s.kuan)}/${currentName(s.xiang)}`;
}
