/**
 * The text rules over what the generator copies from the user's cells (reasons, purposes, 实际完成情况):
 * it is printed as written, never reworded, but what the rules find in it (a doubled word, an outdated
 * 科目 name, half-width punctuation, template residue) is put on the span as `notes`, for the pane to mark.
 * The rules that apply are data (src/data/templates/copied-text.json).
 */
import { checkNarrativeText } from "../checks/text";
import { wording } from "../checks/rules/wording";
import type { ReportModel, TemplateId } from "../model/types";
import copiedText from "../data/templates/copied-text.json";
import { ruleApplies } from "./catalogue";
import type { GeneratedNarrative } from "./generateTypes";
import { parseNarrative } from "./parse";

const RULES = new Set(copiedText.rules);

/** Chinese messages of the text rules that find something in one copied text (empty when none). */
export function copiedTextNotes(text: string, year: number, template: TemplateId, model: ReportModel): string[] {
  if (text.trim() === "") return [];
  const parsed = parseNarrative([{ row: 1, text }], { year, template });
  const on = (id: string) => RULES.has(id) && ruleApplies(id, year, template);
  const sheet = "情况说明（生成）";
  const found = [
    ...checkNarrativeText(parsed, { year, template, sheet }),
    ...wording.check({ model, snapshot: { sheets: [] }, parsed, sheet, year, template, excerpt: true, on }),
  ].filter((f) => RULES.has(f.rule));
  return [...new Set(found.map((f) => f.message))];
}

/** Puts the notes on every copied span of a generated narrative (in place; returns it). */
export function markCopiedText(n: GeneratedNarrative, model: ReportModel): GeneratedNarrative {
  const memo = new Map<string, string[]>();
  for (const p of n.paragraphs) {
    for (const s of p.spans) {
      if (!s.copied) continue;
      let notes = memo.get(s.text);
      if (!notes) memo.set(s.text, (notes = copiedTextNotes(s.text, n.year, n.template, model)));
      if (notes.length > 0) s.notes = notes;
    }
  }
  return n;
}
