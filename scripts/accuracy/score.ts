/**
 * Scores the checker against labelled reports: which expected problems it finds at their place, and which
 * findings of weight (提示/错误) it raises on statements that are correct (false alarms).
 *
 * Two label formats:
 * - ../shared/real/workbooks/expected.json: per workbook `problems` (sheet + cell, or narrative row), `must_not_flag`,
 *   `ambiguous`, `group`;
 * - ../shared/real/texts/case_NN.json: `narrative_claims` with a verdict and `defects`, over case_NN.txt.
 * The planted corpus (scripts/planted) writes its own labels in the workbook format.
 */
import type { Finding } from "../../src/findings";

export type Weight = "error" | "warning" | "info";
const RANK: Record<Weight, number> = { info: 0, warning: 1, error: 2 };
export const weighty = (f: Finding) => f.severity === "error" || f.severity === "warning";

export interface Place {
  sheet?: string | null;
  cell?: string | null;
  row?: number | null;
}

export interface ExpectedProblem extends Place {
  id: string;
  kind: string;
  severity: Weight;
  group?: string;
  quote?: string;
  rule?: string;
  parts?: Place[];
  refs?: Place[];
  expected_table?: string;
  description?: string;
}

export interface LabelledWorkbook {
  problems: ExpectedProblem[];
  must_not_flag?: (Place & { id: string; quote?: string; rule?: string })[];
  ambiguous?: (Place & { id: string; quote?: string })[];
}

export interface FamilyScore {
  expected: number;
  found: number;
  falseAlarms: number;
}

export interface FileScore {
  file: string;
  /** Problem groups of warning/error weight: expected and found. */
  expected: number;
  found: number;
  missed: string[];
  /** Findings of weight that no expected problem explains. */
  falseAlarms: Finding[];
  /** must_not_flag statements / consistent claims hit at warning/error weight. */
  mustNotFlagHits: string[];
  /** Info-level problems seen at any weight (not required). */
  infoExpected: number;
  infoFound: number;
  families: Record<string, FamilyScore>;
}

const norm = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, "");

function samePlace(f: Finding, p: Place, narrativeSheets: Set<string>): boolean {
  if (p.row != null) {
    if (f.row == null) return false;
    const fs = norm(f.sheet);
    const ps = norm(p.sheet);
    const sheetOk = fs === ps || (narrativeSheets.has(fs) && narrativeSheets.has(ps));
    return sheetOk && f.row === p.row;
  }
  if (p.cell != null && p.sheet != null) return norm(f.sheet) === norm(p.sheet) && (f.cell ?? "") === p.cell;
  return false;
}

/** The rule family a finding or problem belongs to, for the per-family table. */
export function family(rule: string | undefined, kind?: string): string {
  if (kind) return kind;
  if (!rule) return "other";
  if (/^T\d/.test(rule)) return "table-identity";
  if (/^X-/.test(rule)) return "table-identity";
  if (/^S-/.test(rule)) return "supplement";
  if (/^R-/.test(rule)) return "recognition";
  if (/^P-/.test(rule)) return "performance";
  return "narrative";
}

function problemMatches(f: Finding, p: ExpectedProblem, narrativeSheets: Set<string>): boolean {
  if (p.expected_table) return /未找到|缺少/.test(f.message) && f.message.includes(p.expected_table);
  if (samePlace(f, p, narrativeSheets)) return true;
  for (const q of [...(p.parts ?? []), ...(p.refs ?? [])]) if (q.cell && samePlace(f, q, narrativeSheets)) return true;
  return false;
}

