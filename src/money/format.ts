import type Decimal from "decimal.js";
import { D, asD, round } from "./decimal";

/**
 * How numbers are printed in a region's text. "fixed2": 3.50, 100.00 (national 2024 template);
 * "trim": 3.5, 100, 0 (the Sichuan 2020 report style: two decimals, trailing zeros dropped).
 */
export type NumberStyle = "fixed2" | "trim";

export function formatNumber(value: Decimal, style: NumberStyle = "fixed2", dp = 2): string {
  // toFixed rounds half-up itself: the same digits as round(value, dp).toFixed(dp).
  const s = asD(value).toFixed(dp, D.ROUND_HALF_UP);
  const out = style === "trim" && s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
  return out.startsWith("-0") && /^-0(\.0+)?$/.test(out) ? out.slice(1) : out;
}

/** Amount with thousands separators as in tables: 1,061,349.00 */
export function formatTableAmount(value: Decimal, dp = 2): string {
  const s = round(value, dp).toFixed(dp);
  const [int, frac] = s.split(".");
  const neg = int.startsWith("-");
  const digits = neg ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${neg ? "-" : ""}${grouped}${frac ? "." + frac : ""}`;
}

export function toNumber(value: Decimal): number {
  // The only place a Decimal becomes a JS number: handing a finished, rounded result to Excel.
  return Number(new D(value).toString());
}
