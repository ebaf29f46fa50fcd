import Decimal from "decimal.js";

/**
 * The one Decimal constructor of the project: 40 significant digits (far beyond any budget
 * in 元 or 分) and half-up rounding, as accountants and Excel's ROUND do it.
 */
export const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -20, toExpPos: 30 });
export type Dec = Decimal;

export const ZERO = new D(0);
export const HUNDRED = new D(100);
export const TEN_THOUSAND = new D(10000);

/** The value as a D (Decimals are immutable: one that already is a D is used as it is). */
export function asD(value: Decimal.Value): Decimal {
  return value !== null && value !== undefined && (value as Decimal).constructor === D ? (value as Decimal) : new D(value);
}

/** Round half-up (away from zero for negatives, like Excel ROUND) to `dp` decimals. */
export function round(value: Decimal, dp = 2): Decimal {
  const v = asD(value);
  return v.decimalPlaces() <= dp ? v : v.toDecimalPlaces(dp, D.ROUND_HALF_UP);
}

export function isDecimal(v: unknown): v is Decimal {
  return Decimal.isDecimal(v);
}

/**
 * A JS number coming from a spreadsheet cell. Excel keeps 15 significant digits, so cached
 * formula results such as 198.77000000000001 are read back as the 198.77 the user sees.
 */
export function fromCellNumber(n: number): Decimal {
  // Fast paths giving the same Decimal as n.toPrecision(15): integers below 10^15, and numbers whose
  // shortest form (String) has at most 15 significant digits (a double keeps 15 digits exactly).
  if (Number.isInteger(n) && Math.abs(n) < 1e15 && !Object.is(n, -0)) return new D(n);
  const s = String(n);
  // At most 15 characters (sign and point included) means at most 15 significant digits.
  if (s.length <= 15 && !s.includes("e")) return new D(s);
  if (!s.includes("e") && s.replace("-", "").replace(".", "").replace(/^0+/, "").length <= 15) return new D(s);
  return new D(n.toPrecision(15));
}

export function sum(values: Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.plus(v), new D(0));
}
