import { JuesuanError } from "../../src/money/errors";
import { isLocalCellAddress } from "./address";
import { officeCode } from "./errors";
import { ExcelHost, runExcel } from "./host";

/**
 * Shows a cell to the user: activates the sheet, then selects the cell or range. The sheet is taken
 * from the collection by name (never through a hand-built "'表名'!A1" string, which breaks on names
 * with punctuation), and activated in its own sync before the selection, as some hosts require.
 * Two syncs. Activating a hidden sheet fails with no documented error code, so after any failure
 * but ItemNotFound one more sync asks the sheet's visibility, and a hidden sheet is said as such.
 */
export async function navigateTo(sheetName: string, address: string, excel?: ExcelHost): Promise<void> {
  const target = address.trim();
  if (!isLocalCellAddress(target)) {
    throw new JuesuanError("bad-address", `单元格地址“${address}”无效，应形如 B12 或 B12:D14。`);
  }
  await runExcel(excel, async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    try {
      await context.sync();
    } catch (e) {
      if (officeCode(e) === "ItemNotFound") throw notFound(sheetName, e);
      const probe = context.workbook.worksheets.getItemOrNullObject(sheetName);
      probe.load("visibility");
      try {
        await context.sync();
      } catch {
        throw e;
      }
      if (probe.isNullObject) throw notFound(sheetName, e);
      if (probe.visibility !== "Visible") throw hiddenSheet(sheetName, e);
      throw e;
    }
    sheet.getRange(target).select();
    await context.sync();
  });
}

function notFound(sheetName: string, cause: unknown): JuesuanError {
  return new JuesuanError("sheet-not-found", `找不到工作表“${sheetName}”：它可能已被删除或改名。请重新检查工作簿后再试。`, cause);
}

/** The message for a hidden sheet (also used by the pane when it knows the sheet is hidden before asking Excel). */
export function hiddenSheet(sheetName: string, cause?: unknown): JuesuanError {
  return new JuesuanError("sheet-hidden", `工作表已隐藏：“${sheetName}”是隐藏的工作表，无法切换过去。请在 Excel 中右键单击工作表标签，选择“取消隐藏”后再试。`, cause);
}
