/** Every report rule module, in the order its findings are listed. A new rule family is a module here plus its entries in the rule data. */
import type { Finding } from "../../findings";
import { basicItems } from "./basicItems";
import { brackets } from "./brackets";
import { classRenderingRule } from "./classRendering";
import { disclosure } from "./disclosure";
import { emptyTables } from "./emptyTables";
import { execNoBudget } from "./execNoBudget";
import { enumerationLists } from "./enumerationLists";
import { execZeroBudget } from "./execZeroBudget";
import { extraTables } from "./extraTables";
import { glossary } from "./glossary";
import { halfwidthPunct } from "./halfwidthPunct";
import { percentDecimals } from "./percentDecimals";
import { percentSign } from "./percentSign";
import { procurement } from "./procurement";
import { formText } from "./formText";
import { missingUnit } from "./missingUnit";
import { numbering } from "./numbering";
import { outdatedNames } from "./outdatedNames";
import { reportYear } from "./reportYear";
import { residue } from "./residue";
import { sectionSums } from "./sectionSums";
import { subjectItems } from "./subjectItems";
import { subjectItemNames } from "./subjectItemNames";
import { subjectNames } from "./subjectNames";
import { subjectGrouping } from "./subjectGrouping";
import { tableSheets } from "./tableSheets";
import { termAlias } from "./termAlias";
import type { TextRule } from "./textRule";
import type { ReportRule, RuleContext } from "./types";
import { unitName } from "./unitName";
import { wording } from "./wording";

export const REPORT_RULES: ReportRule[] = [tableSheets, emptyTables, reportYear, subjectItems, subjectItemNames, basicItems, procurement, wording, formText, subjectNames, extraTables, sectionSums, execNoBudget, unitName, disclosure, percentSign];

/**
 * The narrative text rules, run by checkNarrativeText on the parsed text alone (they read no table), in the order
 * their findings are listed. Each is a ReportRule too; they are not in REPORT_RULES so that they run once.
 */
export const NARRATIVE_TEXT_RULES: TextRule[] = [residue, outdatedNames, missingUnit, numbering, execZeroBudget, halfwidthPunct, brackets, classRenderingRule, glossary, termAlias, enumerationLists, percentDecimals, subjectGrouping];

export function runReportRules(ctx: RuleContext, rules: ReportRule[] = REPORT_RULES): Finding[] {
  return rules.flatMap((r) => r.check(ctx));
}

export type { ReportRule, RuleContext } from "./types";
