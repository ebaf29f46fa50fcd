/**
 * Calls per second of EXECRATE, YOYTEXT and SHARES (the src/functions-core.ts logic behind the
 * custom functions, arguments as Excel passes them) over 100k random inputs, next to a naive
 * float implementation in the same run, and the ratio; also the Decimal-only path (no integer-分
 * fast path) for comparison. Counts where the float answer differs from the exact one, and stops
 * if the fast and Decimal paths ever disagree. Prints only; no timed assertion.
 */
import { DECIMAL_PATH, execRateFn, sharesFn, yoyTextFn } from "../src/functions-core";
import { rng } from "../scripts/rng";

const N = 100_000;
const SHARES_PARTS = 5;


const rand = rng(20240531);
/** An amount in 万元 with two decimals, as a cell holds it; now and then 0. */
const amount = (): number => (rand() < 0.03 ? 0 : Math.round(rand() * 100_000_00) / 100);
const pairs = Array.from({ length: N }, () => [amount(), amount()] as const);
const columns = Array.from({ length: N / SHARES_PARTS }, () => Array.from({ length: SHARES_PARTS }, () => [amount()]));

// Naive float versions: what a spreadsheet formula or a quick script would do, with the same
// job as the exact functions (coerce plain numbers and blanks, reject what is not a number,
// answer the same error cases, round to 2 decimals with Math.round, build the same sentences in
// the same "trim" style, SHARES by the largest remainder) and the same { ok, value } results.
type Res<T> = { ok: true; value: T } | { ok: false; code: string; message: string };
function floatArg(v: unknown): number {
  if (typeof v === "number") return Number.isFinite(v) ? v : NaN;
  return v === null || v === undefined ? 0 : NaN;
}
const bad = <T>(message: string): Res<T> => ({ ok: false, code: "InvalidValue", message });
function naiveExecRate(actual: unknown, budget: unknown, decimals?: unknown): Res<number> {
  const a = floatArg(actual);
  const b = floatArg(budget);
  if (Number.isNaN(a) || Number.isNaN(b)) return bad("参数不是金额");
  const dp = typeof decimals === "number" ? Math.trunc(decimals) : 2;
  if (b === 0) return { ok: false, code: "DivisionByZero", message: "预算数为0，执行率无可比性" };
  if (b < 0) return bad("预算数为负数，执行率无可比性");
  const p = 10 ** dp;
  return { ok: true, value: Math.round((a / b) * 100 * p) / p };
}
/** 2-decimal rounding printed without trailing zeros: 12, 3.5, 40.01. */
const trim2 = (x: number): string => String(Math.round(x * 100) / 100);
function naiveYoyText(current: unknown, prior: unknown, unit?: unknown): Res<string> {
  const c = floatArg(current);
  const p = floatArg(prior);
  if (Number.isNaN(c) || Number.isNaN(p)) return bad("参数不是金额");
  const u = typeof unit === "string" && unit.trim() !== "" ? unit.trim() : "万元";
  const d = c - p;
  const change = trim2(Math.abs(d));
  if (change === "0") return { ok: true, value: "与上年持平" };
  if (p <= 0) {
    return { ok: true, value: d > 0 ? `增加${change}${u}（上年无此项，增长率无可比性）` : `减少${change}${u}（上年数为负数，增长率无可比性）` };
  }
  const rate = trim2(Math.abs((d / p) * 100));
  return { ok: true, value: d > 0 ? `增加${change}${u}，增长${rate}%` : `减少${change}${u}，下降${rate}%` };
}
function naiveShares(col: unknown, decimals?: unknown): Res<number[][]> {
  const cells = (col as unknown[][]).map((r) => floatArg(r[0]));
  if (cells.some((x) => Number.isNaN(x))) return bad("参数不是金额");
  const neg = cells.findIndex((x) => x < 0);
  if (neg >= 0) return bad(`第${neg + 1}项为负数，无法计算占比`);
  const total = cells.reduce((s, x) => s + x, 0);
  if (total === 0) return { ok: false, code: "DivisionByZero", message: "各分项合计为0，无法计算占比" };
  const p = 10 ** (typeof decimals === "number" ? Math.trunc(decimals) : 2);
  const exact = cells.map((x) => (x / total) * 100 * p);
  const units = exact.map(Math.floor);
  let deficit = 100 * p - units.reduce((s, x) => s + x, 0);
  const order = exact.map((_, i) => i).sort((i, j) => exact[j] - units[j] - (exact[i] - units[i]) || i - j);
  for (let k = 0; deficit > 0 && k < order.length; k++, deficit--) units[order[k]] += 1;
  return { ok: true, value: units.map((x) => [x / p]) };
}

