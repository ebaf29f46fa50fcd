/**
 * Reader benchmark: snapshot → ReportModel time for the fixtures and for a synthetic 50 000-cell
 * workbook, next to the time ExcelJS takes to load the same file. Prints figures only.
 * Run: npx ts-node --transpile-only bench/reader.ts
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { readXlsx } from "../cli/adapters/xlsx";
import { readReport } from "../src/reader/recognise";

const FIXTURES = path.resolve(__dirname, "../../shared/fixtures");

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function measure(label: string, file: string, runs = 20): Promise<void> {
  let t0 = process.hrtime.bigint();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const excel = ms(t0);
  const snapshot = await readXlsx(file);
  const cells = snapshot.sheets.reduce((n, s) => n + s.values.reduce((m, r) => m + r.length, 0), 0);
  readReport(snapshot); // warm-up
  t0 = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) readReport(snapshot);
  const read = ms(t0) / runs;
  const found = Object.keys(readReport(snapshot).tables).length;
  console.log(`${label.padEnd(28)} cells=${String(cells).padStart(6)}  ExcelJS load ${excel.toFixed(1).padStart(7)} ms  snapshot→model ${read.toFixed(2).padStart(7)} ms  tables=${found}`);
}

/** A workbook of nine tables whose T05 has ~50 000 cells of 项 rows. */
async function synthetic(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const titles = ["收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表"];
  for (const [i, title] of titles.entries()) {
    const ws = wb.addWorksheet(`表${i + 1}`);
    ws.addRow([title]);
    ws.addRow([null, null, null, null, "单位：元"]);
    ws.addRow(["科目编码", "科目名称", "合计", "基本支出", "项目支出"]);
    const rows = i === 4 ? 10000 : 200;
    for (let r = 0; r < rows; r++) {
      const code = `2${String(10 + (r % 90)).padStart(2, "0")}${String(10 + ((r >> 3) % 90)).padStart(2, "0")}${String(r % 100).padStart(2, "0")}`;
      ws.addRow([code, `科目${r}`, `${(r * 1234.56).toFixed(2)}`, r * 1000.5, r * 234.06]);
    }
  }
  await wb.xlsx.writeFile(file);
}

(async () => {
  for (const f of ["bazhong-2020.xlsx", "bazhong-2020-yuan.xlsx", "bazhong-2020-clean.xlsx"]) {
    const p = path.join(FIXTURES, f);
    if (fs.existsSync(p)) await measure(f, p);
  }
  const file = path.join(os.tmpdir(), `juesuan-bench-${process.pid}.xlsx`);
  await synthetic(file);
  try {
    await measure("synthetic (≈50 000 cells)", file, 5);
  } finally {
    fs.unlinkSync(file);
  }
})();
