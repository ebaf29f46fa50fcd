/** “完成预算0%” with nothing spent and no budget stated: the budget is missing, not the rate 0. */
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
        // A budget stated in the sentence and not 0: “完成预算0%” is then the true rate, not a missing budget.
        if (c.budget && !c.budget.value.isZero()) continue;
        // “决算数小于预算数” says there was a budget: 0% of it is the true rate.
        if (c.comparison === "under") continue;
        out.push(narrativeFinding("N-exec-zero-budget", sheet, { row: c.row, text: c.actual ? `${c.actual.text}，${c.text}` : c.text, slots: { stated: c.text }, stated: c.text }));
      }
    }
    return out;
  },
};
