/**
 * Pure logic of the 检查 tab: filtering by severity, grouping (shared with the text report in
 * src/checks/report.ts), counts, where a finding navigates to, and its detail line.
 */
import { SEVERITY_LABEL, summarise, type Finding, type Severity } from "../../src/findings";
import type { RecognitionReport } from "../../src/model/types";
import {
  SEVERITY_ORDER,
  detailText,
  groupFindings,
  locationText,
  type FindingGroup,
  type NarrativeSection,
} from "../../src/checks/report";
import type { NavigateTarget } from "../services";

export { SEVERITY_ORDER, SEVERITY_LABEL, detailText, groupFindings, locationText, summarise };
export type { FindingGroup };

export type SeverityFilter = Record<Severity, boolean>;
export const ALL_SEVERITIES: SeverityFilter = { error: true, warning: true, info: true };

export function filterFindings(findings: Finding[], filter: SeverityFilter): Finding[] {
  return findings.filter((f) => filter[f.severity]);
}

/** Where activating a finding goes: its cell, or column A of its row (narrative); null without a sheet (pasted text). */
export function navTarget(f: Finding): NavigateTarget | null {
  if (!f.sheet) return null;
  if (f.cell) return { sheet: f.sheet, cell: f.cell, row: f.row };
  if (f.row !== undefined) return { sheet: f.sheet, cell: `A${f.row}`, row: f.row };
  return { sheet: f.sheet };
}

export interface FindingsView {
  /** Counts over all findings (the filter does not change them). */
  counts: Record<Severity, number>;
  /** Groups of the findings that pass the filter; empty groups are dropped. */
  groups: FindingGroup[];
  /** How many findings pass the filter. */
  shown: number;
  total: number;
}

export function findingsView(
  findings: Finding[],
  filter: SeverityFilter,
  ctx: { recognition?: RecognitionReport; sections?: NarrativeSection[] } = {},
): FindingsView {
  const shownFindings = filterFindings(findings, filter);
  return {
    counts: summarise(findings),
    groups: groupFindings(shownFindings, ctx),
    shown: shownFindings.length,
    total: findings.length,
  };
}

/** "错误 3" style label of a count, with the word (never colour alone). */
export function countLabel(severity: Severity, n: number): string {
  return `${SEVERITY_LABEL[severity]} ${n}`;
}

/** Accessible name of a finding's button: severity word, location, message. */
export function findingAccessibleName(f: Finding, recognition?: RecognitionReport): string {
  const detail = detailText(f);
  return `${SEVERITY_LABEL[f.severity]}，${locationText(f, recognition)}：${f.message}${detail ? `（${detail}）` : ""}`;
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
