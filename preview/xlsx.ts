/**
 * .xlsx bytes → WorkbookSnapshot in the browser: ExcelJS's browser build (the package's "browser"
 * field) loads the file and the CLI adapter's workbookToSnapshot converts it, so the preview sees
 * exactly what `juesuan check` sees. The number formats of the cells come along for the read-only grid
 * (the snapshot, what the core sees, has none).
 */
import ExcelJS from "exceljs";
import { workbookToSnapshot } from "../cli/adapters/xlsx";
import type { WorkbookSnapshot } from "../src/workbook/snapshot";

/** sheet name → A1 → number format, for the cells whose format is not General. */
export type SheetFormats = Map<string, Map<string, string>>;

export async function loadXlsx(bytes: ArrayBuffer, name: string): Promise<{ snapshot: WorkbookSnapshot; formats: SheetFormats }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new Error(`无法读取“${name}”：它不是有效的 .xlsx 工作簿（请在 Excel 中另存为 .xlsx 格式后重试）。`);
  }
  const formats: SheetFormats = new Map();
  wb.eachSheet((ws) => {
    const m = new Map<string, string>();
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const f = cell.numFmt;
        if (f && !/^general$/i.test(f)) m.set(cell.address, f);
      }),
    );
    formats.set(ws.name, m);
  });
  return { snapshot: workbookToSnapshot(wb), formats };
}

export async function snapshotFromXlsx(bytes: ArrayBuffer, name: string): Promise<WorkbookSnapshot> {
  return (await loadXlsx(bytes, name)).snapshot;
}
