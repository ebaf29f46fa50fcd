import type Decimal from "decimal.js";
import { D, HUNDRED, asD, round, sum } from "./decimal";

/** Execution rate (决算 / 预算). Rate is in percent points, unrounded. */
export type ExecRate =
  | { kind: "rate"; rate: Decimal; direction: "equal" | "over" | "under" }
  | { kind: "noBudget"; actualZero: boolean }
  | { kind: "negativeBudget" };

export function executionRate(actual: Decimal, budget: Decimal): ExecRate {
  const a = new D(actual);
  const b = new D(budget);
  if (b.isZero()) return { kind: "noBudget", actualZero: a.isZero() };
  if (b.isNegative()) return { kind: "negativeBudget" };
  const cmp = a.cmp(b);
  return { kind: "rate", rate: a.div(b).times(HUNDRED), direction: cmp === 0 ? "equal" : cmp > 0 ? "over" : "under" };
}

/** Year-over-year change. Direction is decided on the exact values, never on rounded ones. */
export type YoY =
  | { kind: "flat"; change: Decimal }
  | { kind: "increase" | "decrease"; change: Decimal; rate: Decimal }
  /** prior is 0 (or negative): the rate is not comparable */
  | { kind: "noPrior"; change: Decimal; direction: "increase" | "decrease"; priorNegative: boolean };

export function yoy(current: Decimal, prior: Decimal): YoY {
  const c = new D(current);
  const p = new D(prior);
  const change = c.minus(p);
  if (change.isZero()) return { kind: "flat", change };
  const direction = change.isPositive() ? "increase" : "decrease";
  if (p.isZero() || p.isNegative()) return { kind: "noPrior", change, direction, priorNegative: p.isNegative() };
  return { kind: direction, change, rate: change.div(p).times(HUNDRED) };
}

/** Share of a total in percent points, unrounded; null when the total is 0. */
export function share(part: Decimal, total: Decimal): Decimal | null {
  const t = new D(total);
  if (t.isZero()) return null;
  return new D(part).div(t).times(HUNDRED);
}

export type SharesResult =
  | { kind: "shares"; shares: Decimal[] }
  | { kind: "zeroTotal" }
  | { kind: "negativePart"; index: number };

/**
 * Shares of a list of parts, rounded to `dp` decimals and summing to exactly 100 by the
 * largest-remainder method; ties go to the earlier item. Equals plain half-up rounding
 * whenever that already sums to 100.
 */
export function sharesToHundred(parts: Decimal[], dp = 2): SharesResult {
  const values = parts.map((p) => new D(p));
  const neg = values.findIndex((v) => v.isNegative());
  if (neg >= 0) return { kind: "negativePart", index: neg };
  const total = sum(values);
  if (total.isZero()) return { kind: "zeroTotal" };
  const scale = new D(10).pow(dp);
  // Exact integer arithmetic: numerator_i = part_i × 100 × 10^dp; floor and remainder against the
  // total are exact, so equal remainders compare equal and ties really go to the earlier item.
  const numerators = values.map((v) => v.times(HUNDRED).times(scale));
  const floors = numerators.map((n) => n.divToInt(total));
  const remainders = numerators.map((n, i) => n.minus(floors[i].times(total)));
  let deficit = HUNDRED.times(scale).minus(sum(floors)).toNumber();
  const order = remainders.map((rem, i) => ({ i, rem })).sort((a, b) => b.rem.cmp(a.rem) || a.i - b.i);
  const units = floors.slice();
  for (let k = 0; deficit > 0 && k < order.length; k++, deficit--) {
    units[order[k].i] = units[order[k].i].plus(1);
  }
  return { kind: "shares", shares: units.map((u) => u.div(scale)) };
}

const CENT = new D("0.01");

/** The 尾差 bound of DOMAIN §0 for a total and n rounded parts: 0.01 × ⌊(n+1)/2⌋ (in display units). */
export function tailTolerance(n: number, step: Decimal = CENT): Decimal {
  return asD(step).times(Math.floor((Math.max(n, 1) + 1) / 2));
}

