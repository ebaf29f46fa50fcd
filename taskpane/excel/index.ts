/**
 * The one module of the task pane that talks to Excel (Excel.run). Components get data and callbacks
 * built from these functions and never touch Excel themselves. Every function takes an optional host
 * (the global Excel by default; test/fake-excel in tests and browser previews) and rejects only with
 * JuesuanError, whose message is Chinese and meant for the user.
 */
export type { ExcelHost } from "./host";
export { getExcel } from "./host";
export { readWorkbookSnapshot, forgetWorkbook, knownSheetNames, parseMerges, INTERNAL_SHEET_PREFIX } from "./read";
export type { ReadNotice, ReadOptions } from "./read";
export { navigateTo, hiddenSheet } from "./navigate";
export { loadSettings, saveSetting, deleteSetting } from "./settings";
export { writeNarrativeSheet, narrativeSheetState, GENERATED_SHEET, SOURCES_SHEET, CHART_NAME_PREFIX, CHART_DATA_LABEL, CHART_DATA_COL, oldVersionName } from "./narrative";
export type { NarrativeChart, NarrativeParagraph, NarrativeSheetState, NarrativeSource, ParagraphStyle, WriteNarrativeOptions, WriteNarrativeResult } from "./narrative";
export { toUserMessage, toAdapterError, ExcelAdapterError } from "./errors";
export { parseAddress, splitSheet } from "./address";
export { writeCells, addSheetWithCells, primeSheetNames, uniqueSheetName } from "./cells";
export type { CellWrite } from "./cells";
