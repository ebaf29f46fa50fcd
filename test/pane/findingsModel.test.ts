import {
  ALL_SEVERITIES,
  countLabel,
  filterFindings,
  findingAccessibleName,
  findingTooltip,
  findingsView,
  moveIndex,
  navTarget,
} from "../../taskpane/components/findingsModel";
import { findings, recognition, sections } from "./fixtures";

describe("filters and counts", () => {
  it("filters by severity", () => {
    expect(filterFindings(findings, { error: true, warning: false, info: false }).map((f) => f.rule)).toEqual(["N-yoy-direction", "T1-3", "P-4"]);
    expect(filterFindings(findings, ALL_SEVERITIES)).toHaveLength(findings.length);
    expect(filterFindings(findings, { error: false, warning: false, info: false })).toHaveLength(0);
  });
  it("counts all findings whatever the filter; groups only what passes; empty groups dropped", () => {
    const v = findingsView(findings, { error: false, warning: false, info: true }, { recognition, sections });
    expect(v.counts).toEqual({ error: 3, warning: 4, info: 2 });
    expect(v.total).toBe(9);
    expect(v.shown).toBe(2);
    expect(v.groups.map((g) => g.title)).toEqual(["信息（2 条）"]);
    const byPlace = findingsView(findings, { error: false, warning: false, info: true }, { recognition, sections, order: "place" });
    expect(byPlace.groups.map((g) => g.title)).toEqual(["公开01表", "整体"]);
  });
  it("errors first by default", () => {
    const v = findingsView(findings, ALL_SEVERITIES, { recognition, sections });
    expect(v.groups.map((g) => g.id)).toEqual(["sev-error", "sev-warning", "sev-info"]);
    expect(v.groups[0].findings.every((f) => f.severity === "error")).toBe(true);
  });
  it("keeps recognition notes (R-3 …) out of the findings and their counts", () => {
    const r3 = { rule: "R-3", severity: "info" as const, message: "补充数据第9行的项目“其他项目”无法识别，未参与检查。", sheet: "补充数据", cell: "A9" };
    const v = findingsView([...findings, r3, r3], ALL_SEVERITIES, { recognition, sections });
    expect(v.total).toBe(9);
    expect(v.counts.info).toBe(2);
    expect(v.notes).toHaveLength(2);
    expect(v.groups.flatMap((g) => g.findings)).not.toContain(r3);
  });
  it("labels counts with words", () => {
    expect(countLabel("warning", 4)).toBe("提示 4");
  });
});

describe("navTarget", () => {
  it("goes to the cell of a table finding", () => {
    expect(navTarget(findings[1])).toEqual({ sheet: "一般公共预算支出表", cell: "C7", row: undefined });
  });
  it("goes to column A of a narrative row", () => {
    expect(navTarget(findings[0])).toEqual({ sheet: "情况说明", cell: "A12", row: 12 });
  });
  it("has nowhere to go for pasted text or a general finding", () => {
    expect(navTarget(findings[8])).toBeNull();
    expect(navTarget(findings[7])).toBeNull();
  });
  it("has nowhere to go on pasted text, and says which paragraph it is", () => {
    const pasted = { sheet: "（粘贴的情况说明）", rows: [1, 4] };
    const f = { rule: "N-unit", severity: "warning" as const, message: "金额缺少单位", sheet: "（粘贴的情况说明）", row: 5, text: "支出100" };
    expect(navTarget(f, pasted)).toBeNull();
    expect(findingTooltip(f, pasted)).toBe("此问题在粘贴的文本第2段，无法在工作表中定位 · 规则 N-unit");
    expect(findingAccessibleName(f, recognition, pasted)).toBe("提示，粘贴的文本 第2段：金额缺少单位");
    expect(findingTooltip(findings[1])).toBe("转到此单元格 · 规则 T5-1");
  });
  it("goes to the sheet when only the sheet is known", () => {
    expect(navTarget({ rule: "x", severity: "info", message: "m", sheet: "S" })).toEqual({ sheet: "S" });
  });
});

describe("accessible names and keyboard moves", () => {
  it("speaks severity word, location and message", () => {
    expect(findingAccessibleName(findings[1], recognition)).toBe("提示，公开05表!C7：合计与明细差0.01万元（合计 223.35，各项之和 223.34，差 0.01）");
  });
  it("moves within bounds", () => {
    expect(moveIndex(0, "ArrowDown", 3)).toBe(1);
    expect(moveIndex(2, "ArrowDown", 3)).toBe(2);
    expect(moveIndex(0, "ArrowUp", 3)).toBe(0);
    expect(moveIndex(1, "End", 3)).toBe(2);
    expect(moveIndex(2, "Home", 3)).toBe(0);
    expect(moveIndex(1, "x", 3)).toBe(1);
    expect(moveIndex(0, "ArrowDown", 0)).toBe(-1);
  });
});
