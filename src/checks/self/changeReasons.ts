/** A year-on-year change of a known subject states its reason, in its paragraph or the next one (N-reason-missing). */
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
      // The reason may stand in the next paragraph (“…下降2.10%。” / “主要原因：…”), whatever its row number.
      const next = nextRow.get(c.row);
      const hasReason = claims.some((r) => r.kind === "reason" && ((r.row === c.row && r.start >= c.end) || (r.section === c.section && next !== undefined && r.row === next)));
      if (!hasReason)
        out.push(narrativeFinding("N-reason-missing", sheet, { row: c.row, text: c.text, slots: { what: `${c.subject}${c.directionWord}${c.amount ? ft(c.amount) + "万元" : ""}` } }));
    }
    return out;
  },
};
