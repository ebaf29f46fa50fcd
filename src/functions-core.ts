/**
 * The logic behind the JS.* custom functions, free of Office: argument coercion of Excel-shaped
 * values and the calls into src/money. The shells in functions/functions.ts only turn a
 * FnResult into a value or a CustomFunctions.Error. Nothing here throws or yields NaN.
 */
import type Decimal from "decimal.js";
import { D, fromCellNumber, round } from "./money/decimal";
import { executionRate, share, sharesToHundred, tailTolerance, tie, yoy } from "./money/calc";
import { toNumber, type NumberStyle } from "./money/format";
import { parseAmount } from "./money/parse";
import { convert, yuanToWanDisplay, type Unit } from "./money/units";
import { DEFAULT_WORDING, execText, yoyText } from "./money/wording";
import { cellFen, formatScaled, percentScaled, scaledDiv, scaledToNumber, sharesFen } from "./money/fen";

/** The CustomFunctions.ErrorCode names the shells may map to. */
export type FnErrorCode = "InvalidValue" | "DivisionByZero" | "NotAvailable";

export type FnResult<T> = { ok: true; value: T } | { ok: false; code: FnErrorCode; message: string };

/** A single cell as Excel hands it to a custom function (blank: null on the web, 0 on desktop). */
export type CellArg = unknown;
/** A range: a 2-D array of cells (a single value is accepted as a 1×1 range). */
export type RangeArg = unknown;

export function ok<T>(value: T): FnResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: FnErrorCode, message: string): FnResult<T> {
  return { ok: false, code, message };
}

const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|BUSY!|FIELD!|CONNECT!|BLOCKED!|UNKNOWN!)$/i;
const MAX_DECIMALS = 10;

/** An error value as it may reach a function: "#N/A" text, a CustomFunctions.Error-like or a typed cell value. */
function errorValueName(v: unknown): string | null {
  if (typeof v === "string" && ERROR_TEXT.test(v.trim())) return v.trim().toUpperCase();
  if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (o.type === "Error" || typeof o.errorType === "string") {
      return typeof o.basicValue === "string" ? o.basicValue : `#${String(o.errorType ?? "ERROR")}`;
    }
    if (typeof o.code === "string" && (ERROR_TEXT.test(o.code) || /^[A-Z][A-Za-z]+$/.test(o.code))) return o.code;
  }
  return null;
}

function shortText(v: unknown): string {
  const s = String(v).trim();
  return s.length > 20 ? s.slice(0, 20) + "…" : s;
}

/** A 1×1 range, a typed cell value ({ basicValue }) or a plain value → the plain scalar. */
function unwrapScalar(v: unknown, name: string): FnResult<unknown> {
  let x = v;
  if (Array.isArray(x)) {
    const cells = x.flat();
    if (cells.length !== 1) return fail("InvalidValue", `参数“${name}”应为单个单元格，不是区域`);
    x = cells[0];
  }
  if (x !== null && typeof x === "object" && !Array.isArray(x) && "basicValue" in (x as object) && errorValueName(x) === null) {
    x = (x as { basicValue: unknown }).basicValue;
  }
  return ok(x);
}

/**
 * One amount argument. Blank (null/undefined/""/"-"/"—") is 0; numbers keep the 15 digits Excel
 * shows; text is parsed as accountants write it ("2,940.05", "３．５万元"). A number with a unit
 * in its text is converted to `unit`; a plain number is taken to be in `unit` already.
 * Booleans, error values and other text are errors with a Chinese message naming the argument.
 */
export function coerceAmount(v: CellArg, name: string, unit: Unit = "万元"): FnResult<Decimal> {
  // Hot path: most arguments are plain finite numbers.
  if (typeof v === "number" && Number.isFinite(v)) return { ok: true, value: fromCellNumber(v) };
  const s = unwrapScalar(v, name);
  if (!s.ok) return s;
  const x = s.value;
  const err = errorValueName(x);
  if (err !== null) return fail("NotAvailable", `参数“${name}”是错误值${err}，请先更正引用的单元格`);
  if (typeof x === "boolean") return fail("InvalidValue", `参数“${name}”是逻辑值${x ? "TRUE" : "FALSE"}，不是金额`);
  if (typeof x === "number" && !Number.isFinite(x)) return fail("InvalidValue", `参数“${name}”不是有效数字`);
  if (x !== null && x !== undefined && typeof x !== "number" && typeof x !== "string") {
    return fail("InvalidValue", `参数“${name}”无法识别为金额`);
  }
  try {
    const p = parseAmount(x);
    return ok(p.unit && p.unit !== unit ? convert(p.value, p.unit, unit) : p.value);
  } catch {
    return fail("InvalidValue", `参数“${name}”的“${shortText(x)}”不是有效的金额`);
  }
}

