import { createFakeExcel } from "../fake-excel";
import { navigateTo, toUserMessage } from "../../taskpane/excel";
import { JuesuanError } from "../../src/money/errors";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";

const NAMES = ["公开01表", "表1-收入支出决算总表", "表 1", "It's 表（附）", "隐藏表"];
const wb = (): WorkbookSnapshot => ({
  sheets: NAMES.map((name) => ({ name, origin: { row: 0, col: 0 }, values: [[name]], merges: [] })),
});

describe("navigateTo", () => {
  test.each(NAMES.slice(0, 4))("activates %s and selects the cell, in two syncs", async (name) => {
    const { Excel, state } = createFakeExcel(wb(), { visibility: { 隐藏表: "Hidden" } });
    await navigateTo(name, "C12", Excel);
    expect(state.activeSheet).toBe(name);
    expect(state.selection).toEqual({ sheet: name, address: "C12" });
    expect(state.syncCount).toBe(2);
  });

  test("selects a range and accepts $ signs", async () => {
    const { Excel, state } = createFakeExcel(wb());
    await navigateTo("表 1", "$B$3:D5", Excel);
    expect(state.selection).toEqual({ sheet: "表 1", address: "B3:D5" });
  });

  test("a sheet that is gone: a clear Chinese error, nothing selected", async () => {
    const { Excel, state } = createFakeExcel(wb());
    const err = await navigateTo("公开09表", "A1", Excel).catch((e) => e);
    expect(err).toBeInstanceOf(JuesuanError);
    expect(err.message).toBe("找不到工作表“公开09表”：它可能已被删除或改名。请重新检查工作簿后再试。");
    expect(toUserMessage(err)).toBe(err.message);
    expect(state.selection).toBeNull();
  });

  test("a hidden sheet and a bad address give Chinese errors", async () => {
    const { Excel } = createFakeExcel(wb(), { visibility: { 隐藏表: "Hidden" } });
    await expect(navigateTo("隐藏表", "A1", Excel)).rejects.toThrow("工作表已隐藏");
    await expect(navigateTo("表 1", "'表 1'!A1", Excel)).rejects.toThrow("单元格地址");
    await expect(navigateTo("表 1", "第三行", Excel)).rejects.toThrow("应形如 B12");
  });

  // Excel documents no error code for activating a hidden sheet: whatever it is, the user reads “工作表已隐藏”.
  test.each(["InvalidOperation", "GeneralException", "AccessDenied", "InvalidSelection"])("a hidden or very hidden sheet whose activate fails with %s says 工作表已隐藏", async (code) => {
    for (const vis of ["Hidden", "VeryHidden"] as const) {
      const { Excel, state } = createFakeExcel(wb(), { visibility: { 隐藏表: vis }, hiddenActivateCode: code });
      const err = await navigateTo("隐藏表", "A1", Excel).catch((e) => e);
      expect(err).toBeInstanceOf(JuesuanError);
      expect(err.message).toMatch(/^工作表已隐藏：“隐藏表”/);
      expect(state.selection).toBeNull();
    }
  });
});
