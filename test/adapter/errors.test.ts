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

describe("every documented Excel.ErrorCodes value has its own Chinese message", () => {
  // Excel.ErrorCodes, office-js-docs-reference docs-ref-autogen/excel/excel/excel.errorcodes.yml (2026-08).
  const DOCUMENTED = [
    "AccessDenied", "ApiNotFound", "Conflict", "EmptyChartSeries", "FilteredRangeConflict", "FormulaLengthExceedsLimit",
    "GeneralException", "InactiveWorkbook", "InsertDeleteConflict", "InvalidArgument", "InvalidBinding", "InvalidOperation",
    "InvalidOperationInCellEditMode", "InvalidReference", "InvalidSelection", "ItemAlreadyExists", "ItemNotFound",
    "MergedRangeConflict", "NonBlankCellOffSheet", "NotImplemented", "OpenWorkbookLinksBlocked", "OperationCellsExceedLimit",
    "PivotTableRangeConflict", "PowerQueryRefreshResourceChallenge", "RangeExceedsLimit", "RangeImageExceedsLimit",
    "RefreshWorkbookLinksBlocked", "RequestAborted", "ResponsePayloadSizeLimitExceeded", "UnsupportedFeature",
    "UnsupportedFillType", "UnsupportedOperation", "UnsupportedSheet",
  ];
  test.each(DOCUMENTED)("%s", (code) => {
    const msg = toUserMessage(new FakeOfficeError(code, "English text"));
    expect(msg).toMatch(/[\u4e00-\u9fff]/);
    expect(msg).not.toContain("Excel 操作失败（");
  });

  test("InvalidOperation is not only cell editing: protection and read-only files are named, with what to do", () => {
    const msg = toUserMessage(new FakeOfficeError("InvalidOperation", "x"));
    expect(msg).toContain("受保护");
    expect(msg).toContain("只读");
    expect(msg).toContain("编辑");
    expect(toUserMessage(new FakeOfficeError("AccessDenied", "x"))).toContain("撤销工作表保护");
  });
});
