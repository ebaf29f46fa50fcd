/**
 * 生成 through the pane's services on the fake Excel: the text and the native charts 图1–图7 in ONE write
 * sync, after ONE read sync; regenerating replaces the add-in's charts only.
 */
import { createHostServices } from "../../taskpane/hostServices";
import { CHART_DATA_LABEL, forgetWorkbook, GENERATED_SHEET, primeSheetNames, writeNarrativeSheet } from "../../taskpane/excel";
import { readReport } from "../../src/reader";
import { createFakeExcel } from "../fake-excel";
import { describeShared, example, fixture, snapshotOf } from "../helpers/fixtures";

async function setup(file: string, opts: { ttl?: number } = {}) {
  const snapshot = await snapshotOf(file);
  const fake = createFakeExcel(snapshot);
  const services = createHostServices({ excel: fake.Excel, copy: async () => undefined, observationTtlMs: opts.ttl });
  forgetWorkbook(fake.Excel);
  await primeSheetNames(fake.Excel); // the pane does this once when it opens
  fake.state.resetSyncCount();
  return { fake, services, snapshot };
}

const COLUMN = [1, 4, 5];

describe("生成: text and charts through the adapter", () => {
  it("generate is one sync, write is one sync: text, chart data block and 7 native charts together (+1 to activate the new sheet)", async () => {
    const { fake, services } = await setup(example("example-sichuan-2020.xlsx"));
    const n = await services.generate();
    expect(fake.state.syncCount).toBe(1);
    expect(n.charts!.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    fake.state.resetSyncCount();
    const r = await services.writeGenerated(n);
    // one sync writes everything; a new sheet is activated in the next one (OfficeDev/office-js #930)
    expect(fake.state.syncCount).toBe(2);
    expect(fake.state.activeSheet).toBe(GENERATED_SHEET);
    expect(r).toEqual({ sheet: GENERATED_SHEET, keptCopy: undefined, action: "created" });

    const sheet = fake.state.sheet(GENERATED_SHEET)!;
    expect(n.paragraphs.map((p, i) => sheet.cell(`A${i + 1}`))).toEqual(n.paragraphs.map((p) => (p.text === "" ? null : p.text)));
    expect(sheet.charts).toHaveLength(7);
    sheet.charts.forEach((c, i) => {
      const spec = n.charts![i];
      expect(c.name).toBe(`决算助手-图${spec.number}`);
      expect(c.title).toBe(spec.title);
      expect(c.type).toBe(COLUMN.includes(spec.number) ? "ColumnClustered" : "Pie");
      expect(c.seriesBy).toBe("Columns");
      // stacked in one column to the right of the text (column A is 560 pt wide), never overlapping
      expect(c).toMatchObject({ left: 572, top: 12 + i * 272, width: 420, height: 260 });
      expect(c.source).toMatch(/^L\d+:[MN]\d+$/);
    });
    // the data block: labelled, categories as text, values as numbers (2 decimals shown)
    expect(sheet.cell("L1")).toBe(CHART_DATA_LABEL);
    const c1 = sheet.charts[0].source.match(/^L(\d+):N(\d+)$/)!;
    const header = Number(c1[1]);
    expect([sheet.cell(`M${header}`), sheet.cell(`N${header}`)]).toEqual(n.charts![0].series.map((s) => s.name));
    expect(sheet.cell(`L${header + 1}`)).toBe(n.charts![0].categories[0]);
    expect(sheet.cell(`M${header + 1}`)).toBe(Number(n.charts![0].series[0].points[0].value));
    expect(sheet.format(`M${header + 1}`).numberFormat).toBe("0.00");
    expect(sheet.cell(`L${header - 1}`)).toBe(n.charts![0].title);
  });

  it("regenerating leaves 7 charts, not 14; a user's charts (on the generated sheet or another) stay", async () => {
    const { fake, services } = await setup(example("example-sichuan-2020.xlsx"));
    await services.writeGenerated(await services.generate());
    fake.state.userAddChart("公开01表", "我的图表", "A1:B3");
    fake.state.userAddChart(GENERATED_SHEET, "我的批注图", "B1:B2");
    fake.state.resetSyncCount();
    const n = await services.generate();
    await services.writeGenerated(n);
    expect(fake.state.syncCount).toBe(2);
    const names = fake.state.sheet(GENERATED_SHEET)!.charts.map((c) => c.name);
    expect(names.filter((x) => x.startsWith("决算助手-图"))).toHaveLength(7);
    expect(names).toContain("我的批注图");
    expect(fake.state.sheet("公开01表")!.charts.map((c) => c.name)).toEqual(["我的图表"]);
    expect(fake.state.sheets.filter((s) => s.name.startsWith(GENERATED_SHEET))).toHaveLength(1);
  });

  it("edits of the text are kept as a copy (with its charts); the edit fingerprint covers the text area only", async () => {
    const { fake, services } = await setup(example("example-sichuan-2020.xlsx"));
    await services.writeGenerated(await services.generate());
    // an edit of the chart data block is not an edit of the text: the sheet is replaced
    fake.state.userEdit(GENERATED_SHEET, "M5", 1);
    await services.writeGenerated(await services.generate());
    expect(fake.state.sheets.map((s) => s.name).filter((s) => s.startsWith(GENERATED_SHEET))).toEqual([GENERATED_SHEET]);
    // an edit of the text is: the edited version is kept (its charts stay with it), a fresh sheet is written
    fake.state.userEdit(GENERATED_SHEET, "A3", "我改过的段落");
    const r = await services.writeGenerated(await services.generate());
    expect(r.keptCopy).toBe(`${GENERATED_SHEET}-旧版1`);
    expect(fake.state.sheet(r.keptCopy!)!.cell("A3")).toBe("我改过的段落");
    expect(fake.state.sheet(r.keptCopy!)!.charts).toHaveLength(7);
    expect(fake.state.sheet(GENERATED_SHEET)!.charts).toHaveLength(7);
  });

  it("a write that fails half-way is not rolled back by Excel: the retry does not keep the cleared sheet as the user's version", async () => {
    const { fake, services } = await setup(example("example-sichuan-2020.xlsx"));
    await services.writeGenerated(await services.generate());
    const n = await services.generate();
    // After generate() looked, one of the add-in's charts disappears: the write (clear, delete the old
    // charts, …) fails at that chart with ItemNotFound, after the sheet was already cleared.
    fake.state.userDeleteChart(GENERATED_SHEET, "决算助手-图3");
    const r = await services.writeGenerated(n);
    expect(r.keptCopy).toBeUndefined();
    expect(fake.state.sheets.filter((s) => s.name.startsWith(GENERATED_SHEET)).map((s) => s.name)).toEqual([GENERATED_SHEET]);
    const sheet = fake.state.sheet(GENERATED_SHEET)!;
    expect(sheet.cell("A1")).toBe(n.paragraphs[0].text);
    expect(sheet.charts.map((c) => c.name)).toEqual(n.charts!.map((c) => `决算助手-图${c.number}`));
  });

  it("a failed write that had already kept the user's version as 旧版1 still tells the user so after the retry", async () => {
    const { fake, services } = await setup(example("example-sichuan-2020.xlsx"));
    await services.writeGenerated(await services.generate());
    fake.state.userEdit(GENERATED_SHEET, "A3", "我改过的段落");
    const n = await services.generate();
    // The source map disappears after generate() looked: the write renames the edited sheet, adds the
    // new one, writes the text, then fails at the source map — and Excel keeps what ran.
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("_juesuan_sources").delete();
      await context.sync();
    });
    const r = await services.writeGenerated(n);
    expect(r.keptCopy).toBe(`${GENERATED_SHEET}-旧版1`);
    expect(fake.state.sheet(r.keptCopy!)!.cell("A3")).toBe("我改过的段落");
    expect(fake.state.sheet(GENERATED_SHEET)!.cell("A1")).toBe(n.paragraphs[0].text);
    expect(fake.state.sheets.filter((s) => s.name.startsWith(GENERATED_SHEET)).map((s) => s.name).sort()).toEqual([GENERATED_SHEET, `${GENERATED_SHEET}-旧版1`].sort());
  });

  it("a stale observation is not trusted: past the TTL, or for another narrative, the write reads first", async () => {
    const { fake, services } = await setup(example("example-sichuan-2020.xlsx"), { ttl: -1 });
    const n = await services.generate();
    fake.state.resetSyncCount();
    await services.writeGenerated(n);
    expect(fake.state.syncCount).toBe(3); // read, write, activate the new sheet
    // the user edits the text between a (TTL-expired) generate and the write: the edit is kept
    const n2 = await services.generate();
    fake.state.userEdit(GENERATED_SHEET, "A2", "用户修改");
    expect((await services.writeGenerated(n2)).keptCopy).toBe(`${GENERATED_SHEET}-旧版1`);
  });

  it("charts of zero data are not drawn (三公 all 0 → no 图7)", async () => {
    const { fake, services, snapshot } = await setup(example("example-sichuan-2020.xlsx"));
    const t7 = readReport(snapshot).tables.T07!;
    for (const row of t7.rows)
      for (const [k, f] of Object.entries(row.values)) if (/^final/.test(k) && f) fake.state.userEdit(f.source.sheet, f.source.cell, 0);
    forgetWorkbook(fake.Excel);
    const n = await services.generate();
    expect(n.charts!.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6]);
    await services.writeGenerated(n);
    expect(fake.state.sheet(GENERATED_SHEET)!.charts.map((c) => c.name)).not.toContain("决算助手-图7");
    expect(fake.state.sheet(GENERATED_SHEET)!.charts).toHaveLength(6);
  });

  it("bad chart data is refused in Chinese before anything is written", async () => {
    const { fake } = await setup(example("example-sichuan-2020.xlsx"));
    const bad = [{ number: 1, title: "图1", kind: "column" as const, afterParagraph: 0, categories: ["a"], series: [{ name: "2020年", values: ["x"] }] }];
    await expect(writeNarrativeSheet([{ text: "一段", style: "body" }], { excel: fake.Excel, charts: bad })).rejects.toThrow("图表的数据不完整");
    expect(fake.state.sheet(GENERATED_SHEET)).toBeUndefined();
  });
});

describeShared("生成 on the bazhong fixture", () => {
  it("bazhong-2020: 7 charts, two syncs for generate + write (and one to activate the new sheet)", async () => {
    const { fake, services } = await setup(fixture("bazhong-2020.xlsx"));
    await services.writeGenerated(await services.generate());
    expect(fake.state.syncCount).toBe(3);
    expect(fake.state.sheet(GENERATED_SHEET)!.charts).toHaveLength(7);
  });
});