/** A range of amounts, flattened row by row; blank cells are 0. `blanks` counts cells that were blank or a dash. */
export function coerceAmounts(
  v: RangeArg,
  name: string,
  unit: Unit = "万元",
): FnResult<{ values: Decimal[]; blanks: boolean[]; rows: number; cols: number }> {
  const grid: unknown[][] = Array.isArray(v) ? (v.every((r) => Array.isArray(r)) ? (v as unknown[][]) : [v]) : [[v]];
  const rows = grid.length;
  let cols = 0;
  for (const r of grid) if (r.length > cols) cols = r.length;
  const values: Decimal[] = [];
  const blanks: boolean[] = [];
  let k = 0;
  for (const row of grid) {
    for (const cell of row) {
      k++;
      const label = `${name}第${k}个单元格`;
      const c = coerceAmount(cell, label, unit);
      if (!c.ok) return c;
      values.push(c.value);
      blanks.push(isBlankCell(cell));
    }
  }
  if (values.length === 0) return fail("InvalidValue", `参数“${name}”是空区域`);
  return ok({ values, blanks, rows, cols });
}

function isBlankCell(cell: unknown): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== "string") return false;
  try {
    return parseAmount(cell).implicitZero;
  } catch {
    return false;
  }
}

/**
 * Decimals argument (like ROUND's num_digits): 1–10, fractions truncated. Omitted (Excel passes null),
 * blank or 0 → fallback: a blank cell reaches a custom function as null on the web and as 0 on desktop
 * (OfficeDev/office-js #4702), so 0 must mean the same as blank for both to give one answer.
 */
export function coerceDecimals(v: CellArg, fallback = 2): FnResult<number> {
  const s = unwrapScalar(v, "小数位数");
  if (!s.ok) return s;
  const x = s.value;
  if (x === null || x === undefined || x === 0 || (typeof x === "string" && x.trim() === "")) return ok(fallback);
  const err = errorValueName(x);
  if (err !== null) return fail("NotAvailable", `参数“小数位数”是错误值${err}`);
  let n: number;
  if (typeof x === "number") n = x;
  else if (typeof x === "string" && /^\s*[+-]?\d+(\.\d+)?\s*$/.test(x.normalize("NFKC"))) n = Number(x.normalize("NFKC"));
  else return fail("InvalidValue", `参数“小数位数”应为0到${MAX_DECIMALS}之间的整数`);
  if (!Number.isFinite(n)) return fail("InvalidValue", `参数“小数位数”应为0到${MAX_DECIMALS}之间的整数`);
  const t = Math.trunc(n);
  if (t < 0 || t > MAX_DECIMALS) return fail("InvalidValue", `参数“小数位数”应为0到${MAX_DECIMALS}之间的整数`);
  return ok(t === 0 ? fallback : t);
}

/** A short text option such as the unit of YOYTEXT; blank or 0 (a blank cell on desktop) → fallback. */
export function coerceText(v: CellArg, name: string, fallback: string, maxLength = 10): FnResult<string> {
  const s = unwrapScalar(v, name);
  if (!s.ok) return s;
  const x = s.value;
  if (x === null || x === undefined || x === 0) return ok(fallback);
  const err = errorValueName(x);
  if (err !== null) return fail("NotAvailable", `参数“${name}”是错误值${err}`);
  if (typeof x !== "string") return fail("InvalidValue", `参数“${name}”应为文字，例如“${fallback}”`);
  const t = x.trim();
  if (t === "") return ok(fallback);
  if (t.length > maxLength) return fail("InvalidValue", `参数“${name}”过长（最多${maxLength}个字）`);
  return ok(t);
}

/** Runs a computation and turns any unexpected exception into an InvalidValue result. */
function guard<T>(f: () => FnResult<T>): FnResult<T> {
  try {
    return f();
  } catch (e) {
    return fail("InvalidValue", `计算出错：${e instanceof Error ? e.message : String(e)}`);
  }
}

