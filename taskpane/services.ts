/**
 * The interface between the task pane's components and the host. Components receive a
 * PaneServices object as a prop and never touch Excel/Office themselves; the Excel adapter
 * (taskpane/excel/) implements it with Excel.run, and browser tests implement it with fakes.
 *
 * Errors: every method may reject. Reject with an Error whose message is Chinese and meant for
 * the user (the pane shows it in a MessageBar as is); Office errors (OfficeExtension.Error, with a
 * `code`) may also be passed through: the pane maps common codes to Chinese (see paneErrors.ts).
 */
import type { Finding } from "../src/findings";
import type { RecognitionReport, TableOverrides, TemplateId } from "../src/model/types";
import type { GeneratedNarrative } from "../src/narrative/generateTypes";
import type { NarrativeSection, PastedText } from "../src/checks/report";
import type { PerfFormView } from "./components/perf/types";
import type { Marks } from "../src/review/marks";

export type { PerfFormView } from "./components/perf/types";
export type { NarrativeSection, PastedText } from "../src/checks/report";

export interface CheckOutcome {
  findings: Finding[];
  recognition: RecognitionReport;
  /** Workbook file name, shown in the copied report. */
  file?: string;
  /** Every worksheet name of the workbook, in tab order (for the 识别 tab's override dropdowns). */
  sheetNames?: string[];
  /**
   * Top-level headings of the narrative that was checked (src/checks/report.ts narrativeSections
   * of its paragraphs), so narrative findings can be grouped by section.
   */
  narrativeSections?: NarrativeSection[];
  /** When pasted text was checked instead of the workbook's 情况说明: the name its findings carry and its paragraphs' first lines. */
  pasted?: PastedText;
  /** Fingerprint of each finding (src/review/fingerprint.ts `fingerprints`, same order as `findings`). */
  fingerprints?: string[];
  /** The workbook's 已核实 marks (setting juesuan.marks), read with the workbook. */
  marks?: Marks;
  /** What of the stored marks could not be read (Chinese), when anything. */
  marksProblems?: string[];
}

/**
 * The 情况说明 text was read from a Word file picked in the pane (taskpane/wordImport.ts): its findings are
 * placed by the file's paragraphs (“Word 文件 第N段”).
 */
export interface NarrativeSource {
  kind: "word";
  /** The file name as picked. */
  name: string;
  /** 1-based line of the text where each Word paragraph starts. */
  rows: number[];
}

/** Where to go in the workbook: activate the sheet, then select the cell (or column A of row). */
export interface NavigateTarget {
  sheet: string;
  cell?: string;
  row?: number;
}

/** One changed cell of a performance form; `value` is the text the user typed (the adapter writes a number when it is an amount). */
export interface CellEdit {
  sheet: string;
  cell: string;
  value: string;
}

export interface PaneServices {
  /**
   * Reads the workbook (one sync) and runs every check. `narrativeText`: check this pasted text as the 情况说明
   * instead of the workbook's sheet; `narrativeSource`: where that text came from when it is not pasted.
   */
  runCheck(opts?: { narrativeText?: string; narrativeSource?: NarrativeSource }): Promise<CheckOutcome>;
  /** Activates the sheet and selects the cell; must not throw for a sheet that no longer exists (reject with a Chinese message). */
  navigate(target: NavigateTarget): Promise<void>;
  /** Generates the 情况说明 from the workbook; without `template` the workbook's own template is used. */
  generate(opts?: { template?: TemplateId }): Promise<GeneratedNarrative>;
  /**
   * Writes into the sheet "情况说明（生成）"; `keptCopy` names the copy of a user-edited previous version;
   * `action`: "created" (no such sheet before), "replaced" (the previous, unedited one was rewritten), "kept".
   */
  writeGenerated(n: GeneratedNarrative): Promise<{ sheet: string; keptCopy?: string; action?: "created" | "replaced" | "kept" }>;
  /** A Word document of the text (the `docx` package); no network. */
  buildDocx(n: GeneratedNarrative): Promise<Blob>;
  /** Every performance form of the workbook, with its score, grade and findings. */
  loadForms(): Promise<PerfFormView[]>;
  /** Writes the given cells (only the form's own cells) in one sync. */
  saveForm(edits: CellEdit[]): Promise<void>;
  /** Inserts a blank standard form on a new sheet; returns that sheet's name. */
  insertBlankForm(projectName: string): Promise<{ sheet: string }>;
  /** Saves the table overrides into the workbook settings (this clears Excel's Undo history; the pane warns first). */
  saveOverrides(o: TableOverrides): Promise<void>;
  /**
   * Stores the 已核实 marks in the workbook (setting juesuan.marks: one write sync; like every setting
   * this clears Excel's Undo history, the pane says so). Absent: the pane offers no marking.
   */
  saveMarks?(marks: Marks): Promise<void>;
  /** Puts text on the clipboard. */
  copyText(text: string): Promise<void>;
}
