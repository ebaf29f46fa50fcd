import fc from "fast-check";
import { D } from "../../src/money/decimal";
import {
  coerceAmount,
  coerceAmounts,
  coerceDecimals,
  coerceText,
  execRateFn,
  execTextFn,
  shareFn,
  sharesFn,
  tieFn,
  wanYuanFn,
  yoyChangeFn,
  yoyRateFn,
  yoyTextFn,
  type FnResult,
} from "../../src/functions-core";

function value<T>(r: FnResult<T>): T {
  if (!r.ok) throw new Error(`expected a value, got ${r.code}: ${r.message}`);
  return r.value;
}
function failure<T>(r: FnResult<T>): { code: string; message: string } {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return { code: r.code, message: r.message };
}

describe("coerceAmount: Excel-shaped cells", () => {
  test.each([
    [null, "0"],
    [undefined, "0"],
    [0, "0"], // blank on desktop
    ["", "0"],
    ["-", "0"],
    ["—", "0"],
    [215.04, "215.04"],
    [198.77000000000001, "198.77"],
    ["2,940.05", "2940.05"],
    [" 0.8 ", "0.8"],
    ["２１５．０４", "215.04"],
    ["(1,234.00)", "-1234"],
    [[[63.38]], "63.38"],
    [{ type: "Double", basicValue: 12.5 }, "12.5"],
  ])("%p → %s 万元", (input, expected) => {
    expect(value(coerceAmount(input, "金额")).toString()).toBe(expected);
  });

  test("a unit written in the text converts to the working unit", () => {
    expect(value(coerceAmount("35000元", "金额")).toString()).toBe("3.5");
    expect(value(coerceAmount("3.5万元", "金额", "元")).toString()).toBe("35000");
    expect(value(coerceAmount("1,061,349.00元", "金额", "元")).toString()).toBe("1061349");
  });

  test("booleans are not amounts", () => {
    const f = failure(coerceAmount(true, "预算数"));
    expect(f.code).toBe("InvalidValue");
    expect(f.message).toBe("参数“预算数”是逻辑值TRUE，不是金额");
  });

  test.each(["#N/A", "#DIV/0!", "#VALUE!", "#REF!"])("error text %s is NotAvailable", (e) => {
    const f = failure(coerceAmount(e, "上年数"));
    expect(f.code).toBe("NotAvailable");
    expect(f.message).toContain("上年数");
    expect(f.message).toContain(e);
  });

  test("error objects (CustomFunctions.Error-like and typed error values) are NotAvailable", () => {
    expect(failure(coerceAmount({ code: "#N/A", message: "x" }, "本年数")).code).toBe("NotAvailable");
    expect(failure(coerceAmount({ type: "Error", errorType: "Div0", basicValue: "#DIV/0!" }, "本年数")).message).toContain("#DIV/0!");
  });

  test.each([["abc"], [NaN], [Infinity], [{}], [[[1, 2]]], ["12.3.4"]])("%p is an InvalidValue with a Chinese message", (x) => {
    const f = failure(coerceAmount(x, "决算数"));
    expect(f.code).toBe("InvalidValue");
    expect(f.message).toMatch(/决算数/);
  });

  test("a mixed range: numbers, text numbers, blanks and dashes", () => {
    const r = value(coerceAmounts([[1], ["2,000.5"], [null], ["-"], [0], [" 3 "]], "分项区域"));
    expect(r.values.map(String)).toEqual(["1", "2000.5", "0", "0", "0", "3"]);
    expect(r.blanks).toEqual([false, false, true, true, false, false]);
    expect([r.rows, r.cols]).toEqual([6, 1]);
  });

  test("a range with an error or text cell names the cell", () => {
    expect(failure(coerceAmounts([[1], ["#N/A"]], "分项区域")).message).toContain("第2个单元格");
    expect(failure(coerceAmounts([[1], ["合计"]], "分项区域")).message).toContain("“合计”");
    expect(failure(coerceAmounts([], "分项区域")).code).toBe("InvalidValue");
  });

  test("decimals like ROUND's num_digits", () => {
    expect(value(coerceDecimals(null))).toBe(2);
    expect(value(coerceDecimals(undefined))).toBe(2);
    // A blank cell is 0 on desktop and null on the web (OfficeDev/office-js #4702): 0 means blank.
    expect(value(coerceDecimals(0))).toBe(2);
    expect(value(coerceDecimals(0.5))).toBe(2);
    expect(value(coerceDecimals(2.7))).toBe(2);
    expect(value(coerceDecimals("3"))).toBe(3);
    expect(failure(coerceDecimals(-1)).message).toBe("参数“小数位数”应为0到10之间的整数");
    expect(failure(coerceDecimals(11)).code).toBe("InvalidValue");
    expect(failure(coerceDecimals(true)).code).toBe("InvalidValue");
    expect(failure(coerceDecimals("#N/A")).code).toBe("NotAvailable");
  });

  test("text options: blank (null or desktop 0) gives the default", () => {
    expect(value(coerceText(null, "单位", "万元"))).toBe("万元");
    expect(value(coerceText(0, "单位", "万元"))).toBe("万元");
    expect(value(coerceText(" 元 ", "单位", "万元"))).toBe("元");
    expect(failure(coerceText(5, "单位", "万元")).code).toBe("InvalidValue");
  });
});

