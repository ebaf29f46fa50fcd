/**
 * The planted corpus: each problem class planted at a known place into the repo's own example workbooks
 * (Sichuan 2020 with its narrative; national 2024 with the narrative the project generates from it, its
 * 【请填写】 markers answered), next to the clean twin. `npm run plant` writes them as .xlsx with labels in the
 * ../shared/real/workbooks/expected.json format; `npm run accuracy` and test/accuracy score them.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { readXlsx } from "../../cli/adapters/xlsx";
import { checkWorkbook } from "../../src/checks";
import { generateNarrative } from "../../src/narrative/generate";
import type { ReportModel } from "../../src/model/types";
import { readReport } from "../../src/reader";
import { a1, parseA1, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "../../src/workbook/snapshot";
import { scoreWorkbook, type ExpectedProblem, type FileScore, type Weight } from "../accuracy/score";

const ROOT = path.resolve(__dirname, "..", "..");
export type Base = "sichuan-2020" | "national-2024";

export interface Plant {
  id: string;
  base: Base;
  kind: string;
  severity: Weight;
  what: string;
  /** Mutates the snapshot; returns the place where the problem must be reported. */
  apply(snap: WorkbookSnapshot, model: ReportModel): Omit<ExpectedProblem, "id" | "kind" | "severity">;
}

// ---- snapshot editing ---------------------------------------------------------------------------------

export function cloneSnapshot(s: WorkbookSnapshot): WorkbookSnapshot {
  return JSON.parse(JSON.stringify(s)) as WorkbookSnapshot;
}

function sheet(snap: WorkbookSnapshot, name: string): SheetSnapshot {
  const s = snap.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`planted corpus: no sheet ${name}`);
  return s;
}

export function setCell(snap: WorkbookSnapshot, sheetName: string, addr: string, value: CellValue): void {
  const s = sheet(snap, sheetName);
  const p = parseA1(addr)!;
  const r = p.row - s.origin.row;
  const c = p.col - s.origin.col;
  while (s.values.length <= r) s.values.push([]);
  const line = s.values[r];
  while (line.length <= c) line.push(null);
  line[c] = value;
}

function narrativeSheet(snap: WorkbookSnapshot): SheetSnapshot {
  return snap.sheets.find((s) => s.name.includes("情况说明"))!;
}

/** Replaces the `nth` occurrence (0-based) of `from` in the narrative; returns its 1-based row. */
export function replaceInNarrative(snap: WorkbookSnapshot, from: string, to: string, nth = 0): { sheet: string; row: number; quote: string } {
  const s = narrativeSheet(snap);
  let seen = 0;
  for (let r = 0; r < s.values.length; r++) {
    const v = s.values[r]?.[0];
    if (typeof v !== "string") continue;
    let i = v.indexOf(from);
    while (i >= 0) {
      if (seen === nth) {
        s.values[r][0] = v.slice(0, i) + to + v.slice(i + from.length);
        return { sheet: s.name, row: s.origin.row + r + 1, quote: to };
      }
      seen++;
      i = v.indexOf(from, i + 1);
    }
  }
  throw new Error(`planted corpus: “${from}” not in the narrative`);
}

function figureCell(model: ReportModel, table: keyof ReportModel["tables"], rowKeyOrCode: string, col: string): { sheet: string; cell: string; value: string } {
  const t = model.tables[table]!;
  const row = t.rows.find((r) => r.key === rowKeyOrCode || r.code === rowKeyOrCode)!;
  const f = row.values[col];
  return { sheet: f.source.sheet, cell: f.source.cell, value: f.raw.toFixed(2) };
}

function bump(snap: WorkbookSnapshot, model: ReportModel, table: keyof ReportModel["tables"], key: string, col: string, by: string) {
  const c = figureCell(model, table, key, col);
  const v = (Number(c.value) * 100 + Math.round(Number(by) * 100)) / 100;
  setCell(snap, c.sheet, c.cell, Number(v.toFixed(2)));
  return { sheet: c.sheet, cell: c.cell };
}

// ---- the plants ---------------------------------------------------------------------------------------

const both = (p: Omit<Plant, "base" | "id"> & { id: string }): Plant[] => [
  { ...p, base: "sichuan-2020", id: `sc-${p.id}` },
  { ...p, base: "national-2024", id: `nat-${p.id}` },
];

