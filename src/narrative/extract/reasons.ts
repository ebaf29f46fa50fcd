/** Reasons (“主要原因是…”, pattern terms.reasonPattern): one claim per reason, to the end of its sentence. */
import terms from "../../data/narrative/terms.json";
import { type Extractor, sentenceEnd } from "./util";

const REASON_RE_ALL = new RegExp(terms.reasonPattern, "gu");

export const reasons: Extractor = {
  name: "reasons",
  extract(ctx, claims) {
    const { text, span } = ctx;
    for (const m of text.matchAll(REASON_RE_ALL)) {
      const s = m.index!;
      const e = sentenceEnd(text, s);
      claims.push({ kind: "reason", ...span(s, e), reason: text.slice(s + m[0].length, e).replace(/[。.]$/, "").trim() });
    }
  },
};
