/**
 * .xlsx bytes → WorkbookSnapshot in the browser: ExcelJS's browser build (the package's "browser"
 * field) loads the file and the CLI adapter's workbookToSnapshot converts it, so the preview sees
 * exactly what `juesuan check` sees.
 */
import ExcelJS from "exceljs";
import { workbookToSnapshot } from "../cli/adapters/xlsx";
import type { WorkbookSnapshot } from "../src/workbook/snapshot";

export async function snapshotFromXlsx(bytes: ArrayBuffer, name: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new Error(`无法读取“${name}”：它不是有效的 .xlsx 工作簿（请在 Excel 中另存为 .xlsx 格式后重试）。`);
  }
  return workbookToSnapshot(wb);
}
