import hierarchy from "../data/perf/hierarchy.json";
import type { PerfCategory } from "./types";

export interface HierarchyVersion {
  id: string;
  basis: string;
  fromYear: number;
  toYear: number;
  level1: { name: string; category: string; level2: string[] }[];
}

const VERSIONS = hierarchy.versions as HierarchyVersion[];
const ALIASES = hierarchy.level1Aliases as Record<string, string>;

/** The indicator hierarchy that applies to a report year (unknown year → the newest). */
export function hierarchyFor(year: number | null | undefined): HierarchyVersion {
  if (year !== null && year !== undefined) {
    const v = VERSIONS.find((x) => year >= x.fromYear && year <= x.toYear);
    if (v) return v;
  }
  return VERSIONS[VERSIONS.length - 1];
}

export const REQUIRED_CATEGORIES = hierarchy.requiredCategories as PerfCategory[];

/** Whitespace and full-width forms removed, for comparing names. */
export function squash(s: string): string {
  return s.normalize("NFKC").replace(/[\s\u00a0\u3000]+/g, "");
}

/** "数量指标" → "数量"; "社会效益指标" → "社会效益". */
export function shortName(s: string): string {
  return squash(s).replace(/指标$/, "");
}

/** Is `level1` a standard 一级 name of the version (with or without 指标)? */
export function standardLevel1(level1: string, version: HierarchyVersion): HierarchyVersion["level1"][number] | null {
  const s = shortName(level1);
  return version.level1.find((l) => shortName(l.name) === s) ?? null;
}

/** The category a row stands for: its standard 一级, a known alias, or the 一级 whose whitelist holds its 二级. */
export function resolveCategory(level1: string, level2: string, version: HierarchyVersion): PerfCategory | null {
  const std = standardLevel1(level1, version);
  if (std) return std.category as PerfCategory;
  const alias = ALIASES[squash(level1)] ?? ALIASES[shortName(level1)];
  if (alias) return alias as PerfCategory;
  const l2 = shortName(level2);
  if (l2) {
    for (const v of [version, ...VERSIONS]) {
      const hit = v.level1.find((l) => l.level2.includes(l2));
      if (hit) return hit.category as PerfCategory;
    }
  }
  return null;
}

/** Allowed 二级 names under a category for the version (short names). */
export function allowedLevel2(category: PerfCategory, version: HierarchyVersion): string[] {
  return version.level1.find((l) => l.category === category)?.level2 ?? [];
}

export function standardLevel1Names(version: HierarchyVersion): string[] {
  return version.level1.map((l) => l.name);
}
