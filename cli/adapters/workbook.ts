/**
 * One entry for every workbook format: .xlsx/.xlsm through ExcelJS (the same adapter as the preview),
 * .xls (BIFF, e.g. 久其 exports), .ods and .csv through SheetJS CE (@e965/xlsx) into the same snapshot.
 * The format is told from the bytes, not the extension; what cannot be read is refused with its reason.
 */
import * as fs from "fs";
import * as path from "path";
import { JuesuanError } from "../../src/money/errors";
import type { CellValue, MergeArea, SheetSnapshot, WorkbookSnapshot } from "../../src/workbook/snapshot";
import { readXlsx } from "./xlsx";
import { refuseUnlessXlsx, sniffBytes } from "./sniff";
import { decodeText } from "./text";

type SheetJS = typeof import("@e965/xlsx");
let sheetjs: SheetJS | undefined;
/** Loaded on first use: most runs read .xlsx only. */
function loadSheetJS(): SheetJS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  sheetjs ??= require("@e965/xlsx") as SheetJS;
  return sheetjs;
}

const ERROR_CODES: Record<number, string> = { 0x00: "#NULL!", 0x07: "#DIV/0!", 0x0f: "#VALUE!", 0x17: "#REF!", 0x1d: "#NAME?", 0x24: "#NUM!", 0x2a: "#N/A", 0x2b: "#GETTING_DATA" };

/** A SheetJS worksheet (dense or sparse) → snapshot sheet. */
function sheetFromSheetJS(X: SheetJS, name: string, ws: import("@e965/xlsx").WorkSheet, hidden: number | undefined): SheetSnapshot {
  const merges: MergeArea[] = (ws["!merges"] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
  const out: SheetSnapshot = { name, origin: { row: 0, col: 0 }, values: [], merges };
  if (hidden === 1) out.visibility = "hidden";
  if (hidden === 2) out.visibility = "veryHidden";
  const ref = ws["!ref"];
  if (!ref) return out;
  const range = X.utils.decode_range(ref);
  const values: CellValue[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const line = new Array<CellValue>(range.e.c - range.s.c + 1).fill(null);
    for (let c = range.s.c; c <= range.e.c; c++) {
      const cell = ws[X.utils.encode_cell({ r, c })] as import("@e965/xlsx").CellObject | undefined;
      if (!cell) continue;
      let v: CellValue = null;
      if (cell.t === "e") v = { error: cell.w ?? ERROR_CODES[cell.v as number] ?? "#N/A" };
      else if (cell.v === undefined || cell.t === "z") v = cell.f ? { formula: cell.f } : null;
      else if (cell.t === "n" || cell.t === "s" || cell.t === "b") v = cell.v as number | string | boolean;
      else if (cell.t === "d") v = { date: new Date(cell.v as Date).toISOString() };
      if (v === "") v = null;
      line[c - range.s.c] = v;
    }
    values.push(line);
  }
  out.origin = { row: range.s.r, col: range.s.c };
  out.values = values;
  return out;
}

/** Reads .xls/.ods/.csv bytes with SheetJS. CSV text is decoded first (BOM, UTF-8, else GB18030) and kept as text. */
export function readWithSheetJS(bytes: Uint8Array, kind: "xls" | "ods" | "csv", name: string): WorkbookSnapshot {
  const X = loadSheetJS();
  let wb: import("@e965/xlsx").WorkBook;
  try {
    if (kind === "csv") wb = X.read(decodeText(bytes).text, { type: "string", raw: true, dense: false });
    else wb = X.read(bytes, { type: "array", cellFormula: true, cellDates: true, cellNF: false, cellStyles: false });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg)) throw new JuesuanError("encrypted", `无法读取${name}：工作簿设置了打开密码（已加密）。请在 Excel 中清除密码并保存后重试`, e);
    throw new JuesuanError("not-xlsx", `无法读取${name}：文件已损坏或格式无法识别（请在 Excel 中另存为 .xlsx 格式后重试）`, e);
  }
  const meta = wb.Workbook?.Sheets ?? [];
  const sheets = wb.SheetNames.map((n, i) => sheetFromSheetJS(X, n, wb.Sheets[n], meta[i]?.Hidden));
  if (sheets.length === 0) throw new JuesuanError("no-sheets", `${name}中没有任何工作表，无法检查`);
  return { sheets };
}

/** Reads any supported workbook file into a snapshot; every failure is a JuesuanError naming the file and the reason. */
export async function readWorkbook(file: string): Promise<WorkbookSnapshot> {
  if (!fs.existsSync(file)) throw new JuesuanError("file-not-found", `找不到文件“${file}”`);
  if (fs.statSync(file).isDirectory()) throw new JuesuanError("file-is-dir", `“${file}”是文件夹，不是 Excel 工作簿`);
  const bytes = fs.readFileSync(file);
  const name = `“${path.basename(file)}”`;
  const kind = sniffBytes(bytes);
  if (kind === "xlsx") return readXlsx(bytes).catch((e: unknown) => {
    if (e instanceof JuesuanError) throw new JuesuanError(e.code, e.message.replace("该文件", name), e.cause);
    throw e;
  });
  if (kind === "xls" || kind === "ods") return readWithSheetJS(bytes, kind, name);
  if (kind === "text" && /\.(csv|tsv|txt)$/i.test(file)) return readWithSheetJS(bytes, "csv", name);
  refuseUnlessXlsx(bytes, name);
  throw new JuesuanError("not-xlsx", `无法读取${name}`);
}
