/**
 * Rule cases in the manner of ESLint's RuleTester: test/rules/cases/<rule id>.json holds `valid` cases (the rule
 * must not fire) and `invalid` cases (it must fire, where `expect` says). A case starts from one of the repo's
 * example workbooks (`base`: sichuan-2020 | national-2024, the planted corpus's clean twins) or from nothing
 * (`none`), optionally replaces the 情况说明 by `text`, and applies `edits`.
 */
import type { Finding } from "../../src/findings";
import { checkWorkbook } from "../../src/checks";
import perfRules from "../../src/data/perf/rules.json";
import { perfContextFromModel, perfReport } from "../../src/perf";
import type { ReportModel, SupplementRow } from "../../src/model/types";
import { readReport } from "../../src/reader";
import { a1, parseA1, type CellValue, type WorkbookSnapshot } from "../../src/workbook/snapshot";
import { cloneSnapshot, loadBases, replaceInNarrative, setCell, type Base } from "../../scripts/planted/corpus";

export type Edit =
  | { replace: [string, string]; nth?: number }
  | { add: string; table: keyof ReportModel["tables"]; row: string; col: string }
  | { set: CellValue; table: keyof ReportModel["tables"]; row: string; col: string }
  | { setCell: CellValue; sheet: string; cell: string }
  | { removeTable: keyof ReportModel["tables"] }
  | { removeSheet: string }
  /** A 补充数据 field by its row's label (or item key): stable when rows are added to the example's 补充数据. */
  | { setSupplement: CellValue; label: string; field?: "current" | "prior" | "budget" }
  /** A copy of a sheet under another name (a table published twice). */
  | { copySheet: string; as: string }
  /** A merged area over a range (“A5:H9”) of a sheet, its cells but the top-left emptied as Excel does. */
  | { merge: string; sheet: string }
  /** A new sheet, placed first, with rows of cells (a cover or 目录 sheet). */
  | { addSheet: string; rows: CellValue[][] };

export interface RuleCase {
  name: string;
  base: Base | "none";
  /** Paragraphs of a 情况说明 checked instead of the workbook's own (as pasted text). */
  text?: string[];
  edits?: Edit[];
  /** Also score the 绩效 forms as `juesuan perf` does (the PS-* notes are raised by the scoring, not by checkWorkbook). */
  perf?: boolean;
  /** For invalid cases: what the finding must have (row, cell, severity, a part of the message). */
  expect?: { row?: number; cell?: string; sheet?: string; severity?: Finding["severity"]; message?: string };
}

export interface RuleCases {
  rule: string;
  valid: RuleCase[];
  invalid: RuleCase[];
}

let bases: Record<Base, WorkbookSnapshot> | null = null;

