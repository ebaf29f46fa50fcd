import type Decimal from "decimal.js";
import scoringData from "../data/perf/scoring.json";
import gradesData from "../data/perf/grades.json";
import type { Finding } from "../findings";
import { D, HUNDRED, round, sum } from "../money/decimal";
import { formatNumber } from "../money/format";
import { ruleFinding, formRate, projectName } from "./check";
import { compareValues, indicatorName, type CompareResult } from "./compare";
import type { PerfCategory, PerfForm } from "./types";

/** Scoring configuration (DOMAIN §5.2); defaults from src/data/perf/scoring.json. Numbers as decimal strings. */
export interface ScoringConfig {
  weights: { execution: string } & Record<string, string>;
  /** Weight group → categories scored in it (成本 with 产出). */
  groups: Record<string, string[]>;
  execution: { method: "proportional"; capPercent: string };
  /** Fractions of an indicator's weight for qualitative outcomes. */
  qualitative: { full: string; partial: string; none: string };
  grades: { min: string; grade: string }[];
}

export const DEFAULT_SCORING: ScoringConfig = {
  weights: scoringData.weights,
  groups: scoringData.groups,
  execution: scoringData.execution as ScoringConfig["execution"],
  qualitative: scoringData.qualitative,
  grades: scoringData.grades,
};

export interface IndicatorScore {
  row: number;
  level3: string;
  category: PerfCategory;
  group: string;
  weight: Decimal;
  score: Decimal;
  result: CompareResult;
  /** How the score was reached, in Chinese. */
  basis: string;
}

export interface GroupScore {
  group: string;
  weight: Decimal;
  score: Decimal;
  count: number;
}

export interface FormScore {
  execution: { rate: Decimal | null; weight: Decimal; score: Decimal };
  groups: GroupScore[];
  indicators: IndicatorScore[];
  /** 0–100, exact (round for display). */
  total: Decimal;
  grade: string;
  /** Why parts scored 0 (never guessed), and 分值 problems. */
  findings: Finding[];
}

const clamp = (x: Decimal, lo: Decimal, hi: Decimal) => D.max(lo, D.min(hi, x));

function mergeConfig(config?: Partial<ScoringConfig>): ScoringConfig {
  if (!config) return DEFAULT_SCORING;
  return {
    weights: { ...DEFAULT_SCORING.weights, ...(config.weights ?? {}) },
    groups: config.groups ?? DEFAULT_SCORING.groups,
    execution: { ...DEFAULT_SCORING.execution, ...(config.execution ?? {}) },
    qualitative: { ...DEFAULT_SCORING.qualitative, ...(config.qualitative ?? {}) },
    grades: config.grades ?? DEFAULT_SCORING.grades,
  };
}

/** A region's grade labels and bands (src/data/perf/grades.json). */
export interface RegionGrades {
  name: string;
  source: string;
  verified: boolean;
  bandsVerified: boolean;
  note?: string;
  grades: { min: string; grade: string }[];
}
const GRADES = gradesData as unknown as { default: string; regions: Record<string, RegionGrades>; templates: Record<string, string> };

/** The region a report template implies (national-2024 → shanghai), else the default (财预〔2020〕10号). */
export function gradeRegionOf(template?: string): string {
  return (template && GRADES.templates[template]) || GRADES.default;
}

/** The grade labels and bands of a region (unknown region → the default's). */
export function gradesFor(region?: string): RegionGrades {
  return GRADES.regions[region ?? GRADES.default] ?? GRADES.regions[GRADES.default];
}

/** The labels of a region's grades, best first (优、良、合格、不合格 for Shanghai). */
export function gradeLabels(region?: string): string[] {
  return [...gradesFor(region).grades].sort((a, b) => new D(b.min).cmp(new D(a.min))).map((g) => g.grade);
}

/** Scoring with a region's grade labels: pass as `config` to scoreForm / perfReport. */
export function scoringForRegion(region?: string): Partial<ScoringConfig> {
  return { grades: gradesFor(region).grades };
}

export function gradeOf(total: Decimal, config: ScoringConfig = DEFAULT_SCORING): string {
  const sorted = [...config.grades].sort((a, b) => new D(b.min).cmp(new D(a.min)));
  for (const g of sorted) if (total.gte(g.min)) return g.grade;
  return sorted[sorted.length - 1]?.grade ?? "";
}

