/**
 * One review of many units' workbooks (`juesuan review`): which units are missing, which files could not
 * be read, and every finding with its place, basis, what to do and fingerprint; findings marked 已核实
 * (in the workbook by the pane, or in a 问题清单 fed back) are counted apart and not listed as open.
 * Pure: the CLI reads the files (in workers) and writes the xlsx; this only puts the results together.
 */
import words from "../data/review.json";
import type { Finding, Severity } from "../findings";
import { SEVERITY_LABEL } from "../findings";
import { fingerprints } from "./fingerprint";
import { guidanceFor, placeOf } from "./guidance";
import { isFingerprint, type Mark, type Marks } from "./marks";

/** What checking one file gives (made in a worker, so plain data). */
export interface FileReview {
  /** The file as shown: its path relative to the folder it was found in (or as given). */
  file: string;
  ok: boolean;
  /** Why the file could not be checked (Chinese), when !ok. */
  problem?: string;
  unitName?: string;
  year?: number;
  template?: string;
  tablesFound: string[];
  tablesMissing: string[];
  findings: Finding[];
  /** Marks the pane stored in the workbook. */
  workbookMarks?: Marks;
  marksProblems?: string[];
}

/** One line of the expected units list (单位名称, 文件). */
export interface UnitEntry {
  name: string;
  file?: string;
}

/** Marks read back from a 问题清单, by the file and by the unit they were listed under. */
export interface ListMarks {
  byFile: Record<string, Marks>;
  byUnit: Record<string, Marks>;
}

export type Counts = Record<Severity, number>;

export interface IssueRow {
  /** 1-based number in its list. */
  n: number;
  unit: string;
  file: string;
  severity: Severity;
  level: string;
  rule: string;
  place: string;
  message: string;
  basis: string;
  action: string;
  fingerprint: string;
  /** Present on a verified finding: the mark and where it came from. */
  verified?: Mark & { from: "workbook" | "list" };
  /** A mark of a unit not checked this time, kept (not a finding of this run, not counted). */
  kept?: boolean;
}

export interface UnitRow {
  n: number;
  /** The name shown: the listed name, else the name read from the workbook, else the file name. */
  unit: string;
  listedName?: string;
  nameRead?: string;
  file?: string;
  status: "checked" | "failed" | "missing";
  statusText: string;
  problem?: string;
  notListed?: boolean;
  year?: number;
  template?: string;
  tablesFound: string[];
  tablesMissing: string[];
  open: Counts;
  verified: Counts;
  /** The three most serious open problems, “【错误】…”. */
  top: string[];
  /** Where this unit's open findings are in `issues` (1-based first number), when it has any. */
  issues?: { first: number; count: number };
}

