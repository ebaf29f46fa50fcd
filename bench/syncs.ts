/**
 * context.sync() round trips per adapter operation, on the fixtures, through the fake Excel.
 * Run: npx ts-node --transpile-only bench/syncs.ts
 */
import * as fs from "fs";
import * as path from "path";
import { readXlsx } from "../cli/adapters/xlsx";
import { createFakeExcel } from "../test/fake-excel";
import { readWorkbookSnapshot, navigateTo, writeNarrativeSheet, forgetWorkbook, GENERATED_SHEET } from "../taskpane/excel";
import type { NarrativeParagraph } from "../taskpane/excel";

const FIXTURES = path.resolve(__dirname, "../../shared/fixtures");

const PARAS: NarrativeParagraph[] = [
  { text: "2020年度部门决算情况说明", style: "title" },
  { text: "一、收入支出决算总体情况说明", style: "heading1" },
  { text: "2020年度收入总计393.40万元。", style: "body", sources: [{ text: "393.40", sheet: "公开01表", cell: "B37" }] },
];

async function main(): Promise<void> {
  if (!fs.existsSync(FIXTURES)) {
    console.log(`找不到样例工作簿目录：${FIXTURES}`);
    return;
  }
  const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".xlsx")).sort();
  const rows: string[][] = [];
  for (const f of files) {
    const snap = await readXlsx(path.join(FIXTURES, f));
    const cells = snap.sheets.reduce((n, s) => n + s.values.length * (s.values[0]?.length ?? 0), 0);
    const { Excel, state } = createFakeExcel(snap);
    const count = async (op: () => Promise<unknown>): Promise<number> => {
      state.resetSyncCount();
      await op();
      return state.syncCount;
    };
    const coldRead = await count(() => readWorkbookSnapshot(Excel));
    const warmRead = await count(() => readWorkbookSnapshot(Excel));
    const target = snap.sheets.find((s) => /[-\s]/.test(s.name)) ?? snap.sheets[0];
    const nav = await count(() => navigateTo(target.name, "B5", Excel));
    const write1 = await count(() => writeNarrativeSheet(PARAS, { excel: Excel }));
    const write2 = await count(() => writeNarrativeSheet(PARAS, { excel: Excel }));
    state.userEdit(GENERATED_SHEET, "A3", "用户改过的段落");
    const write3 = await count(() => writeNarrativeSheet(PARAS, { excel: Excel }));
    // The same workbook pretending to be over Excel's limits: at most 1000 cells per sync.
    const big = createFakeExcel(snap, { maxCellsPerLoad: 1000 });
    forgetWorkbook(big.Excel);
    await readWorkbookSnapshot(big.Excel, { maxCellsPerSync: 1000 });
    big.state.resetSyncCount();
    await readWorkbookSnapshot(big.Excel, { maxCellsPerSync: 1000 });
    const chunked = big.state.syncCount;
    rows.push([f, String(snap.sheets.length), String(cells), String(coldRead), String(warmRead), String(nav), String(write1), String(write2), String(write3), `${chunked}（≥${1 + Math.ceil(cells / 1000)}）`]);
  }
  const head = ["工作簿", "工作表", "单元格", "首次读取", "再次读取", "定位", "写说明(新建)", "写说明(替换)", "写说明(保留修改)", "分块读取(每次≤1000格)"];
  console.log(head.join("\t"));
  for (const r of rows) console.log(r.join("\t"));
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
