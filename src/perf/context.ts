import type Decimal from "decimal.js";
import narrative from "../data/perf/narrative.json";
import sanGongData from "../data/perf/sangong.json";
import { D } from "../money/decimal";
import { parseAmount } from "../money/parse";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { squash } from "./standards";
import type { SourceRef } from "./types";
import type { ReportModel } from "../model/types";
import { readReport } from "../reader/recognise";

/** One paragraph of the narrative: 1-based sheet row (or text line) and its text. */
export interface PerfParagraph {
  row: number;
  text: string;
  sheet?: string;
}

export type PerfCountKey = "事前绩效评估项目数" | "绩效目标项目数" | "绩效监控项目数" | "绩效自评项目数";
export const PERF_COUNT_KEYS: PerfCountKey[] = ["事前绩效评估项目数", "绩效目标项目数", "绩效监控项目数", "绩效自评项目数"];

/** A 三公 item (万元) from 补充数据 / 公开07表: 预算数 and 本年数 (决算). */
export interface SanGongItem {
  budget?: Decimal | null;
  actual?: Decimal | null;
  source?: SourceRef;
}

/** Optional inputs of the cross-checks (P-8 narrative, P-9, P-11, P-12). All amounts in 万元. */
export interface PerfContext {
  /** Report year, used when a form does not state its year. */
  year?: number;
  paragraphs?: PerfParagraph[];
  /** Counts from 补充数据 (numbers or numeric strings), with their cells when known. */
  counts?: Partial<Record<PerfCountKey, Decimal | number | string>>;
  countSources?: Partial<Record<PerfCountKey, SourceRef>>;
  /** 三公 items by name (公务接待费, 因公出国（境）费, 公务用车购置及运行维护费 …). */
  sanGong?: Record<string, SanGongItem>;
}

export interface ProjectSummary {
  name: string;
  budget: Decimal;
  actual: Decimal;
  rateText: string;
  rate: Decimal;
  paragraph: PerfParagraph;
  /** The text of the summary paragraph after the sentence with the figures (reasons live here). */
  text: string;
}

export interface NarrativeCount {
  n: number;
  paragraph: PerfParagraph;
  quote: string;
  names?: string[];
}

export interface PerfNarrative {
  summaries: ProjectSummary[];
  selfEvaluated?: NarrativeCount;
  targets?: NarrativeCount;
  monitored?: NarrativeCount;
  preAssessed?: NarrativeCount;
  reported?: NarrativeCount;
}

const RE = {
  summary: new RegExp(narrative.summary, "u"),
  selfEvaluated: new RegExp(narrative.selfEvaluated, "u"),
  targets: new RegExp(narrative.targets, "u"),
  monitored: new RegExp(narrative.monitored, "u"),
  preAssessed: new RegExp(narrative.preAssessed, "u"),
  reported: new RegExp(narrative.reported, "u"),
};
export const REASON_WORDS = new RegExp(narrative.reasonWords, "u");

const inWan = (v: Decimal, unit: string | undefined): Decimal => (unit === "元" ? v.div(10000) : v);

/** Reads the 十(四) sentences and project 综述 from narrative paragraphs. Never throws. */
export function parseNarrative(paragraphs: PerfParagraph[] = []): PerfNarrative {
  const out: PerfNarrative = { summaries: [] };
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    const t = squash(String(p.text ?? ""));
    if (!t) continue;
    let src = t;
    let m = RE.summary.exec(t);
    // The 综述's title sentence alone in its paragraph, its figures in the next one.
    if (!m && i + 1 < paragraphs.length) {
      const both = t + squash(String(paragraphs[i + 1].text ?? ""));
      const joined = RE.summary.exec(both);
      if (joined && (joined.index ?? 0) < t.length && (joined.index ?? 0) + joined[0].length > t.length) [m, src] = [joined, both];
    }
    if (m?.groups) {
      try {
        out.summaries.push({
          name: m.groups.name.replace(/^[“"‘']|[”"’']$/gu, ""),
          // An amount written in 元 ("8,000.00元") is held in 万元 like the forms' figures.
          budget: inWan(parseAmount(m.groups.budget, { blankAsZero: false }).value, m.groups.budgetUnit),
          actual: inWan(parseAmount(m.groups.actual, { blankAsZero: false }).value, m.groups.actualUnit),
          rateText: m.groups.rate,
          rate: new D(m.groups.rate),
          paragraph: p,
          text: src.slice((m.index ?? 0) + m[0].length),
        });
      } catch {
        /* a malformed figure: not a summary we can check */
      }
    }
    for (const key of ["selfEvaluated", "targets", "monitored", "preAssessed", "reported"] as const) {
      if (out[key]) continue;
      const c = RE[key].exec(t);
      if (c?.groups) {
        const names = key === "reported" ? [...(c.groups.names ?? "").matchAll(/[“"]([^”"]+)[”"]/gu)].map((x) => x[1]) : undefined;
        out[key] = { n: Number(c.groups.n), paragraph: p, quote: c[0], names };
      }
    }
  }
  return out;
}

/** The 三公 items a project can be matched to (P-12), from the data file. */
const SAN_GONG_ITEMS = new Set(sanGongData.items.map((i) => i.item));

/**
 * The cross-check inputs from a report model (the reader's 补充数据 and 情况说明): the 十(四)
 * counts with their cells, the 三公 items in 万元, the paragraphs and the year.
 */
export function perfContextFromModel(model: ReportModel): PerfContext {
  const ctx: PerfContext = {};
  if (model.year) ctx.year = model.year;
  if (model.narrative) ctx.paragraphs = model.narrative.paragraphs.map((p) => ({ ...p, sheet: model.narrative?.sheet }));
  for (const row of model.supplement?.rows ?? []) {
    const key = PERF_COUNT_KEYS.find((k) => k === row.key);
    if (key && row.current) {
      (ctx.counts ??= {})[key] = row.current.raw;
      (ctx.countSources ??= {})[key] = row.current.source;
    }
    if (row.key && SAN_GONG_ITEMS.has(row.key)) {
      (ctx.sanGong ??= {})[row.rawLabel.trim()] = {
        budget: row.budget ? row.budget.wan : null,
        actual: row.current ? row.current.wan : null,
        source: { sheet: model.supplement?.sheet ?? "补充数据", cell: `A${row.row}` },
      };
    }
  }
  return ctx;
}

/** The cross-check inputs read from a workbook (through the report reader). */
export function readPerfContext(snapshot: WorkbookSnapshot): PerfContext {
  return perfContextFromModel(readReport(snapshot));
}
