/**
 * The project's own example workbooks (test/workbooks/*.xlsx, made by `npm run make-examples`):
 * every table identity holds exactly, the 元 workbook rounds to the 万元 one, and regenerating
 * gives the same cell values as the committed files.
 */
import * as path from "path";
import ExcelJS from "exceljs";
import type Decimal from "decimal.js";
import { D, parseAmount, round, sum, TEN_THOUSAND } from "../../src/money";
import { buildExampleWorkbooks, EXAMPLE_FILES } from "../../scripts/examples/build";

const DIR = path.resolve(__dirname, "..", "workbooks");

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(DIR, file));
  return wb;
}

const amt = (v: ExcelJS.CellValue): Decimal => parseAmount(v as unknown).value;
const text = (v: ExcelJS.CellValue): string => (v === null || v === undefined ? "" : String(v)).replace(/[\s\u3000]/g, "");

function sheet(wb: ExcelJS.Workbook, part: string): ExcelJS.Worksheet {
  const ws = wb.worksheets.find((w) => w.name.includes(part));
  if (!ws) throw new Error(`no sheet ${part}`);
  return ws;
}

/** Tree table rows: "合计" or a 3/5/7-digit code → values of the amount columns. */
function tree(ws: ExcelJS.Worksheet, split: boolean, width: number): Map<string, Decimal[]> {
  const out = new Map<string, Decimal[]>();
  const first = split ? 5 : 3;
  ws.eachRow((row) => {
    const code = split ? [1, 2, 3].map((c) => text(row.getCell(c).value)).join("") : text(row.getCell(1).value);
    const key = code === "合计" || /^(合计)+$/.test(code) ? "合计" : /^(\d{3}|\d{5}|\d{7})$/.test(code) ? code : null;
    if (!key) return;
    const vals: Decimal[] = [];
    for (let c = first; c < first + width; c++) vals.push(amt(row.getCell(c).value));
    out.set(key, vals);
  });
  return out;
}

/** Value to the right of a label cell in column `labelCol` (first match from `fromRow`). */
function byLabel(ws: ExcelJS.Worksheet, labelCol: number, label: string, valueCol: number, fromRow = 1): Decimal {
  for (let r = fromRow; r <= ws.rowCount; r++) {
    if (text(ws.getCell(r, labelCol).value).replace(/^[一二三四五六七八九十]+、/, "") === label) return amt(ws.getCell(r, valueCol).value);
  }
  throw new Error(`${ws.name}: no row ${label}`);
}

function expectEq(a: Decimal, b: Decimal, what: string): void {
  if (!a.eq(b)) throw new Error(`${what}: ${a.toString()} ≠ ${b.toString()}`);
}

function hierarchy(t: Map<string, Decimal[]>, what: string): void {
  const codes = [...t.keys()].filter((k) => k !== "合计");
  const width = t.get("合计")!.length;
  for (let c = 0; c < width; c++) {
    const col = (k: string) => t.get(k)![c];
    expectEq(t.get("合计")![c], sum(codes.filter((k) => k.length === 3).map(col)), `${what} 合计=Σ类 col${c + 1}`);
    for (const k of codes.filter((x) => x.length < 7)) {
      const children = codes.filter((x) => x.length === k.length + 2 && x.startsWith(k));
      expect(children.length).toBeGreaterThan(0);
      expectEq(col(k), sum(children.map(col)), `${what} ${k} col${c + 1}`);
    }
  }
}

interface Layout {
  file: string;
  split: boolean;
  names: string[];
  /** T01/T04 label and value columns */
  t01: { inL: number; inV: number; outL: number; outV: number };
  t04: { outL: number; gpb: number };
  t06: { personnel: [number, number]; public: [number, number] };
  t07: (ws: ExcelJS.Worksheet) => { budget: Decimal[]; actual: Decimal[] };
}

const sichuanT07 = (ws: ExcelJS.Worksheet) => {
  for (let r = 1; r <= ws.rowCount; r++) {
    if (text(ws.getCell(r, 1).value) === "1" && text(ws.getCell(r, 12).value) === "12") {
      const v = [...Array(12).keys()].map((k) => amt(ws.getCell(r + 1, k + 1).value));
      return { budget: v.slice(0, 6), actual: v.slice(6) };
    }
  }
  throw new Error("T07 data row");
};

