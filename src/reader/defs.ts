/** Compiled table-recognition data (src/data/tables.json). */
import tablesData from "../data/tables.json";
import type { TableKey, TableRow } from "../model/types";
import { normaliseLabel, titleKey } from "./labels";

type Side = NonNullable<TableRow["side"]>;

interface RawColumnDef {
  key: string;
  side?: Side;
  all: string[];
  none?: string[];
}
interface RawRowDef {
  key: string;
  side?: Side;
  anySide?: boolean;
  after?: string[];
  labels: string[];
}
interface RawTableDef {
  name: string;
  titles: string[];
  twoSided?: boolean;
  sides?: Record<string, Side>;
  blockSides?: Side[];
  leiFromName?: Side;
  economic?: boolean;
  unlabelled?: boolean;
  unlabelledRowKey?: string;
  columns: RawColumnDef[];
  rows: RawRowDef[];
}

export interface ColumnDef {
  key: string;
  side?: Side;
  all: RegExp[];
  none: RegExp[];
}
export interface RowDef {
  key: string;
  side?: Side;
  anySide: boolean;
  after?: string[];
}
export interface TableDef {
  key: TableKey;
  name: string;
  titles: string[];
  titleKeys: string[];
  twoSided: boolean;
  sides: Map<string, Side>;
  blockSides: Side[];
  leiFromName?: Side;
  economic: boolean;
  unlabelled: boolean;
  unlabelledRowKey?: string;
  columns: ColumnDef[];
  /** normalised label → row definitions carrying it (sub-row definitions first). */
  rowsByLabel: Map<string, RowDef[]>;
}

const raw = tablesData as unknown as {
  notePatterns: string[];
  emptyNotePatterns: string[];
  metaPatterns: string[];
  codeHeader: string[];
  splitCodeHeaders: Record<string, "lei" | "kuan" | "xiang">;
  labelHeader: string[];
  seqHeader: string[];
  totalLabels: string[];
  tables: Record<TableKey, RawTableDef>;
  templates: Record<string, { titleVariants: Partial<Record<TableKey, string[]>>; fromYear: number }>;
};

const re = (list: string[]) => list.map((s) => new RegExp(s));

export const NOTE_PATTERNS = re(raw.notePatterns);
export const EMPTY_NOTE_PATTERNS = re(raw.emptyNotePatterns);
export const META_PATTERNS = re(raw.metaPatterns);
export const CODE_HEADER = re(raw.codeHeader);
export const SPLIT_CODE_HEADERS = new Map(Object.entries(raw.splitCodeHeaders));
export const LABEL_HEADER = re(raw.labelHeader);
export const SEQ_HEADER = re(raw.seqHeader);
export const TOTAL_LABELS = new Set(raw.totalLabels.map((l) => normaliseLabel(l)));

function compile(key: TableKey, t: RawTableDef): TableDef {
  const rowsByLabel = new Map<string, RowDef[]>();
  // Sub-row definitions ("after") are listed first so that they win when their condition holds.
  const ordered = [...t.rows].sort((a, b) => Number(!a.after) - Number(!b.after));
  for (const r of ordered) {
    for (const l of r.labels) {
      const k = normaliseLabel(l);
      const list = rowsByLabel.get(k) ?? [];
      list.push({ key: r.key, side: r.side, anySide: Boolean(r.anySide), after: r.after });
      rowsByLabel.set(k, list);
    }
  }
  return {
    key,
    name: t.name,
    titles: t.titles,
    titleKeys: t.titles.map(titleKey),
    twoSided: Boolean(t.twoSided),
    sides: new Map(Object.entries(t.sides ?? {}).map(([w, s]) => [normaliseLabel(w), s])),
    blockSides: t.blockSides ?? [],
    leiFromName: t.leiFromName,
    economic: Boolean(t.economic),
    unlabelled: Boolean(t.unlabelled),
    unlabelledRowKey: t.unlabelledRowKey,
    columns: t.columns.map((c) => ({ key: c.key, side: c.side, all: re(c.all), none: re(c.none ?? []) })),
    rowsByLabel,
  };
}

export const TABLE_DEFS: Record<TableKey, TableDef> = Object.fromEntries(
  (Object.keys(raw.tables) as TableKey[]).map((k) => [k, compile(k, raw.tables[k])]),
) as Record<TableKey, TableDef>;

/** Every title variant, longest first: the order in which a title cell is tested. */
export const TITLE_VARIANTS: { key: TableKey; variant: string; title: string }[] = (Object.values(TABLE_DEFS) as TableDef[])
  .flatMap((d) => d.titleKeys.map((v, i) => ({ key: d.key, variant: v, title: d.titles[i] })))
  .sort((a, b) => b.variant.length - a.variant.length);

export const TEMPLATE_RULES = Object.fromEntries(
  Object.entries(raw.templates).map(([id, t]) => [
    id,
    {
      fromYear: t.fromYear,
      titleVariants: Object.fromEntries(Object.entries(t.titleVariants).map(([k, v]) => [k, (v ?? []).map(titleKey)])) as Partial<Record<TableKey, string[]>>,
    },
  ]),
);

/** "公开05表（一般公共预算财政拨款支出决算表）" for messages. */
export function tableDisplayName(key: TableKey): string {
  const d = TABLE_DEFS[key];
  return `${d.name}（${d.titles[0].replace("三公", "“三公”")}）`;
}
