/**
 * What the 绩效 tab shows of one performance form: plain strings, each with the cell it lives in
 * (null when the form has no such cell; the pane then shows it read-only). Mirrors DOMAIN §5.1
 * (项目绩效目标完成情况表) and §5.2 (项目支出绩效自评表: 分值/得分/偏差原因).
 * Built from src/perf's PerfForm by toPerfFormView (./toView.ts).
 */
import type { Finding } from "../../../src/findings";
import type { Unit } from "../../../src/money/units";
import type { PerfContext } from "../../../src/perf/context";
import type { SheetSnapshot } from "../../../src/workbook/snapshot";

/** What the pane needs to recompute a form from unsaved edits (src/perf reassessForm): its sheet as read, and the report context. */
export interface PerfLiveSource {
  sheet: SheetSnapshot;
  context: PerfContext;
}

export interface PerfCellRef {
  sheet: string;
  cell: string;
}

export interface PerfCellView {
  /** The text as written in the cell ("" when empty). */
  text: string;
  /** The value cell (or its empty slot); edits are written here. */
  source: PerfCellRef | null;
}

export interface PerfIndicatorView {
  /** 1-based sheet row. */
  row: number;
  level1: PerfCellView;
  level2: PerfCellView;
  level3: PerfCellView;
  target: PerfCellView;
  actual: PerfCellView;
  /** 自评表 only. */
  weight?: PerfCellView;
  score?: PerfCellView;
  reason?: PerfCellView;
}

export interface PerfFormView {
  /** Unique per workbook: "<sheet>!<title cell>" (several forms may share one sheet). */
  id: string;
  kind: "completion" | "selfEvaluation";
  sheet: string;
  title: string;
  titleCell: PerfCellRef;
  year: number | null;
  /** Unit of the money block. */
  unit: Unit;
  name: PerfCellView;
  budgetUnit: PerfCellView;
  /** 自评表: 主管部门 / 实施单位. */
  department?: PerfCellView;
  implementer?: PerfCellView;
  budget: PerfCellView;
  actual: PerfCellView;
  budgetFiscal: PerfCellView;
  budgetOther: PerfCellView;
  actualFiscal: PerfCellView;
  actualOther: PerfCellView;
  goalTarget: PerfCellView;
  goalActual: PerfCellView;
  indicators: PerfIndicatorView[];
  /** Display strings computed by the core (src/perf), when available. */
  executionRate?: string;
  score?: string;
  /** 优 / 良 / 中 / 差. */
  grade?: string;
  findings: Finding[];
  /** Reading problems in Chinese. */
  problems: string[];
  /** The form's sheet and context, when the pane can recompute it from unsaved edits. */
  live?: PerfLiveSource;
  /** True when 执行率, score, grade and findings are computed from edits not yet saved to the sheet. */
  unsaved?: boolean;
}
