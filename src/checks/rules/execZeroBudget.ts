/** “完成预算0%” with nothing spent against a budget stated as 0: the rate is 0/0, not 0. */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import type { TextRule } from "./textRule";

export const execZeroBudget: TextRule = {
  ids: ["N-exec-zero-budget"],
  check(ctx) {
    const out: Finding[] = [];
    const parsed = ctx.parsed;
    if (!parsed) return out;
    const { sheet, on } = ctx;
    // "完成预算0%" with nothing spent
    if (on("N-exec-zero-budget")) {
      for (const c of parsed.claims) {
        if (c.kind !== "execution" || !c.rate.isZero()) continue;
        if (c.actual && !c.actual.value.isZero()) continue;
        // Only a budget stated as 0 in the sentence tells, from the text alone, that nothing was budgeted: without it
        // “完成预算0%” may be the true rate of a budget left unspent. The tables decide that case (checkBindings).
        if (!c.budget || !c.budget.value.isZero()) continue;
        // “决算数小于预算数” says there was a budget: 0% of it is the true rate.
        if (c.comparison === "under") continue;
        out.push(narrativeFinding("N-exec-zero-budget", sheet, { row: c.row, text: c.actual ? `${c.actual.text}，${c.text}` : c.text, slots: { stated: c.text }, stated: c.text }));
      }
    }
    return out;
  },
};
