/** Helpers shared by the self rules of the 情况说明 (./index.ts). */
import type Decimal from "decimal.js";
import type { Finding } from "../../findings";
import { D, HUNDRED, round, sum } from "../../money/decimal";
import { rateConsistent, tailTolerance, tie } from "../../money/calc";

const HALF_CENT = new D("0.005");
import { formatNumber } from "../../money/format";
import { narrativeFinding } from "../../narrative/catalogue";
import type { AmountClaim, ChangeClaim, ParsedNarrative, ShareClaim } from "../../narrative/types";
import { rateMismatchSeverity } from "../severity";

export const CENT = new D("0.01");
export const HALF = new D("0.005");

export const f2 = (d: Decimal) => formatNumber(d, "fixed2");
export const ft = (d: Decimal) => formatNumber(d, "trim");

export const DIR_WORD: Record<string, string> = { increase: "增加", decrease: "减少" };
export const RATE_WORD: Record<string, string> = { increase: "增长", decrease: "下降" };

/**
 * A label without its leading year (“2020年度收入合计” → “收入合计”), for messages.
 * TODO(parser): the claim's label should come without its year (or with the year as its own field).
 */
export const withoutYear = (label: string) => label.replace(/^\d{4}年度?/, "");

/** A printed rate is consistent when some inputs within ±h of the printed ones give it (at 2 dp or at its own dp). */
export function rateOk(stated: Decimal, decimals: number, num: Decimal, den: Decimal, h: Decimal = HALF): boolean {
  if (rateConsistent(stated, num, den, { dp: 2, inputHalfStep: h })) return true;
  return decimals < 2 && rateConsistent(stated, num, den, { dp: decimals, inputHalfStep: h });
}

export function amountsBySlot(parsed: ParsedNarrative): Map<string, AmountClaim[]> {
  const m = new Map<string, AmountClaim[]>();
  for (const c of parsed.claims) if (c.kind === "amount" && c.slot) m.set(c.slot, [...(m.get(c.slot) ?? []), c]);
  return m;
}

const SECTION_NAMES: Record<string, string> = {
  "1": "一", "2": "二", "3": "三", "4": "四", "5": "五", "5.1": "五（一）", "5.2": "五（二）", "5.3": "五（三）", "6": "六", "7": "七",
  "7.1": "七（一）", "7.2": "七（二）", "8": "八", "9": "九", "10": "十", "10.1": "十（一）", "10.2": "十（二）", "10.3": "十（三）", "10.4": "十（四）",
};
/** “5.3” or “5.3.item:…” → 五（三）. */
export function sectionName(idOrSlot: string): string {
  const m = /^(\d+(?:\.\d+)?)/.exec(idOrSlot);
  return m ? SECTION_NAMES[m[1]] ?? m[1] : idOrSlot;
}

/** A share against its amount and denominator (N-share-rate). */
export function checkShare(s: ShareClaim, amount: AmountClaim, denom: Decimal, totalLabel: string, out: Finding[], sheet: string, largestRemainder = false): void {
  if (denom.isZero()) {
    if (!s.value.isZero())
      out.push(
        narrativeFinding("N-share-rate", sheet, {
          row: s.row,
          text: `${amount.text}，${s.text}`,
          slots: { label: amount.label, amount: ft(amount.value), total: "0", expected: "0", stated: ft(s.value) },
          stated: `${ft(s.value)}%`,
          expected: "0%",
        }),
      );
    return;
  }
  if (rateOk(s.value, s.decimals, amount.value, denom)) return;
  if (largestRemainder && s.value.minus(amount.value.div(denom).times(HUNDRED)).abs().lt(new D(10).pow(-s.decimals))) return;
  const exp = round(amount.value.div(denom).times(HUNDRED), 2);
  out.push(
    narrativeFinding("N-share-rate", sheet, {
      severity: rateMismatchSeverity(s.value, s.decimals, amount.value, denom),
      row: s.row,
      text: `${amount.text}，${s.text}`,
      slots: { label: withoutYear(amount.label), amount: ft(amount.value), total: `${withoutYear(totalLabel)}${ft(denom)}`, expected: f2(exp), stated: ft(s.value) },
      stated: `${ft(s.value)}%`,
      expected: `${f2(exp)}%`,
    }),
  );
}

