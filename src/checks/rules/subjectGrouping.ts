/** 五（三）numbered items: some items name one 科目 each while others group several under one number. */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import type { ParsedParagraph } from "../../narrative/types";
import type { TextRule } from "./textRule";

export const subjectGrouping: TextRule = {
  ids: ["N-subject-grouping"],
  check(ctx) {
    const out: Finding[] = [];
    const parsed = ctx.parsed;
    if (!parsed) return out;
    const { sheet, on } = ctx;
    if (on("N-subject-grouping")) {
      const per = new Map<number, { p: ParsedParagraph; n: number }>();
      for (const p of parsed.paragraphs) if (p.canonical === "5.3" && p.numbering?.style === "arabic") per.set(p.row, { p, n: 0 });
      for (const c of parsed.claims) if (c.kind === "subject" && per.has(c.row)) per.get(c.row)!.n++;
      const list = [...per.values()].filter((x) => x.n > 0);
      const singles = list.filter((x) => x.n === 1).length;
      if (singles > 0) {
        for (const x of list) {
          if (x.n <= 1) continue;
          out.push(narrativeFinding("N-subject-grouping", sheet, { row: x.p.row, text: x.p.text.trim().slice(0, 40), slots: { marker: x.p.numbering!.value, count: x.n } }));
        }
      }
    }
    return out;
  },
};
