import type Decimal from "decimal.js";
import type { Unit } from "../money/units";
import type { CellValue } from "../workbook/snapshot";

/** Where a value lives: sheet name and A1 address. */
export interface SourceRef {
  sheet: string;
  cell: string;
}

/** A text field of a form (项目名称, 预期目标 …). `source` is the value cell (or the empty slot for it). */
export interface PerfField {
  text: string;
  raw: CellValue;
  source: SourceRef | null;
  labelSource: SourceRef | null;
}

/** An amount field of a form, in 万元 (the form's unit converted), exact. */
export interface PerfAmount {
  /** null when the cell is empty (or not on the form). */
  value: Decimal | null;
  raw: CellValue;
  /** The raw text as written ("0.8万元", "75"). */
  rawText: string;
  /** A unit written with the number itself ("0.8万元" → 万元). */
  writtenUnit: Unit | null;
  /** Parsing problem in Chinese, when the cell holds text that is not an amount. */
  error?: string;
  source: SourceRef | null;
  labelSource: SourceRef | null;
}

/** The category an indicator row belongs to (resolved from 一级, alias or 二级). */
export type PerfCategory = "产出" | "效益" | "满意度" | "成本";

export interface PerfIndicator {
  /** 1-based sheet row. */
  row: number;
  level1: string;
  /** True when 一级 was taken from a merged cell or carried down from the row above. */
  level1Carried: boolean;
  level2: string;
  level3: string;
  target: string;
  actual: string;
  /** 分值 / 得分 / 偏差原因 columns (自评表); undefined when the form has no such column. */
  weight?: PerfAmount;
  scoreGiven?: PerfAmount;
  reason?: string;
  category: PerfCategory | null;
  cells: {
    level1: SourceRef;
    level2: SourceRef;
    level3: SourceRef;
    target: SourceRef;
    actual: SourceRef;
    weight?: SourceRef;
    score?: SourceRef;
    reason?: SourceRef;
  };
}

export type PerfFormKind = "completion" | "selfEvaluation";

export interface PerfForm {
  /** completion = 项目绩效目标完成情况表 (Sichuan); selfEvaluation = 项目支出绩效自评表. */
  kind: PerfFormKind;
  sheet: string;
  title: string;
  titleCell: SourceRef;
  /** 1-based first and last sheet rows of the form. */
  rows: { first: number; last: number };
  /** Year from "(2020年度)" or the title, if written. */
  year: number | null;
  /** Unit of the money block ("(万元)" in the header; default 万元). */
  unit: Unit;
  name: PerfField;
  budgetUnit: PerfField;
  department: PerfField;
  implementer: PerfField;
  budget: PerfAmount;
  actual: PerfAmount;
  budgetFiscal: PerfAmount;
  budgetOther: PerfAmount;
  actualFiscal: PerfAmount;
  actualOther: PerfAmount;
  /** 自评表 only. */
  initialBudget?: PerfAmount;
  budgetCarryOver?: PerfAmount;
  actualCarryOver?: PerfAmount;
  executionWeight?: PerfAmount;
  executionRateStated?: PerfField;
  executionScoreGiven?: PerfAmount;
  totalScoreGiven?: PerfAmount;
  goalTarget: PerfField;
  goalActual: PerfField;
  /** Header row of the indicator grid (1-based), null when the form has no grid. */
  gridHeaderRow: number | null;
  indicators: PerfIndicator[];
  /** 1-based rows of the grid that hold no 三级/预期/实际 content (ignored, reported as incomplete). */
  emptyRows: number[];
  /** Reading problems (Chinese), e.g. a missing 项目名称. */
  problems: string[];
}
