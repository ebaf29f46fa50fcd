/** Turns anything a service call rejects with into a Chinese message for a MessageBar. */

const OFFICE_CODES: Record<string, string> = {
  ItemNotFound: "找不到指定的工作表或单元格，可能已被删除或改名。",
  InvalidArgument: "参数无效，Excel 拒绝了这次操作。",
  InvalidReference: "引用无效，请检查工作表名称与单元格地址。",
  AccessDenied: "没有权限执行此操作，请确认工作簿未被保护。",
  InvalidOperation: "当前无法执行此操作（例如正在编辑单元格）。请退出单元格编辑后重试。",
  GeneralException: "Excel 处理时出错，请稍后重试。",
  ItemAlreadyExists: "同名的工作表已存在。",
  InsertDeleteConflict: "插入或删除与现有内容冲突。",
  ApiNotFound: "当前 Excel 版本不支持此功能，请升级 Excel 后重试。",
  Unauthenticated: "未登录或登录已失效。",
  RequestPayloadSizeLimitExceeded: "数据量过大，超出 Excel 单次处理的上限。",
  ActivityLimitReached: "操作过于频繁，请稍后重试。",
  Conflict: "工作簿正被其他操作修改，请稍后重试。",
  EditModeCellEditing: "请先退出单元格编辑状态，再重试。",
};

const HAS_CJK = /[\u4e00-\u9fff]/;

/** `action` names what failed, e.g. "检查", "生成情况说明". */
export function errorMessage(err: unknown, action: string): string {
  const prefix = `${action}失败：`;
  if (err && typeof err === "object") {
    const e = err as { code?: unknown; message?: unknown };
    const code = typeof e.code === "string" ? e.code : undefined;
    const message = typeof e.message === "string" ? e.message : "";
    if (message && HAS_CJK.test(message)) return prefix + message;
    if (code && OFFICE_CODES[code]) return prefix + OFFICE_CODES[code];
    if (message) return `${prefix}发生了意外错误（${message.slice(0, 200)}）。`;
  }
  if (typeof err === "string" && HAS_CJK.test(err)) return prefix + err;
  return `${prefix}发生了意外错误。`;
}
