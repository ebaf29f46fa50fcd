import {
  countsText,
  detailText,
  findingLine,
  groupFindings,
  isRecognitionNote,
  locationText,
  narrativeSections,
  orderedGroups,
  reportText,
  splitNotes,
  tableName,
} from "../../src/checks/report";
import type { Finding } from "../../src/findings";
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

describe("narrativeSections and 名词解释", () => {
  it("does not take a 名词解释 entry (an ordinal, then a sentence) for a heading", () => {
    const s = narrativeSections([
      { row: 1, text: "第四部分 名词解释" },
      { row: 2, text: "一、财政拨款收入：指本年度从本级财政部门取得的财政拨款。" },
      { row: 3, text: "二、事业收入：指事业单位开展专业业务活动及辅助活动所取得的收入" },
      { row: 4, text: "三、名词解释：" },
    ]);
    expect(s.map((x) => x.title)).toEqual(["第四部分 名词解释", "三、名词解释："]);
  });
});

describe("order", () => {
  it("puts errors first, then 提示, then 信息, each by place", () => {
    const g = orderedGroups(findings, { recognition, sections });
    expect(g.map((x) => x.title)).toEqual(["错误（3 条）", "提示（4 条）", "信息（2 条）"]);
    expect(g.map((x) => x.kind)).toEqual(["severity", "severity", "severity"]);
    // place second: 公开01表, then the narrative, then the forms
    expect(g[0].findings.map((f) => f.rule)).toEqual(["T1-3", "N-yoy-direction", "P-4"]);
    expect(g[1].findings.map((f) => f.rule)).toEqual(["T5-1", "S-1", "N-unit", "N-residue"]);
  });
  it("by place on request", () => {
    expect(orderedGroups(findings, { recognition, sections }, "place")).toEqual(groupFindings(findings, { recognition, sections }));
  });
});

describe("recognition notes", () => {
  const r3: Finding = { rule: "R-3", severity: "info", message: "补充数据第9行的项目“其他项目”无法识别，未参与检查。", sheet: "补充数据", cell: "A9" };
  const r7: Finding = { rule: "R-7", severity: "info", message: "公开05表出现在多处：使用了工作表“A”A1，未使用工作表“B”A1（B 已隐藏）。" };
  it("are what the reader could not use, not defects of the report", () => {
    expect(isRecognitionNote(r3)).toBe(true);
    expect(isRecognitionNote(r7)).toBe(true);
    expect(isRecognitionNote(findings[2])).toBe(false);
    expect(isRecognitionNote({ rule: "R-5", severity: "warning", message: "公式未计算" })).toBe(false);
    expect(splitNotes([r3, findings[2], r7])).toEqual({ findings: [findings[2]], notes: [r3, r7] });
  });
  it("are left out of the findings of the text, said in one line and listed under 识别情况", () => {
    const text = reportText([...findings, r3, r7], recognition, { sections });
    expect(text).toContain("共 9 条：错误 3 条，提示 4 条，信息 2 条\n另有 2 条识别说明");
    expect(text).not.toContain("无法识别，未参与检查");
    expect(text).toContain("- 补充数据中不认识的项目 1 个，未参与检查：其他项目（第9行）");
    expect(text).toContain("- 公开05表出现在多处");
  });
});

describe("details", () => {
  it("two tables that disagree: both figures, neither called wrong", () => {
    const f: Finding = { rule: "X-3b", severity: "warning", message: "…在公开01表为326.71，在公开03表为326.72，差0.01万元", stated: "326.71", expected: "326.72", difference: "-0.01" };
    expect(detailText(f)).toBe("两处分别为 326.71、326.72，差 0.01");
    expect(detailText({ ...f, rule: "X-1" })).toBe("两处分别为 326.71、326.72，差 0.01"); // same quantity in two tables
    expect(detailText({ ...f, rule: "N-same-quantity" })).toBe("两处分别为 326.71、326.72，差 0.01"); // two places of the text
    expect(detailText(f)).not.toMatch(/填报|应为/);
  });
  it("a total and its parts", () => {
    expect(detailText(findings[1])).toBe("合计 223.35，各项之和 223.34，差 0.01");
    expect(detailText(findings[3])).toBe("");
  });
  it("words are quoted (balanced), and not repeated when the message quotes them already", () => {
    expect(detailText({ rule: "N-4", severity: "error", message: "写作“增加”，实际应为“减少”", stated: "持平", expected: "减少" })).toBe("填报 “持平”");
    expect(detailText({ rule: "N-residue", severity: "error", message: "模板占位内容“增加/减少”“增长/下降”未替换", stated: "增加/减少”“增长/下降" })).toBe("");
    expect(detailText({ rule: "N-glossary-missing", severity: "warning", message: "五（三）列出的“X（项）”在名词解释中没有解释", expected: "X（项）" })).toBe("");
    expect(detailText({ rule: "N-7", severity: "error", message: "完成预算", stated: "98.5%", expected: "98.50%" })).toBe("填报 98.5%，应为 98.50%");
  });
});

