/**
 * What the template requires the 情况说明 to disclose, where the tables show there is something to disclose
 * (DOMAIN §3.2 七(二), the national 2024 template's 七(二)): each “三公” item with spending in 公开07表 is explained,
 * and with it its counts — 因公出国（境）团组/人次, 公务用车 bought (when there is purchase spending), 公务接待
 * 批次/人次. Judged only on a whole 情况说明 whose 七(二) is present (never on pasted text or an excerpt, whose
 * other paragraphs are unknown) and only for items whose 决算 in 公开07表 could be read and is not 0.
 */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import type { Claim } from "../../narrative/types";
import { fig } from "../../reader/figures";
import type { ReportRule } from "./types";
import disclosureData from "../../data/rules/disclosure.json";

interface Item {
  name: string;
  col: string;
  mention: RegExp;
  counts: { slots: RegExp; what: string; col?: string }[];
}

const ITEMS: Item[] = disclosureData.items.map((i) => ({
  name: i.name,
  col: i.col,
  mention: new RegExp(i.mention, "u"),
  counts: i.counts.map((c) => ({ slots: new RegExp(c.slots, "u"), what: c.what, col: "col" in c ? (c.col as string) : undefined })),
}));

export const disclosure: ReportRule = {
  ids: ["N-disclosure"],
  check(ctx) {
    const out: Finding[] = [];
    const parsed = ctx.parsed;
    if (!parsed || ctx.excerpt || !ctx.on("N-disclosure")) return out;
    const section = parsed.sections.find((s) => s.canonical === "7.2");
    const t07 = ctx.model.tables.T07;
    if (!section || !t07) return out;
    const paras = parsed.paragraphs.filter((p) => p.canonical === "7.2" && p.kind === "body");
    const text = paras.map((p) => p.text).join("\n");
    const claims: Claim[] = parsed.claims.filter((c) => c.canonical === "7.2");
    const nonZero = (col: string) => {
      const f = fig(t07, "data", col) ?? t07.rows[0]?.values[col];
      return f !== undefined && !f.wan.isZero() ? f : undefined;
    };
    for (const item of ITEMS) {
      const spent = nonZero(item.col);
      if (!spent) continue;
      const at = { row: section.row, text: section.title };
      if (!item.mention.test(text)) {
        out.push(narrativeFinding("N-disclosure", ctx.sheet, { ...at, slots: { what: `${item.name}的支出情况`, amount: spent.wan.toFixed(2), item: item.name, cell: spent.source.cell } }));
        continue;
      }
      // The finding sits at the item's own paragraph (“3.公务接待费支出…”), where the counts belong.
      const own = paras.find((p) => item.mention.test(p.text) && /^\s*[\d一二三四五六七八九十]+[、.．]/.test(p.text)) ?? paras.find((p) => item.mention.test(p.text));
      const place = own ? { row: own.row, text: own.text.trim().slice(0, 60) } : at;
      for (const need of item.counts) {
        const base = need.col ? nonZero(need.col) : spent;
        if (!base) continue;
        if (claims.some((c) => c.kind === "count" && c.slot !== undefined && need.slots.test(c.slot))) continue;
        out.push(narrativeFinding("N-disclosure", ctx.sheet, { ...place, slots: { what: need.what, amount: base.wan.toFixed(2), item: item.name, cell: base.source.cell } }));
      }
    }
    return out;
  },
};
