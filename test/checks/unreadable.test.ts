/**
 * Issue 11, end to end: a value the reader could not get (formula without a cached value, error value,
 * text, TRUE, a date, an implausible magnitude) is said at its cell and never used as 0 — in the checks,
 * in `juesuan check`, `inspect` and `narrate`. Workbooks are made by the repo's own script
 * (scripts/examples/bad-inputs.ts) from its example workbook.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readXlsx } from "../../cli/adapters/xlsx";
import { main } from "../../cli/main";
import type { CliIO } from "../../cli/io";
import { checkWorkbook } from "../../src/checks";
import type { Finding } from "../../src/findings";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { exampleWithBadAmounts, exampleWithUncachedTotals } from "../../scripts/examples/bad-inputs";
import { buildSichuan2020 } from "../../scripts/examples/build";
import { cloneSnapshot, setCell } from "../../scripts/planted/corpus";

const READER_RULES = /^R-[5-8]$/;
const weighty = (fs: Finding[]) => fs.filter((f) => f.severity !== "info" && !READER_RULES.test(f.rule));
const key = (f: Finding) => `${f.rule}|${f.sheet}|${f.cell ?? ""}|${f.row ?? ""}|${f.message}`;

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIO = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), isTTY: false, cwd };
  return { cli, out: () => out.join(""), err: () => err.join("") };
}

function sheetWithTitle(snap: WorkbookSnapshot, title: string) {
  const s = snap.sheets.find((x) => x.values.some((r) => r.some((v) => typeof v === "string" && v.includes(title))));
  if (!s) throw new Error(title);
  return s;
}

describe("checks never compute with a value that was not read", () => {
  test("totals saved as formulas without cached values: R-5 at each cell, no other finding", async () => {
    const { buf, cells } = await exampleWithUncachedTotals();
    const r = checkWorkbook(await readXlsx(buf));
    expect(r.summary.error).toBe(0);
    expect(weighty(r.findings)).toEqual([]);
    const r5 = r.findings.filter((f) => f.rule === "R-5");
    expect(r5.map((f) => f.cell).sort()).toEqual([...cells].sort());
    for (const f of r5) expect(f.message).toMatch(/^公式未计算：请在 Excel 中打开并保存后再检查/);
  });

  test("error values, text, TRUE, a date, 1e308: each at its cell; the other findings are exactly those of the one real change (−12)", async () => {
    const { buf, cells } = await exampleWithBadAmounts();
    const bad = checkWorkbook(await readXlsx(buf));
    for (const [cell, kind] of Object.entries(cells)) {
      if (kind === "minus") continue;
      expect(bad.findings.some((f) => READER_RULES.test(f.rule) && f.cell === cell)).toBe(true);
    }
    // The same workbook with only the readable change (U+2212 minus → −12) and the unreadable cells left as they were in the clean file.
    const clean = await readXlsx(await buildSichuan2020());
    const onlyMinus = cloneSnapshot(clean);
    const minusCell = Object.entries(cells).find(([, k]) => k === "minus")![0];
    setCell(onlyMinus, sheetWithTitle(clean, "收入支出决算总表").name, minusCell, -12);
    const reference = new Set(checkWorkbook(onlyMinus).findings.map(key));
    // Every weighty finding of the bad workbook is one the −12 alone causes: none comes from an unreadable cell read as 0.
    for (const f of weighty(bad.findings)) expect(reference).toContain(key(f));
  });

  test("a 三公 table whose only data row is blank is not “no data rows” (R-8); a merge over the body is", async () => {
    const base = await readXlsx(await buildSichuan2020());
    expect(checkWorkbook(base).findings.filter((f) => f.rule === "R-8")).toEqual([]);
    const t07 = cloneSnapshot(base);
    const sheet = sheetWithTitle(t07, "“三公”经费");
    // Blank every number of the data area (the row under the header).
    const model = checkWorkbook(t07).model.tables.T07!;
    for (const fig of Object.values(model.rows[0].values)) setCell(t07, sheet.name, fig.source.cell, null);
    expect(checkWorkbook(t07).findings.filter((f) => f.rule === "R-8")).toEqual([]);

    const merged = cloneSnapshot(base);
    const t05 = checkWorkbook(merged).model.tables.T05!;
    const s05 = merged.sheets.find((s) => s.name === t05.sheet)!;
    const top = t05.rows[0].row - 1 - s05.origin.row;
    const bottom = t05.rows[t05.rows.length - 1].row - 1 - s05.origin.row;
    for (let r = top; r <= bottom; r++) s05.values[r] = s05.values[r].map((v, c) => (r === top && c === 0 ? "（数据见附件）" : null));
    s05.merges = [...s05.merges, { top: top + s05.origin.row, bottom: bottom + s05.origin.row, left: s05.origin.col, right: s05.origin.col + s05.values[top].length - 1 }];
    const r8 = checkWorkbook(merged).findings.filter((f) => f.rule === "R-8");
    expect(r8).toHaveLength(1);
    expect(r8[0].message).toContain("公开05表");
  });
});

test("a 情况说明 paragraph that is a formula without a cached value is said at its cell, not read as text", async () => {
  const snap = await readXlsx(await buildSichuan2020());
  const sheet = snap.sheets.find((s) => s.name.includes("情况说明"))!;
  const r = sheet.values.findIndex((line) => typeof line[0] === "string" && line[0].includes("收、支总计"));
  sheet.values[r][0] = { formula: 'CONCATENATE("2020年度收、支总计",TEXT(公开01表!C36,"0.00"),"万元。")' };
  const result = checkWorkbook(snap);
  const f = result.findings.filter((x) => x.rule === "R-5");
  expect(f).toHaveLength(1);
  expect(f[0]).toMatchObject({ sheet: sheet.name, cell: `A${r + 1 + sheet.origin.row}`, severity: "warning" });
  expect(result.findings.some((x) => (x.text ?? x.message).includes("[object Object]"))).toBe(false);
  expect(result.model.narrative?.paragraphs.some((p) => p.row === r + 1 + sheet.origin.row)).toBe(false);
});

describe("the CLI says it at the cell", () => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-unreadable-"));
    fs.writeFileSync(path.join(dir, "uncached.xlsx"), (await exampleWithUncachedTotals()).buf);
    fs.writeFileSync(path.join(dir, "bad.xlsx"), (await exampleWithBadAmounts()).buf);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("check --json: R-5 findings at the cells, no 错误", async () => {
    const t = io(dir);
    expect(await main(["check", "uncached.xlsx", "--json"], t.cli)).toBe(0);
    const j = JSON.parse(t.out());
    expect(j.summary.error).toBe(0);
    expect(j.findings.filter((f: Finding) => f.rule === "R-5").length).toBeGreaterThan(0);
  });

  test("inspect: unreadable figures are named, never 0.00", async () => {
    const t = io(dir);
    expect(await main(["inspect", "uncached.xlsx", "--json"], t.cli)).toBe(0);
    const j = JSON.parse(t.out());
    expect(j.figures["本年收入合计"]).toBeNull();
    expect(j.problems.unreadable.length).toBeGreaterThan(0);
    const t2 = io(dir);
    expect(await main(["inspect", "uncached.xlsx"], t2.cli)).toBe(0);
    expect(t2.out()).toMatch(/本年收入合计：无法读取/);
    expect(t2.out()).toMatch(/公式没有计算结果/);
  });

  test("narrate: no figure it does not have; the marker says which cell and why", async () => {
    const t = io(dir);
    expect(await main(["narrate", "uncached.xlsx"], t.cli)).toBe(0);
    const text = t.out();
    expect(text).not.toMatch(/收、支总计0(\.00)?万元/);
    expect(text).not.toMatch(/下降100(\.00)?%/);
    expect(text).toMatch(/【请填写：收、支总计（公开01表C\d+的公式未计算/);
    expect(t.err()).toMatch(/无法读取为金额（公式没有计算结果）/);
  });

  test("a batch with files that are not reports: each gets its named row, the JSON is complete, exit 2 without errors", async () => {
    fs.writeFileSync(path.join(dir, "zip.xlsx"), Buffer.from("PK\x03\x04garbage", "latin1"));
    fs.writeFileSync(path.join(dir, "empty.xlsx"), Buffer.alloc(0));
    fs.writeFileSync(path.join(dir, "list.csv"), "单位,金额\n甲,1\n");
    const files = ["uncached.xlsx", "zip.xlsx", "empty.xlsx", "list.csv"];
    const t = io(dir);
    expect(await main(["check", ...files, "--json"], t.cli)).toBe(2);
    const j = JSON.parse(t.out()) as { file: string; problem?: string }[];
    expect(j.map((r) => r.file)).toEqual(files);
    expect(j[0].problem).toBeUndefined();
    expect(j[1].problem).toMatch(/压缩包/);
    expect(j[2].problem).toMatch(/空文件/);
    expect(j[3].problem).toMatch(/没有可检查的内容/);
    expect(t.err()).toMatch(/共检查 4 个工作簿（3 个无法读取或没有可检查的内容）/);
  });
});
