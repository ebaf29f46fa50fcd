/**
 * Builds the project's own example workbooks from scripts/examples/seed-figures.json:
 *   example-sichuan-2020.xlsx       Sichuan 2020 layout in 万元, with 情况说明, 补充数据 and performance forms
 *   example-sichuan-2020-yuan.xlsx  the same tables in 元 (split codes, text amounts, shuffled sheets)
 *   example-national-2024.xlsx      the national 2024 template layout, same figures relabelled 2024/2023
 * No file-system access here: the caller writes the buffers (scripts/make-examples.ts).
 */
import ExcelJS from "exceljs";
import type Decimal from "decimal.js";
import { D, formatTableAmount, toNumber } from "../../src/money";
import layouts from "./layouts.json";
import { deriveYuanLeaves } from "./ledger";
import { computeFigures, SEED, wanLeaves, type Figures, type Seed, type ThreePublic } from "./model";
import { buildNarrative } from "./narrative";

export const EXAMPLE_FILES = {
  sichuan: "example-sichuan-2020.xlsx",
  yuan: "example-sichuan-2020-yuan.xlsx",
  national: "example-national-2024.xlsx",
} as const;

/** Fixed document dates so that regeneration is reproducible. */
const FIXED_DATE = new Date(Date.UTC(2021, 5, 30, 0, 0, 0));
const NOTE_TAIL = "本表金额转换成万元时，因四舍五入可能存在尾数误差。";
const FULL_SPACE = "\u3000";

