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

export interface CheckJson {
  file: string;
  findings: Finding[];
  summary: { error: number; warning: number; info: number };
  /** Present when the file could not be read. */
  problem?: string;
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
      const snapshot = await readWorkbook(path.resolve(io.cwd, file));
      const r = checkWorkbook(snapshot, { narrativeText, narrativeTextName: narrativeText !== undefined ? path.basename(String(flags.text)) : undefined });
      const nothing = TABLE_KEYS.every((k) => !r.model.tables[k]) && !r.model.narrative && narrativeText === undefined;
      if (nothing) unreadable++;
      results.push({ file, findings: r.findings, summary: r.summary, ...(nothing ? { problem: "没有可检查的内容（未识别到公开表和情况说明）" } : {}) });
      if (!flags.json) {
        io.stdout(`${positional.length > 1 ? `\n━━ ${file} ━━\n` : ""}${reportText(r.findings, r.model.recognition, { file: path.basename(file) })}\n`);
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
  if (positional.length > 1) {
    io.stderr(`共检查 ${positional.length} 个工作簿${unreadable ? `（${unreadable} 个无法读取或没有可检查的内容）` : ""}：错误 ${total.error} 条，提示 ${total.warning} 条，信息 ${total.info} 条。\n`);
  }
  if (unreadable > 0 && total.error === 0) return 2;
  return total.error > 0 ? 1 : 0;
};
