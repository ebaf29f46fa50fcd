import type { TableModel, TableRow } from "../../model/types";
import { normaliseLabel } from "../../reader/labels";
import type { ParsedNarrative, ParsedParagraph } from "../../narrative/types";

/** The paragraph of a row. */
export function paragraphAt(parsed: ParsedNarrative, row: number): ParsedParagraph | undefined {
  return parsed.paragraphs.find((p) => p.row === row);
}

/** The 项 row of a functional table for a 类/款/项 name path as written in the text; undefined when not unique. */
export function xiangRowByNames(table: TableModel | undefined, lei: string, kuan: string, xiang: string): TableRow | undefined {
  if (!table) return undefined;
  const n = (s: string) => normaliseLabel(s).replace(/支出$/, "");
  const kuanRows = new Map(table.rows.filter((r) => r.level === "kuan" && r.code).map((r) => [r.code!, r]));
  const leiRows = new Map(table.rows.filter((r) => r.level === "lei" && r.code).map((r) => [r.code!, r]));
  const hits = table.rows.filter((r) => {
    if (r.level !== "xiang" || !r.code || n(r.label) !== n(xiang)) return false;
    const k = kuanRows.get(r.code.slice(0, 5));
    const l = leiRows.get(r.code.slice(0, 3));
    return (!k || n(k.label) === n(kuan)) && (!l || n(l.label) === n(lei));
  });
  return hits.length === 1 ? hits[0] : undefined;
}
