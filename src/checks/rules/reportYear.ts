/**
 * The report year where the text states it: part and section titles (“第三部分…2024年度部门决算情况说明”) and
 * the asset date (“截至2024年12月31日”). Judged only when the tables fix the report year.
 */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import type { ReportRule } from "./types";

const TITLE_YEAR = /(\d{4})\s*年度?\s*(?:部门|单位)?\s*(?:决算|预算执行)/gu;
const AS_OF = /截[至止]\s*(\d{4})\s*年\s*(?:12\s*月\s*(?:31\s*日|底|末)|年?底|末)/gu;

export const reportYear: ReportRule = {
  ids: ["N-year"],
  check(ctx) {
    const out: Finding[] = [];
    const y = ctx.year;
    if (!ctx.parsed || !y || !ctx.on("N-year") || !Object.values(ctx.model.tables).some(Boolean)) return out;
    for (const p of ctx.parsed.paragraphs) {
      const isTitle = p.kind === "part" || p.kind === "heading" || p.kind === "subheading" || p.row === ctx.parsed.paragraphs[0]?.row;
      const patterns = isTitle ? [TITLE_YEAR, AS_OF] : [AS_OF];
      for (const re of patterns) {
        re.lastIndex = 0;
        for (const m of p.text.matchAll(re)) {
          const stated = Number(m[1]);
          if (stated === y) continue;
          out.push(
            narrativeFinding("N-year", ctx.sheet, {
              row: p.row,
              text: m[0],
              slots: { stated: m[0].replace(/\s+/g, ""), year: y, expected: m[0].replace(/\s+/g, "").replace(m[1], String(y)) },
              stated: String(stated),
              expected: String(y),
            }),
          );
        }
      }
    }
    return out;
  },
};
