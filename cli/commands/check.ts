/** `juesuan check <file.xlsx>… [--json] [--text narrative.txt]`: every consistency check on one or more workbooks. */
import * as fs from "fs";
import * as path from "path";
import { readWorkbook } from "../adapters/workbook";
import { readNarrativeFile } from "../adapters/narrativeFile";
import { parseArgs, type CliIO, type Command } from "../io";
import { checkWorkbook } from "../../src/checks";
import { TABLE_KEYS } from "../../src/model/types";
import { reportText } from "../../src/checks/report";
import type { Finding } from "../../src/findings";
import { JuesuanError } from "../../src/money/errors";
import { summarise } from "../../src/findings";
import { judgeFindings, MARKS_SETTING_KEY, parseMarks, type Marks } from "../../src/review/marks";
import { sniffBytes } from "../adapters/sniff";
import { readAddinSettings } from "../review/webext";

/** A finding in --json: with its fingerprint (src/review/fingerprint.ts) and, when marked 已核实 in the workbook, the mark. */
export type CheckedFinding = Finding & { fingerprint: string; verified?: { note?: string; at: string } };

export interface CheckJson {
  file: string;
  /** Every finding, the 已核实 ones included (they carry `verified`). */
  findings: CheckedFinding[];
  /** Open findings only: those marked 已核实 are not counted. */
  summary: { error: number; warning: number; info: number };
  /** How many findings are marked 已核实 in the workbook (not in `summary`). */
  verified?: number;
  /** What of the workbook's stored marks could not be read (Chinese). */
  marksProblems?: string[];
  /** Present when the file could not be read. */
  problem?: string;
}

/**
 * The add-in settings the pane stored in an .xlsx (its 已核实 marks under juesuan.marks, its table locations),
 * read from xl/webextensions as `juesuan review` reads them (cli/review/webext.ts). Other formats have none.
 */
function workbookSettings(abs: string): Promise<Record<string, unknown> | undefined> {
  try {
    const bytes = fs.readFileSync(abs);
    return sniffBytes(bytes) === "xlsx" ? readAddinSettings(bytes) : Promise.resolve(undefined);
  } catch {
    return Promise.resolve(undefined);
  }
}

function progress(io: CliIO, done: number, total: number, name: string): void {
  // On stderr, and only when stderr is a terminal: `check *.xlsx > 报告.txt` still shows it, a log file never gets it.
  if (!io.stderrIsTTY || total < 2) return;
  const width = 24;
  const filled = Math.round((done / total) * width);
  io.stderr(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${name.slice(0, 40).padEnd(40)}`);
  if (done === total) io.stderr("\n");
}

export const check: Command = async (args, io) => {
  const { positional, flags } = parseArgs(args, ["text"]);
  if (positional.length === 0) {
    io.stderr("用法：juesuan check <文件.xlsx>… [--json] [--text 情况说明.txt]\n");
    return 2;
  }
  let narrativeText: string | undefined;
  if (typeof flags.text === "string") {
    const p = path.resolve(io.cwd, flags.text);
    if (!fs.existsSync(p)) throw new JuesuanError("file-not-found", `找不到情况说明文本文件“${flags.text}”`);
    narrativeText = await readNarrativeFile(p, String(flags.text));
  } else if (flags.text === true) {
    io.stderr("--text 后面需要给出情况说明文本文件的路径\n");
    return 2;
  }
  const results: CheckJson[] = [];
  let unreadable = 0;
  for (let i = 0; i < positional.length; i++) {
    const file = positional[i];
    progress(io, i, positional.length, path.basename(file));
    try {
      const abs = path.resolve(io.cwd, file);
      const snapshot = await readWorkbook(abs);
      // The pane's settings apply here as in the pane and in `juesuan review` (table locations chosen in 识别),
      // so that the findings, and so their fingerprints, are the pane's.
      const settings = await workbookSettings(abs);
      if (settings) snapshot.settings = { ...(snapshot.settings ?? {}), ...settings };
      const r = checkWorkbook(snapshot, { narrativeText, narrativeTextName: narrativeText !== undefined ? path.basename(String(flags.text)) : undefined });
      const nothing = TABLE_KEYS.every((k) => !r.model.tables[k]) && !r.model.narrative && narrativeText === undefined;
      if (nothing) unreadable++;
      // 已核实 marks made in the pane: those findings are listed apart and not counted as open.
      const parsed: { marks: Marks; problems: string[] } = settings && MARKS_SETTING_KEY in settings ? parseMarks(settings[MARKS_SETTING_KEY]) : { marks: {}, problems: [] };
      const judged = judgeFindings(r.findings, parsed.marks);
      const verifiedSet = new Set(judged.verified.map((v) => v.finding));
      const markOf = new Map(judged.verified.map((v) => [v.finding, v] as const));
      const fpOf = new Map([...judged.open, ...judged.verified].map((j) => [j.finding, j.fingerprint] as const));
      const open = r.findings.filter((f) => !verifiedSet.has(f));
      const findings: CheckedFinding[] = r.findings.map((f) => {
        const v = markOf.get(f);
        const out: CheckedFinding = { ...f, fingerprint: fpOf.get(f) as string };
        if (v?.mark) out.verified = v.mark.note ? { note: v.mark.note, at: v.mark.at } : { at: v.mark.at };
        return out;
      });
      results.push({
        file,
        findings,
        summary: summarise(open),
        ...(judged.verified.length > 0 ? { verified: judged.verified.length } : {}),
        ...(parsed.problems.length > 0 ? { marksProblems: parsed.problems } : {}),
        ...(nothing ? { problem: "没有可检查的内容（未识别到公开表和情况说明）" } : {}),
      });
      if (!flags.json) {
        const verified = judged.verified.map((v) => ({ finding: v.finding, note: v.mark?.note }));
        const text = reportText(open, r.model.recognition, { file: path.basename(file), verified });
        const problems = parsed.problems.length > 0 ? `注意：${parsed.problems.join("；")}。\n` : "";
        io.stdout(`${positional.length > 1 ? `\n━━ ${file} ━━\n` : ""}${text}${problems}\n`);
      }
    } catch (e) {
      if (positional.length === 1) throw e;
      // In a batch a file that fails gets its named row and the run goes on; an unexpected error says so.
      unreadable++;
      const problem = e instanceof JuesuanError ? e.message : `检查时出现内部错误（${e instanceof Error ? e.message : String(e)}），请把该工作簿反馈给开发者`;
      results.push({ file, findings: [], summary: { error: 0, warning: 0, info: 0 }, problem });
      if (!flags.json) io.stderr(`\n${file}：${problem}\n`);
    }
  }
  progress(io, positional.length, positional.length, "");
  if (flags.json) io.stdout(JSON.stringify(results.length === 1 ? results[0] : results, null, 2) + "\n");
  const total = results.reduce((s, r) => ({ error: s.error + r.summary.error, warning: s.warning + r.summary.warning, info: s.info + r.summary.info }), { error: 0, warning: 0, info: 0 });
  const verifiedTotal = results.reduce((n, r) => n + (r.verified ?? 0), 0);
  if (positional.length > 1) {
    const verifiedNote = verifiedTotal > 0 ? `（不含已核实的 ${verifiedTotal} 条）` : "";
    io.stderr(`共检查 ${positional.length} 个工作簿${unreadable ? `（${unreadable} 个无法读取或没有可检查的内容）` : ""}：错误 ${total.error} 条，提示 ${total.warning} 条，信息 ${total.info} 条${verifiedNote}。\n`);
  }
  if (unreadable > 0 && total.error === 0) return 2;
  return total.error > 0 ? 1 : 0;
};
