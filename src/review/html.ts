/**
 * The review as one static HTML page (`juesuan review --html`): the same 汇总, 问题清单 and 已核实 as the
 * workbook. Everything from the workbooks is escaped; the page has no script and a CSP that allows none.
 * Pure: returns the page's text.
 */
import words from "../data/review.json";
import type { IssueRow, ReviewReport, UnitRow } from "./report";
import { totalsLine } from "./report";

const esc = (s: unknown): string =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);

const CSS = `body{font:14px/1.5 "Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;margin:16px;color:#222}
table{border-collapse:collapse;width:100%;margin:8px 0 24px}th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#ddebf7;position:sticky;top:0}td.n{text-align:right}tr.error td.level{background:#fce4e4}tr.warning td.level{background:#fff4ce}
tr.info td.level{background:#f3f3f3}.bad{color:#c00000;font-weight:bold}.top{white-space:pre-line}.fp{font-family:monospace;font-size:12px}`;

function unitCells(u: UnitRow): string[] {
  const checked = u.status === "checked";
  const status = u.notListed ? `${u.statusText}（${words.notListed}）` : u.statusText;
  const link = u.issues ? `<a href="#i${u.issues.first}">${esc(words.linkText.replace("{count}", String(u.issues.count)))}</a>` : checked ? esc(words.noIssues) : "";
  const count = (n: number) => (checked ? String(n) : "");
  return [
    String(u.n),
    esc(u.listedName),
    esc(u.nameRead),
    esc(u.file),
    `<span class="${checked ? "" : "bad"}">${esc(status)}</span>`,
    esc(u.year),
    esc(u.template),
    checked ? String(u.tablesFound.length) : "",
    esc(u.tablesMissing.join("、")),
    `<span class="${u.open.error ? "bad" : ""}">${count(u.open.error)}</span>`,
    count(u.open.warning),
    count(u.open.info),
    count(u.verified.error),
    count(u.verified.warning),
    count(u.verified.info),
    `<span class="top">${esc(u.top.join("\n"))}</span>`,
    link,
  ];
}

function issueCells(i: IssueRow): string[] {
  return [
    String(i.n),
    esc(i.unit),
    esc(i.file),
    esc(i.level),
    esc(i.rule),
    esc(i.place),
    esc(i.message),
    esc(i.basis),
    esc(i.action),
    `<span class="fp">${esc(i.fingerprint)}</span>`,
    i.verified ? esc(words.verifiedWord) : "",
    esc(i.verified?.note),
    esc(i.verified?.at),
  ];
}

function table(columns: string[], rows: { cells: string[]; id?: string; cls?: string }[]): string {
  const head = `<tr>${columns.map((c) => `<th>${esc(c)}</th>`).join("")}</tr>`;
  const body = rows
    .map((r) => `<tr${r.id ? ` id="${r.id}"` : ""}${r.cls ? ` class="${r.cls}"` : ""}>${r.cells.map((c, k) => `<td${k === 3 && r.cls ? ' class="level"' : ""}>${c}</td>`).join("")}</tr>`)
    .join("\n");
  return `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

export function reviewHtml(report: ReviewReport, title = words.sheets.summary): string {
  const S = words.sheets;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p>${esc(totalsLine(report))}</p>
${report.notes.map((n) => `<p class="bad">${esc(n)}</p>`).join("\n")}
<h2>${esc(S.summary)}</h2>
${table(words.summaryColumns, report.units.map((u) => ({ cells: unitCells(u) })))}
<h2>${esc(S.issues)}</h2>
${table(words.issueColumns, report.issues.map((i) => ({ cells: issueCells(i), id: `i${i.n}`, cls: i.severity })))}
<h2>${esc(S.verified)}</h2>
${table(words.issueColumns, report.verifiedIssues.map((i) => ({ cells: issueCells(i), cls: i.severity })))}
</body>
</html>
`;
}
