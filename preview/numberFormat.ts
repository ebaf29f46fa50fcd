/**
 * What a cell shows under its number format, for the preview's read-only grid (Excel shows 9746.50 for
 * 9746.5 under "0.00"). Covers the formats of financial workbooks: "General", "0", "0.00", "#,##0.00",
 * "0.00%", sections "pos;neg;zero", literal text in quotes, colours [Red]. Rounding is decimal, half up
 * (as Excel displays), never a binary float's toFixed. Anything else shows the value as stored.
 */
import Decimal from "decimal.js";

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

function section(fmt: string, v: number): { fmt: string; negativeHandled: boolean } {
  const parts = fmt.split(";");
  if (v < 0 && parts.length >= 2) return { fmt: parts[1], negativeHandled: true };
  if (v === 0 && parts.length >= 3) return { fmt: parts[2], negativeHandled: false };
  return { fmt: parts[0], negativeHandled: false };
}

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** The displayed text of a number under `fmt`; null when the format is not one this reads (show the value). */
export function formatNumberCell(v: number, fmt: string | undefined): string | null {
  if (!fmt || /^general$/i.test(fmt) || fmt === "@" || !Number.isFinite(v)) return null;
  const { fmt: f, negativeHandled } = section(fmt, v);
  // literals kept apart: "元"、\x、colours and conditions dropped
  const literals: string[] = [];
  const code = f
    .replace(/\[[^\]]*\]/g, "")
    .replace(/"([^"]*)"/g, (_, t: string) => `\uE000${literals.push(t) - 1}\uE000`)
    .replace(/\\(.)/g, (_, c: string) => `\uE000${literals.push(c) - 1}\uE000`)
    .replace(/_.|\*./g, "");
  const m = /[#0?][#0?,]*(\.[0?#]*)?/.exec(code);
  if (!m) return null;
  if (/[yMdhHsSeE]/.test(code.replace(/\uE000\d+\uE000/g, ""))) return null; // dates and scientific: not handled
  const percent = code.includes("%");
  const decimals = m[1] ? m[1].length - 1 : 0;
  const thousands = m[0].split(".")[0].includes(",");
  let x = new D(String(v));
  if (percent) x = x.times(100);
  if (negativeHandled) x = x.abs();
  const fixed = x.toFixed(decimals, Decimal.ROUND_HALF_UP);
  const neg = fixed.startsWith("-");
  const [int, frac] = (neg ? fixed.slice(1) : fixed).split(".");
  const num = `${neg ? "-" : ""}${thousands ? group(int) : int}${frac !== undefined ? `.${frac}` : ""}`;
  const out = code.slice(0, m.index) + num + code.slice(m.index + m[0].length);
  return out.replace(/\uE000(\d+)\uE000/g, (_, i: string) => literals[Number(i)]);
}
