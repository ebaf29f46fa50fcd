/** The 补充数据 sheet: header found by its words, amounts converted from 元 when the sheet says so, counts never. */
import supplementData from "../data/supplement.json";
import type { Figure, Supplement, SupplementRow, UnreadableCell } from "../model/types";
import { isImplausible, unreadableCell } from "./cells";
import { convert, type Unit, unitFromText } from "../money/units";
import { tryParseAmount } from "../money/parse";
import { a1 } from "../workbook/snapshot";
import { cellText, codeDigits, isCode, normaliseLabel } from "./labels";
import type { SheetIndex } from "./table";

type ColKey = "label" | "code" | "current" | "prior" | "budget" | "reason";
const raw = supplementData as unknown as {
  sheetNames: string[];
  columns: Record<ColKey, string[]>;
  countPatterns: string[];
  items: { key: string; kind: "amount" | "count"; aliases: string[] }[];
};
const COLUMN_PATTERNS = (Object.entries(raw.columns) as [ColKey, string[]][]).map(([k, l]) => [k, l.map((s) => new RegExp(s))] as const);
const COUNT_PATTERNS = raw.countPatterns.map((s) => new RegExp(s));
const ITEMS = new Map<string, { key: string; kind: "amount" | "count" }>();
for (const it of raw.items) for (const l of [it.key, ...it.aliases]) ITEMS.set(normaliseLabel(l), { key: it.key, kind: it.kind });

export const SUPPLEMENT_SHEET_NAMES = raw.sheetNames;

/** The dictionary entry of a 补充数据 label (after normalisation), if known. */
export function supplementItem(label: string): { key: string; kind: "amount" | "count" } | undefined {
  return ITEMS.get(normaliseLabel(label));
}

export interface SupplementHeader {
  row: number;
  cols: Partial<Record<ColKey, number>>;
}

/** Finds the header row (项目 + at least one of 本年数/上年数/预算数) in the first rows of a sheet. */
export function findSupplementHeader(ix: SheetIndex, maxRows = 20): SupplementHeader | null {
  for (let r = ix.top; r < Math.min(ix.bottom, ix.top + maxRows); r++) {
    const cols: Partial<Record<ColKey, number>> = {};
    for (const [c, v] of ix.rowCells(r)) {
      const t = normaliseLabel(cellText(v));
      for (const [k, pats] of COLUMN_PATTERNS) {
        if (cols[k] === undefined && pats.some((p) => p.test(t))) {
          cols[k] = c;
          break;
        }
      }
    }
    if (cols.label !== undefined && (cols.current !== undefined || cols.prior !== undefined || cols.budget !== undefined)) return { row: r, cols };
  }
  return null;
}

export interface ParsedSupplement {
  supplement: Supplement;
  unknown: { sheet: string; row: number; label: string }[];
  messages: string[];
  unreadable: UnreadableCell[];
}

export function readSupplement(ix: SheetIndex, header: SupplementHeader): ParsedSupplement {
  const sheet = ix.sheet.name;
  const messages: string[] = [];
  let unit: Unit = "万元";
  for (let r = ix.top; r < header.row; r++) {
    for (const [, v] of ix.rowCells(r)) {
      const u = unitFromText(cellText(v));
      if (u) unit = u;
    }
  }
  const rows: SupplementRow[] = [];
  const unknown: ParsedSupplement["unknown"] = [];
  const unreadable: UnreadableCell[] = [];
  const { cols } = header;
  for (let r = header.row + 1; r < ix.bottom; r++) {
    const rawLabel = cols.label !== undefined ? cellText(ix.at(r, cols.label)) : "";
    const codeText = cols.code !== undefined ? codeDigits(ix.at(r, cols.code)) : null;
    const code = codeText && isCode(codeText) ? codeText : undefined;
    const label = normaliseLabel(rawLabel);
    if (!label && !code) continue;
    const item = label ? ITEMS.get(label) : undefined;
    const kind: "amount" | "count" = item?.kind ?? (code ? "amount" : COUNT_PATTERNS.some((p) => p.test(label)) ? "count" : "amount");
    const row: SupplementRow = { label, rawLabel, kind, row: r + 1 };
    if (item) row.key = item.key;
    if (code) row.code = code;
    for (const k of ["current", "prior", "budget"] as const) {
      const c = cols[k];
      if (c === undefined) continue;
      const v = ix.at(r, c);
      if (v === null || (typeof v === "string" && v.trim() === "")) continue; // blank: not given
      const p = tryParseAmount(v);
      const wan = p && kind === "amount" ? convert(p.value, p.unit ?? unit, "万元") : p?.value;
      if (!p || !wan || isImplausible(wan)) {
        // Unknown, never 0: recorded for the findings; the figure stays absent.
        const u = unreadableCell(v, sheet, a1(r, c));
        (row.unreadable ??= {})[k] = u;
        unreadable.push(u);
        continue;
      }
      const fig: Figure =
        kind === "amount"
          ? { wan: convert(p.value, p.unit ?? unit, "万元"), raw: p.value, unit, source: { sheet, cell: a1(r, c) } }
          : { wan: p.value, raw: p.value, unit, source: { sheet, cell: a1(r, c) } };
      if (p.implicitZero) fig.implicitZero = true;
      row[k] = fig;
    }
    if (cols.reason !== undefined) {
      const t = cellText(ix.at(r, cols.reason));
      if (t.trim()) {
        row.reason = t;
        row.reasonSource = { sheet, cell: a1(r, cols.reason) };
      }
    }
    if (!item && !code) unknown.push({ sheet, row: r + 1, label: rawLabel.trim() });
    rows.push(row);
  }
  return { supplement: { sheet, unit, rows }, unknown, messages, unreadable };
}
