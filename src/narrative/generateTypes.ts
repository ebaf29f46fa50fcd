import type { Source, TemplateId } from "../model/types";

/** A run of generated text; a number keeps the cell(s) it came from. */
export interface GeneratedSpan {
  text: string;
  sources?: Source[];
  /** A 【请填写：…】 marker the accountant must replace (never invented text). */
  marker?: boolean;
  /** What a number span is: an amount (万元), a percentage (share, rate of change or execution) or a count. */
  kind?: "amount" | "percent" | "count";
  /** Text copied from the user's cells (reasons, purposes, 实际完成情况): printed as written, never reworded. */
  copied?: boolean;
  /** What the text rules found in copied text (zh-CN, e.g. a doubled word or an outdated 科目 name): shown on it in the pane. */
  notes?: string[];
}

export type ParagraphStyle = "title" | "heading1" | "heading2" | "body";

export interface GeneratedParagraph {
  /** Section id, e.g. "1", "5.2", "7.2", "glossary". */
  section: string;
  style: ParagraphStyle;
  spans: GeneratedSpan[];
  /** The spans joined. */
  text: string;
}

/** One value of a chart: the displayed amount in 万元 (2 decimals, as a string) and its cells. */
export interface ChartPoint {
  value: string;
  sources: Source[];
}

export interface ChartSeries {
  name: string;
  /** One point per category, same order as ChartSpec.categories. */
  points: ChartPoint[];
}

/**
 * A chart the Sichuan template places in the text ("（图1：…）（柱状图）"), as data for a native chart.
 * column: categories on the x axis, one series per year (prior year first). pie: one series.
 */
export interface ChartSpec {
  /** 1…7 */
  number: number;
  /** "图1：收、支决算总计变动情况图" */
  title: string;
  kind: "column" | "pie";
  /** Section id the chart belongs to. */
  section: string;
  /** Index in GeneratedNarrative.paragraphs after which the chart goes. */
  afterParagraph: number;
  categories: string[];
  series: ChartSeries[];
  unit: "万元";
}

export interface GeneratedNarrative {
  template: TemplateId;
  year: number;
  paragraphs: GeneratedParagraph[];
  /** Charts 图1–图7 (only those with non-zero data). */
  charts?: ChartSpec[];
}
