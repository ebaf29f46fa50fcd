/**
 * Calls per second of EXECRATE, YOYTEXT and SHARES (the src/functions-core.ts logic behind the
 * custom functions, arguments as Excel passes them) over 100k random inputs, next to a naive
 * float implementation in the same run, and the ratio. Also counts where the float answer
 * differs from the exact one. Prints only; no assertion.
 */
import { execRateFn, sharesFn, yoyTextFn } from "../src/functions-core";

const N = 100_000;
const SHARES_PARTS = 5;

/** Deterministic PRNG (mulberry32) so runs are comparable. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = rng(20240531);
/** An amount in 万元 with two decimals, as a cell holds it; now and then 0. */
const amount = (): number => (rand() < 0.03 ? 0 : Math.round(rand() * 100_000_00) / 100);
const pairs = Array.from({ length: N }, () => [amount(), amount()] as const);
const columns = Array.from({ length: N / SHARES_PARTS }, () => Array.from({ length: SHARES_PARTS }, () => [amount()]));

// Naive float versions: what a spreadsheet formula or a quick script would do.
function naiveExecRate(a: number, b: number): number | string {
  if (b === 0) return "#DIV/0!";
  return Math.round((a / b) * 100 * 100) / 100;
}
function naiveYoyText(c: number, p: number): string {
  const d = c - p;
  if (d === 0) return "与上年持平";
  const change = Math.abs(d).toFixed(2);
  if (p === 0) return `增加${change}万元（上年无此项，增长率无可比性）`;
  const rate = Math.abs((d / p) * 100).toFixed(2);
  return d > 0 ? `增加${change}万元，增长${rate}%` : `减少${change}万元，下降${rate}%`;
}
function naiveShares(col: number[][]): number[][] | string {
  const total = col.reduce((s, [x]) => s + x, 0);
  if (total === 0) return "#DIV/0!";
  return col.map(([x]) => [Math.round((x / total) * 100 * 100) / 100]);
}

function time(f: () => void): number {
  f(); // warm-up
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

interface Row {
  name: string;
  calls: number;
  exact: number;
  float: number;
  differ: number;
}

function bench(name: string, calls: number, exact: () => unknown[], float: () => unknown[], same: (e: unknown, f: unknown) => boolean): Row {
  let e: unknown[] = [];
  let f: unknown[] = [];
  const te = time(() => (e = exact()));
  const tf = time(() => (f = float()));
  let differ = 0;
  for (let i = 0; i < e.length; i++) if (!same(e[i], f[i])) differ++;
  return { name, calls, exact: calls / te, float: calls / tf, differ };
}

const rows: Row[] = [
  bench(
    "EXECRATE",
    N,
    () => pairs.map(([a, b]) => execRateFn(a, b)),
    () => pairs.map(([a, b]) => naiveExecRate(a, b)),
    (e, f) => ((e as { ok: boolean; value: number }).ok ? (e as { value: number }).value === f : f === "#DIV/0!"),
  ),
  bench(
    "YOYTEXT",
    N,
    () => pairs.map(([c, p]) => yoyTextFn(c, p)),
    () => pairs.map(([c, p]) => naiveYoyText(c, p)),
    () => true, // the wording styles differ ("12" vs "12.00"); only speed is compared
  ),
  bench(
    `SHARES(${SHARES_PARTS})`,
    N / SHARES_PARTS,
    () => columns.map((c) => sharesFn(c)),
    () => columns.map((c) => naiveShares(c)),
    (e, f) => {
      const r = e as { ok: boolean; value?: number[][] };
      if (!r.ok || typeof f === "string") return !r.ok && typeof f === "string";
      const sum = (f as number[][]).reduce((s, [x]) => s + x, 0);
      return Math.abs(sum - 100) < 1e-9 && JSON.stringify(r.value) === JSON.stringify(f);
    },
  ),
];

const fmt = (n: number): string => Math.round(n).toLocaleString("en-US").padStart(12);
console.log(`自定义函数基准（${N.toLocaleString("en-US")} 个随机输入）/ custom functions benchmark`);
console.log("function        exact calls/s  float calls/s   ratio  float≠exact");
for (const r of rows) {
  const ratio = r.float / r.exact;
  console.log(
    `${r.name.padEnd(14)}${fmt(r.exact)}  ${fmt(r.float)}  ${ratio.toFixed(1).padStart(5)}×  ${String(r.differ).padStart(6)}${ratio <= 3 ? "" : "  (目标≤3× / target ≤3×)"}`,
  );
}
