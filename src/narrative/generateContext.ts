/** The generator's working context: template data, rounded values with their sources, spans and paragraphs. */
import type Decimal from "decimal.js";
import type { Figure, ReportModel, Source, SupplementRow, TableModel, TableRow, TemplateId, UnreadableCell } from "../model/types";
import { findRow } from "../reader/figures";
import { D, round, sum } from "../money/decimal";
import { formatNumber, type NumberStyle } from "../money/format";
import { executionRate, sharesToHundred, yoy } from "../money/calc";
import { supplementItem } from "../reader/supplement";
import type { PerfForm } from "../perf/types";
import type { ChartSpec, GeneratedParagraph, GeneratedSpan, ParagraphStyle } from "./generateTypes";
import sichuan2020 from "../data/templates/sichuan-2020.json";
import national2024 from "../data/templates/national-2024.json";
import copiedText from "../data/templates/copied-text.json";

export interface TemplateSection {
  id: string;
  heading: string;
  builder?: string;
  level?: number;
}
export interface ListEntry {
  key: string;
  name?: string;
  always: boolean;
}
export interface NarrativeTemplateData {
  id: TemplateId;
  numberStyle: NumberStyle;
  budgetBasis: string;
  leiKeepsZhichu: boolean;
  reportTitle: string;
  glossaryTitle: string;
  glossaryNumbering: "arabic" | "cn";
  itemNumbering: "arabic" | "arabicComma";
  words: Record<"increase" | "decrease" | "rise" | "fall" | "over" | "under", string>;
  sections: TemplateSection[];
  incomeSources: ListEntry[];
  expenseParts: ListEntry[];
  vehicleUses: ListEntry[];
  s: Record<string, string>;
  glossary: { before: string[]; after: string[]; itemEntry: string };
  charts: Record<string, { title: string; kind: "column" | "pie"; section: string }>;
}

export const TEMPLATES: Record<TemplateId, NarrativeTemplateData> = {
  "sichuan-2020": sichuan2020 as unknown as NarrativeTemplateData,
  "national-2024": national2024 as unknown as NarrativeTemplateData,
};

/** A displayed amount (万元, rounded half-up to 2 decimals) or count, with the cells it came from. */
export interface Val {
  v: Decimal;
  src: Source[];
}

export type Slot = string | GeneratedSpan | GeneratedSpan[];

const ASCII_TO_FULL: Record<string, string> = { ",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！" };

const WORKING_NOTES = copiedText.workingNotes.map((p) => new RegExp(p, "gu"));

/** A user-written reason without the working notes left in it (“（预算口径：年初预算）”, src/data/templates/copied-text.json). */
export function withoutWorkingNotes(text: string): string {
  return WORKING_NOTES.reduce((t, re) => t.replace(re, ""), text);
}

/**
 * Chinese punctuation in a user-written reason: working notes removed, half-width , ; : ( ) become
 * full-width; trailing 。 dropped.
 */
export function cleanReason(text: string): string {
  return withoutWorkingNotes(text)
    .trim()
    .replace(/[,;:()?!]/g, (c) => ASCII_TO_FULL[c])
    .replace(/[。.；;，,\s]+$/u, "");
}

export class Ctx {
  readonly paragraphs: GeneratedParagraph[] = [];
  readonly charts: ChartSpec[] = [];
  readonly style: NumberStyle;
  readonly Y: number;
  readonly P: number;
  section = "";

  constructor(
    readonly model: ReportModel,
    readonly tpl: NarrativeTemplateData,
    year: number,
    style?: NumberStyle,
    /** The performance forms (readForms), when given: 十(四) gets one 综述 per form. */
    readonly forms?: PerfForm[],
  ) {
    this.style = style ?? tpl.numberStyle;
    this.Y = year;
    this.P = year - 1;
  }

  // ---- values ----
  /** A table figure rounded to the displayed 2 decimals (万元). */
  fig(f: Figure | undefined): Val | undefined {
    return f ? { v: round(new D(f.wan), 2), src: [f.source] } : undefined;
  }
  /** A count (never converted or rounded). */
  count(f: Figure | undefined): Val | undefined {
    return f ? { v: new D(f.wan), src: [f.source] } : undefined;
  }
  supp(key: string): SupplementRow | undefined {
    const rows = this.model.supplement?.rows ?? [];
    return rows.find((r) => r.key === key) ?? rows.find((r) => r.label && supplementItem(r.label)?.key === key);
  }
  suppByCode(code: string): SupplementRow | undefined {
    return this.model.supplement?.rows.find((r) => r.code === code);
  }
  suppVal(key: string, col: "current" | "prior" | "budget"): Val | undefined {
    const row = this.supp(key);
    const f = row?.[col];
    if (!f) return undefined;
    return row!.kind === "count" ? this.count(f) : this.fig(f);
  }
  reasonOf(row: SupplementRow | undefined): GeneratedSpan | undefined {
    if (!row?.reason || !cleanReason(row.reason)) return undefined;
    return this.copied(cleanReason(row.reason), row.reasonSource ? [row.reasonSource] : undefined);
  }
  /** Text copied from the user's cells (a reason, a purpose, a result): marked so the text rules look at it (generate.ts). */
  copied(text: string, sources: Source[] | undefined): GeneratedSpan {
    return { text, sources: sources && sources.length > 0 ? sources : undefined, copied: true };
  }
  zero(src: Source[]): Val {
    return { v: new D(0), src };
  }
  sumVals(vals: Val[]): Val {
    return { v: sum(vals.map((x) => x.v)), src: vals.flatMap((x) => x.src) };
  }

