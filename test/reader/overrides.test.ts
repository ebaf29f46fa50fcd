import { OVERRIDES_SETTING } from "../../src/model/types";
import { readReport } from "../../src/reader/recognise";
import { fig, wan2 } from "../../src/reader/figures";
import { serialiseOverrides } from "../../src/reader/overrides";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";

const N = null;
/** A T05 whose title is unrecognisable ("Sheet3" with a non-standard title). */
function workbook(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: "Sheet3",
        origin: { row: 0, col: 0 },
        values: [
          ["本部门的一般公共预算支出明细"],
          [N, N, N, N, "单位：元"],
          ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
          ["合计", N, "1,061,349.00", "343,512.37", "717,836.63"],
          ["2013399", "其他宣传事务支出", "1,061,349.00", "343,512.37", "717,836.63"],
        ],
        merges: [],
      },
    ],
  };
}

describe("table overrides", () => {
  test("without an override the table is missing and reported", () => {
    const m = readReport(workbook());
    expect(m.tables.T05).toBeUndefined();
    expect(m.recognition.missing).toContain("T05");
    expect(m.recognition.messages.join("\n")).toMatch(/未找到公开05表/);
  });

  test("an override (options or workbook settings) forces the table to a sheet and title cell", () => {
    for (const m of [
      readReport(workbook(), { overrides: { T05: { sheet: "Sheet3", titleCell: "A1" } } }),
      readReport({ ...workbook(), settings: { [OVERRIDES_SETTING]: serialiseOverrides({ T05: { sheet: "Sheet3" } }) } }),
    ]) {
      const t = m.tables.T05!;
      expect(t.unit).toBe("元");
      expect(wan2(fig(t, "2013399", "project")!.wan)).toBe("71.78");
      expect(fig(t, "total", "total")!.wan.toString()).toBe("106.1349");
      expect(m.recognition.tables.find((x) => x.key === "T05")!.byOverride).toBe(true);
    }
  });

  test("an override naming a missing sheet is reported in Chinese", () => {
    const m = readReport(workbook(), { overrides: { T05: { sheet: "不存在" } } });
    expect(m.recognition.messages.join("\n")).toMatch(/指定的工作表“不存在”不存在/);
  });
});
