/**
 * 六 基本支出: the items listed after “人员经费…主要包括：” and “公用经费…主要包括：” against the 款 of 公开06表 —
 * an item named that is blank or 0 in the table (warning), a non-zero 款 not named (info). Names the table does
 * not have are left alone (an abbreviation is not an error). An amount stated for a 款 (“基本工资26.94万元”) equals
 * the table's (N-basic-item-amount).
 */
import type { Finding } from "../../findings";
import { round } from "../../money/decimal";
import { formatNumber } from "../../money/format";
import { narrativeFinding } from "../../narrative/catalogue";
import type { TableRow } from "../../model/types";
import { normaliseLabel } from "../../reader/labels";
import type { ReportRule } from "./types";

const GROUPS = [
  { side: "personnel" as const, name: "人员经费", re: /人员经费[^。；;]{0,30}?主要包括[:：]/u },
  { side: "public" as const, name: "公用经费", re: /(?:日常)?公用经费[^。；;]{0,30}?主要包括[:：]/u },
];

export const basicItems: ReportRule = {
  ids: ["N-basic-item-zero", "N-basic-item-missing", "N-basic-item-amount", "N-basic-item-group"],
  check(ctx) {
    const out: Finding[] = [];
    const t06 = ctx.model.tables.T06;
    if (!ctx.parsed || !t06) return out;
    const kuan = t06.rows.filter((r) => r.level === "kuan" && r.code && r.values.amount);
    // “主要包括基本工资26.94万元、绩效工资35.43万元”: an amount whose label ends with one 款 name of 公开06表 is that 款's.
    if (ctx.on("N-basic-item-amount")) {
      const names = kuan.map((r) => ({ row: r, name: normaliseLabel(r.label) })).sort((a, b) => b.name.length - a.name.length);
      for (const c of ctx.parsed.claims) {
        if (c.kind !== "amount" || c.canonical !== "6" || c.slot || c.role === "budget" || c.role === "prior") continue;
        const label = normaliseLabel(c.label ?? "").replace(/(?:支出)?(?:决算)?(?:数)?(?:为|是|[:：])?$/u, "");
        const hit = names.find((n) => label.endsWith(n.name) && (label.length === n.name.length || /[，、：:；包括其中为]$/u.test(label.slice(0, label.length - n.name.length))));
        if (!hit) continue;
        const fig = hit.row.values.amount;
        const table = round(fig.wan, 2);
        const stated = c.value;
        if (stated.eq(table) || (c.decimals > 2 && round(stated, 2).eq(table)) || (c.decimals < 2 && round(table, c.decimals).eq(stated))) continue;
        const diff = stated.minus(table).abs();
        out.push(
          narrativeFinding("N-basic-item-amount", ctx.sheet, {
            row: c.row,
            text: c.text,
            severity: diff.lte("0.01") ? "warning" : undefined,
            slots: { item: hit.row.label, stated: formatNumber(stated, "fixed2"), expected: formatNumber(table, "fixed2"), cell: `${fig.source.sheet}!${fig.source.cell}` },
            stated: formatNumber(stated, "fixed2"),
            expected: formatNumber(table, "fixed2"),
            difference: formatNumber(stated.minus(table), "fixed2"),
          }),
        );
      }
    }
    for (const p of ctx.parsed.paragraphs) {
      if (p.canonical !== "6") continue;
      for (const g of GROUPS) {
        const m = g.re.exec(p.text);
        if (!m) continue;
        const start = m.index + m[0].length;
        const endRel = p.text.slice(start).search(/[；;。]|日常公用经费|公用经费\d/u);
        const list = p.text.slice(start, endRel < 0 ? undefined : start + endRel);
        const names = list.split(/[、，,]/u).map((s) => s.trim().replace(/等$/u, "")).filter((s) => s.length >= 2);
        if (names.length < 2) continue;
        const own = kuan.filter((r) => r.side === g.side);
        const byName = new Map<string, TableRow>(own.map((r) => [normaliseLabel(r.label), r]));
        // An item of the other group of 公开06表 (“人员经费…主要包括：基本工资、公务接待费”): listed under the wrong one.
        const other = new Map<string, TableRow>(kuan.filter((r) => r.side !== g.side && r.side !== undefined).map((r) => [normaliseLabel(r.label), r]));
        const misplaced = names.filter((n) => !byName.has(normaliseLabel(n)) && other.has(normaliseLabel(n)));
        if (misplaced.length && ctx.on("N-basic-item-group")) {
          const rows = misplaced.map((n) => other.get(normaliseLabel(n))!);
          out.push(
            narrativeFinding("N-basic-item-group", ctx.sheet, {
              row: p.row,
              text: misplaced.join("、"),
              slots: {
                group: g.name,
                item: misplaced.join("、"),
                otherGroup: g.side === "personnel" ? "公用经费" : "人员经费",
                codes: rows.map((r) => r.code).join("、"),
                sheet: t06.sheet,
              },
              stated: misplaced.join("、"),
            }),
          );
        }
        const named = new Set<TableRow>();
        const zero: { name: string; row: TableRow }[] = [];
        for (const n of names) {
          const row = byName.get(normaliseLabel(n));
          if (!row) continue;
          named.add(row);
          if (row.values.amount.wan.isZero()) zero.push({ name: n, row });
        }
        // One finding per list: a template list pasted whole is one mistake, not one per item.
        if (zero.length && ctx.on("N-basic-item-zero")) {
          const cells = zero.map((z) => z.row.values.amount.source.cell).join("、");
          out.push(
            narrativeFinding("N-basic-item-zero", ctx.sheet, {
              row: p.row,
              text: zero.map((z) => z.name).join("、"),
              slots: { group: g.name, item: zero.map((z) => z.name).join("、"), cell: cells, sheet: t06.sheet },
              stated: zero.map((z) => z.name).join("、"),
            }),
          );
        }
        // Only a list that names at least half of the table's items is meant to be complete.
        const nonZero = own.filter((r) => !r.values.amount.wan.isZero());
        if (!ctx.on("N-basic-item-missing") || named.size * 2 < nonZero.length) continue;
        const missing = nonZero.filter((r) => !named.has(r));
        if (missing.length === 0) continue;
        out.push(
          narrativeFinding("N-basic-item-missing", ctx.sheet, {
            row: p.row,
            text: list.slice(0, 40),
            slots: { group: g.name, items: missing.map((r) => `${r.label}${formatNumber(r.values.amount.wan, "fixed2")}万元`).join("、") },
          }),
        );
      }
    }
    return out;
  },
};
