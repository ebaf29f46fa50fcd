/**
 * PaneServices implemented on an Excel host (office.js's Excel, or the fake Excel of the preview
 * page): every Office call goes through taskpane/excel; everything else is the pure core.
 */
import { checkWorkbook } from "../src/checks";
import { narrativeSections } from "../src/checks/report";
import { buildDocx } from "../src/export/docx";
import { JuesuanError } from "../src/money/errors";
import { OVERRIDES_SETTING } from "../src/model/types";
import type { GeneratedNarrative } from "../src/narrative/generateTypes";
import { generateNarrative } from "../src/narrative/generate";
import { paragraphsFromText } from "../src/narrative/paragraphs";
import { blankFormCells, perfReportOf, readForms, readPerfContext } from "../src/perf";
import { readReport, serialiseOverrides } from "../src/reader";
import type { WorkbookSnapshot } from "../src/workbook/snapshot";
import { toPerfFormViews } from "./components/perf/toView";
import {
  addSheetWithCells,
  navigateTo,
  readWorkbookSnapshot,
  saveSetting,
  writeCells,
  writeNarrativeSheet,
  type ExcelHost,
  type NarrativeParagraph,
} from "./excel";
import type { CellEdit, CheckOutcome, NavigateTarget, PaneServices } from "./services";

/* global navigator, document, Blob */

export interface HostServicesOptions {
  excel?: ExcelHost;
  /** Name of the workbook for reports (office.js: Office.context.document.url). */
  fileName?: () => string | undefined;
  /** Clipboard writer; defaults to navigator.clipboard with a textarea fallback. */
  copy?: (text: string) => Promise<void>;
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

  return {
    async runCheck(opts): Promise<CheckOutcome> {
      const snapshot = await read();
      const r = checkWorkbook(snapshot, { narrativeText: opts?.narrativeText });
      const paragraphs = opts?.narrativeText !== undefined ? paragraphsFromText(opts.narrativeText) : (r.model.narrative?.paragraphs ?? []);
      return {
        findings: r.findings,
        recognition: r.model.recognition,
        file: options.fileName?.(),
        sheetNames: snapshot.sheets.map((s) => s.name),
        narrativeSections: narrativeSections(paragraphs),
      };
    },
    async navigate(target: NavigateTarget): Promise<void> {
      await navigateTo(target.sheet, target.cell ?? `A${target.row ?? 1}`, excel);
    },
    async generate(opts): Promise<GeneratedNarrative> {
      const snapshot = await read();
      const model = readReport(snapshot);
      if (!model.tables.T01 && !model.tables.T05) {
        throw new JuesuanError("no-tables", "没有识别到公开01表和公开05表，无法生成情况说明。请在“识别”页指定表格所在的工作表。");
      }
      return generateNarrative(model, { template: opts?.template, forms: readForms(snapshot) });
    },
    async writeGenerated(n: GeneratedNarrative) {
      const r = await writeNarrativeSheet(toSheetParagraphs(n), { excel });
      return { sheet: r.sheet, keptCopy: r.keptCopy };
    },
    async buildDocx(n: GeneratedNarrative): Promise<Blob> {
      const bytes = await buildDocx(n);
      return new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });
    },
    async loadForms() {
      const snapshot = await read();
      const forms = readForms(snapshot);
      allowedCells = formCells(forms);
      return toPerfFormViews(forms, perfReportOf(forms, readPerfContext(snapshot)));
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
    async copyText(text: string) {
      await (options.copy ?? copyToClipboard)(text);
    },
  };
}
