import * as path from "path";
import { readXlsx } from "../../cli/adapters/xlsx";
import { createFakeExcel } from "../fake-excel";
import { readWorkbookSnapshot, writeNarrativeSheet, GENERATED_SHEET, SOURCES_SHEET, forgetWorkbook } from "../../taskpane/excel";
import type { NarrativeParagraph } from "../../taskpane/excel";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { FIXTURES, describeFixtures, fixtureFiles } from "./helpers";

const PARAS: NarrativeParagraph[] = [
  { text: "巴中市互联网信息办公室2020年度部门决算情况说明", style: "title" },
  { text: "一、收入支出决算总体情况说明", style: "heading1" },
  { text: "（一）收入", style: "heading2" },
  {
    text: "2020年度收入总计393.40万元。",
    style: "body",
    sources: [{ text: "393.40", sheet: "公开01表", cell: "B37" }],
  },
  { text: "", style: "body" },
  { text: "2020", style: "body" },
  { text: "=SUM(A1)", style: "body" },
];

const small = (): WorkbookSnapshot => ({
  sheets: [{ name: "公开01表", origin: { row: 0, col: 0 }, values: [["收入支出决算总表"]], merges: [] }],
});

describe("writeNarrativeSheet", () => {
  test("first write: creates the sheet and the veryHidden source map; one read sync + one write sync after a workbook read, + one to activate the new sheet", async () => {
    const { Excel, state } = createFakeExcel(small());
    await readWorkbookSnapshot(Excel);
    state.resetSyncCount();
    const res = await writeNarrativeSheet(PARAS, { excel: Excel });
    expect(res).toEqual({ sheet: GENERATED_SHEET, keptCopy: undefined, action: "created" });
    expect(state.syncCount).toBe(3);
    const gen = state.sheet(GENERATED_SHEET)!;
    expect(gen.values.map((r) => r[0])).toEqual(PARAS.map((p) => (p.text === "" ? null : p.text)));
    // Text is kept as typed: no number or formula parsing.
    expect(gen.cell("A6")).toBe("2020");
    expect(gen.format("A1")).toMatchObject({ bold: true, size: 16, wrapText: true, numberFormat: "@" });
    expect(gen.format("A2")).toMatchObject({ bold: true, size: 14 });
    expect(gen.format("A3")).toMatchObject({ bold: true, size: 12 });
    expect(gen.format("A4")).toMatchObject({ bold: false, size: 11, wrapText: true });
    expect(gen.columnWidth(0)).toBeGreaterThan(400);
    expect(state.activeSheet).toBe(GENERATED_SHEET);
    const map = state.sheet(SOURCES_SHEET)!;
    expect(map.visibility).toBe("VeryHidden");
    expect(map.values[1]).toEqual(["段落行", "数字", "来源工作表", "来源单元格"]);
    expect(map.values[2]).toEqual(["4", "393.40", "公开01表", "B37"]);
    // The user's sheet is untouched.
    expect(state.sheet("公开01表")!.values).toEqual([["收入支出决算总表"]]);
  });

  test("regenerating twice leaves one generated sheet (replaced while unchanged), two syncs each", async () => {
    const { Excel, state } = createFakeExcel(small());
    await readWorkbookSnapshot(Excel);
    await writeNarrativeSheet(PARAS, { excel: Excel });
    state.resetSyncCount();
    const second = await writeNarrativeSheet(PARAS.slice(0, 4), { excel: Excel });
    expect(second.action).toBe("replaced");
    expect(state.syncCount).toBe(2);
    const third = await writeNarrativeSheet([{ text: "新的一段", style: "body" }], { excel: Excel });
    expect(third.action).toBe("replaced");
    expect(state.sheets.map((s) => s.name)).toEqual(["公开01表", GENERATED_SHEET, SOURCES_SHEET]);
    expect(state.sheet(GENERATED_SHEET)!.values).toEqual([["新的一段"]]);
    expect(state.sheet(GENERATED_SHEET)!.format("A1")).toMatchObject({ bold: false, size: 11 });
    expect(state.sheet(SOURCES_SHEET)!.values.length).toBe(2);
  });

  test("a user-edited generated sheet is kept as a copy, and copies are numbered", async () => {
    const { Excel, state } = createFakeExcel(small());
    await readWorkbookSnapshot(Excel);
    await writeNarrativeSheet(PARAS, { excel: Excel });
    state.userEdit(GENERATED_SHEET, "A4", "2020年度收入总计393.40万元（已人工修改）。");
    const res = await writeNarrativeSheet(PARAS, { excel: Excel });
    expect(res).toEqual({ sheet: GENERATED_SHEET, keptCopy: `${GENERATED_SHEET}-旧版1`, action: "kept" });
    expect(state.sheet(`${GENERATED_SHEET}-旧版1`)!.cell("A4")).toBe("2020年度收入总计393.40万元（已人工修改）。");
    expect(state.sheet(GENERATED_SHEET)!.cell("A4")).toBe("2020年度收入总计393.40万元。");
    // The fresh sheet is unchanged again: the next write replaces it.
    expect((await writeNarrativeSheet(PARAS, { excel: Excel })).action).toBe("replaced");
    state.userEdit(GENERATED_SHEET, "B1", "批注");
    expect((await writeNarrativeSheet(PARAS, { excel: Excel })).keptCopy).toBe(`${GENERATED_SHEET}-旧版2`);
    expect(state.sheets.filter((s) => s.name === GENERATED_SHEET)).toHaveLength(1);
  });

  test("without a previous workbook read: the names sync is the read (2 syncs, + activation), or precedes it (3 syncs)", async () => {
    const { Excel, state } = createFakeExcel(small());
    await writeNarrativeSheet(PARAS, { excel: Excel });
    expect(state.syncCount).toBe(3);
    forgetWorkbook(Excel);
    state.resetSyncCount();
    expect((await writeNarrativeSheet(PARAS, { excel: Excel })).action).toBe("replaced");
    expect(state.syncCount).toBe(3);
  });

  test("a generated sheet made by a user (no fingerprint) is kept, never overwritten", async () => {
    const snap = small();
    snap.sheets.push({ name: GENERATED_SHEET, origin: { row: 0, col: 0 }, values: [["我自己写的说明"]], merges: [] });
    const { Excel, state } = createFakeExcel(snap);
    const res = await writeNarrativeSheet(PARAS, { excel: Excel });
    expect(res.action).toBe("kept");
    expect(state.sheet(res.keptCopy!)!.values).toEqual([["我自己写的说明"]]);
  });

  test("a user's sheet named like the source map is never touched", async () => {
    const snap = small();
    snap.sheets.push({ name: SOURCES_SHEET, origin: { row: 0, col: 0 }, values: [["用户数据"]], merges: [] });
    const { Excel, state } = createFakeExcel(snap);
    await readWorkbookSnapshot(Excel, { includeInternalSheets: true });
    await expect(writeNarrativeSheet(PARAS, { excel: Excel })).rejects.toThrow("不是决算助手创建的");
    expect(state.sheet(SOURCES_SHEET)!.values).toEqual([["用户数据"]]);
    expect(state.sheet(GENERATED_SHEET)).toBeUndefined();
  });

  test("bad input is refused in Chinese", async () => {
    const { Excel } = createFakeExcel(small());
    await expect(writeNarrativeSheet([], { excel: Excel })).rejects.toThrow("没有可写入");
    await expect(writeNarrativeSheet([{ text: "x", style: "quote" as never }], { excel: Excel })).rejects.toThrow("样式");
  });
});

describeFixtures("writeNarrativeSheet on a fixture workbook", () => {
  test("writes only the generated sheets; every user sheet reads back unchanged", async () => {
    const snap = await readXlsx(path.join(FIXTURES, fixtureFiles[0]));
    const { Excel, state } = createFakeExcel(snap);
    const before = await readWorkbookSnapshot(Excel);
    await writeNarrativeSheet(PARAS, { excel: Excel });
    await writeNarrativeSheet(PARAS, { excel: Excel });
    const after = await readWorkbookSnapshot(Excel);
    expect(after.sheets.filter((s) => s.name !== GENERATED_SHEET)).toEqual(before.sheets);
    expect(state.sheets.map((s) => s.name).filter((n) => n.startsWith("情况说明"))).toEqual(["情况说明", GENERATED_SHEET]);
  });
});
