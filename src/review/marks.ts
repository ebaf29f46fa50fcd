/**
 * Findings judged by a person (“已核实，无需修改”), by fingerprint (src/review/fingerprint.ts).
 * The pane keeps them in the workbook's add-in settings under MARKS_SETTING_KEY, so they travel with the
 * file; `juesuan review` reads them from there and from a 问题清单 fed back with --marks.
 * Pure: parse and serialize with validation; no Office, DOM or Node API.
 */
import type { Finding } from "../findings";
import { fingerprints } from "./fingerprint";

export interface Mark {
  status: "verified";
  /** The reviewer's note (备注), at most MAX_NOTE characters. */
  note?: string;
  /** When the mark was made, ISO 8601. */
  at: string;
}

/** Fingerprint → mark. */
export type Marks = Record<string, Mark>;

/** The add-in setting that holds a workbook's marks (context.workbook.settings). */
export const MARKS_SETTING_KEY = "juesuan.marks";
export const MARKS_VERSION = 1;
export const MAX_NOTE = 500;

/** What fingerprint() and fingerprints() produce: "<rule>:<14 hex>" with an optional "#n". */
const FINGERPRINT = /^[A-Za-z][A-Za-z0-9-]{0,40}:[0-9a-f]{14}(?:#[1-9]\d{0,5})?$/;

export function isFingerprint(s: unknown): s is string {
  return typeof s === "string" && FINGERPRINT.test(s);
}

export interface ParsedMarks {
  marks: Marks;
  /** What was dropped and why, in Chinese (empty when everything was valid). */
  problems: string[];
}

function validDate(s: unknown): s is string {
  return typeof s === "string" && s.length <= 40 && /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s));
}

/**
 * Reads marks as stored: the serialized string, the object it parses to ({ v, marks }), or a bare
 * fingerprint → mark record. Entries that are not valid are dropped, each with its reason.
 */
export function parseMarks(raw: unknown): ParsedMarks {
  const problems: string[] = [];
  let value = raw;
  if (value === undefined || value === null || value === "") return { marks: {}, problems };
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return { marks: {}, problems: ["已核实标记无法读取（不是有效的 JSON），已忽略"] };
    }
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { marks: {}, problems: ["已核实标记的格式不正确，已忽略"] };
  const o = value as Record<string, unknown>;
  let record: unknown = o;
  if ("v" in o || "marks" in o) {
    if (typeof o.v === "number" && o.v > MARKS_VERSION) problems.push(`已核实标记来自更新的版本（${o.v}），只读取了能识别的部分`);
    record = o.marks;
  }
  if (typeof record !== "object" || record === null || Array.isArray(record)) return { marks: {}, problems: [...problems, "已核实标记的格式不正确，已忽略"] };
  const marks: Marks = {};
  let dropped = 0;
  for (const [fp, m] of Object.entries(record as Record<string, unknown>)) {
    const mark = m as Partial<Mark> | null;
    if (!isFingerprint(fp) || typeof mark !== "object" || mark === null || mark.status !== "verified" || !validDate(mark.at)) {
      dropped++;
      continue;
    }
    const out: Mark = { status: "verified", at: mark.at };
    if (typeof mark.note === "string" && mark.note.trim()) out.note = mark.note.trim().slice(0, MAX_NOTE);
    marks[fp] = out;
  }
  if (dropped) problems.push(`${dropped} 条已核实标记无效，已忽略`);
  return { marks, problems };
}

/** The stored form: { v, marks } with fingerprints in sorted order (the same marks give the same text). */
export function serializeMarks(marks: Marks): string {
  const sorted: Marks = {};
  for (const fp of Object.keys(marks).sort()) {
    const m = marks[fp];
    if (!isFingerprint(fp) || m?.status !== "verified") continue;
    sorted[fp] = m.note ? { status: "verified", note: m.note.slice(0, MAX_NOTE), at: m.at } : { status: "verified", at: m.at };
  }
  return JSON.stringify({ v: MARKS_VERSION, marks: sorted });
}

/** A new marks object with `fp` marked verified (the note trimmed; empty means none). */
export function markVerified(marks: Marks, fp: string, at: string, note?: string): Marks {
  if (!isFingerprint(fp)) throw new Error(`not a fingerprint: ${fp}`);
  const m: Mark = { status: "verified", at };
  if (note?.trim()) m.note = note.trim().slice(0, MAX_NOTE);
  return { ...marks, [fp]: m };
}

/** A new marks object without `fp` (the finding is open again). */
export function reopen(marks: Marks, fp: string): Marks {
  const out = { ...marks };
  delete out[fp];
  return out;
}

/** Both sets; for a fingerprint in both, the later mark wins. */
export function mergeMarks(a: Marks, b: Marks): Marks {
  const out: Marks = { ...a };
  for (const [fp, m] of Object.entries(b)) {
    const prev = out[fp];
    if (!prev || Date.parse(m.at) >= Date.parse(prev.at)) out[fp] = m;
  }
  return out;
}

/** A finding of a run with its fingerprint and, when judged, its mark. */
export interface Judged<F> {
  finding: F;
  fingerprint: string;
  mark?: Mark;
}

/**
 * Splits one run's findings into open and verified by the marks (fingerprints from `fingerprints`, so two
 * equal findings of a run are told apart as the CLI does). Marks of findings no longer reported are
 * returned as `stale` (kept in the workbook: the finding may come back; the pane may drop them).
 */
export function judgeFindings<F extends Finding>(findings: readonly F[], marks: Marks): { open: Judged<F>[]; verified: Judged<F>[]; stale: string[] } {
  const fps = fingerprints(findings);
  const open: Judged<F>[] = [];
  const verified: Judged<F>[] = [];
  findings.forEach((finding, i) => {
    const mark = marks[fps[i]];
    if (mark) verified.push({ finding, fingerprint: fps[i], mark });
    else open.push({ finding, fingerprint: fps[i] });
  });
  const seen = new Set(fps);
  return { open, verified, stale: Object.keys(marks).filter((fp) => !seen.has(fp)) };
}
