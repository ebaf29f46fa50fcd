/**
 * The charts 图1–图7 of the 情况说明 drawn by the project as SVG, from the same ChartSpec (same figures and
 * source cells) the workbook's and the Word file's charts are made from: shown in the pane's preview at their
 * paragraphs. Pure: no DOM, no canvas. Printed numbers are the spec's 2-decimal strings (pie shares by
 * largest remainder, as in the text); only the geometry uses floats.
 */
import { D } from "../money/decimal";
import { sharesToHundred } from "../money/calc";
import type { ChartSpec } from "../narrative/generateTypes";

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 360;

/** Series colours (print well in grey too) and the text colour (black, as the document's). */
const COLORS = ["#5B7DB1", "#C0504D", "#9BBB59", "#8064A2", "#4BACC6", "#F79646", "#7F7F7F", "#2C4D75", "#772C2A", "#5F7530"];
const TEXT = "#000000";
const GRID = "#D9D9D9";
const FONT = "SimSun, 宋体, 'Songti SC', 'Noto Serif CJK SC', 'Noto Sans CJK SC', serif";

/** A filled shape of the picture, in chart pixels. */
export type Shape =
  | { kind: "rect"; x: number; y: number; w: number; h: number; fill: string }
  | { kind: "wedge"; cx: number; cy: number; r: number; from: number; to: number; fill: string }
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; stroke: string };

export interface Label {
  x: number;
  y: number;
  text: string;
  anchor: "start" | "middle" | "end";
  size: number;
}

export interface ChartPicture {
  width: number;
  height: number;
  shapes: Shape[];
  labels: Label[];
}

/** Splits a long category name into lines of at most `n` characters (at most 3 lines, the last shortened). */
function wrap(text: string, n: number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += n) lines.push(chars.slice(i, i + n).join(""));
  if (lines.length > 3) return [...lines.slice(0, 2), `${[...lines[2]].slice(0, n - 1).join("")}…`];
  return lines;
}

/** A "nice" axis maximum and step for values up to `max` (1, 2 or 5 × 10^k steps, 4–5 gridlines). */
function niceAxis(max: number): { top: number; step: number } {
  if (!(max > 0)) return { top: 1, step: 0.25 };
  const raw = max / 4;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  return { top: Math.ceil(max / step) * step, step };
}

/** An axis tick printed without float noise (steps are 1, 2, 2.5 or 5 × 10^k). */
function tickText(v: number): string {
  return new D(v.toPrecision(12)).toDecimalPlaces(2).toString();
}

function columnPicture(spec: ChartSpec): ChartPicture {
  const W = CHART_WIDTH;
  const H = CHART_HEIGHT;
  const left = 64;
  const right = 16;
  const top = spec.series.length > 1 ? 40 : 24;
  const bottom = 64;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const values = spec.series.flatMap((s) => s.points.map((p) => Math.max(0, Number(p.value))));
  const { top: axisTop, step } = niceAxis(Math.max(...values, 0));
  const shapes: Shape[] = [];
  const labels: Label[] = [];
  // gridlines and ticks
  for (let v = 0; v <= axisTop + step / 2; v += step) {
    const y = top + plotH - (v / axisTop) * plotH;
    shapes.push({ kind: "line", x1: left, y1: y, x2: W - right, y2: y, stroke: GRID });
    labels.push({ x: left - 6, y: y + 4, text: tickText(v), anchor: "end", size: 11 });
  }
  labels.push({ x: left - 6, y: top - 10, text: `（${spec.unit}）`, anchor: "end", size: 11 });
  shapes.push({ kind: "line", x1: left, y1: top + plotH, x2: W - right, y2: top + plotH, stroke: TEXT });
  const n = spec.categories.length;
  const groupW = plotW / Math.max(n, 1);
  const seriesN = spec.series.length;
  const barW = Math.min(56, (groupW * 0.7) / seriesN);
  spec.categories.forEach((cat, i) => {
    const gx = left + groupW * i + (groupW - barW * seriesN) / 2;
    spec.series.forEach((s, k) => {
      const p = s.points[i];
      const v = Math.max(0, Number(p.value));
      const h = (v / axisTop) * plotH;
      const x = gx + barW * k;
      shapes.push({ kind: "rect", x, y: top + plotH - h, w: barW - 2, h, fill: COLORS[k % COLORS.length] });
      labels.push({ x: x + (barW - 2) / 2, y: top + plotH - h - 4, text: p.value, anchor: "middle", size: 11 });
    });
    const lines = wrap(cat, Math.max(4, Math.floor(groupW / 13)));
    lines.forEach((t, j) => labels.push({ x: left + groupW * i + groupW / 2, y: top + plotH + 18 + j * 15, text: t, anchor: "middle", size: 12 }));
  });
  if (seriesN > 1) {
    let x = W - right;
    for (let k = seriesN - 1; k >= 0; k--) {
      const name = spec.series[k].name;
      const w = 14 + 8 + [...name].length * 12 + 12;
      x -= w;
      shapes.push({ kind: "rect", x, y: 10, w: 14, h: 14, fill: COLORS[k % COLORS.length] });
      labels.push({ x: x + 20, y: 22, text: name, anchor: "start", size: 12 });
    }
  }
  return { width: W, height: H, shapes, labels };
}

