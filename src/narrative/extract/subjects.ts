/**
 * 科目 paths (“X（类）Y（款）Z（项）”), with the amount, budget and execution rate written after each, up to the next
 * path (五(三)).
 *
 * Depends on the amount and execution claims of the paragraph (read from the claims array: the `figures` extractor,
 * token readers `amounts` and `executions`, runs before).
 */
import type { SubjectClaim } from "../types";
import { type Extractor, ownClaims, squeeze, SUBJECT_RE } from "./util";

/** “决算数小于（年初）预算数”, “决算数与预算数（基本）持平”: how the item's 决算 compares with its 预算. */
const COMPARISON = /决算数?\s*(大于|高于|超过|多于|小于|低于|少于|等于)\s*(?:年初|全年|调整后?)?预算数?|决算数?\s*(?:与|同)\s*(?:年初|全年|调整后?)?预算数?\s*(基本)?\s*(持平|一致|相等|相同)/u;
const WORD_DIR: Record<string, "over" | "under" | "equal"> = {
  大于: "over", 高于: "over", 超过: "over", 多于: "over", 小于: "under", 低于: "under", 少于: "under", 等于: "equal",
  持平: "equal", 一致: "equal", 相等: "equal", 相同: "equal",
};
/** “主要用于：…” up to the sentence end: what the item was spent on. */
const USE = /主要用于[:：]?([^。]*)/u;

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
      // Only the text of this item: up to the next 科目 path of the paragraph.
      const body = text.slice(e, next);
      const cmp = COMPARISON.exec(body);
      if (cmp) {
        sc.comparison = { direction: WORD_DIR[cmp[1] ?? cmp[3]], basic: cmp[2] === "基本", text: cmp[0].replace(/\s+/g, ""), start: e + cmp.index, end: e + cmp.index + cmp[0].length };
      }
      const use = USE.exec(body);
      if (use) sc.use = { words: use[1], start: e + use.index + use[0].length - use[1].length };
      claims.push(sc);
    }
  },
};
