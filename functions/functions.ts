/*
 * The JS.* custom functions. Each shell only hands Excel's arguments to src/functions-core.ts
 * and maps a failure to a CustomFunctions.Error with a Chinese message. The ids after
 * @customfunction are a contract: saved workbooks call them, so never rename one.
 * custom-functions-metadata-plugin builds functions.json from these JSDoc blocks and appends
 * the CustomFunctions.associate calls: never import this file from the pane or the commands.
 */
import {
  execRateFn,
  execTextFn,
  shareFn,
  sharesFn,
  tieFn,
  wanYuanFn,
  yoyChangeFn,
  yoyRateFn,
  yoyTextFn,
  type FnResult,
} from "../src/functions-core";


/**
 * A core result as Excel takes it: the value, or an error value. Only #VALUE! and #N/A may carry a
 * custom message; for #DIV/0! "a custom error message can't be used" (CustomFunctions.ErrorCode,
 * learn.microsoft.com). So a zero denominator is a plain #DIV/0!, as in any Excel division, and the
 * function help says when it happens; the other failures carry their Chinese message.
 */
function toExcel<T>(r: FnResult<T>): T | CustomFunctions.Error {
  if (r.ok) return r.value;
  const codes = CustomFunctions.ErrorCode;
  if (r.code === "DivisionByZero") return new CustomFunctions.Error(codes.divisionByZero);
  return new CustomFunctions.Error(r.code === "NotAvailable" ? codes.notAvailable : codes.invalidValue, r.message);
}

/**
 * 预算执行率（%）：决算数÷预算数×100，四舍五入。例：=JS.EXECRATE(63.38,75) 得 84.51。预算数为0时返回 #DIV/0!（预算数为0，执行率无可比性）。
 * @customfunction EXECRATE
 * @param actual 决算数（支出决算数，可为数字或“2,940.05”这样的文本）
 * @param budget 预算数（年初预算数或调整后预算数）
 * @param [decimals] 保留小数位数（1到10），省略、空白或0时为2
 * @returns 执行率（百分点，如84.51表示84.51%）
 */
export function execrate(actual: unknown, budget: unknown, decimals?: number): number | CustomFunctions.Error {
  return toExcel(execRateFn(actual, budget, decimals));
}

/**
 * 同比增减额：本年数－上年数，精确计算（不产生浮点误差）。
 * @customfunction YOYCHANGE
 * @param current 本年数
 * @param prior 上年数
 * @returns 增减额（正数为增加，负数为减少）
 */
export function yoychange(current: unknown, prior: unknown): number | CustomFunctions.Error {
  return toExcel(yoyChangeFn(current, prior));
}

/**
 * 同比增减率（%）：(本年数－上年数)÷上年数×100，带正负号，四舍五入。上年数为0时返回 #DIV/0!（增长率无可比性）。
 * @customfunction YOYRATE
 * @param current 本年数
 * @param prior 上年数
 * @param [decimals] 保留小数位数（1到10），省略、空白或0时为2
 * @returns 增减率（百分点，如-40.01表示下降40.01%）
 */
export function yoyrate(current: unknown, prior: unknown, decimals?: number): number | CustomFunctions.Error {
  return toExcel(yoyRateFn(current, prior, decimals));
}

/**
 * 占比（%）：分项数÷合计数×100，四舍五入。合计数为0时返回 #DIV/0!（占比无可比性）。
 * @customfunction SHARE
 * @param part 分项数
 * @param total 合计数
 * @param [decimals] 保留小数位数（1到10），省略、空白或0时为2
 * @returns 占比（百分点）
 */
export function share(part: unknown, total: unknown, decimals?: number): number | CustomFunctions.Error {
  return toExcel(shareFn(part, total, decimals));
}

/**
 * 一组分项的占比（%），按最大余数法调整尾差，合计恰为100，结果溢出为一列。
 * @customfunction SHARES
 * @param parts 分项数所在的一列（或一行）单元格，空白按0计
 * @returns 各分项占比（百分点），合计为100
 */
export function shares(parts: unknown[][]): unknown[][] {
  const r = sharesFn(parts);
  return r.ok ? r.value : [[toExcel(r) as CustomFunctions.Error]];
}

/**
 * 同比增减说明文字，如“减少157.39万元，下降40.01%”“与上年持平”“增加12万元（上年无此项，增长率无可比性）”。
 * @customfunction YOYTEXT
 * @param current 本年数
 * @param prior 上年数
 * @param [unit] 金额单位，省略时为“万元”
 * @returns 情况说明中的增减表述
 */
export function yoytext(current: unknown, prior: unknown, unit?: unknown): string | CustomFunctions.Error {
  return toExcel(yoyTextFn(current, prior, unit));
}

/**
 * 预算完成情况说明文字，如“完成预算100%”“完成预算90.12%，决算数小于预算数”。预算数与决算数均为0时不写执行率。
 * @customfunction EXECTEXT
 * @param actual 决算数
 * @param budget 预算数
 * @returns 情况说明中的预算完成表述
 */
export function exectext(actual: unknown, budget: unknown): string | CustomFunctions.Error {
  return toExcel(execTextFn(actual, budget));
}

/**
 * 元换算为万元，四舍五入（如10050元得1.01万元），与决算报表的显示口径一致。
 * @customfunction WANYUAN
 * @param amount 金额（元）
 * @param [decimals] 保留小数位数（1到10），省略、空白或0时为2
 * @returns 金额（万元）
 */
export function wanyuan(amount: unknown, decimals?: number): number | CustomFunctions.Error {
  return toExcel(wanYuanFn(amount, decimals));
}

/**
 * 勾稽核对：合计数与各分项之和是否一致。返回“一致”、“尾差0.01”（在四舍五入尾差允许范围内）或“不一致：差X万元”。
 * @customfunction TIE
 * @param total 合计数
 * @param parts 各分项所在的单元格区域，空白按0计
 * @param [tolerance] 允许的尾差（万元），省略、空白或0时按非零分项个数确定：0.01×⌊(分项数+1)/2⌋
 * @returns 核对结论
 */
export function tie(total: unknown, parts: unknown[][], tolerance?: unknown): string | CustomFunctions.Error {
  return toExcel(tieFn(total, parts, tolerance));
}
