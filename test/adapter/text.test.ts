/**
 * Range.values re-types text as user input ("=", "+", "-" start a formula; "100%" becomes 1;
 * "2020-12" a date: office-js-docs-reference, excel.range.yml). Every text the add-in writes must
 * come back as written; test/fake-excel re-types like Excel unless the cell is formatted "@".
 */
import { createFakeExcel } from "../fake-excel";
import { addSheetWithCells, readWorkbookSnapshot, writeCells, writeNarrativeSheet, GENERATED_SHEET, SOURCES_SHEET, type NarrativeChart } from "../../taskpane/excel";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";

const TRICKY = ["=100%", "-", "+5", "100%", "2020-12", "1/2", "0012", "TRUE", "#N/A", "'引号"];
const wb = (): WorkbookSnapshot => ({ sheets: [{ name: "绩效表", origin: { row: 0, col: 0 }, values: [["项目名称", "x"]], merges: [] }] });

describe("the fake re-types text written without the text format, as Excel does", () => {
  test.each([
    ["=100%", { error: "#NAME?" }],
    ["-", { error: "#NAME?" }],
    ["+5", 5],
    ["100%", 1],
    ["1,234.5", 1234.5],
  ])("%s", async (text, expected) => {
    const { Excel, state } = createFakeExcel(wb());
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("绩效表").getRange("B1").values = [[text]];
      await context.sync();
    });
    expect(state.sheet("绩效表")!.cell("B1")).toEqual(expected);
  });

  test("2020-12 and 1/2 become dates", async () => {
    const { Excel, state } = createFakeExcel(wb());
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("绩效表").getRange("A2:B2").values = [["2020-12", "1/2"]];
      await context.sync();
    });
    expect(state.sheet("绩效表")!.cell("A2")).toEqual({ date: "2020-12-01T00:00:00.000Z" });
    expect(state.sheet("绩效表")!.cell("B2")).toHaveProperty("date");
  });
});

describe("everything the add-in writes as text reads back as written", () => {
  test("writeCells (performance-form edits): one sync, text as text, numbers as numbers", async () => {
    const { Excel, state } = createFakeExcel(wb());
    const writes = TRICKY.map((t, i) => ({ sheet: "绩效表", cell: `C${i + 1}`, value: t }));
    await writeCells([...writes, { sheet: "绩效表", cell: "D1", value: 12.5 }], Excel);
    expect(state.syncCount).toBe(1);
    const sheet = state.sheet("绩效表")!;
    expect(TRICKY.map((_t, i) => sheet.cell(`C${i + 1}`))).toEqual(TRICKY);
    expect(sheet.cell("D1")).toBe(12.5);
    const back = await readWorkbookSnapshot(Excel);
    expect(back.sheets[0].values.map((r) => r[2])).toEqual(TRICKY);
  });

  test("addSheetWithCells (a blank form): text cells stay text; the new sheet is active afterwards", async () => {
    const { Excel, state } = createFakeExcel(wb());
    const { sheet } = await addSheetWithCells("绩效表-新", [TRICKY, [1, 2.5, null]], [], { excel: Excel });
    const view = state.sheet(sheet)!;
    expect(TRICKY.map((_t, i) => view.cell(`${String.fromCharCode(65 + i)}1`))).toEqual(TRICKY);
    expect([view.cell("A2"), view.cell("B2"), view.cell("C2")]).toEqual([1, 2.5, null]);
    // Excel on the web may ignore activate() on a sheet added in the same batch (OfficeDev/office-js #930).
    expect(state.activeSheet).toBe(sheet);
  });

  test("the generated narrative and its source map", async () => {
    const { Excel, state } = createFakeExcel(wb());
    const paragraphs = TRICKY.map((text) => ({ text, style: "body" as const, sources: [{ text, sheet: "绩效表", cell: "B1" }] }));
    await writeNarrativeSheet(paragraphs, { excel: Excel });
    const gen = state.sheet(GENERATED_SHEET)!;
    expect(TRICKY.map((_t, i) => gen.cell(`A${i + 1}`))).toEqual(TRICKY);
    const map = state.sheet(SOURCES_SHEET)!;
    expect(map.values.slice(2).map((r) => r[1])).toEqual(TRICKY);
    expect(state.activeSheet).toBe(GENERATED_SHEET);
  });

  test("chart data are numbers, also where the decimal separator is a comma", async () => {
    const { Excel, state } = createFakeExcel(wb(), { decimalSeparator: "," });
    const chart: NarrativeChart = { number: 1, title: "图1", kind: "column", afterParagraph: 0, categories: ["收入", "100%"], series: [{ name: "2019年", values: ["393.40", "-12.05"] }, { name: "2020年", values: ["0.10", "7"] }] };
    await writeNarrativeSheet([{ text: "一段", style: "body" }], { excel: Excel, charts: [chart] });
    const gen = state.sheet(GENERATED_SHEET)!;
    const src = gen.charts[0].source.match(/^L(\d+):N(\d+)$/)!;
    const h = Number(src[1]);
    expect([gen.cell(`M${h}`), gen.cell(`N${h}`)]).toEqual(["2019年", "2020年"]);
    expect([gen.cell(`L${h + 1}`), gen.cell(`M${h + 1}`), gen.cell(`N${h + 1}`)]).toEqual(["收入", 393.4, 0.1]);
    expect([gen.cell(`L${h + 2}`), gen.cell(`M${h + 2}`), gen.cell(`N${h + 2}`)]).toEqual(["100%", -12.05, 7]);
  });
});

describe("retries do not assume a clean slate", () => {
  test("a blank form whose name was taken since the last read: retried under a free name, nothing half-written", async () => {
    const { Excel, state } = createFakeExcel(wb());
    await readWorkbookSnapshot(Excel); // the adapter now remembers the sheet names
    await Excel.run(async (context) => {
      context.workbook.worksheets.add("绩效表-新项目"); // a user (or the ribbon) adds it meanwhile
      await context.sync();
    });
    const { sheet } = await addSheetWithCells("绩效表-新项目", [["项目名称", "新项目"]], [], { excel: Excel });
    expect(sheet).toBe("绩效表-新项目（2）");
    expect(state.sheet("绩效表-新项目")!.values).toEqual([]);
    expect(state.sheet(sheet)!.values).toEqual([["项目名称", "新项目"]]);
    expect(state.activeSheet).toBe(sheet);
  });
});
