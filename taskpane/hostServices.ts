/**
 * PaneServices implemented on an Excel host (office.js's Excel, or the fake Excel of the preview
 * page): every Office call goes through taskpane/excel; everything else is the pure core.
 */
import { checkWorkbook } from "../src/checks";
import { narrativeSections } from "../src/checks/report";
import recognitionRules from "../src/data/rules/recognition.json";
import { JuesuanError } from "../src/money/errors";
import { OVERRIDES_SETTING } from "../src/model/types";
import type { GeneratedNarrative } from "../src/narrative/generateTypes";
import { paragraphsFromText } from "../src/narrative/paragraphs";
import { blankFormCells, perfReportOf, readForms, readPerfContext } from "../src/perf";
import { readReport, serialiseOverrides } from "../src/reader";
import type { Finding } from "../src/findings";
import { fingerprints } from "../src/review/fingerprint";
import { MARKS_SETTING_KEY, parseMarks, serializeMarks } from "../src/review/marks";
import type { SheetSnapshot, WorkbookSnapshot } from "../src/workbook/snapshot";
import { toPerfFormViews } from "./components/perf/toView";
import {
  addSheetWithCells,
  GENERATED_SHEET,
  INTERNAL_SHEET_PREFIX,
  narrativeSheetState,
  navigateTo,
  readWorkbookSnapshot,
  saveSetting,
  writeCells,
  writeNarrativeSheet,
  type ExcelHost,
  type ReadNotice,
  type NarrativeChart,
  type NarrativeParagraph,
  type NarrativeSheetState,
} from "./excel";
import type { CellEdit, CheckOutcome, NarrativeSource, NavigateTarget, PaneServices, PastedText } from "./services";
import { loadChunk } from "./chunks";

/* global navigator, document, Blob */

export interface HostServicesOptions {
  excel?: ExcelHost;
  /** Name of the workbook for reports (office.js: Office.context.document.url). */
  fileName?: () => string | undefined;
  /** Clipboard writer; defaults to navigator.clipboard with a textarea fallback. */
  copy?: (text: string) => Promise<void>;
  /**
   * How long (ms) what generate() read about the generated sheet may stand in for a fresh read when that
   * same narrative is written (default 15000). Within it, writeGenerated is ONE sync; after it (the user
   * may have edited the sheet meanwhile), the write reads the sheet again first.
   */
  observationTtlMs?: number;
  /** Clock for the TTL (tests). */
  now?: () => number;
}

/** Sheets the generator must not read: the add-in's hidden sheets, its generated sheet and kept copies of it. */
function userSheetsOnly(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return { ...snapshot, sheets: snapshot.sheets.filter((s) => !s.name.startsWith(INTERNAL_SHEET_PREFIX) && !s.name.startsWith(GENERATED_SHEET)) };
}

/** Sheet visibility as the adapter reads it (SheetSnapshot.visibility; absent = visible). */
function isHidden(sheet: SheetSnapshot): boolean {
  const v = (sheet as { visibility?: string }).visibility;
  return v === "hidden" || v === "veryHidden";
}

/** A finding given a note by withReadFindings → the finding as checked (its fingerprint is the checked one's). */
const CHECKED = new WeakMap<Finding, Finding>();

/** Fingerprints of the pane's findings: those of the findings as checked (as `juesuan review` computes them). */
export function paneFingerprints(checked: Finding[], shown: Finding[]): string[] {
  const fps = fingerprints(checked);
  const byFinding = new Map(checked.map((f, i) => [f, fps[i]] as const));
  const extra = fingerprints(shown);
  return shown.map((f, i) => byFinding.get(CHECKED.get(f) ?? f) ?? extra[i]);
}

/**
 * What the read could not do becomes findings on those sheets; findings on sheets the user cannot see
 * say so in their message, and each such sheet gets one line saying how many findings it holds.
 */
export function withReadFindings(findings: Finding[], snapshot: WorkbookSnapshot, notices: ReadNotice[]): Finding[] {
  const hidden = new Map<string, string>();
  for (const s of snapshot.sheets) if (isHidden(s)) hidden.set(s.name, (s as { visibility?: string }).visibility === "veryHidden" ? "深度隐藏" : "隐藏");
  const out: Finding[] = notices.map((n) => ({
    rule: n.kind === "too-large" ? "X-read-too-large" : "X-read-merges",
    severity: "warning",
    message: n.message,
    sheet: n.sheet,
  }));
  const perHidden = new Map<string, number>();
  for (const f of findings) {
    const how = f.sheet !== undefined ? hidden.get(f.sheet) : undefined;
    if (how === undefined) {
      out.push(f);
      continue;
    }
    perHidden.set(f.sheet!, (perHidden.get(f.sheet!) ?? 0) + 1);
    const noted = { ...f, message: `${f.message}（该工作表已${how}）` };
    CHECKED.set(noted, f);
    out.push(noted);
  }
  for (const [sheet, n] of perHidden) {
    out.push({
      rule: "X-hidden-sheet",
      severity: "info",
      message: `工作表“${sheet}”已${hidden.get(sheet)}，其中有 ${n} 条检查结果；取消隐藏后才能在表中查看和定位。`,
      sheet,
    });
  }
  return out;
}

