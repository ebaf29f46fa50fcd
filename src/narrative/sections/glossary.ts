/** 名词解释: the template's fixed entries plus one entry per 项 listed in 五(三), named in the report year's edition. */
import { rowsAt } from "../../reader/figures";
import definitions from "../../data/templates/subject-definitions.json";
import type { Ctx } from "../generateContext";
import type { GeneratedSpan } from "../generateTypes";
import { itemPath } from "./gpb";

const DEFS = definitions as { codes: Record<string, string>; suffixes: Record<string, string>; suffixFamilies: string[] };

const CN = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
function cnNumeral(n: number): string {
  if (n <= 10) return CN[n];
  if (n < 20) return `十${CN[n - 10]}`;
  return `${CN[Math.floor(n / 10)]}十${CN[n % 10]}`;
}

export function definitionOf(code: string): string | undefined {
  if (DEFS.codes[code]) return DEFS.codes[code];
  if (DEFS.suffixFamilies.includes(code.slice(0, 3))) return DEFS.suffixes[code.slice(5)];
  return undefined;
}

/** The 项 codes listed in 五(三), in order (same filter as gpbItems). */
export function listedItems(ctx: Ctx): string[] {
  return rowsAt(ctx.model.tables.T05, "xiang")
    .filter((r) => {
      const b = ctx.suppByCode(r.code!)?.budget;
      return (r.values.total && !r.values.total.wan.isZero()) || (b && !b.wan.isZero());
    })
    .map((r) => r.code!);
}

export function glossary(ctx: Ctx): void {
  const g = ctx.tpl.glossary;
  const rows = ctx.model.tables.T05?.rows ?? [];
  const entries: GeneratedSpan[][] = [
    ...g.before.map((t) => [{ text: t }]),
    ...listedItems(ctx).map((code) => {
      const name = itemPath(ctx, code, rows);
      const def = definitionOf(code);
      return ctx.render(g.itemEntry, { name, definition: def ? { text: def } : ctx.marker(`${name}的解释`) });
    }),
    ...g.after.map((t) => [{ text: t }]),
  ];
  ctx.heading(ctx.tpl.glossaryTitle, "title");
  entries.forEach((spans, i) => {
    const n = ctx.tpl.glossaryNumbering === "cn" ? `${cnNumeral(i + 1)}、` : `${i + 1}.`;
    ctx.para([{ text: n }, ...spans]);
  });
}