export interface ReviewReport {
  version: 1;
  totals: { units: number; files: number; failed: number; missing: number; open: Counts; verified: Counts };
  units: UnitRow[];
  issues: IssueRow[];
  verifiedIssues: IssueRow[];
  /** Problems of the run itself that are not a unit's (marks that could not be read…). */
  notes: string[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const zero = (): Counts => ({ error: 0, warning: 0, info: 0 });
const norm = (s: string) => s.normalize("NFC").replace(/\s+/g, "").toLowerCase();
const normPath = (s: string) => norm(s).replace(/\\/g, "/").replace(/^\.\//, "");
const baseName = (s: string) => normPath(s).split("/").pop() ?? "";
const stem = (s: string) => baseName(s).replace(/\.[^.]+$/, "");
/** The file name without folder and extension, as written (for display). */
const shownStem = (s: string) => (s.split(/[\\/]/).pop() ?? s).replace(/\.[^.]+$/, "");

/** Files of the run that belong to a listed unit: by its 文件 (path, path suffix or name), else by the name read or the file name. */
function matchUnit(entry: UnitEntry, files: FileReview[], taken: Set<FileReview>): FileReview[] {
  const free = files.filter((f) => !taken.has(f));
  if (entry.file) {
    const want = normPath(entry.file);
    const exact = free.filter((f) => normPath(f.file) === want || normPath(f.file).endsWith(`/${want}`));
    if (exact.length) return exact;
    const byName = free.filter((f) => baseName(f.file) === baseName(want));
    if (byName.length) return byName;
    const byStem = free.filter((f) => stem(f.file) === stem(want));
    return byStem;
  }
  const name = norm(entry.name);
  const byRead = free.filter((f) => f.unitName && norm(f.unitName) === name);
  if (byRead.length) return byRead;
  return free.filter((f) => stem(f.file) === name);
}

function markFor(f: FileReview, unit: string, fp: string, list: ListMarks | undefined): (Mark & { from: "workbook" | "list" }) | undefined {
  // By the file first; a renamed file keeps its marks through the unit's name (listed or read).
  const fromList = list?.byFile[normPath(f.file)]?.[fp] ?? list?.byUnit[norm(unit)]?.[fp] ?? (f.unitName ? list?.byUnit[norm(f.unitName)]?.[fp] : undefined);
  const inBook = f.workbookMarks?.[fp];
  if (inBook && (!fromList || Date.parse(inBook.at) >= Date.parse(fromList.at))) return { ...inBook, from: "workbook" };
  if (fromList) return { ...fromList, from: "list" };
  return undefined;
}

function topProblems(findings: { f: Finding; verified: boolean }[]): string[] {
  return findings
    .filter((x) => !x.verified)
    .map((x, i) => ({ ...x, i }))
    .sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i)
    .slice(0, 3)
    .map((x) => `【${SEVERITY_LABEL[x.f.severity]}】${x.f.message}`);
}

/** Puts the files' results, the expected units and the marks together. */
export function buildReview(files: FileReview[], options: { units?: UnitEntry[]; marks?: ListMarks } = {}): ReviewReport {
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // Units list order first (a unit may have several files), then the files nobody listed.
  const plan: { entry?: UnitEntry; file?: FileReview }[] = [];
  const taken = new Set<FileReview>();
  for (const entry of options.units ?? []) {
    const mine = matchUnit(entry, sorted, taken);
    if (mine.length === 0) plan.push({ entry });
    for (const f of mine) {
      taken.add(f);
      plan.push({ entry, file: f });
    }
  }
  for (const f of sorted) if (!taken.has(f)) plan.push({ file: f });

  const report: ReviewReport = {
    version: 1,
    totals: { units: 0, files: files.length, failed: 0, missing: 0, open: zero(), verified: zero() },
    units: [],
    issues: [],
    verifiedIssues: [],
    notes: [],
  };
  const listed = (options.units ?? []).length > 0;
  for (const { entry, file } of plan) {
    const row: UnitRow = {
      n: report.units.length + 1,
      unit: entry?.name ?? file?.unitName ?? (file ? shownStem(file.file) : ""),
      status: !file ? "missing" : file.ok ? "checked" : "failed",
      statusText: "",
      tablesFound: file?.tablesFound ?? [],
      tablesMissing: file?.tablesMissing ?? [],
      open: zero(),
      verified: zero(),
      top: [],
    };
    if (!file || !file.ok) row.unit = entry?.name ?? (file ? shownStem(file.file) : "");
    row.statusText = words.status[row.status];
    if (entry) row.listedName = entry.name;
    if (file) {
      row.file = file.file;
      if (file.unitName) row.nameRead = file.unitName;
      if (file.year !== undefined) row.year = file.year;
      if (file.template) row.template = (words.templates as Record<string, string>)[file.template] ?? file.template;
      if (listed && !entry) row.notListed = true;
    }
    if (row.status === "missing") report.totals.missing++;
    if (file && !file.ok) {
      report.totals.failed++;
      row.problem = file.problem;
      const why = file.problem ?? "";
      row.statusText = why.startsWith(words.status.failed) ? why : `${words.status.failed}：${why}`;
      row.top = [file.problem ?? words.status.failed];
    }
    if (file?.ok) {
      const fps = fingerprints(file.findings);
      const judged = file.findings.map((f, i) => ({ f, fp: fps[i], mark: markFor(file, row.unit, fps[i], options.marks) }));
      const first = report.issues.length + 1;
      for (const { f, fp, mark } of judged) {
        const g = guidanceFor(f);
        const issue: IssueRow = {
          n: 0,
          unit: row.unit,
          file: file.file,
          severity: f.severity,
          level: SEVERITY_LABEL[f.severity],
          rule: f.rule,
          place: placeOf(f) || words.wholeWorkbook,
          message: f.message,
          basis: g.basisText,
          action: g.action,
          fingerprint: fp,
        };
        if (mark) {
          issue.verified = mark;
          issue.n = report.verifiedIssues.length + 1;
          report.verifiedIssues.push(issue);
          row.verified[f.severity]++;
        } else {
          issue.n = report.issues.length + 1;
          report.issues.push(issue);
          row.open[f.severity]++;
        }
      }
      const count = report.issues.length + 1 - first;
      if (count > 0) row.issues = { first, count };
      row.top = topProblems(judged.map((x) => ({ f: x.f, verified: Boolean(x.mark) })));
      for (const p of file.marksProblems ?? []) report.notes.push(`${file.file}：${p}`);
    } else {
      // A unit not checked this time (file unreadable or missing) keeps the marks it had: fed back, they apply again.
      const kept: Marks = {
        ...(options.marks?.byUnit[norm(row.unit)] ?? {}),
        ...((file ?? entry?.file) ? (options.marks?.byFile[normPath(file?.file ?? entry?.file ?? "")] ?? {}) : {}),
      };
      for (const [fp, mark] of Object.entries(kept).sort(([a], [b]) => (a < b ? -1 : 1))) {
        report.verifiedIssues.push({
          n: report.verifiedIssues.length + 1,
          unit: row.unit,
          file: file?.file ?? entry?.file ?? "",
          severity: "info",
          level: "",
          rule: fp.split(":")[0],
          place: "",
          message: words.keptMark,
          basis: "",
          action: "",
          fingerprint: fp,
          verified: { ...mark, from: "list" },
          kept: true,
        });
      }
    }
    for (const s of ["error", "warning", "info"] as Severity[]) {
      report.totals.open[s] += row.open[s];
      report.totals.verified[s] += row.verified[s];
    }
    report.units.push(row);
  }
  report.totals.units = new Set(report.units.map((u) => u.listedName ?? u.file ?? u.unit)).size;
  return report;
}

/** The run's exit code: 0 no open error, 1 open errors (or a file that could not be read, or a missing unit). */
export function reviewExitCode(r: ReviewReport): 0 | 1 {
  return r.totals.open.error > 0 || r.totals.failed > 0 || r.totals.missing > 0 ? 1 : 0;
}

/** The one-line result, in Chinese. */
export function totalsLine(r: ReviewReport): string {
  const t = r.totals;
  const verified = t.verified.error + t.verified.warning + t.verified.info;
  return words.totalsTitle
    .replace("{units}", String(t.units))
    .replace("{files}", String(t.files))
    .replace("{failed}", String(t.failed))
    .replace("{missing}", String(t.missing))
    .replace("{error}", String(t.open.error))
    .replace("{warning}", String(t.open.warning))
    .replace("{info}", String(t.open.info))
    .replace("{verified}", String(verified));
}

/** Marks from the rows of a 问题清单 / 已核实 sheet a reviewer edited: rows whose 核实 says 已核实. */
export function listMarksFromRows(rows: { file?: string; unit?: string; fingerprint?: string; check?: string; note?: string; at?: string }[], now: string): ListMarks {
  const out: ListMarks = { byFile: {}, byUnit: {} };
  const yes = new Set(words.verifiedWords.map((w) => norm(w)));
  for (const r of rows) {
    const check = norm(r.check ?? "");
    if (!isFingerprint(r.fingerprint?.trim()) || !(yes.has(check) || check.startsWith(norm(words.verifiedWord)))) continue;
    const at = r.at && !Number.isNaN(Date.parse(r.at)) ? new Date(Date.parse(r.at)).toISOString() : now;
    const mark: Mark = { status: "verified", at };
    if (r.note?.trim()) mark.note = r.note.trim().slice(0, 500);
    const fp = (r.fingerprint as string).trim();
    if (r.file) (out.byFile[normPath(r.file)] ??= {})[fp] = mark;
    if (r.unit) (out.byUnit[norm(r.unit)] ??= {})[fp] = mark;
  }
  return out;
}
