/**
 * 科目 names in the tables against the edition of the report's year (src/data/subjects.json): an alias
 * renamed before that year is an outdated name (提示); a code the data places in a later edition, or a code or
 * name the data does not know, is said at 信息 — never reported as outdated (issue 14).
 */
import type { Finding } from "../../findings";
import type { TableModel, TableRow } from "../../model/types";
import { narrativeFinding } from "../../narrative/catalogue";
import { tableDisplayName } from "../../reader/defs";
import { normaliseLabel } from "../../reader/labels";
import { subjectSources, subjectStatus, type SubjectFamily } from "../../reader/subjects";
import { a1, type WorkbookSnapshot } from "../../workbook/snapshot";
import type { ReportRule } from "./types";

const MAX_LISTED = 8;

/** The A1 address of a row's label cell (its code cell when the label is not found). */
function labelCell(snapshot: WorkbookSnapshot, t: TableModel, r: TableRow): string | undefined {
  const sheet = snapshot.sheets.find((s) => s.name === t.sheet);
  if (!sheet) return undefined;
  const line = sheet.values[r.row - 1 - sheet.origin.row];
  if (!line) return undefined;
  let codeAt: number | undefined;
  for (let c = 0; c < line.length; c++) {
    const v = line[c];
    if (typeof v !== "string" && typeof v !== "number") continue;
    const n = normaliseLabel(String(v));
    if (n === r.label || (r.rawLabel && String(v).trim() === r.rawLabel.trim())) return a1(r.row - 1, sheet.origin.col + c);
    if (codeAt === undefined && r.code && n === r.code) codeAt = c;
  }
  return codeAt !== undefined ? a1(r.row - 1, sheet.origin.col + codeAt) : undefined;
}

function tableName(t: TableModel): string {
  return tableDisplayName(t.key);
}

export const subjectNames: ReportRule = {
  ids: ["N-subject-outdated", "N-subject-edition", "N-subject-unknown"],
  check(ctx) {
    const year = ctx.year;
    if (year === null) return [];
    const out: Finding[] = [];
    const sources = subjectSources();
    for (const t of Object.values(ctx.model.tables)) {
      if (!t) continue;
      const family: SubjectFamily = t.key === "T06" ? "economic" : "functional";
      const unknown: string[] = [];
      const seen = new Set<string>();
      for (const r of t.rows) {
        if (!r.code || !r.label || r.level === "total") continue;
        const k = `${r.code}|${r.label}`;
        if (seen.has(k)) continue;
        seen.add(k);
        const s = subjectStatus(r.code, r.label, year, family);
        const name = tableName(t);
        if (s.kind === "outdated" && ctx.on("N-subject-outdated")) {
          out.push({
            ...narrativeFinding("N-subject-outdated", t.sheet, {
              row: 0,
              text: `${r.code} ${r.rawLabel.trim()}`,
              slots: { table: name, code: r.code, stated: r.label, expected: s.current, year, since: s.renamedIn },
              stated: r.label,
              expected: s.current,
            }),
            row: undefined,
            cell: labelCell(ctx.snapshot, t, r),
            subject: `${t.key}/${r.code}/name`,
          });
        } else if (s.kind === "notYet" && ctx.on("N-subject-edition")) {
          out.push({
            ...narrativeFinding("N-subject-edition", t.sheet, {
              row: 0,
              text: `${r.code} ${r.rawLabel.trim()}`,
              slots: { table: name, code: r.code, stated: r.label, from: s.from, year, source: (s.source && sources[s.source]?.title) || "科目数据" },
            }),
            row: undefined,
            cell: labelCell(ctx.snapshot, t, r),
            subject: `${t.key}/${r.code}/edition`,
          });
        } else if (s.kind === "unknown") unknown.push(`${r.code}${r.label}`);
      }
      if (unknown.length && ctx.on("N-subject-unknown")) {
        const list = unknown.slice(0, MAX_LISTED).join("、") + (unknown.length > MAX_LISTED ? `等` : "");
        out.push({
          ...narrativeFinding("N-subject-unknown", t.sheet, { row: 0, text: list, slots: { table: tableName(t), count: unknown.length, year, list } }),
          row: undefined,
          cell: t.titleSource.cell,
          subject: `${t.key}/subjects-unknown`,
        });
      }
    }
    return out;
  },
};
