/**
 * Workbooks of later years and of table sets beyond nine, made from the repo's own example figures
 * (scripts/examples/seed-figures.json) — never from ../shared:
 *   example-national-<Y>.xlsx  the national 2024 layout moved to year Y (2025, 2026)
 *   example-sichuan-2025.xlsx  a Sichuan-style 13-table set: the nine plus 财政拨款支出决算明细表,
 *                              一般公共预算财政拨款支出决算明细表, 一般公共预算财政拨款项目支出决算表 and
 *                              国有资本经营预算财政拨款收入支出决算表 beside 国有资本经营预算财政拨款支出决算表;
 *                              基本支出 as 一般公共预算财政拨款基本支出决算明细表
 *   example-yunnan-2025.xlsx   a Yunnan-style 11-table set: the nine plus 项目支出决算表 and
 *                              “三公”经费、行政参公单位机关运行经费情况表
 *   example-central-2025.xlsx  the nine plus a central department's 基本支出决算明细表
 *   example-sichuan-2020-13.xlsx the Sichuan 2020 example (公开01–09表, 情况说明, 补充数据, 绩效表) as a 13-table
 *                              单位决算 set: 公开10–13表 财政拨款支出决算明细表, 一般公共预算财政拨款支出决算明细表,
 *                              一般公共预算财政拨款项目支出决算表, 国有资本经营预算财政拨款收入支出决算表
 * No file-system access here: scripts/make-years.ts writes the buffers, tests read them in memory.
 */
import ExcelJS from "exceljs";
import type Decimal from "decimal.js";
import { D, toNumber } from "../../src/money";
import { buildNational2024, buildSichuan2020, figuresWan } from "../examples/build";
import { SEED } from "../examples/model";
import type { Figures } from "../examples/model";

export const YEAR_FILES = {
  national2025: "example-national-2025.xlsx",
  national2026: "example-national-2026.xlsx",
  sichuan2025: "example-sichuan-2025.xlsx",
  yunnan2025: "example-yunnan-2025.xlsx",
  central2025: "example-central-2025.xlsx",
  sichuan2020Set13: "example-sichuan-2020-13.xlsx",
} as const;

const Z = () => new D(0);

