/** A term written in a variant of its preferred form (data: terms.termAliases). */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import terms from "../../data/narrative/terms.json";
import { clauseAround, textParagraphs, type TextRule } from "./textRule";

export const termAlias: TextRule = {
  ids: ["N-term-alias"],
  check(ctx) {
    const out: Finding[] = [];
    const parsed = ctx.parsed;
    if (!parsed) return out;
    const { sheet, on } = ctx;
    const textParas = textParagraphs(ctx);
    // term aliases
    if (on("N-term-alias")) {
      for (const p of textParas) {
        for (const a of terms.termAliases) {
          for (const v of a.variants) {
            const i = p.text.indexOf(v);
            if (i < 0) continue;
            out.push(narrativeFinding("N-term-alias", sheet, { row: p.row, text: clauseAround(p.text, i, i + v.length), slots: { stated: v, expected: a.preferred }, stated: v, expected: a.preferred }));
          }
        }
      }
    }
    return out;
  },
};
