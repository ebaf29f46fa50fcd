/**
 * Tables beyond the nine 公开表 (src/data/tables.json entries with `extra: true`): Sichuan's 13-table sets
 * (财政拨款支出决算明细表, 一般公共预算财政拨款项目支出决算表, 国有资本经营预算财政拨款收入支出决算表 …), Yunnan's
 * 项目支出决算表 and “三公”经费、行政参公单位机关运行经费情况表, central departments' 基本支出决算明细表.
 * They are found by their titles like the nine (their titles are in the same longest-first list, so that
 * 一般公共预算财政拨款项目支出决算表 is never taken for 支出决算表), read with the same table reader, named from the
 * data, and never count as one of the nine.
 */
import tablesData from "../data/tables.json";
import type { ExtraTable, RecognitionReport, TableKey } from "../model/types";
import { a1 } from "../workbook/snapshot";
import { parseTable, type SheetIndex } from "./table";

export type ExtraSum =
  /** For every numeric column listed: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项 (coded rows); `levels` limits the parents checked. */
  | { kind: "hierarchy"; columns: string[]; levels?: ("total" | "lei" | "kuan")[] }
  /** For every row: column `total` = Σ plus − Σ minus. */
  | { kind: "columns"; total: string; plus: string[]; minus?: string[] }
  /** For each listed column: row `total` = Σ rows `parts` (rows by their data keys). */
  | { kind: "rows"; total: string; parts: string[]; columns: string[] };

export interface ExtraTableDef {
  id: string;
  name: string;
  source?: string;
  titles: string[];
  insteadOf?: { table: TableKey; titles: string[] };
  sums: ExtraSum[];
}

interface RawDef {
  extra?: boolean;
  name: string;
  source?: string;
  titles: string[];
  insteadOf?: { table: TableKey; titles: string[] };
  sums?: ExtraSum[];
}

const RAW = (tablesData as unknown as { tables: Record<string, RawDef> }).tables;

export const EXTRA_TABLE_DEFS: Record<string, ExtraTableDef> = Object.fromEntries(
  Object.entries(RAW)
    .filter(([, d]) => d.extra)
    .map(([id, d]) => [id, { id, name: d.name, source: d.source, titles: d.titles, insteadOf: d.insteadOf, sums: d.sums ?? [] }]),
);

export function isExtraKey(key: string): boolean {
  return key in EXTRA_TABLE_DEFS;
}

interface Hit {
  key: TableKey;
  sheet: number;
  row: number;
  col: number;
  variant: string;
}

/**
 * A title that is both a nine-table's and an extra table's (`insteadOf`) is the extra table when the same
 * workbook has that nine-table under another of its titles; otherwise it stays the nine-table's. Mutates the hits.
 */
export function assignExtraHits(hits: Hit[], titleKey: (s: string) => string): void {
  for (const d of Object.values(EXTRA_TABLE_DEFS)) {
    if (!d.insteadOf) continue;
    const own = new Set(d.insteadOf.titles.map(titleKey));
    const mine = hits.filter((h) => h.key === d.insteadOf!.table && own.has(h.variant));
    const others = hits.filter((h) => h.key === d.insteadOf!.table && !own.has(h.variant));
    if (mine.length && others.length) for (const h of mine) h.key = d.id as TableKey;
  }
}

/** Reads every extra-table title hit (the first readable one of each id; a later one of the same id too when on another sheet). */
export function readExtraTables(
  sheets: SheetIndex[],
  hits: Hit[],
  endRowFor: (si: number, row: number) => number,
): { tables: ExtraTable[]; report: NonNullable<RecognitionReport["extraTables"]>; sheetIndexes: Set<number>; messages: string[] } {
  const tables: ExtraTable[] = [];
  const report: NonNullable<RecognitionReport["extraTables"]> = [];
  const sheetIndexes = new Set<number>();
  const messages: string[] = [];
  const seen = new Set<string>();
  for (const h of hits) {
    const d = EXTRA_TABLE_DEFS[h.key];
    if (!d) continue;
    const at = `${h.sheet}:${h.row}:${h.col}`;
    if (seen.has(at)) continue;
    seen.add(at);
    const parsed = parseTable(sheets[h.sheet], h.key, h.row, h.col, endRowFor(h.sheet, h.row));
    sheetIndexes.add(h.sheet);
    const t = parsed.table;
    tables.push({ id: d.id, name: d.name, table: t });
    report.push({ id: d.id, name: d.name, sheet: t.sheet, cell: a1(h.row, h.col), title: t.title });
    messages.push(`已识别九张公开表以外的${d.name}：工作表“${t.sheet}”${a1(h.row, h.col)}${parsed.valueColumns > 0 ? "" : "（未读到金额列，未核对）"}`);
  }
  return { tables, report, sheetIndexes, messages };
}
