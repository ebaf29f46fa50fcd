/**
 * The checker on labelled reports: the real ones in ../shared/real (skipped only where ../shared is absent)
 * and the repo's own planted corpus (scripts/planted). Every problem of warning/error weight is found at its
 * place; no correct statement is flagged at warning/error weight.
 */
import * as fs from "fs";
import { scoreRealTexts, scoreRealWorkbooks, SHARED_REAL } from "../../scripts/accuracy/run";
import { scorePlanted } from "../../scripts/planted/corpus";
import type { FileScore } from "../../scripts/accuracy/score";

const describeReal = fs.existsSync(SHARED_REAL) ? describe : describe.skip;

function expectPerfect(scores: FileScore[]) {
  for (const s of scores) {
    expect({ file: s.file, missed: s.missed }).toEqual({ file: s.file, missed: [] });
    expect({ file: s.file, falseAlarms: s.falseAlarms.map((f) => `${f.rule} ${f.sheet ?? ""} ${f.cell ?? f.row ?? ""} ${f.message}`) }).toEqual({ file: s.file, falseAlarms: [] });
    expect({ file: s.file, mustNotFlag: s.mustNotFlagHits }).toEqual({ file: s.file, mustNotFlag: [] });
  }
}

describeReal("../shared/real (real published reports; read from ../shared, never copied)", () => {
  it("workbooks: every problem group of weight found at its place, nothing of weight on must_not_flag", async () => {
    const scores = await scoreRealWorkbooks();
    expect(scores.length).toBeGreaterThan(0);
    expectPerfect(scores);
  }, 60000);

  it("情况说明 excerpts: every inconsistent claim found on its paragraph, no consistent claim flagged", () => {
    const scores = scoreRealTexts();
    expect(scores.length).toBeGreaterThan(0);
    expectPerfect(scores);
  });
});

describe("planted corpus (scripts/planted/corpus.ts)", () => {
  it("the clean twins have nothing of weight; each plant is found at its place", async () => {
    const scores = await scorePlanted();
    expect(scores.length).toBeGreaterThan(20);
    expectPerfect(scores);
    for (const s of scores.filter((x) => !x.file.startsWith("clean"))) expect({ file: s.file, found: s.found }).toEqual({ file: s.file, found: 1 });
  }, 60000);
});
