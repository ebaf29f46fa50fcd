/**
 * A year-on-year change of a known subject states its reason, after it in its paragraph or in a later paragraph of its
 * section (N-reason-missing).
 */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import type { SelfRule } from "./selfRule";
import { ft } from "./util";

export const changeReasons: SelfRule = {
  ids: ["N-reason-missing"],
  check({ parsed, sheet, on, nextRow }) {
    const out: Finding[] = [];
    const claims = parsed.claims;
    for (const c of claims) {
      if (c.kind !== "change") continue;
      if (c.residue || c.direction === "flat" || c.direction === "ambiguous" || !c.slot || !on("N-reason-missing")) continue;
      // “增加0万元”: no change, nothing to explain
      if (c.amount && c.amount.isZero()) continue;
      // The reason may stand after it in its paragraph, or in a later paragraph of its section (“…下降2.10%。” / “主要
      // 原因：…”; “决算数小于预算数的主要情况：…” / “决算数大于上年决算数的主要情况：…”), whatever their row numbers.
      const next = nextRow.get(c.row);
      const hasReason = claims.some(
        (r) => r.kind === "reason" && ((r.row === c.row && r.start >= c.end) || (r.section === c.section && next !== undefined && r.row >= next)),
      );
      if (!hasReason)
        out.push(narrativeFinding("N-reason-missing", sheet, { row: c.row, text: c.text, slots: { what: `${c.subject}${c.directionWord}${c.amount ? ft(c.amount) + "万元" : ""}` } }));
    }
    return out;
  },
};