/** Scores a form per 财预〔2020〕10号: 执行率, then 产出/效益/满意度 indicators. 0 ≤ each score ≤ its weight. */
export function scoreForm(form: PerfForm, config?: Partial<ScoringConfig>): FormScore {
  const cfg = mergeConfig(config);
  const project = projectName(form);
  const findings: Finding[] = [];
  const groupOf = (cat: PerfCategory): string | null => Object.entries(cfg.groups).find(([, cats]) => cats.includes(cat))?.[0] ?? null;

  // which weights: the form's 分值 column when every indicator has one, else the configuration
  const scored = form.indicators.filter((i) => i.category && groupOf(i.category));
  for (const i of form.indicators)
    if (!i.category || !groupOf(i.category)) findings.push(ruleFinding("PS-5", { project, row: i.row, value: i.level1 || "（空）" }, { sheet: form.sheet, cell: i.cells.level1.cell }));
  const own = scored.length > 0 && scored.every((i) => i.weight && i.weight.value !== null && !i.weight.error && !i.weight.value.isNegative());
  const execWeight =
    own && form.executionWeight?.value && !form.executionWeight.value.isNegative() ? form.executionWeight.value : new D(cfg.weights.execution);

  // execution
  const rate = formRate(form);
  let execScore = new D(0);
  if (rate === null) {
    const reason = form.budget.value === null ? "预算数为空" : form.budget.value.isPositive() ? "执行数为空" : "预算数为0";
    findings.push(ruleFinding("PS-3", { project, reason, weight: formatNumber(execWeight, "trim") }, form.budget.source ?? form.titleCell));
  } else {
    const cap = new D(cfg.execution.capPercent);
    execScore = clamp(D.min(rate, cap).div(HUNDRED).times(execWeight), new D(0), execWeight);
  }

  // indicator weights
  const groups: GroupScore[] = [];
  const indicators: IndicatorScore[] = [];
  for (const [group, cats] of Object.entries(cfg.groups)) {
    const rows = scored.filter((i) => cats.includes(i.category!));
    const groupWeight = own ? sum(rows.map((i) => i.weight!.value!)) : new D(cfg.weights[group] ?? 0);
    if (rows.length === 0) {
      findings.push(ruleFinding("PS-2", { project, category: group, weight: formatNumber(groupWeight, "trim") }, { sheet: form.sheet, cell: form.gridHeaderRow ? `A${form.gridHeaderRow}` : form.titleCell.cell }));
      groups.push({ group, weight: groupWeight, score: new D(0), count: 0 });
      continue;
    }
    const each = own ? null : groupWeight.div(rows.length);
    let groupScore = new D(0);
    for (const i of rows) {
      const weight = own ? i.weight!.value! : each!;
      const result = compareValues(i.target, i.actual);
      const { score, basis } = indicatorScore(result, weight, cfg);
      if (score === null) {
        findings.push(ruleFinding("PS-1", { project, indicator: indicatorName(i), reason: result.reason ?? "无法比较" }, { sheet: form.sheet, cell: i.cells.actual.cell }));
      }
      const s = clamp(score ?? new D(0), new D(0), weight);
      groupScore = groupScore.plus(s);
      indicators.push({ row: i.row, level3: i.level3, category: i.category!, group, weight, score: s, result, basis });
    }
    groups.push({ group, weight: groupWeight, score: groupScore, count: rows.length });
  }
  if (own) {
    const total = execWeight.plus(sum(groups.map((g) => g.weight)));
    if (!total.eq(100)) findings.push(ruleFinding("PS-4", { project, sum: formatNumber(total, "trim") }, { sheet: form.sheet, cell: form.gridHeaderRow ? `A${form.gridHeaderRow}` : form.titleCell.cell }));
  }
  const total = clamp(execScore.plus(sum(groups.map((g) => g.score))), new D(0), HUNDRED);
  return { execution: { rate, weight: execWeight, score: execScore }, groups, indicators, total, grade: gradeOf(round(total, 2), cfg), findings };
}

/** Score of one indicator; null when it cannot be scored (then 0 and a finding). */
export function indicatorScore(result: CompareResult, weight: Decimal, config: ScoringConfig = DEFAULT_SCORING): { score: Decimal | null; basis: string } {
  const q = config.qualitative;
  switch (result.kind) {
    case "met":
      return { score: new D(weight), basis: result.level ? "定性指标达成，得满分" : result.reverse ? "反向指标达成，得满分" : "达成目标，得满分" };
    case "exceeded":
      return { score: new D(weight), basis: "超额完成，得满分（如目标明显偏低，请人工调整）" };
    case "notMet":
      if (result.level) {
        const f = new D(result.level === "partial" ? q.partial : q.none);
        return { score: new D(weight).times(f), basis: result.level === "partial" ? `部分达成，按分值的${formatNumber(f.times(100), "trim")}%计` : `未达成，按分值的${formatNumber(f.times(100), "trim")}%计` };
      }
      return {
        score: new D(weight).times(clamp(result.ratio ?? new D(0), new D(0), new D(1))),
        basis: result.reverse ? "反向指标未达成，按 目标值/实际值 计分" : "未达成，按 实际值/目标值 计分",
      };
    default:
      return { score: null, basis: result.reason ?? "无法评分" };
  }
}