describe("pasted text", () => {
  const pasted = { sheet: "（粘贴的情况说明）", rows: [1, 3, 7] };
  const f: Finding = { rule: "N-unit", severity: "warning", message: "金额缺少单位", sheet: "（粘贴的情况说明）", row: 4, text: "支出100" };
  it("places a finding by paragraph, not by a cell", () => {
    expect(locationText(f, recognition, pasted)).toBe("粘贴的文本 第2段");
    expect(locationText({ ...f, row: 7 }, recognition, pasted)).toBe("粘贴的文本 第3段");
    expect(groupFindings([f], { recognition, pasted })[0].title).toBe("粘贴的文本");
    expect(findingLine(f, recognition, pasted)).toBe("[提示] 粘贴的文本 第2段：金额缺少单位 原文：“支出100”");
  });
});

describe("lines and report", () => {
  it("counts text", () => {
    expect(countsText(findings)).toBe("错误 3 条，提示 4 条，信息 2 条");
  });
  it("one line per finding, line breaks flattened, no rule id", () => {
    expect(findingLine({ rule: "R", severity: "warning", message: "第一行\n第二行", sheet: "情况说明", row: 3, text: "a\r\nb" }, recognition)).toBe(
      "[提示] 情况说明 第3行：第一行 第二行 原文：“a b”",
    );
  });
  it("prints the whole report, errors first, without ids", () => {
    const text = reportText(findings, recognition, { file: "巴中.xlsx", sections });
    expect(text).toBe(
      [
        "决算助手检查报告",
        "文件：巴中.xlsx",
        "共 9 条：错误 3 条，提示 4 条，信息 2 条",
        "",
        "【错误（3 条）】",
        "[错误] 公开01表!D20：本年支出合计 ≠ 各类支出之和（合计 198.78，各项之和 198.77，差 0.01）",
        "[错误] 情况说明 第12行：“减少”与数值方向不符 原文：“收入总计增加157.39万元”",
        "[错误] 绩效1!C12：三级指标为占位符“指标1”",
        "",
        "【提示（4 条）】",
        "[提示] 公开05表!C7：合计与明细差0.01万元（合计 223.35，各项之和 223.34，差 0.01）",
        "[提示] 补充数据!E5：补充数据缺少原因",
        "[提示] 情况说明 第2行：金额缺少单位 原文：“支出100”",
        "[提示] 情况说明 第5行：模板残留“增加/减少”",
        "",
        "【信息（2 条）】",
        "[信息] 公开01表!B9：尾差",
        "[信息] 整体：未找到公开08表，相关检查已跳过",
        "",
        "【识别情况】",
        "- 未找到的报表：公开08表、公开09表",
        "- 按手动设置识别：公开07表→三公",
        "- 未能归类的行：1 行",
        "- 补充数据中不认识的项目 1 个，未参与检查：其他项目（第9行）",
        "- 公开08表本年无数据，未找到。",
        "",
      ].join("\n"),
    );
    expect(text).not.toMatch(/〔/);
  });
  it("by place on request, with the counts of each group", () => {
    const text = reportText(findings, recognition, { sections, order: "place" });
    expect(text).toContain("【公开01表】错误 1 条，提示 0 条，信息 1 条\n[信息] 公开01表!B9：尾差\n[错误] 公开01表!D20");
  });
  it("lists findings marked 已核实 after the open ones, with the note, and counts what is open", () => {
    const text = reportText(findings.slice(1), recognition, { verified: [{ finding: findings[0], note: "已与财务核对" }] });
    expect(text).toContain("共 8 条待处理：错误 2 条，提示 4 条，信息 2 条；另有已核实 1 条");
    expect(text).toContain("【已核实 1 条】\n[错误] 情况说明 第12行：“减少”与数值方向不符 原文：“收入总计增加157.39万元” 核实说明：已与财务核对");
  });
  it("says so when nothing is found", () => {
    expect(reportText([])).toBe("决算助手检查报告\n共 0 条：错误 0 条，提示 0 条，信息 0 条\n\n未发现问题。\n");
  });
  it("table names", () => {
    expect(tableName("T09")).toBe("公开09表");
  });
});
