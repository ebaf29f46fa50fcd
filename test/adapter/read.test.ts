import * as path from "path";
import { readXlsx } from "../../cli/adapters/xlsx";
import { createFakeExcel } from "../fake-excel";
import { readWorkbookSnapshot, forgetWorkbook, parseMerges } from "../../taskpane/excel";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { FIXTURES, describeFixtures, fixtureFiles, normaliseMerges } from "./helpers";

describeFixtures("readWorkbookSnapshot on the fixtures (through the fake Excel)", () => {
  const snapshots = new Map<string, WorkbookSnapshot>();
  beforeAll(async () => {
    for (const f of fixtureFiles) snapshots.set(f, await readXlsx(path.join(FIXTURES, f)));
  });

  test.each(fixtureFiles)("%s: one sync when the sheet names are known, equal to the ExcelJS snapshot", async (f) => {
    const expected = normaliseMerges(snapshots.get(f)!);
    const { Excel, state } = createFakeExcel(expected);
    const first = await readWorkbookSnapshot(Excel);
    expect(first).toEqual(expected);
    expect(state.syncCount).toBe(2); // first read of a session: names, then everything
    state.resetSyncCount();
    const again = await readWorkbookSnapshot(Excel);
    expect(state.syncCount).toBe(1);
    expect(again).toEqual(expected);
  });

  test.each(fixtureFiles)("%s: one sync with the names given by the caller", async (f) => {
    const expected = normaliseMerges(snapshots.get(f)!);
    const { Excel, state } = createFakeExcel(expected);
    const got = await readWorkbookSnapshot(Excel, { knownSheetNames: expected.sheets.map((s) => s.name) });
    expect(state.syncCount).toBe(1);
    expect(got).toEqual(expected);
  });

  test("a sheet deleted since the last read: the read starts over with fresh names", async () => {
    const expected = normaliseMerges(snapshots.get(fixtureFiles[0])!);
    const { Excel } = createFakeExcel(expected);
    const names = expected.sheets.map((s) => s.name);
    const got = await readWorkbookSnapshot(Excel, { knownSheetNames: [...names, "已删除的表"] });
    expect(got).toEqual(expected);
  });

  test("a sheet added since the last read is read by one more sync", async () => {
    const expected = normaliseMerges(snapshots.get(fixtureFiles[0])!);
    const { Excel, state } = createFakeExcel(expected);
    const names = expected.sheets.map((s) => s.name);
    const got = await readWorkbookSnapshot(Excel, { knownSheetNames: names.slice(1) });
    expect(got).toEqual(expected);
    expect(state.syncCount).toBe(2);
  });
});

describe("readWorkbookSnapshot conversions", () => {
  test("errors, dates, booleans, text that looks like a number, offsets, settings", async () => {
    const snap: WorkbookSnapshot = {
      sheets: [
        {
          name: "表 1",
          origin: { row: 2, col: 1 },
          values: [
            [{ error: "#DIV/0!" }, "2013399", 0.1, null],
            [null, true, { date: "2020-12-31T00:00:00.000Z" }, "注：本表…"],
          ],
          merges: [{ top: 0, left: 0, bottom: 0, right: 5 }],
        },
        { name: "空表", origin: { row: 0, col: 0 }, values: [], merges: [] },
      ],
      settings: { tableOverrides: { T01: "表 1" }, version: 2 },
    };
    const { Excel } = createFakeExcel(snap);
    expect(await readWorkbookSnapshot(Excel, { knownSheetNames: ["表 1", "空表"] })).toEqual(snap);
  });

  test("the add-in's internal sheets are left out unless asked for", async () => {
    const snap: WorkbookSnapshot = {
      sheets: [
        { name: "A", origin: { row: 0, col: 0 }, values: [[1]], merges: [] },
        { name: "_juesuan_sources", origin: { row: 0, col: 0 }, values: [["x"]], merges: [] },
      ],
    };
    const { Excel } = createFakeExcel(snap, { visibility: { _juesuan_sources: "VeryHidden" } });
    expect((await readWorkbookSnapshot(Excel)).sheets.map((s) => s.name)).toEqual(["A"]);
    forgetWorkbook(Excel);
    expect((await readWorkbookSnapshot(Excel, { includeInternalSheets: true })).sheets.map((s) => s.name)).toEqual(["A", "_juesuan_sources"]);
  });

  test("merged-area address lists with quoted names and commas", () => {
    expect(parseMerges("公开01表!A1:F1,公开01表!A2:A4")).toEqual([
      { top: 0, left: 0, bottom: 0, right: 5 },
      { top: 1, left: 0, bottom: 3, right: 0 },
    ]);
    expect(parseMerges("'表 1, 附''注'!C3:D4, '表 1, 附''注'!A1:B1")).toEqual([
      { top: 0, left: 0, bottom: 0, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 3 },
    ]);
  });
});

describe("readWorkbookSnapshot over Excel's limits (limits lowered in the fake and the adapter)", () => {
  // 3 sheets of 100 rows × 30 columns = 9000 cells; at most 2000 cells per sync.
  function big(): WorkbookSnapshot {
    const sheets = [0, 1, 2].map((k) => ({
      name: `大表${k + 1}`,
      origin: { row: k, col: 0 },
      values: Array.from({ length: 100 }, (_, r) => Array.from({ length: 30 }, (_, c) => (c === 0 ? `行${r}` : r * 100 + c + k / 10))),
      merges: [{ top: k, left: 0, bottom: k, right: 3 }],
    }));
    return { sheets };
  }
  const limits = { maxCellsPerLoad: 2000, maxResponseBytes: 1e9 };
  const opts = { maxCellsPerSync: 2000 };

  test("a single-sync read fails in the fake, and the adapter falls back to chunks", async () => {
    const snap = big();
    const { Excel, state } = createFakeExcel(snap, limits);
    const got = await readWorkbookSnapshot(Excel, { ...opts, knownSheetNames: snap.sheets.map((s) => s.name) });
    expect(got).toEqual(snap);
    // 1 failed attempt + 1 sizes sync + 5 chunk syncs (whole rows of 30 cells: 1980 cells per sync, 9000 cells)
    expect(state.syncCount).toBe(1 + 1 + Math.ceil(9000 / (Math.floor(2000 / 30) * 30)));
  });

  test("once the size is known, the next read goes straight to the chunks: sizes + minimal number of chunk syncs", async () => {
    const snap = big();
    const { Excel, state } = createFakeExcel(snap, limits);
    await readWorkbookSnapshot(Excel, { ...opts, knownSheetNames: snap.sheets.map((s) => s.name) });
    state.resetSyncCount();
    const got = await readWorkbookSnapshot(Excel, opts);
    expect(got).toEqual(snap);
    const perSync = Math.floor(2000 / 30) * 30; // 1980 cells
    expect(state.syncCount).toBe(1 + Math.ceil(9000 / perSync));
  });

  test("a response heavier than estimated halves the chunk size and still reads everything", async () => {
    const snap = big();
    snap.sheets[1].values = snap.sheets[1].values.map((line) => line.map((v) => (typeof v === "string" ? v + "长".repeat(200) : v)));
    const { Excel } = createFakeExcel(snap, { maxCellsPerLoad: 2000, maxResponseBytes: 60000 });
    const got = await readWorkbookSnapshot(Excel, { maxCellsPerSync: 2000, bytesPerCell: 30, knownSheetNames: snap.sheets.map((s) => s.name) });
    expect(got).toEqual(snap);
  });
});
