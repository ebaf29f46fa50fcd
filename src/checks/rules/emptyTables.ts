/**
 * Empty tables: a 政府性基金 / 国有资本经营 / “三公” table without any amount carries its note (“本单位无…，故本表
 * 无数据”); a table with amounts carries no such note. 公开07表's blank amount cells beside filled ones: 0.00 (T7-blank).
 */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import type { TableKey } from "../../model/types";
import { tableDisplayName } from "../../reader/defs";
import { cellAt, parseA1 } from "../../workbook/snapshot";
import type { ReportRule } from "./types";

const MAY_BE_EMPTY: TableKey[] = ["T07", "T08", "T09"];

export const emptyTables: ReportRule = {
  ids: ["N-empty-note-missing", "N-empty-note-data", "T7-blank"],
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
    // 公开07表 is one row of amounts: a blank cell beside filled ones is read as 0 but should be printed 0.00.
    const t7 = ctx.model.tables.T07;
    if (t7 && ctx.on("T7-blank")) {
      const sheet = ctx.snapshot.sheets.find((x) => x.name === t7.sheet);
      for (const r of t7.rows) {
        const figures = Object.values(r.values);
        // Blank, not a dash (“-” is a deliberate 0); and only beside cells that were filled in.
        const isBlank = (f: (typeof figures)[number]) => {
          if (!f.implicitZero || !sheet) return false;
          const at = parseA1(f.source.cell);
          const v = at ? cellAt(sheet, at.row, at.col) : null;
          return v === null || (typeof v === "string" && v.trim() === "");
        };
        if (!sheet || figures.every((f) => f.implicitZero)) continue;
        const blank = t7.columns.filter((c) => r.values[c.key] && isBlank(r.values[c.key])).map((c) => ({ cell: r.values[c.key].source.cell, header: c.header }));
        if (blank.length === 0) continue;
        const cells = blank.slice(0, 6).map((b) => b.cell).join("、") + (blank.length > 6 ? `等${blank.length}格` : "");
        out.push({
          ...narrativeFinding("T7-blank", t7.sheet, { row: 0, text: cells, slots: { table: tableDisplayName("T07"), cells } }),
          row: undefined,
          cell: blank[0].cell,
        });
      }
    }
    return out;
  },
};