export const PLANTS: Plant[] = [
  ...both({
    id: "t05-lei-sum", kind: "table-identity", severity: "error", what: "公开05表一个类的合计不等于其下款之和",
    apply: (s, m) => bump(s, m, "T05", "221", "total", "1.00"),
  }),
  ...both({
    id: "t01-vs-t03", kind: "table-identity", severity: "error", what: "公开01表某类支出与公开03表不符",
    apply: (s, m) => bump(s, m, "T01", "210", "amount", "0.50"),
  }),
  ...both({
    id: "t06-personnel-total", kind: "table-identity", severity: "error", what: "公开06表人员经费合计与各款之和不符",
    apply: (s, m) => bump(s, m, "T06", "personnelTotal", "amount", "2.00"),
  }),
  ...both({
    id: "t07-final-over-parts", kind: "table-identity", severity: "error", what: "公开07表决算合计与各项之和不符",
    apply: (s, m) => {
      const t = m.tables.T07!;
      const f = t.rows[0].values.finalTotal;
      setCell(s, f.source.sheet, f.source.cell, Number(f.raw.plus(1).toFixed(2)));
      return { sheet: f.source.sheet, cell: f.source.cell };
    },
  }),
  ...both({
    id: "missing-t03", kind: "table-identity", severity: "error", what: "缺少支出决算表",
    apply: (s, m) => {
      const name = m.tables.T03!.sheet;
      s.sheets = s.sheets.filter((x) => x.name !== name);
      return { sheet: null, cell: null, expected_table: "支出决算表" };
    },
  }),
  ...both({
    id: "table-title-placeholder", kind: "placeholder", severity: "error", what: "表格标题中的单位名称是占位符",
    apply: (s, m) => {
      const t = m.tables.T02!;
      setCell(s, t.sheet, t.titleSource.cell, `XX单位${t.title}`);
      return { sheet: t.sheet, cell: t.titleSource.cell };
    },
  }),
  ...both({
    id: "table-instruction", kind: "placeholder", severity: "warning", what: "空表下留有模板的填写说明",
    apply: (s, m) => {
      const t = m.tables.T08!;
      const sheet = s.sheets.find((x) => x.name === t.sheet)!;
      const cell = a1(sheet.origin.row + sheet.values.length, sheet.origin.col);
      setCell(s, t.sheet, cell, "无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：");
      return { sheet: t.sheet, cell };
    },
  }),
  ...both({
    id: "residue-alternatives", kind: "placeholder", severity: "error", what: "“增加/减少”模板残留",
    apply: (s) => replaceInNarrative(s, "减少157.39万元", "增加/减少157.39万元"),
  }),
  ...both({
    id: "text-income-total", kind: "text-vs-table", severity: "error", what: "本年收入合计与公开01表不符",
    apply: (s) => replaceInNarrative(s, "本年收入合计215.04万元", "本年收入合计251.04万元"),
  }),
  ...both({
    id: "text-share", kind: "text-vs-table", severity: "error", what: "五（二）占比与金额不符",
    apply: (s) => replaceInNarrative(s, "占3.94%", "占4.94%"),
  }),
  ...both({
    id: "text-yoy-rate", kind: "text-internal", severity: "error", what: "增减率与增减额不符",
    apply: (s) => replaceInNarrative(s, "下降20.00%", "下降25.00%"),
  }),
  ...both({
    id: "text-yoy-direction", kind: "text-internal", severity: "error", what: "“减少”与“增长”方向矛盾",
    apply: (s) => replaceInNarrative(s, "下降20.00%", "增长20.00%"),
  }),
  ...both({
    id: "text-same-quantity", kind: "text-internal", severity: "warning", what: "同一数值前后差0.01",
    apply: (s) => replaceInNarrative(s, "一般公共预算财政拨款支出223.34万元，主要用于", "一般公共预算财政拨款支出223.35万元，主要用于"),
  }),
  ...both({
    id: "text-missing-unit", kind: "wording", severity: "warning", what: "金额缺少单位",
    apply: (s) => replaceInNarrative(s, "支出决算为72.71万元", "支出决算为72.71"),
  }),
  ...both({
    id: "text-outdated-name", kind: "wording", severity: "warning", what: "旧版科目名称",
    apply: (s) => replaceInNarrative(s, "卫生健康", "医疗卫生与计划生育", 0),
  }),
  ...both({
    id: "text-flat-with-reason", kind: "text-internal", severity: "warning", what: "写持平却说明减少原因",
    apply: (s) => replaceInNarrative(s, "比2019年减少0.20万元，下降20.00%", "与2019年持平"),
  }).map((p) => (p.base === "national-2024" ? { ...p, apply: (s: WorkbookSnapshot) => replaceInNarrative(s, "比2023年度减少0.20万元，下降20.00%", "与2023年度持平") } : p)),
  ...both({
    id: "text-basic-item-zero", kind: "text-vs-table", severity: "warning", what: "人员经费列举了公开06表中为0的科目",
    apply: (s) => replaceInNarrative(s, "基本工资、津贴补贴", "基本工资、离休费、津贴补贴"),
  }),
  ...both({
    id: "text-basic-item-group", kind: "text-vs-table", severity: "warning", what: "公用经费的科目列在人员经费中",
    apply: (s) => replaceInNarrative(s, "基本工资、津贴补贴", "基本工资、公务接待费、津贴补贴"),
  }),
  ...both({
    id: "text-exec-zero-budget", kind: "text-vs-table", severity: "warning", what: "未安排预算却写完成预算0%",
    apply: (s) => replaceInNarrative(s, "因公出国（境）费支出0.00万元，未安排预算，无此项支出", "因公出国（境）费支出0.00万元，完成预算0%"),
  }),
  ...both({
    id: "text-asset-year", kind: "text-internal", severity: "error", what: "截至日期的年度不是报告年度",
    apply: (s, m) => replaceInNarrative(s, `截至${m.year}年12月31日`, `截至${(m.year ?? 0) - 1}年12月31日`),
  }),
  ...both({
    id: "text-doubled-punct", kind: "wording", severity: "info", what: "重复句号",
    apply: (s) => replaceInNarrative(s, "主要原因是受疫情接待减少。", "主要原因是受疫情接待减少。。"),
  }),
  {
    id: "nat-exec-gap", base: "national-2024", kind: "text-internal", severity: "error", what: "未执行部分与预算数、决算数之差不符",
    apply: (s) => replaceInNarrative(s, "完成年初预算的90.12%", "完成年初预算的90.12%，未执行部分12.64万元"),
  },
  {
    id: "sc-reception-counts", base: "sichuan-2020", kind: "text-vs-table", severity: "warning", what: "公务接待费有支出却未说明接待批次和人次",
    apply: (s) => {
      replaceInNarrative(s, "外事接待0批次，0人，", "");
      replaceInNarrative(s, "国内公务接待8批次，80人次（不包括陪同人员），", "");
      // Found at the item's own paragraph, where its counts belong.
      return replaceInNarrative(s, "3.公务接待费支出0.80万元", "3.公务接待费支出0.80万元");
    },
  },
  {
    id: "sc-unit-name-copied", base: "sichuan-2020", kind: "text-vs-table", severity: "warning", what: "一张表的编制单位是另一个单位",
    apply: (s) => {
      setCell(s, "公开05表", "A3", "编制单位：巴中市发展和改革委员会");
      return { sheet: "公开05表", cell: "A3" };
    },
  },
  {
    id: "sc-yoy-implied-subject", base: "sichuan-2020", kind: "text-vs-table", severity: "error", what: "未重复主语的增减额与表格不符（“…总计X万元，比上年减少Y万元”）",
    apply: (s) => replaceInNarrative(s, "236.01万元。与2019年相比，收、支总计各减少157.39万元", "236.01万元，比上年减少175.39万元"),
  },
  {
    id: "nat-yoy-implied-subject", base: "national-2024", kind: "text-vs-table", severity: "error", what: "未重复主语的增减额与表格不符（“…总计X万元，较上年减少Y万元”）",
    apply: (s) => replaceInNarrative(s, "236.01万元。与2023年度相比，收入支出总计减少157.39万元", "236.01万元，较上年减少175.39万元"),
  },
  {
    id: "nat-item-comparison", base: "national-2024", kind: "text-internal", severity: "error", what: "五（三）“决算数小于预算数”写成“大于”",
    apply: (s) => replaceInNarrative(s, "完成年初预算的90.12%。决算数小于预算数", "完成年初预算的90.12%。决算数大于预算数"),
  },
  {
    id: "nat-item-name", base: "national-2024", kind: "text-vs-table", severity: "warning", what: "五（三）所列项的款名与公开05表不符",
    apply: (s) => replaceInNarrative(s, "住房保障支出（类）住房改革支出（款）住房公积金（项）", "住房保障支出（类）住房保障支出（款）住房公积金（项）"),
  },
  {
    id: "nat-part-year", base: "national-2024", kind: "text-internal", severity: "error", what: "第三部分标题年度错误",
    apply: (s) => replaceInNarrative(s, "第三部分 2024年度部门决算情况说明", "第三部分 2023年度部门决算情况说明"),
  },
  {
    id: "sc-part-year", base: "sichuan-2020", kind: "text-internal", severity: "error", what: "第二部分标题年度错误",
    apply: (s) => replaceInNarrative(s, "第二部分 2020年度部门决算情况说明", "第二部分 2019年度部门决算情况说明"),
  },
  {
    id: "sc-exec-rate", base: "sichuan-2020", kind: "text-vs-table", severity: "error", what: "项的完成预算率与预算数不符",
    apply: (s) => replaceInNarrative(s, "完成预算90.12%", "完成预算91.12%"),
  },
];

