import * as fs from "fs";
import * as path from "path";
import { readXlsx } from "../../cli/adapters/xlsx";
import { readReport } from "../../src/reader";
import type { ReportModel } from "../../src/model/types";
import { readForms, type PerfForm } from "../../src/perf";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";

export const REPO = path.resolve(__dirname, "..", "..");
export const FIXTURES = path.resolve(REPO, "..", "shared", "fixtures");
export const HAVE_FIXTURES = fs.existsSync(FIXTURES);
export const describeFixtures = HAVE_FIXTURES ? describe : describe.skip;

/** name → workbook path: the shared fixtures and the repo's example workbooks. */
export const WORKBOOKS: Record<string, string> = {
  "bazhong-2020": path.join(FIXTURES, "bazhong-2020.xlsx"),
  "bazhong-2020-yuan": path.join(FIXTURES, "bazhong-2020-yuan.xlsx"),
  "bazhong-2020-clean": path.join(FIXTURES, "bazhong-2020-clean.xlsx"),
  "example-sichuan-2020": path.join(REPO, "test", "workbooks", "example-sichuan-2020.xlsx"),
  "example-sichuan-2020-yuan": path.join(REPO, "test", "workbooks", "example-sichuan-2020-yuan.xlsx"),
  "example-national-2024": path.join(REPO, "test", "workbooks", "example-national-2024.xlsx"),
  "example-national-2025": path.join(REPO, "test", "workbooks", "example-national-2025.xlsx"),
  "example-national-2026": path.join(REPO, "test", "workbooks", "example-national-2026.xlsx"),
};
export const FIXTURE_NAMES = ["bazhong-2020", "bazhong-2020-yuan", "bazhong-2020-clean"];
export const EXAMPLE_NAMES = ["example-sichuan-2020", "example-sichuan-2020-yuan", "example-national-2024"];

const snapshots = new Map<string, Promise<WorkbookSnapshot>>();
export function snapshot(name: string): Promise<WorkbookSnapshot> {
  if (!snapshots.has(name)) snapshots.set(name, readXlsx(WORKBOOKS[name]));
  return snapshots.get(name)!;
}
const cache = new Map<string, Promise<ReportModel>>();
export function model(name: string): Promise<ReportModel> {
  if (!cache.has(name)) cache.set(name, snapshot(name).then(readReport));
  return cache.get(name)!;
}
/** The workbook's performance forms (what `juesuan narrate` and the pane pass to the generator). */
export async function forms(name: string): Promise<PerfForm[]> {
  return readForms(await snapshot(name));
}

/** Compares with test/cases/narrate-<name>/expected.txt; UPDATE_GOLDEN=1 writes a missing/empty file. */
export function golden(name: string, actual: string): string {
  const dir = path.join(REPO, "test", "cases", `narrate-${name}`);
  const file = path.join(dir, "expected.txt");
  const exists = fs.existsSync(file) && fs.readFileSync(file, "utf8").length > 0;
  if (process.env.UPDATE_GOLDEN === "1" && !exists) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, actual, "utf8");
  }
  return fs.readFileSync(file, "utf8");
}
