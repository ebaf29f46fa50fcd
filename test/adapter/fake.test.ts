/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load --
   these tests read before load/sync on purpose: the fake must throw as Excel does. */
import { createFakeExcel, FakeOfficeError } from "../fake-excel";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";

const wb = (): WorkbookSnapshot => ({
  sheets: [
    { name: "公开01表", origin: { row: 0, col: 0 }, values: [["标题", null], [1, 2]], merges: [{ top: 0, left: 0, bottom: 0, right: 1 }] },
    { name: "表 2", origin: { row: 0, col: 0 }, values: [["x"]], merges: [] },
  ],
});

describe("fake Excel behaves like Excel where the adapter depends on it", () => {
  test("reading a property before load()+sync() throws PropertyNotLoaded", async () => {
    const { Excel } = createFakeExcel(wb());
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("公开01表").getRange("A1:B2");
      expect(() => range.values).toThrow(/is not available/);
      try {
        void range.values;
      } catch (e) {
        expect((e as FakeOfficeError).code).toBe("PropertyNotLoaded");
      }
      range.load("values");
      expect(() => range.values).toThrow(FakeOfficeError); // loaded only after sync
      await context.sync();
      expect(range.values).toEqual([["标题", ""], [1, 2]]);
      expect(() => range.address).toThrow(/not available/); // not loaded
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/not available/);
    });
  });

  test("writes apply at sync time, and mismatched dimensions fail the sync with InvalidArgument", async () => {
    const { Excel, state } = createFakeExcel(wb());
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("表 2");
      ws.getRange("B1:C1").values = [["a", "b"]];
      expect(state.sheet("表 2")!.cell("B1")).toBeNull();
      await context.sync();
      expect(state.sheet("表 2")!.cell("C1")).toBe("b");
      ws.getRange("A1:B2").values = [["only one row", "x"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
  });

  test("addresses quote sheet names as Excel does; merged areas; null objects; counted syncs", async () => {
    const { Excel, state } = createFakeExcel(wb());
    await Excel.run(async (context) => {
      const a = context.workbook.worksheets.getItem("公开01表").getRange("B2");
      const b = context.workbook.worksheets.getItem("表 2").getUsedRangeOrNullObject(true);
      const m = context.workbook.worksheets.getItem("公开01表").getRange().getMergedAreasOrNullObject();
      const none = context.workbook.worksheets.getItem("表 2").getRange().getMergedAreasOrNullObject();
      const missing = context.workbook.worksheets.getItemOrNullObject("没有");
      a.load("address");
      b.load("address");
      m.load("address");
      none.load("address");
      missing.load("name");
      await context.sync();
      expect(a.address).toBe("公开01表!B2");
      expect(b.address).toBe("'表 2'!A1");
      expect(m.address).toBe("公开01表!A1:B1");
      expect(none.isNullObject).toBe(true);
      expect(missing.isNullObject).toBe(true);
      // Chaining off a null object fails the batch (the fake is stricter than Excel where unsure).
      missing.getRange("A1").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidObjectPath" });
    });
    expect(state.syncCount).toBe(2);
  });

  test("RangeAreas.areas lists each merged area", async () => {
    const snap = wb();
    snap.sheets[0].merges.push({ top: 3, left: 0, bottom: 5, right: 0 });
    const { Excel } = createFakeExcel(snap);
    await Excel.run(async (context) => {
      const merged = context.workbook.worksheets.getItem("公开01表").getRange().getMergedAreasOrNullObject();
      merged.load("areaCount");
      const areas = merged.areas;
      areas.load("items/address");
      await context.sync();
      expect(merged.areaCount).toBe(2);
      expect(areas.items.map((r) => r.address)).toEqual(["公开01表!A1:B1", "公开01表!A4:A6"]);
    });
  });

  test("getItem of a missing sheet fails the sync with ItemNotFound", async () => {
    const { Excel } = createFakeExcel(wb());
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("不存在").activate();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test("objects cannot be used after Excel.run has finished", async () => {
    const { Excel } = createFakeExcel(wb());
    let leaked: Excel.Range | undefined;
    await Excel.run(async (context) => {
      leaked = context.workbook.worksheets.getItem("表 2").getRange("A1");
      await context.sync();
    });
    expect(() => leaked!.load("values")).toThrow(FakeOfficeError);
  });

  test("sheet add/rename/visibility/delete/copy and number formats", async () => {
    const { Excel, state } = createFakeExcel(wb());
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const s = sheets.add("新表");
      s.getRange("A1").numberFormat = [["@"]];
      s.getRange("A1").values = [["0012"]];
      s.getRange("A2").values = [["0012"]];
      sheets.getItem("表 2").name = "表2";
      await context.sync();
      expect(state.sheet("新表")!.cell("A1")).toBe("0012");
      expect(state.sheet("新表")!.cell("A2")).toBe(12);
      sheets.add("表2");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
      const c = sheets.getItem("新表").copy("End");
      c.load("name");
      sheets.getItem("新表").visibility = "VeryHidden" as Excel.SheetVisibility;
      await context.sync();
      expect(c.name).toBe("新表 (2)");
      sheets.getItem("表2").delete();
      await context.sync();
    });
    expect(state.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["公开01表", "Visible"],
      ["新表", "VeryHidden"],
      ["新表 (2)", "Visible"],
    ]);
  });

  test("a response over the payload limit fails with ResponsePayloadSizeLimitExceeded", async () => {
    const { Excel } = createFakeExcel(wb(), { maxResponseBytes: 10 });
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("公开01表").getRange("A1:B2").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });
});
