/**
 * The narrative text rules (template residue, names, units, numbering, punctuation, 名词解释…) need only the parsed
 * 情况说明, never the tables: their context is the part of RuleContext they read, so `checkNarrativeText` can run them
 * on a parsed text alone, and each is still a ReportRule.
 */
import type { Finding } from "../../findings";
import type { ParsedParagraph } from "../../narrative/types";
import type { RuleContext } from "./types";

export type TextRuleContext = Pick<RuleContext, "parsed" | "sheet" | "year" | "template" | "on"> & {
  /** The text was pasted or read from a file (NarrativeCheckOptions.pasted): its charts cannot be seen. */
  pasted?: boolean;
};

export interface TextRule {
  /** The rule ids this module may report (each must exist in the rule data). */
  ids: string[];
  check(ctx: TextRuleContext): Finding[];
}

/** 1 → 一, 12 → 十二 (src/narrative/numerals.ts). */
export { chineseCounting as cn } from "../../narrative/numerals";

/** The clause (between ，。；) around a span, for a finding's text. */
export function clauseAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !/[，。；;！？\n]/.test(text[s - 1]) && start - s < 40) s--;
  let e = end;
  while (e < text.length && !/[，。；;！？\n]/.test(text[e]) && e - end < 40) e++;
  return text.slice(s, e).trim();
}

/** The paragraphs that hold text. */
export function textParagraphs(ctx: TextRuleContext): ParsedParagraph[] {
  return ctx.parsed ? ctx.parsed.paragraphs.filter((p) => p.kind !== "empty") : [];
}
