import { JuesuanError } from "../../src/money/errors";
import { toAdapterError } from "./errors";

/** What the adapter needs from the Excel namespace: Excel.run. The real global Excel and test/fake-excel both fit. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** The host to use: the one passed in, else the global Excel of office.js. */
export function getExcel(excel?: ExcelHost): ExcelHost {
  if (excel) return excel;
  const g = (globalThis as { Excel?: ExcelHost }).Excel;
  if (!g || typeof g.run !== "function") {
    throw new JuesuanError("excel-missing", "未检测到 Excel：请在 Excel 中通过“决算助手”加载项打开此窗格。");
  }
  return g;
}

/** Excel.run with every failure turned into a Chinese JuesuanError. */
export async function runExcel<T>(excel: ExcelHost | undefined, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  const host = getExcel(excel);
  try {
    return await host.run(batch);
  } catch (e) {
    throw toAdapterError(e);
  }
}

/** Compile-time proof that office.js's global Excel namespace is an ExcelHost. */
type GlobalExcelFits = typeof Excel extends ExcelHost ? true : never;
export const GLOBAL_EXCEL_FITS: GlobalExcelFits = true;
