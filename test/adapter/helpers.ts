import * as path from "path";
import * as fs from "fs";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";

/** The shared fixtures folder, resolved from the repository root (absent on some machines). */
export const FIXTURES = path.resolve(__dirname, "../../../shared/fixtures");
export const fixtureFiles = fs.existsSync(FIXTURES) ? fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx")).sort() : [];
export const describeFixtures = fixtureFiles.length > 0 ? describe : describe.skip;

/** Merges in row-major order: the adapter's (and Excel's) order; ExcelJS keeps file order. */
export function normaliseMerges(s: WorkbookSnapshot): WorkbookSnapshot {
  return { ...s, sheets: s.sheets.map((sh) => ({ ...sh, merges: [...sh.merges].sort((a, b) => a.top - b.top || a.left - b.left) })) };
}
