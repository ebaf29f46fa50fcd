/**
 * The table sheets' own text: template placeholders left in titles, unit names and notes (“上海市××局”,
 * “XX单位”), the template's instructions to the preparer left in a note row, and a year in a table's title area
 * that is not the report year.
 */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import { a1, cellAt } from "../../workbook/snapshot";
import type { ReportRule } from "./types";
import residueData from "../../data/narrative/residue.json";

const PLACEHOLDER = /(?<![A-Za-z])[×ＸX]{2,}(?![A-Za-z])|[（(]\s*(?:单位名称|部门名称|填写|请填)[^）)]{0,12}[）)]/u;
/** The template's instructions to the preparer (“…的，仍保留该表格式，并在本表下方作下述说明：”). */
const INSTRUCTION = new RegExp(residueData.tableInstructions.map((p) => `(?:${p})`).join("|"), "u");
const TITLE_YEAR = /(\d{4})\s*年度?\s*(?:部门|单位)?\s*决算/u;

export const tableSheets: ReportRule = {
  ids: ["N-table-residue", "N-table-instruction", "N-table-year"],
  check(ctx) {
    const out: Finding[] = [];
    const y = ctx.year;
    for (const t of Object.values(ctx.model.tables)) {
      if (!t) continue;
      const sheet = ctx.snapshot.sheets.find((s) => s.name === t.sheet);
      if (!sheet) continue;
      const titleRow = Number(/\d+$/.exec(t.titleSource.cell)?.[0] ?? 1) - 1;
      const seen = new Set<string>();
      for (let r = 0; r < sheet.values.length; r++) {
        const row = sheet.values[r];
        for (let c = 0; c < row.length; c++) {
          const v = row[c];
          if (typeof v !== "string" || v.length < 2) continue;
          const absRow = sheet.origin.row + r;
          const addr = a1(absRow, sheet.origin.col + c);
          // A merged title repeated in every cell of its area is reported once.
          if (seen.has(v)) continue;
          const m = PLACEHOLDER.exec(v);
          if (m && ctx.on("N-table-residue")) {
            seen.add(v);
            out.push({ ...narrativeFinding("N-table-residue", t.sheet, { row: 0, text: v.trim().slice(0, 60), slots: { token: m[0], table: t.title }, stated: m[0] }), row: undefined, cell: addr });
          }
          if (!m && INSTRUCTION.test(v) && ctx.on("N-table-instruction")) {
            seen.add(v);
            const token = v.trim().replace(/\s+/gu, "").slice(0, 60);
            out.push({ ...narrativeFinding("N-table-instruction", t.sheet, { row: 0, text: token, slots: { token, table: t.title }, stated: token }), row: undefined, cell: addr });
          }
          // The year of the report in the rows of and above the table title.
          if (y && absRow <= titleRow + 1 && ctx.on("N-table-year")) {
            const ym = TITLE_YEAR.exec(v);
            if (ym && Number(ym[1]) !== y && cellAt(sheet, absRow, sheet.origin.col + c) === v) {
              seen.add(v);
              out.push({ ...narrativeFinding("N-table-year", t.sheet, { row: 0, text: v.trim().slice(0, 60), slots: { stated: ym[0].replace(/\s+/g, ""), year: y, table: t.title }, stated: ym[1], expected: String(y) }), row: undefined, cell: addr });
            }
          }
        }
      }
    }
    return out;
  },
};
