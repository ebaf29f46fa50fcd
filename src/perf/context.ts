import type Decimal from "decimal.js";
import narrative from "../data/perf/narrative.json";
import { D } from "../money/decimal";
import { parseAmount } from "../money/parse";
import { convert, unitFromText, type Unit } from "../money/units";
import type { CellValue, WorkbookSnapshot } from "../workbook/snapshot";
import { a1, sheetSize } from "../workbook/snapshot";
import { cellText } from "./read";
import { squash } from "./standards";
import type { SourceRef } from "./types";

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

/** Reads the 十(四) sentences and project 综述 from narrative paragraphs. Never throws. */
export function parseNarrative(paragraphs: PerfParagraph[] = []): PerfNarrative {
  const out: PerfNarrative = { summaries: [] };
  for (const p of paragraphs) {
    const t = squash(String(p.text ?? ""));
    if (!t) continue;
    const m = RE.summary.exec(t);
    if (m?.groups) {
      try {
        out.summaries.push({
          name: m.groups.name.replace(/^[“"‘']|[”"’']$/gu, ""),
          budget: parseAmount(m.groups.budget, { blankAsZero: false }).value,
          actual: parseAmount(m.groups.actual, { blankAsZero: false }).value,
          rateText: m.groups.rate,
          rate: new D(m.groups.rate),
          paragraph: p,
          text: t.slice((m.index ?? 0) + m[0].length),
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

/**
 * Minimal reading of the context a workbook itself holds: the narrative sheet (情况说明, one paragraph
 * per row in column A), the 补充数据 counts and 三公 items (by label in the first column, 本年数 / 预算数
 * columns by header, unit from a "单位：元" line). The full report reader lives elsewhere; this is enough
 * for the performance cross-checks.
 */
export function readPerfContext(snapshot: WorkbookSnapshot): PerfContext {
  const ctx: PerfContext = {};
  const narrativeSheet = snapshot.sheets.find((s) => squash(s.name).includes("情况说明"));
  if (narrativeSheet) {
    const paragraphs: PerfParagraph[] = [];
    const { rows } = sheetSize(narrativeSheet);
    for (let i = 0; i < rows; i++) {
      const r = narrativeSheet.origin.row + i;
      const parts: string[] = [];
      for (const v of narrativeSheet.values[i] ?? []) if (typeof v === "string" && v.trim()) parts.push(v);
      if (parts.length) paragraphs.push({ row: r + 1, text: parts.join(""), sheet: narrativeSheet.name });
    }
    ctx.paragraphs = paragraphs;
  }
  const extra = snapshot.sheets.find((s) => squash(s.name).includes("补充数据"));
  if (extra) {
    const { rows, cols } = sheetSize(extra);
    let unit: Unit = "万元";
    let header = -1;
    const headerCols: Record<string, number> = {};
    for (let i = 0; i < rows && header < 0; i++) {
      for (let j = 0; j < cols; j++) {
        const v = extra.values[i]?.[j] ?? null;
        if (typeof v !== "string") continue;
        const u = unitFromText(v);
        if (u) unit = u;
        const n = squash(v);
        if (n === "本年数" || n === "决算数") headerCols.actual = j;
        if (n === "预算数") headerCols.budget = j;
      }
      if (headerCols.actual !== undefined || headerCols.budget !== undefined) header = i;
    }
    const num = (v: CellValue): Decimal | null => {
      if (v === null || (typeof v === "string" && !v.trim())) return null;
      try {
        const p = parseAmount(v, { blankAsZero: false });
        return convert(p.value, p.unit ?? unit, "万元");
      } catch {
        return null;
      }
    };
    const count = (v: CellValue): Decimal | null => {
      if (v === null || (typeof v === "string" && !v.trim())) return null;
      try {
        return parseAmount(v, { blankAsZero: false }).value;
      } catch {
        return null;
      }
    };
    const sanGongNames = new Set(["公务接待费", "因公出国（境）费", "公务用车购置及运行维护费", "公务用车购置费", "公务用车运行维护费", "国内公务接待费", "外事接待费"].map(squash));
    for (let i = header + 1; i < rows && header >= 0; i++) {
      const line = extra.values[i] ?? [];
      const labelIdx = line.findIndex((v) => typeof v === "string" && v.trim() !== "");
      if (labelIdx < 0) continue;
      const label = squash(cellText(line[labelIdx]));
      const r = extra.origin.row + i;
      const key = PERF_COUNT_KEYS.find((k) => squash(k) === label);
      if (key && headerCols.actual !== undefined) {
        const v = count(line[headerCols.actual] ?? null);
        if (v !== null) {
          (ctx.counts ??= {})[key] = v;
          (ctx.countSources ??= {})[key] = { sheet: extra.name, cell: a1(r, extra.origin.col + headerCols.actual) };
        }
      }
      if (sanGongNames.has(label)) {
        const budget = headerCols.budget !== undefined ? num(line[headerCols.budget] ?? null) : null;
        const actual = headerCols.actual !== undefined ? num(line[headerCols.actual] ?? null) : null;
        (ctx.sanGong ??= {})[cellText(line[labelIdx])] = {
          budget,
          actual,
          source: { sheet: extra.name, cell: a1(r, extra.origin.col + labelIdx) },
        };
      }
    }
  }
  return ctx;
}
