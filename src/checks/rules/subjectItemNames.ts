/**
 * 五（三）per-项 explanations name their 科目 (“社会保障和就业支出（类）行政事业单位养老支出（款）…（项）”) as 公开05表 does.
 * An item whose path is not a row of 公开05表 is matched by what it says it spent: the one 项 of the same 类 whose
 * 支出决算 equals the item's (a 五（二）类 likewise, N-class-name). Only a unique match is reported (提示, naming the 款/项 the table has there); an item that
 * matches no row, or several, is said at 信息 as not checked — a name is never guessed.
 */
import type { Finding } from "../../findings";
import { round } from "../../money/decimal";
import { formatNumber } from "../../money/format";
import type { TableRow } from "../../model/types";
import { narrativeFinding } from "../../narrative/catalogue";
import { normaliseLabel } from "../../reader/labels";
import type { ReportRule } from "./types";
import { xiangRowByNames } from "./util";

const n = (s: string) => normaliseLabel(s).replace(/支出$/u, "");
const path = (lei: string, kuan: string, xiang: string) => `${lei}（类）${kuan}（款）${xiang}（项）`;

export const subjectItemNames: ReportRule = {
  ids: ["N-item-name", "N-item-unmatched", "N-class-name"],
  check(ctx) {
    const out: Finding[] = [];
    const t05 = ctx.model.tables.T05;
    if (!ctx.parsed || !t05) return out;
    const byCode = new Map(t05.rows.filter((r) => r.code).map((r) => [r.code!, r]));
    // 五（二）类 names: a name that is no 类 of 公开05表 (“社会保障与就业支出”), matched by its amount to the one 类 that has it.
    const leiRows = t05.rows.filter((r) => r.level === "lei" && r.code);
    for (const c of ctx.parsed.claims) {
      if (c.kind !== "class" || c.canonical !== "5.2" || !c.amount || (c.code && /^\d+$/u.test(c.code))) continue;
      if (leiRows.some((r) => n(r.label) === n(c.core))) continue;
      // Only a name: not a list's own words (“金额分别为”) nor nothing.
      if (c.core.length < 2 || /分别|金额|合计|其中|用于|以下/u.test(c.core)) continue;
      const same = leiRows.filter((r) => r.values.total && round(r.values.total.wan, 2).eq(c.amount!.value) && !r.values.total.wan.isZero());
      if (same.length !== 1 || !ctx.on("N-class-name")) continue;
      const fig = same[0].values.total!;
      out.push({
        ...narrativeFinding("N-class-name", ctx.sheet, {
          row: c.row,
          text: c.text,
          slots: { stated: c.text.replace(/[\d.,，]+万元.*$/u, ""), expected: same[0].label, code: same[0].code!, cell: `${fig.source.sheet}!${fig.source.cell}`, amount: formatNumber(c.amount.value, "fixed2") },
          stated: c.core,
          expected: same[0].label,
        }),
        subject: `5.2/${same[0].code}/name`,
      });
    }
    for (const s of ctx.parsed.claims) {
      if (s.kind !== "subject" || s.canonical !== "5.3" || s.code) continue;
      if (xiangRowByNames(t05, s.lei, s.kuan, s.xiang)) continue;
      const stated = path(s.lei, s.kuan, s.xiang);
      const lei = t05.rows.filter((r) => r.level === "lei" && r.code && n(r.label) === n(s.lei));
      const candidates: TableRow[] =
        lei.length === 1 && s.amount
          ? t05.rows.filter((r) => {
              const fig = r.values.total;
              return r.level === "xiang" && r.code?.startsWith(lei[0].code!) && fig && !fig.wan.isZero() && round(fig.wan, 2).eq(s.amount!.value);
            })
          : [];
      if (candidates.length === 1 && s.amount) {
        const row = candidates[0];
        const kuan = byCode.get(row.code!.slice(0, 5));
        const expected = path(lei[0].label, kuan?.label ?? s.kuan, row.label);
        const parts = [kuan && n(kuan.label) !== n(s.kuan) ? `款“${kuan.label}”` : "", n(row.label) !== n(s.xiang) ? `项“${row.label}”` : ""].filter(Boolean).join("、");
        if (!parts || !ctx.on("N-item-name")) continue;
        const fig = row.values.total!;
        out.push({
          ...narrativeFinding("N-item-name", ctx.sheet, {
            row: s.row,
            text: s.text.replace(/^[、.．,，\s]+/u, ""),
            slots: { stated, amount: formatNumber(s.amount.value, "fixed2"), code: row.code!, parts, cell: `${fig.source.sheet}!${fig.source.cell}` },
            stated,
            expected,
          }),
          subject: `5.3/${row.code}/name`,
        });
      } else if (ctx.on("N-item-unmatched")) {
        out.push(
          narrativeFinding("N-item-unmatched", ctx.sheet, {
            row: s.row,
            text: s.text.replace(/^[、.．,，\s]+/u, ""),
            slots: { stated, why: candidates.length > 1 ? "表中有多个支出决算数相同的项" : "表中没有同名的项，也没有支出决算数相同的项" },
            stated,
          }),
        );
      }
    }
    return out;
  },
};