// ---- the bases ----------------------------------------------------------------------------------------

/** Answers the generator's 【请填写：…】 markers as an accountant would. */
function answerMarkers(text: string): string {
  return text
    .replace(/【请填写[：:]单价100万元以上设备（不含车辆）】/gu, "0")
    .replace(/【请填写[：:]国内公务接待的主要用途】/gu, "接待上级部门检查指导工作")
    .replace(/^【请填写[：:][^】]*】$/gmu, "本部门对5个项目开展了绩效自评，项目绩效目标总体完成情况良好。")
    .replace(/【请填写[：:][^】]*】/gu, "按规定执行");
}

export async function loadBases(): Promise<Record<Base, WorkbookSnapshot>> {
  const sc = await readXlsx(path.join(ROOT, "test", "workbooks", "example-sichuan-2020.xlsx"));
  const nat = await readXlsx(path.join(ROOT, "test", "workbooks", "example-national-2024.xlsx"));
  const model = readReport(nat);
  const gen = generateNarrative(model, { template: "national-2024" });
  const lines = answerMarkers(gen.paragraphs.map((p) => p.text).join("\n")).split("\n");
  nat.sheets.push({ name: "情况说明", origin: { row: 0, col: 0 }, values: lines.map((l) => [l]), merges: [] });
  return { "sichuan-2020": sc, "national-2024": nat };
}

