import fc from "fast-check";
import {
  D,
  AmountParseError,
  convert,
  execText,
  executionRate,
  formatNumber,
  parseAmount,
  parseAmountIn,
  rateConsistent,
  round,
  share,
  sharesToHundred,
  sum,
  tailTolerance,
  tie,
  yoy,
  yoyText,
  yuanToWanDisplay,
} from "../../src/money";

const d = (s: string | number) => new D(s);
const pct = (x: ReturnType<typeof d> | null) => (x === null ? null : round(x, 2).toFixed(2));

describe("parseAmount: amounts as accountants write them", () => {
  it.each([
    [215.04, "215.04", null],
    ["2,940.05", "2940.05", null],
    [" 0.8 ", "0.8", null],
    ["3.5万元", "3.5", "万元"],
    ["1,061,349.00元", "1061349", "元"],
    ["２１５．０４", "215.04", null],
    ["１，０６１，３４９．００", "1061349", null],
    ["　 215.04\u3000", "215.04", null],
    ["-12.5", "-12.5", null],
    ["(1,234.00)", "-1234", null],
    [198.77000000000001, "198.77", null],
  ])("%p → %s", (input, value, unit) => {
    const p = parseAmount(input);
    expect(p.value.toString()).toBe(value);
    expect(p.unit).toBe(unit);
    expect(p.implicitZero).toBe(false);
  });

  it.each([[null], [undefined], [""], ["  "], ["-"], ["—"], ["——"], ["－"]])("%p means 0 in a table", (input) => {
    const p = parseAmount(input);
    expect(p.value.isZero()).toBe(true);
    expect(p.implicitZero).toBe(true);
  });

  it("blank is an error where zero is not meant", () => {
    expect(() => parseAmount("", { blankAsZero: false })).toThrow(AmountParseError);
    expect(() => parseAmount("-", { blankAsZero: false })).toThrow("不是金额");
  });

  it.each([["abc"], ["12.3.4"], ["1,2345"], [true], [NaN], [Infinity], [{}], ["约3万元"]])("%p is a typed error with a Chinese message", (input) => {
    let err: unknown;
    try {
      parseAmount(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AmountParseError);
    expect((err as Error).message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("converts 元 and 万元 exactly", () => {
    expect(parseAmountIn("1,061,349.00元", "万元").toString()).toBe("106.1349");
    expect(parseAmountIn("3.5万元", "元").toString()).toBe("35000");
    expect(convert(d("0.01"), "元", "万元").toString()).toBe("0.000001");
    expect(yuanToWanDisplay(d(10050)).toFixed(2)).toBe("1.01");
    expect(yuanToWanDisplay(d("1061349.00")).toFixed(2)).toBe("106.13");
  });
});

describe("rates, changes and shares stated in the seed", () => {
  it.each([
    ["63.38", "75", "84.51"],
    ["106.13", "117.77", "90.12"],
    ["0.8", "0.8", "100.00"],
    ["223.34", "234.98", "95.05"],
  ])("execution rate %s / %s = %s%%", (a, b, r) => {
    const e = executionRate(d(a), d(b));
    expect(e.kind).toBe("rate");
    if (e.kind === "rate") expect(round(e.rate).toFixed(2)).toBe(r);
  });

  it.each([
    ["236.01", "393.40", "-157.39", "40.01"],
    ["223.34", "372.28", "-148.94", "40.01"],
    ["0.8", "1", "-0.2", "20.00"],
    ["236.01", "384.95", "-148.94", "38.69"],
  ])("YoY %s vs %s: change %s, rate %s%%", (c, p, change, rate) => {
    const r = yoy(d(c), d(p));
    expect(r.kind).toBe("decrease");
    if (r.kind === "decrease") {
      expect(r.change.toString()).toBe(change);
      expect(round(r.rate.abs()).toFixed(2)).toBe(rate);
    }
  });

  it("shares of §三 and §五(二)", () => {
    expect(pct(share(d("131.63"), d("223.34")))).toBe("58.94");
    expect(pct(share(d("91.71"), d("223.34")))).toBe("41.06");
    const r = sharesToHundred(["198.78", "8.8", "5.2", "10.57"].map(d));
    expect(r.kind).toBe("shares");
    if (r.kind === "shares") expect(r.shares.map((s) => s.toFixed(2))).toEqual(["89.00", "3.94", "2.33", "4.73"]);
  });

  it("half-up where binary floats round wrong", () => {
    // 0.12345 × 100 = 12.345 → 12.35 (a float gives 12.344999…)
    expect(pct(share(d("0.12345"), d(1)))).toBe("12.35");
    expect(round(d("1.005")).toFixed(2)).toBe("1.01");
    expect(round(d("-2.675")).toFixed(2)).toBe("-2.68");
  });
});

describe("edge cases of DOMAIN §3.3 are explicit result kinds", () => {
  it("execution rate", () => {
    expect(executionRate(d(0), d(0))).toEqual({ kind: "noBudget", actualZero: true });
    expect(executionRate(d(5), d(0))).toEqual({ kind: "noBudget", actualZero: false });
    expect(executionRate(d(5), d(-1))).toEqual({ kind: "negativeBudget" });
    expect(executionRate(d(7), d(5))).toMatchObject({ kind: "rate", direction: "over" });
  });
  it("YoY", () => {
    expect(yoy(d(0), d(0)).kind).toBe("flat");
    expect(yoy(d("3.5"), d("3.5")).kind).toBe("flat");
    expect(yoy(d(12), d(0))).toMatchObject({ kind: "noPrior", direction: "increase" });
    expect(yoy(d(0), d(5))).toMatchObject({ kind: "decrease" });
    const down = yoy(d(0), d(5));
    if (down.kind === "decrease") expect(down.rate.toString()).toBe("-100");
    expect(yoy(d(3), d(-2))).toMatchObject({ kind: "noPrior", priorNegative: true });
  });
  it("shares", () => {
    expect(sharesToHundred([d(0), d(0)]).kind).toBe("zeroTotal");
    expect(sharesToHundred([d(1), d(-1), d(3)])).toEqual({ kind: "negativePart", index: 1 });
    expect(share(d(1), d(0))).toBeNull();
  });
  it("largest remainder: ties go to the earlier item", () => {
    const r = sharesToHundred([d(1), d(1), d(1)]);
    if (r.kind !== "shares") throw new Error("expected shares");
    expect(r.shares.map((s) => s.toFixed(2))).toEqual(["33.34", "33.33", "33.33"]);
    // equal remainders of parts of different size are compared exactly, not as rounded quotients
    const t = sharesToHundred([d("0.10"), d("0.01"), d("0.01")]);
    if (t.kind !== "shares") throw new Error("expected shares");
    expect(t.shares.map((s) => s.toFixed(2))).toEqual(["83.34", "8.33", "8.33"]);
  });
});

describe("Chinese wording", () => {
  it("YoY text in both number styles", () => {
    expect(yoyText(d("236.01"), d("393.40"))).toBe("减少157.39万元，下降40.01%");
    expect(yoyText(d("0.8"), d("1"), { style: "trim" })).toBe("减少0.2万元，下降20%");
    expect(yoyText(d("0.8"), d("1"), { style: "fixed2" })).toBe("减少0.20万元，下降20.00%");
    expect(yoyText(d("1.2"), d("1"), { style: "fixed2" })).toBe("增加0.20万元，增长20.00%");
    expect(yoyText(d(0), d(0))).toBe("与上年持平");
    expect(yoyText(d(0), d(0), { priorYear: 2019 })).toBe("与2019年持平");
    expect(yoyText(d(12), d(0), { style: "trim" })).toBe("增加12万元（上年无此项，增长率无可比性）");
    expect(yoyText(d("10.001"), d("10.002"))).toBe("与上年持平");
  });
  it("execution text resolves 大于/小于", () => {
    expect(execText(d("0.8"), d("0.8"))).toBe("完成预算100%");
    expect(execText(d("106.13"), d("117.77"))).toBe("完成预算90.12%，决算数小于预算数");
    expect(execText(d("12"), d("10"), { style: "trim" })).toBe("完成预算120%，决算数大于预算数");
    expect(execText(d(0), d(0))).toBe("未安排预算，无此项支出");
    expect(execText(d(0), d(0))).not.toMatch(/%/);
    expect(execText(d(3), d(0))).toBe("年初未安排预算，执行率无可比性");
  });
  it("number styles", () => {
    expect(formatNumber(d("3.50"), "trim")).toBe("3.5");
    expect(formatNumber(d("100.00"), "trim")).toBe("100");
    expect(formatNumber(d("0"), "trim")).toBe("0");
    expect(formatNumber(d("3.5"), "fixed2")).toBe("3.50");
    expect(formatNumber(d("-0.001"), "fixed2")).toBe("0.00");
  });
});

describe("tolerance", () => {
  it("尾差 bound 0.01×⌊(n+1)/2⌋", () => {
    expect(tailTolerance(2).toString()).toBe("0.01");
    expect(tailTolerance(3).toString()).toBe("0.02");
    expect(tailTolerance(4).toString()).toBe("0.02");
    expect(tailTolerance(6).toString()).toBe("0.03");
  });
  it("tie: equal, 尾差, mismatch", () => {
    expect(tie(d("223.34"), [d("131.63"), d("91.71")]).kind).toBe("equal");
    expect(tie(d("131.63"), [d("113.84"), d("17.8")]).kind).toBe("tail");
    expect(tie(d("236.01"), [d("215.04"), d("20.00")]).kind).toBe("mismatch");
  });
  it("a stated rate is consistent when inputs within ±0.005 round to it", () => {
    expect(rateConsistent(d("40.01"), d("157.39"), d("393.40"))).toBe(true);
    expect(rateConsistent(d("40.01"), d("148.94"), d("384.95"))).toBe(false);
    expect(rateConsistent(d("89"), d("198.78"), d("223.35"))).toBe(true);
    expect(rateConsistent(d("100"), d("223.35"), d("223.34"))).toBe(true);
    expect(rateConsistent(d("100"), d("223.45"), d("223.34"))).toBe(false);
  });
});

describe("properties", () => {
  const amount2 = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map((n) => d(n.toString()).div(100));
  it("parse ∘ print is the identity on 2-decimal amounts", () => {
    fc.assert(
      fc.property(amount2, (a) => {
        expect(parseAmount(a.toFixed(2)).value.eq(a)).toBe(true);
      }),
    );
  });
  it("shares always sum to exactly 100.00", () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 11n }), { minLength: 1, maxLength: 30 }), (parts) => {
        const r = sharesToHundred(parts.map((p) => d(p.toString()).div(100)));
        if (parts.every((p) => p === 0n)) return expect(r.kind).toBe("zeroTotal");
        if (r.kind !== "shares") throw new Error(r.kind);
        expect(sum(r.shares).toFixed(2)).toBe("100.00");
        r.shares.forEach((s) => expect(s.gte(0)).toBe(true));
      }),
    );
  });
  it("wording never prints a slash alternative, NaN or Infinity", () => {
    fc.assert(
      fc.property(amount2, amount2, (c, p) => {
        for (const t of [yoyText(c, p), execText(c, p), yoyText(c, p, { style: "trim" })]) {
          expect(t).not.toMatch(/\/|NaN|Infinity|undefined/);
        }
      }),
    );
  });
  it("parseAmount never throws anything but AmountParseError", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.constant(null), fc.boolean()), (x) => {
        try {
          parseAmount(x);
        } catch (e) {
          expect(e).toBeInstanceOf(AmountParseError);
        }
      }),
    );
  });
});
