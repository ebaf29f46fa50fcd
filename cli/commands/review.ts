/**
 * `juesuan review <文件或文件夹>… --out 汇总.xlsx [--units 单位.csv] [--marks 问题清单.xlsx] [--json] [--jobs N]`:
 * a finance bureau's review of every unit in one run. Files are checked in parallel (cli/review/pool.ts);
 * a file that fails gets its named row and the run goes on. Exit: 0 no open error; 1 open errors, a file
 * that could not be read or a unit missing; 2 the run itself failed.
 */
import * as fs from "fs";
import * as path from "path";
import { parseArgs, type CliIO, type Command } from "../io";
import { REVIEW_HELP } from "../review/help";
import { JuesuanError } from "../../src/money/errors";
import { buildReview, reviewExitCode, totalsLine, type ListMarks, type UnitEntry } from "../../src/review/report";
import { collectInputs } from "../review/collect";
import { defaultWorkers, reviewFiles } from "../review/pool";
import { readUnits } from "../review/units";
import { readMarksFile, writeReviewXlsx } from "../review/xlsx";
import { reviewHtml } from "../../src/review/html";


export { REVIEW_HELP };

function writeText(file: string, text: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  } catch (e) {
    throw new JuesuanError("write-failed", `无法写入“${file}”：${(e as NodeJS.ErrnoException).code ?? String(e)}`, e);
  }
}

/** Progress on stderr when it is a terminal: files done, failures, time left; one final line otherwise. */
function progress(io: CliIO, tty: boolean, started: number) {
  let last = 0;
  return (done: number, failed: number, total: number) => {
    const now = Date.now();
    if (!tty || (done < total && now - last < 100)) return;
    last = now;
    const width = 24;
    const filled = Math.round((done / total) * width);
    const left = done > 0 ? Math.round((((now - started) / done) * (total - done)) / 1000) : 0;
    const eta = done < total ? `，约剩 ${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}` : "";
    io.stderr(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}${failed ? `，${failed} 个无法读取` : ""}${eta}    `);
    if (done === total) io.stderr("\n");
  };
}

export const review: Command = async (args, io) => {
  const { positional, flags } = parseArgs(args, REVIEW_HELP.valued);
  for (const k of REVIEW_HELP.valued) {
    if (flags[k] === true) {
      io.stderr(`--${k} 后面需要给出${k === "jobs" ? "数目" : "文件路径"}\n`);
      return 2;
    }
  }
  const out = typeof flags.out === "string" ? path.resolve(io.cwd, flags.out) : undefined;
  if (positional.length === 0 || (!out && !flags.json && !flags.html)) {
    io.stderr(`用法：${REVIEW_HELP.usage}\n`);
    return 2;
  }
  const html = typeof flags.html === "string" ? path.resolve(io.cwd, flags.html) : undefined;
  if (html && !/\.html?$/i.test(html)) {
    io.stderr("--html 应为 .html 文件\n");
    return 2;
  }
  if (out && !/\.xlsx$/i.test(out)) {
    io.stderr("--out 应为 .xlsx 文件\n");
    return 2;
  }
  let jobs: number | undefined;
  if (typeof flags.jobs === "string") {
    jobs = Number(flags.jobs);
    if (!Number.isInteger(jobs) || jobs < 0 || jobs > 256) {
      io.stderr("--jobs 应为 0–256 的整数（0 表示不用多线程）\n");
      return 2;
    }
  }
  const started = Date.now();
  const now = new Date(started).toISOString();
  const unitsFile = typeof flags.units === "string" ? path.resolve(io.cwd, flags.units) : undefined;
  const marksFile = typeof flags.marks === "string" ? path.resolve(io.cwd, flags.marks) : undefined;
  // The list and the marks are read before any file is checked: a run without them would be wrong, not partial.
  let units: UnitEntry[] | undefined;
  if (unitsFile) units = await readUnits(unitsFile);
  let marks: ListMarks | undefined;
  if (marksFile) marks = (await readMarksFile(marksFile, now)).marks;

  const { tasks, notes } = collectInputs(positional, io.cwd, [out, html, unitsFile, marksFile].filter((p): p is string => !!p));
  if (tasks.length === 0 && !units) throw new JuesuanError("no-files", `在${positional.map((p) => `“${p}”`).join("、")}中没有找到工作簿（.xlsx/.xlsm/.xls/.ods）`);
  const tty = io.stderrIsTTY === true;
  const workers = jobs ?? defaultWorkers(tasks.length);
  const files = await reviewFiles(tasks, { workers, onProgress: progress(io, tty, started) });
  const report = buildReview(files, { units, marks });
  report.notes.unshift(...notes);

  if (out) await writeReviewXlsx(report, out);
  if (html) writeText(html, reviewHtml(report, path.basename(out ?? html).replace(/\.[^.]+$/, "")));
  if (flags.json) io.stdout(JSON.stringify(report, null, 2) + "\n");
  else {
    for (const u of report.units) {
      const counts = u.status === "checked" ? `错误 ${u.open.error}，提示 ${u.open.warning}，信息 ${u.open.info}${u.verified.error + u.verified.warning + u.verified.info ? `（另有已核实 ${u.verified.error + u.verified.warning + u.verified.info} 条）` : ""}` : u.statusText;
      io.stdout(`${u.unit}${u.file && u.file !== u.unit ? `（${u.file}）` : ""}：${counts}\n`);
    }
    if (out) io.stdout(`汇总已写入“${path.relative(io.cwd, out) || out}”\n`);
    if (html) io.stdout(`网页已写入“${path.relative(io.cwd, html) || html}”\n`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.stderr(`${totalsLine(report)}。用时 ${seconds} 秒。\n`);
  for (const n of report.notes) io.stderr(`${n}\n`);
  return reviewExitCode(report);
};