const REPEATS = 5;

/** Best of REPEATS timed runs after a warm-up (the machine is shared; the best run is the least disturbed). */
function time(f: () => void): number {
  f();
  let best = Infinity;
  for (let r = 0; r < REPEATS; r++) {
    const t0 = process.hrtime.bigint();
    f();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return best;
}

interface Row {
  name: string;
  calls: number;
  exact: number;
  decimal: number;
  float: number;
  differ: number;
}

type R = { ok: boolean; value?: unknown; code?: string };

function bench(name: string, calls: number, exact: () => R[], decimal: () => R[], float: () => R[]): Row {
  let e: R[] = [];
  let d: R[] = [];
  let f: R[] = [];
  const te = time(() => (e = exact()));
  const td = time(() => (d = decimal()));
  const tf = time(() => (f = float()));
  let differ = 0;
  for (let i = 0; i < e.length; i++) {
    if (JSON.stringify(e[i]) !== JSON.stringify(d[i])) throw new Error(`${name}: fast and Decimal paths differ at ${i}`);
    const same = e[i].ok === f[i].ok && (!e[i].ok ? e[i].code === f[i].code : JSON.stringify(e[i].value) === JSON.stringify(f[i].value));
    if (!same) differ++;
  }
  return { name, calls, exact: calls / te, decimal: calls / td, float: calls / tf, differ };
}

const rows: Row[] = [
  bench(
    "EXECRATE",
    N,
    () => pairs.map(([a, b]) => execRateFn(a, b)),
    () => pairs.map(([a, b]) => DECIMAL_PATH.execRateFn(a, b)),
    () => pairs.map(([a, b]) => naiveExecRate(a, b)),
  ),
  bench(
    "YOYTEXT",
    N,
    () => pairs.map(([c, p]) => yoyTextFn(c, p)),
    () => pairs.map(([c, p]) => DECIMAL_PATH.yoyTextFn(c, p)),
    () => pairs.map(([c, p]) => naiveYoyText(c, p)),
  ),
  bench(
    `SHARES(${SHARES_PARTS})`,
    N / SHARES_PARTS,
    () => columns.map((c) => sharesFn(c)),
    () => columns.map((c) => DECIMAL_PATH.sharesFn(c)),
    () => columns.map((c) => naiveShares(c)),
  ),
];

const fmt = (n: number): string => Math.round(n).toLocaleString("en-US").padStart(12);
console.log(`自定义函数基准（${N.toLocaleString("en-US")} 个随机输入，${REPEATS} 次取最快）/ custom functions benchmark`);
console.log("function        exact calls/s  (Decimal only)  float calls/s   ratio  (Decimal only)  float≠exact");
for (const r of rows) {
  const ratio = r.float / r.exact;
  console.log(
    `${r.name.padEnd(14)}${fmt(r.exact)}  ${fmt(r.decimal)}    ${fmt(r.float)}  ${ratio.toFixed(1).padStart(5)}×  ${(r.float / r.decimal).toFixed(1).padStart(12)}×  ${String(r.differ).padStart(10)}${ratio <= 3 ? "" : "  (目标≤3× / target ≤3×)"}`,
  );
}
