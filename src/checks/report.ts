/**
 * Plain-text 检查报告 and the grouping of findings shared by the task pane and the CLI.
 * Pure: findings (+ the recognition report) in, Chinese text out.
 */
import { SEVERITY_LABEL, summarise, type Finding, type Severity } from "../findings";
import type { NarrativeParagraph, RecognitionReport, TableKey } from "../model/types";

export const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

/** A heading of the 情况说明 with its 1-based row; findings below it belong to its section. */
export interface NarrativeSection {
  row: number;
  title: string;
}

export type FindingGroupKind = "table" | "supplement" | "narrative" | "form" | "sheet" | "general";

export interface FindingGroup {
  /** Stable id (for React keys and test ids), ASCII only. */
  id: string;
  kind: FindingGroupKind;
  /** Chinese heading, e.g. "公开05表（一般公共预算财政拨款支出决算表）", "情况说明 · 五、一般公共预算…". */
  title: string;
  /** The sheet the group belongs to, when there is one. */
  sheet?: string;
  findings: Finding[];
}

export interface GroupContext {
  recognition?: RecognitionReport;
  /** Headings of the narrative (see narrativeSections). */
  sections?: NarrativeSection[];
}

/** "公开05表" for "T05". */
export function tableName(key: TableKey): string {
  return `公开${key.slice(1)}表`;
}

const LEVEL1_HEADING = /^[一二三四五六七八九十]+[、.．]/;
const PART_HEADING = /^第[一二三四五六七八九十]+部分/;

/**
 * Top-level headings of a narrative ("第二部分 …", "一、收入支出决算总体情况说明"): short paragraphs
 * that start with a part number or a Chinese ordinal followed by 、. Sub-headings （一） stay inside.
 */
export function narrativeSections(paragraphs: NarrativeParagraph[]): NarrativeSection[] {
  const out: NarrativeSection[] = [];
  for (const p of paragraphs) {
    const t = p.text.trim();
    if (t.length === 0 || t.length > 60) continue;
    if (PART_HEADING.test(t) || LEVEL1_HEADING.test(t)) out.push({ row: p.row, title: t });
  }
  return out;
}

function isNarrativeFinding(f: Finding, recognition?: RecognitionReport): boolean {
  if (f.cell) return false;
  if (f.row === undefined) return false;
  if (!f.sheet) return true; // pasted text
  return recognition?.narrative?.sheet === f.sheet || f.text !== undefined;
}

function tableKeyOfSheet(sheet: string | undefined, recognition?: RecognitionReport): TableKey | undefined {
  if (!sheet || !recognition) return undefined;
  return recognition.tables.find((t) => t.sheet === sheet)?.key;
}

/** Short name of where a finding is: "公开05表!C7", "情况说明 第12行", "补充数据!D4", "整表". */
export function locationText(f: Finding, recognition?: RecognitionReport): string {
  if (isNarrativeFinding(f, recognition)) {
    const name = !f.sheet || recognition?.narrative?.sheet === f.sheet ? "情况说明" : f.sheet;
    return `${name} 第${f.row}行`;
  }
  const key = tableKeyOfSheet(f.sheet, recognition);
  const sheetName = key ? tableName(key) : f.sheet;
  if (sheetName && f.cell) return `${sheetName}!${f.cell}`;
  if (sheetName && f.row !== undefined) return `${sheetName} 第${f.row}行`;
  if (sheetName) return sheetName;
  return "整体";
}

function sectionOf(row: number, sections: NarrativeSection[]): NarrativeSection | undefined {
  let best: NarrativeSection | undefined;
  for (const s of sections) if (s.row <= row && (!best || s.row > best.row)) best = s;
  return best;
}

function sortKey(f: Finding): [number, number, string] {
  const cell = f.cell ? /^\$?([A-Z]+)\$?(\d+)$/i.exec(f.cell) : null;
  const row = cell ? Number(cell[2]) : (f.row ?? 0);
  const col = cell ? cell[1].toUpperCase().padStart(3, " ") : "";
  return [row, SEVERITY_ORDER.indexOf(f.severity), col];
}

function compareFindings(a: Finding, b: Finding): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  if (ka[0] !== kb[0]) return ka[0] - kb[0];
  if (ka[2] !== kb[2]) return ka[2] < kb[2] ? -1 : 1;
  return ka[1] - kb[1];
}

function asciiId(s: string): string {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h.toString(36);
}

/**
 * Groups findings by table (公开01表 … 公开09表 in order), then 补充数据, then the narrative by
 * section (in row order), then performance forms and other sheets, then findings without a place.
 * Within a group: by row, then column, then severity. The input order is otherwise kept.
 */
