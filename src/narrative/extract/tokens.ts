/**
 * The figures of a body paragraph: the tokenizer (amounts, percents, counts, with the label before each and the
 * words after it) and the `figures` extractor, which hands each token in turn to the token readers (changes,
 * executions, shares, amounts, counts — see ./index.ts TOKEN_READERS). The first reader that takes a token claims
 * it, so the claims of a paragraph's figures come out in the order the figures are written, and a reader sees the
 * claims of the figures before (an amount written earlier in the sentence) in the claims array.
 */
import type Decimal from "decimal.js";
import terms from "../../data/narrative/terms.json";
import { tryParseAmount, parsePercent } from "../../money/parse";
import type { Claim } from "../types";
import { asciiDigits, CHANGE_AMOUNT_WORD, CHART_RE, type Extractor, type ParagraphCtx, sentenceIndex, squeeze } from "./util";

export interface Token {
  kind: "amount" | "percent" | "count" | "approx";
  raw: string;
  value: Decimal;
  decimals: number;
  unit: string | null;
  /** number start / end of number+unit */
  start: number;
  end: number;
  numEnd: number;
  label: string;
  labelStart: number;
  /** Text from the clause start (ignoring earlier numbers) to the number. */
  clauseLabel: string;
  /** Words after the unit, to the next boundary. */
  tail: string;
  sentence: number;
  /**
   * The year written directly before the label, in the same clause (“2019年度收、支总计各为393.40万元”, “比2019年度372.28万元”),
   * with the words of the clause before that year (`lead`: “比”, “与”, “2020年“三公”经费…较”, “（”, “”).
   */
  year?: { value: number; lead: string };
  /** A percent written with a minus sign (“增长率为-40.01%”); `value` is its magnitude. */
  negative?: boolean;
}

/** A paragraph's context with its tokens and the one a reader is asked about. */
export interface TokenCtx extends ParagraphCtx {
  tokens: Token[];
  /** Index in `tokens` of the token read. */
  i: number;
  token: Token;
}

/** Reads one kind of figure; returns how many tokens it took (0: not its kind; 2: the token and the next). */
export interface TokenReader {
  name: string;
  read(ctx: TokenCtx, claims: Claim[]): number;
}

const charCodes = (chars: string) => new Set([...chars].map((c) => c.charCodeAt(0)));
/** Characters that end a label (a clause boundary). */
const BOUNDARY = charCodes("，,。；;：:、！？!?\n");
const COUNT_UNITS: string[] = [...terms.countUnits].sort((a, b) => b.length - a.length);
const DATE_UNITS: string[] = terms.dateUnits;
const AMOUNT_CONTEXT = new RegExp(terms.amountContext, "u");

/** Blank out spans the number scanner must not see (chart markers, book titles, 【请填写】 markers), keeping offsets. */
function maskSpans(text: string): string {
  let s = text.replace(CHART_RE, (m) => " ".repeat(m.length));
  s = s.replace(/《[^》]*》/g, (m) => " ".repeat(m.length));
  // 【请填写：…】 markers left by the generator: the words inside are an instruction, not figures
  s = s.replace(/【\s*请填写[^】]*】/g, (m) => " ".repeat(m.length));
  return s;
}

/** "收、支总计": the 、 inside 收、支 does not end a label. */
function isJoiner(text: string, i: number): boolean {
  return text[i] === "、" && text[i - 1] === "收" && text[i + 1] === "支";
}