const LAYOUTS: Layout[] = [
  {
    file: EXAMPLE_FILES.sichuan, split: false,
    names: ["公开01表", "公开02表", "公开03表", "公开04表", "公开05表", "公开06表", "公开07表"],
    t01: { inL: 1, inV: 3, outL: 4, outV: 6 }, t04: { outL: 4, gpb: 7 },
    t06: { personnel: [1, 3], public: [4, 9] }, t07: sichuanT07,
  },
  {
    file: EXAMPLE_FILES.yuan, split: true,
    names: ["表1-", "表2-", "表3-", "表4-", "表5-", "表6-", "表7-"],
    t01: { inL: 1, inV: 3, outL: 4, outV: 6 }, t04: { outL: 4, gpb: 7 },
    t06: { personnel: [1, 3], public: [4, 6] }, t07: sichuanT07,
  },
  {
    file: EXAMPLE_FILES.national, split: false,
    names: ["1收入支出", "2收入决算", "3支出决算", "4财政拨款", "5一般公共", "6一般公共", "7财政拨款"],
    t01: { inL: 1, inV: 2, outL: 3, outV: 4 }, t04: { outL: 3, gpb: 5 },
    t06: { personnel: [1, 3], public: [4, 6] },
    t07: (ws) => {
      for (let r = 1; r <= ws.rowCount; r++) {
        if (text(ws.getCell(r, 1).value) === "预算数") {
          const v = [...Array(12).keys()].map((k) => amt(ws.getCell(r + 1, k + 1).value));
          return { budget: v.filter((_, k) => k % 2 === 0), actual: v.filter((_, k) => k % 2 === 1) };
        }
      }
      throw new Error("T07 data row");
    },
  },
];

const INCOME = ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"];

