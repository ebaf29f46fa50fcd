/**
 * Findings marked 已核实 in the pane: which of a run's findings are open and which are verified (by
 * fingerprint, src/review/fingerprint.ts), what the summary says, and the marks after marking or
 * reopening one (src/review/marks.ts). Pure: the pane stores the marks through PaneServices.saveMarks.
 */
import type { Finding, Severity } from "../../src/findings";
import { summarise } from "../../src/findings";
import { fingerprints } from "../../src/review/fingerprint";
import { markVerified, reopen, type Mark, type Marks } from "../../src/review/marks";

export interface VerifiedItem {
  finding: Finding;
  fingerprint: string;
  mark: Mark;
}

export interface MarkedSplit {
  /** Findings not marked, in input order. */
  open: Finding[];
  /** Findings marked 已核实, in input order. */
  verified: VerifiedItem[];
  /** Fingerprint of each finding of the input (the same order). */
  fingerprintOf: Map<Finding, string>;
}

/**
 * Splits a run's findings by the marks. `fps` are the run's fingerprints (in the findings' order) when the
 * host computed them; else they are computed here.
 */
export function splitByMarks(findings: Finding[], marks: Marks | undefined, fps?: string[]): MarkedSplit {
  const prints = fps && fps.length === findings.length ? fps : fingerprints(findings);
  const fingerprintOf = new Map<Finding, string>();
  const open: Finding[] = [];
  const verified: VerifiedItem[] = [];
  findings.forEach((f, i) => {
    const fp = prints[i];
    fingerprintOf.set(f, fp);
    const mark = marks?.[fp];
    if (mark && mark.status === "verified") verified.push({ finding: f, fingerprint: fp, mark });
    else open.push(f);
  });
  return { open, verified, fingerprintOf };
}

/** "共 12 条" without marks; "共 12 条待处理（已核实 3 条）" with some. */
export function openSummary(open: number, verified: number): string {
  return verified > 0 ? `共 ${open} 条待处理（已核实 ${verified} 条）` : `共 ${open} 条`;
}

/** Counts of the open findings (what is left to do). */
export function openCounts(open: Finding[]): Record<Severity, number> {
  return summarise(open);
}

/** The marks with `fp` verified now (`at` given for tests). */
export function withVerified(marks: Marks | undefined, fp: string, note: string, at: string = new Date().toISOString()): Marks {
  return markVerified(marks ?? {}, fp, at, note);
}

/** The marks with `fp` open again. */
export function withReopened(marks: Marks | undefined, fp: string): Marks {
  return reopen(marks ?? {}, fp);
}
