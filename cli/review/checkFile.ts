/** Checks one file for `juesuan review`: read (any format), check, and the marks the pane stored in it. */
import * as fs from "fs";
import { readWorkbook } from "../adapters/workbook";
import { sniffBytes } from "../adapters/sniff";
import { checkWorkbook } from "../../src/checks";
import { JuesuanError } from "../../src/money/errors";
import { TABLE_KEYS } from "../../src/model/types";
import { TABLE_DEFS } from "../../src/reader/defs";
import { MARKS_SETTING_KEY, parseMarks } from "../../src/review/marks";
import type { FileReview } from "../../src/review/report";
import { readAddinSettings } from "./webext";

export interface ReviewTask {
  /** Absolute path. */
  abs: string;
  /** As shown in the summary. */
  file: string;
}

const failed = (file: string, problem: string): FileReview => ({ file, ok: false, problem, tablesFound: [], tablesMissing: [], findings: [] });

/** Never throws: a file that cannot be read or checked is a FileReview with its reason. */
export async function reviewFile(task: ReviewTask): Promise<FileReview> {
  try {
    const snapshot = await readWorkbook(task.abs);
    let settings: Record<string, unknown> | undefined;
    try {
      const bytes = fs.readFileSync(task.abs);
      if (sniffBytes(bytes) === "xlsx") settings = await readAddinSettings(bytes);
    } catch {
      settings = undefined;
    }
    // The pane's other settings (table locations chosen in 识别) apply here as in the pane.
    if (settings) snapshot.settings = { ...(snapshot.settings ?? {}), ...settings };
    const r = checkWorkbook(snapshot);
    const m = r.model;
    const out: FileReview = {
      file: task.file,
      ok: true,
      tablesFound: TABLE_KEYS.filter((k) => m.tables[k]).map((k) => TABLE_DEFS[k].name),
      tablesMissing: m.recognition.missing.map((k) => TABLE_DEFS[k].name),
      findings: r.findings,
    };
    if (m.unitName) out.unitName = m.unitName;
    if (m.year !== undefined) out.year = m.year;
    if (m.template) out.template = m.template;
    if (settings && MARKS_SETTING_KEY in settings) {
      const parsed = parseMarks(settings[MARKS_SETTING_KEY]);
      out.workbookMarks = parsed.marks;
      if (parsed.problems.length) out.marksProblems = parsed.problems;
    }
    return out;
  } catch (e) {
    if (e instanceof JuesuanError) return failed(task.file, e.message);
    return failed(task.file, `检查时出现内部错误（${e instanceof Error ? e.message : String(e)}），请把该文件反馈给开发者`);
  }
}
