/**
 * Project performance forms (项目绩效目标完成情况表 / 项目支出绩效自评表): read, check (P-1 … P-12),
 * score (财预〔2020〕10号) and describe a blank form. Pure: works on a WorkbookSnapshot only.
 */
import type Decimal from "decimal.js";
import { formatNumber } from "../money/format";
import { round } from "../money/decimal";
import { checkForms, formRate, projectName, type PerfCheckResult } from "./check";
import type { PerfContext } from "./context";
import { scoreForm, type FormScore, type ScoringConfig } from "./score";
import type { PerfAmount, PerfForm } from "./types";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import type { Finding } from "../findings";
import { readForms } from "./read";

export * from "./types";
export { readForms, normLabel, isLabel } from "./read";
export { compareValues, parseValue, targetProblem, actualProblem } from "./compare";
export type { CompareResult, CompareKind, ParsedValue, Comparator } from "./compare";
export { checkForms, checkForm, formRate, projectName } from "./check";
export type { PerfCheckResult, FormCheck } from "./check";
export { scoreForm, gradeOf, indicatorScore, DEFAULT_SCORING, gradesFor, gradeLabels, gradeRegionOf, scoringForRegion } from "./score";
export type { ScoringConfig, FormScore, IndicatorScore, GroupScore } from "./score";
export { parseNarrative, readPerfContext, perfContextFromModel } from "./context";
export type { PerfContext, PerfParagraph, PerfCountKey, SanGongItem } from "./context";
export { blankFormCells } from "./blank";
export type { BlankForm } from "./blank";

const money = (d: Decimal | null) => (d === null ? null : formatNumber(d, "fixed2"));

function amountJSON(a: PerfAmount | undefined) {
  if (!a) return undefined;
  return { value: money(a.value), raw: a.rawText, writtenUnit: a.writtenUnit, error: a.error, cell: a.source?.cell ?? null };
}

/** A form as plain JSON for display (amounts as 2-decimal strings in 万元, cells as A1). */
export function formToJSON(form: PerfForm) {
  return {
    kind: form.kind,
    sheet: form.sheet,
    title: form.title,
    titleCell: form.titleCell.cell,
    rows: form.rows,
    year: form.year,
    unit: form.unit,
    name: form.name.text,
    nameCell: form.name.source?.cell ?? null,
    budgetUnit: form.budgetUnit.text,
    department: form.department.text || undefined,
    implementer: form.implementer.text || undefined,
    budget: amountJSON(form.budget),
    actual: amountJSON(form.actual),
    budgetFiscal: amountJSON(form.budgetFiscal),
    budgetOther: amountJSON(form.budgetOther),
    actualFiscal: amountJSON(form.actualFiscal),
    actualOther: amountJSON(form.actualOther),
    initialBudget: amountJSON(form.initialBudget),
    budgetCarryOver: amountJSON(form.budgetCarryOver),
    actualCarryOver: amountJSON(form.actualCarryOver),
    executionWeight: amountJSON(form.executionWeight),
    executionRateStated: form.executionRateStated?.text,
    goalTarget: { text: form.goalTarget.text, cell: form.goalTarget.source?.cell ?? null },
    goalActual: { text: form.goalActual.text, cell: form.goalActual.source?.cell ?? null },
    indicators: form.indicators.map((i) => ({
      row: i.row,
      level1: i.level1,
      level2: i.level2,
      level3: i.level3,
      target: i.target,
      actual: i.actual,
      category: i.category,
      weight: i.weight ? money(i.weight.value) : undefined,
      scoreGiven: i.scoreGiven ? money(i.scoreGiven.value) : undefined,
      reason: i.reason,
      cells: { level1: i.cells.level1.cell, level2: i.cells.level2.cell, level3: i.cells.level3.cell, target: i.cells.target.cell, actual: i.cells.actual.cell, weight: i.cells.weight?.cell, score: i.cells.score?.cell, reason: i.cells.reason?.cell },
    })),
    emptyRows: form.emptyRows,
    problems: form.problems,
  };
}

export interface ProjectReport {
  name: string;
  sheet: string;
  cell: string;
  /** 万元, 2 decimals; null when not on the form. */
  budget: string | null;
  actual: string | null;
  /** Percent, 2 decimals, without the % sign; null when there is no budget. */
  rate: string | null;
  score: string;
  grade: string;
  findings: Finding[];
}

export interface PerfReport {
  projects: ProjectReport[];
  /** Findings about the forms as a whole (P-11 counts). */
  findings: Finding[];
  check: PerfCheckResult;
  scores: FormScore[];
}

/** Reads, checks and scores every form of a workbook: what `juesuan perf` and the pane show. */
export function perfReport(snapshot: WorkbookSnapshot, context: PerfContext = {}, config?: Partial<ScoringConfig>): PerfReport {
  const forms = readForms(snapshot);
  return perfReportOf(forms, context, config);
}

export function perfReportOf(forms: PerfForm[], context: PerfContext = {}, config?: Partial<ScoringConfig>): PerfReport {
  const check = checkForms(forms, context);
  const scores = forms.map((f) => scoreForm(f, config));
  const projects = forms.map((f, i) => {
    const rate = formRate(f);
    return {
      name: projectName(f),
      sheet: f.sheet,
      cell: f.titleCell.cell,
      budget: money(f.budget.value),
      actual: money(f.actual.value),
      rate: rate === null ? null : formatNumber(round(rate, 2), "fixed2"),
      score: formatNumber(scores[i].total, "fixed2"),
      grade: scores[i].grade,
      findings: [...check.forms[i].findings, ...scores[i].findings],
    };
  });
  return { projects, findings: check.workbook, check, scores };
}
export { reassessForm, sheetWithEdits, draftValue } from "./live";
export type { LiveForm, CellDraft } from "./live";
