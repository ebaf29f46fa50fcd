import * as fs from "fs";
import * as path from "path";
import { TABLE_KEYS } from "../../src/model/types";
import { readReport } from "../../src/reader/recognise";
import { fig, findRow, keyFigures, rowsAt, t05Items, wan2 } from "../../src/reader/figures";
import { inspectJson } from "../../cli/commands/inspect";
import { describeFixtures, loadFixture } from "./helpers";

const GOLDEN = path.resolve(__dirname, "../cases/inspect-bazhong-2020/expected.json");

function figuresAndItems(model: ReturnType<typeof readReport>) {
  const j = inspectJson(model);
  return { figures: j.figures, items: j.items };
}

describeFixtures("reading the fixtures", () => {
  test.each(["bazhong-2020.xlsx", "bazhong-2020-yuan.xlsx", "bazhong-2020-clean.xlsx"])("%s: all nine tables, no problems", async (name) => {
    const model = readReport(await loadFixture(name));
    expect(model.recognition.missing).toEqual([]);
    for (const k of TABLE_KEYS) expect(model.tables[k]).toBeDefined();
    const unit = name.includes("yuan") ? "元" : "万元";
    for (const k of TABLE_KEYS) expect(model.tables[k]!.unit).toBe(unit);
    expect(model.recognition.unclassifiedRows).toEqual([]);
    expect(model.recognition.unknownSupplementLabels).toEqual([]);
    expect(model.year).toBe(2020);
    expect(model.unitName).toBe("巴中市互联网信息办公室");
    expect(model.template).toBe("sichuan-2020");
    expect(model.forms).toHaveLength(5);
    expect(model.forms.every((f) => f.title === "项目绩效目标完成情况表")).toBe(true);
    // every T05 项 row, with its codes and amounts
    expect(t05Items(model).map((i) => i.code)).toEqual(["2013302", "2013350", "2013399", "2013799", "2080505", "2101102", "2210201"]);
    expect(rowsAt(model.tables.T05, "lei").map((r) => r.code)).toEqual(["201", "208", "210", "221"]);
    expect(rowsAt(model.tables.T05, "kuan").map((r) => r.code)).toEqual(["20133", "20137", "20805", "21011", "22102"]);
    // T08/T09 carry the "本表无数据" note and an empty 合计 row
    expect(model.tables.T08!.emptyNote).toMatch(/本表无数据/);
    expect(model.tables.T09!.emptyNote).toMatch(/本表无数据/);
    // T04 sub-rows of 年初财政拨款结转和结余
    expect(wan2(fig(model.tables.T04, "beginGpb", "amount")!.wan)).toBe("20.97");
    expect(findRow(model.tables.T04, "beginFund")).toBeDefined();
    expect(wan2(fig(model.tables.T04, "expenseTotal", "gpb")!.wan)).toBe("223.34");
    // T01 expense 类 rows get codes from their names
    expect(wan2(fig(model.tables.T01, "221", "amount", "expense")!.wan)).toBe("10.57");
    expect(findRow(model.tables.T01, "234")?.label).toBe("抗疫特别国债安排的支出");
    // T06 economic rows on both sides
    expect(wan2(fig(model.tables.T06, "30217", "amount")!.wan)).toBe("0.80");
    expect(findRow(model.tables.T06, "30217")!.side).toBe("public");
    expect(findRow(model.tables.T06, "30113")!.side).toBe("personnel");
    // T07 12 columns
    expect(model.tables.T07!.columns.map((c) => c.key).sort()).toHaveLength(12);
    expect(wan2(fig(model.tables.T07, "data", "finalReception")!.wan)).toBe("0.80");
    // sources
    expect(keyFigures(model)["收入总计"]!.source.sheet).toBe(model.tables.T01!.sheet);
  });

  test("bazhong-2020: sources, narrative and supplement", async () => {
    const model = readReport(await loadFixture("bazhong-2020.xlsx"));
    expect(keyFigures(model)["收入总计"]!.source).toEqual({ sheet: "公开01表", cell: "C36" });
    expect(keyFigures(model)["公用经费"]!.source).toEqual({ sheet: "公开06表", cell: "I34" });
    expect(keyFigures(model)["三公经费决算"]!.source).toEqual({ sheet: "公开07表", cell: "G8" });
    const n = model.narrative!;
    expect(n.sheet).toBe("情况说明");
    expect(n.paragraphs).toHaveLength(87);
    expect(n.paragraphs[0]).toEqual({ row: 1, text: "第二部分 2020年度部门决算情况说明" });
    expect(n.paragraphs[4]).toEqual({ row: 5, text: " 二、收入决算情况说明" });
    expect(n.paragraphs[30].text.startsWith("　　日常公用经费17.8万元")).toBe(true);
    const s = model.supplement!;
    expect(s.unit).toBe("万元");
    expect(s.rows).toHaveLength(53);
    const by = (k: string) => s.rows.find((r) => r.key === k)!;
    expect(by("收入支出总计").prior!.wan.toString()).toBe("393.4");
    expect(by("收入支出总计").current).toBeUndefined();
    expect(by("收入支出总计").reason).toBe("人员变动,经费减少;项目经费减少");
    expect(s.rows.find((r) => r.code === "2013399")!.budget!.wan.toString()).toBe("117.77");
    expect(by("国内公务接待人次").kind).toBe("count");
    expect(by("国内公务接待人次").current!.wan.toString()).toBe("80");
    expect(by("“三公”经费").current!.wan.toString()).toBe("0.8");
    expect(by("绩效目标项目数").current!.raw.toString()).toBe("7");
  });

  test("bazhong-2020-yuan: 元 amounts exact, counts never converted", async () => {
    const model = readReport(await loadFixture("bazhong-2020-yuan.xlsx"));
    const f = fig(model.tables.T05, "2013399", "total")!;
    expect(f.raw.toString()).toBe("1061349");
    expect(f.wan.toString()).toBe("106.1349");
    expect(f.unit).toBe("元");
    expect(fig(model.tables.T01, "incomeGrandTotal", "amount")!.wan.toString()).toBe("236.01008");
    expect(model.narrative).toBeUndefined();
    const s = model.supplement!;
    expect(s.unit).toBe("元");
    expect(s.rows).toHaveLength(53);
    const by = (k: string) => s.rows.find((r) => r.key === k)!;
    expect(by("收入支出总计").prior!.wan.toString()).toBe("393.401256");
    expect(by("国内公务接待批次").current!.wan.toString()).toBe("8");
    expect(by("国内公务接待人次").current!.wan.toString()).toBe("80");
    expect(by("公务接待费").prior!.wan.toString()).toBe("1");
    // blank 本年数 cells are "not given"; explicit zeros are kept
    expect(by("收入支出总计").current).toBeUndefined();
    expect(by("机关运行经费").current!.wan.toString()).toBe("0");
  });

  test("golden: bazhong-2020 figures and items; the 元 workbook reads to the same", async () => {
    const wan = figuresAndItems(readReport(await loadFixture("bazhong-2020.xlsx")));
    const yuan = figuresAndItems(readReport(await loadFixture("bazhong-2020-yuan.xlsx")));
    const clean = figuresAndItems(readReport(await loadFixture("bazhong-2020-clean.xlsx")));
    const text = fs.existsSync(GOLDEN) ? fs.readFileSync(GOLDEN, "utf8").trim() : "";
    if (process.env.UPDATE_GOLDEN === "1" || text === "") fs.writeFileSync(GOLDEN, JSON.stringify(wan, null, 2) + "\n");
    const expected = JSON.parse(fs.readFileSync(GOLDEN, "utf8"));
    expect(wan).toEqual(expected);
    expect(yuan).toEqual(expected);
    expect(clean).toEqual(expected);
  });
});
