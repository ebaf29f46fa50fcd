/** Shared helpers of the reader tests: fixture loading and layout transformations of snapshots. */
import * as fs from "fs";
import * as path from "path";
import { readXlsx } from "../../cli/adapters/xlsx";
import { D, fromCellNumber } from "../../src/money/decimal";
import { formatTableAmount, toNumber } from "../../src/money/format";
import { tryParseAmount } from "../../src/money/parse";
import { unitFromText } from "../../src/money/units";
import { matchTitle } from "../../src/reader/recognise";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/workbook/snapshot";

export const FIXTURES = path.resolve(__dirname, "../../../shared/fixtures");
export const HAVE_FIXTURES = fs.existsSync(FIXTURES);
export const describeFixtures = HAVE_FIXTURES ? describe : describe.skip;

const cache = new Map<string, Promise<WorkbookSnapshot>>();
export function loadFixture(name: string): Promise<WorkbookSnapshot> {
  if (!cache.has(name)) cache.set(name, readXlsx(path.join(FIXTURES, name)));
  return cache.get(name)!.then(clone);
}

export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** Moves a sheet's used range down/right. */
export function shift(sheet: SheetSnapshot, dr: number, dc: number): SheetSnapshot {
  return {
    ...sheet,
    origin: { row: sheet.origin.row + dr, col: sheet.origin.col + dc },
    merges: sheet.merges.map((m) => ({ top: m.top + dr, bottom: m.bottom + dr, left: m.left + dc, right: m.right + dc })),
  };
}

/** Inserts a blank sheet row before relative row index `at` (0…length); merges move or grow. */
export function insertBlankRow(sheet: SheetSnapshot, at: number): SheetSnapshot {
  const abs = sheet.origin.row + at;
  const values = sheet.values.map((r) => [...r]);
  values.splice(at, 0, []);
  const merges = sheet.merges.map((m) =>
    m.top >= abs ? { ...m, top: m.top + 1, bottom: m.bottom + 1 } : m.bottom >= abs ? { ...m, bottom: m.bottom + 1 } : { ...m },
  );
  if (at === 0) return { ...sheet, values: sheet.values.map((r) => [...r]), origin: { ...sheet.origin, row: sheet.origin.row + 1 }, merges };
  return { ...sheet, values, merges };
}

/** Inserts a blank sheet column before relative column index `at`; merges move or grow. */
export function insertBlankCol(sheet: SheetSnapshot, at: number): SheetSnapshot {
  const abs = sheet.origin.col + at;
  const merges = sheet.merges.map((m) =>
    m.left >= abs ? { ...m, left: m.left + 1, right: m.right + 1 } : m.right >= abs ? { ...m, right: m.right + 1 } : { ...m },
  );
  if (at === 0) return { ...sheet, values: sheet.values.map((r) => [...r]), origin: { ...sheet.origin, col: sheet.origin.col + 1 }, merges };
  const values = sheet.values.map((r) => {
    const line = [...r];
    if (line.length > at) line.splice(at, 0, null);
    return line;
  });
  return { ...sheet, values, merges };
}

function mapCells(sheet: SheetSnapshot, f: (v: CellValue) => CellValue): SheetSnapshot {
  return { ...sheet, values: sheet.values.map((r) => r.map((v) => (v === null ? null : f(v)))) };
}

/** Puts a prefix before every table title ("某单位2020年度" + title). */
export function prefixTitles(sheet: SheetSnapshot, prefix: string): SheetSnapshot {
  return mapCells(sheet, (v) => (typeof v === "string" && matchTitle(v) ? prefix + v.trim() : v));
}

/** Turns every numeric cell into text with thousands separators ("2,940.05"). */
export function amountsToText(sheet: SheetSnapshot): SheetSnapshot {
  return mapCells(sheet, (v) => (typeof v === "number" ? formatTableAmount(fromCellNumber(v)) : v));
}

function isTableSheet(sheet: SheetSnapshot): boolean {
  return sheet.values.some((r) => r.some((v) => typeof v === "string" && matchTitle(v) !== null));
}

/** Switches a table sheet's unit 万元 → 元 (values × 10 000) or 元 → 万元 (÷ 10 000), exactly. */
export function switchUnit(sheet: SheetSnapshot): SheetSnapshot {
  if (!isTableSheet(sheet)) return sheet;
  let from: "万元" | "元" | null = null;
  for (const r of sheet.values) for (const v of r) if (typeof v === "string" && unitFromText(v)) from = unitFromText(v);
  if (!from) return sheet;
  const factor = from === "万元" ? new D(10000) : new D("0.0001");
  return mapCells(sheet, (v) => {
    if (typeof v === "string" && unitFromText(v)) return from === "万元" ? v.replace("万元", "元") : v.replace(/单位([:：]?)元/, "单位$1万元");
    if (typeof v === "number") return toNumber(fromCellNumber(v).times(factor));
    if (typeof v === "string" && /\d/.test(v) && /[.,]/.test(v)) {
      const p = tryParseAmount(v);
      if (p && !p.implicitZero) return formatTableAmount(p.value.times(factor), 6);
    }
    return v;
  });
}
