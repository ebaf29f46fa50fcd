/**
 * Sums of the tables beyond the nine (src/data/tables.json `sums` of the entries with extra: true):
 * 合计 = Σ 类 = Σ 款 = Σ 项 per column, a column total = Σ its columns per row, a row total = Σ its rows.
 * A difference within the display tail of DOMAIN §0 (万元 tables) is 尾差 (信息); more, or any in a 元 table, is 错误.
 * A cell that could not be read is never taken as 0: the sum it belongs to is not checked.
 */
import type Decimal from "decimal.js";
import type { Finding } from "../../findings";
import type { ExtraTable, Figure, TableRow } from "../../model/types";
import { tailTolerance } from "../../money/calc";
import { sum } from "../../money/decimal";
import { formatNumber } from "../../money/format";
import { narrativeFinding } from "../../narrative/catalogue";
import { EXTRA_TABLE_DEFS, type ExtraSum } from "../../reader/extraTables";
import type { ReportRule, RuleContext } from "./types";

const fmt = (d: Decimal) => formatNumber(d, "fixed2");

interface Check {
  total: Figure;
  parts: Figure[];
  minus?: Figure[];
  what: string;
}

function value(r: TableRow, col: string): Figure | undefined | null {
  if (r.unreadable?.[col]) return null;
  return r.values[col];
}

function checksOf(t: ExtraTable, s: ExtraSum): Check[] {
  const rows = t.table.rows;
  const out: Check[] = [];
  const name = (r: TableRow) => (r.code ? `${r.code}${r.label}` : r.label);
  if (s.kind === "hierarchy") {
    const levels = s.levels ?? ["total", "lei", "kuan"];
    const coded = rows.filter((r) => r.code && (r.level === "lei" || r.level === "kuan" || r.level === "xiang"));
    const childrenOf = (p: TableRow): TableRow[] => {
      if (p.level === "total") return coded.filter((r) => r.level === "lei");
      if (p.level === "lei") return coded.filter((r) => r.level === "kuan" && r.code!.startsWith(p.code!));
      if (p.level === "kuan") return coded.filter((r) => r.level === "xiang" && r.code!.startsWith(p.code!));
      return [];
    };
    for (const p of rows) {
      if (!p.level || !levels.includes(p.level as "total" | "lei" | "kuan")) continue;
      const kids = childrenOf(p);
      if (!kids.length) continue;
      for (const col of s.columns) {
        const total = value(p, col);
        const parts = kids.map((k) => value(k, col));
        if (!total || parts.some((x) => x === null)) continue;
        const present = parts.filter((x): x is Figure => x !== undefined);
        if (!present.length) continue;
        out.push({ total, parts: present, what: `${name(p)}（${header(t, col)}）与其下级科目之和` });
      }
    }
  } else if (s.kind === "columns") {
    for (const r of rows) {
      const total = value(r, s.total);
      const plus = s.plus.map((c) => value(r, c));
      const minus = (s.minus ?? []).map((c) => value(r, c));
      if (!total || [...plus, ...minus].some((x) => x === null || x === undefined)) continue;
      out.push({ total, parts: plus as Figure[], minus: minus as Figure[], what: `${name(r)}的${header(t, s.total)}与${[...s.plus.map((c) => header(t, c)), ...(s.minus ?? []).map((c) => `减${header(t, c)}`)].join("、")}` });
    }
  } else {
    const byKey = (k: string) => rows.find((r) => r.key === k);
    const tr = byKey(s.total);
    const prs = s.parts.map(byKey);
    if (!tr || prs.some((x) => !x)) return out;
    for (const col of s.columns) {
      const total = value(tr, col);
      const parts = prs.map((r) => value(r!, col));
      if (!total || parts.some((x) => x === null || x === undefined)) continue;
      out.push({ total, parts: parts as Figure[], what: `${tr.label}（${header(t, col)}）与${prs.map((r) => r!.label).join("、")}之和` });
    }
  }
  return out;
}

function header(t: ExtraTable, col: string): string {
  return t.table.columns.find((c) => c.key === col)?.header ?? col;
}

export const extraTables: ReportRule = {
  ids: ["XT-foot", "XT-foot-tail"],
  check(ctx: RuleContext) {
    const out: Finding[] = [];
    for (const t of ctx.model.extraTables ?? []) {
      const def = EXTRA_TABLE_DEFS[t.id];
      if (!def) continue;
      for (const s of def.sums) {
        for (const c of checksOf(t, s)) {
          const raw = sum(c.parts.map((p) => p.raw)).minus(sum((c.minus ?? []).map((p) => p.raw)));
          const diff = raw.minus(c.total.raw);
          if (diff.isZero()) continue;
          const n = c.parts.length + (c.minus?.length ?? 0);
          const tail = t.table.unit === "万元" && diff.abs().lte(tailTolerance(n));
          const id = tail ? "XT-foot-tail" : "XT-foot";
          if (!ctx.on(id)) continue;
          out.push({
            ...narrativeFinding(id, t.table.sheet, {
              row: 0,
              text: c.what,
              slots: { table: t.name, what: c.what, total: fmt(c.total.raw), sum: fmt(raw), difference: fmt(diff.abs()), unit: t.table.unit },
              stated: fmt(c.total.raw),
              expected: fmt(raw),
              difference: fmt(diff),
            }),
            row: undefined,
            cell: c.total.source.cell,
            subject: `${t.id}/${c.what}`,
          });
        }
      }
    }
    return out;
  },
};
