import type { Finding } from "../findings";
import terms from "../data/narrative/terms.json";
import { narrativeFinding, ruleApplies } from "../narrative/catalogue";
import { NARRATIVE_TEXT_RULES } from "./rules";
import type { TextRuleContext } from "./rules/textRule";
import type {
  NarrativeCheckOptions,
  NarrativeTemplate,
  ParsedNarrative,
  ParsedParagraph,
} from "../narrative/types";

/** The clause (between ，。；) around a span, for a finding's text. */
function clauseAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !/[，。；;！？\n]/.test(text[s - 1]) && start - s < 40) s--;
  let e = end;
  while (e < text.length && !/[，。；;！？\n]/.test(text[e]) && e - end < 40) e++;
  return text.slice(s, e).trim();
}

function contextOf(parsed: ParsedNarrative, options: NarrativeCheckOptions) {
  return {
    sheet: options.sheet ?? "情况说明",
    year: options.year ?? parsed.year,
    template: (options.template ?? parsed.template) as NarrativeTemplate,
  };
}

/**
 * Text rules of the 情况说明 (DOMAIN §3.3, §4.1): template residue, chart markers, outdated
 * 科目 names, missing units, numbering, punctuation, 名词解释 coverage. Needs no tables.
 */
export function checkNarrativeText(parsed: ParsedNarrative, options: NarrativeCheckOptions = {}): Finding[] {
  const { sheet, year, template } = contextOf(parsed, options);
  const out: Finding[] = [];
  const on = (id: string) => ruleApplies(id, year, template);
  const textParas = parsed.paragraphs.filter((p) => p.kind !== "empty");
  const ctx: TextRuleContext = { parsed, sheet, year, template, on };
  // the rule families moved to their own modules, in the order this function listed them
  for (const rule of NARRATIVE_TEXT_RULES) out.push(...rule.check(ctx));

  // term aliases
  if (on("N-term-alias")) {
    for (const p of textParas) {
      for (const a of terms.termAliases) {
        for (const v of a.variants) {
          const i = p.text.indexOf(v);
          if (i < 0) continue;
          out.push(narrativeFinding("N-term-alias", sheet, { row: p.row, text: clauseAround(p.text, i, i + v.length), slots: { stated: v, expected: a.preferred }, stated: v, expected: a.preferred }));
        }
      }
    }
  }

  // 五(二) lists zero classes; share formats; 五(三) grouping
  for (const c of parsed.claims) {
    if (c.kind !== "enumeration") continue;
    if (c.canonical === "5.2" && on("N-zero-class")) {
      const zeros = c.items.filter((i) => i.amount.value.isZero());
      if (zeros.length)
        out.push(
          narrativeFinding("N-zero-class", sheet, {
            row: c.row,
            text: zeros.map((z) => z.amount.text).join("；"),
            slots: { stated: zeros.map((z) => z.label).join("、") },
          }),
        );
    }
    if (on("N-share-format")) {
      const sh = c.items.map((i) => i.share).filter((s): s is NonNullable<typeof s> => s !== null);
      if (sh.some((s) => s.decimals === 2)) {
        for (const s of sh) {
          if (s.decimals === 2 || s.value.isZero() || s.value.eq(100)) continue;
          const exp = `${s.value.toFixed(2)}%`;
          out.push(narrativeFinding("N-share-format", sheet, { row: s.row, text: s.text, slots: { stated: s.raw, expected: exp }, stated: s.raw, expected: exp }));
        }
      }
    }
  }
  if (on("N-subject-grouping")) {
    const per = new Map<number, { p: ParsedParagraph; n: number }>();
    for (const p of parsed.paragraphs) if (p.canonical === "5.3" && p.numbering?.style === "arabic") per.set(p.row, { p, n: 0 });
    for (const c of parsed.claims) if (c.kind === "subject" && per.has(c.row)) per.get(c.row)!.n++;
    const list = [...per.values()].filter((x) => x.n > 0);
    const singles = list.filter((x) => x.n === 1).length;
    if (singles > 0) {
      for (const x of list) {
        if (x.n <= 1) continue;
        out.push(narrativeFinding("N-subject-grouping", sheet, { row: x.p.row, text: x.p.text.trim().slice(0, 40), slots: { marker: x.p.numbering!.value, count: x.n } }));
      }
    }
  }
  return out;
}
