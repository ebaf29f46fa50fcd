/**
 * The review's workbook (ExcelJS): 汇总 (one row per unit), 问题清单 (every open finding, a 核实 column
 * for the reviewer) and 已核实 (the findings marked so far, kept so that the marks carry over when this
 * file is fed back with --marks); and reading such a file back.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as fs from "fs";
import * as path from "path";
import words from "../../src/data/review.json";
import { JuesuanError } from "../../src/money/errors";
import type { IssueRow, ListMarks, ReviewReport, UnitRow } from "../../src/review/report";
import { listMarksFromRows, totalsLine } from "../../src/review/report";
import type { CellValue } from "../../src/workbook/snapshot";
import { readWorkbook } from "../adapters/workbook";

const S = words.sheets;
const HEAD_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const LEVEL_FILL: Record<string, string> = { 错误: "FFFCE4E4", 提示: "FFFFF4CE", 信息: "FFF3F3F3" };

function header(ws: ExcelJS.Worksheet, columns: string[], widths: number[]): void {
  ws.columns = columns.map((h, i) => ({ header: h, width: widths[i] ?? 12 }));
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = HEAD_FILL;
    c.alignment = { vertical: "middle", wrapText: true };
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
}

/** Text cells are written as strings; ExcelJS never re-types them (no formulas from “=…”). */
const text = (s: string | undefined) => s ?? "";

function summaryRow(u: UnitRow, issuesRowOf: (n: number) => number): (ExcelJS.CellValue | null)[] {
  const link: ExcelJS.CellValue = u.issues
    ? { text: words.linkText.replace("{count}", String(u.issues.count)), hyperlink: `'${S.issues}'!A${issuesRowOf(u.issues.first)}` }
    : u.status === "checked"
      ? words.noIssues
      : "";
  const status = u.notListed ? `${u.statusText}（${words.notListed}）` : u.statusText;
  return [
    u.n,
    text(u.listedName),
    text(u.nameRead),
    text(u.file),
    status,
    u.year ?? "",
    text(u.template),
    u.status === "checked" ? u.tablesFound.length : "",
    u.tablesMissing.join("、"),
    u.status === "checked" ? u.open.error : "",
    u.status === "checked" ? u.open.warning : "",
    u.status === "checked" ? u.open.info : "",
    u.status === "checked" ? u.verified.error : "",
    u.status === "checked" ? u.verified.warning : "",
    u.status === "checked" ? u.verified.info : "",
    u.top.join("\n"),
    link,
  ];
}

function issueRow(i: IssueRow): (string | number)[] {
  return [i.n, i.unit, i.file, i.level, i.rule, i.place, i.message, i.basis, i.action, i.fingerprint, i.verified ? words.verifiedWord : "", i.verified?.note ?? "", i.verified?.at ?? ""];
}

function issueSheet(wb: ExcelJS.Workbook, name: string, rows: IssueRow[]): void {
  const ws = wb.addWorksheet(name);
  header(ws, words.issueColumns, [6, 22, 26, 6, 10, 18, 60, 36, 50, 26, 10, 24, 22]);
  for (const i of rows) {
    const r = ws.addRow(issueRow(i));
    r.alignment = { vertical: "top", wrapText: true };
    r.getCell(4).fill = { type: "pattern", pattern: "solid", fgColor: { argb: LEVEL_FILL[i.level] ?? "FFFFFFFF" } };
    // The 核实 cell offers 已核实 (a list; other words are accepted too when read back).
    r.getCell(11).dataValidation = { type: "list", allowBlank: true, formulae: [`"${words.verifiedWord}"`] };
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: words.issueColumns.length } };
}

/**
 * ExcelJS writes every hyperlink with an external relationship, also one to a place in the workbook, and
 * Excel then opens “'问题清单'!A5#'问题清单'!A5” (exceljs/exceljs #3027). An in-workbook link is a
 * <hyperlink location> without r:id (ECMA-376 Part 1, 18.3.1.47): the r:id and its relationship are removed.
 */