describe("EXECRATE", () => {
  test("=JS.EXECRATE(63.38,75) → 84.51", () => expect(value(execRateFn(63.38, 75))).toBe(84.51));
  test("seed: 106.13 of 117.77 → 90.12", () => expect(value(execRateFn(106.13, 117.77))).toBe(90.12));
  test("decimals", () => {
    expect(value(execRateFn(63.38, 75, 0))).toBe(84.51); // 0 is a blank cell on desktop: the default
    expect(value(execRateFn(63.38, 75, 1))).toBe(84.5);
    expect(value(execRateFn(63.38, 75, 4))).toBe(84.5067);
  });
  test("text and blanks", () => {
    expect(value(execRateFn("2,940.05", "2,940.05"))).toBe(100);
    expect(value(execRateFn(null, 75))).toBe(0);
  });
  test("budget 0 → #DIV/0! with the Chinese message", () => {
    expect(failure(execRateFn(5, 0))).toEqual({ code: "DivisionByZero", message: "预算数为0，执行率无可比性" });
    expect(failure(execRateFn(null, null)).code).toBe("DivisionByZero");
  });
  test("negative budget", () => expect(failure(execRateFn(5, -1)).message).toBe("预算数为负数，执行率无可比性"));
});

describe("YOYCHANGE / YOYRATE", () => {
  test("exact change, no float residue", () => {
    expect(value(yoyChangeFn(0.3, 0.1))).toBe(0.2);
    expect(value(yoyChangeFn(235.99, 393.38))).toBe(-157.39);
    expect(value(yoyChangeFn("1,000.10", null))).toBe(1000.1);
  });
  test("seed: 235.99 vs 393.38 → -40.01", () => expect(value(yoyRateFn(235.99, 393.38))).toBe(-40.01));
  test("increase is positive, equal is 0, C = 0 < P is -100", () => {
    expect(value(yoyRateFn(110, 100))).toBe(10);
    expect(value(yoyRateFn(100, 100))).toBe(0);
    expect(value(yoyRateFn(0, 0))).toBe(0);
    expect(value(yoyRateFn(0, 50))).toBe(-100);
  });
  test("prior 0 → #DIV/0! 增长率无可比性", () => {
    expect(failure(yoyRateFn(12, 0))).toEqual({ code: "DivisionByZero", message: "上年数为0，增长率无可比性" });
    expect(failure(yoyRateFn(12, null)).code).toBe("DivisionByZero");
  });
  test("prior negative", () => expect(failure(yoyRateFn(12, -3)).message).toBe("上年数为负数，增长率无可比性"));
});

describe("SHARE / SHARES", () => {
  test("seed: 131.63 of 223.34 → 58.94", () => expect(value(shareFn(131.63, 223.34))).toBe(58.94));
  test("half-up on exact values: 0.12345 → 12.35, 0.01005 → 1.01 (floats give 1)", () => {
    expect(value(shareFn(0.12345, 1))).toBe(12.35);
    expect(value(shareFn(0.01005, 1))).toBe(1.01);
    expect(Math.round(0.01005 * 100 * 100) / 100).toBe(1); // the naive float answer
  });
  test("total 0", () => expect(failure(shareFn(1, 0))).toEqual({ code: "DivisionByZero", message: "合计数为0，占比无可比性" }));

  test("seed §三: a column spills a column summing to 100", () => {
    expect(value(sharesFn([[131.63], [91.71], [0], [null], ["-"]]))).toEqual([[58.94], [41.06], [0], [0], [0]]);
  });
  test("largest remainder: thirds", () => {
    expect(value(sharesFn([[1], [1], [1]]))).toEqual([[33.34], [33.33], [33.33]]);
  });
  test("a row spills a row", () => expect(value(sharesFn([[1, 1, 2]]))).toEqual([[25, 25, 50]]));
  test("a block, zero total, negative part", () => {
    expect(failure(sharesFn([[1, 2], [3, 4]])).message).toBe("请只选择一列（或一行）分项数");
    expect(failure(sharesFn([[0], [null]])).code).toBe("DivisionByZero");
    expect(failure(sharesFn([[5], [-1]])).message).toBe("第2项为负数，无法计算占比");
  });
});

