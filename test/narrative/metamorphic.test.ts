/**
 * Metamorphic tests: a meaning-preserving rewrite of a narrative (test/narrative/rewrites.ts) leaves the claims
 * the parser reads and the checker's findings of weight unchanged — on the repo's example workbooks (both
 * templates) and, where ../shared is present, on the real reports of ../shared/real.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { readXlsx } from "../../cli/adapters/xlsx";
import { checkWorkbook } from "../../src/checks";
import { parseNarrative } from "../../src/narrative/parse";
import { paragraphsFromText } from "../../src/narrative/paragraphs";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { loadBases } from "../../scripts/planted/corpus";
import { SHARED_REAL } from "../../scripts/accuracy/run";
import { rewriteText, type Rewrite } from "./rewrites";

interface Subject {
  name: string;
  snapshot: WorkbookSnapshot;
  paragraphs: string[];
}

async function subjects(): Promise<Subject[]> {
  const out: Subject[] = [];
  const bases = await loadBases();
  for (const [name, snapshot] of Object.entries(bases)) {
    const r = checkWorkbook(snapshot);
    out.push({ name, snapshot, paragraphs: r.model.narrative!.paragraphs.map((p) => p.text) });
  }
  const dir = path.join(SHARED_REAL, "workbooks");
  if (fs.existsSync(dir)) {
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".xlsx"))) {
      const snapshot = await readXlsx(path.join(dir, f));
      const r = checkWorkbook(snapshot);
      if (r.model.narrative) out.push({ name: f, snapshot, paragraphs: r.model.narrative.paragraphs.map((p) => p.text) });
    }
  }
  const texts = path.join(SHARED_REAL, "texts");
  if (fs.existsSync(texts)) {
    for (const f of fs.readdirSync(texts).filter((n) => n.endsWith(".txt"))) {
      const paragraphs = paragraphsFromText(fs.readFileSync(path.join(texts, f), "utf8")).map((p) => p.text);
      out.push({ name: f, snapshot: { sheets: [] }, paragraphs });
    }
  }
  return out;
}

const claimKeys = (paragraphs: string[], year?: number) => {
  const parsed = parseNarrative(paragraphsFromText(paragraphs.join("\n")), { year });
  return parsed.claims
    .filter((c) => c.slot)
    .map((c) => `${c.kind}|${c.slot}|${"value" in c && c.value && typeof c.value === "object" ? (c.value as { toFixed(n: number): string }).toFixed(2) : ""}`)
    .sort();
};

const weighty = (s: WorkbookSnapshot, paragraphs: string[]) =>
  checkWorkbook(s, { narrativeText: paragraphs.join("\n") })
    .findings.filter((f) => f.severity !== "info" && f.row !== undefined)
    .map((f) => `${f.rule}|${f.severity}`)
    .sort();

const rewriteArb: fc.Arbitrary<Rewrite> = fc.record({
  halfWidth: fc.boolean(),
  spaces: fc.boolean(),
  yuanEvery: fc.constantFrom(0, 1, 2, 3),
  numbering: fc.boolean(),
  split: fc.oneof(fc.constant(-1), fc.nat(80)),
  merge: fc.oneof(fc.constant(-1), fc.nat(80)),
});

describe("meaning-preserving rewrites leave claims and findings of weight unchanged", () => {
  let all: Subject[] = [];
  beforeAll(async () => {
    all = await subjects();
  }, 60000);

  it("each single rewrite, on every narrative", () => {
    const singles: Rewrite[] = [
      { halfWidth: true, spaces: false, yuanEvery: 0, numbering: false, split: -1, merge: -1 },
      { halfWidth: false, spaces: true, yuanEvery: 0, numbering: false, split: -1, merge: -1 },
      { halfWidth: false, spaces: false, yuanEvery: 1, numbering: false, split: -1, merge: -1 },
      { halfWidth: false, spaces: false, yuanEvery: 0, numbering: true, split: -1, merge: -1 },
    ];
    for (const s of all) {
      const year = checkWorkbook(s.snapshot).model.year;
      const baseClaims = claimKeys(s.paragraphs, year);
      const base = weighty(s.snapshot, s.paragraphs);
      for (const r of singles) {
        const t = rewriteText(s.paragraphs, r);
        expect({ subject: s.name, rewrite: r, claims: claimKeys(t, year) }).toEqual({ subject: s.name, rewrite: r, claims: baseClaims });
        expect({ subject: s.name, rewrite: r, findings: weighty(s.snapshot, t) }).toEqual({ subject: s.name, rewrite: r, findings: base });
      }
    }
  }, 120000);

  it("random combinations (fast-check)", () => {
    for (const s of all) {
      const base = weighty(s.snapshot, s.paragraphs);
      fc.assert(
        fc.property(rewriteArb, (r) => {
          expect({ subject: s.name, rewrite: r, findings: weighty(s.snapshot, rewriteText(s.paragraphs, r)) }).toEqual({ subject: s.name, rewrite: r, findings: base });
        }),
        { numRuns: 12, seed: 20261203 },
      );
    }
  }, 240000);
});
