/**
 * What a mismatch weighs (one meaning everywhere): a printed rate or share off by one display unit (0.01
 * percentage point at two decimals) or truncated instead of rounded is a 提示 (warning); more is an 错误.
 * Amounts: 0.01万元 between two places that should print the same figure is a 提示 (tables.ts, bindings.ts).
 */
import Decimal from "decimal.js";
import type { Severity } from "../findings";

const HUNDRED = new Decimal(100);

/** Severity of a stated rate (percent points, printed with `decimals`) that does not match num/den. */
export function rateMismatchSeverity(stated: Decimal, decimals: number, num: Decimal, den: Decimal): Severity {
  if (den.isZero()) return "error";
  const exact = num.div(den).times(HUNDRED).abs();
  const s = stated.abs();
  const dp = Math.max(0, Math.min(decimals, 4));
  // Truncated instead of rounded (“下降15%” for 15.56%).
  if (exact.toDecimalPlaces(dp, Decimal.ROUND_DOWN).eq(s)) return "warning";
  // One unit of the last printed digit off at two decimals (71.66% for 71.65%).
  if (dp === 2 && exact.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).minus(s).abs().lte("0.01")) return "warning";
  return "error";
}
