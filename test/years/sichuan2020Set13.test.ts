/**
 * A Sichuan-2020-layout 13-table 单位决算 set (issue 14): the repo's Sichuan 2020 example (公开01–09表 in its own
 * layout, 情况说明, 补充数据, 绩效表) plus 公开10–13表 (scripts/years/build.ts buildSichuan2020Set13, written to
 * test/workbooks/example-sichuan-2020-13.xlsx by scripts/make-years.ts). The four are recognised and named,
 * the nine stay nine and complete, nothing new of weight is found, the extra tables' sums are checked, and the
 * 情况说明 reads and checks as in the nine-table workbook.
 */
import * as path from "path";
import { readXlsx } from "../../cli/adapters/xlsx";
import { checkWorkbook } from "../../src/checks";
import { readReport } from "../../src/reader";
import { TABLE_KEYS } from "../../src/model/types";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { cloneSnapshot, setCell } from "../../scripts/planted/corpus";
import { buildSichuan2020Set13, YEAR_FILES } from "../../scripts/years/build";

let set13: WorkbookSnapshot;
let nine: WorkbookSnapshot;
beforeAll(async () => {
  set13 = await readXlsx(await buildSichuan2020Set13());
  nine = await readXlsx(path.join(__dirname, "..", "workbooks", "example-sichuan-2020.xlsx"));
}, 60000);

const findings = (s: WorkbookSnapshot) => checkWorkbook(s).findings.map((f) => `${f.severity} ${f.rule} ${f.sheet}:${f.cell ?? f.row} ${f.message}`).sort();

describe("Sichuan 2020 layout, 13 tables", () => {
  it("公开01–09表 are the nine, 公开10–13表 the four extra tables, named from src/data/tables.json", () => {
    const m = readReport(set13);
    expect(m.year).toBe(2020);
    expect(m.template).toBe("sichuan-2020");
    expect(m.recognition.missing).toEqual([]);
    expect(Object.keys(m.tables).sort()).toEqual([...TABLE_KEYS]);
    for (const k of TABLE_KEYS) expect(m.tables[k]!.sheet).toBe(`公开0${k.slice(2)}表`);
    expect((m.extraTables ?? []).map((t) => [t.id, t.name, t.table.sheet])).toEqual([
      ["X-fiscal-detail", "财政拨款支出决算明细表", "公开10表"],
      ["X-gpb-detail", "一般公共预算财政拨款支出决算明细表", "公开11表"],
      ["X-project", "项目支出决算表", "公开12表"],
      ["X-soe-income", "国有资本经营预算财政拨款收入支出决算表", "公开13表"],
    ]);
    expect(m.recognition.duplicates ?? []).toEqual([]);
    expect(m.recognition.messages.join("\n")).toContain("已识别九张公开表以外的一般公共预算财政拨款支出决算明细表：工作表“公开11表”");
    // the rest of the workbook as in the nine-table example
    expect(m.supplement?.rows.length).toBe(readReport(nine).supplement?.rows.length);
    expect(m.narrative?.paragraphs.length).toBeGreaterThan(50);
    expect(m.narrative?.paragraphs.length).toBe(readReport(nine).narrative?.paragraphs.length);
  });

  it("the checker finds exactly what it finds in the nine-table workbook (no unknown sheet, no incomplete set)", () => {
    expect(findings(set13)).toEqual(findings(nine));
  });

  it("the extra tables' sums are checked at their cells", () => {
    const s = cloneSnapshot(set13);
    setCell(s, "公开11表", "C5", 224.34);
    const f = checkWorkbook(s).findings.filter((x) => x.rule === "XT-foot");
    expect(f.map((x) => [x.severity, x.sheet, x.cell])).toEqual([["error", "公开11表", "C5"]]);
    expect(f[0].message).toContain("一般公共预算财政拨款支出决算明细表");
  });

  it("the workbook scripts/make-years.ts wrote is the builder's", async () => {
    const written = readReport(await readXlsx(path.join(__dirname, "..", "workbooks", YEAR_FILES.sichuan2020Set13)));
    expect((written.extraTables ?? []).map((t) => t.id)).toEqual(readReport(set13).extraTables!.map((t) => t.id));
    expect(written.recognition.missing).toEqual([]);
  });
});
