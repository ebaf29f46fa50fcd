/** Access helpers over a ReportModel: rows by key or code, figures by row and column, the key figures. */
import type Decimal from "decimal.js";
import type { Figure, ReportModel, Source, TableKey, TableModel, TableRow } from "../model/types";
import { D, round } from "../money/decimal";

type Side = NonNullable<TableRow["side"]>;

/** A row by semantic key ("incomeTotal"), by code ("2013399"), or "total"; optionally on one side. */
export function findRow(table: TableModel | undefined, keyOrCode: string, side?: Side): TableRow | undefined {
  if (!table) return undefined;
  const byCode = /^\d+$/.test(keyOrCode);
  return table.rows.find((r) => (byCode ? r.code === keyOrCode : r.key === keyOrCode) && (side === undefined || r.side === side));
}

/** The figure of a row and column, e.g. fig(T05, "total", "basic"), fig(T03, "2013399", "project"). */
export function fig(table: TableModel | undefined, rowKeyOrCode: string, colKey: string, side?: Side): Figure | undefined {
  return findRow(table, rowKeyOrCode, side)?.values[colKey];
}

/** Rows of a level ("lei" | "kuan" | "xiang"), in table order. */
export function rowsAt(table: TableModel | undefined, level: TableRow["level"]): TableRow[] {
  return table ? table.rows.filter((r) => r.level === level) : [];
}

/** 万元 with exactly two decimals, half-up ("236.01"). */
export function wan2(value: Decimal): string {
  return round(value, 2).toFixed(2);
}

export interface KeyFigure {
  /** Exact value in 万元. */
  value: Decimal;
  source: Source;
}

/** The figures of `juesuan inspect --json`, in display order, with where each comes from. */
export const KEY_FIGURES: { name: string; table: TableKey; row: string; col: string; side?: Side }[] = [
  { name: "收入总计", table: "T01", row: "incomeGrandTotal", col: "amount" },
  { name: "本年收入合计", table: "T01", row: "incomeTotal", col: "amount" },
  { name: "使用非财政拨款结余", table: "T01", row: "useNonFiscalBalance", col: "amount" },
  { name: "年初结转和结余", table: "T01", row: "beginBalance", col: "amount" },
  { name: "本年支出合计", table: "T01", row: "expenseTotal", col: "amount" },
  { name: "基本支出", table: "T03", row: "total", col: "basic" },
  { name: "项目支出", table: "T03", row: "total", col: "project" },
  { name: "结余分配", table: "T01", row: "balanceDistribution", col: "amount" },
  { name: "年末结转和结余", table: "T01", row: "endBalance", col: "amount" },
  { name: "财政拨款收入支出总计", table: "T04", row: "incomeGrandTotal", col: "amount" },
  { name: "一般公共预算财政拨款支出", table: "T05", row: "total", col: "total" },
  { name: "人员经费", table: "T06", row: "personnelTotal", col: "amount" },
  { name: "公用经费", table: "T06", row: "publicTotal", col: "amount" },
  { name: "三公经费预算", table: "T07", row: "data", col: "budgetTotal" },
  { name: "三公经费决算", table: "T07", row: "data", col: "finalTotal" },
];

/** The 15 key figures (null where the table or row is missing). */
export function keyFigures(model: ReportModel): Record<string, KeyFigure | null> {
  const out: Record<string, KeyFigure | null> = {};
  for (const k of KEY_FIGURES) {
    const f = fig(model.tables[k.table], k.row, k.col, k.side);
    out[k.name] = f ? { value: new D(f.wan), source: f.source } : null;
  }
  return out;
}

export interface T05Item {
  code: string;
  name: string;
  total: Decimal;
  basic: Decimal;
  project: Decimal;
  row: TableRow;
}

/** The 项 (7-digit) rows of 公开05表 with their amounts in 万元 (blank = 0). */
export function t05Items(model: ReportModel): T05Item[] {
  const zero = new D(0);
  return rowsAt(model.tables.T05, "xiang").map((r) => ({
    code: r.code as string,
    name: r.label,
    total: r.values.total ? new D(r.values.total.wan) : zero,
    basic: r.values.basic ? new D(r.values.basic.wan) : zero,
    project: r.values.project ? new D(r.values.project.wan) : zero,
    row: r,
  }));
}