/** Label of an imported Word file's text in places and group titles (“Word 文件 第3段”). */
export const WORD_LABEL = "Word 文件";

/** How the findings on checked text are placed: by its paragraphs, or by the Word file's paragraphs when it came from one. */
function pastedOf(sheet: string, paragraphs: { row: number }[], source?: NarrativeSource): PastedText {
  if (source?.kind === "word") return { sheet, rows: source.rows.slice(), label: WORD_LABEL };
  return { sheet, rows: paragraphs.map((p) => p.row) };
}

/** Cells that belong to the performance forms last shown: the only cells saveForm may write. */
function formCells(forms: ReturnType<typeof readForms>): Set<string> {
  const cells = new Set<string>();
  const visit = (v: unknown): void => {
    if (!v || typeof v !== "object") return;
    const o = v as Record<string, unknown>;
    if (typeof o.sheet === "string" && typeof o.cell === "string") cells.add(`${o.sheet}!${o.cell}`);
    for (const x of Object.values(o)) if (x && typeof x === "object") visit(x);
  };
  for (const f of forms) visit(f);
  return cells;
}

async function copyToClipboard(text: string): Promise<void> {
  try {
    if (typeof navigator !== "undefined" && navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return;
    }
  } catch {
    // fall through to the textarea route (some Office hosts deny the async clipboard)
  }
  const ta = document.createElement("textarea");
  ta.value = text;
  ta.setAttribute("readonly", "");
  ta.style.position = "fixed";
  ta.style.opacity = "0";
  document.body.appendChild(ta);
  ta.select();
  const ok = document.execCommand("copy");
  document.body.removeChild(ta);
  if (!ok) throw new JuesuanError("clipboard", "无法写入剪贴板：请在报告文本中手动选择并复制。");
}

/** The generated text as the adapter writes it: one paragraph per row, with the cells of its numbers. */
export function toSheetCharts(n: GeneratedNarrative): NarrativeChart[] {
  return (n.charts ?? []).map((c) => ({
    number: c.number,
    title: c.title,
    kind: c.kind,
    afterParagraph: c.afterParagraph,
    categories: c.categories.slice(),
    series: c.series.map((s) => ({ name: s.name, values: s.points.map((p) => p.value) })),
  }));
}

export function toSheetParagraphs(n: GeneratedNarrative): NarrativeParagraph[] {
  return n.paragraphs.map((p) => ({
    text: p.text,
    style: p.style,
    sources: p.spans.flatMap((s) => (s.sources ?? []).map((src) => ({ text: s.text, sheet: src.sheet, cell: src.cell }))),
  }));
}

