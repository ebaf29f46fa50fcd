/** Workbooks the browser tests build from the repo's example workbook (ExcelJS, written to a temp dir). */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT } from "./dist";

export const EXAMPLE = path.join(ROOT, "test/workbooks/example-sichuan-2020.xlsx");
export const BAZHONG = path.resolve(ROOT, "../shared/fixtures/bazhong-2020.xlsx");
export const XSS = "<img src=x onerror=alert(1)>";
export const LONG = "长".repeat(5000) + "x".repeat(5000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-e2e-"));

async function variant(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(EXAMPLE);
  edit(wb);
  const out = path.join(tmp, name);
  await wb.xlsx.writeFile(out);
  return out;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`example workbook has no sheet ${name}`);
  return ws;
}

/** The example with two wrong figures in 公开01表 (totals no longer add up): a workbook with findings. */
export function brokenExample(): Promise<string> {
  return variant("示例-有错误.xlsx", (wb) => {
    const t01 = sheet(wb, "公开01表");
    t01.getCell("C7").value = 216.04; // 一般公共预算财政拨款收入 (was 215.04)
    t01.getCell("F25").value = 11.57; // 住房保障支出 (was 10.57)
  });
}

/** The example with an HTML payload and a 10 000-character string in label cells, the unit name and a new sheet. */
export function hostileExample(): Promise<string> {
  return variant("示例-恶意内容.xlsx", (wb) => {
    const t01 = sheet(wb, "公开01表");
    t01.getCell("A14").value = XSS; // was 八、其他收入
    t01.getCell("D29").value = LONG; // was 二十三、其他支出
    t01.getCell("A3").value = `编制单位：${XSS}`;
    const extra = wb.addWorksheet("附注");
    extra.getCell("A1").value = XSS;
    extra.getCell("B2").value = LONG;
  });
}

export function cleanup(): void {
  fs.rmSync(tmp, { recursive: true, force: true });
}