/** The national example of 2024 with every year moved to `year` (titles, 补充数据, 截至 dates). */
export function buildNationalYear(year: number): Promise<Buffer> {
  return buildNational2024(SEED, year);
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

function put(ws: ExcelJS.Worksheet, r: number, c: number, v: string | number | Decimal | null): void {
  if (v === null) return;
  const cell = ws.getCell(r, c);
  if (typeof v === "object") {
    cell.value = toNumber(v);
    cell.numFmt = "0.00";
  } else cell.value = v;
}

type Group = { label: string; sub?: string[] };

/** A 功能分类 tree table (title, 单位：万元, two header rows, 合计 then 类/款/项 rows, a note). */
function treeSheet(
  wb: ExcelJS.Workbook, name: string, title: string, groups: Group[],
  values: (r: { total: Decimal; basic: Decimal; project: Decimal }) => Decimal[], fig: Figures, note: string,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  const cols = 2 + groups.reduce((n, g) => n + (g.sub?.length ?? 1), 0);
  ws.mergeCells(1, 1, 1, cols);
  put(ws, 1, 1, title);
  put(ws, 2, cols, "单位：万元");
  ws.mergeCells(3, 1, 3, 2);
  put(ws, 3, 1, "项目");
  put(ws, 4, 1, "功能分类科目编码");
  put(ws, 4, 2, "科目名称");
  let c = 3;
  for (const g of groups) {
    if (g.sub) {
      ws.mergeCells(3, c, 3, c + g.sub.length - 1);
      put(ws, 3, c, g.label);
      for (const s of g.sub) put(ws, 4, c++, s);
    } else {
      ws.mergeCells(3, c, 4, c);
      put(ws, 3, c, g.label);
      c++;
    }
  }
  let row = 5;
  ws.mergeCells(row, 1, row, 2);
  put(ws, row, 1, "合计");
  values(fig.sum).forEach((v, k) => put(ws, row, 3 + k, v));
  row++;
  for (const r of fig.rows) {
    put(ws, row, 1, r.code);
    put(ws, row, 2, r.name);
    values(r).forEach((v, k) => put(ws, row, 3 + k, v));
    row++;
  }
  ws.mergeCells(row, 1, row, cols);
  put(ws, row, 1, note);
  return ws;
}

function emptySoeExpense(wb: ExcelJS.Workbook, name: string, unit: string): void {
  const ws = wb.addWorksheet(name);
  ws.mergeCells(1, 1, 1, 5);
  put(ws, 1, 1, "国有资本经营预算财政拨款支出决算表");
  put(ws, 2, 5, "单位：万元");
  ws.mergeCells(3, 1, 3, 2);
  put(ws, 3, 1, "项目");
  ws.mergeCells(3, 3, 3, 5);
  put(ws, 3, 3, "本年支出");
  put(ws, 4, 1, "功能分类科目编码");
  put(ws, 4, 2, "科目名称");
  ["合计", "基本支出", "项目支出"].forEach((l, k) => put(ws, 4, 3 + k, l));
  ws.mergeCells(5, 1, 5, 2);
  put(ws, 5, 1, "合计");
  ws.mergeCells(6, 1, 6, 5);
  put(ws, 6, 1, "注：本表反映部门本年度国有资本经营预算财政拨款支出情况。");
  ws.mergeCells(7, 1, 7, 5);
  put(ws, 7, 1, `说明：${unit}本年度没有国有资本经营预算财政拨款支出，故本表无数据。`);
}

const DETAIL_GROUPS: Group[] = [{ label: "合计" }, { label: "基本支出", sub: ["人员经费", "公用经费"] }, { label: "项目支出" }];
/** Personnel and public parts of each row's 基本支出: the example's 基本支出 is all 人员经费 except for the 事业运行 lines. */
const detailValues = (r: { total: Decimal; basic: Decimal; project: Decimal }) => [r.total, r.basic, Z(), r.project];

/** A Sichuan-style 13-table set of `year` (the nine of the national layout plus four, 06表 as 基本支出决算明细表). */
export async function buildSichuan13(year = 2025): Promise<Buffer> {
  const wb = await load(await buildNationalYear(year));
  const fig = figuresWan(SEED);
  wb.getWorksheet("6一般公共预算财政拨款基本支出决算表")!.getCell(1, 1).value = "一般公共预算财政拨款基本支出决算明细表";
  treeSheet(wb, "5财政拨款支出决算明细表", "财政拨款支出决算明细表", DETAIL_GROUPS, detailValues, fig, "注：本表反映部门本年度财政拨款支出明细情况。");
  treeSheet(wb, "7一般公共预算财政拨款支出决算明细表", "一般公共预算财政拨款支出决算明细表", DETAIL_GROUPS, detailValues, fig, "注：本表反映部门本年度一般公共预算财政拨款支出明细情况。");
  treeSheet(wb, "9一般公共预算财政拨款项目支出决算表", "一般公共预算财政拨款项目支出决算表", [{ label: "项目支出合计" }], (r) => [r.project], fig, "注：本表反映部门本年度一般公共预算财政拨款项目支出情况。");
  emptySoeExpense(wb, "12国有资本经营预算财政拨款支出决算表", SEED.unit);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A Yunnan-style 11-table set: the nine plus 项目支出决算表 and the 三公 + 机关运行经费 table. */
export async function buildYunnan11(year = 2025): Promise<Buffer> {
  const wb = await load(await buildNationalYear(year));
  const fig = figuresWan(SEED);
  treeSheet(wb, "10项目支出决算表", "项目支出决算表", [{ label: "项目支出合计" }], (r) => [r.project], fig, "注：本表反映部门本年度项目支出情况。");
  const ws = wb.addWorksheet("11三公经费及机关运行经费");
  ws.mergeCells(1, 1, 1, 3);
  put(ws, 1, 1, "“三公”经费、行政参公单位机关运行经费情况表");
  put(ws, 2, 3, "单位：万元");
  ["项目", "预算数", "决算数"].forEach((l, k) => put(ws, 3, k + 1, l));
  const b = fig.tp.budget;
  const a = fig.tp.actual;
  const rows: [string, Decimal | null, Decimal | null][] = [
    ["一、“三公”经费支出", b.abroad.plus(b.carPurchase).plus(b.carRunning).plus(b.reception), a.abroad.plus(a.carPurchase).plus(a.carRunning).plus(a.reception)],
    ["（一）因公出国（境）费", b.abroad, a.abroad],
    ["（二）公务用车购置及运行费", b.carPurchase.plus(b.carRunning), a.carPurchase.plus(a.carRunning)],
    ["1.公务用车购置费", b.carPurchase, a.carPurchase],
    ["2.公务用车运行费", b.carRunning, a.carRunning],
    ["（三）公务接待费", b.reception, a.reception],
    ["二、机关运行经费", null, fig.operatingCost],
  ];
  rows.forEach(([l, x, y], k) => {
    put(ws, 4 + k, 1, l);
    put(ws, 4 + k, 2, x);
    put(ws, 4 + k, 3, y);
  });
  ws.mergeCells(4 + rows.length, 1, 4 + rows.length, 3);
  put(ws, 4 + rows.length, 1, "注：本表反映部门本年度“三公”经费及行政参公单位机关运行经费情况。");
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The nine plus a central department's 基本支出决算明细表 (a copy of 公开06表's figures under that title). */
export async function buildCentralBasicDetail(year = 2025): Promise<Buffer> {
  const wb = await load(await buildNationalYear(year));
  const src = wb.getWorksheet("6一般公共预算财政拨款基本支出决算表")!;
  const ws = wb.addWorksheet("10基本支出决算明细表");
  src.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      ws.getCell(r, c).value = cell.value;
      ws.getCell(r, c).numFmt = cell.numFmt;
    });
  });
  ws.mergeCells(1, 1, 1, 6);
  ws.getCell(1, 1).value = "基本支出决算明细表";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A copy of a sheet's cells, formats and merges under a new name, its title cell (A1) replaced. */