export interface PlantedCase {
  id: string;
  base: Base;
  snapshot: WorkbookSnapshot;
  problem: ExpectedProblem;
}

export async function plantedCases(): Promise<{ bases: Record<Base, WorkbookSnapshot>; cases: PlantedCase[] }> {
  const bases = await loadBases();
  const models = { "sichuan-2020": readReport(bases["sichuan-2020"]), "national-2024": readReport(bases["national-2024"]) };
  const cases = PLANTS.map((p) => {
    const snapshot = cloneSnapshot(bases[p.base]);
    const place = p.apply(snapshot, models[p.base]);
    return { id: p.id, base: p.base, snapshot, problem: { id: p.id, kind: p.kind, severity: p.severity, description: p.what, ...place } };
  });
  return { bases, cases };
}

/** Scores the corpus: one line per base (clean twin: false alarms) and one per plant (found at its place). */
export async function scorePlanted(): Promise<FileScore[]> {
  const { bases, cases } = await plantedCases();
  const out: FileScore[] = [];
  for (const [base, snap] of Object.entries(bases)) {
    const r = checkWorkbook(snap);
    out.push(scoreWorkbook(`clean ${base}`, { problems: [] }, r.findings, ["情况说明"]));
  }
  for (const c of cases) {
    const r = checkWorkbook(c.snapshot);
    const s = scoreWorkbook(c.id, { problems: [c.problem] }, r.findings, ["情况说明"]);
    if (c.problem.severity === "info") {
      s.expected = 1;
      s.found = s.infoFound;
      if (!s.found) s.missed.push(`${c.id}: ${c.problem.description}`);
    }
    // Consequences of the plant elsewhere are not false alarms; only the clean twins count those.
    s.falseAlarms = [];
    s.mustNotFlagHits = [];
    for (const f of Object.values(s.families)) f.falseAlarms = 0;
    out.push(s);
  }
  return out;
}

// ---- writing the corpus as workbooks -----------------------------------------------------------------

export async function snapshotToXlsx(snap: WorkbookSnapshot): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of snap.sheets) {
    const ws = wb.addWorksheet(s.name.slice(0, 31));
    s.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(s.origin.row + r + 1, s.origin.col + c + 1);
        if (typeof v === "object") cell.value = "error" in v ? { error: v.error as ExcelJS.CellErrorValue["error"] } : "date" in v ? new Date(v.date) : null;
        else cell.value = v;
      }),
    );
    for (const m of s.merges) {
      try {
        ws.mergeCells(`${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`);
      } catch {
        /* an overlapping merge of the source is left out */
      }
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  const dir = path.join(ROOT, "test-artifacts", "planted");
  fs.mkdirSync(dir, { recursive: true });
  const { bases, cases } = await plantedCases();
  const fixtures: Record<string, { problems: ExpectedProblem[] }> = {};
  for (const [base, snap] of Object.entries(bases)) {
    fs.writeFileSync(path.join(dir, `clean-${base}.xlsx`), await snapshotToXlsx(snap));
    fixtures[`clean-${base}.xlsx`] = { problems: [] };
  }
  for (const c of cases) {
    fs.writeFileSync(path.join(dir, `${c.id}.xlsx`), await snapshotToXlsx(c.snapshot));
    fixtures[`${c.id}.xlsx`] = { problems: [c.problem] };
  }
  fs.writeFileSync(path.join(dir, "expected.json"), JSON.stringify({ about: "planted corpus (scripts/planted/corpus.ts)", fixtures }, null, 2));
  process.stdout.write(`已写入 ${cases.length + 2} 个工作簿到 ${path.relative(process.cwd(), dir)}\n`);
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(String(e?.stack ?? e) + "\n");
    process.exit(2);
  });
}
