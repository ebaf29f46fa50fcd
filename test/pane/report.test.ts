import { findingLine, groupFindings, locationText, narrativeSections, reportText, tableName, detailText, countsText } from "../../src/checks/report";
import { findings, recognition, sections } from "./fixtures";

describe("locationText", () => {
  it("names a recognised table by its 公开 number and the cell", () => {
    expect(locationText(findings[1], recognition)).toBe("公开05表!C7");
    expect(locationText(findings[2], recognition)).toBe("公开01表!D20");
  });
  it("names narrative findings by row", () => {
    expect(locationText(findings[0], recognition)).toBe("情况说明 第12行");
    expect(locationText(findings[8], recognition)).toBe("情况说明 第2行"); // pasted text: no sheet
  });
  it("uses the sheet name for other sheets and 整体 without a place", () => {
    expect(locationText(findings[4], recognition)).toBe("补充数据!E5");
    expect(locationText(findings[6], recognition)).toBe("绩效1!C12");
    expect(locationText(findings[7], recognition)).toBe("整体");
  });
  it("works without a recognition report", () => {
    expect(locationText(findings[1])).toBe("一般公共预算支出表!C7");
    expect(locationText(findings[0])).toBe("情况说明 第12行");
  });
});

describe("narrativeSections", () => {
  it("finds part and level-1 headings, not sub-headings or body text", () => {
    const s = narrativeSections([
      { row: 1, text: "第二部分 2020年度部门决算情况说明" },
      { row: 2, text: "一、收入支出决算总体情况说明" },
      { row: 3, text: "2020年度收入总计236.56万元，一是……" },
      { row: 4, text: "（一）总体情况" },
      { row: 5, text: "二、收入决算情况说明" },
      { row: 6, text: "一、" + "很长".repeat(40) },
    ]);
    expect(s).toEqual([
      { row: 1, title: "第二部分 2020年度部门决算情况说明" },
      { row: 2, title: "一、收入支出决算总体情况说明" },
      { row: 5, title: "二、收入决算情况说明" },
    ]);
  });
});

describe("groupFindings", () => {
  const groups = groupFindings(findings, { recognition, sections });
  it("orders tables, 补充数据, narrative sections, forms, then general", () => {
    expect(groups.map((g) => g.title)).toEqual([
      "公开01表",
      "公开05表（一般公共预算支出表）",
      "补充数据",
      "情况说明",
      "情况说明 · 一、收入支出决算总体情况说明",
      "情况说明 · 二、收入决算情况说明",
      "绩效目标表（绩效1）",
      "整体",
    ]);
    expect(groups.map((g) => g.kind)).toEqual(["table", "table", "supplement", "narrative", "narrative", "narrative", "form", "general"]);
  });
  it("sorts a group's findings by row", () => {
    expect(groups[0].findings.map((f) => f.cell)).toEqual(["B9", "D20"]);
  });
  it("keeps every finding exactly once", () => {
    expect(groups.reduce((n, g) => n + g.findings.length, 0)).toBe(findings.length);
  });
  it("gives ASCII ids that are unique", () => {
    const ids = groups.map((g) => g.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9-]+$/);
  });
  it("puts the pasted text (no sheet) before the first heading into the bare 情况说明 group", () => {
    expect(groups[3].findings).toEqual([findings[8]]);
  });
});

describe("lines and report", () => {
  it("detail text", () => {
    expect(detailText(findings[1])).toBe("填报 223.35，应为 223.34，差 0.01");
    expect(detailText(findings[3])).toBe("");
  });
  it("counts text", () => {
    expect(countsText(findings)).toBe("错误 3 条，提示 4 条，信息 2 条");
  });
  it("one line per finding, line breaks flattened", () => {
    expect(findingLine({ rule: "R", severity: "warning", message: "第一行\n第二行", sheet: "情况说明", row: 3, text: "a\r\nb" }, recognition)).toBe(
      "[提示] 情况说明 第3行：第一行 第二行 原文：“a b”〔R〕",
    );
  });
  it("prints the whole report", () => {
    const text = reportText(findings, recognition, { file: "巴中.xlsx", sections });
    expect(text).toBe(
      [
        "决算助手检查报告",
        "文件：巴中.xlsx",
        "共 9 条：错误 3 条，提示 4 条，信息 2 条",
        "",
        "【公开01表】错误 1 条，提示 0 条，信息 1 条",
        "[信息] 公开01表!B9：尾差〔T1-1〕",
        "[错误] 公开01表!D20：本年支出合计 ≠ 各类支出之和（填报 198.78，应为 198.77，差 0.01）〔T1-3〕",
        "",
        "【公开05表（一般公共预算支出表）】错误 0 条，提示 1 条，信息 0 条",
        "[提示] 公开05表!C7：合计与明细差0.01万元（填报 223.35，应为 223.34，差 0.01）〔T5-1〕",
        "",
        "【补充数据】错误 0 条，提示 1 条，信息 0 条",
        "[提示] 补充数据!E5：补充数据缺少原因〔S-1〕",
        "",
        "【情况说明】错误 0 条，提示 1 条，信息 0 条",
        "[提示] 情况说明 第2行：金额缺少单位 原文：“支出100”〔N-unit〕",
        "",
        "【情况说明 · 一、收入支出决算总体情况说明】错误 0 条，提示 1 条，信息 0 条",
        "[提示] 情况说明 第5行：模板残留“增加/减少”〔N-residue〕",
        "",
        "【情况说明 · 二、收入决算情况说明】错误 1 条，提示 0 条，信息 0 条",
        "[错误] 情况说明 第12行：“减少”与数值方向不符 原文：“收入总计增加157.39万元”〔N-yoy-direction〕",
        "",
        "【绩效目标表（绩效1）】错误 1 条，提示 0 条，信息 0 条",
        "[错误] 绩效1!C12：三级指标为占位符“指标1”〔P-4〕",
        "",
        "【整体】错误 0 条，提示 0 条，信息 1 条",
        "[信息] 整体：未找到公开08表，相关检查已跳过〔X-1〕",
        "",
        "【识别情况】",
        "- 未找到的报表：公开08表、公开09表",
        "- 按手动设置识别：公开07表→三公",
        "- 未能归类的行：1 行",
        "- 补充数据中不认识的项目：其他项目（第9行）",
        "- 公开08表本年无数据，未找到。",
        "",
      ].join("\n"),
    );
  });
  it("says so when nothing is found", () => {
    expect(reportText([])).toBe("决算助手检查报告\n共 0 条：错误 0 条，提示 0 条，信息 0 条\n\n未发现问题。\n");
  });
  it("table names", () => {
    expect(tableName("T09")).toBe("公开09表");
  });
});