export function createHostServices(options: HostServicesOptions = {}): PaneServices {
  const excel = options.excel;
  let allowedCells = new Set<string>();
  const read = (): Promise<WorkbookSnapshot> => readWorkbookSnapshot(excel);
  const now = options.now ?? (() => Date.now());
  const ttl = options.observationTtlMs ?? 15000;
  /** What generate() saw of the generated sheet, for the write of that same narrative. */
  let observed: { narrative: GeneratedNarrative; state: NarrativeSheetState; at: number } | undefined;

  return {
    async runCheck(opts): Promise<CheckOutcome> {
      let notices: ReadNotice[] = [];
      const snapshot = await readWorkbookSnapshot(excel, { onNotices: (n) => (notices = n) });
      const pastedName = recognitionRules.pastedTextName;
      const pasted = opts?.narrativeText !== undefined;
      const r = checkWorkbook(snapshot, pasted ? { narrativeText: opts?.narrativeText, narrativeTextName: pastedName } : {});
      const paragraphs = pasted ? paragraphsFromText(opts!.narrativeText!) : (r.model.narrative?.paragraphs ?? []);
      const shown = withReadFindings(r.findings, snapshot, notices);
      // The marks come with the same read (the snapshot holds the add-in's settings): no extra sync.
      const parsedMarks = parseMarks(snapshot.settings?.[MARKS_SETTING_KEY]);
      return {
        findings: shown,
        fingerprints: paneFingerprints(r.findings, shown),
        marks: parsedMarks.marks,
        ...(parsedMarks.problems.length > 0 ? { marksProblems: parsedMarks.problems } : {}),
        recognition: r.model.recognition,
        file: options.fileName?.(),
        sheetNames: snapshot.sheets.map((s) => s.name),
        narrativeSections: narrativeSections(paragraphs),
        ...(pasted ? { pasted: pastedOf(pastedName, paragraphs, opts?.narrativeSource) } : {}),
      };
    },
    async navigate(target: NavigateTarget): Promise<void> {
      await navigateTo(target.sheet, target.cell ?? `A${target.row ?? 1}`, excel);
    },
    async generate(opts): Promise<GeneratedNarrative> {
      // One sync: the user's sheets, plus what the write will need (the generated sheet, its charts and
      // the add-in's hidden fingerprint), so that writing this narrative is one more sync only.
      let charts: Record<string, string[]> = {};
      let notices: ReadNotice[] = [];
      const all = await readWorkbookSnapshot(excel, { includeInternalSheets: true, chartsOf: [GENERATED_SHEET], onCharts: (c) => (charts = c), onNotices: (n) => (notices = n) });
      const state = narrativeSheetState(all, charts[GENERATED_SHEET]);
      const snapshot = userSheetsOnly(all);
      const model = readReport(snapshot);
      if (!model.tables.T01 && !model.tables.T05) {
        const unread = notices.filter((x) => x.kind === "too-large").map((x) => x.message).join("");
        throw new JuesuanError("no-tables", "没有识别到公开01表和公开05表，无法生成情况说明。请在“识别”页指定表格所在的工作表。" + unread);
      }
      // The generator (its code and sentence templates) is loaded only now, from its own chunk “generate”:
      // the pane's first screen (检查) does not need it.
      const { generateNarrative } = await loadChunk(() => import(/* webpackChunkName: "generate" */ "../src/narrative/generate"), "生成情况说明");
      const n = generateNarrative(model, { template: opts?.template, forms: readForms(snapshot) });
      observed = { narrative: n, state, at: now() };
      return n;
    },
    async writeGenerated(n: GeneratedNarrative) {
      const fresh = observed && observed.narrative === n && now() - observed.at <= ttl ? observed.state : undefined;
      observed = undefined; // used once: after a write the sheet has changed
      const r = await writeNarrativeSheet(toSheetParagraphs(n), { excel, charts: toSheetCharts(n), observed: fresh });
      return { sheet: r.sheet, keptCopy: r.keptCopy, action: r.action };
    },
    async buildDocx(n: GeneratedNarrative): Promise<Blob> {
      // The Word writer is loaded only when asked for: it is the largest part of the pane's code.
      const { buildDocx } = await loadChunk(() => import(/* webpackChunkName: "docx" */ "../src/export/docx"), "导出 Word 文档");
      const bytes = await buildDocx(n);
      return new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
    },
    async loadForms() {
      const snapshot = await read();
      const forms = readForms(snapshot);
      allowedCells = formCells(forms);
      const context = readPerfContext(snapshot);
      return toPerfFormViews(forms, perfReportOf(forms, context), { snapshot, context });
    },
    async saveForm(edits: CellEdit[]): Promise<void> {
      const outside = edits.filter((e) => !allowedCells.has(`${e.sheet}!${e.cell}`));
      if (outside.length > 0) {
        throw new JuesuanError("not-form-cell", `单元格 ${outside.map((e) => `${e.sheet}!${e.cell}`).join("、")} 不属于绩效表，未写入。`);
      }
      // Amounts stay numbers in Excel; everything else is written as the text typed.
      await writeCells(
        edits.map((e) => ({ sheet: e.sheet, cell: e.cell, value: /^\s*-?\d+(\.\d+)?\s*$/.test(e.value) ? Number(e.value.trim()) : e.value })),
        excel,
      );
    },
    async insertBlankForm(projectName: string) {
      const name = projectName.trim();
      if (!name) throw new JuesuanError("no-name", "请先填写项目名称。");
      const model = readReport(await read());
      const form = blankFormCells(model.year ?? new Date().getFullYear());
      const values = form.values.map((r) => r.slice());
      values[form.inputs.name.row][form.inputs.name.col] = name;
      return addSheetWithCells(`绩效表-${name}`, values, form.merges, { excel, boldRows: [0], columnWidths: [90, 90, 110, 160, 160, 160] });
    },
    async saveOverrides(o) {
      await saveSetting(OVERRIDES_SETTING, serialiseOverrides(o), excel);
    },
    async saveMarks(marks) {
      // Excel.SettingCollection.add "sets or adds the specified setting to the workbook"; a setting is
      // "persisted to the document (per file, per add-in)", so the marks travel with the file
      // (https://learn.microsoft.com/javascript/api/excel/excel.settingcollection,
      // https://learn.microsoft.com/javascript/api/excel/excel.setting). The Common API's Office.Settings
      // (Office.context.document.settings.set + saveAsync, "saved per add-in and per document",
      // https://learn.microsoft.com/javascript/api/office/office.settings) would do as well; the Excel API
      // is used, like the table overrides, so that the write is one context.sync (saveSetting) and the
      // marks are read with the workbook snapshot, in the read's one sync.
      await saveSetting(MARKS_SETTING_KEY, serializeMarks(marks), excel);
    },
    async copyText(text: string) {
      await (options.copy ?? copyToClipboard)(text);
    },
  };
}
