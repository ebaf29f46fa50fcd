import type { Finding } from "../findings";
import { ruleApplies } from "../narrative/catalogue";
import type { NarrativeCheckOptions, NarrativeTemplate, ParsedNarrative } from "../narrative/types";
import { NARRATIVE_TEXT_RULES } from "./rules";
import type { TextRuleContext } from "./rules/textRule";

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
 * Each family is a module of NARRATIVE_TEXT_RULES (src/checks/rules), run here in their listed order.
 */
export function checkNarrativeText(parsed: ParsedNarrative, options: NarrativeCheckOptions = {}): Finding[] {
  const { sheet, year, template } = contextOf(parsed, options);
  const ctx: TextRuleContext = { parsed, sheet, year, template, pasted: options.pasted === true, on: (id: string) => ruleApplies(id, year, template) };
  return NARRATIVE_TEXT_RULES.flatMap((rule) => rule.check(ctx));
}
