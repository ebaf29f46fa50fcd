import catalogue from "../data/rules/text.json";
import type { Finding, Severity } from "../findings";
import { fill } from "../money/wording";
import type { NarrativeTemplate } from "./types";

export interface TextRule {
  id: string;
  group: "text" | "self" | "table";
  severity: Severity;
  title: string;
  tolerance?: string;
  applies?: { years?: (number | null)[]; templates?: string[] };
  message: string;
}

export const TEXT_RULES: TextRule[] = catalogue.rules as TextRule[];
const BY_ID = new Map(TEXT_RULES.map((r) => [r.id, r]));

export function textRule(id: string): TextRule {
  const r = BY_ID.get(id);
  if (!r) throw new Error(`unknown narrative rule ${id}`);
  return r;
}

export function ruleApplies(id: string, year: number | null, template: NarrativeTemplate): boolean {
  const r = BY_ID.get(id);
  if (!r) return false;
  const a = r.applies;
  if (!a) return true;
  if (a.templates && !a.templates.includes(template)) return false;
  if (year !== null && a.years) {
    const [from, to] = a.years;
    if (from != null && year < from) return false;
    if (to != null && year > to) return false;
  }
  return true;
}

export interface FindingInput {
  row: number;
  text: string;
  slots?: Record<string, string | number>;
  severity?: Severity;
  stated?: string;
  expected?: string;
  difference?: string;
}

/** Builds a narrative finding from the catalogue entry of `id`. */
export function narrativeFinding(id: string, sheet: string, f: FindingInput): Finding {
  const r = textRule(id);
  const out: Finding = {
    rule: r.id,
    severity: f.severity ?? r.severity,
    message: fill(r.message, f.slots ?? {}),
    sheet,
    row: f.row,
    text: f.text,
  };
  if (f.stated !== undefined) out.stated = f.stated;
  if (f.expected !== undefined) out.expected = f.expected;
  if (f.difference !== undefined) out.difference = f.difference;
  return out;
}