/** Scores one labelled workbook's findings. `narrativeSheets`: names that denote the narrative (sheet names differ between label and reader). */
export function scoreWorkbook(file: string, labels: LabelledWorkbook, findings: Finding[], narrativeSheets: string[]): FileScore {
  const ns = new Set(narrativeSheets.map(norm));
  const families: Record<string, FamilyScore> = {};
  const fam = (k: string) => (families[k] ??= { expected: 0, found: 0, falseAlarms: 0 });
  const groups = new Map<string, ExpectedProblem[]>();
  let infoExpected = 0;
  let infoFound = 0;
  for (const p of labels.problems) {
    if (p.severity === "info") {
      infoExpected++;
      if (findings.some((f) => problemMatches(f, p, ns))) infoFound++;
      continue;
    }
    const g = p.group ?? p.id;
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(p);
  }
  const missed: string[] = [];
  let found = 0;
  for (const [g, ps] of groups) {
    const f0 = fam(ps[0].kind);
    f0.expected++;
    const hit = ps.some((p) => findings.some((f) => weighty(f) && problemMatches(f, p, ns)));
    if (hit) {
      found++;
      f0.found++;
    } else missed.push(`${g}: ${ps[0].description ?? ps[0].quote ?? ""}`.slice(0, 160));
  }
  const falseAlarms: Finding[] = [];
  for (const f of findings) {
    if (!weighty(f)) continue;
    const explained =
      // An info-level problem reported at warning/error weight is an inflated severity: not explained.
      labels.problems.some((p) => p.severity !== "info" && problemMatches(f, p, ns)) ||
      (labels.ambiguous ?? []).some((a) => samePlace(f, a, ns));
    if (!explained) {
      falseAlarms.push(f);
      fam(family(f.rule)).falseAlarms++;
    }
  }
  const mustNotFlagHits: string[] = [];
  for (const m of labels.must_not_flag ?? []) {
    const hits = falseAlarms.filter((f) => {
      if (!samePlace(f, m, ns)) return false;
      if (m.quote && f.text) return norm(m.quote).includes(norm(f.text)) || norm(f.text).includes(norm(m.quote));
      return true;
    });
    if (hits.length) mustNotFlagHits.push(`${m.id}: ${m.quote ?? m.cell ?? ""}`);
  }
  return { file, expected: groups.size, found, missed, falseAlarms, mustNotFlagHits, infoExpected, infoFound, families };
}

// ---- text cases -----------------------------------------------------------------------------------------

export interface TextClaim {
  id: string;
  quote: string;
  kind?: string;
  verdict: string;
  stated?: unknown;
}
export interface TextDefect {
  type: string;
  severity: string;
  text?: string;
}
export interface TextCase {
  case_id: string;
  narrative_claims: TextClaim[];
  defects?: TextDefect[];
}

/** Numbers of a quote ("581.45", "31") as canonical strings. */
function numbersOf(s: string): string[] {
  return (s.replace(/(\d),(?=\d{3})/g, "$1").match(/\d+(?:\.\d+)?/g) ?? []).map((n) => String(Number(n)));
}

/** Paragraph spans [first line, last line] of the text, as the checker's paragraph reader forms them. */
export type Span = { row: number; last: number; text: string };

function spanOf(q: string, spans: Span[]): Span[] {
  // The quote's first literal piece (before "…", "=" or "vs") locates it; else its numbers.
  const pieces = q
    .replace(/\([A-Za-z][^)]*\)/g, "")
    .split(/…|\.\.\.| = | vs | \/ |\+/)
    .map((p) => norm(p).replace(/[()（）]/g, ""))
    .filter((p) => p.length >= 4);
  const clean = (t: string) => norm(t).replace(/[()（）]/g, "");
  for (const piece of pieces) {
    const hit = spans.filter((s) => clean(s.text).includes(piece));
    if (hit.length) return hit;
  }
  const nums = numbersOf(q).filter((n) => n.length >= 2);
  const byNumber = nums.length ? spans.filter((s) => nums.some((n) => numbersOf(s.text).includes(n))) : [];
  if (byNumber.length) return byNumber;
  // Last resort: the quote's longest Chinese word ("执行率 0 (年度资金总额 row)" → 年度资金总额).
  const words = (q.match(/[\u4e00-\u9fa5]{3,}/gu) ?? []).sort((a, b) => b.length - a.length);
  for (const w of words) {
    const hit = spans.filter((s) => s.text.includes(w));
    if (hit.length) return hit;
  }
  return [];
}

