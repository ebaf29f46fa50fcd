/**
 * Empty tables: a 政府性基金 / 国有资本经营 / “三公” table without any amount carries its note (“本单位无…，故本表
 * 无数据”); a table with amounts carries no such note.
 */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import type { TableKey } from "../../model/types";
import { tableDisplayName } from "../../reader/defs";
import type { ReportRule } from "./types";

const MAY_BE_EMPTY: TableKey[] = ["T07", "T08", "T09"];

export const emptyTables: ReportRule = {
  ids: ["N-empty-note-missing", "N-empty-note-data"],
  check(ctx) {
    const out: Finding[] = [];
    for (const key of MAY_BE_EMPTY) {
      const t = ctx.model.tables[key];
      // A table whose rows were not read is not judged empty.
      if (!t || t.rows.length === 0) continue;
      const figures = t.rows.flatMap((r) => Object.values(r.values));
      if (figures.length === 0) continue;
      const hasData = figures.some((f) => !f.wan.isZero());
      const place = { row: 0, text: t.emptyNote ?? t.title };
      if (!hasData && !t.emptyNote && ctx.on("N-empty-note-missing")) {
        out.push({ ...narrativeFinding("N-empty-note-missing", t.sheet, { ...place, slots: { table: tableDisplayName(key) } }), row: undefined, cell: t.titleSource.cell });
      }
      if (hasData && t.emptyNote && ctx.on("N-empty-note-data")) {
        const f = figures.find((x) => !x.wan.isZero())!;
        out.push({ ...narrativeFinding("N-empty-note-data", t.sheet, { ...place, slots: { table: tableDisplayName(key), note: t.emptyNote, cell: f.source.cell } }), row: undefined, cell: f.source.cell });
      }
    }
    return out;
  },
};
