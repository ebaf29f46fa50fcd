/** Table location overrides stored in the workbook settings under OVERRIDES_SETTING. */
import { OVERRIDES_SETTING, TABLE_KEYS, type TableKey, type TableOverrides } from "../model/types";
import { parseA1 } from "../workbook/snapshot";

/** Reads overrides from workbook settings (the value may be an object or its JSON text). Invalid entries are dropped. */
export function parseOverrides(settings: Record<string, unknown> | undefined | null): TableOverrides {
  let raw = settings?.[OVERRIDES_SETTING];
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      return {};
    }
  }
  const out: TableOverrides = {};
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return out;
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (!(TABLE_KEYS as string[]).includes(k) || !v || typeof v !== "object") continue;
    const o = v as { sheet?: unknown; titleCell?: unknown };
    if (typeof o.sheet !== "string" || o.sheet === "") continue;
    const entry: { sheet: string; titleCell?: string } = { sheet: o.sheet };
    if (typeof o.titleCell === "string" && parseA1(o.titleCell)) entry.titleCell = o.titleCell.toUpperCase().replace(/\$/g, "");
    out[k as TableKey] = entry;
  }
  return out;
}

/** The settings value for OVERRIDES_SETTING (JSON text, keys in table order). */
export function serialiseOverrides(overrides: TableOverrides): string {
  const ordered: TableOverrides = {};
  for (const k of TABLE_KEYS) if (overrides[k]) ordered[k] = overrides[k];
  return JSON.stringify(ordered);
}
