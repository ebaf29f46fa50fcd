/**
 * Table sets beyond nine (issue 14): Sichuan-style 13-table sets, Yunnan-style 11-table sets and a central
 * department's 基本支出决算明细表, built by scripts/years/build.ts from the repo's own example figures. The extra
 * tables are recognised and named from src/data/tables.json, never taken for one of the nine (nor the nine
 * reported incomplete), and their sums are checked (XT-foot, XT-foot-tail).
 */
import { readXlsx } from "../../cli/adapters/xlsx";
import { checkWorkbook } from "../../src/checks";
import { readReport } from "../../src/reader";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { cloneSnapshot, setCell } from "../../scripts/planted/corpus";
import { buildCentralBasicDetail, buildHainanSanGong, buildMeetingSanGong, buildSichuan13, buildYunnan11 } from "../../scripts/years/build";
import { TABLE_KEYS } from "../../src/model/types";

let sichuan: WorkbookSnapshot;
let yunnan: WorkbookSnapshot;
let central: WorkbookSnapshot;

beforeAll(async () => {
  sichuan = await readXlsx(await buildSichuan13(2025));
  yunnan = await readXlsx(await buildYunnan11(2025));
  central = await readXlsx(await buildCentralBasicDetail(2025));
}, 60000);

const weighty = (s: WorkbookSnapshot) => checkWorkbook(s).findings.filter((f) => f.severity !== "info");

describe("extra tables are recognised and named, the nine stay nine", () => {
  it("Sichuan 13: nine found, four extra named from the data", () => {
    const m = readReport(sichuan);
    expect(m.recognition.missing).toEqual([]);
    expect(Object.keys(m.tables).sort()).toEqual([...TABLE_KEYS]);
    expect(m.tables.T09!.sheet).toBe("12国有资本经营预算财政拨款支出决算表");
    expect(m.tables.T06!.title).toBe("一般公共预算财政拨款基本支出决算明细表");
    expect(m.tables.T03!.sheet).toBe("3支出决算表");
    expect((m.extraTables ?? []).map((t) => [t.id, t.name, t.table.sheet]).sort()).toEqual([
      ["X-fiscal-detail", "财政拨款支出决算明细表", "5财政拨款支出决算明细表"],
      ["X-gpb-detail", "一般公共预算财政拨款支出决算明细表", "7一般公共预算财政拨款支出决算明细表"],
      ["X-project", "项目支出决算表", "9一般公共预算财政拨款项目支出决算表"],
      ["X-soe-income", "国有资本经营预算财政拨款收入支出决算表", "9国有资本经营预算财政拨款收入支出决算表"],
    ]);
    expect(m.recognition.extraTables?.length).toBe(4);
    expect(m.recognition.duplicates ?? []).toEqual([]);
    expect(m.recognition.messages.join("\n")).toContain("已识别九张公开表以外的一般公共预算财政拨款支出决算明细表");
  });

  it("Yunnan 11: 项目支出决算表 and the 三公 + 机关运行经费 table", () => {
    const m = readReport(yunnan);
    expect(m.recognition.missing).toEqual([]);
    expect((m.extraTables ?? []).map((t) => t.id).sort()).toEqual(["X-project", "X-sangong-operating"]);
    const sg = m.extraTables!.find((t) => t.id === "X-sangong-operating")!.table;
    expect(sg.rows.map((r) => r.key)).toEqual(["sanGong", "abroad", "car", "carBuy", "carRun", "reception", "operating"]);
    expect(m.supplement?.sheet).toBe("补充数据");
  });

  it("central: 基本支出决算明细表 beside 公开06表", () => {
    const m = readReport(central);
    expect(m.tables.T06!.sheet).toBe("6一般公共预算财政拨款基本支出决算表");
    expect((m.extraTables ?? []).map((t) => t.id)).toEqual(["X-basic-detail"]);
  });

  it("the national 2024 九 (国有资本经营预算财政拨款收入支出决算表) alone is still 公开09表", async () => {
    const { buildNationalYear } = await import("../../scripts/years/build");
    const m = readReport(await readXlsx(await buildNationalYear(2025)));
    expect(m.tables.T09!.title).toBe("国有资本经营预算财政拨款收入支出决算表");
    expect(m.extraTables ?? []).toEqual([]);
  });

  test.each([
    ["sichuan", () => sichuan],
    ["yunnan", () => yunnan],
    ["central", () => central],
  ])("%s: nothing of weight (no R-1, no foot), no sum finding", (_n, get) => {
    const all = checkWorkbook(get()).findings;
    expect(weighty(get()).map((f) => `${f.rule} ${f.sheet} ${f.cell} ${f.message}`)).toEqual([]);
    expect(all.filter((f) => f.rule.startsWith("XT-") || f.rule === "R-1" || f.rule === "R-7")).toEqual([]);
  });
});