/** A total against the sum of its parts (N-foot, or N-foot-tail for a rounding tail). */
export function foot(total: AmountClaim, parts: AmountClaim[], name: string, out: Finding[], sheet: string, short?: { note: string }): void {
  // A figure printed coarser than the tables' 0.01 (“2906万元”, “8.8万元”) may be off by half a unit of its own last
  // digit: the tail allows that much more for each such figure. A 0 (“公务用车购置支出0万元”) is exact.
  const coarse = [total, ...parts].filter((a) => a.decimals < 2 && !a.value.isZero());
  const t = tie(
    total.value,
    parts.map((p) => p.value),
    coarse.length ? coarse.reduce((acc, a) => acc.plus(halfStep(a.decimals)).minus(HALF_CENT), tailTolerance(parts.length)) : undefined,
  );
  if (t.kind === "equal") return;
  const partsText = parts.map((p) => `${p.label.replace(/^(其中|主要用于以下方面)[：:]?/, "")}${ft(p.value)}`).join(" + ");
  const expected = sum(parts.map((p) => p.value));
  // `short`: parts that fall short of the total may be a list of only some of them (五（三）with “其中：”): a warning
  // with the note, not a wrong figure.
  const isShort = short && t.kind === "mismatch" && expected.lt(total.value);
  const f = narrativeFinding(t.kind === "tail" ? "N-foot-tail" : "N-foot", sheet, {
    row: total.row,
    text: total.text,
    ...(isShort ? { severity: "warning" as const } : {}),
    slots: { name, stated: ft(total.value), parts: partsText, expected: ft(expected), difference: ft(t.difference.abs()) },
    stated: ft(total.value),
    expected: ft(expected),
    difference: ft(t.difference),
  });
  if (isShort) f.message += short.note;
  out.push(f);
}

/** Amount claims (决算数, not 预算数 nor the prior year's) of the change's sentence (or paragraph) that stand before it. */
export function sentenceAmountsBefore(parsed: ParsedNarrative, c: ChangeClaim, sentence = true): AmountClaim[] {
  return parsed.claims.filter((a): a is AmountClaim => a.kind === "amount" && a.row === c.row && a.end <= c.start && a.role === undefined && (!sentence || sameSentence(parsed, a, c)));
}

/** The two claims stand in one sentence of one paragraph (the parser's sentence index; else no 。！？ between them). */
export function sameSentence(parsed: ParsedNarrative, a: { row: number; end: number; sentence?: number }, b: { row: number; start: number; sentence?: number }): boolean {
  if (a.row !== b.row) return false;
  if (a.sentence !== undefined && b.sentence !== undefined) return a.sentence === b.sentence;
  const p = parsed.paragraphs.find((x) => x.row === a.row);
  if (!p) return false;
  return !/[。！？]/.test(p.text.slice(a.end, b.start));
}

/** Half a unit of the last printed place: 0.005 at two decimals, 0.5 at none. */
export const halfStep = (decimals: number): Decimal => new D(5).times(new D(10).pow(-decimals - 1));

/**
 * A change whose prior year is stated with its current (“2020年度…236.01万元，比2019年度393.40万元减少157.39万元”):
 * is current = prior ± change, within the half units of the three printed figures? null when either is not stated.
 */
export function yoySum(c: ChangeClaim): { ok: boolean; expected: Decimal } | null {
  if (!c.amount || !c.prior || !c.current || (c.direction !== "increase" && c.direction !== "decrease")) return null;
  const expected = c.direction === "increase" ? c.prior.value.plus(c.amount) : c.prior.value.minus(c.amount);
  const tol = halfStep(c.prior.decimals).plus(halfStep(c.amountDecimals)).plus(halfStep(c.current.decimals));
  return { ok: c.current.value.minus(expected).abs().lte(tol), expected };
}

/**
 * The rate of a change against its prior year: the prior the text states (`stated`: “比2019年度372.28万元减少…”),
 * else prior = current ∓ change. Is the printed rate consistent with change / prior?
 */
export function yoyExpected(c: ChangeClaim): { ok: boolean; expected: Decimal; prior: Decimal; stated: boolean } | null {
  if (!c.amount || !c.rate || c.direction === "ambiguous" || c.direction === "flat") return null;
  const stated = !!c.prior;
  let prior: Decimal;
  // prior stated: the rate's inputs are two printed figures, ± half a unit of the finer of them (“较上年1万元减少
  // 0.2万元” is of 1.0, not of anything from 0.5 to 1.5); else prior is itself the sum or difference of two printed
  // figures: allow ±0.01 on it
  let h: Decimal = CENT;
  if (c.prior) {
    prior = c.prior.value;
    h = halfStep(Math.min(2, Math.max(c.prior.decimals, c.amountDecimals)));
  } else if (c.current) prior = c.direction === "increase" ? c.current.value.minus(c.amount) : c.current.value.plus(c.amount);
  else return null;
  // “增加0.00万元，增长0%” (real reports write a 0 change so): true whatever the base.
  if (c.amount.isZero() && c.rate.isZero()) return { ok: true, expected: new D(0), prior, stated };
  if (prior.lte(0)) return { ok: false, expected: new D(0), prior, stated };
  const expected = round(c.amount.div(prior).times(HUNDRED), 2);
  const ok = rateOk(c.rate, c.rateDecimals, c.amount, prior, h);
  return { ok, expected, prior, stated };
}