  // ---- spans ----
  num(x: Val): GeneratedSpan {
    return { text: formatNumber(x.v, this.style), sources: dedupe(x.src), kind: "amount" };
  }
  /**
   * A percentage. In the "trim" style only 0 and 100 print bare ("0%", "100%", DOMAIN §0); every other
   * rate keeps 2 decimals ("89.00%", "20.00%") so a list never mixes "89%" with "3.94%" (DOMAIN §6.2 #34).
   */
  pct(value: Decimal, src: Source[]): GeneratedSpan {
    const r = round(value, 2);
    const bare = this.style === "trim" && (r.isZero() || r.eq(100));
    return { text: formatNumber(r, bare ? "trim" : "fixed2"), sources: dedupe(src), kind: "percent" };
  }
  /** An amount computed from other cells (a change, a difference). */
  amt(value: Decimal, src: Source[]): GeneratedSpan {
    return { text: formatNumber(value, this.style), sources: dedupe(src), kind: "amount" };
  }
  cnt(x: Val): GeneratedSpan {
    return { text: x.v.toString(), sources: dedupe(x.src), kind: "count" };
  }
  marker(what: string): GeneratedSpan {
    return { text: `【请填写：${what}】`, marker: true };
  }
  /**
   * Why a table figure is not there, for a 【请填写】 marker: the cell could not be read ("公开01表C33公式未计算…")
   * or the table, row or figure was not found ("公开01表未找到"). Never a 0 in its place (issue 11).
   */
  absentWhy(table: TableModel | undefined, name: string, keyOrCode?: string, col?: string, side?: TableRow["side"]): string {
    const u = keyOrCode !== undefined && col !== undefined ? findRow(table, keyOrCode, side)?.unreadable?.[col] : undefined;
    if (u) return `${name}${u.cell}${unreadableWhy(u)}`;
    if (table && this.model.recognition.emptyTables?.includes(table.key)) return `${name}没有读到数据行`;
    return `${name}未找到`;
  }
  /** The first unreadable cell among a table's figures, as absentWhy's words, or undefined. */
  unreadableAmong(table: TableModel | undefined, name: string, refs: { key: string; col: string; side?: TableRow["side"] }[]): string | undefined {
    for (const r of refs) {
      const u = findRow(table, r.key, r.side)?.unreadable?.[r.col];
      if (u) return `${name}${u.cell}${unreadableWhy(u)}`;
    }
    return undefined;
  }
  /** Renders a sentence template of the region with slots; {Y} and {P} are the years. */
  t(key: string, slots: Record<string, Slot> = {}): GeneratedSpan[] {
    const tmpl = this.tpl.s[key];
    if (tmpl === undefined) throw new Error(`template ${this.tpl.id} has no sentence "${key}"`);
    return this.render(tmpl, slots);
  }
  render(tmpl: string, slots: Record<string, Slot> = {}): GeneratedSpan[] {
    const all: Record<string, Slot> = { Y: String(this.Y), P: String(this.P), ...slots };
    const out: GeneratedSpan[] = [];
    let last = 0;
    for (const m of tmpl.matchAll(/\{(\w+)\}/g)) {
      if (m.index! > last) out.push({ text: tmpl.slice(last, m.index) });
      const v = all[m[1]];
      if (v === undefined) throw new Error(`sentence slot {${m[1]}} not given`);
      if (typeof v === "string") out.push({ text: v });
      else if (Array.isArray(v)) out.push(...v);
      else out.push(v);
      last = m.index! + m[0].length;
    }
    if (last < tmpl.length) out.push({ text: tmpl.slice(last) });
    return out;
  }

  // ---- paragraphs ----
  para(spans: GeneratedSpan[], style: ParagraphStyle = "body", section = this.section): void {
    const merged = mergeText(spans);
    this.paragraphs.push({ section, style, spans: merged, text: merged.map((s) => s.text).join("") });
  }
  heading(text: string, style: ParagraphStyle): void {
    this.para([{ text }], style);
  }

  /** Adds chart 图n after the last paragraph, unless all its values are zero or missing. */
  chart(n: number, categories: string[], series: { name: string; values: (Val | undefined)[] }[]): void {
    const def = this.tpl.charts[String(n)];
    if (!def) return;
    if (series.some((s) => s.values.some((v) => v === undefined))) return;
    if (series.every((s) => s.values.every((v) => v!.v.isZero()))) return;
    this.charts.push({
      number: n,
      title: `图${n}：${def.title}`,
      kind: def.kind,
      section: this.section,
      afterParagraph: this.paragraphs.length - 1,
      categories,
      series: series.map((s) => ({ name: s.name, points: s.values.map((v) => ({ value: round(v!.v, 2).toFixed(2), sources: dedupe(v!.src) })) })),
      unit: "万元",
    });
  }

