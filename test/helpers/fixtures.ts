import fs from "fs";
import path from "path";
import { readXlsx } from "../../cli/adapters/xlsx";
import type { CellValue, WorkbookSnapshot } from "../../src/workbook/snapshot";
import { parseA1 } from "../../src/workbook/snapshot";

/** ../shared/fixtures, next to the repository (always present here and in CI). */
export const SHARED_FIXTURES = path.resolve(__dirname, "..", "..", "..", "shared", "fixtures");
export const HAS_SHARED = fs.existsSync(SHARED_FIXTURES);
/** describe, or describe.skip with a reason when ../shared/fixtures is absent (a clone elsewhere). */
export const describeShared = HAS_SHARED ? describe : describe.skip;
export const fixture = (name: string) => path.join(SHARED_FIXTURES, name);
/** The repository's own example workbooks (scripts/make-examples.ts). */
export const example = (name: string) => path.resolve(__dirname, "..", "workbooks", name);

const cache = new Map<string, Promise<WorkbookSnapshot>>();
/** Reads an xlsx once per test file; callers get a deep copy they may mutate. */
export async function snapshotOf(file: string): Promise<WorkbookSnapshot> {
  if (!cache.has(file)) cache.set(file, readXlsx(file));
  return structuredClone(await (cache.get(file) as Promise<WorkbookSnapshot>));
}

/** Sets a cell of a snapshot (absolute A1 address), growing the used range as needed. */
export function setCell(snapshot: WorkbookSnapshot, sheetName: string, address: string, value: CellValue): void {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  const p = parseA1(address);
  if (!sheet || !p) throw new Error(`no ${sheetName}!${address}`);
  const r = p.row - sheet.origin.row;
  const c = p.col - sheet.origin.col;
  while (sheet.values.length <= r) sheet.values.push([]);
  while (sheet.values[r].length <= c) sheet.values[r].push(null);
  sheet.values[r][c] = value;
}

export function getCell(snapshot: WorkbookSnapshot, sheetName: string, address: string): CellValue {
  const sheet = snapshot.sheets.find((s) => s.name === sheetName);
  const p = parseA1(address);
  if (!sheet || !p) return null;
  return sheet.values[p.row - sheet.origin.row]?.[p.col - sheet.origin.col] ?? null;
}
