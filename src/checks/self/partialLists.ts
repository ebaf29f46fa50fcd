/**
 * A 五（三）list of only some 项 (“其中主要项目：”, “主要项目如下”, “其余项级科目均完成预算100%”, “…万元等。”, lists.json
 * partialItems53): its 项 are not meant to add up to the section's total, to the 类 of 五（二）, nor to combine into the
 * overall completion rate. Read by ./foot.ts, ./sameQuantity.ts and ./execution.ts.
 */
import listData from "../../data/narrative/lists.json";
import type { ParsedNarrative } from "../../narrative/types";

const PARTIAL_53 = listData.partialItems53.map((s) => new RegExp(s, "u"));
const CACHE = new WeakMap<ParsedNarrative, boolean>();

/** Does the text say that its 五（三）list names only some 项? */
export function partialList53(parsed: ParsedNarrative): boolean {
  let v = CACHE.get(parsed);
  if (v === undefined) {
    v = parsed.paragraphs.some((p) => p.kind === "body" && p.canonical === "5.3" && PARTIAL_53.some((re) => re.test(p.text.replace(/\s+/g, ""))));
    CACHE.set(parsed, v);
  }
  return v;
}
