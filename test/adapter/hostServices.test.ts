/** The pane's services on the fake Excel: each operation through the adapter, counting syncs. */
import { createHostServices } from "../../taskpane/hostServices";
import { forgetWorkbook, primeSheetNames } from "../../taskpane/excel";
import { OVERRIDES_SETTING } from "../../src/model/types";
import { createFakeExcel } from "../fake-excel";
import { describeShared, example, fixture, snapshotOf } from "../helpers/fixtures";

async function setup(file: string) {
  const fake = createFakeExcel(await snapshotOf(file));
  const services = createHostServices({ excel: fake.Excel, copy: async () => undefined });
  forgetWorkbook(fake.Excel);
  await primeSheetNames(fake.Excel); // the pane does this once when it opens
  fake.state.resetSyncCount();
  return { fake, services };
}

describeShared("检查 through the adapter", () => {
  it.each(["bazhong-2020.xlsx", "bazhong-2020-yuan.xlsx", "bazhong-2020-clean.xlsx"])("%s: reading plus checking is exactly one sync", async (name) => {
    const { fake, services } = await setup(fixture(name));
    const outcome = await services.runCheck();
    expect(fake.state.syncCount).toBe(1);
    expect(outcome.recognition.missing).toEqual([]);
    expect(outcome.sheetNames?.length).toBeGreaterThan(9);
  });

  it("the findings are those of the CLI's checker, and clicking one selects its cell (navigate: activate → sync → select)", async () => {
    const { fake, services } = await setup(fixture("bazhong-2020.xlsx"));
    const outcome = await services.runCheck();
    const f = outcome.findings.find((x) => x.rule === "N-residue")!;
    expect(f.sheet).toBe("情况说明");
    fake.state.resetSyncCount();
    await services.navigate({ sheet: f.sheet!, row: f.row });
    expect(fake.state.activeSheet).toBe("情况说明");
    expect(fake.state.selection).toEqual({ sheet: "情况说明", address: `A${f.row}` });
    expect(fake.state.syncCount).toBe(2);
  });

  it("findings on a hidden sheet say so, and clicking one says 工作表已隐藏", async () => {
    const fake = createFakeExcel(await snapshotOf(fixture("bazhong-2020.xlsx")), { visibility: { 情况说明: "Hidden" } });
    const services = createHostServices({ excel: fake.Excel, copy: async () => undefined });
    const outcome = await services.runCheck();
    const f = outcome.findings.find((x) => x.rule === "N-residue")!;
    expect(f.message).toMatch(/（该工作表已隐藏）$/);
    const note = outcome.findings.find((x) => x.rule === "X-hidden-sheet")!;
    expect(note).toMatchObject({ severity: "info", sheet: "情况说明" });
    expect(note.message).toMatch(/^工作表“情况说明”已隐藏，其中有 \d+ 条检查结果/);
    await expect(services.navigate({ sheet: "情况说明", row: f.row })).rejects.toThrow(/^工作表已隐藏/);
  });

  it("a sheet too large to read is a finding naming it, not a silent gap", async () => {
    const fake = createFakeExcel(await snapshotOf(fixture("bazhong-2020-clean.xlsx")));
    fake.state.userEdit("公开09表", "H1048576", "x");
    const services = createHostServices({ excel: fake.Excel, copy: async () => undefined });
    const outcome = await services.runCheck();
    const f = outcome.findings.find((x) => x.rule === "X-read-too-large")!;
    expect(f).toMatchObject({ severity: "warning", sheet: "公开09表" });
    expect(f.message).toContain("工作表“公开09表”的已用区域为");
  });

  it("pasted narrative text is checked instead of the sheet", async () => {
    const { services } = await setup(fixture("bazhong-2020-clean.xlsx"));
    const outcome = await services.runCheck({ narrativeText: "2020年本年支出合计223.34万元，其中：基本支出131.63万元，占58.94%；项目支出91.71万元，占50%。" });
    expect(outcome.findings.some((f) => f.severity === "error" && f.row === 1)).toBe(true);
  });
});

describe("生成, 绩效 and 识别 through the adapter", () => {
  it("generate then write: one read sync, and the generated sheet holds the text", async () => {
    const { fake, services } = await setup(example("example-sichuan-2020.xlsx"));
    const n = await services.generate();
    expect(fake.state.syncCount).toBe(1);
    const r = await services.writeGenerated(n);
    expect(r.sheet).toBe("情况说明（生成）");
    expect(fake.state.sheet("情况说明（生成）")!.cell("A1")).toBe(n.paragraphs[0].text);
    const again = await services.writeGenerated(n);
    expect(again.keptCopy).toBeUndefined();
  });

  it("forms: load, save only the forms' own cells, insert a blank form on a new sheet", async () => {
    const { fake, services } = await setup(example("example-sichuan-2020.xlsx"));
    const forms = await services.loadForms();
    expect(forms.length).toBe(5);
    const sheet = forms[0].sheet;
    await expect(services.saveForm([{ sheet: "公开01表", cell: "C7", value: "1" }])).rejects.toThrow(/不属于绩效表/);
    expect(fake.state.sheet("公开01表")!.cell("C7")).not.toBe(1);
    const before = fake.state.syncCount;
    const nameCell = forms[0].name.source!.cell;
    await services.saveForm([{ sheet, cell: nameCell, value: "接待费（改）" }]);
    expect(fake.state.syncCount - before).toBe(1);
    expect(fake.state.sheet(sheet)!.cell(nameCell)).toBe("接待费（改）");
    const { sheet: added } = await services.insertBlankForm("新项目");
    expect(added).toBe("绩效表-新项目");
    const again = await services.loadForms();
    expect(again.map((f) => f.name.text)).toContain("新项目");
  });

  it("overrides are saved to the workbook settings only when asked", async () => {
    const { fake, services } = await setup(example("example-sichuan-2020.xlsx"));
    await services.runCheck();
    expect(fake.state.settingsWrites).toBe(0);
    await services.saveOverrides({ T08: { sheet: "公开08表" } });
    expect(fake.state.settingsWrites).toBe(1);
    expect(String(fake.state.settings[OVERRIDES_SETTING])).toContain("公开08表");
  });
});
