/**
 * 科目 paths (“X（类）Y（款）Z（项）”), with the amount, budget and execution rate written after each, up to the next
 * path (五(三)).
 *
 * Depends on the amount and execution claims of the paragraph (read from the claims array: the `figures` extractor,
 * token readers `amounts` and `executions`, runs before).
 */
import type { SubjectClaim } from "../types";
import { type Extractor, ownClaims, squeeze, SUBJECT_RE } from "./util";

export const subjects: Extractor = {
  name: "subjects",
  extract(ctx, claims) {
    const { text, span } = ctx;
    // (a path always contains "（类）"; most paragraphs have none)
    const found = text.includes("（类）") ? [...text.matchAll(SUBJECT_RE)] : [];
    if (!found.length) return;
    const amounts = ownClaims(ctx, claims, "amount");
    const execs = ownClaims(ctx, claims, "execution");
    for (let k = 0; k < found.length; k++) {
      const m = found[k];
      const s = m.index!;
      const e = s + m[0].length;
      const next = k + 1 < found.length ? found[k + 1].index! : text.length;
      const lei = squeeze(m[1]).replace(/^.*[、：:]/, "");
      const kuan = squeeze(m[2]);
      const xiang = squeeze(m[3]);
      const code = ctx.options.resolveSubject?.(lei, kuan, xiang);
      const sc: SubjectClaim = {
        kind: "subject",
        ...span(s, e),
        lei,
        kuan,
        xiang,
        code,
        amount: amounts.find((a) => a.start >= e && a.start < next && a.role !== "budget") ?? null,
        budget: amounts.find((a) => a.start >= e && a.start < next && a.role === "budget") ?? null,
        execution: execs.find((x) => x.start >= e && x.start < next) ?? null,
      };
      claims.push(sc);
    }
  },
};
