import { toUserMessage, toAdapterError, ExcelAdapterError, readWorkbookSnapshot } from "../../taskpane/excel";
import { JuesuanError } from "../../src/money/errors";
import { FakeOfficeError, createFakeExcel } from "../fake-excel";

describe("Office errors become Chinese messages", () => {
  test.each([
    ["ItemNotFound", "找不到"],
    ["InvalidArgument", "参数无效"],
    ["GeneralException", "出错"],
    ["AccessDenied", "受保护"],
    ["InvalidOperationInCellEditMode", "编辑状态"],
    ["ResponsePayloadSizeLimitExceeded", "5 MB"],
    ["ApiNotFound", "更新"],
  ])("%s", (code, part) => {
    const msg = toUserMessage(new FakeOfficeError(code, "English text"));
    expect(msg).toContain(part);
    expect(msg).not.toContain("English text");
  });

  test("unknown codes still give Chinese text naming the code; JuesuanErrors pass through", () => {
    expect(toUserMessage(new FakeOfficeError("SomethingNew", "x"))).toBe("Excel 操作失败（SomethingNew）。请重试；如仍失败，请保存并重新打开工作簿。");
    expect(toUserMessage(new JuesuanError("k", "中文说明"))).toBe("中文说明");
    expect(toUserMessage("oops")).toContain("Excel 操作失败");
    const wrapped = toAdapterError(new FakeOfficeError("AccessDenied", "denied"));
    expect(wrapped).toBeInstanceOf(ExcelAdapterError);
    expect((wrapped as ExcelAdapterError).officeCode).toBe("AccessDenied");
  });

  test("adapter calls reject with JuesuanError only", async () => {
    const { Excel } = createFakeExcel({ sheets: [{ name: "A", origin: { row: 0, col: 0 }, values: [[1]], merges: [] }] }, { maxResponseBytes: 5 });
    const err = await readWorkbookSnapshot(Excel, { knownSheetNames: ["A"], maxCellsPerSync: 1 }).catch((e) => e);
    expect(err).toBeInstanceOf(JuesuanError);
    expect(err.message).toContain("5 MB");
  });
});
