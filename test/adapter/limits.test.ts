/**
 * The read against Excel's documented limits, as test/fake-excel models them: more than 512 merged
 * areas in one request, gets over the cell limit answered with null values, oversized responses
 * reported as GeneralException, and a stray value far away making a used range enormous.
 */
import { createFakeExcel } from "../fake-excel";
import { readWorkbookSnapshot, type ReadNotice } from "../../taskpane/excel";
import type { MergeArea, WorkbookSnapshot } from "../../src/workbook/snapshot";

/** A 绩效-form-like sheet: `n` merged pairs, one per row (A:B), with a label in each. */
function heavilyMerged(name: string, n: number) {
  const merges: MergeArea[] = Array.from({ length: n }, (_x, r) => ({ top: r, left: 0, bottom: r, right: 1 }));
  return { name, origin: { row: 0, col: 0 }, values: Array.from({ length: n }, (_x, r) => [`项目${r + 1}`, null, r + 1]), merges };
}
const plain = (name: string) => ({ name, origin: { row: 0, col: 0 }, values: [["收入支出决算总表", null], [1, 2]], merges: [{ top: 0, left: 0, bottom: 0, right: 1 }] });

describe("more than 512 merged areas on a sheet (Excel fails that request, and so the batch)", () => {
  const wb = (): WorkbookSnapshot => ({ sheets: [plain("公开01表"), heavilyMerged("绩效自评表", 1300), plain("公开02表")] });

  test("the fake fails a whole-sheet getMergedAreasOrNullObject over 512 areas", async () => {
    const { Excel } = createFakeExcel(wb());
    await expect(
      Excel.run(async (context) => {
        const m = context.workbook.worksheets.getItem("绩效自评表").getRange().getMergedAreasOrNullObject();
        m.load("address");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
  });

  test("every sheet is still read, with all its merges; the next read is one sync again", async () => {
    const expected = wb();
    const { Excel, state } = createFakeExcel(expected);
    let notices: ReadNotice[] = [{ sheet: "x", kind: "too-large", message: "" }];
    const got = await readWorkbookSnapshot(Excel, { knownSheetNames: expected.sheets.map((s) => s.name), onNotices: (n) => (notices = n) });
    expect(got).toEqual(expected);
    expect(notices).toEqual([]);
    state.resetSyncCount();
    expect(await readWorkbookSnapshot(Excel)).toEqual(expected);
    expect(state.syncCount).toBe(1);
  });

  test("merges that cannot be read even row by row: the sheet's values are read, and a notice names it", async () => {
    // 600 one-column-wide merges in a single row: no row band can hold them under 512.
    const row = { name: "封面", origin: { row: 0, col: 0 }, values: [Array.from({ length: 1200 }, (_x, c) => (c % 2 === 0 ? `x${c}` : null))], merges: Array.from({ length: 600 }, (_x, k) => ({ top: 0, left: 2 * k, bottom: 0, right: 2 * k + 1 })) };
    const { Excel } = createFakeExcel({ sheets: [plain("公开01表"), row] });
    let notices: ReadNotice[] = [];
    const got = await readWorkbookSnapshot(Excel, { knownSheetNames: ["公开01表", "封面"], boxCols: 2000, onNotices: (n) => (notices = n) });
    expect(got.sheets[0]).toEqual(plain("公开01表"));
    expect(got.sheets[1].values).toEqual([row.values[0].slice(0, 1199)]); // the trailing empty column is trimmed
    expect(got.sheets[1].merges).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ sheet: "封面", kind: "merges-incomplete" });
    expect(notices[0].message).toContain("“封面”");
  });
});

describe("huge and sparse used ranges", () => {
  test("a stray value in row 1 048 576: that sheet is skipped with a Chinese notice naming it, the others are read in one sync", async () => {
    const stray = { name: "公开03表", origin: { row: 0, col: 0 }, values: [["一般公共预算财政拨款收入支出决算表"], [5]], merges: [] };
    const { Excel, state } = createFakeExcel({ sheets: [plain("公开01表"), stray] });
    state.userEdit("公开03表", "C1048576", "x");
    let notices: ReadNotice[] = [];
    const got = await readWorkbookSnapshot(Excel, { knownSheetNames: ["公开01表", "公开03表"], onNotices: (n) => (notices = n) });
    expect(state.syncCount).toBe(1);
    expect(got.sheets.map((s) => s.name)).toEqual(["公开01表", "公开03表"]);
    expect(got.sheets[0]).toEqual(plain("公开01表"));
    expect(got.sheets[1].values).toEqual([]);
    expect(notices).toHaveLength(1);
    expect(notices[0].sheet).toBe("公开03表");
    expect(notices[0].message).toMatch(/工作表“公开03表”的已用区域为 A1:C1048576（约 315 万个单元格）.*未读取该表/);
  });

  test("a sheet used beyond the one-sync box but under the cap is read in blocks, completely", async () => {
    const long = { name: "明细", origin: { row: 0, col: 0 }, values: Array.from({ length: 300 }, (_x, r) => [`行${r}`, r]), merges: [] };
    const { Excel } = createFakeExcel({ sheets: [plain("公开01表"), long] });
    const got = await readWorkbookSnapshot(Excel, { knownSheetNames: ["公开01表", "明细"], boxRows: 100, maxCellsPerSync: 250 });
    expect(got.sheets[1]).toEqual(long);
  });

  test("values over the get limit come back null (no error): the adapter notices and reads in blocks", async () => {
    const big = { name: "大表", origin: { row: 0, col: 0 }, values: Array.from({ length: 60 }, (_x, r) => Array.from({ length: 10 }, (_y, c) => r * 10 + c)), merges: [] };
    const { Excel } = createFakeExcel({ sheets: [big] }, { maxCellsPerLoad: 200, oversizedGet: "null" });
    const got = await readWorkbookSnapshot(Excel, { knownSheetNames: ["大表"], maxCellsPerSync: 200 });
    expect(got.sheets[0]).toEqual(big);
  });

  test("an oversized response reported as GeneralException (Excel on the web): read in blocks", async () => {
    const big = { name: "长文本", origin: { row: 0, col: 0 }, values: Array.from({ length: 200 }, (_x, r) => [`说明${r}`.padEnd(300, "长"), r]), merges: [{ top: 0, left: 0, bottom: 0, right: 1 }] };
    const { Excel } = createFakeExcel({ sheets: [big] }, { maxResponseBytes: 40000, payloadErrorCode: "GeneralException" });
    const got = await readWorkbookSnapshot(Excel, { knownSheetNames: ["长文本"], maxPayloadBytes: 1e9 });
    expect(got.sheets[0]).toEqual(big);
  });
});

describe("sheet visibility is read in the same sync", () => {
  test("hidden and very hidden sheets say so; visible ones carry nothing", async () => {
    const wb: WorkbookSnapshot = { sheets: [plain("公开01表"), plain("旧表"), plain("_juesuan_sources")] };
    const { Excel, state } = createFakeExcel(wb, { visibility: { 旧表: "Hidden", _juesuan_sources: "VeryHidden" } });
    const got = await readWorkbookSnapshot(Excel, { knownSheetNames: ["公开01表", "旧表", "_juesuan_sources"], includeInternalSheets: true });
    expect(state.syncCount).toBe(1);
    expect(got.sheets.map((s) => (s as { visibility?: string }).visibility)).toEqual([undefined, "hidden", "veryHidden"]);
  });
});

test("a snapshot's hidden sheets stay hidden in the fake, and the adapter reads them back as such", async () => {
  const wb = { sheets: [plain("公开01表"), { ...plain("旧表"), visibility: "hidden" as const }] } as WorkbookSnapshot;
  const { Excel, state } = createFakeExcel(wb);
  expect(state.snapshot()).toEqual(wb);
  expect(await readWorkbookSnapshot(Excel, { knownSheetNames: ["公开01表", "旧表"] })).toEqual(wb);
});

test("blocks on desktop are not bound by the web's 5 MB budget", async () => {
  const long = { name: "明细", origin: { row: 0, col: 0 }, values: Array.from({ length: 200 }, (_x, r) => Array.from({ length: 1000 }, (_y, c) => r + c)), merges: [] };
  const syncsOn = async (platform: string | undefined) => {
    const g = globalThis as { Office?: unknown };
    g.Office = platform ? { context: { platform } } : undefined;
    try {
      const { Excel, state } = createFakeExcel({ sheets: [long] }, { maxResponseBytes: 1e12 });
      const got = await readWorkbookSnapshot(Excel, { knownSheetNames: ["明细"], boxRows: 10 });
      expect(got.sheets[0]).toEqual(long);
      return state.syncCount;
    } finally {
      delete g.Office;
    }
  };
  // 200 000 cells beyond the box: the web budget (5 MB / 40 bytes ≈ 131 000 cells) needs two blocks, desktop one.
  expect(await syncsOn("OfficeOnline")).toBe(1 + 2);
  expect(await syncsOn(undefined)).toBe(1 + 2);
  expect(await syncsOn("PC")).toBe(1 + 1);
});
