import type Decimal from "decimal.js";
import catalogue from "../data/rules/tables.json";
import type { Finding, Severity } from "../findings";
import { D, ZERO, round, sum } from "../money/decimal";
import { tailTolerance } from "../money/calc";
import { formatNumber } from "../money/format";
import { fill, innerQuotes } from "../money/wording";
import type { Figure, ReportModel, Source, SupplementRow, TableKey, TableModel, TableRow, UnreadableCell } from "../model/types";
import { normaliseLabel } from "../reader/labels";

/** A reference to one amount: a table cell by row key/code and column key, or a 补充数据 field. */
export interface CellRef {
  table?: TableKey;
  row?: string;
  code?: string;
  col?: string;
  supplement?: string;
  field?: "current" | "prior" | "budget";
  /** A part of a sum that a template may not have: skipped when the workbook does not give it (never makes the rule unknown). */
  optional?: boolean;
  /** A part subtracted from the sum (a balance: 本年支出 = 年初结转 + 本年收入 − 年末结转). */
  minus?: boolean;
  /** The rule is judged only when this part is in the table (absent ≠ 0 for it). */
  required?: boolean;
  /** A sum's total: judged only when its cell was filled in (a blank per-kind 支出总计 is not read as a 0 that contradicts its parts). */
  filled?: boolean;
  /** Row sets: every row of a level (lei/kuan/xiang) or every economic code of a length. */
  level?: "lei" | "kuan" | "xiang";
  codeLength?: number;
  codeIn?: string[];
}

interface Rule {
  id: string;
  severity: Severity;
  kind: string;
  title: string;
  same?: boolean;
  relation?: "geq";
  total?: CellRef | string;
  parts?: (CellRef | string)[];
  table?: TableKey;
  lhs?: CellRef;
  rhs?: CellRef;
  left?: CellRef;
  right?: CellRef;
  pairs?: [CellRef, CellRef][] | [string, string][];
  /** The rule's premise, decided from the report's own figures: cells that must be 0, pairs of cells that must be equal. */
  when?: { allZero?: CellRef[]; equal?: [CellRef, CellRef][] };
  exceptRows?: string[];
  /** nonNegative: the tables it covers when more than one. */
  tables?: TableKey[];
  economic?: boolean;
}

export const TABLE_RULES: Rule[] = catalogue.rules as Rule[];
const MESSAGES: Record<string, string> = catalogue.messages;

export const TABLE_NAMES: Record<TableKey, string> = {
  T01: "公开01表", T02: "公开02表", T03: "公开03表", T04: "公开04表", T05: "公开05表",
  T06: "公开06表", T07: "公开07表", T08: "公开08表", T09: "公开09表",
};

/** One resolved amount, with what a message needs to name it. */
export interface Value {
  fig?: Figure;
  /** Implicitly 0: the row or cell does not exist (e.g. an income row absent from an older template). */
  absent?: boolean;
  /**
   * The cell exists but its amount could not be read (a formula without a cached value, an error value, text):
   * unknown, never 0. Every check that needs it is skipped (the reader's R-5/R-6 finding is at the cell).
   */
  unreadable?: UnreadableCell;
  label: string;
  source?: Source;
  /** A 补充数据 count (projects, vehicles, batches): compared exactly, printed without decimals or 万元. */
  count?: boolean;
}

function rowLabel(row: TableRow): string {
  return row.code && row.level !== "total" ? `${row.code} ${row.label}` : row.label;
}

const HEADERS = new WeakMap<TableModel["columns"], Map<string, string>>();

/** A column's header without whitespace (the key itself when the table has no such column), cached per columns array. */
function columnHeader(table: TableModel, col: string): string {
  let cache = HEADERS.get(table.columns);
  if (!cache) HEADERS.set(table.columns, (cache = new Map()));
  let h = cache.get(col);
  if (h === undefined) {
    h = table.columns.find((c) => c.key === col)?.header.replace(/\s+/g, "") ?? col;
    cache.set(col, h);
  }
  return h;
}

/**
 * First rows of a table by code, by key, the first total row and the first row having each column,
 * built once per rows array (rebuilt when the array's length changes) and cached on it.
 */
interface RowIndex {
  length: number;
  byCode: Map<string, TableRow>;
  byKey: Map<string, TableRow>;
  total?: TableRow;
  withCol: Map<string, TableRow | null>;
}

