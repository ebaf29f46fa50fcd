import { createFakeExcel } from "../fake-excel";
import { loadSettings, saveSetting, deleteSetting, readWorkbookSnapshot, navigateTo, writeNarrativeSheet } from "../../taskpane/excel";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";

const wb = (): WorkbookSnapshot => ({
  sheets: [{ name: "公开01表", origin: { row: 0, col: 0 }, values: [["x"]], merges: [] }],
  settings: { existing: { a: 1 } },
});

describe("workbook settings", () => {
  test("reading, navigating and writing the narrative never write a setting", async () => {
    const { Excel, state } = createFakeExcel(wb());
    expect(await loadSettings(Excel)).toEqual({ existing: { a: 1 } });
    await readWorkbookSnapshot(Excel);
    await navigateTo("公开01表", "A1", Excel);
    await writeNarrativeSheet([{ text: "一、部门职责", style: "heading1" }], { excel: Excel });
    expect(state.settingsWrites).toBe(0);
    expect(state.settings).toEqual({ existing: { a: 1 } });
  });

  test("saveSetting writes once, in one sync, and the value reads back", async () => {
    const { Excel, state } = createFakeExcel(wb());
    await saveSetting("tableOverrides", { T01: "公开01表" }, Excel);
    expect(state.syncCount).toBe(1);
    expect(state.settingsWrites).toBe(1);
    expect(await loadSettings(Excel)).toEqual({ existing: { a: 1 }, tableOverrides: { T01: "公开01表" } });
    expect((await readWorkbookSnapshot(Excel)).settings).toEqual({ existing: { a: 1 }, tableOverrides: { T01: "公开01表" } });
  });

  test("deleteSetting removes only an existing key; bad values are refused in Chinese", async () => {
    const { Excel, state } = createFakeExcel(wb());
    expect(await deleteSetting("nope", Excel)).toBe(false);
    expect(state.settingsWrites).toBe(0);
    expect(await deleteSetting("existing", Excel)).toBe(true);
    expect(state.settings).toEqual({});
    await expect(saveSetting("k", undefined, Excel)).rejects.toThrow("无法保存");
    await expect(saveSetting("", 1, Excel)).rejects.toThrow("不能为空");
  });
});
