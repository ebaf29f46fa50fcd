import fc from "fast-check";
import { createFakeExcel } from "../fake-excel";
import { readWorkbookSnapshot } from "../../taskpane/excel";
import type { CellValue, MergeArea, SheetSnapshot, WorkbookSnapshot } from "../../src/workbook/snapshot";

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 4 },
  { arbitrary: fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom("a", "表", "1", " ", "'", "=", "#", ".", "\u3000", "万") }), weight: 3 },
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)), weight: 3 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom("#N/A", "#DIV/0!", "#VALUE!", "#REF!").map((error) => ({ error })), weight: 1 },
  {
    arbitrary: fc.integer({ min: Date.UTC(1900, 2, 1), max: Date.UTC(2100, 0, 1) }).map((ms) => ({ date: new Date(ms).toISOString() })),
    weight: 1,
  },
);

const sheetName = fc
  .string({ minLength: 1, maxLength: 10, unit: fc.constantFrom("公", "开", "表", "1", "-", " ", "'", "（", "）", "A", "_", ".", "!", ",") })
  .filter((n) => !n.startsWith("'") && !n.endsWith("'") && !n.startsWith("_juesuan"));

/** Trims a grid to the bounding box of its non-null values, like a used range. */
function usedRange(name: string, row: number, col: number, grid: CellValue[][], merges: MergeArea[]): SheetSnapshot {
  const cells: { r: number; c: number }[] = [];
  grid.forEach((line, r) => line.forEach((v, c) => v !== null && cells.push({ r, c })));
  if (cells.length === 0) return { name, origin: { row: 0, col: 0 }, values: [], merges };
  const top = Math.min(...cells.map((x) => x.r)), bottom = Math.max(...cells.map((x) => x.r));
  const left = Math.min(...cells.map((x) => x.c)), right = Math.max(...cells.map((x) => x.c));
  return { name, origin: { row: row + top, col: col + left }, values: grid.slice(top, bottom + 1).map((l) => l.slice(left, right + 1)), merges };
}

const merge = fc
  .record({ top: fc.nat(20), left: fc.nat(10), h: fc.nat(3), w: fc.nat(3) })
  .filter((m) => m.h + m.w > 0)
  .map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w }));

const sheet = (name: string) =>
  fc
    .record({
      row: fc.nat(5),
      col: fc.nat(5),
      width: fc.integer({ min: 1, max: 5 }),
      rows: fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { maxLength: 6 }),
      merges: fc.uniqueArray(merge, { maxLength: 3, selector: (m) => `${m.top},${m.left}` }),
    })
    .map(({ row, col, width, rows, merges }) =>
      usedRange(name, row, col, rows.map((l) => l.slice(0, width)), [...merges].sort((a, b) => a.top - b.top || a.left - b.left)),
    );

const workbook: fc.Arbitrary<WorkbookSnapshot> = fc
  .uniqueArray(sheetName, { minLength: 1, maxLength: 4, selector: (n) => n.toLowerCase() })
  .chain((names) =>
    fc.record({
      sheets: fc.tuple(...names.map(sheet)),
      settings: fc.option(fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 3 }), { nil: undefined }),
    }),
  )
  .map(({ sheets, settings }) => {
    const wb: WorkbookSnapshot = { sheets };
    // Settings are stored as JSON: compare with their JSON form.
    if (settings) wb.settings = JSON.parse(JSON.stringify(settings));
    return wb;
  });

describe("property: any snapshot round-trips through the fake Excel and the adapter", () => {
  test("read back unchanged, in one sync once the names are known", async () => {
    await fc.assert(
      fc.asyncProperty(workbook, async (wb) => {
        const { Excel, state } = createFakeExcel(wb);
        expect(await readWorkbookSnapshot(Excel)).toEqual(wb);
        state.resetSyncCount();
        expect(await readWorkbookSnapshot(Excel)).toEqual(wb);
        expect(state.syncCount).toBe(1);
      }),
      { numRuns: 150 },
    );
  });
});