describe.each(LAYOUTS)("example workbook $file", (L) => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await load(L.file);
  });

  test("T1-1…T1-5, T3-1, T5-1, hierarchy, X-1, X-3, X-6, X-7, T6, T7-1/T7-2 hold exactly", () => {
    const [s1, s2, s3, s4, s5, s6, s7] = L.names.map((n) => sheet(wb, n));
    const { inL, inV, outL, outV } = L.t01;
    const t1 = (label: string, side: "in" | "out") => byLabel(s1, side === "in" ? inL : outL, label, side === "in" ? inV : outV);
    const incomeTotal = t1("本年收入合计", "in");
    expectEq(incomeTotal, sum(INCOME.map((l) => t1(l, "in"))), "T1-1");
    expectEq(t1("总计", "in"), incomeTotal.plus(t1("使用非财政拨款结余", "in")).plus(t1("年初结转和结余", "in")), "T1-2");
    const classRows: Array<[string, Decimal]> = [];
    s1.eachRow((row) => {
      const label = text(row.getCell(outL).value);
      if (/^[一二三四五六七八九十]+、.*支出$/.test(label)) classRows.push([label.replace(/^[一二三四五六七八九十]+、/, ""), amt(row.getCell(outV).value)]);
    });
    expect(classRows.length).toBeGreaterThanOrEqual(24);
    const expTotal = t1("本年支出合计", "out");
    expectEq(expTotal, sum(classRows.map(([, v]) => v)), "T1-3");
    expectEq(t1("总计", "out"), expTotal.plus(t1("结余分配", "out")).plus(t1("年末结转和结余", "out")), "T1-4");
    expectEq(t1("总计", "in"), t1("总计", "out"), "T1-5");

    const t2 = tree(s2, L.split, 7);
    const t3 = tree(s3, L.split, 6);
    const t5 = tree(s5, L.split, 3);
    for (const [k, v] of t2) expectEq(v[0], sum(v.slice(1)), `T2-1 ${k}`);
    for (const [k, v] of t3) expectEq(v[0], sum(v.slice(1)), `T3-1 ${k}`);
    for (const [k, v] of t5) expectEq(v[0], v[1].plus(v[2]), `T5-1 ${k}`);
    expect(t5.size).toBe(17); // 合计 + 4 类 + 5 款 + 7 项
    hierarchy(t2, "T2");
    hierarchy(t3, "T3");
    hierarchy(t5, "T5");
    expectEq(incomeTotal, t2.get("合计")![0], "X-1");
    expectEq(expTotal, t3.get("合计")![0], "X-3");
    const classNames: Record<string, string> = {};
    s3.eachRow((row) => {
      const code = L.split ? text(row.getCell(1).value) + text(row.getCell(2).value) + text(row.getCell(3).value) : text(row.getCell(1).value);
      if (/^\d{3}$/.test(code)) classNames[code] = text(row.getCell(L.split ? 4 : 2).value);
    });
    for (const [code, nm] of Object.entries(classNames)) {
      const t1Class = classRows.find(([l]) => l === nm);
      expect(t1Class).toBeDefined();
      expectEq(t1Class![1], t3.get(code)![0], `X-3 ${code}`);
    }
    // X-6: T4 GPB column
    const gpbTotal = byLabel(s4, L.t04.outL, "本年支出合计", L.t04.gpb);
    expectEq(gpbTotal, t5.get("合计")![0], "X-6");
    for (const [code, nm] of Object.entries(classNames)) {
      expectEq(byLabel(s4, L.t04.outL, nm, L.t04.gpb), t5.get(code)![0], `X-6 ${code}`);
    }
    // T6 and X-7
    const [pl, pv] = L.t06.personnel;
    const [ql, qv] = L.t06.public;
    const personnel = byLabel(s6, pl, "人员经费合计", pv);
    const publicCost = byLabel(s6, ql, "公用经费合计", qv);
    expectEq(t5.get("合计")![1], personnel.plus(publicCost), "X-7");
    const econ = new Map<string, Decimal>();
    s6.eachRow((row) => {
      for (let c = 1; c <= row.cellCount; c += 3) {
        const code = text(row.getCell(c).value);
        if (/^\d{3}(\d{2})?$/.test(code)) econ.set(code, amt(row.getCell(c + 2).value));
      }
    });
    const kuanSum = (cls: string) => sum([...econ].filter(([k]) => k.length === 5 && k.startsWith(cls)).map(([, v]) => v));
    for (const cls of [...econ.keys()].filter((k) => k.length === 3)) expectEq(econ.get(cls)!, kuanSum(cls), `T6-3 ${cls}`);
    expectEq(personnel, kuanSum("301").plus(kuanSum("303")), "T6-1");
    expectEq(publicCost, sum(["302", "307", "310", "399"].map(kuanSum)), "T6-2");
    // T7
    const t7 = L.t07(s7);
    for (const [what, v] of [["预算数", t7.budget], ["决算数", t7.actual]] as const) {
      expectEq(v[0], v[1].plus(v[2]).plus(v[5]), `T7-1 ${what}`);
      expectEq(v[2], v[3].plus(v[4]), `T7-2 ${what}`);
    }
    expect(t7.actual[5].gt(0)).toBe(true);
  });
});

describe("元 workbook against the 万元 workbook", () => {
  test("every 公开05表 row and every T01 figure rounds half-up to the 万元 value", async () => {
    const wan = await load(EXAMPLE_FILES.sichuan);
    const yuan = await load(EXAMPLE_FILES.yuan);
    const w5 = tree(sheet(wan, "公开05表"), false, 3);
    const y5 = tree(sheet(yuan, "表5-"), true, 3);
    expect([...y5.keys()].sort()).toEqual([...w5.keys()].sort());
    for (const [k, wv] of w5) {
      y5.get(k)!.forEach((yv, c) => expectEq(round(yv.div(TEN_THOUSAND), 2), wv[c], `表5 ${k} col${c + 1}`));
      // and within ±50 元
      y5.get(k)!.forEach((yv, c) => expect(yv.minus(wv[c].times(TEN_THOUSAND)).abs().lte(50)).toBe(true));
    }
    for (const label of ["本年收入合计", "年初结转和结余", "总计"]) {
      expectEq(round(byLabel(sheet(yuan, "表1-"), 1, label, 3).div(TEN_THOUSAND), 2), byLabel(sheet(wan, "公开01表"), 1, label, 3), label);
    }
    for (const label of ["本年支出合计", "年末结转和结余"]) {
      expectEq(round(byLabel(sheet(yuan, "表1-"), 4, label, 6).div(TEN_THOUSAND), 2), byLabel(sheet(wan, "公开01表"), 4, label, 6), label);
    }
    // Some amounts are text with thousands separators, zeros are blank, and the header says 元.
    const s5 = sheet(yuan, "表5-");
    const texts: string[] = [];
    s5.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && /^\d{1,3}(,\d{3})+\.\d\d$/.test(c.value) && texts.push(c.value)));
    expect(texts.length).toBeGreaterThan(0);
    expect(text(s5.getCell(3, 7).value)).toBe("单位：元");
    expect(yuan.worksheets.map((w) => w.name)[0]).not.toMatch(/^表1-/);
  });
});

