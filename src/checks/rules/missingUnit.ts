/** An amount written without its unit (“支出决算为1234.56，”). */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import type { TextRule } from "./textRule";

export const missingUnit: TextRule = {
  ids: ["N-missing-unit"],
  check(ctx) {
    const out: Finding[] = [];
    if (!ctx.parsed || !ctx.on("N-missing-unit")) return out;
    for (const c of ctx.parsed.claims) {
      if (c.kind !== "amount" || c.unit !== null) continue;
      out.push(narrativeFinding("N-missing-unit", ctx.sheet, { row: c.row, text: c.text, slots: { stated: c.raw }, stated: c.raw, expected: `${c.raw}万元` }));
    }
    return out;
  },
};
