/** 科目 names outdated in the report's edition (year-aware through the data), never inside a valid name. */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import { insideGuard, outdatedRenames } from "../../reader/subjects";
import { clauseAround, textParagraphs, type TextRule } from "./textRule";

export const outdatedNames: TextRule = {
  ids: ["N-outdated-name"],
  check(ctx) {
    const out: Finding[] = [];
    const { sheet, year } = ctx;
    if (!ctx.parsed || !ctx.on("N-outdated-name") || year === null) return out;
    for (const p of textParagraphs(ctx)) {
      const taken: [number, number][] = [];
      const seen = new Set<string>();
      const sq = p.text;
      // year-aware through the data: only names outdated in this report's edition, never inside a valid name
      for (const { rename: r, guards } of outdatedRenames(year)) {
        let i = sq.indexOf(r.old);
        while (i >= 0) {
          const e = i + r.old.length;
          if (!taken.some(([a, b]) => i < b && e > a) && !insideGuard(sq, i, e, guards)) {
            taken.push([i, e]);
            if (!seen.has(r.old)) {
              seen.add(r.old);
              out.push(
                narrativeFinding("N-outdated-name", sheet, {
                  row: p.row,
                  text: clauseAround(p.text, i, e),
                  slots: { old: r.old, new: r.new, year, since: r.since },
                  stated: r.old,
                  expected: r.new,
                }),
              );
            }
          }
          i = sq.indexOf(r.old, e);
        }
      }
    }
    return out;
  },
};
