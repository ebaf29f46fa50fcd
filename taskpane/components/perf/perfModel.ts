/** Pure logic of the 绩效 tab: editable cells of a form, changed cells, status line. */
import { summarise } from "../../../src/findings";
import type { CellEdit } from "../../services";
import type { PerfCellView, PerfFormView } from "./types";

export const cellKey = (sheet: string, cell: string): string => `${sheet}!${cell}`;

/** Every editable cell of a form with its current text, keyed by "sheet!cell". */
export function formCells(form: PerfFormView): Map<string, { sheet: string; cell: string; text: string }> {
  const out = new Map<string, { sheet: string; cell: string; text: string }>();
  const put = (v: PerfCellView | undefined) => {
    if (v?.source) out.set(cellKey(v.source.sheet, v.source.cell), { ...v.source, text: v.text });
  };
  [form.name, form.budgetUnit, form.department, form.implementer, form.budget, form.actual, form.budgetFiscal,
    form.budgetOther, form.actualFiscal, form.actualOther, form.goalTarget, form.goalActual].forEach(put);
  for (const i of form.indicators) [i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score, i.reason].forEach(put);
  return out;
}

/** The edits that change a cell of the form (typing a value back to the original drops the edit). */
export function changedCells(form: PerfFormView, drafts: Record<string, string>): CellEdit[] {
  const cells = formCells(form);
  const out: CellEdit[] = [];
  for (const [key, value] of Object.entries(drafts)) {
    const c = cells.get(key);
    if (!c || c.text === value) continue;
    out.push({ sheet: c.sheet, cell: c.cell, value });
  }
  return out;
}

/** "86.50分 良 · 错误 1 · 提示 2" style status of a project (words, not colour). */
export function formStatus(form: PerfFormView): string {
  const c = summarise(form.findings);
  const parts: string[] = [];
  if (form.score !== undefined) parts.push(`${form.score}分${form.grade ? ` ${form.grade}` : ""}`);
  else if (form.grade) parts.push(form.grade);
  parts.push(`错误 ${c.error}`, `提示 ${c.warning}`);
  return parts.join(" · ");
}

/** Display name of a project: its 项目名称, else the sheet. */
export function formName(form: PerfFormView): string {
  return form.name.text.trim() || `${form.sheet}（未填项目名称）`;
}

/** Chinese reason a project name cannot be used for a new sheet, or null when it is fine. */
export function projectNameProblem(name: string): string | null {
  const t = name.trim();
  if (t === "") return "请输入项目名称。";
  if (t.length > 100) return "项目名称过长（最多 100 个字）。";
  return null;
}