const ROW_INDEX = new WeakMap<TableRow[], RowIndex>();

function rowIndex(table: TableModel): RowIndex {
  const rows = table.rows;
  const cached = ROW_INDEX.get(rows);
  if (cached && cached.length === rows.length) return cached;
  const ix: RowIndex = { length: rows.length, byCode: new Map(), byKey: new Map(), withCol: new Map() };
  for (const r of rows) {
    if (r.code !== undefined && !ix.byCode.has(r.code)) ix.byCode.set(r.code, r);
    if (r.key !== undefined && !ix.byKey.has(r.key)) ix.byKey.set(r.key, r);
    if (!ix.total && (r.level === "total" || r.key === "total")) ix.total = r;
  }
  ROW_INDEX.set(rows, ix);
  return ix;
}

/** The first row matching a single-row reference (the first row with the code; else the first total row for "total"; else the first row with the key). */
function findRow(table: TableModel, ref: CellRef): TableRow | undefined {
  const ix = rowIndex(table);
  if (ref.code !== undefined) return ix.byCode.get(ref.code);
  if (ref.row === "total") return ix.total;
  return ref.row === undefined ? undefined : ix.byKey.get(ref.row);
}

/** The first row having a value in a column. */
function firstWithCol(table: TableModel, col: string): TableRow | undefined {
  const ix = rowIndex(table);
  let hit = ix.withCol.get(col);
  if (hit === undefined) {
    hit = table.rows.find((r) => r.values[col]) ?? null;
    ix.withCol.set(col, hit);
  }
  return hit ?? undefined;
}

function rowsOf(table: TableModel, ref: CellRef): TableRow[] {
  return table.rows.filter((r) => {
    if (ref.level && r.level !== ref.level) return false;
    if (ref.codeLength && (!r.code || r.code.length !== ref.codeLength)) return false;
    if (ref.codeIn && (!r.code || !ref.codeIn.includes(r.code))) return false;
    if (ref.level === undefined && ref.codeLength === undefined && ref.codeIn === undefined) return false;
    return true;
  });
}

function findSupplement(model: ReportModel, name: string): SupplementRow | undefined {
  const n = normaliseLabel(name);
  return model.supplement?.rows.find((r) => r.key === name || r.label === n);
}

/** A table whose data rows were lost (R-8, e.g. swallowed by a merge) is unknown, never a table of zeros. */
function usableTable(model: ReportModel, key: TableKey): TableModel | undefined {
  return model.recognition?.emptyTables?.includes(key) ? undefined : model.tables[key];
}

const isSet = (ref: CellRef) => ref.level !== undefined || ref.codeLength !== undefined || ref.codeIn !== undefined;

/**
 * Resolves a reference into values. Returns null when the rule cannot be checked
 * (the table is missing, or a 补充数据 field was not given).
 */
export function resolve(model: ReportModel, ref: CellRef): Value[] | null {
  if (ref.supplement !== undefined) {
    const row = findSupplement(model, ref.supplement);
    const fig = row?.[ref.field ?? "current"];
    const unreadable = row?.unreadable?.[ref.field ?? "current"];
    if (row && !fig && unreadable) return [{ unreadable, label: `补充数据“${innerQuotes(row.rawLabel.trim())}”`, source: { sheet: unreadable.sheet, cell: unreadable.cell } }];
    if (!row || !fig) return null;
    return [{ fig, label: `补充数据“${innerQuotes(row.rawLabel.trim())}”${ref.field === "prior" ? "上年数" : ref.field === "budget" ? "预算数" : "本年数"}`, source: fig.source, count: row.kind === "count" }];
  }
  const table = ref.table ? usableTable(model, ref.table) : undefined;
  if (!table || !ref.table) return null;
  const tname = TABLE_NAMES[ref.table];
  const col = ref.col ?? "amount";
  if (isSet(ref)) {
    return rowsOf(table, ref).map((r) => cellValue(table, r, col, `${tname}“${rowLabel(r)}”`));
  }
  const header = columnHeader(table, col);
  const row = ref.row === undefined && ref.code === undefined ? firstWithCol(table, col) : findRow(table, ref);
  if (!row) return [{ absent: true, label: `${tname}“${ref.row ?? ref.code ?? header}”` }];
  const label = ref.row === undefined && ref.code === undefined ? `${tname}“${header}”` : `${tname}“${rowLabel(row)}”${col === "amount" || header === normaliseLabel(rowLabel(row)).replace(/\s+/g, "") ? "" : `（${header}）`}`;
  return [cellValue(table, row, col, label)];
}

