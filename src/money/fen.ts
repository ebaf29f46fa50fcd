/**
 * Exact integer-分 fast routines for the hot paths of the custom functions.
 *
 * Every value here is an integer number of 分 (or a scaled integer result) held in a JS number,
 * and every routine only does arithmetic while all operands and intermediates are safe integers
 * (|n| ≤ Number.MAX_SAFE_INTEGER), so each operation is exact. When an input does not qualify
 * (more than two decimals, too large, a product that could leave the safe range) the routine
 * returns null and the caller takes the decimal.js path. Results are defined to be identical to
 * the Decimal path of src/money (half-up, ties away from zero, like Excel ROUND).
 */

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Amounts are accepted below 10^15 分: at most 15 significant digits, like an Excel cell. */
export const MAX_FEN = 999_999_999_999_999;

/** 10^0 … 10^16 (all exact doubles). */
export const POW10: readonly number[] = Array.from({ length: 17 }, (_, k) => 10 ** k);

/** LIMIT[k] = ⌊MAX_SAFE / 10^k⌋: |n| ≤ LIMIT[k] ⇒ n × 10^k is a safe integer. */
const LIMIT: readonly number[] = POW10.map((p) => Math.floor(MAX_SAFE / p));

/**
 * The integer number of 分 of a cell number, when the number is exactly a 2-decimal amount as
 * the cell shows it; null otherwise. "Exactly" means: x is the double nearest to fen/100 and
 * fen/100 has at most 15 significant digits, so x.toPrecision(15) (how src/money reads a cell
 * number) gives back fen/100 exactly. -0 gives 0.
 */
export function toFen(x: number): number | null {
  const fen = Math.round(x * 100);
  if (!(fen <= MAX_FEN && fen >= -MAX_FEN) || fen / 100 !== x) return null;
  return fen === 0 ? 0 : fen;
}

const C_0 = 48;
const C_9 = 57;
const C_SPACE = 32;
const C_TAB = 9;
const C_PLUS = 43;
const C_MINUS = 45;
const C_COMMA = 44;
const C_DOT = 46;

/**
 * A plain ASCII amount text → 分, or null when the text needs the full parser. Accepted: optional
 * surrounding spaces/tabs, an optional sign, digits (optionally grouped "1,234,567" — any first
 * group, as src/money/parse.ts accepts), an optional "." with digits of which only the first two
 * may be non-zero; "" (only spaces) is 0 like a blank cell. Negative zero ("-0.00") is left to the
 * full parser, which keeps its sign.
 */
export function parseFenText(s: string): number | null {
  const n = s.length;
  let i = 0;
  while (i < n && (s.charCodeAt(i) === C_SPACE || s.charCodeAt(i) === C_TAB)) i++;
  let end = n;
  while (end > i && (s.charCodeAt(end - 1) === C_SPACE || s.charCodeAt(end - 1) === C_TAB)) end--;
  if (i === end) return 0;
  let neg = false;
  let c = s.charCodeAt(i);
  if (c === C_MINUS || c === C_PLUS) {
    neg = c === C_MINUS;
    i++;
  }
  let int = 0;
  let digits = 0;
  let group = -1; // digits since the last comma, or -1 before any comma
  for (; i < end; i++) {
    c = s.charCodeAt(i);
    if (c >= C_0 && c <= C_9) {
      int = int * 10 + (c - C_0);
      if (++digits > 13) return null;
      if (group >= 0 && ++group > 3) return null;
    } else if (c === C_COMMA) {
      if (digits === 0 || (group >= 0 && group !== 3)) return null;
      group = 0;
    } else break;
  }
  if (digits === 0 || (group >= 0 && group !== 3)) return null;
  let frac = 0;
  if (i < end) {
    if (s.charCodeAt(i) !== C_DOT) return null;
    i++;
    if (i === end) return null;
    for (let k = 0; i < end; i++, k++) {
      c = s.charCodeAt(i);
      if (c < C_0 || c > C_9) return null;
      if (k < 2) frac += (c - C_0) * (k === 0 ? 10 : 1);
      else if (c !== C_0) return null;
    }
  }
  const fen = int * 100 + frac;
  if (fen === 0) return neg ? null : 0;
  return neg ? -fen : fen;
}

/**
 * An amount argument as Excel hands it, in 分: null/undefined (blank) → 0, an exact 2-decimal
 * number, or plain amount text. null when the full coercion is needed (other shapes, units,
 * full-width text, more decimals, error values, …).
 */
export function cellFen(v: unknown): number | null {
  if (typeof v === "number") return toFen(v);
  if (v === null || v === undefined) return 0;
  if (typeof v === "string") return parseFenText(v);
  return null;
}

/** n / d rounded half-up (ties away from zero) for safe integers n and d ≠ 0; exact. */
export function divRoundHalfUp(n: number, d: number): number {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  const r = n % d;
  let q = (n - r) / d;
  if (2 * Math.abs(r) >= d) q += n < 0 ? -1 : 1;
  return q === 0 ? 0 : q;
}

