/** Pure logic of the 绩效 tab: editable cells of a form, changed cells, status line. */
import { summarise } from "../../../src/findings";
import { reassessForm } from "../../../src/perf/live";
import type { CellEdit } from "../../services";
import { extrasOf } from "./toView";
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

/**
 * The form as the edits would make it: 执行率, score, grade, findings and reading problems recomputed from
 * the edited cells (src/perf reassessForm), marked `unsaved`; the cells themselves stay as read (the
 * inputs show the drafts). Without edits, or without the sheet to recompute from, the form itself.
 */
export function liveView(form: PerfFormView, drafts: Record<string, string>): PerfFormView {
  const edits = changedCells(form, drafts);
  if (edits.length === 0 || !form.live) return form;
  const r = reassessForm(form.live.sheet, form.titleCell, edits, form.live.context);
  if (!r.form || !r.report) {
    return { ...form, executionRate: undefined, score: undefined, grade: undefined, unsaved: true, problems: [...form.problems, "按未保存的修改已无法识别为绩效表，无法计算得分"] };
  }
  const x = extrasOf(r.report);
  return {
    ...form,
    executionRate: x.executionRate === undefined ? undefined : String(x.executionRate),
    score: x.score === undefined ? undefined : String(x.score),
    grade: x.grade,
    findings: x.findings ?? [],
    problems: [...r.form.problems],
    unsaved: true,
  };
}

/** Rules whose findings mean an indicator was scored 0 because it could not be judged. */
const UNSCORED = new Set(["PS-1", "PS-2", "PS-3", "PS-5"]);

/**
 * What lowers the credibility of the score and grade (in words, shown with them): errors on the form,
 * indicators scored 0 because they could not be judged, unsaved edits, reading problems.
 */
export function gradeCaveats(form: PerfFormView): string[] {
  const c = summarise(form.findings);
  const out: string[] = [];
  if (form.unsaved) out.push("按尚未保存的修改计算");
  if (c.error > 0) out.push(`表中有 ${c.error} 处错误，更正后得分可能变化`);
  const unscored = form.findings.filter((f) => UNSCORED.has(f.rule)).length;
  if (unscored > 0) out.push(`${unscored} 项无法评分，按0分计`);
  if (form.problems.length > 0) out.push(`表格有 ${form.problems.length} 处未能读取`);
  return out;
}

/** "86.50分 良（有 3 处错误）· 错误 3 · 提示 2" style status of a project (words, not colour). */
export function formStatus(form: PerfFormView): string {
  const c = summarise(form.findings);
  const parts: string[] = [];
  const caveat = c.error > 0 ? `（有 ${c.error} 处错误，仅供参考）` : "";
  if (form.score !== undefined) parts.push(`${form.score}分${form.grade ? ` ${form.grade}` : ""}${caveat}`);
  else if (form.grade) parts.push(`${form.grade}${caveat}`);
  parts.push(`错误 ${c.error}`, `提示 ${c.warning}`);
  if (form.unsaved) parts.push("未保存");
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