/** One cell of a row as a Value: its figure, or unreadable (kept apart from absent), or absent. */
function cellValue(table: TableModel, row: TableRow, col: string, label: string): Value {
  const fig = row.values[col];
  if (fig) return { fig, label, source: fig.source };
  const unreadable = row.unreadable?.[col];
  if (unreadable) return { unreadable, label, source: { sheet: unreadable.sheet, cell: unreadable.cell } };
  return { absent: true, label, source: { sheet: table.sheet, cell: "" } };
}

/** True when a row's cell in one of the columns could not be read. */
const unreadableIn = (row: TableRow, cols: string[]) => row.unreadable !== undefined && cols.some((c) => row.unreadable?.[c] !== undefined);

interface Comparison {
  /** Compare raw 元 exactly, or displayed 万元 values. */
  yuan: boolean;
  unit: "元" | "万元" | "";
  value: (v: Value) => Decimal;
  figure: (f: Figure) => Decimal;
  format: (d: Decimal) => string;
}

const fmt = (d: Decimal) => formatNumber(d, "fixed2");
const BY_YUAN: Comparison = { yuan: true, unit: "元", figure: (f) => f.raw, value: (v) => (v.fig ? v.fig.raw : ZERO), format: fmt };
const BY_WAN: Comparison = { yuan: false, unit: "万元", figure: (f) => round(f.wan, 2), value: (v) => (v.fig ? round(v.fig.wan, 2) : ZERO), format: fmt };
const BY_COUNT: Comparison = { yuan: true, unit: "", figure: (f) => f.raw, value: (v) => (v.fig ? v.fig.raw : ZERO), format: (d) => formatNumber(d, "trim") };
const comparisonOf = (yuan: boolean): Comparison => (yuan ? BY_YUAN : BY_WAN);

function comparison(values: Value[]): Comparison {
  const figs = values.map((v) => v.fig).filter((f): f is Figure => !!f);
  if (figs.length > 0 && values.every((v) => v.count)) return BY_COUNT;
  return comparisonOf(figs.length > 0 && figs.every((f) => f.unit === "元"));
}

/** fmt(d.abs()) from fmt(d): half-up rounding is symmetric, and a rounded zero is printed unsigned. */
const unsigned = (printed: string) => (printed.charCodeAt(0) === 45 ? printed.slice(1) : printed);
const CENT = new D("0.01");

interface Emit {
  (f: Finding): void;
}

/** Grades a difference: exact → none; within tolerance → info 尾差 (sums) or warning (same quantity printed twice); else the rule's severity. */
function grade(rule: Rule, diff: Decimal, cmp: Comparison, nParts: number, same: boolean): { severity: Severity; tolerance?: Decimal } | null {
  if (diff.isZero()) return null;
  if (cmp.yuan) return { severity: rule.severity };
  if (same) return diff.abs().lte(CENT) && rule.severity === "error" ? { severity: "warning" } : { severity: rule.severity };
  const tol = tailTolerance(nParts);
  if (diff.abs().lte(tol)) return { severity: "info", tolerance: tol };
  return { severity: rule.severity };
}

function whenHolds(model: ReportModel, rule: Rule): boolean {
  for (const ref of rule.when?.allZero ?? []) {
    const vs = resolve(model, ref);
    if (vs === null) return false;
    if (vs.some((v) => v.unreadable || (v.fig && !v.fig.wan.isZero()))) return false;
  }
  // A premise that cannot be read is not met: the rule is not raised.
  for (const [a, b] of rule.when?.equal ?? []) {
    const va = resolve(model, a);
    const vb = resolve(model, b);
    if (!va || !vb || va.length !== 1 || vb.length !== 1) return false;
    const x = va[0].fig?.wan;
    const y = vb[0].fig?.wan;
    if (!x || !y || !x.eq(y)) return false;
  }
  return true;
}

