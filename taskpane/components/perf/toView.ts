import type { Finding } from "../../../src/findings";
import type { PerfAmount, PerfField, PerfForm, PerfIndicator, SourceRef } from "../../../src/perf/types";
import type { PerfContext } from "../../../src/perf/context";
import type { WorkbookSnapshot } from "../../../src/workbook/snapshot";
import type { PerfCellView, PerfFormView, PerfIndicatorView } from "./types";

/** Anything printable as a score (a Decimal, a number or a string). */
type Printable = { toString(): string } | string | number;

export interface PerfExtras {
  executionRate?: Printable;
  score?: Printable;
  grade?: string;
  findings?: Finding[];
}

const fieldView = (f: PerfField | undefined): PerfCellView => ({ text: f?.text ?? "", source: f?.source ?? null });
const amountView = (a: PerfAmount | undefined): PerfCellView => ({ text: a?.rawText ?? "", source: a?.source ?? null });
const cellView = (text: string | undefined, source: SourceRef | undefined): PerfCellView => ({ text: text ?? "", source: source ?? null });

function indicatorView(i: PerfIndicator): PerfIndicatorView {
  const v: PerfIndicatorView = {
    row: i.row,
    level1: cellView(i.level1, i.cells.level1),
    level2: cellView(i.level2, i.cells.level2),
    level3: cellView(i.level3, i.cells.level3),
    target: cellView(i.target, i.cells.target),
    actual: cellView(i.actual, i.cells.actual),
  };
  if (i.weight !== undefined || i.cells.weight) v.weight = { text: i.weight?.rawText ?? "", source: i.cells.weight ?? i.weight?.source ?? null };
  if (i.scoreGiven !== undefined || i.cells.score) v.score = { text: i.scoreGiven?.rawText ?? "", source: i.cells.score ?? i.scoreGiven?.source ?? null };
  if (i.reason !== undefined || i.cells.reason) v.reason = cellView(i.reason, i.cells.reason);
  return v;
}

/** The pane's view of a form read by src/perf (readForms), with the core's score, grade and findings. */
export function toPerfFormView(form: PerfForm, extras: PerfExtras = {}): PerfFormView {
  const view: PerfFormView = {
    id: `${form.titleCell.sheet}!${form.titleCell.cell}`,
    kind: form.kind,
    sheet: form.sheet,
    title: form.title,
    titleCell: form.titleCell,
    year: form.year,
    unit: form.unit,
    name: fieldView(form.name),
    budgetUnit: fieldView(form.budgetUnit),
    budget: amountView(form.budget),
    actual: amountView(form.actual),
    budgetFiscal: amountView(form.budgetFiscal),
    budgetOther: amountView(form.budgetOther),
    actualFiscal: amountView(form.actualFiscal),
    actualOther: amountView(form.actualOther),
    goalTarget: fieldView(form.goalTarget),
    goalActual: fieldView(form.goalActual),
    indicators: form.indicators.map(indicatorView),
    findings: extras.findings ?? [],
    problems: [...form.problems],
  };
  if (form.kind === "selfEvaluation") {
    view.department = fieldView(form.department);
    view.implementer = fieldView(form.implementer);
  }
  if (extras.executionRate !== undefined) view.executionRate = String(extras.executionRate);
  if (extras.score !== undefined) view.score = String(extras.score);
  if (extras.grade !== undefined) view.grade = extras.grade;
  return view;
}

/** The per-project results of src/perf's perfReportOf (structurally), aligned with the forms. */
export interface PerfProjectResults {
  projects: { rate: string | null; score: string; grade: string; findings: Finding[] }[];
}

/** The core's per-project result as the view's extras. */
export function extrasOf(p: PerfProjectResults["projects"][number]): PerfExtras {
  return { score: p.score, grade: p.grade, findings: p.findings, executionRate: p.rate === null ? undefined : `${p.rate}%` };
}

/**
 * Views of every form with its score, grade, execution rate (as "95.00%") and findings. With `source`
 * (the snapshot the forms were read from and the report context), each view can be recomputed from
 * unsaved edits (perfModel liveView).
 */
export function toPerfFormViews(forms: PerfForm[], results?: PerfProjectResults, source?: { snapshot: WorkbookSnapshot; context: PerfContext }): PerfFormView[] {
  return forms.map((form, i) => {
    const p = results?.projects[i];
    const view = toPerfFormView(form, p ? extrasOf(p) : {});
    const sheet = source?.snapshot.sheets.find((s) => s.name === form.sheet);
    if (sheet) view.live = { sheet, context: source!.context };
    return view;
  });
}