export function tokenize(paragraph: string, from: number, starts: number[]): Token[] {
  // Stray punctuation between a word and its figure (“占,88.19%”, “为:12万元”) does not end the label; a space of
  // the same length keeps every offset.
  const text = paragraph.replace(/([占为是计])[,，、:：](?=\s*\d)/gu, "$1 ");
  const scan = asciiDigits(maskSpans(text));
  const tokens: Token[] = [];
  const re = /\d+(?:,\d{3})*(?:\.\d+)?/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  let prevEnd = from;
  /** End of the last token pushed (the start of the words that may lead a year). */
  let prevTokenEnd = from;
  /** The last year skipped as a date (“2019年度”), when nothing but words stands between it and the scan. */
  let lastYear: { value: number; start: number; end: number } | null = null;
  while ((m = re.exec(scan))) {
    const start = m.index;
    if (start > 0 && /[\d.]/.test(scan[start - 1])) continue;
    const numEnd = start + m[0].length;
    let rest = scan.slice(numEnd);
    const restTrim = rest.replace(/^[ \u00a0\u3000]+/, "");
    const gap = rest.length - restTrim.length;
    rest = restTrim;
    if (DATE_UNITS.some((u) => rest.startsWith(u))) {
      prevEnd = numEnd + gap + (rest.startsWith("年度") ? 2 : 1);
      lastYear = rest.startsWith("年") && /^\d{4}$/.test(m[0]) ? { value: Number(m[0]), start, end: prevEnd } : null;
      continue;
    }
    // "（1）" in running text, "附件1", "图1"
    if (/[（(]\s*$/.test(scan.slice(Math.max(0, start - 2), start)) && /^[）)]/.test(rest)) continue;
    if (/(附件|附表|图|第|表)\s*$/.test(scan.slice(Math.max(0, start - 3), start))) continue;
    let unit: string | null = null;
    let kind: Token["kind"] | null = null;
    if (rest.startsWith("%")) {
      unit = "%";
      kind = "percent";
    } else if (rest.startsWith("万元") || (rest.startsWith("万") && !/^万[份条人次个件]/.test(rest))) {
      unit = rest.startsWith("万元") ? "万元" : "万";
      kind = "amount";
    } else if (rest.startsWith("元")) {
      unit = "元";
      kind = "amount";
    } else if (rest.startsWith("亿元") || (rest.startsWith("亿") && !/^亿[份条人次个件]/.test(rest))) {
      unit = rest.startsWith("亿元") ? "亿元" : "亿";
      kind = "amount";
    } else {
      const cu = COUNT_UNITS.find((u) => rest.startsWith(u));
      if (cu) {
        unit = cu;
        kind = cu === "余" ? "approx" : "count";
      } else if (/^万[份条人次个件]/.test(rest) || /^[a-zA-Z]/.test(rest)) {
        kind = "approx";
        unit = rest[0];
      }
    }
    const end = numEnd + (unit ? gap + unit.length : 0);
    // label: from the last boundary or previous token to the number
    let ls = start;
    while (ls > prevEnd && !(BOUNDARY.has(text.charCodeAt(ls - 1)) && !isJoiner(text, ls - 1))) ls--;
    let cs = start;
    while (cs > from && !(BOUNDARY.has(text.charCodeAt(cs - 1)) && !isJoiner(text, cs - 1))) cs--;
    // a signed percent (“增长率为-40.01%”, “增幅为负40.01%”): the sign is not part of the label
    const sign = kind === "percent" ? /(?:[-－−]|负)\s*$/u.exec(text.slice(ls, start)) : null;
    const labelRaw = text.slice(ls, sign ? start - sign[0].length : start);
    const label = squeeze(labelRaw);
    // threshold "50万元以上"
    if (kind === "amount" && /^(以上|以下|（含）以上)/.test(squeeze(scan.slice(end, end + 6)))) kind = "approx";
    if (kind === null) {
      // a bare number: an amount only in an amount context (missing unit) or after a percent word
      if (CHANGE_AMOUNT_WORD.test(label) || AMOUNT_CONTEXT.test(label)) kind = "amount";
      else {
        prevEnd = numEnd;
        continue;
      }
    }
    let te = end;
    while (te < text.length && !BOUNDARY.has(text.charCodeAt(te))) te++;
    // the year directly before the label: skipped last, in the same clause (the label starts where it ends)
    const year = lastYear && ls === lastYear.end && lastYear.start >= cs ? { value: lastYear.value, lead: squeeze(text.slice(Math.max(cs, prevTokenEnd), lastYear.start)) } : undefined;
    const digits = m[0].replace(/,/g, "");
    const dot = digits.indexOf(".");
    const value = kind === "percent" ? parsePercent(digits) : tryParseAmount(digits)?.value ?? null;
    if (!value) {
      prevEnd = end;
      continue;
    }
    // Amounts written in 元 ("23,005.58元") are held in 万元 like every other amount, exactly (÷ 10 000).
    const yuan = kind === "amount" && unit === "元";
    // And amounts in 亿元 (“0.22亿元”) × 10 000; their precision in 万元 may be coarser than 1 (decimals < 0).
    const yi = kind === "amount" && (unit === "亿元" || unit === "亿");
    const places = dot < 0 ? 0 : digits.length - dot - 1;
    tokens.push({
      kind,
      raw: text.slice(start, end),
      value: yuan ? value.div(10000) : yi ? value.times(10000) : value,
      decimals: yuan ? places + 4 : yi ? places - 4 : places,
      unit: unit === "万" || yi ? "万元" : unit,
      start,
      end,
      numEnd,
      label,
      labelStart: ls,
      clauseLabel: squeeze(text.slice(cs, start)),
      tail: squeeze(text.slice(end, te)),
      sentence: sentenceIndex(starts, start),
      ...(year ? { year } : {}),
      ...(sign ? { negative: true } : {}),
    });
    prevEnd = end;
    prevTokenEnd = end;
    lastYear = null;
  }
  return tokens;
}

/** The extractor of a paragraph's figures: tokenizes the body and offers each token to `readers`, in order. */
export function figures(readers: readonly TokenReader[]): Extractor {
  return {
    name: "figures",
    extract(ctx, claims) {
      const tokens = tokenize(ctx.text, ctx.bodyStart, ctx.starts);
      if (!tokens.length) return;
      const tctx: TokenCtx = { ...ctx, tokens, i: 0, token: tokens[0] };
      while (tctx.i < tokens.length) {
        tctx.token = tokens[tctx.i];
        let taken = 0;
        for (const r of readers) if ((taken = r.read(tctx, claims)) > 0) break;
        tctx.i += Math.max(1, taken);
      }
    },
  };
}
