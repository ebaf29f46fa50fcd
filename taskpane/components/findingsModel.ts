/**
 * Pure logic of the 检查 tab: filtering by severity, ordering (errors first, or by place; shared with
 * the text report in src/checks/report.ts), recognition notes kept apart from the findings, counts,
 * where a finding navigates to, and its detail line.
 */
import { SEVERITY_LABEL, summarise, type Finding, type Severity } from "../../src/findings";
import type { RecognitionReport } from "../../src/model/types";
import {
  SEVERITY_ORDER,
  detailText,
  groupFindings,
  locationText,
  orderedGroups,
  pastedLabel,
  pastedParagraph,
  splitNotes,
  type FindingGroup,
  type FindingOrder,
  type NarrativeSection,
  type PastedText,
} from "../../src/checks/report";
import type { NavigateTarget } from "../services";
import type { Marks } from "../../src/review/marks";
import { isRecognitionNote } from "../../src/checks/report";
import { splitByMarks, type VerifiedItem } from "./marksModel";

export { SEVERITY_ORDER, SEVERITY_LABEL, detailText, groupFindings, locationText, summarise };
export type { FindingGroup, FindingOrder };

export type SeverityFilter = Record<Severity, boolean>;
export const ALL_SEVERITIES: SeverityFilter = { error: true, warning: true, info: true };

export function filterFindings(findings: Finding[], filter: SeverityFilter): Finding[] {
  return findings.filter((f) => filter[f.severity]);
}

/**
 * Where activating a finding goes: its cell, or column A of its row (narrative); null without a sheet
 * or on pasted text (its "sheet" is the name of the pasted text, not a worksheet).
 */
export function navTarget(f: Finding, pasted?: PastedText): NavigateTarget | null {
  if (!f.sheet) return null;
  if (pasted && f.sheet === pasted.sheet) return null;
  if (f.cell) return { sheet: f.sheet, cell: f.cell, row: f.row };
  if (f.row !== undefined) return { sheet: f.sheet, cell: `A${f.row}`, row: f.row };
  return { sheet: f.sheet };
}

export interface ViewContext {
  recognition?: RecognitionReport;
  sections?: NarrativeSection[];
  pasted?: PastedText;
  /** Errors first (default) or by place. */
  order?: FindingOrder;
  /** The workbook's 已核实 marks and the findings' fingerprints (same order as the findings). */
  marks?: Marks;
  fingerprints?: string[];
}

export interface FindingsView {
  /** Counts of the open findings of the report (the filter does not change them; notes and 已核实 ones are not counted). */
  counts: Record<Severity, number>;
  /** Groups of the findings that pass the filter; empty groups are dropped. */
  groups: FindingGroup[];
  /** How many findings pass the filter. */
  shown: number;
  /** Open findings of the report (recognition notes and 已核实 ones excluded). */
  total: number;
  /** What the reader could not use (R-3 …): shown in the 识别 tab, said here in one line. */
  notes: Finding[];
  /** Findings marked 已核实 (folded into their own group), in input order. */
  verified: VerifiedItem[];
  /** Fingerprint of every finding given. */
  fingerprintOf: Map<Finding, string>;
}

export function findingsView(findings: Finding[], filter: SeverityFilter, ctx: ViewContext = {}): FindingsView {
  const marked = splitByMarks(findings, ctx.marks, ctx.fingerprints);
  const { findings: own, notes } = splitNotes(marked.open);
  const shownFindings = filterFindings(own, filter);
  return {
    counts: summarise(own),
    groups: orderedGroups(shownFindings, ctx, ctx.order ?? "severity"),
    shown: shownFindings.length,
    total: own.length,
    notes,
    verified: marked.verified.filter((v) => !isRecognitionNote(v.finding)),
    fingerprintOf: marked.fingerprintOf,
  };
}

/** "错误 3" style label of a count, with the word (never colour alone). */
export function countLabel(severity: Severity, n: number): string {
  return `${SEVERITY_LABEL[severity]} ${n}`;
}

/** Accessible name of a finding: severity word, location, message. */
export function findingAccessibleName(f: Finding, recognition?: RecognitionReport, pasted?: PastedText): string {
  const detail = detailText(f);
  return `${SEVERITY_LABEL[f.severity]}，${locationText(f, recognition, pasted)}：${f.message}${detail ? `（${detail}）` : ""}`;
}

/** Tooltip of a finding: what activating it does, and the rule id (ids are for the tooltip and --json, not the text). */
export function findingTooltip(f: Finding, pasted?: PastedText): string {
  const rule = `规则 ${f.rule}`;
  if (navTarget(f, pasted)) return `转到此单元格 · ${rule}`;
  const para = pastedParagraph(f, pasted);
  if (para !== undefined) return `此问题在${pastedLabel(pasted)}第${para}段，无法在工作表中定位 · ${rule}`;
  return `此问题没有对应的单元格 · ${rule}`;
}

/** Index of the next focus target for arrow-key navigation in a flat list of n items. */
export function moveIndex(current: number, key: string, n: number): number {
  if (n <= 0) return -1;
  switch (key) {
    case "ArrowDown": return Math.min(n - 1, current + 1);
    case "ArrowUp": return Math.max(0, current - 1);
    case "Home": return 0;
    case "End": return n - 1;
    default: return current;
  }
}
