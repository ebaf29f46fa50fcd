import type Decimal from "decimal.js";
import rulesData from "../data/perf/rules.json";
import sangong from "../data/perf/sangong.json";
import scoringData from "../data/perf/scoring.json";
import type { Finding, Severity } from "../findings";
import { D, HUNDRED, round } from "../money/decimal";
import { formatNumber } from "../money/format";
import { actualProblem, compareValues, indicatorName, parseValue, targetProblem } from "./compare";
import { parseNarrative, PERF_COUNT_KEYS, REASON_WORDS, type PerfContext, type PerfCountKey, type PerfNarrative, type ProjectSummary } from "./context";
import { allowedLevel2, hierarchyFor, REQUIRED_CATEGORIES, resolveCategory, shortName, squash, standardLevel1, standardLevel1Names } from "./standards";
import type { PerfAmount, PerfForm, SourceRef } from "./types";

interface RuleDef {
  severity: Severity;
  message: string;
}
const RULES = rulesData.rules as Record<string, RuleDef>;

/** Fills a rule's message template. */
export function ruleFinding(
  rule: string,
  params: Record<string, string | number>,
  at: { sheet?: string; cell?: string; row?: number } = {},
  extra: Partial<Finding> = {},
): Finding {
  const def = RULES[rule];
  const message = def.message.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] !== undefined ? String(params[k]) : `{${k}}`));
  const f: Finding = { rule: rule.replace(/-(split|narrative|amount|empty)$/, ""), severity: def.severity, message };
  if (at.sheet) f.sheet = at.sheet;
  if (at.cell) f.cell = at.cell;
  if (at.row !== undefined) f.row = at.row;
  return { ...f, ...extra };
}

const here = (s: SourceRef | null | undefined) => (s ? { sheet: s.sheet, cell: s.cell } : {});
const fmt = (d: Decimal) => formatNumber(d, "fixed2");
const fmtTrim = (d: Decimal) => formatNumber(d, "trim");

export function projectName(form: PerfForm): string {
  return form.name.text || `${form.sheet}!${form.titleCell.cell}`;
}

/** 执行率 in percent points (exact), or null when there is no usable budget/actual. */
export function formRate(form: PerfForm): Decimal | null {
  const b = form.budget.value;
  const a = form.actual.value;
  if (!b || a === null || !b.isPositive()) return null;
  return a.div(b).times(HUNDRED);
}

export interface FormCheck {
  form: PerfForm;
  findings: Finding[];
  /** The narrative 综述 of the project, when found. */
  summary?: ProjectSummary;
}

export interface PerfCheckResult {
  forms: FormCheck[];
  /** Findings about the set of forms as a whole (P-11). */
  workbook: Finding[];
  /** All findings, forms first. */
  all: Finding[];
}

/** Runs P-1 … P-12 on every form, plus the cross-checks that need the narrative and 补充数据. */
export function checkForms(forms: PerfForm[], context: PerfContext = {}): PerfCheckResult {
  const narrative = parseNarrative(context.paragraphs ?? []);
  const results = forms.map((f) => ({ form: f, ...checkForm(f, context, narrative) }));
  const workbook = checkCounts(forms, context, narrative);
  return { forms: results, workbook, all: [...results.flatMap((r) => r.findings), ...workbook] };
}

