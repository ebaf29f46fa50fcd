/**
 * Enumerations: the items after “其中：” / “主要用于以下方面：” (until the sentence end or the next marker), with the
 * total before the marker; and a run of “X万元，占Y%” without a marker (七(二)).
 *
 * Depends on the amount and share claims of the paragraph (read from the claims array: the `figures` extractor,
 * token readers `amounts` and `shares`, runs before). ./classes.ts reads the enumerations this produces.
 */
import type { AmountClaim, EnumerationItem, ShareClaim } from "../types";
import { classCode, classCore, cleanItemLabel, type Extractor, ownClaims, sentenceEnd, sentenceIndex, squeeze } from "./util";

const SANGONG_KEYS: [RegExp, string][] = [
  [/出国/, "abroad"],
  [/公务用车/, "vehicle"],
  [/接待/, "reception"],
];

function sangongKey(s: string): string | null {
  for (const [re, k] of SANGONG_KEYS) if (re.test(s)) return k;
  return null;
}

function lastEnd(a: AmountClaim, shares: ShareClaim[]): number {
  return shares.find((s) => s.of === a)?.end ?? a.end;
}

function enumItem(a: AmountClaim, shares: ShareClaim[], canonical: string): EnumerationItem {
  const label = cleanItemLabel(a.label);
  let key = label;
  if (canonical === "5.2") key = classCode(label.replace(/（类）/g, "")) ?? classCore(label.replace(/（类）/g, ""));
  else if (canonical === "7.2") key = sangongKey(label) ?? label;
  return { label, key, amount: a, share: shares.find((s) => s.of === a) ?? null };
}

export const enumerations: Extractor = {
  name: "enumerations",
  extract(ctx, claims) {
    const { text, span, starts } = ctx;
    const canonical = ctx.paragraph.canonical;
    const amounts = ownClaims(ctx, claims, "amount");
    const shares = ownClaims(ctx, claims, "share");

    // after 其中：/主要用于以下方面：, until the sentence end or the next marker
    const markerRe = /(其中\s*[：:，,]|主要用于以下方面\s*[：:]?|主要用于\s*[：:])/gu;
    const markers = text.includes("其中") || text.includes("主要用于") ? [...text.matchAll(markerRe)] : [];
    const claimedItems = new Set<AmountClaim>();
    for (let k = 0; k < markers.length; k++) {
      const ms = markers[k].index!;
      const me = ms + markers[k][0].length;
      const stop = Math.min(sentenceEnd(text, me), k + 1 < markers.length ? markers[k + 1].index! : text.length);
      const itemsA = amounts.filter((a) => a.start >= me && a.start < stop);
      const before = amounts.filter((a) => a.end <= ms && sentenceIndex(starts, a.start) === sentenceIndex(starts, ms));
      const total = before.length ? before[before.length - 1] : null;
      if (itemsA.length < 2 && !(itemsA.length === 1 && total)) continue;
      const items = itemsA.map((a) => enumItem(a, shares, canonical));
      itemsA.forEach((a) => claimedItems.add(a));
      claims.push({
        kind: "enumeration",
        ...span(total ? total.start : ms, lastEnd(itemsA[itemsA.length - 1], shares)),
        marker: squeeze(markers[k][0]),
        total,
        items,
      });
    }

    // a run of "X万元，占Y%" without a marker (七(二))
    const bySentence = new Map<number, AmountClaim[]>();
    for (const a of amounts) {
      if (claimedItems.has(a)) continue;
      if (!shares.some((s) => s.of === a && s.denominator === "")) continue;
      const k = sentenceIndex(starts, a.start);
      bySentence.set(k, [...(bySentence.get(k) ?? []), a]);
    }
    for (const list of bySentence.values()) {
      if (list.length < 2) continue;
      claims.push({
        kind: "enumeration",
        ...span(list[0].start, shares.find((s) => s.of === list[list.length - 1])?.end ?? list[list.length - 1].end),
        marker: "",
        total: null,
        items: list.map((a) => enumItem(a, shares, canonical)),
      });
    }
  },
};