describe("YOYTEXT / EXECTEXT", () => {
  test.each([
    [235.99, 393.38, undefined, "减少157.39万元，下降40.01%"],
    [100, 100, undefined, "与上年持平"],
    [0, 0, null, "与上年持平"],
    [12, 0, undefined, "增加12万元（上年无此项，增长率无可比性）"],
    [12, null, 0, "增加12万元（上年无此项，增长率无可比性）"],
    [110, 100, undefined, "增加10万元，增长10%"],
    [1100, 1000, "元", "增加100元，增长10%"],
    ["2,940.05", "2,940.05", undefined, "与上年持平"],
  ])("YOYTEXT(%p, %p, %p) → %s", (c, p, u, expected) => expect(value(yoyTextFn(c, p, u))).toBe(expected));

  test.each([
    [75, 75, "完成预算100%"],
    [106.13, 117.77, "完成预算90.12%，决算数小于预算数"],
    [120, 100, "完成预算120%，决算数大于预算数"],
    [0, 0, "未安排预算，无此项支出"],
    [null, null, "未安排预算，无此项支出"],
    [5, 0, "年初未安排预算，执行率无可比性"],
  ])("EXECTEXT(%p, %p) → %s", (a, b, expected) => expect(value(execTextFn(a, b))).toBe(expected));

  test("never a slash alternative", () => {
    for (const [a, b] of [[1, 2], [2, 1], [0, 3], [3, 0], [0, 0], [1, 1]]) {
      expect(value(execTextFn(a, b))).not.toMatch(/\//);
      expect(value(yoyTextFn(a, b))).not.toMatch(/\//);
    }
  });
});

describe("WANYUAN", () => {
  test("10050 元 → 1.01 (half-up; floats give 1)", () => {
    expect(value(wanYuanFn(10050))).toBe(1.01);
    expect(Math.round((10050 / 10000) * 100) / 100).toBe(1); // the float trap avoided
  });
  test("text, units, decimals, blanks", () => {
    expect(value(wanYuanFn("1,061,349.00元"))).toBe(106.13);
    expect(value(wanYuanFn("3.5万元"))).toBe(3.5);
    expect(value(wanYuanFn(1061349, 4))).toBe(106.1349);
    expect(value(wanYuanFn(null))).toBe(0);
    expect(value(wanYuanFn(-10050))).toBe(-1.01);
  });
});

describe("TIE", () => {
  test("一致", () => expect(value(tieFn(223.34, [[131.63], [91.71], [0]]))).toBe("一致"));
  test("尾差 within ⌊(n+1)/2⌋ × 0.01", () => {
    expect(value(tieFn(100, [[33.33], [33.33], [33.33]]))).toBe("尾差0.01");
    expect(value(tieFn(100.01, [[50], [50]]))).toBe("尾差0.01");
  });
  test("不一致", () => {
    expect(value(tieFn(100, [[50], [49]]))).toBe("不一致：差1.00万元");
    expect(value(tieFn(100.02, [[50], [50]]))).toBe("不一致：差0.02万元");
  });
  test("blank cells do not widen the tolerance, whether they arrive as null (web) or 0 (desktop, ranges)", () => {
    expect(value(tieFn(100.02, [[50], [50], [null], [null]]))).toBe("不一致：差0.02万元");
    expect(value(tieFn(100.02, [[50], [50], [0], [0]]))).toBe("不一致：差0.02万元");
  });
  test("a blank tolerance cell (null on the web, 0 on desktop) is the default tolerance", () => {
    expect(value(tieFn(100, [[33.33], [33.33], [33.33]], null))).toBe("尾差0.01");
    expect(value(tieFn(100, [[33.33], [33.33], [33.33]], 0))).toBe("尾差0.01");
  });
  test("explicit tolerance, text numbers", () => {
    expect(value(tieFn("100.05", [["50"], ["50"]], 0.1))).toBe("尾差0.05");
    expect(value(tieFn(100.05, [[50], [50]], "0.01"))).toBe("不一致：差0.05万元");
    expect(failure(tieFn(1, [[1]], -1)).code).toBe("InvalidValue");
  });
  test("an error in the parts", () => expect(failure(tieFn(1, [[1], ["#REF!"]])).code).toBe("NotAvailable"));
});

describe("properties", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.double(),
    fc.integer({ min: -1e9, max: 1e9 }),
    fc.boolean(),
    fc.string(),
    fc.constantFrom("-", "—", "#N/A", "2,940.05", "3.5万元", "１２", "", "  ", "1e5", "0.00"),
    fc.record({ code: fc.string() }),
  );
  const range = fc.oneof(fc.array(fc.array(cell, { minLength: 0, maxLength: 3 }), { maxLength: 5 }), cell);
  const fns: Array<(a: unknown, b: unknown, c: unknown) => FnResult<unknown>> = [
    execRateFn, yoyChangeFn, yoyRateFn, shareFn, (a, b) => sharesFn(a, b), yoyTextFn, (a, b) => execTextFn(a, b),
    (a, b) => wanYuanFn(a, b), tieFn,
  ];
  const finite = (v: unknown): boolean =>
    typeof v === "number" ? Number.isFinite(v) : Array.isArray(v) ? v.every(finite) : typeof v === "string" ? v.length > 0 : false;

  test("no function throws or returns NaN/Infinity, whatever Excel hands it", () => {
    fc.assert(
      fc.property(range, range, range, (a, b, c) => {
        for (const f of fns) {
          const r = f(a, b, c);
          if (r.ok) expect(finite(r.value)).toBe(true);
          else expect(r.message).toMatch(/[\u4e00-\u9fff]/);
        }
      }),
      { numRuns: 400 },
    );
  });

  test("SHARES sums to exactly 100 for non-negative amounts", () => {
    const amount = fc.integer({ min: 0, max: 10_000_000_00 }).map((c) => new D(c).div(100).toNumber());
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 12 }), (parts) => {
        fc.pre(parts.some((p) => p > 0));
        const out = value(sharesFn(parts.map((p) => [p])));
        const total = out.reduce((s, [x]) => s.plus(new D(String(x))), new D(0));
        expect(total.toString()).toBe("100");
      }),
      { numRuns: 300 },
    );
  });

  test("WANYUAN is half-up on the exact value", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (yuan) => {
        const expected = new D(yuan).div(10000).toDecimalPlaces(2, D.ROUND_HALF_UP).toNumber() + 0; // -0 → 0
        expect(value(wanYuanFn(yuan))).toBe(expected);
      }),
    );
  });
});