export async function runCase(c: RuleCase): Promise<Finding[]> {
  bases ??= await loadBases();
  const snap: WorkbookSnapshot = c.base === "none" ? { sheets: [] } : cloneSnapshot(bases[c.base]);
  const model = readReport(snap);
  for (const e of c.edits ?? []) {
    if ("replace" in e) replaceInNarrative(snap, e.replace[0], e.replace[1], e.nth ?? 0);
    else if ("setCell" in e) setCell(snap, e.sheet, e.cell, e.setCell);
    else if ("addSheet" in e) snap.sheets.unshift({ name: e.addSheet, origin: { row: 0, col: 0 }, values: e.rows.map((r) => [...r]), merges: [] });
    else if ("removeTable" in e) {
      const name = model.tables[e.removeTable]!.sheet;
      snap.sheets = snap.sheets.filter((s) => s.name !== name);
    } else if ("removeSheet" in e) snap.sheets = snap.sheets.filter((s) => s.name !== e.removeSheet);
    else if ("copySheet" in e) {
      const from = snap.sheets.find((s) => s.name === e.copySheet);
      if (!from) throw new Error(`rule case ${c.name}: no sheet ${e.copySheet}`);
      snap.sheets.push({ ...cloneSnapshot({ sheets: [from] }).sheets[0], name: e.as });
    } else if ("merge" in e) {
      const [tl, br] = e.merge.split(":").map((x) => parseA1(x)!);
      const sh = snap.sheets.find((s) => s.name === e.sheet)!;
      for (let r = tl.row; r <= br.row; r++)
        for (let col = tl.col; col <= br.col; col++) if (r !== tl.row || col !== tl.col) setCell(snap, e.sheet, a1(r, col), null);
      sh.merges.push({ top: tl.row, left: tl.col, bottom: br.row, right: br.col });
    } else if ("setSupplement" in e) {
      const sup = model.supplement!;
      const field = e.field ?? "current";
      const row = sup.rows.find((r) => r.key === e.label || r.label === e.label || r.rawLabel.trim() === e.label);
      if (!row) throw new Error(`rule case ${c.name}: no 补充数据 row ${e.label}`);
      // An empty field: the column of the same field in another row, on this row's line.
      const cell = row[field]?.source.cell ?? supplementCell(sup.rows, field, row);
      setCell(snap, sup.sheet, cell, e.setSupplement);
    } else {
      const t = model.tables[e.table]!;
      const row = t.rows.find((r) => r.key === e.row || r.code === e.row) ?? t.rows[0];
      const f = row.values[e.col];
      if (!f) throw new Error(`rule case ${c.name}: no ${e.table} ${e.row}.${e.col}`);
      const value = "add" in e ? Number(f.raw.plus(e.add).toFixed(2)) : e.set;
      setCell(snap, f.source.sheet, f.source.cell, value);
    }
  }
  const r = checkWorkbook(snap, { includeForms: true, ...(c.text ? { narrativeText: c.text.join("\n") } : {}) });
  const findings = c.perf ? [...r.findings, ...perfReport(snap, perfContextFromModel(r.model)).scores.flatMap((s) => s.findings)] : r.findings;
  return findings.map(withVariantId);
}

/**
 * src/perf/check.ts folds the ids of rule variants (P-8-split, P-8-narrative, P-8-amount, P-2-empty) into their
 * family's id (P-8, P-2) on the finding; a case names the data's id, recovered here from the variant's message.
 */
const VARIANTS = Object.entries(perfRules.rules as Record<string, { message: string }>)
  .filter(([id]) => /-(split|narrative|amount|empty)$/.test(id))
  .map(([id, r]) => ({
    id,
    family: id.replace(/-(split|narrative|amount|empty)$/, ""),
    re: new RegExp(`^${r.message.split(/\{\w+\}/).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[^]*?")}$`),
  }));

function withVariantId(f: Finding): Finding {
  const v = VARIANTS.find((x) => x.family === f.rule && x.re.test(f.message));
  return v ? { ...f, rule: v.id } : f;
}

function supplementCell(rows: SupplementRow[], field: "current" | "prior" | "budget", row: SupplementRow): string {
  const other = rows.find((r) => r[field]);
  if (!other) throw new Error(`rule cases: no 补充数据 column for ${field}`);
  const col = other[field]!.source.cell.replace(/\d+$/, "");
  // The row's own line, from another figure of the row.
  const own = row.current ?? row.prior ?? row.budget;
  if (own) return col + own.source.cell.replace(/^[A-Z]+/, "");
  throw new Error(`rule cases: 补充数据 row ${row.label} has no figure to place ${field}`);
}

export function matches(f: Finding, rule: string, e: RuleCase["expect"] = {}): boolean {
  if (f.rule !== rule) return false;
  if (e.row !== undefined && f.row !== e.row) return false;
  if (e.cell !== undefined && f.cell !== e.cell) return false;
  if (e.sheet !== undefined && f.sheet !== e.sheet) return false;
  if (e.severity !== undefined && f.severity !== e.severity) return false;
  if (e.message !== undefined && !f.message.includes(e.message)) return false;
  return true;
}