function checkSum(model: ReportModel, rule: Rule, emit: Emit): void {
  const totalVals = resolve(model, rule.total as CellRef);
  if (!totalVals || totalVals.length !== 1 || totalVals[0].absent || totalVals[0].unreadable) return;
  if ((rule.total as CellRef).filled && totalVals[0].fig?.implicitZero) return;
  const parts: Value[] = [];
  const negated = new Set<Value>();
  for (const p of rule.parts as CellRef[]) {
    const vs = resolve(model, p);
    if (vs === null) {
      if (p.optional) continue;
      return;
    }
    if (p.required && vs.some((v) => v.absent)) return;
    if (p.minus) for (const v of vs) negated.add(v);
    // A part that could not be read makes the sum unknown: not checked (never computed with 0).
    if (vs.some((v) => v.unreadable)) return;
    parts.push(...vs.filter((v) => !v.absent || v.fig));
  }
  const total = totalVals[0];
  const cmp = comparison([total, ...parts]);
  const stated = cmp.value(total);
  const expected = sum(parts.map((v) => (negated.has(v) ? cmp.value(v).neg() : cmp.value(v))));
  const diff = stated.minus(expected);
  const same = rule.same === true;
  const g = grade(rule, diff, cmp, parts.length, same);
  if (!g) return;
  const shown = { stated: cmp.format(stated), expected: cmp.format(expected), difference: cmp.format(diff) };
  const slots = {
    title: rule.title,
    total: total.label,
    parts: parts.length === 1 ? parts[0].label : "各组成项",
    stated: shown.stated,
    expected: shown.expected,
    difference: unsigned(shown.difference),
    unit: cmp.unit,
    tolerance: g.tolerance ? fmt(g.tolerance) : "",
  };
  emit({
    rule: rule.id,
    severity: g.severity,
    message: fill(g.severity === "info" ? MESSAGES.tail : same ? MESSAGES.same : MESSAGES.sum, slots),
    sheet: total.source?.sheet,
    cell: total.source?.cell,
    ...shown,
  });
}

/**
 * Compares one printed total cell with the sum of its (signed) parts and emits a finding when
 * they differ: 尾差 (info) within tolerance in 万元, the rule's severity otherwise.
 */
function footCell(
  rule: Rule,
  total: Figure,
  parts: { fig: Figure; neg?: boolean }[],
  template: string,
  /** The message's own slots, built only when there is a finding. */
  slots: () => Record<string, string>,
  emit: Emit,
): void {
  const cmp = comparisonOf(total.unit === "元" && parts.every((p) => p.fig.unit === "元"));
  const stated = cmp.figure(total);
  let expected: Decimal = ZERO;
  for (const p of parts) expected = p.neg ? expected.minus(cmp.figure(p.fig)) : expected.plus(cmp.figure(p.fig));
  const diff = stated.minus(expected);
  const g = grade(rule, diff, cmp, parts.length, false);
  if (!g) return;
  const shown = { stated: fmt(stated), expected: fmt(expected), difference: fmt(diff) };
  emit({
    rule: rule.id,
    severity: g.severity,
    message: fill(
      g.severity === "info" ? MESSAGES.tail : template,
      Object.assign(slots(), {
        stated: shown.stated,
        expected: shown.expected,
        difference: unsigned(shown.difference),
        unit: cmp.unit,
        tolerance: g.tolerance ? fmt(g.tolerance) : "",
      }),
    ),
    sheet: total.source.sheet,
    cell: total.source.cell,
    ...shown,
  });
}

function checkRowSum(model: ReportModel, rule: Rule, emit: Emit): void {
  const table = rule.table ? model.tables[rule.table] : undefined;
  if (!table) return;
  const totalCol = rule.total as string;
  const columns = (rule.parts as string[]).map((p) => ({ neg: p.startsWith("-"), col: p.replace(/^-/, "") }));
  for (const row of table.rows) {
    const total = row.values[totalCol];
    if (!total) continue;
    if (unreadableIn(row, columns.map((c) => c.col))) continue;
    const parts = columns
      .map((c) => ({ neg: c.neg, fig: row.values[c.col] }))
      .filter((p): p is { neg: boolean; fig: Figure } => Boolean(p.fig));
    if (parts.length === 0) continue;
    footCell(rule, total, parts, MESSAGES.rowSum, () => ({ title: `${TABLE_NAMES[table.key]} ${rule.title}`, row: `“${rowLabel(row)}”`, total: columnHeader(table, totalCol) }), emit);
  }
}