/** A finished, rounded Decimal handed to Excel as a number (never NaN). */
function num(d: Decimal): number {
  const n = toNumber(d);
  return Number.isFinite(n) ? (Object.is(n, -0) ? 0 : n) : 0;
}

/** Text results print numbers as the seed report does: "12", "3.5", "40.01" (trailing zeros dropped). */
const TEXT_STYLE: NumberStyle = "trim";

const L = {
  actual: "决算数",
  budget: "预算数",
  current: "本年数",
  prior: "上年数",
  part: "分项数",
  total: "合计数",
  parts: "分项区域",
  yuan: "金额（元）",
  tolerance: "容差",
  unit: "单位",
};

/** EXECRATE: 决算数 / 预算数 × 100, half-up to `decimals`. */
function execRateDecimal(actual: CellArg, budget: CellArg, decimals?: CellArg): FnResult<number> {
  return guard(() => {
    const a = coerceAmount(actual, L.actual);
    if (!a.ok) return a;
    const b = coerceAmount(budget, L.budget);
    if (!b.ok) return b;
    const dp = coerceDecimals(decimals);
    if (!dp.ok) return dp;
    const r = executionRate(a.value, b.value);
    if (r.kind === "noBudget") return fail("DivisionByZero", MSG.noBudget);
    if (r.kind === "negativeBudget") return fail("InvalidValue", MSG.negativeBudget);
    return ok(num(round(r.rate, dp.value)));
  });
}

/** YOYCHANGE: 本年数 − 上年数, exact. */
function yoyChangeDecimal(current: CellArg, prior: CellArg): FnResult<number> {
  return guard(() => {
    const c = coerceAmount(current, L.current);
    if (!c.ok) return c;
    const p = coerceAmount(prior, L.prior);
    if (!p.ok) return p;
    return ok(num(c.value.minus(p.value)));
  });
}

/** YOYRATE: (本年数 − 上年数) / 上年数 × 100, signed, half-up; 持平 → 0. */
function yoyRateDecimal(current: CellArg, prior: CellArg, decimals?: CellArg): FnResult<number> {
  return guard(() => {
    const c = coerceAmount(current, L.current);
    if (!c.ok) return c;
    const p = coerceAmount(prior, L.prior);
    if (!p.ok) return p;
    const dp = coerceDecimals(decimals);
    if (!dp.ok) return dp;
    const r = yoy(c.value, p.value);
    if (r.kind === "flat") return ok(0);
    if (r.kind === "noPrior") {
      return r.priorNegative
        ? fail("InvalidValue", MSG.negativePrior)
        : fail("DivisionByZero", MSG.noPrior);
    }
    const signed = r.kind === "decrease" ? r.rate.abs().neg() : r.rate.abs();
    return ok(num(round(signed, dp.value)));
  });
}

/** SHARE: 分项数 / 合计数 × 100, half-up. */
function shareDecimal(part: CellArg, total: CellArg, decimals?: CellArg): FnResult<number> {
  return guard(() => {
    const p = coerceAmount(part, L.part);
    if (!p.ok) return p;
    const t = coerceAmount(total, L.total);
    if (!t.ok) return t;
    const dp = coerceDecimals(decimals);
    if (!dp.ok) return dp;
    const s = share(p.value, t.value);
    if (s === null) return fail("DivisionByZero", MSG.zeroTotal);
    return ok(num(round(s, dp.value)));
  });
}

/**
 * SHARES: the shares of a column (or a row) of parts, summing to exactly 100 (largest remainder,
 * ties to the earlier item). Returned in the shape of the input: n×1 for a column, 1×n for a row.
 */
function sharesDecimal(parts: RangeArg, decimals?: CellArg): FnResult<number[][]> {
  return guard(() => {
    const r = coerceAmounts(parts, L.parts);
    if (!r.ok) return r;
    const { values, rows, cols } = r.value;
    if (rows > 1 && cols > 1) return fail("InvalidValue", MSG.block);
    const dp = coerceDecimals(decimals);
    if (!dp.ok) return dp;
    const s = sharesToHundred(values, dp.value);
    if (s.kind === "zeroTotal") return fail("DivisionByZero", MSG.zeroParts);
    if (s.kind === "negativePart") return fail("InvalidValue", MSG.negativePart(s.index));
    const out = s.shares.map(num);
    return ok(rows === 1 && cols > 1 ? [out] : out.map((x) => [x]));
  });
}

