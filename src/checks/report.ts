/**
 * Plain-text 检查报告 and the grouping of findings shared by the task pane and the CLI.
 * Pure: findings (+ the recognition report) in, Chinese text out.
 */
import { SEVERITY_LABEL, summarise, type Finding, type Severity } from "../findings";
import type { NarrativeParagraph, RecognitionReport, TableKey } from "../model/types";
import { fill } from "../money/wording";
import texts from "../data/report.json";
import tableRules from "../data/rules/tables.json";

export const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

/** A heading of the 情况说明 with its 1-based row; findings below it belong to its section. */
export interface NarrativeSection {
  row: number;
  title: string;
}

export type FindingGroupKind = "table" | "supplement" | "narrative" | "form" | "sheet" | "general" | "severity";

/** How a list of findings is ordered: errors first (then 提示, then 信息; place second), or by place. */
export type FindingOrder = "severity" | "place";

/** A pasted 情况说明: the sheet name its findings carry and the first line of each paragraph, in order. */
export interface PastedText {
  sheet: string;
  rows: number[];
  /** What the text is called in places and group titles (default 粘贴的文本), e.g. "Word 文件" for an imported .docx. */
  label?: string;
}

/** "粘贴的文本", or the label of the text the pane imported ("Word 文件"). */
export function pastedLabel(pasted?: PastedText): string {
  return pasted?.label ?? "粘贴的文本";
}

const NOTE_RULES = new Set<string>(texts.recognitionNotes);

/**
 * A finding that says what the reader could not use (补充数据 labels it does not know, a sheet it did
 * not find, a table found twice): a limit of the tool, not a defect of the report. Such notes go to
 * 识别情况 (the 识别 tab) with one summary line; `--json` keeps them among the findings.
 */
export function isRecognitionNote(f: Finding): boolean {
  return NOTE_RULES.has(f.rule);
}

/** The findings of the report and the recognition notes, each in input order. */
export function splitNotes(findings: Finding[]): { findings: Finding[]; notes: Finding[] } {
  const out: Finding[] = [];
  const notes: Finding[] = [];
  for (const f of findings) (isRecognitionNote(f) ? notes : out).push(f);
  return { findings: out, notes };
}

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
  /** When the narrative checked was pasted text: its findings are placed by paragraph (第N段). */
  pasted?: PastedText;
}

/** "公开05表" for "T05". */
export function tableName(key: TableKey): string {
  return `公开${key.slice(1)}表`;
}

const LEVEL1_HEADING = /^[一二三四五六七八九十]+[、.．]/;
const PART_HEADING = /^第[一二三四五六七八九十]+部分/;
/** A sentence, not a heading: a 名词解释 entry such as "二、事业收入：指事业单位……" (a colon may only end a heading). */
const SENTENCE = /[。；;，,！？]|[：:](?!\s*$)/;

/**
 * Top-level headings of a narrative ("第二部分 …", "一、收入支出决算总体情况说明"): short paragraphs
 * that start with a part number or a Chinese ordinal followed by 、 and are not sentences (名词解释
 * entries start with an ordinal too). Sub-headings （一） stay inside.
 */
export function narrativeSections(paragraphs: NarrativeParagraph[]): NarrativeSection[] {
  const out: NarrativeSection[] = [];
  for (const p of paragraphs) {
    const t = p.text.trim();
    if (t.length === 0 || t.length > 60 || SENTENCE.test(t)) continue;
    if (PART_HEADING.test(t) || LEVEL1_HEADING.test(t)) out.push({ row: p.row, title: t });
  }
  return out;
}

function isPasted(f: Finding, pasted?: PastedText): boolean {
  return !f.sheet || (pasted !== undefined && f.sheet === pasted.sheet);
}

function isNarrativeFinding(f: Finding, recognition?: RecognitionReport, pasted?: PastedText): boolean {
  if (f.cell) return false;
  if (f.row === undefined) return false;
  if (isPasted(f, pasted)) return true;
  return recognition?.narrative?.sheet === f.sheet || f.text !== undefined;
}

/** 1-based paragraph number of a row of pasted text, or undefined. */
export function pastedParagraph(f: Finding, pasted?: PastedText): number | undefined {
  if (!pasted || f.row === undefined || !isPasted(f, pasted)) return undefined;
  let n = 0;
  for (let i = 0; i < pasted.rows.length; i++) if (pasted.rows[i] <= f.row) n = i + 1;
  return n > 0 ? n : undefined;
}

function tableKeyOfSheet(sheet: string | undefined, recognition?: RecognitionReport): TableKey | undefined {
  if (!sheet || !recognition) return undefined;
  return recognition.tables.find((t) => t.sheet === sheet)?.key;
}

