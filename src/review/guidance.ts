/**
 * What a finding rests on and what to do about it, from src/data/rules/guidance.json: the rule in words
 * (its own basis, else the title the rule data gives it), the DOMAIN.md section, the official source where
 * DOMAIN names one, and an instruction filled from the finding's figures (“请将文中“增长”改为“下降””).
 * Pure: the pane and the CLI both use it.
 */
import guidanceData from "../data/rules/guidance.json";
import tables from "../data/rules/tables.json";
import text from "../data/rules/text.json";
import bindings from "../data/rules/bindings.json";
import recognition from "../data/rules/recognition.json";
import perf from "../data/perf/rules.json";
import type { Finding } from "../findings";

interface Entry {
  basis?: string;
  domain?: string;
  source?: string;
  do?: string[];
  doInfo?: string[];
}

interface GuidanceData {
  fallback: string;
  sources: Record<string, string>;
  families: Record<string, Entry & { basis: string; do: string[] }>;
  rules: Record<string, Entry>;
}

const DATA = guidanceData as unknown as GuidanceData;

export interface Guidance {
  /** The rule in words. */
  basis: string;
  /** The official text the rule rests on, where DOMAIN.md names one. */
  source?: string;
  /** basis + source, for one cell or line: “本年收入合计 = 各项收入之和（依据：…）”. */
  basisText: string;
  /** DOMAIN.md section, e.g. "§2.1 T1-1". */
  domain?: string;
  /** What to do, filled from the finding. */
  action: string;
  /** True when the rule has its own entry (not only the fallback of its family). */
  specific: boolean;
}

/** Titles the rule data already gives (tables, bindings, narrative rules). */
const TITLES = new Map<string, string>([
  ...tables.rules.map((r) => [r.id, r.title] as [string, string]),
  ...text.rules.map((r) => [r.id, r.title] as [string, string]),
  ...Object.entries(bindings.rules).map(([id, r]) => [id, r.title] as [string, string]),
]);

/** Every rule id of the rule data (the ids findings carry, and the perf rules' message keys). */
export const RULE_IDS: string[] = [
  ...new Set([
    ...tables.rules.map((r) => r.id),
    ...text.rules.map((r) => r.id),
    ...Object.keys(bindings.rules),
    ...Object.values(recognition.rules).map((r) => r.id),
    ...Object.keys(perf.rules),
    // src/perf/check.ts reports P-2-empty as P-2 and P-8-split/-narrative/-amount as P-8.
    ...Object.keys(perf.rules).map((k) => k.replace(/-(split|narrative|amount|empty)$/, "")),
  ]),
].sort();

/** The family of a rule id: "PS" for PS-n, else its first letter (T1-1 → T, X-3b → X, N-yoy-rate → N). */
export function familyOf(rule: string): string {
  if (rule.startsWith("PS")) return "PS";
  return rule.charAt(0).toUpperCase();
}

/** Where a finding is, in words: 公开05表F25, 情况说明第12行, or the sheet. */
export function placeOf(f: Finding): string {
  const sheet = f.sheet ?? "";
  if (f.cell) return `${sheet}${f.cell}`;
  if (f.row !== undefined) return `${sheet}第${f.row}行`;
  return sheet;
}

function slotsOf(f: Finding): Record<string, string | undefined> {
  return {
    stated: f.stated,
    expected: f.expected,
    difference: f.difference?.replace(/^[-−+]/, ""),
    place: placeOf(f) || undefined,
    sheet: f.sheet,
    cell: f.cell,
    row: f.row !== undefined ? String(f.row) : undefined,
    text: f.text,
  };
}

function withUnit(value: string, unit: string): string {
  if (unit === "%") return /[%％]$/.test(value) ? value : `${value}%`;
  if (unit === "万元" || unit === "元") return /元$/.test(value) ? value : `${value}${unit}`;
  return `${value}${unit}`;
}

/** Fills a template; null when a slot it needs is missing or empty. */
export function fillAction(template: string, slots: Record<string, string | undefined>): string | null {
  let ok = true;
  const out = template.replace(/\{(\w+)(?:\|([^}]+))?\}/g, (_m, name: string, unit?: string) => {
    const v = slots[name]?.trim();
    if (!v) {
      ok = false;
      return "";
    }
    return unit ? withUnit(v, unit) : v;
  });
  return ok ? out : null;
}

/** Guidance for a finding: its rule's entry, else its family's, else the general fallback. */
export function guidanceFor(f: Finding): Guidance {
  const own = DATA.rules[f.rule];
  const family = DATA.families[familyOf(f.rule)];
  const basis = own?.basis ?? TITLES.get(f.rule) ?? family?.basis ?? f.rule;
  const sourceKey = own?.source ?? (own ? undefined : family?.source);
  const source = sourceKey ? (DATA.sources[sourceKey] ?? sourceKey) : undefined;
  const slots = slotsOf(f);
  const info = f.severity === "info";
  const candidates = [...((info && (own?.doInfo ?? family?.doInfo)) || []), ...(own?.do ?? []), ...(family?.do ?? [])];
  let action = DATA.fallback;
  for (const t of candidates) {
    const filled = fillAction(t, slots);
    if (filled) {
      action = filled;
      break;
    }
  }
  return {
    basis,
    source,
    basisText: source ? `${basis}（依据：${source}）` : basis,
    domain: own?.domain ?? family?.domain,
    action,
    specific: Boolean(own),
  };
}

/** True when guidance.json has an entry of its own for the rule id. */
export function hasOwnGuidance(rule: string): boolean {
  return Object.prototype.hasOwnProperty.call(DATA.rules, rule);
}
