/**
 * A rule family of the report checks: one small module with its logic in `check`, its ids, severities,
 * applicability and messages in the rule data (src/data/rules/text.json), registered in ./index.ts.
 * Rules read the parsed claims and the report model; none re-reads the workbook or re-parses numbers.
 */
import type { Finding } from "../../findings";
import type { ReportModel } from "../../model/types";
import type { NarrativeTemplate, ParsedNarrative } from "../../narrative/types";
import type { WorkbookSnapshot } from "../../workbook/snapshot";

export interface RuleContext {
  model: ReportModel;
  snapshot: WorkbookSnapshot;
  /** The parsed 情况说明, when there is one. */
  parsed?: ParsedNarrative;
  /** Sheet name for narrative findings. */
  sheet: string;
  year: number | null;
  template: NarrativeTemplate;
  /** The narrative is pasted text or an excerpt: sections it lacks are unknown, not missing. */
  excerpt: boolean;
  /** Is the rule on for this report's year and template (rule data `applies`)? */
  on(id: string): boolean;
}

export interface ReportRule {
  /** The rule ids this module may report (each must exist in the rule data). */
  ids: string[];
  check(ctx: RuleContext): Finding[];
}
