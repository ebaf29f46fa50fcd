/**
 * Execution rates of two written amounts (N-exec-rate): a project summary's 预算数, 决算数 and 完成率 (P-8 in text),
 * then “年初预算为X万元，支出决算为Y万元，完成年初预算的r%” elsewhere (national 五（三）, 七（一）); and the gap to the
 * budget written after such a rate (N-exec-gap).
 */
import type { Finding } from "../../findings";
import { HUNDRED, round } from "../../money/decimal";
import { narrativeFinding } from "../../narrative/catalogue";
import type { ProjectClaim } from "../../narrative/types";
import { rateMismatchSeverity } from "../severity";
import type { SelfRule } from "./selfRule";
import { f2, ft, halfStep, rateOk } from "./util";

export const execRates: SelfRule = {
  ids: ["N-exec-rate", "N-exec-gap"],
  check({ parsed, sheet, on }) {
    const out: Finding[] = [];
    const claims = parsed.claims;
    const projects = claims.filter((c): c is ProjectClaim => c.kind === "project");
    for (const p of projects) {
      if (!p.budget || !p.actual || !p.execution || !on("N-exec-rate")) continue;
      if (p.budget.value.isZero()) continue;
      if (rateOk(p.execution.rate, p.execution.decimals, p.actual.value, p.budget.value)) continue;
      const exp = round(p.actual.value.div(p.budget.value).times(HUNDRED), 2);
      out.push(
        narrativeFinding("N-exec-rate", sheet, {
          severity: rateMismatchSeverity(p.execution.rate, p.execution.decimals, p.actual.value, p.budget.value),
          row: p.row,
          text: `${p.budget.text}，${p.actual.text}，${p.execution.text}`,
          slots: { actual: ft(p.actual.value), budget: ft(p.budget.value), expected: f2(exp), stated: ft(p.execution.rate) },
          stated: `${ft(p.execution.rate)}%`,
          expected: `${f2(exp)}%`,
        }),
      );
    }
    // the rate of the two written amounts, for rates not of a project summary
    const inProjects = new Set(projects.map((p) => p.execution));
    for (const e of claims) {
      if (e.kind !== "execution") continue;
      if (inProjects.has(e) || !e.budget || !e.actual || e.budget.value.isZero() || !on("N-exec-rate")) continue;
      if (rateOk(e.rate, e.decimals, e.actual.value, e.budget.value)) continue;
      const exp = round(e.actual.value.div(e.budget.value).times(HUNDRED), 2);
      out.push(
        narrativeFinding("N-exec-rate", sheet, {
          severity: rateMismatchSeverity(e.rate, e.decimals, e.actual.value, e.budget.value),
          row: e.row,
          text: `${e.budget.text}，${e.actual.text}，${e.text}`,
          slots: { actual: ft(e.actual.value), budget: ft(e.budget.value), expected: f2(exp), stated: ft(e.rate) },
          stated: `${ft(e.rate)}%`,
          expected: `${f2(exp)}%`,
        }),
      );
    }
    // the gap to the budget written after the rate (“未执行部分11.64万元”, “比预算数少11.64万元”): the difference of the
    // two written amounts, within half a unit of each printed figure
    for (const e of claims) {
      if (e.kind !== "execution" || !e.gap || !e.budget || !e.actual || !on("N-exec-gap")) continue;
      const expected = e.budget.value.minus(e.actual.value).abs();
      const tol = halfStep(e.gap.decimals).plus(halfStep(e.budget.decimals)).plus(halfStep(e.actual.decimals));
      const diff = e.gap.value.minus(expected);
      if (diff.abs().lte(tol)) continue;
      out.push(
        narrativeFinding("N-exec-gap", sheet, {
          row: e.row,
          text: `${e.budget.text}，${e.actual.text}，${e.text}，${e.gap.text}`,
          slots: { gap: e.gap.text, stated: ft(e.gap.value), budget: ft(e.budget.value), actual: ft(e.actual.value), expected: ft(expected) },
          stated: ft(e.gap.value),
          expected: ft(expected),
          difference: ft(diff),
        }),
      );
    }
    return out;
  },
};