/** Short name of where a finding is: "公开05表!C7", "情况说明 第12行", "粘贴的文本 第3段", "补充数据!D4", "整体". */
export function locationText(f: Finding, recognition?: RecognitionReport, pasted?: PastedText): string {
  const para = pastedParagraph(f, pasted);
  if (para !== undefined) return pasted?.label ? `${pasted.label} 第${para}段` : fill(texts.pastedPlace, { n: para });
  if (isNarrativeFinding(f, recognition, pasted)) {
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
  const { recognition, pasted } = ctx;
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
    if (isNarrativeFinding(f, recognition, pasted)) {
      const s = sectionOf(f.row as number, sections);
      const base = pasted && isPasted(f, pasted) ? pastedLabel(pasted) : !f.sheet || recognition?.narrative?.sheet === f.sheet ? "情况说明" : f.sheet;
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


/** The findings grouped as `order` says: by place (groupFindings), or one group per severity, errors first, each by place. */
export function orderedGroups(findings: Finding[], ctx: GroupContext = {}, order: FindingOrder = "severity"): FindingGroup[] {
  if (order === "place") return groupFindings(findings, ctx);
  const out: FindingGroup[] = [];
  for (const s of SEVERITY_ORDER) {
    const mine = findings.filter((f) => f.severity === s);
    if (mine.length === 0) continue;
    out.push({
      id: `sev-${s}`,
      kind: "severity",
      title: fill(texts.severityGroup, { severity: SEVERITY_LABEL[s], n: mine.length }),
      findings: groupFindings(mine, ctx).flatMap((g) => g.findings),
    });
  }
  return out;
}

type DetailKind = "pair" | "sum" | "stated";

/** How the figures of a rule's finding are shown, from the rule data (rules/tables.json kinds, report.json lists). */
const DETAIL_KIND: Map<string, DetailKind> = (() => {
  const m = new Map<string, DetailKind>();
  type TableRule = { id: string; kind: string; same?: boolean; parts?: { level?: string; table?: string }[] };
  for (const r of tableRules.rules as TableRule[]) {
    const onePart = r.kind === "sum" && r.parts?.length === 1 && !r.parts[0].level;
    if (r.same === true || onePart || ["pairs", "rowsMatch", "leq", "geq", "leqPairs"].includes(r.kind)) m.set(r.id, "pair");
    else if (["sum", "rowSum", "hierarchy"].includes(r.kind)) m.set(r.id, "sum");
  }
  for (const id of texts.pairRules) m.set(id, "pair");
  for (const id of texts.sumRules) m.set(id, "sum");
  return m;
})();

const NUMERIC = /^[≤≥<>]?\s*[-+]?\d[\d,]*(?:\.\d+)?%?$/;
const given = (v: string | undefined): v is string => v !== undefined && v !== "";

/** A figure as is; a word in quotes (“持平”), so that texts with quotes of their own stay balanced. */
function shownValue(v: string): string {
  return NUMERIC.test(v.trim()) ? v : `“${v}”`;
}

/**
 * The figures after a message. Two printed figures that must agree (two tables, two places of the
 * text): "两处分别为 326.71、326.72，差 0.01" — neither is asserted to be the wrong one. A total
 * against its parts: "合计 …，各项之和 …，差 …". Otherwise "填报 …，应为 …，差 …". A word the
 * message already quotes is not repeated. "" when there is nothing to add.
 */
export function detailText(f: Finding): string {
  const inMessage = (v: string) => !NUMERIC.test(v.trim()) && f.message.includes(v);
  const stated = given(f.stated) && !inMessage(f.stated) ? f.stated : undefined;
  const expected = given(f.expected) && !inMessage(f.expected) ? f.expected : undefined;
  const kind = DETAIL_KIND.get(f.rule) ?? "stated";
  const d = texts.detail;
  if (kind !== "stated" && stated !== undefined && expected !== undefined) {
    const slots = { stated: shownValue(stated), expected: shownValue(expected), difference: given(f.difference) ? f.difference : "" };
    if (kind === "pair") return given(f.difference) ? fill(d.pairDifference, { ...slots, difference: f.difference.replace(/^[-+]/, "") }) : fill(d.pair, slots);
    if (given(f.difference)) return fill(d.sum, slots);
  }
  const parts: string[] = [];
  if (stated !== undefined) parts.push(fill(d.stated, { stated: shownValue(stated) }));
  if (expected !== undefined) parts.push(fill(d.expected, { expected: shownValue(expected) }));
  if (given(f.difference) && (stated !== undefined || expected !== undefined)) parts.push(fill(d.difference, { difference: f.difference }));
  return parts.join("，");
}

/** "错误 2 条，提示 1 条，信息 0 条". */
export function countsText(findings: Finding[]): string {
  const c = summarise(findings);
  return SEVERITY_ORDER.map((s) => `${SEVERITY_LABEL[s]} ${c[s]} 条`).join("，");
}

const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, " ").trim();

/**
 * One line for a person to read: "[错误] 公开01表!C7：本年支出合计 ≠ …（填报 1，应为 2，差 1）". Line
 * breaks in texts become spaces. No rule id: ids stay in --json and in the pane's tooltip.
 */
export function findingLine(f: Finding, recognition?: RecognitionReport, pasted?: PastedText): string {
  let line = `[${SEVERITY_LABEL[f.severity]}] ${locationText(f, recognition, pasted)}：${oneLine(f.message)}`;
  const detail = detailText(f);
  if (detail) line += `（${detail}）`;
  if (f.text && !f.message.includes(f.text)) line += ` 原文：“${oneLine(f.text)}”`;
  return line;
}

/** A finding the user marked as checked, with the note they gave. */
export interface VerifiedFinding {
  finding: Finding;
  note?: string;
}

export interface ReportOptions extends GroupContext {
  /** File name shown in the heading. */
  file?: string;
  /** Errors first (default) or by place. */
  order?: FindingOrder;
  /** Findings marked 已核实: listed after the open ones, not counted as open. */
  verified?: VerifiedFinding[];
}

const UNKNOWN_LABEL_MESSAGE = /^补充数据第\d+行“.*”不是已知项目/;

/** Lines of 识别情况: what the reader found and could not use (the recognition notes among them). */
export function recognitionLines(recognition: RecognitionReport | undefined, notes: Finding[]): string[] {
  const out: string[] = [];
  if (recognition) {
    if (recognition.missing.length > 0) out.push(fill(texts.missingTables, { tables: recognition.missing.map(tableName).join("、") }));
    const overridden = recognition.tables.filter((t) => t.byOverride);
    if (overridden.length > 0) out.push(fill(texts.overridden, { tables: overridden.map((t) => `${tableName(t.key)}→${t.sheet}`).join("、") }));
    if (recognition.unclassifiedRows.length > 0) out.push(fill(texts.unclassified, { n: recognition.unclassifiedRows.length }));
    const unknown = recognition.unknownSupplementLabels;
    if (unknown.length > 0) out.push(fill(texts.unknownLabels, { n: unknown.length, labels: unknown.map((u) => `${u.label}（第${u.row}行）`).join("、") }));
  }
  // R-3 is the list above when there is a recognition report; the other notes say it in their own words.
  for (const n of notes) if (!(recognition && n.rule === "R-3")) out.push(oneLine(n.message));
  for (const m of recognition?.messages ?? []) if (!UNKNOWN_LABEL_MESSAGE.test(m) && !out.includes(m)) out.push(m);
  return out;
}

/**
 * The plain-text 检查报告: heading, counts, the findings (errors first, or grouped by table and narrative
 * section), the 已核实 ones, and 识别情况 with the recognition notes. No rule ids.
 */
export function reportText(findings: Finding[], recognition?: RecognitionReport, opts: Omit<ReportOptions, "recognition"> = {}): string {
  const { findings: open, notes } = splitNotes(findings);
  const ctx: GroupContext = { recognition, sections: opts.sections, pasted: opts.pasted };
  const verified = opts.verified ?? [];
  const lines: string[] = [texts.heading];
  if (opts.file) lines.push(fill(texts.file, { file: opts.file }));
  lines.push(
    verified.length > 0
      ? fill(texts.totalOpen, { n: open.length, counts: countsText(open), verified: verified.length })
      : fill(texts.total, { n: open.length, counts: countsText(open) }),
  );
  if (notes.length > 0) lines.push(fill(texts.notesLine, { n: notes.length }));
  if (open.length === 0) lines.push("", texts.none);
  const order = opts.order ?? "severity";
  for (const g of orderedGroups(open, ctx, order)) {
    lines.push("", order === "severity" ? `【${g.title}】` : `【${g.title}】${countsText(g.findings)}`);
    for (const f of g.findings) lines.push(findingLine(f, recognition, opts.pasted));
  }
  if (verified.length > 0) {
    lines.push("", `【${fill(texts.verifiedGroup, { n: verified.length })}】`);
    for (const v of verified) lines.push(findingLine(v.finding, recognition, opts.pasted) + (v.note ? ` 核实说明：${oneLine(v.note)}` : ""));
  }
  const rec = recognitionLines(recognition, notes);
  if (rec.length > 0) {
    lines.push("", `【${texts.recognitionHeading}】`);
    for (const n of rec) lines.push(`- ${n}`);
  }
  return lines.join("\n") + "\n";
}
