/**
 * Label and code normalisation shared by the reader and by everyone who compares labels:
 * ordinal prefixes ("一、", "（一）", "1.", "(1)") and all whitespace removed, quotes and
 * brackets unified, full-width digits made ASCII. Functional codes in one column ("2013399")
 * or split 类|款|项 ("201"|"33"|"99") normalised to one string.
 */
import type { CellValue } from "../workbook/snapshot";
import type { RowLevel } from "../model/types";
import { memoByText } from "../memo";

/** Whitespace and invisible format characters (zero-width space/joiners, LRM/RLM, word joiner, BOM). */
const WHITESPACE = /[\s\u00a0\u3000\u200b-\u200f\u2060\ufeff]+/g;
const QUOTES = /[“”"＂„‟〝〞]/g;
const SINGLE_QUOTES = /[‘’＇]/g;
const CN_NUM = "一二三四五六七八九十百零〇";
const PREFIXES: RegExp[] = [
  new RegExp(`^[${CN_NUM}]+[、.．,，]`),
  new RegExp(`^（[${CN_NUM}\\d]+）[、.．]?`),
  /^\d{1,2}[、．]/,
  /^\d{1,2}\.(?!\d)/,
  /^\d{1,2}）/,
  /^[①-⑳⑴-⒇⒈-⒛]/,
  /^其中[:：]/,
];
/** Characters compactText changes; a string without any of them is already compact. */
const NOT_COMPACT = /[０-９Ａ-Ｚａ-ｚ\s\u00a0\u3000\u200b-\u200f\u2060\ufeff“”"＂„‟〝〞‘’＇():]/;
/** First characters of the PREFIXES; a label starting otherwise has no ordinal prefix. */
const PREFIX_START = new RegExp(`^[${CN_NUM}（\\d①-⑳⑴-⒇⒈-⒛其]`);

/** Full-width ASCII digits and letters to half-width; other characters unchanged. */
export function toHalfWidthAlnum(s: string): string {
  return s.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * Decodes the _xHHHH_ escapes that OOXML uses for characters XML cannot carry ("本年收入合计_x000D_"
 * is 本年收入合计 plus a carriage return; ECMA-376 Part 1 §22.9.2.19 ST_Xstring); "_x005F_" escapes "_".
 */
export function decodeXmlEscapes(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Text of a cell as the user sees it ("" for blank, errors and booleans). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.includes("_x") ? decodeXmlEscapes(v) : v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return "";
  if ("date" in v) return v.date;
  return "";
}

/** Unifies quotes (alternating “ ”), brackets (full-width （）) and digits; removes whitespace. Keeps ordinal prefixes. */
export function compactText(s: string): string {
  if (!NOT_COMPACT.test(s)) return s;
  let t = toHalfWidthAlnum(s).replace(WHITESPACE, "");
  let open = true;
  t = t.replace(QUOTES, () => {
    const q = open ? "“" : "”";
    open = !open;
    return q;
  });
  t = t.replace(SINGLE_QUOTES, "'");
  return t.replace(/\(/g, "（").replace(/\)/g, "）").replace(/:/g, "：");
}

/** The comparable form of a label: compactText minus leading ordinal prefixes ("一、", "（一）", "1.", "(1)", "其中："). */
export function normaliseLabel(s: string | CellValue | undefined): string {
  return normaliseText(typeof s === "string" ? s : cellText(s as CellValue));
}

const normaliseText = memoByText((s: string): string => {
  let t = compactText(s.includes("_x") ? decodeXmlEscapes(s) : s);
  if (!PREFIX_START.test(t)) return t;
  for (let guard = 0; guard < 4; guard++) {
    const before = t;
    for (const p of PREFIXES) t = t.replace(p, "");
    if (t === before) break;
  }
  return t;
});

/** For title matching: normaliseLabel without any quotes. */
export function titleKey(s: string): string {
  return normaliseLabel(s).replace(/[“”'"]/g, "");
}

/** Digits of a code cell: number 201 → "201", " 2013302 " → "2013302"; null when not all digits. */
export function codeDigits(v: CellValue | undefined): string | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 ? String(v) : null;
  const text = cellText(v);
  if (DIGITS.test(text)) return text;
  const t = toHalfWidthAlnum(text).replace(WHITESPACE, "").replace(/^[[【（(]|[\]】）)]$/g, "");
  return DIGITS.test(t) ? t : null;
}
const DIGITS = /^\d+$/;

/** True for a well-shaped code: 3, 5 or 7 digits. */
export function isCode(s: string): boolean {
  return /^\d{3}(\d{2}){0,2}$/.test(s);
}

/**
 * Normalises a code held in one column ([full]) or in split 类|款|项 columns ([lei, kuan, xiang]).
 * Split parts may be 2 digits ("33") or already prefixed ("20133"). Returns null when there is no code.
 */
export function normaliseCode(parts: (CellValue | undefined)[]): string | null {
  const digits = parts.map(codeDigits);
  if (parts.length === 1) {
    const d = digits[0];
    return d && isCode(d) ? d : null;
  }
  const [lei, kuan, xiang] = digits;
  // A full code may sit in any of the split cells (e.g. a 7-digit code in the 类 column).
  for (const d of digits) if (d && d.length > 3 && isCode(d) && (!lei || d.startsWith(lei))) {
    if (d.length === 7 || (d.length === 5 && !xiang)) return d;
  }
  if (!lei || lei.length !== 3) return null;
  let code = lei;
  if (kuan) {
    if (kuan.length === 2) code += kuan;
    else if (kuan.length === 5 && kuan.startsWith(lei)) code = kuan;
    else return null;
  } else if (xiang) return null;
  if (xiang) {
    if (xiang.length === 2) code += xiang;
    else if (xiang.length === 7 && xiang.startsWith(code)) code = xiang;
    else return null;
  }
  return isCode(code) ? code : null;
}

/** 3 digits → 类, 5 → 款, 7 → 项. */
export function codeLevel(code: string): RowLevel | undefined {
  if (code.length === 3) return "lei";
  if (code.length === 5) return "kuan";
  if (code.length === 7) return "xiang";
  return undefined;
}

/** Splits a label that starts with its code: "2013302 一般行政管理事务", "[30207]邮电费", "30207邮电费". */
export function splitCodeFromLabel(label: string): { code: string; rest: string } | null {
  const t = toHalfWidthAlnum(label).replace(WHITESPACE, "");
  const m = /^[[【]?(\d{3}(?:\d{2}){0,2})[\]】]?(?![\d.,])(.*)$/.exec(t);
  if (!m || m[2] === "") return null;
  return { code: m[1], rest: m[2] };
}