/** Checks one form (P-1 … P-10, P-12 and reading notes). */
export function checkForm(form: PerfForm, context: PerfContext = {}, narrative?: PerfNarrative): { findings: Finding[]; summary?: ProjectSummary } {
  const out: Finding[] = [];
  const project = projectName(form);
  const year = form.year ?? context.year ?? null;
  const version = hierarchyFor(year);

  for (const p of form.problems) out.push(ruleFinding("P-read", { project, sheet: form.sheet, problem: p }, here(form.titleCell)));

  // amounts that are not numbers
  const amounts: [string, PerfAmount][] = [
    ["预算数", form.budget],
    ["执行数", form.actual],
    ["预算数中的财政拨款", form.budgetFiscal],
    ["预算数中的其它资金", form.budgetOther],
    ["执行数中的财政拨款", form.actualFiscal],
    ["执行数中的其它资金", form.actualOther],
  ];
  for (const [what, a] of amounts) if (a.error) out.push(ruleFinding("P-8-amount", { project, what, raw: a.rawText }, here(a.source)));

  // P-1 non-standard 一级 (one finding per distinct name)
  const allowed1 = standardLevel1Names(version).join("、");
  const bad1 = new Map<string, { count: number; cell: SourceRef }>();
  for (const ind of form.indicators) {
    if (standardLevel1(ind.level1, version)) continue;
    const key = ind.level1 || "（空）";
    const e = bad1.get(key);
    if (e) e.count++;
    else bad1.set(key, { count: 1, cell: ind.cells.level1 });
  }
  for (const [value, e] of bad1)
    out.push(ruleFinding("P-1", { project, value, basis: version.basis, allowed: allowed1, count: e.count }, here(e.cell), { stated: value, expected: allowed1 }));

  // P-2 二级 in its 一级's whitelist
  for (const ind of form.indicators) {
    if (!ind.level2) {
      out.push(ruleFinding("P-2-empty", { project, row: ind.row }, here(ind.cells.level2)));
      continue;
    }
    const cat = ind.category ?? resolveCategory(ind.level1, ind.level2, version);
    if (!cat) continue;
    const allowed = allowedLevel2(cat, version);
    if (!allowed.includes(shortName(ind.level2))) {
      const std = version.level1.find((l) => l.category === cat);
      out.push(
        ruleFinding(
          "P-2",
          { project, value: ind.level2, level1: std?.name ?? ind.level1, basis: version.basis, allowed: allowed.map((x) => `${x}指标`).join("、") || "无" },
          here(ind.cells.level2),
          { stated: ind.level2 },
        ),
      );
    }
  }

  // P-3 each required category present
  const present = new Set(form.indicators.map((i) => (i.category === "成本" && !version.level1.some((l) => l.category === "成本") ? "产出" : i.category)));
  for (const cat of REQUIRED_CATEGORIES)
    if (!present.has(cat)) out.push(ruleFinding("P-3", { project, category: cat }, here(form.gridHeaderRow ? { sheet: form.sheet, cell: `A${form.gridHeaderRow}` } : form.titleCell)));

  // P-4 … P-7 per row
  for (const ind of form.indicators) {
    const l3 = parseValue(ind.level3);
    if (l3.kind === "empty") out.push(ruleFinding("P-4", { project, row: ind.row, problem: "为空" }, here(ind.cells.level3)));
    else if (l3.kind === "placeholder")
      out.push(ruleFinding("P-4", { project, row: ind.row, problem: `“${ind.level3}”是未替换的占位符` }, here(ind.cells.level3), { stated: ind.level3 }));
    const name = indicatorName(ind);
    const tp = targetProblem(parseValue(ind.target));
    if (tp) out.push(ruleFinding("P-5", { project, indicator: name, problem: tp }, here(ind.cells.target), ind.target ? { stated: ind.target } : {}));
    const ap = actualProblem(parseValue(ind.actual));
    if (ap) out.push(ruleFinding("P-6", { project, indicator: name, problem: ap }, here(ind.cells.actual), ind.actual ? { stated: ind.actual } : {}));
    if (!tp && !ap) {
      const c = compareValues(ind.target, ind.actual);
      if (c.kind === "notComparable" && c.reason)
        out.push(ruleFinding("P-7", { project, indicator: name, reason: c.reason }, here(ind.cells.actual), { stated: ind.actual }));
    }
  }

  // P-8 split: 财政拨款 + 其它资金 (+ 上年结转) = total, for both sides
  const split = (side: string, total: PerfAmount, parts: (PerfAmount | undefined)[]) => {
    const [fiscal, other, carry] = parts;
    if (total.value === null || !fiscal || fiscal.value === null) return;
    const sum = [fiscal, other, carry].reduce((s, p) => (p && p.value ? s.plus(p.value) : s), new D(0));
    if (!sum.eq(total.value)) {
      const otherVal = (other?.value ?? new D(0)).plus(carry?.value ?? new D(0));
      out.push(
        ruleFinding(
          "P-8-split",
          { project, side, fiscal: fmtTrim(fiscal.value), other: fmtTrim(otherVal), sum: fmtTrim(sum), total: fmtTrim(total.value) },
          here(total.source),
          { stated: fmt(total.value), expected: fmt(sum), difference: fmt(sum.minus(total.value)) },
        ),
      );
    }
  };
  split("预算数", form.budget, [form.budgetFiscal, form.budgetOther, form.budgetCarryOver]);
  split("执行数", form.actual, [form.actualFiscal, form.actualOther, form.actualCarryOver]);

  const rate = formRate(form);
  // 自评表 stated 执行率
  if (rate && form.executionRateStated?.text) {
    const stated = parsePercentText(form.executionRateStated.text);
    if (stated && !round(rate, stated.dp).eq(stated.value))
      out.push(
        ruleFinding("P-8-narrative", { project, what: "执行率", stated: form.executionRateStated.text, expected: `${fmt(rate)}%` }, here(form.executionRateStated.source), {
          stated: form.executionRateStated.text,
          expected: `${fmt(round(rate, 2))}%`,
        }),
      );
  }

  // P-8 narrative 综述
  const nar = narrative ?? parseNarrative(context.paragraphs ?? []);
  const summary = nar.summaries.find((s) => squash(s.name) === squash(project));
  if (summary) {
    const at = { sheet: summary.paragraph.sheet, row: summary.paragraph.row };
    const cmp = (what: string, stated: Decimal, form: Decimal | null) => {
      if (form === null || stated.eq(form)) return;
      out.push(ruleFinding("P-8-narrative", { project, what, stated: `${fmtTrim(stated)}万元`, expected: `${fmtTrim(form)}万元` }, at, { stated: fmt(stated), expected: fmt(form), text: summary.paragraph.text }));
    };
    cmp("全年预算数", summary.budget, form.budget.value);
    cmp("执行数", summary.actual, form.actual.value);
    if (rate) {
      const dp = (summary.rateText.split(".")[1] ?? "").length;
      if (!round(rate, dp).eq(summary.rate))
        out.push(
          ruleFinding("P-8-narrative", { project, what: "完成预算的比例", stated: `${summary.rateText}%`, expected: `${fmt(rate)}%` }, at, {
            stated: `${summary.rateText}%`,
            expected: `${fmt(rate)}%`,
            text: summary.paragraph.text,
          }),
        );
    }
  }

  // P-9 reason for rate < 100 %
  if (rate && rate.lt(100)) {
    const inTable = form.indicators.some((i) => i.reason && i.reason.trim()) || REASON_WORDS.test(form.goalActual.text);
    const inNarrative = summary ? REASON_WORDS.test(summary.text) : false;
    if (!inTable && !inNarrative) out.push(ruleFinding("P-9", { project, rate: fmt(rate) }, here(form.actual.source), { stated: `${fmt(rate)}%` }));
    // P-10 all comparable indicators met while the rate is far below 100 %
    const threshold = new D(scoringData.p10RatePercent);
    if (rate.lt(threshold)) {
      const results = form.indicators.map((i) => compareValues(i.target, i.actual)).filter((c) => ["met", "notMet", "exceeded"].includes(c.kind));
      if (results.length > 0 && results.every((c) => c.kind !== "notMet"))
        out.push(ruleFinding("P-10", { project, rate: fmt(rate) }, here(form.actual.source)));
    }
  }

  // P-12 三公 item
  if (context.sanGong) {
    const map = sangong.items.find((m) => project.includes(m.match));
    const key = map ? Object.keys(context.sanGong).find((k) => squash(k) === squash(map.item)) : undefined;
    const item = key ? context.sanGong[key] : undefined;
    if (map && item) {
      const p12 = (what: string, value: Decimal | null, expected: Decimal | null | undefined, src: SourceRef | null) => {
        if (value === null || expected === null || expected === undefined || value.eq(expected)) return;
        out.push(ruleFinding("P-12", { project, what, value: fmtTrim(value), item: map.item, expected: fmtTrim(expected) }, here(src), { stated: fmt(value), expected: fmt(expected) }));
      };
      p12("预算数", form.budget.value, item.budget, form.budget.source);
      p12("执行数", form.actual.value, item.actual, form.actual.source);
    }
  }

  // notes: blank grid rows, unit duplicated in amounts
  if (form.emptyRows.length)
    out.push(ruleFinding("P-blank", { project, count: form.emptyRows.length, rows: form.emptyRows.join("、") }, { sheet: form.sheet, cell: `A${form.emptyRows[0]}` }));
  if (form.unit === "万元") {
    const withUnit = amounts.map(([, a]) => a).find((a) => a.writtenUnit);
    if (withUnit) out.push(ruleFinding("P-unit", { project, raw: withUnit.rawText }, here(withUnit.source), { stated: withUnit.rawText }));
  }
  return { findings: out, summary };
}

