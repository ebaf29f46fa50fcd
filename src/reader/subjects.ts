/** 科目 names by code (src/data/subjects.json): current names, renamed-name aliases, 类 lookup by name. */
import subjectsData from "../data/subjects.json";
import { normaliseLabel } from "./labels";

export interface SubjectAlias {
  name: string;
  /** Edition year from which the current name applies (the alias is outdated from then on). */
  renamedIn: number;
}
export interface SubjectEntry {
  name: string;
  aliases?: SubjectAlias[];
  since?: number;
  note?: string;
}
export type SubjectFamily = "functional" | "economic";

const DATA = subjectsData as unknown as Record<SubjectFamily, Record<string, SubjectEntry>>;

/** The entry of a code, or undefined. */
export function subjectEntry(code: string, family: SubjectFamily = "functional"): SubjectEntry | undefined {
  return DATA[family][code];
}

/** The name of a code in the edition of `year` (an alias when the report predates the rename). */
export function subjectName(code: string, year?: number, family: SubjectFamily = "functional"): string | undefined {
  const e = DATA[family][code];
  if (!e) return undefined;
  if (year !== undefined && e.aliases) {
    const older = e.aliases.filter((a) => year < a.renamedIn).sort((a, b) => a.renamedIn - b.renamedIn);
    if (older.length) return older[0].name;
  }
  return e.name;
}

/** If `name` is an outdated alias of `code` for a report of `year`, the current name and rename year. */
export function outdatedName(code: string, name: string, year: number, family: SubjectFamily = "functional"): { current: string; renamedIn: number } | null {
  const e = DATA[family][code];
  if (!e?.aliases) return null;
  const n = normaliseLabel(name);
  for (const a of e.aliases) if (normaliseLabel(a.name) === n && year >= a.renamedIn) return { current: e.name, renamedIn: a.renamedIn };
  return null;
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
