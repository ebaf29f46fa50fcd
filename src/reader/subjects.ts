/**
 * 科目 names by code and edition (src/data/subjects.json): the name valid in a report year, older names
 * (aliases) with the years they were valid, 类 lookup by name, and the status of a (code, name) pair in a
 * report year: current, outdated (an alias renamed before that year), not yet created, or unknown.
 */
import subjectsData from "../data/subjects.json";
import renamesData from "../data/names-renamed.json";
import { normaliseLabel } from "./labels";

/** [first, last] report years (inclusive); null = open. */
export type Validity = [number | null, number | null];

export interface SubjectAlias {
  name: string;
  valid?: Validity;
  /** Edition year from which the current name applies (the alias is outdated from then on). */
  renamedIn: number;
  source?: string;
  verified?: boolean;
}
export interface SubjectEntry {
  name: string;
  valid?: Validity;
  aliases?: SubjectAlias[];
  source?: string;
  verified?: boolean;
  note?: string;
}
export type SubjectFamily = "functional" | "economic";

export interface SubjectSource {
  title: string;
  url?: string;
  verified: boolean;
  note?: string;
}
export interface Edition {
  year: number;
  source: string;
  verified: boolean;
  changes: string;
}

export interface Rename {
  old: string;
  new: string;
  level: string;
  code: string;
  since: number;
  oldValid?: Validity;
  source?: string;
  verified?: boolean;
}

const RAW = subjectsData as unknown as Record<SubjectFamily, Record<string, SubjectEntry>> & {
  sources: Record<string, SubjectSource>;
  editions: Edition[];
};
const DATA: Record<SubjectFamily, Record<string, SubjectEntry>> = { functional: RAW.functional, economic: RAW.economic };
const RENAMES: Rename[] = [...(renamesData.renames as Rename[])].sort((a, b) => b.old.length - a.old.length);

/** Is `year` within `v` (absent = always)? */
export function validIn(v: Validity | undefined, year: number): boolean {
  if (!v) return true;
  const [from, to] = v;
  return (from === null || year >= from) && (to === null || year <= to);
}

function aliasValidity(a: SubjectAlias): Validity {
  return a.valid ?? [null, a.renamedIn - 1];
}

/** The entry of a code, or undefined. */
export function subjectEntry(code: string, family: SubjectFamily = "functional"): SubjectEntry | undefined {
  return DATA[family][code];
}

/** The name of a code in the edition of `year` (an alias when the report predates the rename). */
export function subjectName(code: string, year?: number, family: SubjectFamily = "functional"): string | undefined {
  const e = DATA[family][code];
  if (!e) return undefined;
  if (year !== undefined && !validIn(e.valid, year)) {
    const older = (e.aliases ?? []).filter((a) => validIn(aliasValidity(a), year));
    if (older.length) return older[0].name;
  }
  return e.name;
}

/** If `name` is an outdated alias of `code` for a report of `year`, the current name and rename year. */
export function outdatedName(code: string, name: string, year: number, family: SubjectFamily = "functional"): { current: string; renamedIn: number } | null {
  const s = subjectStatus(code, name, year, family);
  return s.kind === "outdated" ? { current: s.current, renamedIn: s.renamedIn } : null;
}

export type SubjectStatus =
  | { kind: "current" }
  | { kind: "outdated"; current: string; renamedIn: number; source?: string }
  /** The code exists only from a later edition than the report's. */
  | { kind: "notYet"; from: number; source?: string }
  /** The code or this name of it is not in the data: nothing can be said about the name. */
  | { kind: "unknown" };

/** The status of the name a report of `year` gives to `code`. */
export function subjectStatus(code: string, name: string, year: number, family: SubjectFamily = "functional"): SubjectStatus {
  const e = DATA[family][code];
  if (!e) return { kind: "unknown" };
  const n = normaliseLabel(name);
  const same = (x: string) => normaliseLabel(x) === n;
  const valid = validIn(e.valid, year);
  if (same(e.name) && valid) return { kind: "current" };
  for (const a of e.aliases ?? []) if (same(a.name) && validIn(aliasValidity(a), year)) return { kind: "current" };
  if (same(e.name)) {
    const from = e.valid?.[0];
    if (from != null && year < from) return { kind: "notYet", from, source: e.source };
    return { kind: "unknown" };
  }
  for (const a of e.aliases ?? []) if (same(a.name) && year >= a.renamedIn && valid) return { kind: "outdated", current: e.name, renamedIn: a.renamedIn, source: a.source };
  return { kind: "unknown" };
}

const validNamesCache = new Map<number, string[]>();
/** Every functional name (and alias) valid in `year`, as written in the data. */
export function namesValidIn(year: number): string[] {
  const hit = validNamesCache.get(year);
  if (hit) return hit;
  const out = new Set<string>();
  for (const e of Object.values(DATA.functional)) {
    if (validIn(e.valid, year)) out.add(e.name);
    for (const a of e.aliases ?? []) if (validIn(aliasValidity(a), year)) out.add(a.name);
  }
  const list = [...out];
  validNamesCache.set(year, list);
  return list;
}

/**
 * The renames that make a name outdated in a report of `year` (longest old name first), each with the names
 * valid in `year` that contain its old name: an occurrence inside one of those is that valid name, never an
 * outdated one. A rename whose old name is itself valid in `year` (oldValid) is left out.
 */
export function outdatedRenames(year: number): { rename: Rename; guards: string[] }[] {
  const valid = namesValidIn(year);
  return RENAMES.filter((r) => year >= r.since && !(r.oldValid && validIn(r.oldValid, year)) && !valid.includes(r.old)).map((r) => ({
    rename: r,
    guards: valid.filter((v) => v !== r.old && v.includes(r.old)),
  }));
}

/** Is the span [start, end) of `text` inside an occurrence of one of `guards`? */
export function insideGuard(text: string, start: number, end: number, guards: string[]): boolean {
  for (const g of guards) {
    let i = text.indexOf(g, Math.max(0, start - g.length));
    while (i >= 0 && i <= start) {
      if (i + g.length >= end) return true;
      i = text.indexOf(g, i + 1);
    }
  }
  return false;
}

/** The sources of the 科目 data and its editions (for messages and tests). */
export function subjectSources(): Record<string, SubjectSource> {
  return RAW.sources;
}
export function subjectEditions(): Edition[] {
  return RAW.editions;
}
/** The renames of the text (src/data/names-renamed.json), longest old name first. */
export function allRenames(): Rename[] {
  return RENAMES;
}

let leiIndex: Map<string, string> | null = null;
function leiByName(): Map<string, string> {
  if (leiIndex) return leiIndex;
  leiIndex = new Map();
  for (const [code, e] of Object.entries(DATA.functional)) {
    if (code.length !== 3) continue;
    for (const n of [e.name, ...(e.aliases ?? []).map((a) => a.name)]) {
      const k = normaliseLabel(n);
      leiIndex.set(k, code);
      leiIndex.set(k.replace(/支出$/, ""), code);
    }
  }
  return leiIndex;
}

/** The 3-digit functional 类 code of a 类 name ("一般公共服务支出", "一般公共服务", "医疗卫生与计划生育支出"…). */
export function leiCodeByName(label: string): string | undefined {
  const k = normaliseLabel(label).replace(/（类）$/, "");
  const idx = leiByName();
  return idx.get(k) ?? idx.get(k.replace(/支出$/, ""));
}

/** All entries of a family, for listing. */
export function allSubjects(family: SubjectFamily = "functional"): Record<string, SubjectEntry> {
  return DATA[family];
}
