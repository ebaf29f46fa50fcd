import { errorMessage } from "../../taskpane/components/paneErrors";
import { mergeOverrides, overridesChanged, sheetChoices } from "../../taskpane/components/recognitionModel";
import { recognition } from "./fixtures";

describe("errorMessage", () => {
  it("keeps a Chinese message", () => {
    expect(errorMessage(new Error("找不到工作表“公开01表”"), "定位")).toBe("定位失败：找不到工作表“公开01表”");
  });
  it("maps Office error codes", () => {
    expect(errorMessage({ code: "ItemNotFound", message: "The requested resource doesn't exist." }, "定位")).toBe(
      "定位失败：找不到指定的工作表或单元格，可能已被删除或改名。",
    );
  });
  it("wraps unknown English errors and anything else", () => {
    expect(errorMessage(new Error("boom"), "检查")).toBe("检查失败：发生了意外错误（boom）。");
    expect(errorMessage(undefined, "检查")).toBe("检查失败：发生了意外错误。");
    expect(errorMessage("出错", "检查")).toBe("检查失败：出错");
  });
});

describe("recognition model", () => {
  it("offers the workbook's sheets, else those the report names", () => {
    expect(sheetChoices(recognition, ["A", "B", "A"])).toEqual(["A", "B"]);
    expect(sheetChoices(recognition)).toEqual(["公开01表", "一般公共预算支出表", "三公", "补充数据", "情况说明", "绩效1"]);
  });
  it("keeps overrides in effect, adds and removes choices", () => {
    expect(mergeOverrides(recognition, {})).toEqual({ T07: { sheet: "三公" } });
    expect(mergeOverrides(recognition, { T08: "Sheet8" })).toEqual({ T07: { sheet: "三公" }, T08: { sheet: "Sheet8" } });
    expect(mergeOverrides(recognition, { T07: "" })).toEqual({});
  });
  it("knows when something changed", () => {
    expect(overridesChanged(recognition, {})).toBe(false);
    expect(overridesChanged(recognition, { T07: "三公" })).toBe(false);
    expect(overridesChanged(recognition, { T08: "" })).toBe(false);
    expect(overridesChanged(recognition, { T08: "Sheet8" })).toBe(true);
  });
});
