import type { Finding } from "../findings";
import terms from "../data/narrative/terms.json";
import { narrativeFinding, ruleApplies } from "../narrative/catalogue";
import { NARRATIVE_TEXT_RULES } from "./rules";
import type { TextRuleContext } from "./rules/textRule";
import { classCore, cnNumber, currentName, squeeze } from "../narrative/parse";
import type {
  ClassClaim,
  NarrativeCheckOptions,
  NarrativeTemplate,
  ParsedNarrative,
  ParsedParagraph,
  SubjectClaim,
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

  out.push(...classRendering(parsed, sheet, on));
  out.push(...glossaryRules(parsed, sheet, on));

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

function classRendering(parsed: ParsedNarrative, sheet: string, on: (id: string) => boolean): Finding[] {
  const out: Finding[] = [];
  if (!on("N-class-rendering")) return out;
  // within the 五(二) list
  const byRow = new Map<number, ClassClaim[]>();
  for (const c of parsed.claims) if (c.kind === "class") byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  for (const list of byRow.values()) {
    const count = new Map<string, number>();
    for (const c of list) count.set(c.form, (count.get(c.form) ?? 0) + 1);
    if (count.size < 2) continue;
    const usual = [...count.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const odd = list.filter((c) => c.form !== usual);
    out.push(
      narrativeFinding("N-class-rendering", sheet, {
        row: odd[0].row,
        text: odd.map((c) => c.text).join("、"),
        slots: { stated: odd.map((c) => c.text).join("、"), where: "同一列举中其他类", usual: usual.replace("X", list.find((c) => c.form === usual)!.core) },
      }),
    );
  }
  // 科目 paths: 类 written with or without 支出
  const body = parsed.claims.filter((c): c is SubjectClaim => c.kind === "subject" && c.canonical !== "glossary");
  const subjects = [...body, ...glossarySubjects(parsed)];
  const bodyStyle = body.length ? (body.filter((s) => /支出$/.test(s.lei)).length * 2 > body.length ? "支出" : "") : null;
  // A 五（三）item writing its 类 unlike most of the others is itself the odd one (not the 名词解释 that follows the rest).
  const withZhichu = body.filter((s) => /支出$/.test(s.lei)).length;
  const oddInBody = (s: SubjectClaim) => (withZhichu * 2 > body.length && !/支出$/.test(s.lei)) || (withZhichu * 2 < body.length && /支出$/.test(s.lei));
  const usualByCore = new Map<string, string>();
  for (const s of body) {
    if (oddInBody(s)) {
      const w = currentName(s.lei);
      out.push(narrativeFinding("N-class-rendering", sheet, { row: s.row, text: s.text, slots: { stated: `${s.lei}（类）`, where: "五（三）其他各项", usual: `${bodyStyle === "支出" ? `${w}支出` : w.replace(/支出$/, "")}（类）` } }));
    } else if (!usualByCore.has(classCore(s.lei))) usualByCore.set(classCore(s.lei), currentName(s.lei));
  }
  for (const s of subjects) {
    if (s.canonical !== "glossary") continue;
    const usual = usualByCore.get(classCore(s.lei));
    const written = currentName(s.lei);
    if (usual !== undefined && usual !== written) {
      out.push(narrativeFinding("N-class-rendering", sheet, { row: s.row, text: s.text, slots: { stated: `${s.lei}（类）`, where: "五（三）", usual: `${usual}（类）` } }));
    } else if (usual === undefined && bodyStyle !== null && /支出$/.test(written) !== (bodyStyle === "支出")) {
      const exp = bodyStyle === "支出" ? `${written}支出` : written.replace(/支出$/, "");
      out.push(narrativeFinding("N-class-rendering", sheet, { row: s.row, text: s.text, slots: { stated: `${s.lei}（类）`, where: "五（三）", usual: `${exp}（类）` } }));
    }
  }
  return out;
}

function glossarySubjects(parsed: ParsedNarrative): SubjectClaim[] {
  const out: SubjectClaim[] = [];
  for (const c of parsed.claims) if (c.kind === "glossary" && c.subject) out.push(c.subject);
  return out;
}

function pathOf(s: SubjectClaim): string {
  return `${s.lei}（类）${s.kuan}（款）${s.xiang}（项）`;
}

function glossaryRules(parsed: ParsedNarrative, sheet: string, on: (id: string) => boolean): Finding[] {
  const out: Finding[] = [];
  const glossaryPart = parsed.parts.find((p) => p.part === "glossary");
  if (!glossaryPart) return out;
  const body = parsed.claims.filter((c): c is SubjectClaim => c.kind === "subject" && c.canonical === "5.3");
  const gloss = glossarySubjects(parsed);
  const norm = (x: string) => currentName(squeeze(x));
  for (const b of body) {
    const sameItem = gloss.filter((g) => norm(g.xiang) === norm(b.xiang) && (classCore(g.lei) === classCore(b.lei) || norm(g.kuan) === norm(b.kuan)));
    const exact = sameItem.find((g) => norm(g.kuan) === norm(b.kuan) && classCore(g.lei) === classCore(b.lei));
    if (!sameItem.length) {
      if (on("N-glossary-missing"))
        out.push(narrativeFinding("N-glossary-missing", sheet, { row: glossaryPart.row, text: pathOf(b), slots: { subject: pathOf(b) }, expected: pathOf(b) }));
      continue;
    }
    if (!exact && on("N-glossary-name")) {
      const g = sameItem[0];
      out.push(narrativeFinding("N-glossary-name", sheet, { row: g.row, text: g.text, slots: { stated: pathOf(g), expected: pathOf(b) }, stated: pathOf(g), expected: pathOf(b) }));
    }
  }
  void cnNumber;
  return out;
}
