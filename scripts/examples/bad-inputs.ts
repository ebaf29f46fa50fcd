/**
 * Bad and unusual inputs made from the example workbook (issue 11): totals saved as formulas without
 * cached values, error values and unreadable amounts, a hidden old copy of 公开01表 placed first,
 * and files that are not workbooks. Used by test/reader and test/cli.
 */
import ExcelJS from "exceljs";
import { buildSichuan2020 } from "./build";

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}
async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The sheet holding a title containing `title`. */
function sheetWith(wb: ExcelJS.Workbook, title: string): ExcelJS.Worksheet {
  for (const ws of wb.worksheets) {
    let hit = false;
    ws.eachRow((row) => row.eachCell((c) => { if (typeof c.value === "string" && c.value.includes(title)) hit = true; }));
    if (hit) return ws;
  }
  throw new Error(`no sheet with ${title}`);
}

/** Every numeric cell of rows labelled …合计/…总计 on 公开01表 becomes a formula without a cached value. */
export async function exampleWithUncachedTotals(): Promise<{ buf: Buffer; cells: string[] }> {
  const wb = await load(await buildSichuan2020());
  const ws = sheetWith(wb, "收入支出决算总表");
  const cells: string[] = [];
  ws.eachRow((row) => {
    let total = false;
    row.eachCell((c) => { if (typeof c.value === "string" && /合计|总计/.test(c.value)) total = true; });
    if (!total) return;
    row.eachCell((c) => {
      // Amounts (with 分), not the 行次 numbers beside them.
      if (typeof c.value === "number" && !Number.isInteger(c.value)) {
        c.value = { formula: `SUM(${c.address}:${c.address})` } as ExcelJS.CellFormulaValue;
        cells.push(c.address);
      }
    });
  });
  return { buf: await save(wb), cells };
}

/** The first numeric cells of 公开01表 replaced by #REF!, "NaN", TRUE, a date, "215.04😀", 1e308 and "−12". */
export async function exampleWithBadAmounts(): Promise<{ buf: Buffer; cells: Record<string, string> }> {
  const wb = await load(await buildSichuan2020());
  const ws = sheetWith(wb, "收入支出决算总表");
  const bad: ExcelJS.CellValue[] = [{ error: "#REF!" } as ExcelJS.CellErrorValue, "NaN", true, new Date("2020-12-31"), "215.04😀", 1e308, "−12"];
  const kinds = ["error", "text", "boolean", "date", "text", "magnitude", "minus"];
  const cells: Record<string, string> = {};
  let i = 0;
  ws.eachRow((row) => row.eachCell((c) => {
    if (i < bad.length && typeof c.value === "number" && !Number.isInteger(c.value)) {
      c.value = bad[i];
      // Read back as a date only with a date format; ExcelJS shares style objects, so give the cell its own.
      if (bad[i] instanceof Date) c.style = { ...c.style, numFmt: "yyyy-mm-dd" };
      cells[c.address] = kinds[i];
      i++;
    }
  }));
  return { buf: await save(wb), cells };
}

/** A hidden copy of 公开01表 with other figures, placed before every other sheet. */
export async function exampleWithHiddenOldCopy(state: "hidden" | "veryHidden" = "hidden"): Promise<Buffer> {
  const src = await load(await buildSichuan2020());
  const t01 = sheetWith(src, "收入支出决算总表");
  const out = new ExcelJS.Workbook();
  const copy = out.addWorksheet(`${t01.name}（旧）`, { state });
  const sheets = [t01, ...src.worksheets.filter((w) => w !== t01)];
  const targets = [copy, ...sheets.map((w) => out.addWorksheet(w.name))];
  const fill = (from: ExcelJS.Worksheet, to: ExcelJS.Worksheet, scale: boolean) => {
    from.eachRow((row, r) => row.eachCell((c, col) => {
      const v = c.value;
      to.getCell(r, col).value = scale && typeof v === "number" ? v * 2 : v;
    }));
    for (const m of (from.model as unknown as { merges?: string[] }).merges ?? []) to.mergeCells(m);
  };
  fill(t01, copy, true);
  sheets.forEach((w, i) => fill(w, targets[i + 1], false));
  return save(out);
}
