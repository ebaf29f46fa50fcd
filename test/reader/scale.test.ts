/**
 * Issue 11, scale: a sheet of 1 000 000 non-empty cells is read and checked without a stack overflow
 * (no spread or apply over unbounded arrays) — through the ExcelJS adapter from an .xlsx file, and in the
 * pure core next to the example workbook's tables. Speed is bench/'s business; here only that it works.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readXlsx } from "../../cli/adapters/xlsx";
import { checkWorkbook } from "../../src/checks";
import type { CellValue } from "../../src/workbook/snapshot";
import { buildSichuan2020 } from "../../scripts/examples/build";

const N = 1000;
const valueAt = (r: number, c: number): CellValue => (c % 7 === 0 ? "文字" : (r * c) / 100);

jest.setTimeout(180_000);

test("an .xlsx with a 1 000 000-cell sheet is read through the ExcelJS adapter", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-scale-"));
  const file = path.join(dir, "big.xlsx");
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
    const ws = wb.addWorksheet("明细数据");
    for (let r = 1; r <= N; r++) ws.addRow(Array.from({ length: N }, (_, c) => valueAt(r, c + 1))).commit();
    ws.commit();
    await wb.commit();
    const snap = await readXlsx(file);
    const sheet = snap.sheets.find((s) => s.name === "明细数据")!;
    expect(sheet.values.length).toBe(N);
    expect(sheet.values[N - 1].length).toBe(N);
    expect(sheet.values[N - 1][N - 2]).toBe(valueAt(N, N - 1));
    const r = checkWorkbook(snap);
    expect(r.findings.some((f) => f.message.includes("没有可检查的内容"))).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the core checks a workbook that holds a 1 000 000-cell sheet besides its tables", async () => {
  const snap = await readXlsx(await buildSichuan2020());
  const clean = checkWorkbook(snap).summary;
  const values = Array.from({ length: N }, (_, r) => Array.from({ length: N }, (_, c) => valueAt(r + 1, c + 1)));
  snap.sheets.push({ name: "明细数据", origin: { row: 0, col: 0 }, values, merges: [] });
  expect(checkWorkbook(snap).summary).toEqual(clean);
});
