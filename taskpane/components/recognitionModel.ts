/** Pure logic of the 识别 tab: sheet choices and the overrides to save. */
import type { RecognitionReport, TableKey, TableOverrides } from "../../src/model/types";
import { TABLE_KEYS } from "../../src/model/types";

/** Sheet names for the dropdowns: the workbook's list when given, else every sheet the report names. Order kept, no duplicates. */
export function sheetChoices(recognition: RecognitionReport, sheetNames?: string[]): string[] {
  const names: string[] = [];
  const add = (s: string | undefined) => {
    if (s && !names.includes(s)) names.push(s);
  };
  if (sheetNames && sheetNames.length > 0) sheetNames.forEach(add);
  else {
    recognition.tables.forEach((t) => add(t.sheet));
    add(recognition.supplement?.sheet);
    add(recognition.narrative?.sheet);
    recognition.forms.forEach((f) => add(f.sheet));
    recognition.unclassifiedRows.forEach((r) => add(r.sheet));
    recognition.unknownSupplementLabels.forEach((r) => add(r.sheet));
  }
  return names;
}

/** The overrides to save: those already in effect (tables found by override) plus the user's new choices; "" removes one. */
export function mergeOverrides(recognition: RecognitionReport, choices: Partial<Record<TableKey, string>>): TableOverrides {
  const out: TableOverrides = {};
  for (const t of recognition.tables) if (t.byOverride) out[t.key] = { sheet: t.sheet };
  for (const key of TABLE_KEYS) {
    const c = choices[key];
    if (c === undefined) continue;
    if (c === "") delete out[key];
    else out[key] = { sheet: c };
  }
  return out;
}

/** True when the user's choices differ from what is in effect. */
export function overridesChanged(recognition: RecognitionReport, choices: Partial<Record<TableKey, string>>): boolean {
  const before = mergeOverrides(recognition, {});
  const after = mergeOverrides(recognition, choices);
  return TABLE_KEYS.some((k) => before[k]?.sheet !== after[k]?.sheet);
}