/** Scores a text case: `inconsistent` claims and error defects must be found; weighty findings elsewhere are false alarms. */
export function scoreText(file: string, c: TextCase, findings: Finding[], spans: Span[]): FileScore {
  const families: Record<string, FamilyScore> = {};
  const fam = (k: string) => (families[k] ??= { expected: 0, found: 0, falseAlarms: 0 });
  const inSpan = (f: Finding, ss: Span[]) => f.row != null && ss.some((s) => f.row! >= s.row && f.row! <= s.last);
  const required: { id: string; spans: Span[]; nums: string[]; kind: string }[] = [];
  const tolerated: { spans: Span[]; nums: string[]; max: number }[] = [];
  const protectedClaims: { id: string; spans: Span[]; nums: string[]; max: number; quote: string }[] = [];
  for (const cl of c.narrative_claims) {
    const ss = spanOf(cl.quote, spans);
    const nums = numbersOf(cl.quote + " " + (typeof cl.stated === "string" ? cl.stated : ""));
    if (cl.verdict === "inconsistent") required.push({ id: cl.id, spans: ss, nums, kind: cl.kind ?? "claim" });
    else if (cl.verdict === "consistent") protectedClaims.push({ id: cl.id, spans: ss, nums, max: -1, quote: cl.quote });
    else if (cl.verdict === "consistent_within_input_rounding") protectedClaims.push({ id: cl.id, spans: ss, nums, max: 1, quote: cl.quote });
    else if (cl.verdict === "inconsistent_tail_difference") protectedClaims.push({ id: cl.id, spans: ss, nums, max: 0, quote: cl.quote });
    else tolerated.push({ spans: ss, nums, max: 2 });
  }
  for (const d of c.defects ?? []) {
    const ss = d.text ? spanOf(d.text, spans) : [];
    const nums = numbersOf(d.text ?? "");
    if (d.severity === "error") required.push({ id: `defect:${d.type}`, spans: ss, nums, kind: d.type });
    else tolerated.push({ spans: ss, nums, max: d.severity === "warn" ? 2 : 1 });
  }
  const missed: string[] = [];
  let found = 0;
  for (const r of required) {
    const f0 = fam(r.kind);
    f0.expected++;
    if (findings.some((f) => weighty(f) && inSpan(f, r.spans))) {
      found++;
      f0.found++;
    } else missed.push(`${r.id} (${r.kind})`);
  }
  const fNums = (f: Finding) => numbersOf(`${f.text ?? ""} ${f.stated ?? ""}`);
  const falseAlarms: Finding[] = [];
  const mustNotFlagHits = new Set<string>();
  for (const f of findings) {
    if (!weighty(f)) continue;
    const nums = fNums(f);
    const touches = (x: { spans: Span[]; nums: string[] }) => inSpan(f, x.spans) && (nums.length === 0 || x.nums.some((n) => nums.includes(n)));
    if (required.some(touches) || tolerated.some((t) => touches(t) && RANK[f.severity as Weight] <= t.max)) continue;
    const hit = protectedClaims.filter((p) => touches(p) && RANK[f.severity as Weight] > p.max);
    if (hit.length) for (const h of hit) mustNotFlagHits.add(`${h.id}: ${h.quote.slice(0, 60)}`);
    if (hit.length || !required.some((r) => inSpan(f, r.spans))) {
      falseAlarms.push(f);
      fam(family(f.rule)).falseAlarms++;
    }
  }
  return { file, expected: required.length, found, missed, falseAlarms, mustNotFlagHits: [...mustNotFlagHits], infoExpected: 0, infoFound: 0, families };
}
