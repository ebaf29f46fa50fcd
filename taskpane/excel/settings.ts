/**
 * The add-in's settings, stored in the workbook (context.workbook.settings, saved with the file).
 * Writing a setting clears Excel's Undo history, so the adapter writes only when the pane calls
 * saveSetting after asking the user; reading never writes.
 */
import { JuesuanError } from "../../src/money/errors";
import { ExcelHost, runExcel } from "./host";

/** Every setting of the add-in in this workbook. One sync. */
export async function loadSettings(excel?: ExcelHost): Promise<Record<string, unknown>> {
  return runExcel(excel, async (context) => {
    const settings = context.workbook.settings;
    settings.load("items/key,items/value");
    await context.sync();
    return Object.fromEntries(settings.items.map((s) => [s.key, s.value]));
  });
}

/**
 * Stores one setting (JSON-compatible value). Call only after the user agreed: this clears Excel's
 * Undo history. One sync.
 */
export async function saveSetting(key: string, value: unknown, excel?: ExcelHost): Promise<void> {
  if (!key) throw new JuesuanError("bad-setting", "设置项名称不能为空。");
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  if (json === undefined) throw new JuesuanError("bad-setting", `设置项“${key}”的值无法保存（不是可存储的数据）。`);
  await runExcel(excel, async (context) => {
    context.workbook.settings.add(key, JSON.parse(json as string));
    await context.sync();
  });
}

/** Removes one setting if present (same Undo caveat as saveSetting). Two syncs when it exists, one otherwise. */
export async function deleteSetting(key: string, excel?: ExcelHost): Promise<boolean> {
  return runExcel(excel, async (context) => {
    const s = context.workbook.settings.getItemOrNullObject(key);
    s.load("key");
    await context.sync();
    if (s.isNullObject) return false;
    s.delete();
    await context.sync();
    return true;
  });
}