/** YOYTEXT: "增加X万元，增长Y%", "减少X万元，下降Y%", "与上年持平", or the amount and 增长率无可比性. */
function yoyTextDecimal(current: CellArg, prior: CellArg, unit?: CellArg): FnResult<string> {
  return guard(() => {
    const c = coerceAmount(current, L.current);
    if (!c.ok) return c;
    const p = coerceAmount(prior, L.prior);
    if (!p.ok) return p;
    const u = coerceText(unit, L.unit, "万元");
    if (!u.ok) return u;
    return ok(yoyText(c.value, p.value, { unit: u.value, style: TEXT_STYLE }));
  });
}

/** EXECTEXT: "完成预算100%", "完成预算90.12%，决算数小于预算数", … */
function execTextDecimal(actual: CellArg, budget: CellArg): FnResult<string> {
  return guard(() => {
    const a = coerceAmount(actual, L.actual);
    if (!a.ok) return a;
    const b = coerceAmount(budget, L.budget);
    if (!b.ok) return b;
    return ok(execText(a.value, b.value, { style: TEXT_STYLE }));
  });
}

/** WANYUAN: an amount in 元 shown in 万元, half-up (10050 → 1.01). */
function wanYuanDecimal(yuan: CellArg, decimals?: CellArg): FnResult<number> {
  return guard(() => {
    const y = coerceAmount(yuan, L.yuan, "元");
    if (!y.ok) return y;
    const dp = coerceDecimals(decimals);
    if (!dp.ok) return dp;
    return ok(num(yuanToWanDisplay(y.value, dp.value)));
  });
}

// ---------------------------------------------------------------------------------------------
// Fast path: when every amount is a plain 2-decimal number (or plain amount text), the functions
// compute in integer 分 (src/money/fen.ts), exactly and with results identical to the Decimal
// path below them; anything else, or any result that would leave the safe-integer range, takes
// the Decimal path. DECIMAL_PATH exposes the Decimal-only versions for the equivalence tests.

const W = DEFAULT_WORDING;
const WAN = "万元";

const MSG = {
  noBudget: "预算数为0，执行率无可比性",
  negativeBudget: "预算数为负数，执行率无可比性",
  noPrior: "上年数为0，增长率无可比性",
  negativePrior: "上年数为负数，增长率无可比性",
  zeroTotal: "合计数为0，占比无可比性",
  block: "请只选择一列（或一行）分项数",
  zeroParts: "各分项合计为0，无法计算占比",
  negativePart: (i: number) => `第${i + 1}项为负数，无法计算占比`,
};

/** The decimals argument when it is blank or a plain integer-valued number in range; −1 otherwise (see coerceDecimals: 0 is blank). */
function fastDecimals(v: unknown): number {
  if (v === undefined || v === null) return 2;
  if (typeof v === "number" && v > -1 && v < MAX_DECIMALS + 1) return Math.trunc(v) === 0 ? 2 : Math.trunc(v);
  return -1;
}

/** Wording templates split once into literals (even indices) and slot names (odd indices). */
const TEMPLATE_PARTS = new Map<string, string[]>();
const SLOT = /\{(\w+)\}/;

/** Same output as src/money/wording.ts fill(): unknown slots stay visible. */
function fillFast(template: string, slots: Record<string, string>): string {
  let parts = TEMPLATE_PARTS.get(template);
  if (parts === undefined) {
    parts = template.split(SLOT);
    TEMPLATE_PARTS.set(template, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i];
    out += (k in slots ? String(slots[k]) : `{${k}}`) + parts[i + 1];
  }
  return out;
}

/** EXECRATE: 决算数 / 预算数 × 100, half-up to `decimals`. */
export function execRateFn(actual: CellArg, budget: CellArg, decimals?: CellArg): FnResult<number> {
  const a = cellFen(actual);
  const b = cellFen(budget);
  const dp = fastDecimals(decimals);
  if (a !== null && b !== null && dp >= 0) {
    if (b === 0) return fail("DivisionByZero", MSG.noBudget);
    if (b < 0) return fail("InvalidValue", MSG.negativeBudget);
    const r = percentScaled(a, b, dp);
    if (r !== null) return ok(scaledToNumber(r, dp));
  }
  return execRateDecimal(actual, budget, decimals);
}