/** Parent of a code in the functional (3/5/7) or economic (3/5) tree. */
function parentCode(code: string, economic: boolean): string | null {
  if (economic) return code.length === 5 ? code.slice(0, 3) : null;
  if (code.length === 7) return code.slice(0, 5);
  if (code.length === 5) return code.slice(0, 3);
  return null;
}

function checkHierarchy(model: ReportModel, rule: Rule, emit: Emit): void {
  const table = rule.table ? model.tables[rule.table] : undefined;
  if (!table) return;
  const economic = rule.economic === true;
  const coded = table.rows.filter((r) => r.code && /^\d+$/.test(r.code) && r.level !== "total");
  const children = new Map<string, TableRow[]>();
  for (const r of coded) {
    const p = parentCode(r.code as string, economic);
    if (!p) continue;
    const list = children.get(p);
    if (list) list.push(r);
    else children.set(p, [r]);
  }
  const numericCols = table.columns.map((c) => c.key).filter((k, i, a) => a.indexOf(k) === i);
  const report = (parentRow: TableRow, kids: TableRow[], col: string, isTotal: boolean) => {
    const total = parentRow.values[col];
    if (!total) return;
    if (kids.some((k) => unreadableIn(k, [col]))) return;
    const parts = kids.map((k) => ({ fig: k.values[col] })).filter((p): p is { fig: Figure } => Boolean(p.fig));
    const slots = () => ({ title: `${TABLE_NAMES[table.key]} ${rule.title}`, row: `“${rowLabel(parentRow)}”`, column: columnHeader(table, col) });
    footCell(rule, total, parts, isTotal ? MESSAGES.hierarchyTotal : MESSAGES.hierarchy, slots, emit);
  };
  for (const parent of coded) {
    const kids = children.get(parent.code as string);
    if (!kids || kids.length === 0) continue;
    for (const col of numericCols) if (parent.values[col]) report(parent, kids, col, false);
  }
  if (!economic) {
    const totalRow = table.rows.find((r) => r.level === "total");
    const leis = coded.filter((r) => (r.code as string).length === 3);
    if (totalRow && leis.length > 0) for (const col of numericCols) if (totalRow.values[col]) report(totalRow, leis, col, true);
  }
}

/** Compares two values (equal, ≤ or ≥) and emits a finding in `template`'s words; `extra` adds message slots. */
function checkPair(rule: Rule, a: Value, b: Value, relation: "eq" | "leq" | "geq", emit: Emit, template: string, extra: Record<string, string> = {}): void {
  const cmp = comparison([a, b]);
  const av = cmp.value(a);
  const bv = cmp.value(b);
  const diff = av.minus(bv);
  let severity: Severity | null = null;
  if (relation === "eq") severity = grade(rule, diff, cmp, 1, true)?.severity ?? null;
  else if (relation === "leq" && diff.gt(0)) severity = rule.severity;
  else if (relation === "geq" && diff.lt(0)) severity = rule.severity;
  if (!severity) return;
  const src = a.source ?? b.source;
  const shown = { stated: cmp.format(av), expected: cmp.format(bv), difference: cmp.format(diff) };
  emit({
    rule: rule.id,
    severity,
    message: fill(template, {
      ...extra,
      title: rule.title,
      lhs: a.label,
      rhs: b.label,
      lhsValue: shown.stated,
      rhsValue: shown.expected,
      difference: unsigned(shown.difference),
      unit: cmp.unit,
    }),
    sheet: src?.sheet,
    cell: src?.cell,
    ...shown,
  });
}

function single(model: ReportModel, ref: CellRef): Value | null {
  const vs = resolve(model, ref);
  if (!vs || vs.length !== 1) return null;
  return vs[0];
}

