import { JuesuanError } from "../../src/money/errors";
import { isLocalCellAddress } from "./address";
import { officeCode } from "./errors";
import { ExcelHost, runExcel } from "./host";

/**
 * Shows a cell to the user: activates the sheet, then selects the cell or range. The sheet is taken
 * from the collection by name (never through a hand-built "'表名'!A1" string, which breaks on names
 * with punctuation), and activated in its own sync before the selection, as some hosts require.
 * Two syncs.
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
      const code = officeCode(e);
      if (code === "ItemNotFound") {
        throw new JuesuanError("sheet-not-found", `找不到工作表“${sheetName}”：它可能已被删除或改名。请重新检查工作簿后再试。`, e);
      }
      if (code === "InvalidOperation" || code === "InvalidSelection") {
        throw new JuesuanError("sheet-hidden", `无法切换到工作表“${sheetName}”：它可能已被隐藏。请先取消隐藏该工作表。`, e);
      }
      throw e;
    }
    sheet.getRange(target).select();
    await context.sync();
  });
}