describe("情况说明 of the 万元 workbook", () => {
  test("shares sum to 100.00 and figures come from the tables", async () => {
    const wb = await load(EXAMPLE_FILES.sichuan);
    const paras: string[] = [];
    sheet(wb, "情况说明").eachRow((row) => paras.push(String(row.getCell(1).value)));
    const structure = paras.find((p) => p.includes("主要用于以下方面"))!;
    const shares = [...structure.matchAll(/占(\d+\.\d{2})%/g)].map((m) => new D(m[1]));
    expect(shares.length).toBe(4);
    expectEq(sum(shares), new D(100), "五(二) shares");
    const t5 = tree(sheet(wb, "公开05表"), false, 3);
    expect(structure).toContain(`${t5.get("201")![0].toFixed(2)}万元`);
    const expenditure = paras.find((p) => p.includes("本年支出合计") && p.includes("基本支出"))!;
    expect(expenditure).toContain(`基本支出${t5.get("合计")![1].toFixed(2)}万元，占58.94%`);
    expect(paras.join("")).not.toMatch(/增加\/减少|×××|…（/);
  });
});

describe("regeneration", () => {
  test("rebuilding gives the same sheets, merges and cell values as the committed files", async () => {
    const built = await buildExampleWorkbooks();
    expect(Object.keys(built).sort()).toEqual(Object.values(EXAMPLE_FILES).sort());
    for (const [file, buf] of Object.entries(built)) {
      const fresh = new ExcelJS.Workbook();
      await fresh.xlsx.load(buf as unknown as ArrayBuffer);
      const committed = await load(file);
      expect(fresh.worksheets.map((w) => w.name)).toEqual(committed.worksheets.map((w) => w.name));
      for (const ws of committed.worksheets) {
        const other = fresh.getWorksheet(ws.name)!;
        const dump = (w: ExcelJS.Worksheet) => {
          const cells: string[] = [];
          w.eachRow((row, r) => row.eachCell((c, col) => cells.push(`${r}:${col}=${JSON.stringify(c.value)}|${c.numFmt ?? ""}`)));
          return { cells, merges: [...(w.model.merges ?? [])].sort() };
        };
        expect(dump(other)).toEqual(dump(ws));
      }
    }
  }, 60000);
});

describe("元 ledger", () => {
  test("every leaf, subtotal and balance of the 元 ledger rounds to the 万元 figure, and identities are exact", async () => {
    const { figuresWan, figuresYuan } = await import("../../scripts/examples/build");
    const { ledgerMismatches } = await import("../../scripts/examples/ledger");
    const w = figuresWan();
    const y = figuresYuan();
    expect(ledgerMismatches(y, w)).toEqual([]);
    expectEq(y.sum.basic, y.personnel.plus(y.publicCost), "X-7 in 元");
    expectEq(y.carryIn.plus(y.sum.income), y.sum.total.plus(y.carryOut), "T1-6 in 元");
    expect(y.items.every((i) => i.basic.plus(i.project).minus(w.items.find((x) => x.code === i.code)!.basic.plus(w.items.find((x) => x.code === i.code)!.project).times(10000)).abs().lte(50))).toBe(true);
  });
});
