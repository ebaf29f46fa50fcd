/**
 * Execution rates of two written amounts (N-exec-rate): a project summary's 预算数, 决算数 and 完成率 (P-8 in text),
 * then “年初预算为X万元，支出决算为Y万元，完成年初预算的r%” elsewhere (national 五（三）, 七（一）).
 */
import type { Finding } from "../../findings";
import { HUNDRED, round } from "../../money/decimal";
import { narrativeFinding } from "../../narrative/catalogue";
import type { ProjectClaim } from "../../narrative/types";
import { rateMismatchSeverity } from "../severity";
import type { SelfRule } from "./selfRule";
import { f2, ft, rateOk } from "./util";

export const execRates: SelfRule = {
  ids: ["N-exec-rate"],
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
    return out;
  },
};
