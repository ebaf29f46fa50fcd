import fc from "fast-check";
import { compareValues, parseValue, actualProblem, targetProblem } from "../../src/perf/compare";

describe("compareValues: the seed's and common pairs", () => {
  const cases: [string, string, string][] = [
    ["≥3000条", "4000条", "met"],
    ["≥1500条", "1500条", "met"],
    ["≥1500条", "1200条", "notMet"],
    ["12次以上", "13次", "met"],
    ["100%", "机关党员100%", "met"],
    ["机关党员100%", "机关党员100%", "met"],
    ["≥95%", "满意", "notComparable"],
    ["≥95%", "96%", "met"],
    ["满意度不断提升", "满意", "notMeasurable"],
    ["1.3万份", "1.3万份", "met"],
    ["1.3万份", "13000份", "met"],
    ["1.3万份", "1.5万份", "exceeded"],
    ["≤24小时", "24小时", "met"],
    ["≤100人次", "80人次", "met"],
    ["≤0.80万元", "0.80万元", "met"],
    ["≤20天", "25天", "notMet"],
    ["广泛接受教育", "广泛接受教育", "met"],
    ["达成", "基本达成", "notMet"],
    ["达成", "未达成", "notMet"],
    ["完成目标任务", "完成目标任务", "met"],
    ["确保公务接待既热情，又符合规定。", "全年累计接待8批次80人次。", "notComparable"],
    ["≥90%", "≥90%", "notComparable"],
    ["≥95%", "满意度指标", "notComparable"],
    ["", "完成目标任务", "missing"],
    ["≥95%", "", "missing"],
    ["≥3000条", "4000次", "notComparable"],
    ["≥95%", "95", "notComparable"],
  ];
  it.each(cases)("%s vs %s → %s", (t, a, kind) => {
    expect(compareValues(t, a).kind).toBe(kind);
  });

  it("gives exact ratios and says why when it cannot compare", () => {
    const short = compareValues("≥1500条", "1200条");
    expect(short.ratio!.toString()).toBe("0.8");
    const rev = compareValues("≤20天", "25天");
    expect(rev.reverse).toBe(true);
    expect(rev.ratio!.toString()).toBe("0.8");
    const q = compareValues("达成", "基本达成");
    expect(q.level).toBe("partial");
    expect(compareValues("≥95%", "满意").reason).toMatch(/百分比.*满意.*无法比较/);
    expect(compareValues("满意度不断提升", "满意").reason).toMatch(/无法衡量/);
  });

  it("reads targets and actuals", () => {
    const p = parseValue("≥3,000条");
    expect(p.kind === "quantity" && p.op === ">=" && p.value.toString() === "3000" && p.unit === "条").toBe(true);
    const w = parseValue("1.3万份");
    expect(w.kind === "quantity" && w.value.toString() === "13000" && w.unit === "份").toBe(true);
    expect(parseValue("指标1").kind).toBe("placeholder");
    expect(parseValue("满意度指标").kind).toBe("label");
    expect(targetProblem(parseValue("满意度不断提升"))).toMatch(/无法衡量/);
    expect(actualProblem(parseValue("≥90%"))).toMatch(/目标的写法/);
    expect(actualProblem(parseValue("13次"))).toBeNull();
  });
});

describe("compareValues properties", () => {
  const num = fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n / 100).toFixed(2).replace(/\.?0+$/, "") || "0");
  const unit = fc.constantFrom("条", "次", "人次", "%", "份", "");

  it("“≥N” vs M is met iff M ≥ N, else notMet with 0 ≤ ratio < 1", () => {
    fc.assert(
      fc.property(num, num, unit, (n, m, u) => {
        const r = compareValues(`≥${n}${u}`, `${m}${u}`);
        const met = Number(m) >= Number(n);
        if (met) return r.kind === "met";
        return r.kind === "notMet" && r.ratio!.gte(0) && r.ratio!.lt(1);
      }),
    );
  });

  it("“≤N” vs M is met iff M ≤ N (reverse indicator)", () => {
    fc.assert(
      fc.property(num, num, unit, (n, m, u) => {
        const r = compareValues(`≤${n}${u}`, `${m}${u}`);
        return (Number(m) <= Number(n)) === (r.kind === "met") && r.reverse === true;
      }),
    );
  });

  it("never throws on random strings and always returns a known kind", () => {
    const kinds = new Set(["met", "notMet", "exceeded", "notComparable", "notMeasurable", "missing"]);
    fc.assert(
      fc.property(fc.string(), fc.string(), (t, a) => {
        const r = compareValues(t, a);
        if (!kinds.has(r.kind)) return false;
        if (r.ratio && (r.ratio.lt(0) || r.ratio.gt(1) || !r.ratio.isFinite())) return false;
        return true;
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[≥≤<>=]?[0-9.,万%次条]{0,8}(以上|以下)?$/), fc.stringMatching(/^[0-9.,万%次条满意]{0,8}$/), (t, a) => {
        const r = compareValues(t, a);
        return kinds.has(r.kind);
      }),
      { numRuns: 500 },
    );
  });
});