async function internalLinks(buffer: ArrayBuffer | Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const xml = await zip.files[name].async("string");
    const ids: string[] = [];
    const fixed = xml.replace(/<hyperlink\b([^>]*?)\/>/g, (m, attrs: string) => {
      if (!/\blocation="/.test(attrs)) return m;
      const id = /\sr:id="([^"]+)"/.exec(attrs);
      if (!id) return m;
      ids.push(id[1]);
      return `<hyperlink${attrs.replace(id[0], "")}/>`;
    });
    if (ids.length === 0) continue;
    zip.file(name, fixed);
    const relsName = name.replace(/^xl\/worksheets\//, "xl/worksheets/_rels/") + ".rels";
    const rels = zip.files[relsName];
    if (rels) {
      const relXml = await rels.async("string");
      const gone = new Set(ids);
      zip.file(relsName, relXml.replace(/<Relationship\b[^>]*?\bId="([^"]+)"[^>]*?\/>/g, (m, id: string) => (gone.has(id) ? "" : m)));
    }
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

export async function writeReviewXlsx(report: ReviewReport, out: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "决算助手 juesuan review";
  const ws = wb.addWorksheet(S.summary);
  header(ws, words.summaryColumns, [6, 22, 26, 28, 14, 8, 14, 10, 24, 8, 8, 8, 10, 10, 10, 70, 12]);
  const issuesRowOf = (n: number) => n + 1;
  for (const u of report.units) {
    const r = ws.addRow(summaryRow(u, issuesRowOf));
    r.alignment = { vertical: "top", wrapText: true };
    if (u.status !== "checked") r.getCell(5).font = { bold: true, color: { argb: "FFC00000" } };
    else if (u.open.error > 0) r.getCell(10).font = { bold: true, color: { argb: "FFC00000" } };
    const link = r.getCell(17);
    if (u.issues) link.font = { color: { argb: "FF0563C1" }, underline: true };
  }
  ws.addRow([]);
  ws.addRow([totalsLine(report)]);
  ws.addRow([words.hint]);
  for (const n of report.notes) ws.addRow([n]);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: words.summaryColumns.length } };
  issueSheet(wb, S.issues, report.issues);
  issueSheet(wb, S.verified, report.verifiedIssues);
  const buffer = await internalLinks(await wb.xlsx.writeBuffer());
  try {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, buffer);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "EBUSY" || code === "EPERM" || code === "EACCES" ? "文件被占用或没有写入权限（如已在 Excel 中打开，请先关闭）" : String(code ?? e);
    throw new JuesuanError("write-failed", `无法写入“${out}”：${why}`, e);
  }
}

const cellText = (v: CellValue | undefined): string => {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return "date" in v ? v.date : "";
  return String(v);
};

/** Marks from a 问题清单 a reviewer filled in (its 问题清单 and 已核实 sheets, or any sheet with 指纹 and 核实 columns). */
export async function readMarksFile(file: string, now: string): Promise<{ marks: ListMarks; rows: number }> {
  const snapshot = await readWorkbook(file);
  const rows: Parameters<typeof listMarksFromRows>[0] = [];
  let sheets = 0;
  for (const sheet of snapshot.sheets) {
    const values = sheet.values;
    const headAt = values.findIndex((r) => r.some((c) => cellText(c).trim() === "指纹"));
    if (headAt < 0) continue;
    const head = values[headAt].map((c) => cellText(c).trim());
    const col = (name: string) => head.indexOf(name);
    const [fp, check, note, at, unit, fileCol] = [col("指纹"), col("核实"), col("备注"), col("核实时间"), col("单位"), col("文件")];
    if (check < 0) continue;
    sheets++;
    for (const r of values.slice(headAt + 1)) {
      rows.push({
        fingerprint: cellText(r[fp]).trim(),
        check: cellText(r[check]),
        note: note >= 0 ? cellText(r[note]) : undefined,
        at: at >= 0 ? cellText(r[at]) : undefined,
        unit: unit >= 0 ? cellText(r[unit]) : undefined,
        file: fileCol >= 0 ? cellText(r[fileCol]) : undefined,
      });
    }
  }
  if (sheets === 0) throw new JuesuanError("marks-no-list", `“${path.basename(file)}”中没有问题清单（需要“指纹”和“核实”两列），无法读取已核实标记`);
  const marks = listMarksFromRows(rows, now);
  const count = Object.values(marks.byFile).reduce((s, m) => s + Object.keys(m).length, 0);
  return { marks, rows: count };
}
