/**
 * Meaning-preserving rewrites of a 情况说明, as departments really vary their writing: half-width punctuation,
 * spaces around numbers, 万元 amounts written in 元 with thousands separators, another numbering style,
 * paragraphs split at a sentence end or merged. The checker must read the same claims and reach the same
 * findings of weight after any of them (test/narrative/metamorphic.test.ts).
 */
import Decimal from "decimal.js";

export interface Rewrite {
  halfWidth: boolean;
  spaces: boolean;
  /** Write every n-th 万元 amount in 元 (0 = none). */
  yuanEvery: number;
  numbering: boolean;
  /** Split the paragraph at this index (mod count) at its first inner sentence end; -1 = none. */
  split: number;
  /** Merge this paragraph (mod count) with the next body paragraph; -1 = none. */
  merge: number;
}

const HALF: [RegExp, string][] = [
  [/，/g, ","],
  [/；/g, ";"],
  [/：/g, ":"],
  [/（/g, "("],
  [/）/g, ")"],
];

function withThousands(d: Decimal): string {
  const [int, frac] = d.toFixed(2).split(".");
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
}

/** A heading or a numbered line: not merged into the paragraph before it. */
const HEADING = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、]|（\d+）)/u;

export function rewriteText(paragraphs: string[], r: Rewrite): string[] {
  let ps = [...paragraphs];
  if (r.merge >= 0 && ps.length > 2) {
    const i = r.merge % (ps.length - 1);
    if (!HEADING.test(ps[i + 1].trim()) && !HEADING.test(ps[i].trim()) && /[。]$/.test(ps[i].trim())) ps.splice(i, 2, ps[i] + ps[i + 1]);
  }
  if (r.split >= 0 && ps.length > 1) {
    const i = r.split % ps.length;
    const t = ps[i];
    const cut = t.indexOf("。");
    // Only between two sentences of a body paragraph, never inside a list or at its end.
    if (cut > 0 && cut < t.length - 1 && !HEADING.test(t.slice(cut + 1).trim()) && !/其中[:：]?$/.test(t.slice(0, cut))) ps.splice(i, 1, t.slice(0, cut + 1), t.slice(cut + 1));
  }
  let k = 0;
  ps = ps.map((p) => {
    let t = p;
    if (r.yuanEvery > 0) {
      t = t.replace(/(\d+(?:\.\d+)?)万元(?!\s*(?:（含）)?\s*以[上下])/g, (m, n: string) => (k++ % r.yuanEvery === 0 ? `${withThousands(new Decimal(n).times(10000))}元` : m));
    }
    if (r.spaces) t = t.replace(/([\u4e00-\u9fa5])(\d)/g, "$1 $2").replace(/(\d)(万元|元)/g, "$1 $2");
    if (r.numbering) t = t.replace(/^(\d+)([.、])(?=\D)/, (_m, n: string, sep: string) => `${n}${sep === "." ? "、" : "."}`);
    if (r.halfWidth) for (const [re, to] of HALF) t = t.replace(re, to);
    return t;
  });
  return ps;
}