/** YOYCHANGE: 本年数 − 上年数, exact. */
export function yoyChangeFn(current: CellArg, prior: CellArg): FnResult<number> {
  const c = cellFen(current);
  const p = cellFen(prior);
  if (c !== null && p !== null) return ok(scaledToNumber(c - p, 2));
  return yoyChangeDecimal(current, prior);
}

/** YOYRATE: (本年数 − 上年数) / 上年数 × 100, signed, half-up; 持平 → 0. */
export function yoyRateFn(current: CellArg, prior: CellArg, decimals?: CellArg): FnResult<number> {
  const c = cellFen(current);
  const p = cellFen(prior);
  const dp = fastDecimals(decimals);
  if (c !== null && p !== null && dp >= 0) {
    const change = c - p;
    if (change === 0) return ok(0);
    if (p === 0) return fail("DivisionByZero", MSG.noPrior);
    if (p < 0) return fail("InvalidValue", MSG.negativePrior);
    const r = percentScaled(change, p, dp);
    if (r !== null) return ok(scaledToNumber(r, dp));
  }
  return yoyRateDecimal(current, prior, decimals);
}

/** SHARE: 分项数 / 合计数 × 100, half-up. */
export function shareFn(part: CellArg, total: CellArg, decimals?: CellArg): FnResult<number> {
  const p = cellFen(part);
  const t = cellFen(total);
  const dp = fastDecimals(decimals);
  if (p !== null && t !== null && dp >= 0) {
    if (t === 0) return fail("DivisionByZero", MSG.zeroTotal);
    const r = percentScaled(p, t, dp);
    if (r !== null) return ok(scaledToNumber(r, dp));
  }
  return shareDecimal(part, total, decimals);
}

/**
 * SHARES: the shares of a column (or a row) of parts, summing to exactly 100 (largest remainder,
 * ties to the earlier item). Returned in the shape of the input: n×1 for a column, 1×n for a row.
 */
export function sharesFn(parts: RangeArg, decimals?: CellArg): FnResult<number[][]> {
  const dp = fastDecimals(decimals);
  if (dp >= 0 && Array.isArray(parts) && parts.length > 0) {
    const grid: unknown[] = parts;
    let nested = true;
    for (let i = 0; i < grid.length; i++) if (!Array.isArray(grid[i])) nested = false;
    const rowList = nested ? (grid as unknown[][]) : [grid];
    const rows = rowList.length;
    let cols = 0;
    const fen: number[] = [];
    let okCells = true;
    for (let i = 0; i < rows && okCells; i++) {
      const row = rowList[i];
      if (row.length > cols) cols = row.length;
      for (let j = 0; j < row.length; j++) {
        const f = cellFen(row[j]);
        if (f === null) {
          okCells = false;
          break;
        }
        fen.push(f);
      }
    }
    if (okCells && fen.length > 0) {
      if (rows > 1 && cols > 1) return fail("InvalidValue", MSG.block);
      const s = sharesFen(fen, dp);
      if (s !== null) {
        if (s.kind === "zeroTotal") return fail("DivisionByZero", MSG.zeroParts);
        if (s.kind === "negativePart") return fail("InvalidValue", MSG.negativePart(s.index));
        const out: number[] = s.units.map((u) => scaledToNumber(u, dp));
        return ok(rows === 1 && cols > 1 ? [out] : out.map((x) => [x]));
      }
    }
  }
  return sharesDecimal(parts, decimals);
}

/** YOYTEXT: "增加X万元，增长Y%", "减少X万元，下降Y%", "与上年持平", or the amount and 增长率无可比性. */
export function yoyTextFn(current: CellArg, prior: CellArg, unit?: CellArg): FnResult<string> {
  const c = cellFen(current);
  const p = cellFen(prior);
  if (c !== null && p !== null) {
    let u = WAN;
    if (unit !== undefined && unit !== null) {
      const t = coerceText(unit, L.unit, WAN);
      if (!t.ok) return t;
      u = t.value;
    }
    const change = c - p;
    if (change === 0) return ok(W.flat);
    const abs = change < 0 ? -change : change;
    const changeText = formatScaled(abs, 2, "trim");
    if (p <= 0) return ok(fillFast(change > 0 ? W.noPriorIncrease : W.noPriorDecrease, { change: changeText, unit: u }));
    const r = percentScaled(abs, p, 2);
    if (r !== null) {
      const rate = formatScaled(r, 2, "trim");
      return ok(fillFast(change > 0 ? W.increase : W.decrease, { change: changeText, unit: u, rate }));
    }
  }
  return yoyTextDecimal(current, prior, unit);
}

