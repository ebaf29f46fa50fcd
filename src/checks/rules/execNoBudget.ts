/**
 * A completion rate printed against a budget the same sentence states as 0 (“年初预算为0万元，支出决算为307.82万元，
 * 完成年初预算的95.89%”): with B = 0 and A > 0 the rate cannot be computed (DOMAIN §2.3 table, B = 0, A > 0: state
 * “年初未安排预算” and the reason of the addition). A rate of another basis (全年/调整后预算) than the stated one is not judged.
 */
import type { Finding } from "../../findings";
import { formatNumber } from "../../money/format";
import { narrativeFinding } from "../../narrative/catalogue";
import type { ExecutionClaim } from "../../narrative/types";
import type { ReportRule } from "./types";

const BASIS = /(年初|全年|调整|追加)/u;

export const execNoBudget: ReportRule = {
  ids: ["N-exec-no-budget"],
  check(ctx) {
    const out: Finding[] = [];
    if (!ctx.parsed || !ctx.on("N-exec-no-budget")) return out;
    for (const c of ctx.parsed.claims) {
      if (c.kind !== "execution") continue;
      const e = c as ExecutionClaim;
      if (!e.budget || !e.actual || !e.budget.value.isZero() || e.actual.value.lte(0) || e.rate.isZero()) continue;
      // The rate's basis must be the stated budget's: “年初预算为0…完成全年预算的95.89%” may well be right.
      const rateBasis = e.basis;
      const budgetBasis = BASIS.exec(e.budget.label ?? e.budget.text)?.[1];
      if (rateBasis && budgetBasis && rateBasis !== budgetBasis) continue;
      if (rateBasis && !budgetBasis) continue;
      out.push(
        narrativeFinding("N-exec-no-budget", ctx.sheet, {
          row: e.row,
          text: `${e.budget.text}，${e.actual.text}，${e.text}`,
          slots: { budget: e.budget.text, actual: formatNumber(e.actual.value, "fixed2"), stated: e.text },
          stated: e.text,
          expected: "年初未安排预算，完成率无法计算",
        }),
      );
    }
    return out;
  },
};
