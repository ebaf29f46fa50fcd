import type Decimal from "decimal.js";
import { D, ZERO, fromCellNumber } from "./decimal";
import { AmountParseError } from "./errors";
import { convert, type Unit } from "./units";

export interface ParsedAmount {
  value: Decimal;
  /** The unit written with the number ("3.5万元"), if any. */
  unit: Unit | null;
  /** True when the cell meant zero by being blank or a dash. */
  implicitZero: boolean;
}

export interface ParseOptions {
  /** Blank, "-" and "—" mean 0 (table data cells). Default true. When false they are errors. */
  blankAsZero?: boolean;
}

const DASHES = /^[-‐‑‒–—―－─━]+$/u;
const NUMBER = /^([+-])?(\d+(?:,\d{3})*|\d*)(?:\.(\d+))?$/;

/** Full-width digits and punctuation to ASCII, inner whitespace (incl. U+3000) removed. */
export function normaliseNumberText(s: string): string {
  return s
    .normalize("NFKC")
    // U+2212 MINUS SIGN and U+FE63 SMALL HYPHEN-MINUS are how typeset and converted text write "-".
    .replace(/[\u2212\ufe63]/g, "-")
    .replace(/[\s\u00a0\u3000\u200b-\u200f\u2060\ufeff]+/g, "")
    .replace(/[，]/g, ",")
    .replace(/[。]/g, ".");
}

/**
 * Parses an amount as accountants write it: 215.04, "2,940.05", " 0.8 ", "3.5万元",
 * "1,061,349.00元", "２１５．０４", "(1,234.00)", "-"/"—"/blank as 0. Anything else throws an
 * AmountParseError with a Chinese message. Numbers never pass through binary arithmetic.
 */
export function parseAmount(input: unknown, options: ParseOptions = {}): ParsedAmount {
  const blankAsZero = options.blankAsZero ?? true;
  if (input === null || input === undefined) {
    if (blankAsZero) return { value: ZERO, unit: null, implicitZero: true };
    throw new AmountParseError(input, "金额为空");
  }
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new AmountParseError(input, "金额不是有效数字");
    return { value: fromCellNumber(input), unit: null, implicitZero: false };
  }
  if (typeof input === "boolean") throw new AmountParseError(input, `“${input ? "TRUE" : "FALSE"}”是逻辑值，不是金额`);
  if (typeof input === "object" && (input as { isDecimal?: boolean }).constructor && D.isDecimal(input)) {
    return { value: new D(input as Decimal), unit: null, implicitZero: false };
  }
  if (typeof input !== "string") throw new AmountParseError(input, "无法识别的金额");

  let s = normaliseNumberText(input);
  if (s === "") {
    if (blankAsZero) return { value: ZERO, unit: null, implicitZero: true };
    throw new AmountParseError(input, "金额为空");
  }
  if (DASHES.test(s)) {
    if (blankAsZero) return { value: ZERO, unit: null, implicitZero: true };
    throw new AmountParseError(input, `“${input.trim()}”不是金额`);
  }
  let unit: Unit | null = null;
  const unitMatch = /(万元|元|万)$/.exec(s);
  if (unitMatch) {
    unit = unitMatch[1] === "元" ? "元" : "万元";
    s = s.slice(0, -unitMatch[1].length);
  }
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  const m = NUMBER.exec(s);
  if (!m || (m[2] === "" && m[3] === undefined)) {
    throw new AmountParseError(input, `“${String(input).trim().slice(0, 40)}”不是有效的金额`);
  }
  const text = `${m[2].replace(/,/g, "") || "0"}${m[3] !== undefined ? "." + m[3] : ""}`;
  let value = new D(text);
  if (m[1] === "-") negative = !negative;
  if (negative) value = value.neg();
  return { value, unit, implicitZero: false };
}

/** Parses and converts to `target`; a number without a unit is taken to be in `assumed`. */
export function parseAmountIn(input: unknown, target: Unit, assumed: Unit = target, options?: ParseOptions): Decimal {
  const p = parseAmount(input, options);
  return convert(p.value, p.unit ?? assumed, target);
}

/** Like parseAmount but returns null instead of throwing. */
export function tryParseAmount(input: unknown, options?: ParseOptions): ParsedAmount | null {
  try {
    return parseAmount(input, options);
  } catch {
    return null;
  }
}

/** A percentage as written in text or a cell: "84.51%", "84.51", "100％". Returns percent points. */
export function parsePercent(input: unknown): Decimal | null {
  if (typeof input === "number") return Number.isFinite(input) ? fromCellNumber(input) : null;
  if (typeof input !== "string") return null;
  const s = normaliseNumberText(input).replace(/%$/, "");
  if (!/^[+-]?\d+(\.\d+)?$/.test(s)) return null;
  return new D(s);
}
