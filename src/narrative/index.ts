export * from "./types";
export { parseNarrative, OUTLINES, currentName, classCore, classCode, subjectKey } from "./parse";
export { NARRATIVE_SLOTS, SAME_QUANTITY, FOOTS, assignSlots } from "./slots";
export type { SlotDef, SameQuantityDef, FootDef } from "./slots";
export { TEXT_RULES, textRule, ruleApplies } from "./catalogue";
export { paragraphsFromSheet, paragraphsFromText, findNarrativeSheet, NARRATIVE_SHEET_NAME } from "./paragraphs";
export { checkNarrativeText } from "../checks/text";
export { checkNarrativeSelf } from "../checks/narrativeSelf";
