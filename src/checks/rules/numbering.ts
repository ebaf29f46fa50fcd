/**
 * Numbering of the text: 一是、二是、四是 and 1. 2. 4. gaps, mixed separators, section headings without their
 * number or out of sequence, part headings without their number.
 */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import { OUTLINES } from "../../narrative/parse";
import type { NarrativeTemplate, Numbering, ParsedNarrative, ParsedParagraph } from "../../narrative/types";
import { cn, type TextRule } from "./textRule";

export const numbering: TextRule = {
  ids: ["N-numbering-gap", "N-numbering-style", "N-heading-number", "N-part-heading"],
  check(ctx) {
    const out: Finding[] = [];
    const parsed = ctx.parsed;
    if (!parsed) return out;
    const { sheet, template, on } = ctx;
    // 一是、二是、四是
    if (on("N-numbering-gap")) {
      for (const c of parsed.claims) {
        if (c.kind !== "enumMarkers") continue;
        const gap = firstGap(c.values);
        if (gap === null) continue;
        out.push(
          narrativeFinding("N-numbering-gap", sheet, {
            row: c.row,
            text: c.markers.join("…"),
            slots: { sequence: c.markers.join("、"), missing: `${cn(gap)}是` },
            stated: c.markers.join("、"),
          }),
        );
      }
      out.push(...paragraphNumbering(parsed, sheet));
    }
    if (on("N-heading-number") || on("N-numbering-gap")) out.push(...headingNumbering(parsed, sheet, template));
    if (on("N-part-heading")) {
      const numbers = OUTLINES[template]?.partNumbers ?? {};
      for (const pt of parsed.parts) {
        if (pt.numbered || !numbers[pt.part]) continue;
        out.push(narrativeFinding("N-part-heading", sheet, { row: pt.row, text: pt.text.trim(), slots: { title: pt.text.trim(), expected: numbers[pt.part] } }));
      }
    }
    return out;
  },
};

function firstGap(values: number[]): number | null {
  let expect = 1;
  for (const v of values) {
    if (v !== expect) return v > expect ? expect : null;
    expect++;
  }
  return null;
}

/** Paragraph ordinals (1. 2. …, （1）（2）…) within each section: gaps and mixed separators. */
function paragraphNumbering(parsed: ParsedNarrative, sheet: string): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<string, { p: ParsedParagraph; n: Numbering }[]>();
  for (const p of parsed.paragraphs) {
    if (!p.numbering || p.kind === "heading" || p.kind === "part") continue;
    if (p.numbering.style !== "arabic" && p.numbering.style !== "arabicParen") continue;
    const fam = p.kind === "subheading" ? "sub" : p.numbering.style;
    const key = `${p.section}|${fam}`;
    groups.set(key, [...(groups.get(key) ?? []), { p, n: p.numbering }]);
  }
  for (const list of groups.values()) {
    let prev = 0;
    for (const { p, n } of list) {
      if (n.value !== prev + 1 && n.value > prev + 1) {
        const missing = Array.from({ length: n.value - prev - 1 }, (_, i) => String(prev + 1 + i));
        out.push(
          narrativeFinding("N-numbering-gap", sheet, {
            row: p.row,
            text: p.text.trim().slice(0, 30),
            slots: { sequence: `${prev === 0 ? "" : prev + "→"}${n.value}`, missing: missing.join("、") },
          }),
        );
      }
      prev = n.value;
    }
    // separators: 8、 among 1. 2. …
    const seps = list.map((x) => x.n.separator ?? "").filter((s) => s);
    if (seps.length >= 3) {
      const count = new Map<string, number>();
      for (const s of seps) count.set(s, (count.get(s) ?? 0) + 1);
      const usual = [...count.entries()].sort((a, b) => b[1] - a[1])[0][0];
      for (const { p, n } of list) {
        if (!n.separator || n.separator === usual) continue;
        out.push(narrativeFinding("N-numbering-style", sheet, { row: p.row, text: p.text.trim().slice(0, 30), slots: { marker: n.marker, usual: `${n.value}${usual}` } }));
      }
    }
  }
  return out;
}

/** 一、二、… of the sections, and （一）（二）… within each. */
function headingNumbering(parsed: ParsedNarrative, sheet: string, template: NarrativeTemplate): Finding[] {
  const out: Finding[] = [];
  const report = parsed.sections.filter((s) => s.part === "report");
  // A text without any part heading (“第三部分…”) that starts at “五、” is an excerpt: what comes before it is unknown.
  const excerpt = parsed.parts.length === 0;
  const check = (list: typeof report, paren: boolean) => {
    let prev = 0;
    for (const s of list) {
      const expected = prev + 1;
      if (prev === 0 && !paren && excerpt && s.numbering) {
        prev = s.numbering.value;
        continue;
      }
      if (!s.numbering) {
        const exp = paren ? `（${cn(expected)}）` : `${cn(expected)}、`;
        out.push(narrativeFinding("N-heading-number", sheet, { row: s.row, text: s.title, slots: { title: s.title, expected: exp + s.title }, expected: exp }));
        prev = expected;
        continue;
      }
      if (s.numbering.value > expected) {
        const missing = Array.from({ length: s.numbering.value - expected }, (_, i) => (paren ? `（${cn(expected + i)}）` : `${cn(expected + i)}、`));
        out.push(
          narrativeFinding("N-numbering-gap", sheet, {
            row: s.row,
            text: `${s.numbering.marker}${s.title}`,
            slots: { sequence: `${prev ? cn(prev) + "→" : ""}${cn(s.numbering.value)}`, missing: missing.join("") },
          }),
        );
      }
      prev = s.numbering.value;
    }
  };
  void template;
  check(report.filter((s) => s.level === 1), false);
  const parents = new Set(report.filter((s) => s.level === 2).map((s) => s.id.split(".")[0]));
  for (const par of parents) check(report.filter((s) => s.level === 2 && s.id.split(".")[0] === par), true);
  return out;
}