function piePicture(spec: ChartSpec): ChartPicture {
  const W = CHART_WIDTH;
  const H = CHART_HEIGHT;
  const points = spec.series[0]?.points ?? [];
  const values = points.map((p) => new D(p.value));
  const shares = sharesToHundred(values.map((v) => (v.isNegative() ? new D(0) : v)));
  const shapes: Shape[] = [];
  const labels: Label[] = [];
  const cx = 170;
  const cy = H / 2;
  const r = 140;
  const total = values.reduce((s, v) => s + Math.max(0, v.toNumber()), 0);
  let a = -Math.PI / 2;
  points.forEach((p, i) => {
    const v = Math.max(0, Number(p.value));
    const da = total > 0 ? (v / total) * Math.PI * 2 : 0;
    if (da > 0) shapes.push({ kind: "wedge", cx, cy, r, from: a, to: a + da, fill: COLORS[i % COLORS.length] });
    a += da;
  });
  // legend: name, amount and share (the text's shares: largest remainder to 100.00)
  const rowH = Math.min(40, (H - 40) / Math.max(points.length, 1));
  const y0 = cy - (rowH * points.length) / 2 + rowH / 2;
  points.forEach((p, i) => {
    const y = y0 + rowH * i;
    const share = shares.kind === "shares" ? `${shares.shares[i].toFixed(2)}%` : "";
    shapes.push({ kind: "rect", x: 340, y: y - 10, w: 14, h: 14, fill: COLORS[i % COLORS.length] });
    const name = wrap(spec.categories[i] ?? "", 14)[0];
    labels.push({ x: 362, y: y + 2, text: name, anchor: "start", size: 12 });
    labels.push({ x: 362, y: y + 17, text: `${p.value}${spec.unit}${share ? `，${share}` : ""}`, anchor: "start", size: 11 });
  });
  return { width: W, height: H, shapes, labels };
}

/** The picture of a chart: shapes and labels in chart pixels. */
export function chartPicture(spec: ChartSpec): ChartPicture {
  return spec.kind === "pie" ? piePicture(spec) : columnPicture(spec);
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const n2 = (x: number) => (Math.round(x * 100) / 100).toString();

function wedgePath(s: Extract<Shape, { kind: "wedge" }>): string {
  if (s.to - s.from >= Math.PI * 2 - 1e-9) return `M${n2(s.cx - s.r)},${n2(s.cy)}a${s.r},${s.r} 0 1,0 ${s.r * 2},0a${s.r},${s.r} 0 1,0 ${-s.r * 2},0Z`;
  const x1 = s.cx + s.r * Math.cos(s.from);
  const y1 = s.cy + s.r * Math.sin(s.from);
  const x2 = s.cx + s.r * Math.cos(s.to);
  const y2 = s.cy + s.r * Math.sin(s.to);
  const large = s.to - s.from > Math.PI ? 1 : 0;
  return `M${n2(s.cx)},${n2(s.cy)}L${n2(x1)},${n2(y1)}A${s.r},${s.r} 0 ${large},1 ${n2(x2)},${n2(y2)}Z`;
}

/** The chart as an SVG document (UTF-8 text). */
export function chartSvg(spec: ChartSpec): string {
  const pic = chartPicture(spec);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${pic.width}" height="${pic.height}" viewBox="0 0 ${pic.width} ${pic.height}">`,
    `<title>${esc(spec.title)}</title>`,
    `<rect x="0" y="0" width="${pic.width}" height="${pic.height}" fill="#FFFFFF"/>`,
  ];
  for (const s of pic.shapes) {
    if (s.kind === "rect") parts.push(`<rect x="${n2(s.x)}" y="${n2(s.y)}" width="${n2(s.w)}" height="${n2(s.h)}" fill="${s.fill}"/>`);
    else if (s.kind === "line") parts.push(`<line x1="${n2(s.x1)}" y1="${n2(s.y1)}" x2="${n2(s.x2)}" y2="${n2(s.y2)}" stroke="${s.stroke}" stroke-width="1"/>`);
    else parts.push(`<path d="${wedgePath(s)}" fill="${s.fill}" stroke="#FFFFFF" stroke-width="1"/>`);
  }
  for (const l of pic.labels) {
    parts.push(`<text x="${n2(l.x)}" y="${n2(l.y)}" font-family="${esc(FONT)}" font-size="${l.size}" fill="${TEXT}" text-anchor="${l.anchor}">${esc(l.text)}</text>`);
  }
  parts.push("</svg>");
  return parts.join("\n");
}
