import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { readReport } from "../../src/reader/recognise";
import { inspectJson } from "../../cli/commands/inspect";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { amountsToText, describeFixtures, insertBlankCol, insertBlankRow, loadFixture, prefixTitles, shift, switchUnit } from "./helpers";

const GOLDEN = path.resolve(__dirname, "../cases/inspect-bazhong-2020/expected.json");

interface Layout {
  order: number[];
  shifts: [number, number][];
  blankRows: number[][];
  blankCols: number[][];
  prefix: boolean;
  text: boolean;
  unit: boolean;
}

function apply(base: WorkbookSnapshot, l: Layout): WorkbookSnapshot {
  const sheets = base.sheets.map((s0, i) => {
    let s = s0;
    for (const at of l.blankRows[i] ?? []) s = insertBlankRow(s, Math.min(at, s.values.length));
    const width = s.values.reduce((m, r) => Math.max(m, r.length), 0);
    for (const at of l.blankCols[i] ?? []) s = insertBlankCol(s, Math.min(at, width));
    if (l.prefix) s = prefixTitles(s, "巴中市互联网信息办公室2020年度");
    if (l.unit) s = switchUnit(s);
    if (l.text) s = amountsToText(s);
    const [dr, dc] = l.shifts[i] ?? [0, 0];
    return shift(s, dr, dc);
  });
  return { ...base, sheets: l.order.map((i) => sheets[i]) };
}

function layoutArb(n: number): fc.Arbitrary<Layout> {
  return fc.record({
    order: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
    shifts: fc.array(fc.tuple(fc.nat(4), fc.nat(3)), { minLength: n, maxLength: n }),
    blankRows: fc.array(fc.array(fc.nat(70), { maxLength: 3 }), { minLength: n, maxLength: n }),
    blankCols: fc.array(fc.array(fc.nat(12), { maxLength: 2 }), { minLength: n, maxLength: n }),
    prefix: fc.boolean(),
    text: fc.boolean(),
    unit: fc.boolean(),
  });
}

describeFixtures("layout robustness (properties)", () => {
  const expected = () => JSON.parse(fs.readFileSync(GOLDEN, "utf8"));

  test.each(["bazhong-2020.xlsx", "bazhong-2020-yuan.xlsx"])("%s: reordered, shifted, padded, prefixed, texted, unit-switched → same figures", async (name) => {
    const base = await loadFixture(name);
    const want = expected();
    fc.assert(
      fc.property(layoutArb(base.sheets.length), (l) => {
        const j = inspectJson(readReport(apply(base, l)));
        expect(j.problems.missing).toEqual([]);
        expect({ figures: j.figures, items: j.items }).toEqual(want);
        expect(j.problems.unclassifiedRows).toEqual([]);
        // the transformations really happened
        const baseUnit = name.includes("yuan") ? "元" : "万元";
        expect(j.tables.T05!.unit).toBe(l.unit ? (baseUnit === "元" ? "万元" : "元") : baseUnit);
      }),
      { numRuns: 40, seed: 20200 },
    );
  });

  test("every single blank row inserted anywhere in any table sheet keeps the figures", async () => {
    const base = await loadFixture("bazhong-2020.xlsx");
    const want = expected();
    for (let si = 0; si < 9; si++) {
      for (let at = 0; at <= base.sheets[si].values.length; at++) {
        const sheets = base.sheets.map((s, i) => (i === si ? insertBlankRow(s, at) : s));
        const j = inspectJson(readReport({ sheets }));
        expect([si, at, { figures: j.figures, items: j.items }]).toEqual([si, at, want]);
      }
    }
  });

  test("every single blank column inserted anywhere in any table sheet keeps the figures", async () => {
    const base = await loadFixture("bazhong-2020-yuan.xlsx");
    const want = expected();
    base.sheets.forEach((s0, si) => {
      const width = s0.values.reduce((m, r) => Math.max(m, r.length), 0);
      for (let at = 0; at <= width; at++) {
        const sheets = base.sheets.map((s, i) => (i === si ? insertBlankCol(s, at) : s));
        const j = inspectJson(readReport({ sheets }));
        expect([s0.name, at, { figures: j.figures, items: j.items }]).toEqual([s0.name, at, want]);
      }
    });
  });
});