function parsePercentText(s: string): { value: Decimal; dp: number } | null {
  const t = s.normalize("NFKC").replace(/\s+/g, "");
  const m = /^(\d+(?:\.(\d+))?)%?$/.exec(t);
  if (!m) return null;
  let value = new D(m[1]);
  // a cell formatted as % holds 0.8451
  if (!t.endsWith("%") && value.lte(1) && m[1].includes(".")) return { value: value.times(100), dp: Math.max(0, (m[2]?.length ?? 0) - 2) };
  value = new D(m[1]);
  return { value, dp: m[2]?.length ?? 0 };
}

/** P-11: counts of the narrative's 十(四), 补充数据, 综述 and forms agree; 事前/监控 ≤ 目标. */
function checkCounts(forms: PerfForm[], context: PerfContext, nar: PerfNarrative): Finding[] {
  const out: Finding[] = [];
  const num = (v: unknown): number | null => {
    if (v === null || v === undefined) return null;
    try {
      const d = new D(v as string);
      return d.isFinite() ? d.toNumber() : null;
    } catch {
      return null;
    }
  };
  const counts: Partial<Record<PerfCountKey, number>> = {};
  for (const k of PERF_COUNT_KEYS) {
    const n = num(context.counts?.[k]);
    if (n !== null) counts[k] = n;
  }
  const hasNarrative = (context.paragraphs?.length ?? 0) > 0;
  // the self-evaluated count, said in several places
  const claims: { text: string; n: number; at: { sheet?: string; cell?: string; row?: number } }[] = [];
  if (nar.selfEvaluated)
    claims.push({ text: `情况说明“${nar.selfEvaluated.quote}”为${nar.selfEvaluated.n}个`, n: nar.selfEvaluated.n, at: { sheet: nar.selfEvaluated.paragraph.sheet, row: nar.selfEvaluated.paragraph.row } });
  if (nar.reported)
    claims.push({ text: `“反映…等${nar.reported.n}个项目绩效目标实际完成情况”为${nar.reported.n}个`, n: nar.reported.n, at: { sheet: nar.reported.paragraph.sheet, row: nar.reported.paragraph.row } });
  if (nar.reported?.names?.length && nar.reported.names.length !== nar.reported.n)
    claims.push({ text: `其中列出项目名称${nar.reported.names.length}个`, n: nar.reported.names.length, at: { sheet: nar.reported.paragraph.sheet, row: nar.reported.paragraph.row } });
  // A text without any 综述 (an excerpt, a template that asks for none) says nothing about the count: only 综述 found count.
  if (hasNarrative && nar.summaries.length > 0) {
    const first = nar.summaries[0]?.paragraph;
    claims.push({ text: `项目绩效目标完成情况综述${nar.summaries.length}段`, n: nar.summaries.length, at: first ? { sheet: first.sheet, row: first.row } : {} });
  }
  claims.push({ text: `绩效表${forms.length}张`, n: forms.length, at: forms[0] ? { sheet: forms[0].sheet, cell: forms[0].titleCell.cell } : {} });
  if (counts.绩效自评项目数 !== undefined)
    claims.push({ text: `补充数据“绩效自评项目数”为${counts.绩效自评项目数}个`, n: counts.绩效自评项目数, at: here(context.countSources?.绩效自评项目数) });
  if (claims.length > 1 && new Set(claims.map((c) => c.n)).size > 1) {
    // point at the first place that disagrees with the number of forms (the forms are what is shown)
    const at = claims.find((c) => c.n !== forms.length)?.at ?? claims[0].at;
    out.push(ruleFinding("P-11", { message: `开展绩效自评的项目数前后不一致：${claims.map((c) => c.text).join("；")}` }, at, { stated: claims.map((c) => String(c.n)).join("/") }));
  }
  // narrative vs 补充数据 for the other counts
  const pairs: [PerfCountKey, keyof PerfNarrative][] = [
    ["绩效目标项目数", "targets"],
    ["绩效监控项目数", "monitored"],
    ["事前绩效评估项目数", "preAssessed"],
  ];
  for (const [key, nk] of pairs) {
    const said = nar[nk] as { n: number; quote: string; paragraph: { row: number; sheet?: string } } | undefined;
    const given = counts[key];
    if (said && given !== undefined && said.n !== given)
      out.push(
        ruleFinding("P-11", { message: `情况说明“${said.quote}”为${said.n}个，补充数据“${key}”为${given}个，两者不一致` }, { sheet: said.paragraph.sheet, row: said.paragraph.row }, {
          stated: String(said.n),
          expected: String(given),
        }),
      );
  }
  const val = (key: PerfCountKey, nk: keyof PerfNarrative): { n: number; at: { sheet?: string; cell?: string; row?: number } } | null => {
    if (counts[key] !== undefined) return { n: counts[key]!, at: here(context.countSources?.[key]) };
    const said = nar[nk] as { n: number; paragraph: { row: number; sheet?: string } } | undefined;
    return said ? { n: said.n, at: { sheet: said.paragraph.sheet, row: said.paragraph.row } } : null;
  };
  const targets = val("绩效目标项目数", "targets");
  if (targets) {
    for (const [key, nk, what] of [
      ["事前绩效评估项目数", "preAssessed", "开展事前绩效评估"],
      ["绩效监控项目数", "monitored", "开展绩效监控"],
      ["绩效自评项目数", "selfEvaluated", "开展绩效自评"],
    ] as [PerfCountKey, keyof PerfNarrative, string][]) {
      const v = val(key, nk);
      if (v && v.n > targets.n)
        out.push(ruleFinding("P-11", { message: `${what}的项目数（${v.n}个）多于编制绩效目标的项目数（${targets.n}个）` }, v.at, { stated: String(v.n), expected: `≤${targets.n}` }));
    }
  }
  return out;
}