export type TieResult =
  | { kind: "equal"; difference: Decimal }
  | { kind: "tail"; difference: Decimal; tolerance: Decimal }
  | { kind: "mismatch"; difference: Decimal; tolerance: Decimal };

/** Does a printed total foot with its printed parts? difference = Σparts − total. */
export function tie(total: Decimal, parts: Decimal[], tolerance?: Decimal): TieResult {
  const difference = sum(parts).minus(new D(total));
  const tol = tolerance ?? tailTolerance(parts.length);
  if (difference.isZero()) return { kind: "equal", difference };
  if (difference.abs().lte(tol)) return { kind: "tail", difference, tolerance: tol };
  return { kind: "mismatch", difference, tolerance: tol };
}

/**
 * Is a printed rate or share consistent with printed inputs? True when some inputs within
 * ±halfStep of the printed ones produce a value that rounds to the printed rate (DOMAIN §0:
 * the inputs were themselves rounded). Rates in percent points; `dp` = printed decimals.
 */
export function rateConsistent(
  statedRate: Decimal,
  numerator: Decimal,
  denominator: Decimal,
  options: { dp?: number; inputHalfStep?: Decimal; minus?: Decimal } = {},
): boolean {
  const dp = options.dp ?? 2;
  const h = options.inputHalfStep ?? HALF_CENT;
  const stated = asD(statedRate);
  const half = halfUnit(dp);
  const n = asD(numerator);
  const d = asD(denominator);
  const nLo = n.minus(h);
  const nHi = n.plus(h);
  const dLo = d.minus(h);
  const dHi = d.plus(h);
  if (dLo.lte(0) && dHi.gte(0)) return round(n.div(d.isZero() ? 1 : d).times(100), dp).eq(stated);
  // The ratio n/d is monotone in each input, so its extremes over the box are at corners; with d of
  // one sign the corner of each extreme follows from the signs (rounding the quotient keeps the order).
  const lo = stated.minus(half);
  const hi = stated.plus(half);
  if (nLo.sd() <= SHORT && nHi.sd() <= SHORT && dLo.sd() <= SHORT && dHi.sd() <= SHORT && lo.sd() <= SHORT && hi.sd() <= SHORT) {
    // Short operands: compare cross-multiplied, which is exact. A quotient of such numbers that is not
    // exactly a bound differs from it by far more than its 40-digit rounding, so the result is the same.
    if (dLo.gt(0)) {
      return nHi.times(HUNDRED).gte(lo.times(nHi.isNegative() ? dHi : dLo)) && nLo.times(HUNDRED).lte(hi.times(nLo.isNegative() ? dLo : dHi));
    }
    return nLo.times(HUNDRED).lte(lo.times(nLo.isNegative() ? dHi : dLo)) && nHi.times(HUNDRED).gte(hi.times(nHi.isNegative() ? dLo : dHi));
  }
  let max: Decimal;
  let min: Decimal;
  if (dLo.gt(0)) {
    max = nHi.div(nHi.isNegative() ? dHi : dLo);
    min = nLo.div(nLo.isNegative() ? dLo : dHi);
  } else {
    max = nLo.div(nLo.isNegative() ? dHi : dLo);
    min = nHi.div(nHi.isNegative() ? dLo : dHi);
  }
  return max.times(HUNDRED).gte(stated.minus(half)) && min.times(HUNDRED).lte(stated.plus(half));
}

const HALF_CENT = new D("0.005");
/** Significant digits up to which rateConsistent compares cross-multiplied instead of dividing. */
const SHORT = 15;
const HALF_UNITS = new Map<number, Decimal>();
/** Half a unit of the dp-th decimal: 0.005 for dp = 2. */
function halfUnit(dp: number): Decimal {
  let h = HALF_UNITS.get(dp);
  if (!h) {
    h = new D(10).pow(-dp).div(2);
    if (HALF_UNITS.size < 64) HALF_UNITS.set(dp, h);
  }
  return h;
}

export { round };
