import type Decimal from "decimal.js";
import type { Unit } from "../money/units";

/** Where a value came from: a sheet and an A1 address. Every figure keeps one. */
export interface Source {
  sheet: string;
  cell: string;
}

export type TableKey = "T01" | "T02" | "T03" | "T04" | "T05" | "T06" | "T07" | "T08" | "T09";
export const TABLE_KEYS: TableKey[] = ["T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09"];

/** Layout family / narrative template: Sichuan 2020 (the seed) or the national (Shanghai) 2024 template. */
export type TemplateId = "sichuan-2020" | "national-2024";

/** One amount of a table. */
export interface Figure {
  /** Exact value in 万元 (a 元 table's value divided by 10 000, not rounded). */
  wan: Decimal;
  /** The value exactly as in the table, in the table's unit. */
  raw: Decimal;
  unit: Unit;
  source: Source;
  /** The cell was blank or a dash (meaning 0). */
  implicitZero?: boolean;
}

export type RowLevel = "total" | "lei" | "kuan" | "xiang";

export interface TableRow {
  /** Label with ordinal prefixes ("一、", "（一）", "1.") and all whitespace removed. */
  label: string;
  rawLabel: string;
  /** Functional or economic code normalised to one string (3/5/7 digits for functional 类/款/项). */
  code?: string;
  level?: RowLevel;
  /** Semantic key of a fixed-label row (data/tables.json), e.g. "incomeTotal", "grandTotal". */
  key?: string;
  /** For two-sided tables: which side the row belongs to. */
  side?: "income" | "expense" | "personnel" | "public";
  /** 1-based sheet row. */
  row: number;
  /** By semantic column key (data/tables.json), e.g. "total", "basic", "project", "amount". */
  values: Record<string, Figure>;
  /**
   * Columns whose cell could not be read (formula without a cached value, error value, text, TRUE, a date,
   * an implausible magnitude): the value is unknown, so `values` has no entry for them and checks that
   * need them must be skipped, never computed with 0. The same cells are in recognition.unreadable.
   */
  unreadable?: Record<string, UnreadableCell>;
}

/** A table or 补充数据 cell whose amount cannot be read. */
export interface UnreadableCell {
  sheet: string;
  cell: string;
  /** formula: formula without a cached value; error: #REF! etc.; boolean, date, text: not an amount; magnitude: implausibly large. */
  kind: "formula" | "error" | "boolean" | "date" | "text" | "magnitude";
  /** The cell as written (the formula, the error code, the text), at most 40 characters. */
  text: string;
}

/** A readable amount that is probably wrong (kept and used), e.g. three decimals in a 万元 table. */
export interface SuspiciousCell {
  sheet: string;
  cell: string;
  kind: "decimals";
  text: string;
}

export interface ColumnInfo {
  key: string;
  header: string;
  /** 0-based absolute column. */
  col: number;
  side?: TableRow["side"];
}

export interface TableModel {
  key: TableKey;
  sheet: string;
  title: string;
  titleSource: Source;
  unit: Unit;
  columns: ColumnInfo[];
  rows: TableRow[];
  /** The table says it has no data ("本表无数据"). */
  emptyNote?: string;
}

export interface SupplementRow {
  /** Normalised label. */
  label: string;
  rawLabel: string;
  /** Known item key from data (e.g. "收入支出总计"), absent for unknown labels. */
  key?: string;
  /** "amount" (converted to 万元) or "count" (never converted). */
  kind: "amount" | "count";
  code?: string;
  current?: Figure;
  prior?: Figure;
  budget?: Figure;
  /** Columns (current/prior/budget) whose cell could not be read; absent from the figures above. */
  unreadable?: Partial<Record<"current" | "prior" | "budget", UnreadableCell>>;
  reason?: string;
  reasonSource?: Source;
  row: number;
}

export interface Supplement {
  sheet: string;
  unit: Unit;
  rows: SupplementRow[];
}

export interface NarrativeParagraph {
  /** 1-based row in its sheet (or line number of a pasted text). */
  row: number;
  text: string;
  /** Last line of a pasted text that this paragraph was joined from (lines wrapped as in a PDF); absent = `row`. */
  lastRow?: number;
}

export interface Narrative {
  sheet: string;
  paragraphs: NarrativeParagraph[];
}

export interface FormLocation {
  sheet: string;
  /** A1 address of the cell holding the form title. */
  cell: string;
  title: string;
}

export interface RecognitionReport {
  tables: { key: TableKey; sheet: string; unit: Unit; cell: string; title: string; byOverride?: boolean }[];
  missing: TableKey[];
  unclassifiedRows: { sheet: string; row: number; label: string }[];
  unknownSupplementLabels: { sheet: string; row: number; label: string }[];
  narrative?: { sheet: string; paragraphs: number };
  supplement?: { sheet: string; unit: Unit; rows: number };
  forms: FormLocation[];
  /** Cells of the 情况说明 column whose text could not be read (a formula without a cached value, an error value): not checked. */
  narrativeUnread?: (Source & { text: string })[];
  /** Every amount cell of a chosen table or of 补充数据 that could not be read (its figure is absent, never 0). */
  unreadable?: UnreadableCell[];
  /** Readable amounts that look wrong (three decimals in 万元). */
  suspicious?: SuspiciousCell[];
  /** A table found in more than one place: where it was used, what was skipped and why. */
  duplicates?: { key: TableKey; used: Source & { hidden?: boolean }; skipped: (Source & { hidden?: boolean })[]; reason: string }[];
  /** Chosen tables from which no data row could be read (and that do not say 本表无数据). */
  emptyTables?: TableKey[];
  /** Tables beyond the nine (src/data/tables.json entries with extra: true), recognised and named. */
  extraTables?: { id: string; name: string; sheet: string; cell: string; title: string }[];
  /** Readable Chinese lines for the user. */
  messages: string[];
}

export interface ReportModel {
  /** Report year (from titles, the narrative or 补充数据), if found. */
  year?: number;
  unitName?: string;
  template: TemplateId;
  /** What decided `template`: a national table title, the report year, or nothing (the default). The narrative's own outline may decide when no title did. */
  templateBy?: "title" | "year" | "default" | "narrative";
  tables: Partial<Record<TableKey, TableModel>>;
  supplement?: Supplement;
  narrative?: Narrative;
  forms: FormLocation[];
  recognition: RecognitionReport;
  /** Tables beyond the nine, read like them (their sums are checked by src/checks/rules/extraTables.ts). */
  extraTables?: ExtraTable[];
}

/** A table some sets publish beyond the nine (项目支出决算表, 三公 + 机关运行经费, 基本支出决算明细表…). */
export interface ExtraTable {
  /** Its id in src/data/tables.json (e.g. "X-project"). */
  id: string;
  name: string;
  table: TableModel;
}

/** Where the user says a table is, when recognition fails. Stored in workbook settings under OVERRIDES_SETTING. */
export type TableOverrides = Partial<Record<TableKey, { sheet: string; titleCell?: string }>>;
export const OVERRIDES_SETTING = "juesuan.tableOverrides";
