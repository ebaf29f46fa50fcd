/**
 * The rules of the 情况说明 against itself (feet of totals, shares, YoY changes, execution rates, the same figure
 * printed twice, project counts) need only the parsed text, never the tables. Each family is one module of
 * NARRATIVE_SELF_RULES (./index.ts) over a SelfRuleContext that checkNarrativeSelf builds once; its ids,
 * severities, applicability and messages are in the rule data (src/data/rules/text.json).
 */
import type { Finding } from "../../findings";
import type { AmountClaim, NarrativeTemplate, ParsedNarrative, SubjectClaim } from "../../narrative/types";

export interface SelfRuleContext {
  parsed: ParsedNarrative;
  /** Sheet name for findings. */
  sheet: string;
  year: number | null;
  template: NarrativeTemplate;
  /** Is the rule on for this year and template (rule data `applies`)? */
  on(id: string): boolean;
  /** Amount claims with a slot, by slot, in text order. */
  amountsBySlot: Map<string, AmountClaim[]>;
  /** The first amount claim of a slot. */
  first(slot: string): AmountClaim | undefined;
  /** The next paragraph holding text after a row (a reason may stand there). */
  nextRow: Map<number, number | undefined>;
  /** 五（三）items listed without their 决算数 (“年初预算为A万元，完成年初预算的r%”). */
  unstated53: SubjectClaim[];
  /** Totals of enumeration lists that the list rule foots with their own items (not footed again across paragraphs). */
  listTotals: Set<AmountClaim>;
}

export interface SelfRule {
  /** The rule ids this module may report (each must exist in the rule data). */
  ids: string[];
  check(ctx: SelfRuleContext): Finding[];
}
