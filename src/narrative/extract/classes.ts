/**
 * 五(二): the 类 renderings of the enumerated items (“一般公共服务（类）支出”, “教育支出”) as class claims, for the
 * class-rendering checks.
 *
 * Depends on the enumeration claims of the paragraph's row (read from the claims array: ./enumerations.ts runs
 * before).
 */
import type { ClassClaim } from "../types";
import { CLASS_BY_NAME, classCore, cleanItemLabel, type Extractor, squeeze } from "./util";

/** An enumerator before the 类 name (“一是”, “①”, “（1）”, “1.”, “第一，”): not part of the name. */
const ENUMERATOR = /^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、]?|[①-⑳]|[（(]\d{1,2}[)）]|\d{1,2}[.．、](?!\d))\s*/u;

export const classes: Extractor = {
  name: "classes",
  extract(ctx, claims) {
    const p = ctx.paragraph;
    if (p.canonical !== "5.2") return;
    for (const e of claims) {
      if (e.kind !== "enumeration" || e.row !== p.row) continue;
      for (const it of e.items) {
        const lab = cleanItemLabel(it.label).replace(ENUMERATOR, "");
        const core = classCore(lab.replace(/（类）/g, ""));
        const form = lab.replace(/（类）/g, "\u0000").replace(/\s/g, "");
        const coreWritten = squeeze(lab.replace(/（类）/g, "")).replace(/支出$/, "");
        const cls: ClassClaim = {
          kind: "class",
          ...ctx.base,
          start: it.amount.start,
          end: it.amount.end,
          text: lab,
          core,
          form: form.replace(coreWritten, "X").replace("\u0000", "（类）"),
          code: CLASS_BY_NAME.get(core),
          amount: it.amount,
        };
        claims.push(cls);
      }
    }
  },
};