/**
 * A blank cell reaches a custom function as null on the web and as 0 on desktop (OfficeDev/office-js
 * #4702), and inside a range argument as 0 (#1951, #5262). Every function must give one answer for
 * both representations, in every argument position.
 */
describe("blank cells: null (web) and 0 (desktop) give the same answer in every function", () => {
  const CASES: [string, (...a: unknown[]) => unknown, unknown[]][] = [
    ["EXECRATE", execRateFn, [63.38, 75, "B"]],
    ["EXECRATE", execRateFn, ["B", 75]],
    ["YOYCHANGE", yoyChangeFn, [12.5, "B"]],
    ["YOYRATE", yoyRateFn, [235.99, 393.38, "B"]],
    ["YOYRATE", yoyRateFn, ["B", 393.38]],
    ["SHARE", shareFn, [131.63, 223.34, "B"]],
    ["SHARES", sharesFn, [[[131.63], ["B"], [91.71]]]],
    ["YOYTEXT", yoyTextFn, [235.99, 393.38, "B"]],
    ["YOYTEXT", yoyTextFn, ["B", 393.38]],
    ["EXECTEXT", execTextFn, [106.13, "B"]],
    ["EXECTEXT", execTextFn, ["B", 117.77]],
    ["WANYUAN", wanYuanFn, [10050, "B"]],
    ["WANYUAN", wanYuanFn, ["B"]],
    ["TIE", tieFn, [100, [[33.33], [33.33], [33.33], ["B"]], "B"]],
    ["TIE", tieFn, [100.02, [[50], ["B"], [50], ["B"]]]],
    ["TIE", tieFn, ["B", [["B"], ["B"]]]],
  ];
  const put = (args: unknown[], blank: unknown): unknown[] =>
    args.map((a) => (a === "B" ? blank : Array.isArray(a) ? a.map((r) => (r as unknown[]).map((c) => (c === "B" ? blank : c))) : a));
  test.each(CASES.map(([name, fn, args], i) => [`${name} #${i + 1}`, fn, args] as const))("%s", (_name, fn, args) => {
    expect(fn(...put(args, 0))).toEqual(fn(...put(args, null)));
  });
});
