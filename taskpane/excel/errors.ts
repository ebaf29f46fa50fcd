import { JuesuanError } from "../../src/money/errors";

/** Chinese text per Office error code (OfficeExtension.Error.code), for the pane's MessageBar. */
const OFFICE_MESSAGES: Record<string, string> = {
  ItemNotFound: "找不到所需的工作表或单元格，它可能已被删除或改名。请重新检查工作簿后再试。",
  InvalidArgument: "Excel 拒绝了这次操作：参数无效（例如工作表名称或单元格地址不正确）。",
  InvalidReference: "单元格引用无效，请检查工作表名称与单元格地址。",
  InvalidOperation: "Excel 当前无法执行此操作。若正在编辑单元格，请先按 Enter 或 Esc 退出编辑后重试。",
  InvalidOperationInCellEditMode: "Excel 正处于单元格编辑状态。请按 Enter 或 Esc 退出编辑，再重试。",
  EditModeCellEditing: "Excel 正处于单元格编辑状态。请按 Enter 或 Esc 退出编辑，再重试。",
  InvalidSelection: "无法选中该区域（工作表可能已隐藏）。",
  AccessDenied: "Excel 拒绝了这次操作：工作簿或工作表可能受保护、只读，或正在编辑单元格。请退出编辑、取消保护后重试。",
  ItemAlreadyExists: "同名的工作表已存在，请改名或删除后重试。",
  GeneralException: "Excel 在处理时出错，请稍后重试；如仍失败，请保存并重新打开工作簿。",
  Conflict: "工作簿正被其他操作或协作者修改，请稍后重试。",
  ApiNotFound: "当前 Excel 版本不支持此功能，请将 Excel 更新到最新版本。",
  NotImplemented: "当前 Excel 版本不支持此功能，请将 Excel 更新到最新版本。",
  UnsupportedOperation: "当前 Excel 不支持此操作。",
  ResponsePayloadSizeLimitExceeded: "工作簿数据量超过了 Excel 网页版单次传输的上限（约 5 MB）。",
  RequestPayloadSizeLimitExceeded: "写入的数据量超过了 Excel 网页版单次传输的上限（约 5 MB）。",
  RangeExceedsLimit: "区域过大，超过了 Excel 一次能读取的单元格数量上限。",
  OperationCellsExceedLimit: "操作涉及的单元格数量超过了 Excel 的上限。",
  RequestAborted: "请求被中断，请重试。",
  ActivityLimitReached: "操作过于频繁，请稍后重试。",
  InactiveWorkbook: "工作簿未处于活动状态，请切换到该工作簿后重试。",
  MergedRangeConflict: "操作与合并单元格冲突。",
  InsertDeleteConflict: "插入或删除操作与现有内容冲突。",
  PropertyNotLoaded: "加载项内部错误：读取了尚未加载的数据。请重试；如仍失败，请联系开发者。",
  InvalidObjectPath: "加载项内部错误：引用的 Excel 对象已失效。请重试。",
};

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
