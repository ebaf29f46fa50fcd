import fc from "fast-check";
import { checkNarrativeSelf, checkNarrativeText, parseNarrative } from "../../src/narrative";

const SEED_LINES = [
  "第二部分 2020年度部门决算情况说明",
  "收入支出决算总体情况说明",
  "2020年度收、支总计236.01万元。与2019年相比，收入总计减少157.39万元，下降40.01%;支出总计减少148.94万元，下降40.01%。主要变动原因是人员变动,经费减少。",
  "（图1：收、支决算总计变动情况图）（柱状图）",
  " （三）一般公共预算财政拨款支出决算具体情况",
  "2020年一般公共预算支出决算数为223.34，完成预算100%。其中：",
  "1.一般公共服务（类）宣传事务（款） 其他宣传事务支出（项）: 支出决算为106.13万元，完成预算90.12%，决算数小于预算数的主要原因是项目未实施完成。",
  "1.因公出国（境）经费支出0万元，完成预算0%。因公出国（境）支出决算比2019年增加/减少0万元，增长/下降0%。",
  "（5）“互联网维护与整治经费”项目绩效目标完成情况综述。项目全年预算数75万元，执行数为63.38万元，完成预算的84.51%。一是…二是…四是…",
  "名词解释",
  "12. 医疗卫生与计划生育（类）行政事业单位医疗（款）事业单位医疗（项）: 反映…",
];
const ALPHABET = ["一", "、", "（", "）", "(", ")", "：", ":", "，", ",", "。", "；", "%", "％", "万元", "元", "0", "1", "9", ".", "．", "１", "增加", "减少", "/", "下降", "增长", "其中", "占", "完成预算", "（类）", "（款）", "（项）", "“", "”", "…", "×", "第", "部分", "十一、", "年", "个", " ", "\u3000", "\n", "是", "原因是", "名词解释", "2020"];

const text = fc.oneof(
  fc.string(),
  fc.array(fc.constantFrom(...ALPHABET), { maxLength: 40 }).map((a) => a.join("")),
  // mutate a seed line: cut, splice and duplicate pieces
  fc.tuple(fc.constantFrom(...SEED_LINES), fc.nat(200), fc.nat(200), fc.constantFrom(...ALPHABET)).map(([s, i, j, ins]) => s.slice(0, i % (s.length + 1)) + ins + s.slice(j % (s.length + 1))),
);

describe("narrative parser and rules never throw", () => {
  test("random and mutated paragraphs", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ row: fc.integer({ min: -3, max: 500 }), text }), { maxLength: 25 }), fc.option(fc.constantFrom("sichuan-2020", "national-2024") as fc.Arbitrary<"sichuan-2020" | "national-2024">), (paras, template) => {
        const parsed = parseNarrative(paras, template ? { template } : {});
        const findings = [...checkNarrativeText(parsed), ...checkNarrativeSelf(parsed)];
        for (const f of findings) {
          expect(typeof f.message).toBe("string");
          expect(["error", "warning", "info"]).toContain(f.severity);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("claims keep their row and a text that occurs in the paragraph", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SEED_LINES), { minLength: 1, maxLength: 12 }), (lines) => {
        const paras = lines.map((t, i) => ({ row: i + 1, text: t }));
        const parsed = parseNarrative(paras);
        for (const c of parsed.claims) {
          const p = paras.find((x) => x.row === c.row)!;
          expect(p).toBeDefined();
          expect(p.text.includes(c.text)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
