/**
 * The report year where the text states it: part and section titles (“第三部分…2024年度部门决算情况说明”) and
 * the asset date (“截至2024年12月31日”); in body sentences (N-year-body, 提示) a comparison with the report's own or a
 * later year (“与2024年相比” in 2024) and “2023年度无…” said of the report's content. A comparison with an earlier year
 * than the prior one (“比2019年（疫情前）”) may be meant and is not judged. Judged only when the tables fix the report year.
 */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import type { ReportRule } from "./types";

const TITLE_YEAR = /(\d{4})\s*年度?\s*(?:部门|单位)?\s*(?:决算|预算执行)/gu;
const AS_OF = /截[至止]\s*(\d{4})\s*年\s*(?:12\s*月\s*(?:31\s*日|底|末)|年?底|末)/gu;
/** “与2024年相比” in a 2024 report: the year compared with is the report's own or a later one. */
const COMPARED = /(?:与|同|比|较)\s*(\d{4})\s*年度?/gu;
/** “本单位2023年度无政府性基金…” in a 2024 report: what the report year had or had not, said of another year. */
const NONE_IN = /(\d{4})\s*年度?\s*(?:本单位|本部门|我单位|我部门|本局)?\s*(?:无|没有|未发生|未安排|未使用)/gu;

export const reportYear: ReportRule = {
  ids: ["N-year", "N-year-body"],
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
    if (!ctx.on("N-year-body")) return out;
    for (const p of ctx.parsed.paragraphs) {
      if (p.kind !== "body") continue;
      const years = new Set([...p.text.matchAll(/(\d{4})\s*年/gu)].map((m) => Number(m[1])));
      for (const [re, wrong] of [
        [COMPARED, (n: number) => n >= y],
        // Said of another year only where the paragraph does not speak of the report year too (“2023年度无…，2024年度…”).
        [NONE_IN, (n: number) => n !== y && !years.has(y)],
      ] as const) {
        re.lastIndex = 0;
        for (const m of p.text.matchAll(re)) {
          const stated = Number(m[1]);
          if (stated < 1990 || stated > 2100 || !wrong(stated)) continue;
          const expected = re === COMPARED ? y - 1 : y;
          out.push(
            narrativeFinding("N-year-body", ctx.sheet, {
              row: p.row,
              text: m[0],
              slots: { stated: m[0].replace(/\s+/g, ""), year: y, expected: m[0].replace(/\s+/g, "").replace(m[1], String(expected)) },
              stated: String(stated),
              expected: String(expected),
            }),
          );
        }
      }
    }
    return out;
  },
};
