import {
  ALL_SEVERITIES,
  countLabel,
  filterFindings,
  findingAccessibleName,
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
    expect(v.groups.map((g) => g.title)).toEqual(["公开01表", "整体"]);
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
