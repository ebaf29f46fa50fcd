import type { Finding } from "../findings";
import { ruleApplies } from "../narrative/catalogue";
import type { AmountClaim, Claim, NarrativeCheckOptions, NarrativeTemplate, ParsedNarrative, SubjectClaim } from "../narrative/types";
import { NARRATIVE_SELF_RULES, type SelfRuleContext } from "./self";
import { amountsBySlot } from "./self/util";

/** What every self rule reads, built once: the options and the maps of claims several families share. */
export function selfRuleContext(parsed: ParsedNarrative, options: NarrativeCheckOptions = {}): SelfRuleContext {
  const year = options.year ?? parsed.year;
  const template = (options.template ?? parsed.template) as NarrativeTemplate;
  const slots = amountsBySlot(parsed);
  const bodyRows = parsed.paragraphs.filter((p) => p.kind !== "empty").map((p) => p.row);
  const listTotals = new Set<AmountClaim>();
  for (const e of parsed.claims) if (e.kind === "enumeration" && e.total && e.items.length >= 2 && e.marker !== "") listTotals.add(e.total);
  return {
    parsed,
    sheet: options.sheet ?? "情况说明",
    year,
    template,
    on: (id: string) => ruleApplies(id, year, template),
    amountsBySlot: slots,
    first: (slot: string) => slots.get(slot)?.[0],
    nextRow: new Map(bodyRows.map((r, i) => [r, bodyRows[i + 1]])),
    unstated53: parsed.claims.filter((c): c is SubjectClaim => c.kind === "subject" && c.canonical === "5.3" && c.amount === null),
    listTotals,
  };
}

/**
 * The narrative against itself (text-only mode needs no tables): share lists, YoY rates and
 * directions, the same figure printed twice, totals that do not foot, execution rates,
 * missing reasons and the 十(四) project counts (P-11).
 * Each family is a module of NARRATIVE_SELF_RULES (src/checks/self), run here in their listed order.
 */
export function checkNarrativeSelf(parsed: ParsedNarrative, options: NarrativeCheckOptions = {}): Finding[] {
  const ctx = selfRuleContext(parsed, options);
  return NARRATIVE_SELF_RULES.flatMap((rule) => rule.check(ctx));
}

export type { Claim };
