/** `juesuan perf <file.xlsx> [--json]`: check and score the project performance forms of a workbook. */
import * as path from "path";
import { readWorkbook } from "../adapters/workbook";
import { parseArgs, type Command } from "../io";
import { SEVERITY_LABEL, summarise, type Finding } from "../../src/findings";
import { perfReport, readPerfContext, type PerfReport } from "../../src/perf";

/** The JSON shape of `perf --json`. */
export function perfJson(file: string, report: PerfReport) {
  return {
    file: path.basename(file),
    projects: report.projects.map((p) => ({
      name: p.name,
      sheet: p.sheet,
      cell: p.cell,
      budget: p.budget,
      actual: p.actual,
      rate: p.rate,
      score: p.score,
      grade: p.grade,
      findings: p.findings,
    })),
    findings: report.findings,
  };
}

/** Display width: CJK and full-width characters count 2. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}
const pad = (s: string, n: number, right = false) => {
  const fill = " ".repeat(Math.max(0, n - width(s)));
  return right ? fill + s : s + fill;
};

function where(f: Finding): string {
  if (f.cell) return `${f.sheet ? `${f.sheet}!` : ""}${f.cell}`;
  if (f.row !== undefined) return `${f.sheet ? `${f.sheet}` : "情况说明"}第${f.row}段`;
  return f.sheet ?? "";
}

/** Full-width space between the columns of a finding line. */
const SEP = "\u3000";

export function perfText(file: string, report: PerfReport): string {
  const out: string[] = [];
  out.push(`项目绩效目标完成情况表：${path.basename(file)}（${report.projects.length}个项目）`);
  out.push("");
  const head = ["序号", "项目名称", "预算数(万元)", "执行数(万元)", "执行率", "得分", "等级", "错误", "提示", "信息"];
  const rows = report.projects.map((p, i) => {
    const s = summarise(p.findings);
    return [String(i + 1), p.name, p.budget ?? "—", p.actual ?? "—", p.rate === null ? "—" : `${p.rate}%`, p.score, p.grade, String(s.error), String(s.warning), String(s.info)];
  });
  const widths = head.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c]))));
  const numeric = new Set([2, 3, 4, 5, 7, 8, 9]);
  const line = (r: string[]) => r.map((v, c) => pad(v, widths[c], numeric.has(c))).join("  ").trimEnd();
  out.push(line(head));
  for (const r of rows) out.push(line(r));
  for (const p of report.projects) {
    if (!p.findings.length) continue;
    out.push("");
    out.push(`【${p.name}】工作表“${p.sheet}”`);
    for (const f of p.findings) out.push(`  ${SEVERITY_LABEL[f.severity]}${SEP}${f.rule}${SEP}${where(f)}${SEP}${f.message}`);
  }
  if (report.findings.length) {
    out.push("");
    out.push("【全部绩效表】");
    for (const f of report.findings) out.push(`  ${SEVERITY_LABEL[f.severity]}${SEP}${f.rule}${SEP}${where(f)}${SEP}${f.message}`);
  }
  const total = summarise([...report.projects.flatMap((p) => p.findings), ...report.findings]);
  out.push("");
  out.push(`合计：错误${total.error}条，提示${total.warning}条，信息${total.info}条。得分按财预〔2020〕10号计算：预算执行率10分、产出50分、效益30分、满意度10分。`);
  return out.join("\n") + "\n";
}

export const perf: Command = async (args, io) => {
  const { positional, flags } = parseArgs(args);
  if (positional.length !== 1) {
    io.stderr("用法：juesuan perf <文件.xlsx> [--json]\n");
    return 2;
  }
  const file = path.resolve(io.cwd, positional[0]);
  const snapshot = await readWorkbook(file);
  const report = perfReport(snapshot, readPerfContext(snapshot));
  if (report.projects.length === 0) {
    io.stderr(`错误：“${positional[0]}”中没有找到项目绩效目标完成情况表或项目支出绩效自评表（表头应含“项目绩效目标完成情况表”或“项目支出绩效自评表”）。\n`);
    return 2;
  }
  io.stdout(flags.json ? JSON.stringify(perfJson(positional[0], report), null, 2) + "\n" : perfText(positional[0], report));
  const all = [...report.projects.flatMap((p) => p.findings), ...report.findings];
  return all.some((f) => f.severity === "error") ? 1 : 0;
};
