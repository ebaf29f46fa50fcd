import type Decimal from "decimal.js";
import { D, TEN_THOUSAND, asD, round } from "./decimal";

const TEN_THOUSANDTH = new D("0.0001");

export type Unit = "万元" | "元";

/** Exact conversion between 元 and 万元 (no rounding). */
export function convert(value: Decimal, from: Unit, to: Unit): Decimal {
  if (from === to) return asD(value);
  // × 0.0001 is exact and gives the same Decimal as ÷ 10 000, with less work.
  return from === "元" ? asD(value).times(TEN_THOUSANDTH) : asD(value).times(TEN_THOUSAND);
}

/** An amount in 万元 as printed: half-up to `dp` decimals. 10050 元 → 1.01. */
export function yuanToWanDisplay(yuan: Decimal, dp = 2): Decimal {
  return round(convert(yuan, "元", "万元"), dp);
}

/** Detects a unit statement such as "单位：万元", "金额单位：元", "单位:元". */
export function unitFromText(text: string): Unit | null {
  const t = text.replace(/\s+/g, "");
  const m = /单位[:：]?(万元|元)/.exec(t);
  if (!m) return null;
  return m[1] as Unit;
}
