import labels from "../data/perf/labels.json";
import { fromCellNumber } from "../money/decimal";
import { parseAmount } from "../money/parse";
import { convert, type Unit } from "../money/units";
import { memoByText } from "../memo";
import { JuesuanError } from "../money/errors";
import type { CellValue, MergeArea, SheetSnapshot, WorkbookSnapshot } from "../workbook/snapshot";
import { a1, cellAt, isCellDate, isCellError, sheetSize } from "../workbook/snapshot";
import { hierarchyFor, resolveCategory } from "./standards";
import type { PerfAmount, PerfField, PerfForm, PerfIndicator, SourceRef } from "./types";

type FieldId = keyof typeof labels.fields;
type GridKey = keyof typeof labels.grid;

const normText = memoByText((v: string) =>
  v
    .normalize("NFKC")
    .replace(/[\s\u00a0\u3000]+/g, "")
    .replace(/\([^)]*\)/g, "")
    .replace(/[:：]+$/, ""),
);

const nfkc = memoByText((v: string) => v.normalize("NFKC"));

/** Label text as compared: NFKC, no whitespace, no parenthesised part, no trailing colon. */
export function normLabel(v: CellValue): string {
  return typeof v === "string" ? normText(v) : "";
}

const FIELD_INDEX = new Map<string, FieldId>();
for (const [id, variants] of Object.entries(labels.fields)) for (const v of variants) FIELD_INDEX.set(normLabel(v), id as FieldId);
const SECTIONS = new Set(labels.sections.map((s) => normLabel(s)));
/** Grid header keys with their variants normalised. */
const GRID_KEYS = (Object.entries(labels.grid) as [GridKey, string[]][]).map(([key, variants]) => [key, variants.map((x) => normLabel(x))] as const);
const TITLES = labels.titles;

export function fieldLabel(v: CellValue): FieldId | null {
  return FIELD_INDEX.get(normLabel(v)) ?? null;
}
function gridLabel(v: CellValue): GridKey | null {
  const n = normLabel(v);
  if (!n) return null;
  for (const [key, variants] of GRID_KEYS) if (variants.includes(n)) return key;
  for (const [key, variants] of GRID_KEYS) if (variants.some((x) => n.startsWith(x))) return key;
  return null;
}
/** Is the cell a label of the form (field, section, grid header or title)? */
export function isLabel(v: CellValue): boolean {
  if (typeof v !== "string") return false;
  const n = normLabel(v);
  if (!n) return false;
  return FIELD_INDEX.has(n) || SECTIONS.has(n) || gridLabel(v) !== null || isTitle(v) !== null;
}

export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return Number.isFinite(v) ? fromCellNumber(v).toString() : "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (isCellError(v)) return v.error;
  if (isCellDate(v)) return v.date.slice(0, 10);
  return "";
}

/** Merge-aware view of one sheet (absolute 0-based coordinates). */
class Grid {
  readonly bottom: number;
  readonly right: number;
  readonly left: number;
  constructor(readonly sheet: SheetSnapshot) {
    const size = sheetSize(sheet);
    this.left = sheet.origin.col;
    this.bottom = sheet.origin.row + size.rows - 1;
    this.right = sheet.origin.col + size.cols - 1;
  }
  merge(r: number, c: number): MergeArea | null {
    return this.sheet.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right) ?? null;
  }
  /** The value shown at (r, c): the master's value inside a merged area. */
  shown(r: number, c: number): { value: CellValue; row: number; col: number; merged: boolean } {
    const m = this.merge(r, c);
    if (m) return { value: cellAt(this.sheet, m.top, m.left), row: m.top, col: m.left, merged: m.top !== r || m.left !== c };
    return { value: cellAt(this.sheet, r, c), row: r, col: c, merged: false };
  }
  ref(r: number, c: number): SourceRef {
    return { sheet: this.sheet.name, cell: a1(r, c) };
  }
  empty(v: CellValue): boolean {
    return v === null || (typeof v === "string" && v.trim() === "");
  }
}

interface LabelCell {
  id: FieldId;
  row: number;
  col: number;
  area: MergeArea;
}

/** A form title: a short cell containing 项目绩效目标完成情况表 / 项目支出绩效自评表 (not a sentence mentioning it). */
function isTitle(v: CellValue): string | null {
  return typeof v === "string" ? titleOf(v) : null;
}
const titleOf = memoByText((v: string): string | null => {
  const n = normLabel(v);
  if (n.length > 40 || /[，。；]/.test(n)) return null;
  return TITLES.find((t) => n.includes(t)) ?? null;
});