function copySheet(wb: ExcelJS.Workbook, from: string, name: string, title: string): ExcelJS.Worksheet {
  const src = wb.getWorksheet(from)!;
  const ws = wb.addWorksheet(name);
  src.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      ws.getCell(r, c).value = cell.value;
      ws.getCell(r, c).numFmt = cell.numFmt;
    });
  });
  for (const m of (src.model as unknown as { merges?: string[] }).merges ?? []) ws.mergeCells(m);
  ws.getCell(1, 1).value = title;
  return ws;
}

const SANGONG_SHEET = "7财政拨款“三公”经费支出决算表";

/** Hainan-style: the nine plus 政府性基金 and 国有资本经营 “三公” tables (same layout as 公开07表). */
export async function buildHainanSanGong(year = 2025): Promise<Buffer> {
  const wb = await load(await buildNationalYear(year));
  copySheet(wb, SANGONG_SHEET, "7-1政府性基金三公", "政府性基金预算财政拨款“三公”经费支出决算表");
  copySheet(wb, SANGONG_SHEET, "7-2国有资本三公", "国有资本经营预算财政拨款“三公”经费支出决算表");
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 柞水-style 07表 “三公”经费及会议费、培训费支出决算表: alone it is 公开07表; `beside` keeps the 三公 table too. */
export async function buildMeetingSanGong(year = 2025, beside = false): Promise<Buffer> {
  const wb = await load(await buildNationalYear(year));
  const title = "“三公”经费及会议费、培训费支出决算表";
  if (beside) copySheet(wb, SANGONG_SHEET, "7-1三公及会议培训", title);
  else wb.getWorksheet(SANGONG_SHEET)!.getCell(1, 1).value = title;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An empty 国有资本经营预算财政拨款收入支出决算表 (结转和结余, 收入, 支出 合计/基本/项目) with its 本表无数据 说明. */
function emptySoeIncomeExpense(wb: ExcelJS.Workbook, name: string, unit: string, tableNo: string): void {
  const ws = wb.addWorksheet(name);
  ws.mergeCells(1, 1, 1, 8);
  put(ws, 1, 1, "国有资本经营预算财政拨款收入支出决算表");
  put(ws, 2, 1, tableNo);
  put(ws, 2, 8, "金额单位：万元");
  ws.mergeCells(3, 1, 3, 2);
  put(ws, 3, 1, "项目");
  ws.mergeCells(3, 3, 4, 3);
  put(ws, 3, 3, "年初结转和结余");
  ws.mergeCells(3, 4, 4, 4);
  put(ws, 3, 4, "本年收入");
  ws.mergeCells(3, 5, 3, 7);
  put(ws, 3, 5, "本年支出");
  ws.mergeCells(3, 8, 4, 8);
  put(ws, 3, 8, "年末结转和结余");
  put(ws, 4, 1, "功能分类科目编码");
  put(ws, 4, 2, "科目名称");
  ["合计", "基本支出", "项目支出"].forEach((l, k) => put(ws, 4, 5 + k, l));
  ws.mergeCells(5, 1, 5, 2);
  put(ws, 5, 1, "合计");
  ws.mergeCells(6, 1, 6, 8);
  put(ws, 6, 1, "注：本表反映部门本年度国有资本经营预算财政拨款收入支出及结转和结余情况。");
  ws.mergeCells(7, 1, 7, 8);
  put(ws, 7, 1, `说明：${unit}本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。`);
}

/**
 * The Sichuan 2020 example as a 13-table 单位决算 set: its own 公开01–09表 (Sichuan 2020 layout, with 情况说明,
 * 补充数据 and 绩效表 as in example-sichuan-2020.xlsx) plus 公开10–13表 after them.
 */
export async function buildSichuan2020Set13(): Promise<Buffer> {
  const wb = await load(await buildSichuan2020(SEED));
  const fig = figuresWan(SEED);
  const titled = (ws: ExcelJS.Worksheet, no: string) => put(ws, 2, 1, no);
  titled(treeSheet(wb, "公开10表", "财政拨款支出决算明细表", DETAIL_GROUPS, detailValues, fig, "注：本表反映部门本年度财政拨款支出明细情况。"), "公开10表");
  titled(treeSheet(wb, "公开11表", "一般公共预算财政拨款支出决算明细表", DETAIL_GROUPS, detailValues, fig, "注：本表反映部门本年度一般公共预算财政拨款支出明细情况。"), "公开11表");
  titled(treeSheet(wb, "公开12表", "一般公共预算财政拨款项目支出决算表", [{ label: "项目支出合计" }], (r) => [r.project], fig, "注：本表反映部门本年度一般公共预算财政拨款项目支出情况。"), "公开12表");
  emptySoeIncomeExpense(wb, "公开13表", SEED.unit, "公开13表");
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function buildYearWorkbooks(): Promise<Record<string, Buffer>> {
  return {
    [YEAR_FILES.national2025]: await buildNationalYear(2025),
    [YEAR_FILES.national2026]: await buildNationalYear(2026),
    [YEAR_FILES.sichuan2025]: await buildSichuan13(2025),
    [YEAR_FILES.yunnan2025]: await buildYunnan11(2025),
    [YEAR_FILES.central2025]: await buildCentralBasicDetail(2025),
    [YEAR_FILES.sichuan2020Set13]: await buildSichuan2020Set13(),
  };
}
