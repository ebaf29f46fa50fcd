/**
 * Execution rates (“完成预算的r%”): the overall rate of 五（三）against its items' amounts and rates
 * (N-exec-overall); then, rate by rate, a comparison word that contradicts the rate (N-direction), a 0% rate with a
 * positive 决算数 (N-exec-zero-actual) and a rate other than 0 or 100% without its reason (N-reason-missing).
 */
import type Decimal from "decimal.js";
import type { Finding } from "../../findings";
import { D, HUNDRED, round } from "../../money/decimal";
import { narrativeFinding } from "../../narrative/catalogue";
import type { ExecutionClaim, SubjectClaim } from "../../narrative/types";
import { partialList53 } from "./partialLists";
import type { SelfRule } from "./selfRule";
import { HALF, f2, ft } from "./util";

/** The budget a rate is of (the parser's `basis`): rates of different bases (年初 / 全年 / 调整) do not combine. */
const basisOf = (e: ExecutionClaim) => e.basis;

export const execution: SelfRule = {
  ids: ["N-exec-overall", "N-direction", "N-exec-zero-actual", "N-reason-missing"],
  check({ parsed, sheet, on, nextRow }) {
    const out: Finding[] = [];
    const claims = parsed.claims;
    const execs = claims.filter((c): c is ExecutionClaim => c.kind === "execution");
    const overall = execs.find((e) => e.slot === "5.3.exec");
    const itemExecs = claims.filter((c): c is SubjectClaim => c.kind === "subject" && c.canonical === "5.3" && !!c.amount && !!c.execution);
    // “完成调整预算的100%” is not a share of the 年初预算.
    const bases = new Set([overall, ...itemExecs.map((s) => s.execution!)].filter((e): e is ExecutionClaim => !!e).map(basisOf).filter((b) => b !== undefined));
    // Every 项 must give its 决算数 and rate (one without, e.g. “完成调整预算的100%”, leaves the others' sum partial),
    // and the text must list every 项 (not “其中主要项目：”, ./partialLists.ts).
    const all53 = claims.filter((c) => c.kind === "subject" && c.canonical === "5.3").length;
    if (overall && itemExecs.length >= 2 && itemExecs.length === all53 && bases.size <= 1 && !partialList53(parsed) && on("N-exec-overall")) {
      const r = overallRange(itemExecs);
      // Half of the overall rate's own last printed digit (“95.0%” stands for [94.95, 95.05)).
      const half = new D(10).pow(-Math.max(Math.min(overall.decimals, 2), 0)).div(2);
      if (r && (overall.rate.plus(half).lt(r.lo) || overall.rate.minus(half).gt(r.hi))) {
        out.push(
          narrativeFinding("N-exec-overall", sheet, {
            row: overall.row,
            text: overall.actual ? `${overall.actual.text}，${overall.text}` : overall.text,
            slots: { stated: ft(overall.rate), expected: f2(r.point) },
            stated: `${ft(overall.rate)}%`,
            expected: `${f2(r.point)}%`,
          }),
        );
      }
    }
    for (const e of execs) {
      if (e.comparison && e.comparison !== "ambiguous" && on("N-direction")) {
        const bad = (e.comparison === "over" && e.rate.lt(100)) || (e.comparison === "under" && e.rate.gt(100));
        if (bad)
          out.push(
            narrativeFinding("N-direction", sheet, {
              row: e.row,
              text: `${e.text}，${e.comparisonText}`,
              slots: { detail: `完成预算${ft(e.rate)}%，却写“${e.comparisonText}”：完成率${e.rate.lt(100) ? "低于" : "高于"}100%时决算数应${e.rate.lt(100) ? "小于" : "大于"}预算数` },
            }),
          );
      }
      if (e.rate.isZero() && e.actual && e.actual.value.gt(0) && on("N-exec-zero-actual")) {
        out.push(narrativeFinding("N-exec-zero-actual", sheet, { row: e.row, text: `${e.actual.text}，${e.text}`, slots: { actual: ft(e.actual.value), stated: e.text } }));
      }
      const needsReason =
        !e.rate.eq(100) && !e.rate.isZero() && !!e.slot && (e.slot.startsWith("5.3.exec") || e.slot.startsWith("7.") || e.slot.startsWith("10.4.project:"));
      const reasonNext = claims.some((r) => r.kind === "reason" && r.section === e.section && r.row === nextRow.get(e.row));
      // The overall rate of 五（三）followed by “其中：” and its items: the reasons are given where the gaps are, item by item.
      const reasonInItems =
        e.slot === "5.3.exec" &&
        claims.some((c) => c.kind === "subject" && c.canonical === "5.3" && c.execution && !c.execution.rate.eq(100) && (c.execution.reason || claims.some((r) => r.kind === "reason" && r.row === c.row && r.start > c.start)));
      if (needsReason && !e.reason && !reasonNext && !reasonInItems && on("N-reason-missing")) {
        const what = e.slot!.startsWith("10.4.project:") ? `项目完成预算${ft(e.rate)}%，未达到100%` : `完成预算${ft(e.rate)}%，决算数与预算数不一致`;
        out.push(narrativeFinding("N-reason-missing", sheet, { row: e.row, text: e.text, slots: { what } }));
      }
    }
    return out;
  },
};

/** Range of the overall execution rate implied by each item's printed amount and rate. */
function overallRange(items: SubjectClaim[]): { lo: Decimal; hi: Decimal; point: Decimal } | null {
  let aLo = new D(0), aHi = new D(0), bLo = new D(0), bHi = new D(0), aSum = new D(0), bPoint = new D(0);
  for (const s of items) {
    const a = s.amount!.value;
    const r = s.execution!.rate;
    if (r.lte(HALF)) return null;
    aSum = aSum.plus(a);
    bPoint = bPoint.plus(a.times(HUNDRED).div(r));
    const lo = D.max(a.minus(HALF), 0);
    const hi = a.plus(HALF);
    aLo = aLo.plus(lo);
    aHi = aHi.plus(hi);
    bLo = bLo.plus(lo.times(HUNDRED).div(r.plus(HALF)));
    bHi = bHi.plus(hi.times(HUNDRED).div(r.minus(HALF)));
  }
  if (bLo.isZero() || bPoint.isZero()) return null;
  return { lo: aLo.div(bHi).times(HUNDRED), hi: aHi.div(bLo).times(HUNDRED), point: round(aSum.div(bPoint).times(HUNDRED), 2) };
}