/** Every performance form in the workbook, in sheet order and top to bottom. */
export function readForms(snapshot: WorkbookSnapshot): PerfForm[] {
  if (!snapshot || !Array.isArray(snapshot.sheets)) throw new JuesuanError("perf-no-workbook", "没有可读取的工作簿内容");
  const out: PerfForm[] = [];
  for (const sheet of snapshot.sheets) {
    const grid = new Grid(sheet);
    const titles: { row: number; col: number; title: string }[] = [];
    sheet.values.forEach((line, i) =>
      line.forEach((v, j) => {
        const t = isTitle(v);
        if (t) titles.push({ row: sheet.origin.row + i, col: sheet.origin.col + j, title: t });
      }),
    );
    titles.sort((a, b) => a.row - b.row || a.col - b.col);
    // one title per row (a merged title is a single master cell; guard against repeats anyway)
    const starts = titles.filter((t, i) => i === 0 || t.row !== titles[i - 1].row);
    starts.forEach((t, i) => {
      const last = i + 1 < starts.length ? starts[i + 1].row - 1 : grid.bottom;
      out.push(readForm(grid, t.row, last, t.col, t.title));
    });
  }
  return out;
}

function readForm(grid: Grid, first: number, last: number, titleCol: number, title: string): PerfForm {
  const sheetName = grid.sheet.name;
  const kind = title.includes("自评") ? "selfEvaluation" : "completion";
  const problems: string[] = [];

  // year, unit, labels
  let year: number | null = null;
  let unit: Unit = "万元";
  let unitSeen = false;
  const labelCells: LabelCell[] = [];
  let gridHeaderRow: number | null = null;
  for (let r = first; r <= last; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      const v = cellAt(grid.sheet, r, c);
      if (typeof v !== "string") continue;
      const t = nfkc(v);
      if (year === null && r <= first + 3) {
        const m = /(\d{4})\s*年度?/.exec(t);
        if (m) year = Number(m[1]);
      }
      if (!unitSeen) {
        if (/\(\s*万元\s*\)|单位[:：]?\s*万元/.test(t)) {
          unit = "万元";
          unitSeen = true;
        } else if (/\(\s*元\s*\)|单位[:：]?\s*元/.test(t)) {
          unit = "元";
          unitSeen = true;
        }
      }
      if (gridHeaderRow === null && gridLabel(v) === "level1") gridHeaderRow = r;
      const id = fieldLabel(v);
      if (id) labelCells.push({ id, row: r, col: c, area: grid.merge(r, c) ?? { top: r, left: c, bottom: r, right: c } });
    }
  }
  const headLimit = gridHeaderRow ?? last + 1;
  const headLabels = labelCells.filter((l) => l.row < headLimit);
  const firstOf = (id: FieldId) => headLabels.find((l) => l.id === id) ?? null;

  const valueOf = (l: LabelCell | null): { raw: CellValue; source: SourceRef | null } => {
    if (!l) return { raw: null, source: null };
    const { area } = l;
    let slot: SourceRef | null = null;
    // to the right, on the label's first row
    for (let c = area.right + 1; c <= grid.right; c++) {
      const s = grid.shown(area.top, c);
      if (s.merged && s.col < area.right + 1) continue;
      if (slot === null && !isLabel(s.value)) slot = grid.ref(s.row, s.col);
      if (grid.empty(s.value)) continue;
      if (isLabel(s.value)) break;
      return { raw: s.value, source: grid.ref(s.row, s.col) };
    }
    // below the label
    const br = area.bottom + 1;
    if (br <= last) {
      const s = grid.shown(br, area.left);
      if (!grid.empty(s.value) && !isLabel(s.value)) return { raw: s.value, source: grid.ref(s.row, s.col) };
      if (slot === null && grid.empty(s.value)) slot = grid.ref(s.row, s.col);
    }
    return { raw: null, source: slot };
  };
  const ref = (l: LabelCell | null) => (l ? grid.ref(l.row, l.col) : null);
  const field = (l: LabelCell | null): PerfField => {
    const v = valueOf(l);
    return { text: cellText(v.raw), raw: v.raw, source: v.source, labelSource: ref(l) };
  };
  const amountAt = (raw: CellValue, source: SourceRef | null, labelSource: SourceRef | null): PerfAmount =>
    makeAmount(raw, source, labelSource, unit);
  const amount = (l: LabelCell | null): PerfAmount => {
    const v = valueOf(l);
    return amountAt(v.raw, v.source, ref(l));
  };

  const form: PerfForm = {
    kind,
    sheet: sheetName,
    title,
    titleCell: grid.ref(first, titleCol),
    rows: { first: first + 1, last: last + 1 },
    year,
    unit,
    name: field(firstOf("name")),
    budgetUnit: field(firstOf("budgetUnit")),
    department: field(firstOf("department")),
    implementer: field(firstOf("implementer")),
    budget: amount(null),
    actual: amount(null),
    budgetFiscal: amount(null),
    budgetOther: amount(null),
    actualFiscal: amount(null),
    actualOther: amount(null),
    goalTarget: field(firstOf("goalTarget")),
    goalActual: field(firstOf("goalActual")),
    gridHeaderRow: gridHeaderRow === null ? null : gridHeaderRow + 1,
    indicators: [],
    emptyRows: [],
    problems,
  };

  const totalLabel = firstOf("total");
  if (totalLabel) {
    // 自评表 money block: a header row (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分) and row labels.
    const budgetHead = firstOf("budget");
    const headRow = budgetHead ? budgetHead.row : totalLabel.row - 1;
    const colOf = (id: FieldId) => headLabels.find((l) => l.id === id && l.row === headRow)?.col ?? null;
    const rowLabel = (id: FieldId) => headLabels.find((l) => l.id === id && l.row > headRow && Math.abs(l.col - totalLabel.col) <= 1) ?? null;
    const at = (rowL: LabelCell | null, col: number | null): PerfAmount => {
      if (!rowL || col === null) return amountAt(null, null, ref(rowL));
      const s = grid.shown(rowL.row, col);
      return amountAt(s.value, grid.ref(s.row, s.col), ref(rowL));
    };
    const cB = colOf("budget");
    const cA = colOf("actual");
    const fiscalRow = rowLabel("fiscal");
    const otherRow = rowLabel("other");
    const carryRow = rowLabel("carryOver");
    form.initialBudget = at(totalLabel, colOf("initialBudget"));
    form.budget = at(totalLabel, cB);
    form.actual = at(totalLabel, cA);
    form.budgetFiscal = at(fiscalRow, cB);
    form.actualFiscal = at(fiscalRow, cA);
    form.budgetOther = at(otherRow, cB);
    form.actualOther = at(otherRow, cA);
    form.budgetCarryOver = at(carryRow, cB);
    form.actualCarryOver = at(carryRow, cA);
    form.executionWeight = at(totalLabel, colOf("weight"));
    const rateCol = colOf("rate");
    if (rateCol !== null) {
      const s = grid.shown(totalLabel.row, rateCol);
      form.executionRateStated = { text: cellText(s.value), raw: s.value, source: grid.ref(s.row, s.col), labelSource: ref(headLabels.find((l) => l.id === "rate") ?? null) };
    }
    form.executionScoreGiven = at(totalLabel, colOf("score"));
  } else {
    // 完成情况表: 预算数 | value | 执行数 | value, then 其中-财政拨款 / 其它资金 pairs under each side.
    const lb = firstOf("budget");
    const la = firstOf("actual");
    form.budget = amount(lb);
    form.actual = amount(la);
    const side = (l: LabelCell): "budget" | "actual" => {
      if (!la) return "budget";
      if (!lb) return "actual";
      return Math.abs(l.col - la.col) < Math.abs(l.col - lb.col) ? "actual" : "budget";
    };
    for (const id of ["fiscal", "other"] as const) {
      for (const l of headLabels.filter((x) => x.id === id)) {
        const s = side(l);
        const key = s === "budget" ? (id === "fiscal" ? "budgetFiscal" : "budgetOther") : id === "fiscal" ? "actualFiscal" : "actualOther";
        if (form[key].labelSource === null) form[key] = amount(l);
      }
    }
  }
  if (!form.name.text) problems.push("未找到项目名称");
  if (!form.budget.labelSource) problems.push("未找到预算数");
  if (!form.actual.labelSource) problems.push("未找到执行数");

  if (gridHeaderRow !== null) readGrid(grid, form, gridHeaderRow, last);
  else problems.push("未找到绩效指标表（一级指标 | 二级指标 | 三级指标 …）");
  return form;
}

