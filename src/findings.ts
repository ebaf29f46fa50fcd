/** What a check reports. Messages are for the accountant, in Chinese and business words. */
export type Severity = "error" | "warning" | "info";

export interface Finding {
  /** Rule id from the rule catalogue (DOMAIN ids where they exist, e.g. "T1-5", "X-11", "N-yoy-direction"). */
  rule: string;
  severity: Severity;
  message: string;
  sheet?: string;
  /** A1 address for a table cell. */
  cell?: string;
  /** 1-based sheet row (or text line) of a narrative paragraph. */
  row?: number;
  /** The claim as written, for a narrative finding. */
  text?: string;
  stated?: string;
  expected?: string;
  difference?: string;
  /**
   * What the finding is about, independent of cell addresses (optional; src/review/fingerprint.ts
   * falls back to the message without figures and addresses when absent): for a table rule the
   * table key and the row key or 科目 code and column, e.g. "T05/2010101/total"; for a narrative
   * binding the claim slot, e.g. "5.3.item:2010101".
   */
  subject?: string;
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: "错误", warning: "提示", info: "信息" };

export function summarise(findings: Finding[]): Record<Severity, number> {
  const s = { error: 0, warning: 0, info: 0 };
  for (const f of findings) s[f.severity]++;
  return s;
}
