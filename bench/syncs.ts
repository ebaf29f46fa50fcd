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
  console.log("（写说明(新建)/(保留修改)含新工作表单独一次激活：Excel 网页版可能忽略同一批次中新建工作表的 activate()）");

  // A sheet with more than 512 merged areas (Excel fails that request and the whole batch).
  const merged = {
    sheets: [
      { name: "公开01表", origin: { row: 0, col: 0 }, values: [["收入支出决算总表"]], merges: [] },
      { name: "绩效自评表", origin: { row: 0, col: 0 }, values: Array.from({ length: 1300 }, (_x, r) => [`项目${r + 1}`, null, r]), merges: Array.from({ length: 1300 }, (_x, r) => ({ top: r, left: 0, bottom: r, right: 1 })) },
    ],
  };
  const heavy = createFakeExcel(merged);
  const names = merged.sheets.map((x) => x.name);
  await readWorkbookSnapshot(heavy.Excel, { knownSheetNames: names });
  const firstHeavy = heavy.state.syncCount;
  heavy.state.resetSyncCount();
  await readWorkbookSnapshot(heavy.Excel);
  console.log(`1300 个合并区的工作表：首次读取 ${firstHeavy} 次同步（失败一次后按工作表、按行分段读取合并区），之后每次 ${heavy.state.syncCount} 次`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
