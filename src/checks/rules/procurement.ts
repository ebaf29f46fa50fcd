/**
 * 政府采购 in the text: the amounts awarded to 中小企业 (however many sentences state them) are at most the
 * procurement total; within the rounding tail it is a 尾差.
 */
import Decimal from "decimal.js";
import type { Finding } from "../../findings";
import { tailTolerance } from "../../money/calc";
import { formatNumber } from "../../money/format";
import { narrativeFinding } from "../../narrative/catalogue";
import type { AmountClaim } from "../../narrative/types";
import type { ReportRule } from "./types";

/** The sentence of a claim up to the claim. */
function before(text: string, c: AmountClaim): string {
  const head = text.slice(0, c.start);
  const cut = Math.max(head.lastIndexOf("。"), head.lastIndexOf("；"), head.lastIndexOf(";"));
  return head.slice(cut + 1) + c.label;
}

export const procurement: ReportRule = {
  ids: ["N-procurement-sme"],
  check(ctx) {
    const out: Finding[] = [];
    const parsed = ctx.parsed;
    if (!parsed || !ctx.on("N-procurement-sme")) return out;
    const total = parsed.claims.find((c): c is AmountClaim => c.kind === "amount" && c.slot === "10.2.total");
    if (!total) return out;
    const texts = new Map(parsed.paragraphs.map((p) => [p.row, p.text]));
    // Awarded to 中小企业: “授予中小企业合同金额X”, “由中小企业供应商中标或成交的，采购金额X” — not reserved budgets (预留…预算金额), not 小微 (a part of them).
    const awarded = parsed.claims.filter((c): c is AmountClaim => {
      if (c.kind !== "amount" || c.canonical !== "10.2" || c.role === "budget") return false;
      const s = before(texts.get(c.row) ?? "", c);
      return /中小企业/.test(s) && /(授予|中标|成交)/.test(s) && !/小微企业(供应商)?(中标|成交)|授予小微/.test(s) && !/预算金额/.test(c.label);
    });
    if (awarded.length === 0) return out;
    const sum = awarded.reduce((s, c) => s.plus(c.value), new Decimal(0));
    const diff = sum.minus(total.value);
    if (diff.lte(0)) return out;
    const tail = diff.lte(tailTolerance(awarded.length + 1));
    out.push(
      narrativeFinding("N-procurement-sme", ctx.sheet, {
        row: awarded[awarded.length - 1].row,
        text: awarded.map((a) => a.text).join("；"),
        severity: tail ? "info" : undefined,
        slots: { sme: formatNumber(sum, "fixed2"), total: formatNumber(total.value, "fixed2"), difference: formatNumber(diff, "fixed2"), note: tail ? "（在四舍五入尾差范围内，宜调整使其不超过总额）" : "" },
        stated: formatNumber(sum, "fixed2"),
        expected: `≤ ${formatNumber(total.value, "fixed2")}`,
      }),
    );
    return out;
  },
};