  // ---- wording (DOMAIN §3.3) ----
  /**
   * Year-over-year sentence: `${prefix}.change` / `.flat` / `.noPrior`, or a marker when the prior
   * year is not given. Returns the spans and whether a reason is required.
   */
  yoySentence(prefix: string, current: Val, prior: Val | undefined, priorLabel: string): { spans: GeneratedSpan[]; changed: boolean } {
    if (!prior) return { spans: [this.marker(`${this.P}年${priorLabel}决算数（补充数据“上年数”）`), { text: "。" }], changed: false };
    const r = yoy(current.v, prior.v);
    const src = [...current.src, ...prior.src];
    if (r.kind === "flat") return { spans: this.t(`${prefix}.flat`), changed: false };
    const delta = this.amt(r.change.abs(), src);
    if (r.kind === "noPrior") {
      if (r.direction === "increase") return { spans: this.t(`${prefix}.noPrior`, { delta }), changed: true };
      return { spans: this.t(`${prefix}.change`, { inc: this.tpl.words.decrease, delta, rise: this.tpl.words.fall, rate: this.pct(new D(100), src) }), changed: true };
    }
    const w = this.tpl.words;
    const inc = r.kind === "increase";
    return {
      spans: this.t(`${prefix}.change`, { inc: inc ? w.increase : w.decrease, delta, rise: inc ? w.rise : w.fall, rate: this.pct(r.rate.abs(), src) }),
      changed: true,
    };
  }

  /** The reason sentence (from 补充数据) or a 【请填写】 marker when `required`; nothing when neither. */
  reasonSentence(key: "changeReason" | "reason", reason: GeneratedSpan | undefined, required: boolean, what: string): GeneratedSpan[] {
    if (reason) return this.t(key, { reason });
    if (required) return this.t(key, { reason: this.marker(what) });
    return [];
  }

  /**
   * Execution wording: "完成预算r%" (+ "，决算数大于/小于预算数的主要原因是…" when ≠ 100%),
   * "未安排预算，无此项支出" (0/0), or the no-budget sentence.
   */
  execSpans(actual: Val, budget: Val | undefined, reason: GeneratedSpan | undefined, what: string): GeneratedSpan[] {
    if (!budget) return [this.marker(`${what}${this.tpl.budgetBasis}数（补充数据“预算数”）`)];
    const r = executionRate(actual.v, budget.v);
    const src = [...actual.src, ...budget.src];
    if (r.kind === "noBudget") {
      if (r.actualZero) return this.t("exec.noBudgetNoActual");
      return this.t("exec.noBudget", { reason: reason ?? this.marker(`${what}年初未安排预算而支出的原因`) });
    }
    if (r.kind === "negativeBudget") return [this.marker(`${what}${this.tpl.budgetBasis}数为负数，请核实`)];
    const rate = this.pct(round(r.rate, 2), src);
    const out = this.t("exec.rate", { rate, actual: this.num(actual), budget: this.num(budget) });
    if (r.direction === "equal") return out;
    const cmp = r.direction === "over" ? this.tpl.words.over : this.tpl.words.under;
    return [...out, ...this.t("exec.reason", { cmp, reason: reason ?? this.marker(`${what}决算数${cmp}${this.tpl.budgetBasis}数的原因`) })];
  }

  /** Shares of parts summing to 100.00 (largest remainder); null when the total is 0. */
  shares(parts: Val[]): Decimal[] | null {
    const r = sharesToHundred(parts.map((p) => p.v));
    return r.kind === "shares" ? r.shares : null;
  }
}

function dedupe(src: Source[]): Source[] {
  const seen = new Set<string>();
  return src.filter((s) => {
    const k = `${s.sheet}!${s.cell}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Joins adjacent plain-text spans. */
function mergeText(spans: GeneratedSpan[]): GeneratedSpan[] {
  const out: GeneratedSpan[] = [];
  for (const s of spans) {
    if (s.text === "") continue;
    const prev = out[out.length - 1];
    const plain = (x: GeneratedSpan) => !x.sources && !x.marker && !x.copied;
    if (prev && plain(prev) && plain(s)) prev.text += s.text;
    else out.push({ ...s });
  }
  return out;
}

/** What is wrong with a cell the reader could not read, in the words of a 【请填写】 marker. */
export function unreadableWhy(u: UnreadableCell): string {
  switch (u.kind) {
    case "formula":
      return "的公式未计算，请在 Excel 中打开并保存后重新生成";
    case "error":
      return `为错误值“${u.text}”`;
    case "magnitude":
      return `的金额“${u.text}”不合常理`;
    default:
      return `的内容“${u.text}”不是金额`;
  }
}