describe("“三公” tables beyond 公开07表", () => {
  it("Hainan: 政府性基金 / 国有资本经营 “三公” tables, even before 公开07表, are never taken for it", async () => {
    const s = await readXlsx(await buildHainanSanGong(2025));
    // the extra tables first in the workbook
    s.sheets.sort((a, b) => Number(!a.name.startsWith("7-")) - Number(!b.name.startsWith("7-")));
    const m = readReport(s);
    expect(m.tables.T07!.sheet).toBe("7财政拨款“三公”经费支出决算表");
    expect((m.extraTables ?? []).map((t) => t.id).sort()).toEqual(["X-fund-sangong", "X-soe-sangong"]);
    expect(m.extraTables!.every((t) => t.table.columns.length === 12)).toBe(true);
    expect(weighty(s)).toEqual([]);
    expect(checkWorkbook(s).findings.filter((f) => f.rule === "R-7" || f.rule.startsWith("XT-"))).toEqual([]);
    // their sums: 合计 ≠ 出国 + 公车 + 接待
    const bad = cloneSnapshot(s);
    setCell(bad, "7-1政府性基金三公", "B7", 2);
    expect(checkWorkbook(bad).findings.filter((f) => f.rule === "XT-foot").map((f) => [f.sheet, f.cell])).toEqual([["7-1政府性基金三公", "B7"]]);
  });

  it("柞水: “三公”经费及会议费、培训费支出决算表 alone is 公开07表, beside a 三公 table it is its own", async () => {
    const alone = readReport(await readXlsx(await buildMeetingSanGong(2025)));
    expect(alone.tables.T07!.title).toBe("“三公”经费及会议费、培训费支出决算表");
    expect(alone.tables.T03!.sheet).toBe("3支出决算表");
    expect(alone.extraTables ?? []).toEqual([]);
    expect(alone.recognition.duplicates ?? []).toEqual([]);
    const beside = readReport(await readXlsx(await buildMeetingSanGong(2025, true)));
    expect(beside.tables.T07!.sheet).toBe("7财政拨款“三公”经费支出决算表");
    expect((beside.extraTables ?? []).map((t) => [t.id, t.table.sheet])).toEqual([["X-sangong-meeting", "7-1三公及会议培训"]]);
    expect(beside.recognition.duplicates ?? []).toEqual([]);
  });
});

describe("sums of the extra tables", () => {
  it("a 合计 of 项目支出决算表 off by 1.00: 错误 at its cell", () => {
    const s = cloneSnapshot(sichuan);
    setCell(s, "9一般公共预算财政拨款项目支出决算表", "C5", 92.71);
    const f = checkWorkbook(s).findings.filter((x) => x.rule === "XT-foot");
    expect(f.map((x) => [x.severity, x.sheet, x.cell])).toEqual([["error", "9一般公共预算财政拨款项目支出决算表", "C5"]]);
    expect(f[0].message).toContain("项目支出决算表");
    expect(f[0].message).toContain("相差1.00万元");
  });

  it("a 0.01 slip on a 合计 over four 类: 尾差 (信息)", () => {
    const s = cloneSnapshot(sichuan);
    setCell(s, "5财政拨款支出决算明细表", "C5", 223.35);
    const f = checkWorkbook(s).findings.filter((x) => x.rule.startsWith("XT-"));
    expect(f.map((x) => [x.rule, x.severity, x.cell])).toEqual([["XT-foot-tail", "info", "C5"]]);
  });

  it("“三公”经费 ≠ 出国 + 公车 + 接待 in the Yunnan table: 错误; 公车 ≠ 购置 + 运行 too", () => {
    const s = cloneSnapshot(yunnan);
    setCell(s, "11三公经费及机关运行经费", "C4", 1.8);
    setCell(s, "11三公经费及机关运行经费", "B6", 5);
    const f = checkWorkbook(s).findings.filter((x) => x.rule === "XT-foot");
    expect(f.map((x) => x.cell).sort()).toEqual(["B4", "B6", "C4"].sort());
  });

  it("an unreadable cell is not taken as 0: its sum is not checked", () => {
    const s = cloneSnapshot(sichuan);
    setCell(s, "9一般公共预算财政拨款项目支出决算表", "C6", { error: "#REF!" } as never);
    expect(checkWorkbook(s).findings.filter((x) => x.rule.startsWith("XT-") && x.cell === "C5")).toEqual([]);
  });
});