/**
 * n × 10^k / d rounded half-up, or null when n × 10^k could leave the safe range. n, d safe
 * integers, d ≠ 0, 0 ≤ k ≤ 16.
 */
export function scaledDiv(n: number, k: number, d: number): number | null {
  if (n > LIMIT[k] || n < -LIMIT[k]) return null;
  return divRoundHalfUp(n * POW10[k], d);
}

/** a / b × 100 to `dp` decimals, half-up, as an integer of 10^-dp units; null on overflow. b ≠ 0. */
export function percentScaled(a: number, b: number, dp: number): number | null {
  return scaledDiv(a, dp + 2, b);
}

/** A scaled integer (units of 10^-dp) as the JS number Excel gets; never -0. */
export function scaledToNumber(r: number, dp: number): number {
  return r / POW10[dp] || 0;
}

/**
 * A scaled integer printed with `dp` decimals: 8451, 2 → "84.51"; "fixed2"-like "fixed" keeps
 * trailing zeros ("100.00"), "trim" drops them ("100", "3.5"). Zero never prints a sign.
 */
export function formatScaled(r: number, dp: number, style: "fixed" | "trim"): string {
  const neg = r < 0;
  if (dp === 2 && style === "trim") {
    // The common case (amounts and rates in text), without string slicing.
    const a = neg ? -r : r;
    const frac = a % 100;
    const int = (a - frac) / 100;
    const s = frac === 0 ? String(int) : frac % 10 === 0 ? `${int}.${frac / 10}` : `${int}${frac < 10 ? ".0" : "."}${frac}`;
    return neg ? "-" + s : s;
  }
  let digits = String(neg ? -r : r);
  if (dp > 0) {
    if (digits.length <= dp) digits = "0".repeat(dp + 1 - digits.length) + digits;
    const cut = digits.length - dp;
    let frac = digits.slice(cut);
    digits = digits.slice(0, cut);
    if (style === "trim") {
      let e = frac.length;
      while (e > 0 && frac.charCodeAt(e - 1) === C_0) e--;
      frac = frac.slice(0, e);
    }
    if (frac !== "") digits += "." + frac;
  }
  return neg && r !== 0 ? "-" + digits : digits;
}

export type FenSharesResult =
  | { kind: "shares"; units: number[] }
  | { kind: "zeroTotal" }
  | { kind: "negativePart"; index: number };

/**
 * sharesToHundred in integers: shares of parts (分) in units of 10^-dp percent, summing to exactly
 * 100 × 10^dp by the largest remainder. null when a product could leave the safe range, or when
 * the outcome hinges on a tie in the remainders between parts of different size: there
 * src/money's 40-digit quotients round the equal remainders at different digits, so its order is
 * not "earlier item first", and only the Decimal path gives its answer. Ties between equal parts
 * go to the earlier item, as there.
 */
export function sharesFen(parts: readonly number[], dp: number): FenSharesResult | null {
  const n = parts.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (parts[i] < 0) return { kind: "negativePart", index: i };
    total += parts[i];
  }
  if (total === 0) return { kind: "zeroTotal" };
  if (total > MAX_SAFE) return null;
  const k = dp + 2;
  const lim = LIMIT[k];
  const scale = POW10[k];
  const units = new Array<number>(n);
  const rems = new Array<number>(n);
  let deficit = 100 * POW10[dp];
  for (let i = 0; i < n; i++) {
    if (parts[i] > lim) return null;
    const x = parts[i] * scale;
    const r = x % total;
    rems[i] = r;
    units[i] = (x - r) / total;
    deficit -= units[i];
  }
  if (deficit === 0) return { kind: "shares", units };
  let cut: number;
  let taken: boolean[];
  if (n <= 8) {
    // Few parts (the usual column): pick the `deficit` largest remainders by repeated scans;
    // among equal remainders the earlier part comes first.
    taken = new Array<boolean>(n).fill(false);
    cut = -1;
    for (let d = 0; d < deficit; d++) {
      let best = -1;
      for (let i = 0; i < n; i++) if (!taken[i] && (best < 0 || rems[i] > rems[best])) best = i;
      taken[best] = true;
      units[best] += 1;
      cut = rems[best];
    }
  } else {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => rems[b] - rems[a] || a - b);
    taken = new Array<boolean>(n).fill(false);
    for (let d = 0; d < deficit; d++) {
      taken[order[d]] = true;
      units[order[d]] += 1;
    }
    cut = rems[order[deficit - 1]];
  }
  // The remainders equal to the last one taken: if some of them were left out (the tie spans the
  // cut), the answer is the Decimal path's only when all those parts are equal.
  let straddles = false;
  let first = -1;
  let mixed = false;
  for (let i = 0; i < n; i++) {
    if (rems[i] !== cut) continue;
    if (!taken[i]) straddles = true;
    if (first < 0) first = i;
    else if (parts[i] !== parts[first]) mixed = true;
  }
  if (straddles && mixed) return null;
  return { kind: "shares", units };
}
