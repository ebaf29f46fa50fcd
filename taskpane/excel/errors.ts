import { JuesuanError } from "../../src/money/errors";

/**
 * Chinese text per Office error code (OfficeExtension.Error.code), for the pane's MessageBar: what
 * happened and what to do. The codes are those of Excel.ErrorCodes (office-js-docs-reference,
 * excel.errorcodes.yml; described in "Excel JavaScript API error codes" on learn.microsoft.com) plus
 * OfficeExtension's own (PropertyNotLoaded, InvalidObjectPath, ActivityLimitReached). InvalidOperation
 * and AccessDenied are not only cell editing: protection and files opened read-only or view-only give
 * them too, so their text names every cause.
 */
const OFFICE_MESSAGES: Record<string, string> = {
  AccessDenied: "Excel 拒绝了这次操作：工作簿或工作表可能受保护，或文件以只读、“仅查看”方式打开。请取消保护（审阅 → 撤销工作表保护）或以可编辑方式打开文件后重试。",
  ApiNotFound: "当前 Excel 版本不支持此功能，请将 Excel 更新到最新版本。",
  Conflict: "工作簿正被其他操作或协作者修改，请稍后重试。",
  EmptyChartSeries: "图表没有可绘制的数据，请检查图表数据区域。",
  FilteredRangeConflict: "目标区域处于筛选状态，Excel 不允许在此写入。请清除筛选后重试。",
  FormulaLengthExceedsLimit: "公式过长，超过了 Excel 的上限。",
  GeneralException: "Excel 在处理时出错，请稍后重试；如仍失败，请保存并重新打开工作簿。",
  InactiveWorkbook: "工作簿未处于活动状态，请切换到该工作簿后重试。",
  InsertDeleteConflict: "插入或删除操作与现有内容冲突。",
  InvalidArgument: "Excel 拒绝了这次操作：参数无效（例如工作表名称或单元格地址不正确）。",
  InvalidBinding: "加载项的数据绑定已失效，请重新打开窗格后重试。",
  InvalidOperation:
    "Excel 不允许执行此操作。常见原因：工作表或工作簿受保护、文件以只读或“仅查看”方式打开、正在编辑单元格。请按 Enter 或 Esc 退出单元格编辑，撤销保护或以可编辑方式打开文件后重试。",
  InvalidOperationInCellEditMode: "Excel 正处于单元格编辑状态。请按 Enter 或 Esc 退出编辑，再重试。",
  EditModeCellEditing: "Excel 正处于单元格编辑状态。请按 Enter 或 Esc 退出编辑，再重试。",
  InvalidReference: "单元格引用无效，请检查工作表名称与单元格地址。",
  InvalidSelection: "无法选中该区域：工作表可能已隐藏或受保护。请取消隐藏或撤销保护后重试。",
  ItemAlreadyExists: "同名的工作表已存在，请改名或删除后重试。",
  ItemNotFound: "找不到所需的工作表或单元格，它可能已被删除或改名。请重新检查工作簿后再试。",
  MergedRangeConflict: "操作与合并单元格冲突：请先取消目标区域的合并单元格后重试。",
  NonBlankCellOffSheet: "Excel 无法插入单元格：工作表末尾的行或列中还有内容。请删除末尾多余的内容后重试。",
  NotImplemented: "当前 Excel 版本不支持此功能，请将 Excel 更新到最新版本。",
  OpenWorkbookLinksBlocked: "工作簿链接已被阻止，请在 Excel 中允许外部链接后重试。",
  OperationCellsExceedLimit: "操作涉及的单元格数量超过了 Excel 的上限，请删除多余的行、列后重试。",
  PivotTableRangeConflict: "目标区域与数据透视表重叠，Excel 不允许在此写入。请移动数据透视表后重试。",
  PowerQueryRefreshResourceChallenge: "Power Query 刷新需要权限，请在 Excel 中完成验证后重试。",
  RangeExceedsLimit: "区域过大，超过了 Excel 一次能读取的单元格数量上限（500 万个）。请删除表格以外多余的行、列后重试。",
  RangeImageExceedsLimit: "区域过大，无法生成图片。",
  RefreshWorkbookLinksBlocked: "工作簿链接的刷新已被阻止，请在 Excel 中允许外部链接后重试。",
  RequestAborted: "请求被中断，请重试。",
  ResponsePayloadSizeLimitExceeded: "工作簿数据量超过了 Excel 网页版单次传输的上限（约 5 MB）。",
  RequestPayloadSizeLimitExceeded: "写入的数据量超过了 Excel 网页版单次传输的上限（约 5 MB）。",
  UnsupportedFeature: "工作表中含有当前 Excel 不支持的功能，无法执行此操作。",
  UnsupportedFillType: "不支持的填充方式。",
  UnsupportedOperation: "当前 Excel 不支持此操作。",
  UnsupportedSheet: "此工作表类型（如宏表或对话框工作表）不支持此操作。",
  ActivityLimitReached: "操作过于频繁，请稍后重试。",
  PropertyNotLoaded: "加载项内部错误：读取了尚未加载的数据。请重试；如仍失败，请联系开发者。",
  InvalidObjectPath: "加载项内部错误：引用的 Excel 对象已失效。请重试。",
};

/** The Office error codes with a specific Chinese message (for tests). */
export const MAPPED_CODES: readonly string[] = Object.keys(OFFICE_MESSAGES);

/** An Office error turned into a user-facing Chinese error; keeps the Office code and the original error. */
export class ExcelAdapterError extends JuesuanError {
  constructor(
    public readonly officeCode: string | undefined,
    message: string,
    cause?: unknown,
  ) {
    super(officeCode ? `excel-${officeCode}` : "excel-unknown", message, cause);
    this.name = "ExcelAdapterError";
  }
}

/** The Office error code of e, if e looks like an OfficeExtension.Error. */
export function officeCode(e: unknown): string | undefined {
  if (e && typeof e === "object" && !(e instanceof JuesuanError)) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}

/** Chinese text for anything thrown by an Excel call (or by this adapter), fit for a MessageBar. */
export function toUserMessage(e: unknown): string {
  if (e instanceof JuesuanError) return e.message;
  const code = officeCode(e);
  if (code && OFFICE_MESSAGES[code]) return OFFICE_MESSAGES[code];
  const message = e && typeof e === "object" && typeof (e as { message?: unknown }).message === "string" ? (e as { message: string }).message : "";
  if (/[\u4e00-\u9fff]/.test(message)) return message;
  const detail = code ?? message.slice(0, 120);
  return detail ? `Excel 操作失败（${detail}）。请重试；如仍失败，请保存并重新打开工作簿。` : "Excel 操作失败。请重试；如仍失败，请保存并重新打开工作簿。";
}

/** Wraps any error as a JuesuanError with a Chinese message (JuesuanErrors pass through unchanged). */
export function toAdapterError(e: unknown): JuesuanError {
  if (e instanceof JuesuanError) return e;
  return new ExcelAdapterError(officeCode(e), toUserMessage(e), e);
}

/** True when e says the request or response was too large for one sync (so reading in chunks may help). */
export function isSizeLimitError(e: unknown): boolean {
  const code = officeCode(e);
  return code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded" || code === "RangeExceedsLimit" || code === "OperationCellsExceedLimit";
}
