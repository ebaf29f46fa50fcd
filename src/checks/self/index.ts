/**
 * The rules of the 情况说明 against itself, run by checkNarrativeSelf (src/checks/narrativeSelf.ts) in the order their
 * findings are listed. A new family is a module here plus its entries in the rule data (src/data/rules/text.json).
 */
import { changeReasons } from "./changeReasons";
import { enumerations } from "./enumerations";
import { execRates } from "./execRates";
import { execution } from "./execution";
import { footTotals } from "./foot";
import { projectCounts } from "./projectCounts";
import { sameQuantity } from "./sameQuantity";
import type { SelfRule } from "./selfRule";
import { shares } from "./shares";
import { yoy } from "./yoy";

export const NARRATIVE_SELF_RULES: SelfRule[] = [enumerations, shares, yoy, sameQuantity, footTotals, execution, changeReasons, execRates, projectCounts];

export type { SelfRule, SelfRuleContext } from "./selfRule";
