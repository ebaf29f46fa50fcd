/**
 * When neither a table title nor the report year decides the template (a pasted 情况说明 checked alone, a workbook whose
 * tables were not found), the narrative's own outline does: a national-2024 text (十、预算绩效管理情况, 十一、…) is not
 * judged by the Sichuan 2020 rules (名词解释 coverage of every listed 科目).
 */
import * as fs from "fs";
import * as path from "path";
import { checkWorkbook } from "../../src/checks";

const text = (name: string) => fs.readFileSync(path.join(__dirname, "..", "cases", name, "expected.txt"), "utf8");

describe("template decided by the narrative when the tables do not", () => {
  test("a national-2024 text checked alone is read as national-2024", () => {
    const r = checkWorkbook({ sheets: [] }, { narrativeText: text("narrate-example-national-2024") });
    expect(r.model.template).toBe("national-2024");
    expect(r.model.templateBy).toBe("narrative");
    expect(r.findings.filter((f) => f.rule === "N-glossary-missing")).toEqual([]);
  });

  test("a Sichuan-2020 text checked alone stays Sichuan-2020", () => {
    const r = checkWorkbook({ sheets: [] }, { narrativeText: text("narrate-example-sichuan-2020") });
    expect(r.model.template).toBe("sichuan-2020");
    expect(r.model.templateBy).toBe("default");
  });
});
