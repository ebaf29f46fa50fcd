import fc from "fast-check";
import { checkForms, readForms, scoreForm } from "../../src/perf";
import type { CellValue, WorkbookSnapshot } from "../../src/workbook/snapshot";

describe("reading arbitrary sheets", () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constantFrom<CellValue>(null, "项目绩效目标完成情况表", "项目支出绩效自评表", "项目名称", "预算数:", "执行数:", "其它资金:", "其中-财政拨款:", "一级指标", "二级指标", "三级指标", "预期指标值", "实际完成指标值", "分值", "得分", "年度资金总额", "全年预算数", "总分", "≥95%", "满意", "0.8万元", "abc"),
    fc.double({ noNaN: false }),
    fc.string({ maxLength: 6 }),
    fc.boolean(),
  );
  const sheet = fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 20 });
  it("never throws: every form found is read, checked and scored", () => {
    fc.assert(
      fc.property(sheet, (values) => {
        const snap: WorkbookSnapshot = { sheets: [{ name: "表", origin: { row: 0, col: 0 }, values, merges: [] }] };
        const forms = readForms(snap);
        checkForms(forms, { paragraphs: [{ row: 1, text: "对3个项目开展了绩效目标完成情况自评" }] });
        for (const f of forms) {
          const s = scoreForm(f);
          if (s.total.lt(0) || s.total.gt(100)) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