export function groupFindings(findings: Finding[], ctx: GroupContext = {}): FindingGroup[] {
  const { recognition } = ctx;
  const sections = [...(ctx.sections ?? [])].sort((a, b) => a.row - b.row);
  const formSheets = new Set((recognition?.forms ?? []).map((f) => f.sheet));
  const groups = new Map<string, FindingGroup & { order: number[] }>();

  const add = (id: string, order: number[], make: () => Omit<FindingGroup, "id" | "findings">, f: Finding) => {
    let g = groups.get(id);
    if (!g) {
      g = { id, findings: [], order, ...make() };
      groups.set(id, g);
    }
    g.findings.push(f);
  };

  for (const f of findings) {
    if (isNarrativeFinding(f, recognition)) {
      const s = sectionOf(f.row as number, sections);
      const base = !f.sheet || recognition?.narrative?.sheet === f.sheet ? "情况说明" : f.sheet;
      const id = `narr-${asciiId(f.sheet ?? "")}-${s ? s.row : 0}`;
      add(id, [3, s ? s.row : 0], () => ({ kind: "narrative", title: s ? `${base} · ${s.title}` : base, sheet: f.sheet }), f);
      continue;
    }
    const key = tableKeyOfSheet(f.sheet, recognition);
    if (key) {
      add(`table-${key}`, [1, Number(key.slice(1))], () => ({
        kind: "table",
        title: f.sheet === tableName(key) ? tableName(key) : `${tableName(key)}（${f.sheet}）`,
        sheet: f.sheet,
      }), f);
      continue;
    }
    if (f.sheet && recognition?.supplement?.sheet === f.sheet) {
      add("supplement", [2, 0], () => ({ kind: "supplement", title: f.sheet === "补充数据" ? "补充数据" : `补充数据（${f.sheet}）`, sheet: f.sheet }), f);
      continue;
    }
    if (f.sheet && formSheets.has(f.sheet)) {
      add(`form-${asciiId(f.sheet)}`, [4, 0], () => ({ kind: "form", title: `绩效目标表（${f.sheet}）`, sheet: f.sheet }), f);
      continue;
    }
    if (f.sheet) {
      add(`sheet-${asciiId(f.sheet)}`, [5, 0], () => ({ kind: "sheet", title: f.sheet as string, sheet: f.sheet }), f);
      continue;
    }
    add("general", [6, 0], () => ({ kind: "general", title: "整体" }), f);
  }

  const list = [...groups.values()];
  list.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1] || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  return list.map(({ order: _order, ...g }) => ({ ...g, findings: [...g.findings].sort(compareFindings) }));
}

/** "填报 223.35，应为 223.34，差 0.01" from the finding's stated/expected/difference, or "". */
export function detailText(f: Finding): string {
  const parts: string[] = [];
  if (f.stated !== undefined && f.stated !== "") parts.push(`填报 ${f.stated}`);
  if (f.expected !== undefined && f.expected !== "") parts.push(`应为 ${f.expected}`);
  if (f.difference !== undefined && f.difference !== "") parts.push(`差 ${f.difference}`);
  return parts.join("，");
}

/** "错误 2 条，提示 1 条，信息 0 条". */
export function countsText(findings: Finding[]): string {
  const c = summarise(findings);
  return SEVERITY_ORDER.map((s) => `${SEVERITY_LABEL[s]} ${c[s]} 条`).join("，");
}

/** One line: "[错误] 公开01表!C7 本年支出合计 ≠ …（填报 1，应为 2，差 1）〔T1-3〕". Line breaks in texts become spaces. */
export function findingLine(f: Finding, recognition?: RecognitionReport): string {
  const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, " ").trim();
  let line = `[${SEVERITY_LABEL[f.severity]}] ${locationText(f, recognition)}：${oneLine(f.message)}`;
  const detail = detailText(f);
  if (detail) line += `（${detail}）`;
  if (f.text && !f.message.includes(f.text)) line += ` 原文：“${oneLine(f.text)}”`;
  if (f.rule) line += `〔${f.rule}〕`;
  return line;
}

export interface ReportOptions extends GroupContext {
  /** File name shown in the heading. */
  file?: string;
}

/** The plain-text 检查报告: heading, counts, findings grouped by table and narrative section, recognition notes. */
export function reportText(findings: Finding[], recognition?: RecognitionReport, opts: Omit<ReportOptions, "recognition"> = {}): string {
  const lines: string[] = ["决算助手检查报告"];
  if (opts.file) lines.push(`文件：${opts.file}`);
  lines.push(`共 ${findings.length} 条：${countsText(findings)}`);
  if (findings.length === 0) lines.push("", "未发现问题。");
  for (const g of groupFindings(findings, { recognition, sections: opts.sections })) {
    lines.push("", `【${g.title}】${countsText(g.findings)}`);
    for (const f of g.findings) lines.push(findingLine(f, recognition));
  }
  if (recognition) {
    const notes: string[] = [];
    if (recognition.missing.length > 0) notes.push(`未找到的报表：${recognition.missing.map(tableName).join("、")}`);
    const overridden = recognition.tables.filter((t) => t.byOverride);
    if (overridden.length > 0) notes.push(`按手动设置识别：${overridden.map((t) => `${tableName(t.key)}→${t.sheet}`).join("、")}`);
    if (recognition.unclassifiedRows.length > 0) notes.push(`未能归类的行：${recognition.unclassifiedRows.length} 行`);
    if (recognition.unknownSupplementLabels.length > 0) {
      notes.push(`补充数据中不认识的项目：${recognition.unknownSupplementLabels.map((u) => `${u.label}（第${u.row}行）`).join("、")}`);
    }
    for (const m of recognition.messages) notes.push(m);
    if (notes.length > 0) {
      lines.push("", "【识别情况】");
      for (const n of notes) lines.push(`- ${n}`);
    }
  }
  return lines.join("\n") + "\n";
}