function checkRowsMatch(model: ReportModel, rule: Rule, emit: Emit): void {
  const left = rule.left as CellRef;
  const right = rule.right as CellRef;
  const lt = left.table && usableTable(model, left.table);
  const rt = right.table && usableTable(model, right.table);
  if (!lt || !rt) return;
  const lrows = rowsOf(lt, left);
  const rrows = rowsOf(rt, right);
  const codes = [...new Set([...lrows, ...rrows].map((r) => r.code).filter((c): c is string => !!c))];
  for (const code of codes) {
    const l = lrows.find((r) => r.code === code);
    const r = rrows.find((x) => x.code === code);
    const lv: Value = { fig: l?.values[left.col ?? "amount"], label: `${TABLE_NAMES[lt.key]}“${l ? rowLabel(l) : code}”`, source: l?.values[left.col ?? "amount"]?.source };
    const rv: Value = { fig: r?.values[right.col ?? "amount"], label: `${TABLE_NAMES[rt.key]}“${r ? rowLabel(r) : code}”`, source: r?.values[right.col ?? "amount"]?.source };
    if (!lv.fig && !rv.fig) continue;
    if ((l && unreadableIn(l, [left.col ?? "amount"])) || (r && unreadableIn(r, [right.col ?? "amount"]))) continue;
    checkPair(rule, lv, rv, "eq", emit, MESSAGES.rowsMatch, {
      label: `“${(l ?? r) ? rowLabel((l ?? r) as TableRow) : code}”`,
      leftTable: TABLE_NAMES[lt.key],
      rightTable: TABLE_NAMES[rt.key],
    });
  }
}

function checkNonNegative(model: ReportModel, rule: Rule, emit: Emit): void {
  for (const key of rule.tables ?? (rule.table ? [rule.table] : [])) {
    const table = model.tables[key];
    if (table) checkTableNonNegative(table, rule, emit);
  }
}

function checkTableNonNegative(table: NonNullable<ReportModel["tables"][TableKey]>, rule: Rule, emit: Emit): void {
  for (const row of table.rows) {
    if (row.key && rule.exceptRows?.includes(row.key)) continue;
    for (const [col, fig] of Object.entries(row.values)) {
      if (!fig.raw.isNegative()) continue;
      const stated = fmt(fig.wan);
      emit({
        rule: rule.id,
        severity: rule.severity,
        message: fill(MESSAGES.nonNegative, { title: `${TABLE_NAMES[table.key]} ${rule.title}`, row: `“${rowLabel(row)}”`, column: columnHeader(table, col), stated }),
        sheet: fig.source.sheet,
        cell: fig.source.cell,
        stated,
      });
    }
  }
}

/** Runs every arithmetic rule of the catalogue (within tables, between tables, 补充数据) on a report model. */
export function checkTables(model: ReportModel, rules: Rule[] = TABLE_RULES): Finding[] {
  const findings: Finding[] = [];
  const emit: Emit = (f) => findings.push(f);
  for (const rule of rules) {
    if (!whenHolds(model, rule)) continue;
    switch (rule.kind) {
      case "sum":
        checkSum(model, rule, emit);
        break;
      case "rowSum":
        checkRowSum(model, rule, emit);
        break;
      case "hierarchy":
        checkHierarchy(model, rule, emit);
        break;
      case "leq": {
        const a = single(model, rule.lhs as CellRef);
        const b = single(model, rule.rhs as CellRef);
        if (a && b && !a.absent && !b.absent && !a.unreadable && !b.unreadable) checkPair(rule, a, b, "leq", emit, MESSAGES.leq);
        break;
      }
      case "pairs":
        for (const [l, r] of rule.pairs as [CellRef, CellRef][]) {
          const a = single(model, l);
          const b = single(model, r);
          if (a && b && !(a.absent && b.absent) && !a.unreadable && !b.unreadable) checkPair(rule, a, b, rule.relation === "geq" ? "geq" : "eq", emit, rule.relation === "geq" ? MESSAGES.geq : MESSAGES.pairs);
        }
        break;
      case "leqPairs":
        for (const [l, r] of rule.pairs as [string, string][]) {
          const a = single(model, { table: rule.table, col: l });
          const b = single(model, { table: rule.table, col: r });
          if (a && b && !a.absent && !b.absent && !a.unreadable && !b.unreadable) checkPair(rule, a, b, "leq", emit, MESSAGES.leqPairs);
        }
        break;
      case "rowsMatch":
        checkRowsMatch(model, rule, emit);
        break;
      case "nonNegative":
        checkNonNegative(model, rule, emit);
        break;
    }
  }
  return findings;
}
