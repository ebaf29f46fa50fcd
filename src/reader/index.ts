export { readReport, matchTitle, type ReadOptions } from "./recognise";
export { parseOverrides, serialiseOverrides } from "./overrides";
export { findRow, fig, rowsAt, keyFigures, t05Items, wan2, KEY_FIGURES, type KeyFigure, type T05Item } from "./figures";
export { normaliseLabel, normaliseCode, codeLevel, compactText, titleKey, splitCodeFromLabel, cellText } from "./labels";
export { subjectName, subjectEntry, outdatedName, leiCodeByName, allSubjects } from "./subjects";
export { supplementItem } from "./supplement";
export { tableDisplayName } from "./defs";
export { readerFindings, unreadableText, duplicateText } from "./findings";