/** EXECTEXT: "完成预算100%", "完成预算90.12%，决算数小于预算数", … */
export function execTextFn(actual: CellArg, budget: CellArg): FnResult<string> {
  const a = cellFen(actual);
  const b = cellFen(budget);
  if (a !== null && b !== null) {
    if (b === 0) return ok(a === 0 ? W.execNoBudgetNoActual : W.execNoBudget);
    if (b < 0) return ok(W.execNegativeBudget);
    if (a === b) return ok(W.execEqual);
    const r = percentScaled(a, b, 2);
    if (r !== null) return ok(fillFast(a > b ? W.execOver : W.execUnder, { rate: formatScaled(r, 2, "trim") }));
  }
  return execTextDecimal(actual, budget);
}

/** WANYUAN: an amount in 元 shown in 万元, half-up (10050 → 1.01). */
export function wanYuanFn(yuan: CellArg, decimals?: CellArg): FnResult<number> {
  const y = cellFen(yuan);
  const dp = fastDecimals(decimals);
  if (y !== null && dp >= 0) {
    // y 分 = y / 10^6 万元
    const r = scaledDiv(y, dp, 1_000_000);
    if (r !== null) return ok(scaledToNumber(r, dp));
  }
  return wanYuanDecimal(yuan, decimals);
}

/** The Decimal-only implementations (no integer fast path), for equivalence tests and benches. */
export const DECIMAL_PATH = {
  execRateFn: execRateDecimal,
  yoyChangeFn: yoyChangeDecimal,
  yoyRateFn: yoyRateDecimal,
  shareFn: shareDecimal,
  sharesFn: sharesDecimal,
  yoyTextFn: yoyTextDecimal,
  execTextFn: execTextDecimal,
  wanYuanFn: wanYuanDecimal,
};

/** A difference as printed: at least two decimals, more only when the inputs had more. */
function diffText(d: Decimal): string {
  const a = new D(d).abs();
  return a.decimalPlaces() > 2 ? a.toFixed() : a.toFixed(2);
}

/**
 * TIE: does a total foot with its parts? "一致"; "尾差0.01" within DOMAIN §0's tolerance
 * (0.01 × ⌊(n+1)/2⌋ for n non-zero parts) or the given one; otherwise "不一致：差X万元".
 * n counts non-zero parts, not non-blank cells: inside a range argument a blank cell arrives as 0
 * (OfficeDev/office-js #1951, #5262), on the web sometimes as null, so blank and 0 cannot be told
 * apart and must count alike. A blank or 0 tolerance (a blank cell: null on the web, 0 on desktop,
 * OfficeDev/office-js #4702) means the default one.
 */
export function tieFn(total: CellArg, parts: RangeArg, tolerance?: CellArg): FnResult<string> {
  return guard(() => {
    const t = coerceAmount(total, L.total);
    if (!t.ok) return t;
    const r = coerceAmounts(parts, L.parts);
    if (!r.ok) return r;
    let tol: Decimal;
    const tolScalar = unwrapScalar(tolerance, L.tolerance);
    if (!tolScalar.ok) return tolScalar;
    if (tolScalar.value === null || tolScalar.value === undefined || tolScalar.value === "" || tolScalar.value === 0) {
      let n = 0;
      for (const v of r.value.values) if (!v.isZero()) n++;
      tol = tailTolerance(n);
    } else {
      const c = coerceAmount(tolScalar.value, L.tolerance);
      if (!c.ok) return c;
      if (c.value.isNegative()) return fail("InvalidValue", "参数“容差”不能为负数");
      tol = c.value;
    }
    const res = tie(t.value, r.value.values, tol);
    if (res.kind === "equal") return ok("一致");
    if (res.kind === "tail") return ok(`尾差${diffText(res.difference)}`);
    return ok(`不一致：差${diffText(res.difference)}万元`);
  });
}
