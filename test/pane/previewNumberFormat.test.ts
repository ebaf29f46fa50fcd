import { formatNumberCell } from "../../preview/numberFormat";

describe("the preview grid shows a number as its format does", () => {
  test.each([
    [9746.5, "0.00", "9746.50"],
    [9746.5, "#,##0.00", "9,746.50"],
    [2940.045, "#,##0.00", "2,940.05"],
    [1.005, "0.00", "1.01"], // binary 1.00499… but the cell holds 1.005: decimal half up, as Excel shows it
    [-12.5, "#,##0.00;-#,##0.00", "-12.50"],
    [-12.5, "#,##0.00;(#,##0.00)", "(12.50)"],
    [0, "#,##0.00;-#,##0.00;\"-\"", "-"],
    [0.8451, "0.00%", "84.51%"],
    [23, "0", "23"],
    [3.5, "0.00\"万元\"", "3.50万元"],
    [1234.5, "[Red]#,##0.0", "1,234.5"],
  ])("%p under %p → %p", (v, fmt, shown) => {
    expect(formatNumberCell(v, fmt)).toBe(shown);
  });
  test("General, text and dates show the value", () => {
    expect(formatNumberCell(9746.5, "General")).toBeNull();
    expect(formatNumberCell(9746.5, undefined)).toBeNull();
    expect(formatNumberCell(45000, "yyyy-mm-dd")).toBeNull();
  });
});