const CN_DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
/** 1 → 一, 12 → 十二, 26 → 二十六 */
export function cnNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ""}`;
}

type Flavor = {
  unit: "万元" | "元";
  /** Split codes 类 | 款 | 项 (true) or one 7-digit code column (false). */
  split: boolean;
  titleRow: number;
  tableNoRow: number;
  titlePrefix: string;
  orgLabel: string;
  unitLabel: string;
  /** Indent names with full-width spaces by level. */
  indent: boolean;
  /** 0 written as 0.00 (万元) or left blank (元). */
  blankZero: boolean;
  /** The 本表无数据 sentence as a body row (true) or as a note below the table (false). */
  emptyBodyRow: boolean;
  quotes: "ascii" | "cn";
};

type CellStyle = "num" | "text" | "padded";

class Sheet {
  constructor(
    readonly ws: ExcelJS.Worksheet,
    readonly flavor: Flavor | null,
  ) {}
  set(r: number, c: number, v: string | number | null): void {
    this.ws.getCell(r, c).value = v;
  }
  merge(r1: number, c1: number, r2: number, c2: number, v?: string | number): void {
    if (v !== undefined) this.set(r1, c1, v);
    if (r1 !== r2 || c1 !== c2) this.ws.mergeCells(r1, c1, r2, c2);
  }
  amount(r: number, c: number, v: Decimal, style: CellStyle = "num"): void {
    const f = this.flavor;
    const cell = this.ws.getCell(r, c);
    if (f?.blankZero && v.isZero()) return;
    if (style === "num" || !f || f.unit === "万元") {
      cell.value = toNumber(v);
      cell.numFmt = f?.unit === "元" ? "#,##0.00" : "0.00";
      return;
    }
    const t = formatTableAmount(v);
    cell.value = style === "padded" ? ` ${t} ` : t;
  }
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "决算助手示例生成器";
  wb.lastModifiedBy = "决算助手示例生成器";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.lastPrinted = FIXED_DATE;
  return wb;
}

const Z = () => new D(0);
const quote = (f: Flavor, s: string) => (f.quotes === "ascii" ? s.replace(/[“”]/g, '"') : s);

/** Title, table number, org and unit rows (Sichuan families). Returns the first free row. */
function header(sh: Sheet, f: Flavor, s: Seed, title: string, no: string, cols: number, orgSpan: number): number {
  sh.merge(f.titleRow, 1, f.titleRow, cols, f.titlePrefix + quote(f, title));
  sh.set(f.tableNoRow, cols, no);
  sh.merge(3, 1, 3, orgSpan, f.orgLabel + s.unit);
  sh.set(3, cols, f.unitLabel);
  return 4;
}

function notes(sh: Sheet, row: number, cols: number, lines: string[]): number {
  for (const l of lines) {
    sh.merge(row, 1, row, cols, l);
    row++;
  }
  return row;
}

type ColSpec = { label: string; sub?: string[] };

/** Tree-table header: 项目 block + value columns. Returns { next row, code column count }. */
function treeHeader(sh: Sheet, f: Flavor, row: number, specs: ColSpec[], lanes: boolean): { row: number; left: number } {
  const left = f.split ? 4 : 2;
  const h = f.split ? 3 : 2;
  sh.merge(row, 1, row, left, "项目");
  if (f.split) {
    sh.merge(row + 1, 1, row + 1, 3, "科目编码");
    sh.merge(row + 1, 4, row + 2, 4, "科目名称");
    sh.set(row + 2, 1, "类");
    sh.set(row + 2, 2, "款");
    sh.set(row + 2, 3, "项");
  } else {
    sh.set(row + 1, 1, "科目编码");
    sh.set(row + 1, 2, "科目名称");
  }
  let c = left + 1;
  for (const spec of specs) {
    if (spec.sub) {
      sh.merge(row, c, row, c + spec.sub.length - 1, spec.label);
      for (const sub of spec.sub) {
        sh.merge(row + 1, c, row + h - 1, c, sub);
        c++;
      }
    } else {
      sh.merge(row, c, row + h - 1, c, spec.label);
      c++;
    }
  }
  row += h;
  if (lanes) {
    sh.merge(row, 1, row, left, "栏次");
    for (let k = left + 1; k < c; k++) sh.set(row, k, k - left);
    row++;
  }
  return { row, left };
}

function codeCells(sh: Sheet, f: Flavor, row: number, code: string, name: string, level: number): void {
  const nm = f.indent ? FULL_SPACE.repeat(level - 1) + name : name;
  if (f.split) {
    sh.set(row, 1, code.slice(0, 3));
    if (code.length >= 5) sh.set(row, 2, code.slice(3, 5));
    if (code.length >= 7) sh.set(row, 3, code.slice(5, 7));
    sh.set(row, 4, nm);
  } else {
    sh.set(row, 1, code);
    sh.set(row, 2, nm);
  }
}

interface TreeOptions {
  title: string;
  no: string;
  specs: ColSpec[];
  values: (r: { total: Decimal; basic: Decimal; project: Decimal; income: Decimal }) => Decimal[];
  rowStyle?: (level: 0 | 1 | 2 | 3) => CellStyle;
  spacerAfterClass?: string;
  note: string;
}

function treeTable(wb: ExcelJS.Workbook, name: string, f: Flavor, s: Seed, fig: Figures, o: TreeOptions): void {
  const sh = new Sheet(wb.addWorksheet(name), f);
  const width = (f.split ? 4 : 2) + o.specs.reduce((n, x) => n + (x.sub?.length ?? 1), 0);
  let row = header(sh, f, s, o.title, o.no, width, f.split ? 5 : 4 - (width <= 5 ? 2 : 0));
  const h = treeHeader(sh, f, row, o.specs, true);
  row = h.row;
  const style = o.rowStyle ?? (() => "num" as CellStyle);
  sh.merge(row, 1, row, h.left, "合计");
  o.values(fig.sum).forEach((v, k) => sh.amount(row, h.left + 1 + k, v, style(0)));
  row++;
  let prevClass = "";
  for (const r of fig.rows) {
    if (o.spacerAfterClass && r.level === 1 && prevClass === o.spacerAfterClass) row++;
    if (r.level === 1) prevClass = r.code;
    codeCells(sh, f, row, r.code, r.name, r.level);
    o.values(r).forEach((v, k) => sh.amount(row, h.left + 1 + k, v, style(r.level)));
    row++;
  }
  notes(sh, row, width, f.unit === "万元" ? [o.note, NOTE_TAIL] : [o.note]);
}

/** 公开08/09表 with no data. */
function emptyTreeTable(wb: ExcelJS.Workbook, name: string, f: Flavor, s: Seed, title: string, no: string, specs: ColSpec[], note: string, none: string): void {
  const sh = new Sheet(wb.addWorksheet(name), f);
  const width = (f.split ? 4 : 2) + specs.reduce((n, x) => n + (x.sub?.length ?? 1), 0);
  let row = header(sh, f, s, title, no, width, f.split ? 5 : width <= 5 ? 2 : 4);
  const h = treeHeader(sh, f, row, specs, true);
  row = h.row;
  sh.merge(row, 1, row, h.left, "合计");
  row++;
  if (f.emptyBodyRow) row = notes(sh, row, width, [none, note]);
  else row = notes(sh, row, width, [note, none]);
}

const CLASS_ROWS = layouts.classes2020;

function t01(wb: ExcelJS.Workbook, name: string, f: Flavor, s: Seed, fig: Figures): void {
  const sh = new Sheet(wb.addWorksheet(name), f);
  let row = header(sh, f, s, "收入支出决算总表", "公开01表", 6, 3);
  sh.merge(row, 1, row, 3, "收入");
  sh.merge(row, 4, row, 6, "支出");
  row++;
  ["项目", "行次", "金额", "项目", "行次", "金额"].forEach((l, k) => sh.set(row, k + 1, l));
  row++;
  sh.set(row, 1, "栏次");
  sh.set(row, 3, 1);
  sh.set(row, 4, "栏次");
  sh.set(row, 6, 2);
  row++;
  const income: Decimal[] = [fig.sum.income, Z(), Z(), Z(), Z(), Z(), Z(), Z()];
  const incomeLabels = ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"];
  const n = CLASS_ROWS.length;
  for (let k = 0; k < n; k++) {
    if (k < incomeLabels.length) {
      sh.set(row, 1, `${cnNumber(k + 1)}、${incomeLabels[k]}`);
      sh.amount(row, 3, income[k], f.unit === "元" ? "text" : "num");
    }
    sh.set(row, 2, k + 1);
    const [code, label] = CLASS_ROWS[k];
    sh.set(row, 4, `${cnNumber(k + 1)}、${label}`);
    sh.set(row, 5, n + 4 + k + 1);
    sh.amount(row, 6, fig.classes[code]?.total ?? Z(), f.unit === "元" ? "text" : "num");
    row++;
  }
  const tail: Array<[string, Decimal, string, Decimal]> = [
    ["本年收入合计", fig.sum.income, "本年支出合计", fig.sum.total],
    ["使用非财政拨款结余", Z(), "结余分配", Z()],
    ["年初结转和结余", fig.carryIn, "年末结转和结余", fig.carryOut],
    ["总计", fig.grandTotal, "总计", fig.grandTotal],
  ];
  tail.forEach(([l1, v1, l2, v2], k) => {
    sh.set(row, 1, l1);
    sh.set(row, 2, n + 1 + k);
    sh.amount(row, 3, v1);
    sh.set(row, 4, l2);
    sh.set(row, 5, 2 * n + 4 + 1 + k);
    sh.amount(row, 6, v2);
    row++;
  });
  notes(sh, row, 6, f.unit === "万元" ? ["注：本表反映部门本年度的总收支和年末结转结余情况。", NOTE_TAIL] : ["注：本表反映部门本年度的总收支和年末结转结余情况。"]);
}

function t04(wb: ExcelJS.Workbook, name: string, f: Flavor, s: Seed, fig: Figures): void {
  const sh = new Sheet(wb.addWorksheet(name), f);
  let row = header(sh, f, s, "财政拨款收入支出决算总表", "公开04表", 9, 4);
  sh.merge(row, 1, row, 3, "收入");
  sh.merge(row, 4, row, 9, "支出");
  row++;
  ["项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"].forEach((l, k) => sh.set(row, k + 1, l));
  row++;
  sh.set(row, 1, "栏次");
  sh.set(row, 3, 1);
  sh.set(row, 4, "栏次");
  [2, 3, 4, 5].forEach((v, k) => sh.set(row, 6 + k, v));
  row++;
  const n = CLASS_ROWS.length;
  const leftCount = n + 6; // class rows + 本年收入合计 + 年初 + 3 sub-rows + 总计
  const incomeLabels = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"];
  const incomeValues = [fig.sum.income, Z(), Z()];
  const exp = (r: number, v: Decimal) => {
    sh.amount(r, 6, v);
    sh.amount(r, 7, v);
    sh.amount(r, 8, Z());
    sh.amount(r, 9, Z());
  };
  for (let k = 0; k < n; k++) {
    if (k < 3) {
      sh.set(row, 1, `${cnNumber(k + 1)}、${incomeLabels[k]}`);
      sh.amount(row, 3, incomeValues[k]);
    }
    sh.set(row, 2, k + 1);
    const [code, label] = CLASS_ROWS[k];
    sh.set(row, 4, `${cnNumber(k + 1)}、${label}`);
    sh.set(row, 5, leftCount + k + 1);
    exp(row, fig.classes[code]?.total ?? Z());
    row++;
  }
  const ind = f.indent ? FULL_SPACE : "";
  const left: Array<[string, Decimal]> = [
    ["本年收入合计", fig.sum.income],
    ["年初财政拨款结转和结余", fig.carryIn],
    [ind + "一般公共预算财政拨款", fig.carryIn],
    [ind + "政府性基金预算财政拨款", Z()],
    [ind + "国有资本经营预算财政拨款", Z()],
    ["总计", fig.grandTotal],
  ];
  const right: Array<[string, Decimal] | null> = [
    ["本年支出合计", fig.sum.total],
    ["年末财政拨款结转和结余", fig.carryOut],
    null,
    null,
    null,
    ["总计", fig.grandTotal],
  ];
  left.forEach(([l, v], k) => {
    sh.set(row, 1, l);
    sh.set(row, 2, n + 1 + k);
    sh.amount(row, 3, v);
    sh.set(row, 5, leftCount + n + 1 + k);
    const r = right[k];
    if (r) {
      sh.set(row, 4, r[0]);
      exp(row, r[1]);
    }
    row++;
  });
  const note = "注：本表反映部门本年度一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款的总收支和年末结转结余情况。";
  notes(sh, row, 9, f.unit === "万元" ? [note, NOTE_TAIL] : [note]);
}

const econName = (code: string) => (layouts.economicNames as Record<string, string>)[code];
const econValue = (fig: Figures, code: string) => (code.length === 3 ? fig.economicClass[code] : fig.economic[code] ?? Z());

function t06(wb: ExcelJS.Workbook, name: string, f: Flavor, s: Seed, fig: Figures): void {
  const sh = new Sheet(wb.addWorksheet(name), f);
  const e = layouts.economic2020;
  const blocks = f.split ? [e.personnel, [...e.public, ...e.public2]] : [e.personnel, e.public, e.public2];
  const cols = blocks.length * 3;
  let row = header(sh, f, s, "一般公共预算财政拨款基本支出决算表", "公开06表", cols, f.split ? 3 : 4);
  sh.merge(row, 1, row, 3, "人员经费");
  sh.merge(row, 4, row, cols, "公用经费");
  row++;
  blocks.forEach((_, b) => ["科目编码", "科目名称", "决算数"].forEach((l, k) => sh.set(row, b * 3 + k + 1, l)));
  row++;
  const height = Math.max(...blocks.map((b) => b.length));
  blocks.forEach((codes, b) =>
    codes.forEach((code, k) => {
      sh.set(row + k, b * 3 + 1, code);
      sh.set(row + k, b * 3 + 2, (f.indent && code.length === 5 ? FULL_SPACE : "") + econName(code));
      sh.amount(row + k, b * 3 + 3, econValue(fig, code));
    }),
  );
  row += height;
  sh.merge(row, 1, row, 2, "人员经费合计");
  sh.amount(row, 3, fig.personnel);
  sh.merge(row, 4, row, cols - 1, "公用经费合计");
  sh.amount(row, cols, fig.publicCost);
  row++;
  const note = "注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。";
  notes(sh, row, cols, f.unit === "万元" ? [note, NOTE_TAIL] : [note]);
}

function tpRow(t: ThreePublic): Decimal[] {
  const car = t.carPurchase.plus(t.carRunning);
  return [t.abroad.plus(car).plus(t.reception), t.abroad, car, t.carPurchase, t.carRunning, t.reception];
}

function t07(wb: ExcelJS.Workbook, name: string, f: Flavor, s: Seed, fig: Figures): void {
  const sh = new Sheet(wb.addWorksheet(name), f);
  let row = header(sh, f, s, "一般公共预算财政拨款“三公”经费支出决算表", "公开07表", 12, 6);
  sh.merge(row, 1, row, 6, "预算数");
  sh.merge(row, 7, row, 12, "决算数");
  row++;
  for (const base of [0, 6]) {
    sh.merge(row, base + 1, row + 1, base + 1, "合计");
    sh.merge(row, base + 2, row + 1, base + 2, "因公出国（境）费");
    sh.merge(row, base + 3, row, base + 5, "公务用车购置及运行费");
    sh.set(row + 1, base + 3, "小计");
    sh.set(row + 1, base + 4, "公务用车购置费");
    sh.set(row + 1, base + 5, "公务用车运行费");
    sh.merge(row, base + 6, row + 1, base + 6, "公务接待费");
  }
  row += 2;
  for (let k = 1; k <= 12; k++) sh.set(row, k, k);
  row++;
  [...tpRow(fig.tp.budget), ...tpRow(fig.tp.actual)].forEach((v, k) => sh.amount(row, k + 1, v));
  row++;
  const note = "注：本表反映部门本年度“三公”经费支出预决算情况。其中，预算数为“三公”经费全年预算数，反映按规定程序调整后的预算数；决算数是包括当年一般公共预算财政拨款和以前年度结转资金安排的实际支出。";
  notes(sh, row, 12, f.unit === "万元" ? [note, NOTE_TAIL] : [note]);
}

const T08_SPECS: ColSpec[] = [{ label: "年初结转和结余" }, { label: "本年收入" }, { label: "本年支出", sub: ["小计", "基本支出", "项目支出"] }, { label: "年末结转和结余" }];

function sichuanTables(wb: ExcelJS.Workbook, f: Flavor, s: Seed, fig: Figures, names: string[]): Record<string, () => void> {
  const yuan = f.unit === "元";
  return {
    [names[0]]: () => t01(wb, names[0], f, s, fig),
    [names[1]]: () =>
      treeTable(wb, names[1], f, s, fig, {
        title: "收入决算表", no: "公开02表",
        specs: ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"].map((label) => ({ label })),
        values: (r) => [r.income, r.income, Z(), Z(), Z(), Z(), Z()],
        rowStyle: (lv) => (yuan && lv === 0 ? "padded" : "num"),
        note: "注：本表反映部门本年度取得的各项收入情况。",
      }),
    [names[2]]: () =>
      treeTable(wb, names[2], f, s, fig, {
        title: "支出决算表", no: "公开03表",
        specs: ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"].map((label) => ({ label })),
        values: (r) => [r.total, r.basic, r.project, Z(), Z(), Z()],
        rowStyle: (lv) => (yuan && lv === 3 ? "text" : "num"),
        note: "注：本表反映部门本年度各项支出情况。",
      }),
    [names[3]]: () => t04(wb, names[3], f, s, fig),
    [names[4]]: () =>
      treeTable(wb, names[4], f, s, fig, {
        title: "一般公共预算财政拨款支出决算表", no: "公开05表",
        specs: [{ label: "本年支出", sub: ["合计", "基本支出", "项目支出"] }],
        values: (r) => [r.total, r.basic, r.project],
        rowStyle: (lv) => (yuan && lv === 3 ? "text" : "num"),
        spacerAfterClass: yuan ? "201" : undefined,
        note: "注：本表反映部门本年度一般公共预算财政拨款支出情况。",
      }),
    [names[5]]: () => t06(wb, names[5], f, s, fig),
    [names[6]]: () => t07(wb, names[6], f, s, fig),
    [names[7]]: () =>
      emptyTreeTable(wb, names[7], f, s, "政府性基金预算财政拨款收入支出决算表", "公开08表", T08_SPECS,
        "注：本表反映部门本年度政府性基金预算财政拨款收入、支出及结转和结余情况。", "本单位无政府性基金预算财政拨款收入、支出及结转和结余，故本表无数据。"),
    [names[8]]: () =>
      emptyTreeTable(wb, names[8], f, s, "国有资本经营预算财政拨款支出决算表", "公开09表", [{ label: "本年支出", sub: ["合计", "基本支出", "项目支出"] }],
        "注：本表反映部门本年度国有资本经营预算财政拨款支出情况。", "本单位无国有资本经营预算财政拨款支出，故本表无数据。"),
  };
}

/** 补充数据 rows: [项目, 科目编码, 本年数, 上年数, 预算数, 主要原因]; null = not given. */
type SuppRow = [string, string | null, Decimal | number | null, Decimal | number | null, Decimal | number | null, string | null];

function supplementRows(s: Seed, fig: Figures, year: number): SuppRow[] {
  const r = s.reasons;
  const rows: SuppRow[] = [
    ["收入支出总计", null, null, fig.prior.total, null, r.total],
    ["财政拨款收入支出总计", null, null, fig.prior.fiscalTotal, null, r.fiscalTotal],
    ["一般公共预算财政拨款支出", null, null, fig.prior.gpbExpenditure, null, r.gpbExpenditure],
  ];
  const seedItems = s.functional.items as Array<{ reason?: string }>;
  fig.items.forEach((it, n) => rows.push([it.name, it.code, null, null, it.budget, seedItems[n].reason ?? null]));
  rows.push(["一般公共预算财政拨款支出决算（全年）", null, null, null, fig.wholeBudget, r.wholeBudget]);
  const a = fig.tp.actual, p = fig.tp.prior, b = fig.tp.budget;
  rows.push(
    ["\"三公\"经费", null, fig.tpActualTotal, fig.tpPriorTotal, fig.tpBudgetTotal, null],
    ["因公出国（境）费", null, a.abroad, p.abroad, b.abroad, r.abroad.replace("{year}", String(year))],
    ["公务用车购置及运行维护费", null, a.carPurchase.plus(a.carRunning), p.carPurchase.plus(p.carRunning), b.carPurchase.plus(b.carRunning), r.car],
    ["公务用车购置费", null, a.carPurchase, p.carPurchase, b.carPurchase, null],
    ["公务用车运行维护费", null, a.carRunning, p.carRunning, b.carRunning, null],
    ["公务接待费", null, a.reception, p.reception, b.reception, r.reception],
    ["国内公务接待费", null, fig.receptionDomestic.actual, fig.receptionDomestic.prior, null, null],
    ["外事接待费", null, fig.receptionForeign.actual, fig.receptionForeign.prior, null, null],
    ["机关运行经费", null, fig.operatingCost, fig.prior.operatingCost, null, r.operatingCost],
  );
  for (const [k, v] of Object.entries(s.counts)) rows.push([k, null, v as number, null, null, null]);
  for (const [k, v] of Object.entries(fig.procurement)) rows.push([k, null, v, null, null, null]);
  for (const [k, v] of Object.entries(s.assets)) rows.push([k, null, v as number, null, null, null]);
  for (const [k, v] of Object.entries(s.performance.counts)) rows.push([k, null, v as number, null, null, null]);
  return rows;
}

function supplementSheet(wb: ExcelJS.Workbook, s: Seed, fig: Figures, year: number, yuan: boolean, edit: (rows: SuppRow[]) => SuppRow[] = (r) => r): void {
  const sh = new Sheet(wb.addWorksheet("补充数据"), null);
  let row = 1;
  if (yuan) {
    sh.set(row, 1, "单位：元");
    row++;
  }
  ["项目", "科目编码", "本年数", "上年数", "预算数", "主要原因"].forEach((l, k) => sh.set(row, k + 1, l));
  row++;
  for (const r of edit(supplementRows(s, fig, year))) {
    sh.set(row, 1, r[0]);
    if (r[1]) sh.set(row, 2, r[1]);
    [r[2], r[3], r[4]].forEach((v, k) => {
      if (v === null) return;
      const cell = sh.ws.getCell(row, 3 + k);
      if (typeof v === "number") cell.value = v;
      else if (yuan && k === 1) cell.value = formatTableAmount(v); // 上年数 as text, as a second accountant types it
      else {
        cell.value = toNumber(v);
        cell.numFmt = yuan ? "#,##0.00" : "0.00";
      }
    });
    if (r[5]) sh.set(row, 6, r[5]);
    row++;
  }
  sh.ws.getColumn(1).width = 36;
  sh.ws.getColumn(6).width = 30;
}

/** One complete project performance form at `top`; returns the row after it. */
function performanceForm(sh: Sheet, top: number, s: Seed, year: number, p: Seed["performance"]["projects"][number]): number {
  const fillYear = (t: string) => t.replace(/\{year\}/g, String(year));
  let r = top;
  sh.merge(r, 1, r, 6, "项目绩效目标完成情况表");
  sh.merge(r + 1, 1, r + 1, 6, `(${year}年度)`);
  sh.set(r + 2, 1, "项目名称");
  sh.merge(r + 2, 2, r + 2, 6, p.name);
  sh.set(r + 3, 1, "预算单位");
  sh.merge(r + 3, 2, r + 3, 6, s.unit);
  r += 4;
  sh.merge(r, 1, r + 2, 1, "预算执行情况(万元)");
  const money: Array<[string, string, string]> = [
    ["预算数:", p.budget, p.executed],
    ["其中-财政拨款:", new D(p.budget).minus(p.other).toFixed(2), new D(p.executed).minus(p.other).toFixed(2)],
    ["其它资金:", p.other, p.other],
  ];
  money.forEach(([label, budget, executed], k) => {
    sh.set(r + k, 2, label);
    sh.amount(r + k, 3, new D(budget));
    sh.set(r + k, 4, label === "预算数:" ? "执行数:" : label);
    sh.merge(r + k, 5, r + k, 6);
    sh.amount(r + k, 5, new D(executed));
  });
  r += 3;
  sh.merge(r, 1, r + 1, 1, "年度目标完成情况");
  sh.merge(r, 2, r, 4, "预期目标");
  sh.merge(r, 5, r, 6, "实际完成目标");
  sh.merge(r + 1, 2, r + 1, 4, fillYear(p.target));
  sh.merge(r + 1, 5, r + 1, 6, fillYear(p.result));
  r += 2;
  sh.merge(r, 1, r + p.indicators.length, 1, "绩效指标完成情况");
  ["一级指标", "二级指标", "三级指标", "预期指标值(包含数字及文字描述)", "实际完成指标值(包含数字及文字描述)"].forEach((l, k) => sh.set(r, k + 2, l));
  r++;
  for (const ind of p.indicators) {
    ind.forEach((v, k) => sh.set(r, k + 2, v));
    r++;
  }
  return r;
}

const SICHUAN_NAMES = ["公开01表", "公开02表", "公开03表", "公开04表", "公开05表", "公开06表", "公开07表", "公开08表", "公开09表"];
const YUAN_NAMES = [
  "表1-收入支出决算总表", "表2-收入决算表", "表3-支出决算表", "表4-财政拨款收入支出决算总表", "表5-一般公共预算财政拨款支出决算表",
  "表6-一般公共预算财政拨款基本支出决算表", "表7-一般公共预算财政拨款三公经费支出决算表", "表8-政府性基金预算财政拨款收入支出决算表",
  "表9-国有资本经营预算财政拨款支出决算表",
];

export function figuresWan(s: Seed = SEED): Figures {
  return computeFigures(wanLeaves(s), s);
}
export function figuresYuan(s: Seed = SEED): Figures {
  return computeFigures(deriveYuanLeaves(wanLeaves(s)), s);
}

export async function buildSichuan2020(s: Seed = SEED): Promise<Buffer> {
  const fig = figuresWan(s);
  const wb = newWorkbook();
  const f: Flavor = {
    unit: "万元", split: false, titleRow: 1, tableNoRow: 2, titlePrefix: "", orgLabel: "编制单位：", unitLabel: "金额单位：万元",
    indent: false, blankZero: false, emptyBodyRow: true, quotes: "ascii",
  };
  const tables = sichuanTables(wb, f, s, fig, SICHUAN_NAMES);
  for (const n of SICHUAN_NAMES) tables[n]();
  const text = wb.addWorksheet("情况说明");
  buildNarrative(fig, s).forEach((p, k) => (text.getCell(k + 1, 1).value = p));
  text.getColumn(1).width = 120;
  supplementSheet(wb, s, fig, s.year, false);
  s.performance.projects.forEach((p, k) => {
    const sh = new Sheet(wb.addWorksheet(`绩效表${k + 1}-${p.name}`), f);
    performanceForm(sh, 1, s, s.year, p);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Sheet order of the 元 workbook (deliberately shuffled). */
const YUAN_ORDER = [2, "补充数据", 0, 4, "绩效表", 1, 6, 8, 3, 5, 7] as const;

export async function buildSichuan2020Yuan(s: Seed = SEED): Promise<Buffer> {
  const fig = figuresYuan(s);
  const wb = newWorkbook();
  const f: Flavor = {
    unit: "元", split: true, titleRow: 2, tableNoRow: 1, titlePrefix: `${s.unit}${s.year}年度`, orgLabel: "部门：", unitLabel: "单位：元",
    indent: true, blankZero: true, emptyBodyRow: false, quotes: "cn",
  };
  const tables = sichuanTables(wb, f, s, fig, YUAN_NAMES);
  for (const item of YUAN_ORDER) {
    if (typeof item === "number") tables[YUAN_NAMES[item]]();
    else if (item === "补充数据") supplementSheet(wb, s, fig, s.year, true);
    else {
      const sh = new Sheet(wb.addWorksheet("绩效表"), { ...f, unit: "万元", blankZero: false });
      let top = 1;
      for (const p of s.performance.projects) top = performanceForm(sh, top, s, s.year, p) + 2;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function buildExampleWorkbooks(s: Seed = SEED): Promise<Record<string, Buffer>> {
  return {
    [EXAMPLE_FILES.sichuan]: await buildSichuan2020(s),
    [EXAMPLE_FILES.yuan]: await buildSichuan2020Yuan(s),
    [EXAMPLE_FILES.national]: await buildNational2024(s),
  };
}

// ---------------------------------------------------------------------------------------------
// National (Shanghai) 2024 template: templates/national-2024-blank-template.txt
// ---------------------------------------------------------------------------------------------

const NATIONAL_NAMES = [
  "1收入支出决算总表", "2收入决算表", "3支出决算表", "4财政拨款收入支出决算总表", "5一般公共预算财政拨款支出决算表",
  "6一般公共预算财政拨款基本支出决算表", "7财政拨款“三公”经费支出决算表", "8政府性基金预算财政拨款收入支出决算表",
  "9国有资本经营预算财政拨款收入支出决算表",
];

/** Title row + "单位：万元" row; returns the first free row. */
function nationalHeader(sh: Sheet, title: string, cols: number, top = 1): number {
  sh.merge(top, 1, top, cols, title);
  sh.set(top + 1, cols, "单位：万元");
  return top + 2;
}

/** 功能分类科目编码 | 科目名称 header over two rows; returns the next row. */
function nationalTreeHeader(sh: Sheet, row: number, specs: ColSpec[]): number {
  sh.merge(row, 1, row, 2, "项目");
  sh.set(row + 1, 1, "功能分类科目编码");
  sh.set(row + 1, 2, "科目名称");
  let c = 3;
  for (const spec of specs) {
    if (spec.sub) {
      sh.merge(row, c, row, c + spec.sub.length - 1, spec.label);
      for (const sub of spec.sub) sh.set(row + 1, c++, sub);
    } else {
      sh.merge(row, c, row + 1, c, spec.label);
      c++;
    }
  }
  return row + 2;
}

function nationalTree(
  wb: ExcelJS.Workbook, name: string, fig: Figures, title: string, specs: ColSpec[],
  values: (r: { total: Decimal; basic: Decimal; project: Decimal; income: Decimal }) => Decimal[], note: string, totalLast: boolean,
): void {
  const sh = new Sheet(wb.addWorksheet(name), NATIONAL_FLAVOR);
  const cols = 2 + specs.reduce((n, x) => n + (x.sub?.length ?? 1), 0);
  let row = nationalTreeHeader(sh, nationalHeader(sh, title, cols), specs);
  const total = () => {
    sh.merge(row, 1, row, 2, "合计");
    values(fig.sum).forEach((v, k) => sh.amount(row, 3 + k, v));
    row++;
  };
  if (!totalLast) total();
  for (const r of fig.rows) {
    sh.set(row, 1, r.code);
    sh.set(row, 2, r.name);
    values(r).forEach((v, k) => sh.amount(row, 3 + k, v));
    row++;
  }
  if (totalLast) total();
  notes(sh, row, cols, [note]);
}

const NATIONAL_FLAVOR: Flavor = {
  unit: "万元", split: false, titleRow: 1, tableNoRow: 2, titlePrefix: "", orgLabel: "", unitLabel: "单位：万元",
  indent: false, blankZero: false, emptyBodyRow: false, quotes: "cn",
};

export async function buildNational2024(s: Seed = SEED, year = 2024): Promise<Buffer> {
  const fig = figuresWan(s);
  const wb = newWorkbook();
  const classes = layouts.classes2024;
  const names = NATIONAL_NAMES;

  // 1 收入支出决算总表
  {
    const sh = new Sheet(wb.addWorksheet(names[0]), NATIONAL_FLAVOR);
    sh.merge(1, 1, 1, 4, `${s.unit}${year}年度部门决算表`);
    let row = nationalHeader(sh, "收入支出决算总表", 4, 2);
    sh.merge(row, 1, row, 2, "收入");
    sh.merge(row, 3, row, 4, "支出");
    row++;
    ["项目", "决算数", "项目", "决算数"].forEach((l, k) => sh.set(row, k + 1, l));
    row++;
    const incomeLabels = ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"];
    classes.forEach(([code, label], k) => {
      if (k < incomeLabels.length) {
        sh.set(row, 1, `${cnNumber(k + 1)}、${incomeLabels[k]}`);
        sh.amount(row, 2, k === 0 ? fig.sum.income : Z());
      }
      sh.set(row, 3, `${cnNumber(k + 1)}、${label}`);
      sh.amount(row, 4, fig.classes[code]?.total ?? Z());
      row++;
    });
    const tail: Array<[string, Decimal, string, Decimal]> = [
      ["本年收入合计", fig.sum.income, "本年支出合计", fig.sum.total],
      ["使用非财政拨款结余", Z(), "结余分配", Z()],
      ["年初结转和结余", fig.carryIn, "年末结转和结余", fig.carryOut],
      ["总计", fig.grandTotal, "总计", fig.grandTotal],
    ];
    for (const [l1, v1, l2, v2] of tail) {
      sh.set(row, 1, l1);
      sh.amount(row, 2, v1);
      sh.set(row, 3, l2);
      sh.amount(row, 4, v2);
      row++;
    }
    notes(sh, row, 4, ["注：本表反映部门本年度的总收支和年末结转结余情况。"]);
  }
  // 2 收入决算表, 3 支出决算表
  nationalTree(wb, names[1], fig, "收入决算表",
    ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"].map((label) => ({ label })),
    (r) => [r.income, r.income, Z(), Z(), Z(), Z(), Z()], "注：本表反映部门本年度取得的各项收入情况。", false);
  nationalTree(wb, names[2], fig, "支出决算表",
    ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"].map((label) => ({ label })),
    (r) => [r.total, r.basic, r.project, Z(), Z(), Z()], "注：本表反映部门本年度各项支出情况。", false);
  // 4 财政拨款收入支出决算总表
  {
    const sh = new Sheet(wb.addWorksheet(names[3]), NATIONAL_FLAVOR);
    let row = nationalHeader(sh, "财政拨款收入支出决算总表", 7);
    sh.merge(row, 1, row, 2, "收入");
    sh.merge(row, 3, row, 7, "支出");
    row++;
    ["项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"].forEach((l, k) => sh.set(row, k + 1, l));
    row++;
    const exp = (r: number, v: Decimal) => [v, v, Z(), Z()].forEach((x, k) => sh.amount(r, 4 + k, x));
    const incomeLabels = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"];
    classes.forEach(([code, label], k) => {
      if (k < 3) {
        sh.set(row, 1, `${cnNumber(k + 1)}、${incomeLabels[k]}`);
        sh.amount(row, 2, k === 0 ? fig.sum.income : Z());
      }
      sh.set(row, 3, `${cnNumber(k + 1)}、${label}`);
      exp(row, fig.classes[code]?.total ?? Z());
      row++;
    });
    const left: Array<[string, Decimal]> = [
      ["本年收入合计", fig.sum.income], ["年初财政拨款结转和结余", fig.carryIn],
      ["一、一般公共预算财政拨款", fig.carryIn], ["二、政府性基金预算财政拨款", Z()], ["三、国有资本经营预算财政拨款", Z()], ["总计", fig.grandTotal],
    ];
    const right: Array<[string, Decimal] | null> = [["本年支出合计", fig.sum.total], ["年末财政拨款结转和结余", fig.carryOut], null, null, null, ["总计", fig.grandTotal]];
    left.forEach(([l, v], k) => {
      sh.set(row, 1, l);
      sh.amount(row, 2, v);
      const r = right[k];
      if (r) {
        sh.set(row, 3, r[0]);
        exp(row, r[1]);
      }
      row++;
    });
    notes(sh, row, 7, ["注：本表反映部门本年度财政拨款总收支和结转结余情况。"]);
  }
  // 5 一般公共预算财政拨款支出决算表 (合计 at the bottom, as in the template)
  nationalTree(wb, names[4], fig, "一般公共预算财政拨款支出决算表",
    [{ label: "合计" }, { label: "基本支出" }, { label: "项目支出" }], (r) => [r.total, r.basic, r.project],
    "注：本表反映部门本年度一般公共预算财政拨款支出情况。", true);
  // 6 一般公共预算财政拨款基本支出决算表
  {
    const sh = new Sheet(wb.addWorksheet(names[5]), NATIONAL_FLAVOR);
    let row = nationalHeader(sh, "一般公共预算财政拨款基本支出决算表", 6);
    ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"].forEach((l, k) => sh.set(row, k + 1, l));
    row++;
    const blocks = [layouts.economic2024.personnel, layouts.economic2024.public];
    blocks.forEach((codes, b) => codes.forEach((code, k) => {
      sh.set(row + k, b * 3 + 1, code);
      sh.set(row + k, b * 3 + 2, econName(code));
      sh.amount(row + k, b * 3 + 3, econValue(fig, code));
    }));
    row += Math.max(...blocks.map((b) => b.length));
    sh.merge(row, 1, row, 2, "人员经费合计");
    sh.amount(row, 3, fig.personnel);
    sh.merge(row, 4, row, 5, "公用经费合计");
    sh.amount(row, 6, fig.publicCost);
    row++;
    notes(sh, row, 6, ["注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。"]);
  }
  // 7 财政拨款“三公”经费支出决算表: (预算数, 决算数) pairs per item
  {
    const sh = new Sheet(wb.addWorksheet(names[6]), NATIONAL_FLAVOR);
    let row = nationalHeader(sh, "财政拨款“三公”经费支出决算表", 12);
    sh.merge(row, 1, row, 12, "财政拨款“三公”经费");
    row++;
    sh.merge(row, 1, row + 1, 2, "合计");
    sh.merge(row, 3, row + 1, 4, "因公出国（境）费");
    sh.merge(row, 5, row, 10, "公务用车购置及运行维护费");
    sh.merge(row + 1, 5, row + 1, 6, "小计");
    sh.merge(row + 1, 7, row + 1, 8, "公务用车购置费");
    sh.merge(row + 1, 9, row + 1, 10, "公务用车运行维护费");
    sh.merge(row, 11, row + 1, 12, "公务接待费");
    row += 2;
    for (let k = 0; k < 6; k++) {
      sh.set(row, 2 * k + 1, "预算数");
      sh.set(row, 2 * k + 2, "决算数");
    }
    row++;
    const b = tpRow(fig.tp.budget);
    const a = tpRow(fig.tp.actual);
    for (let k = 0; k < 6; k++) {
      sh.amount(row, 2 * k + 1, b[k]);
      sh.amount(row, 2 * k + 2, a[k]);
    }
    row++;
    notes(sh, row, 12, ["注：本表反映部门本年度“三公”经费支出预决算情况。"]);
  }
  // 8, 9: empty fund tables with the template's 说明 below
  const fundSpecs: ColSpec[] = [{ label: "年初结转和结余" }, { label: "本年收入" }, { label: "本年支出", sub: ["合计", "基本支出", "项目支出"] }, { label: "年末结转和结余" }];
  const empty = (name: string, title: string, note: string, none: string) => {
    const sh = new Sheet(wb.addWorksheet(name), NATIONAL_FLAVOR);
    let row = nationalTreeHeader(sh, nationalHeader(sh, title, 8), fundSpecs);
    sh.merge(row, 1, row, 2, "合计");
    row++;
    notes(sh, row, 8, [note, none]);
  };
  empty(names[7], "政府性基金预算财政拨款收入支出决算表", "注：本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。",
    `说明：${s.unit}本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。`);
  empty(names[8], "国有资本经营预算财政拨款收入支出决算表", "注：本表反映部门本年度国有资本经营预算财政拨款收入支出及结转和结余情况。",
    `说明：${s.unit}本年度没有国有资本经营预算财政拨款收入和支出，故本表无数据。`);
  supplementSheet(wb, s, fig, year, false, nationalSupplement);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * 补充数据 of the national example (issue 14): the national (Shanghai) 2024 template's 十 预算绩效管理情况 and
 * 十一 rows. The example unit procures (12.50万元, 授予中小企业 10.00, 小微企业 6.00); its 5 self-evaluated
 * projects are the seed's (预算数 78.90万元 in all), graded 优 4 / 良 1; the Sichuan-only equipment rows
 * (单价50万元以上通用设备, 单价100万元以上专用设备) give way to the template's 单价100万元（含）以上设备（不含车辆）.
 */
const NATIONAL_VALUES: Record<string, Decimal | number> = {
  政府采购支出总额: new D("12.50"),
  政府采购货物支出: new D("8.30"),
  政府采购工程支出: new D("0"),
  政府采购服务支出: new D("4.20"),
  授予中小企业合同金额: new D("10.00"),
  授予小微企业合同金额: new D("6.00"),
};
const NATIONAL_DROP = new Set(["单价50万元以上通用设备", "单价100万元以上专用设备"]);
const NATIONAL_ROWS: SuppRow[] = [
  ["部级领导干部用车", null, 0, null, null, null],
  ["离退休干部用车", null, 0, null, null, null],
  ["单价100万元（含）以上设备（不含车辆）", null, 1, null, null, null],
  ["预算绩效管理制度", null, null, null, null, "预算绩效管理实施办法、项目支出绩效自评工作规程"],
  ["预算绩效管理工作机制", null, null, null, null, "目标编报、跟踪监控、自评评价、结果应用全过程"],
  ["绩效目标涉及预算金额", null, new D("85.60"), null, null, null],
  ["绩效跟踪评价涉及预算金额", null, new D("75.00"), null, null, null],
  ["绩效自评涉及预算金额", null, new D("78.90"), null, null, null],
  ["绩效自评平均得分", null, 93.6, null, null, null],
  ["绩效评级为“优”的项目数", null, 4, null, null, null],
  ["绩效评级为“良”的项目数", null, 1, null, null, null],
  ["绩效评级为“合格”的项目数", null, 0, null, null, null],
  ["绩效评级为“不合格”的项目数", null, 0, null, null, null],
  ["绩效自评发现问题数", null, 2, null, null, null],
  ["已经完成整改的问题数", null, 1, null, null, null],
  ["正在整改的问题数", null, 1, null, null, null],
];
function nationalSupplement(rows: SuppRow[]): SuppRow[] {
  const out = rows
    .filter((r) => !NATIONAL_DROP.has(r[0]))
    .map((r): SuppRow => (r[0] in NATIONAL_VALUES ? [r[0], r[1], NATIONAL_VALUES[r[0]], r[3], r[4], r[5]] : r));
  return [...out, ...NATIONAL_ROWS];
}