function makeAmount(raw: CellValue, source: SourceRef | null, labelSource: SourceRef | null, unit: Unit): PerfAmount {
  const rawText = cellText(raw);
  const base: PerfAmount = { value: null, raw, rawText, writtenUnit: null, source, labelSource };
  if (raw === null || rawText === "") return base;
  try {
    const p = parseAmount(raw, { blankAsZero: false });
    return { ...base, value: convert(p.value, p.unit ?? unit, "万元"), writtenUnit: p.unit };
  } catch (e) {
    return { ...base, error: e instanceof Error ? e.message : String(e) };
  }
}

function readGrid(grid: Grid, form: PerfForm, header: number, last: number): void {
  const cols: Partial<Record<GridKey, number>> = {};
  for (let c = grid.left; c <= grid.right; c++) {
    const v = cellAt(grid.sheet, header, c);
    const key = gridLabel(v);
    if (key && cols[key] === undefined) cols[key] = c;
  }
  const version = hierarchyFor(form.year);
  const required: GridKey[] = ["level1", "level2", "level3", "target", "actual"];
  const missing = required.filter((k) => cols[k] === undefined);
  if (missing.length) {
    form.problems.push(`绩效指标表缺少列：${missing.map((k) => labels.grid[k][0]).join("、")}`);
    return;
  }
  const merges = grid.sheet.merges;
  let prevLevel1 = "";
  for (let r = header + 1; r <= last; r++) {
    let any = false;
    let totalRow = false;
    for (let c = grid.left; c <= grid.right; c++) {
      const v = cellAt(grid.sheet, r, c);
      if (!grid.empty(v)) {
        any = true;
        if (fieldLabel(v) === "totalScore" || normLabel(v) === "合计") totalRow = true;
      }
    }
    const coveredFromGrid = merges.some((m) => m.top >= header && m.top < r && r <= m.bottom);
    if (!any && !coveredFromGrid) break;
    if (totalRow) {
      const scoreCol = cols.score;
      const lbl = grid.sheet.values[r - grid.sheet.origin.row]?.findIndex((v) => fieldLabel(v) === "totalScore" || normLabel(v) === "合计") ?? -1;
      let raw: CellValue = null;
      let src: SourceRef | null = null;
      if (scoreCol !== undefined) {
        const s = grid.shown(r, scoreCol);
        raw = s.value;
        src = grid.ref(s.row, s.col);
      }
      form.totalScoreGiven = makeAmount(raw, src, lbl >= 0 ? grid.ref(r, grid.sheet.origin.col + lbl) : null, "万元");
      break;
    }
    const text = (key: GridKey) => {
      const c = cols[key];
      if (c === undefined) return { text: "", ref: undefined, merged: false };
      const s = grid.shown(r, c);
      return { text: cellText(s.value), ref: grid.ref(s.row, s.col), merged: s.merged };
    };
    const l1 = text("level1");
    const l2 = text("level2");
    const l3 = text("level3");
    const tg = text("target");
    const ac = text("actual");
    const hasContent = Boolean(l3.text || tg.text || ac.text);
    if (!hasContent) {
      form.emptyRows.push(r + 1);
      if (l1.text) prevLevel1 = l1.text;
      continue;
    }
    let level1 = l1.text;
    let carried = l1.merged;
    if (!level1 && prevLevel1) {
      level1 = prevLevel1;
      carried = true;
    }
    prevLevel1 = level1;
    const ind: PerfIndicator = {
      row: r + 1,
      level1,
      level1Carried: carried,
      level2: l2.text,
      level3: l3.text,
      target: tg.text,
      actual: ac.text,
      category: resolveCategory(level1, l2.text, version),
      cells: { level1: l1.ref!, level2: l2.ref!, level3: l3.ref!, target: tg.ref!, actual: ac.ref! },
    };
    if (cols.weight !== undefined) {
      const s = grid.shown(r, cols.weight);
      ind.cells.weight = grid.ref(s.row, s.col);
      ind.weight = makeAmount(s.value, ind.cells.weight, null, "万元");
    }
    if (cols.score !== undefined) {
      const s = grid.shown(r, cols.score);
      ind.cells.score = grid.ref(s.row, s.col);
      ind.scoreGiven = makeAmount(s.value, ind.cells.score, null, "万元");
    }
    if (cols.reason !== undefined) {
      const s = grid.shown(r, cols.reason);
      ind.cells.reason = grid.ref(s.row, s.col);
      ind.reason = cellText(s.value);
    }
    form.indicators.push(ind);
  }
}
