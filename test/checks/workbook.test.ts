import fs from "fs";
import path from "path";
import { checkWorkbook } from "../../src/checks";
import { main } from "../../cli/main";
import type { Finding } from "../../src/findings";
import { describeShared, example, fixture, setCell, snapshotOf } from "../helpers/fixtures";

const CASES = path.resolve(__dirname, "..", "cases");

/** Golden findings in test/cases/<name>/expected.json; UPDATE_GOLDEN=1 rewrites them. */
function golden(name: string, findings: Finding[]): void {
  const file = path.join(CASES, name, "expected.json");
  const actual = JSON.parse(JSON.stringify(findings));
  if (process.env.UPDATE_GOLDEN || !fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(actual, null, 2) + "\n");
  }
  expect(actual).toEqual(JSON.parse(fs.readFileSync(file, "utf8")));
}

const at = (fs: Finding[], row: number, severity: string) => fs.filter((f) => f.row === row && f.severity === severity);

describeShared("checkWorkbook on ../shared/fixtures", () => {
  it("bazhong-2020-clean.xlsx: no error and no warning", async () => {
    const r = checkWorkbook(await snapshotOf(fixture("bazhong-2020-clean.xlsx")));
    expect(r.findings.filter((f) => f.severity !== "info")).toEqual([]);
    golden("check-bazhong-2020-clean", r.findings);
  });

  it("bazhong-2020-yuan.xlsx: no error", async () => {
    const r = checkWorkbook(await snapshotOf(fixture("bazhong-2020-yuan.xlsx")));
    expect(r.summary.error).toBe(0);
    golden("check-bazhong-2020-yuan", r.findings);
  });

  it("bazhong-2020.xlsx: the seed's defects (DOMAIN §6.2) at their paragraph rows", async () => {
    const r = checkWorkbook(await snapshotOf(fixture("bazhong-2020.xlsx")));
    const f = r.findings;
    // #1, #2: 收入总计减少157.39 but 支出总计减少148.94, both "下降40.01%"
    expect(at(f, 3, "error").length).toBeGreaterThan(0);
    expect(at(f, 12, "error").length).toBeGreaterThan(0);
    // #3, #4: 223.35 vs 223.34, and "占本年支出合计的100%"
    expect(at(f, 16, "warning").some((x) => x.message.includes("223.35"))).toBe(true);
    // #5: 198.78 vs the sum of its 项 198.77
    expect(at(f, 19, "warning").some((x) => x.message.includes("198.78"))).toBe(true);
    // #6: "决算数为223.34，完成预算100%": missing unit, and the overall rate is 95.05%
    expect(at(f, 22, "error").some((x) => x.message.includes("95.05"))).toBe(true);
    expect(at(f, 22, "warning").some((x) => x.rule === "N-missing-unit")).toBe(true);
    // #8: 日常公用经费17.8 vs 公开06表 17.79
    expect(at(f, 31, "info").some((x) => x.message.includes("17.79"))).toBe(true);
    // #9–#12: 0/0 "完成预算0%" and the unresolved 增加/减少 residue
    for (const row of [38, 39]) {
      expect(at(f, row, "error").some((x) => x.rule === "N-residue")).toBe(true);
      expect(at(f, row, "warning").some((x) => x.rule === "N-exec-zero-budget")).toBe(true);
    }
    // #13: "主要用于…（具体工作）"; #14: ×××; #15: 名词解释 placeholders
    for (const row of [41, 67, 68, 71, 72, 73]) expect(at(f, row, "error").some((x) => x.rule === "N-residue")).toBe(true);
    // #16, #17: outdated 科目 names in 名词解释
    expect(at(f, 80, "warning").some((x) => x.rule === "N-outdated-name")).toBe(true);
    expect(at(f, 81, "warning").some((x) => x.rule === "N-outdated-name")).toBe(true);
    // #20: 1 self-evaluated vs 7 reported vs 5 shown (P-11)
    expect(f.some((x) => x.rule === "P-11" && x.severity === "error")).toBe(true);
    // #22: 一是、二是、四是 (Low: cosmetic, info)
    expect(at(f, 65, "info").some((x) => x.rule === "N-numbering-gap")).toBe(true);
    // #30: unnumbered first heading (Low: info); #32: chart markers left as text
    expect(at(f, 2, "info").some((x) => x.rule === "N-heading-number")).toBe(true);
    expect(f.filter((x) => x.rule === "N-chart-marker")).toHaveLength(7);
    // The tables themselves are consistent: no table finding
    expect(f.filter((x) => x.cell && x.sheet?.startsWith("公开"))).toEqual([]);
    golden("check-bazhong-2020", f);
  });

  it("a narrative amount that disagrees with its table is reported at the paragraph", async () => {
    const s = await snapshotOf(fixture("bazhong-2020-clean.xlsx"));
    const sheet = s.sheets.find((x) => x.name === "情况说明")!;
    const row = sheet.values.findIndex((r) => typeof r[0] === "string" && (r[0] as string).includes("本年收入合计215.04万元"));
    setCell(s, "情况说明", `A${row + 1}`, (sheet.values[row][0] as string).replace("本年收入合计215.04万元", "本年收入合计215.40万元"));
    const f = checkWorkbook(s).findings.filter((x) => x.severity === "error");
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.sheet === "情况说明" && x.row === row + 1)).toBe(true);
    expect(f.some((x) => x.message.includes("215.04"))).toBe(true);
  });

  it("pasted text is checked as the narrative, rows are line numbers", async () => {
    const s = await snapshotOf(fixture("bazhong-2020-yuan.xlsx"));
    const text = "一、收入支出决算总体情况说明\n2020年度收、支总计236.01万元。与2019年相比，收、支总计各增加157.39万元，增长40.01%。主要变动原因是人员变动。";
    const f = checkWorkbook(s, { narrativeText: text, narrativeTextName: "说明.txt" }).findings;
    expect(f).toEqual(expect.arrayContaining([expect.objectContaining({ severity: "error", sheet: "说明.txt", row: 2, stated: "增加" })]));
  });
});

describe("checkWorkbook on the repository's example workbooks", () => {
  it.each(["example-sichuan-2020.xlsx", "example-sichuan-2020-yuan.xlsx", "example-national-2024.xlsx"])("%s: no error", async (name) => {
    const r = checkWorkbook(await snapshotOf(example(name)));
    expect(r.summary.error).toBe(0);
  });

  it("a workbook with only a narrative is still checked (text-only mode)", () => {
    const r = checkWorkbook({
      sheets: [{ name: "情况说明", origin: { row: 0, col: 0 }, merges: [], values: [["三、支出决算情况说明"], ["2020年本年支出合计100万元，其中：基本支出60万元，占60%；项目支出40万元，占30%。"]] }],
    });
    expect(r.findings.some((f) => f.severity === "error" && f.row === 2)).toBe(true);
    expect(r.findings.some((f) => f.rule === "R-1")).toBe(true);
  });
});

describeShared("juesuan check (CLI)", () => {
  const run = async (args: string[]) => {
    let out = "";
    let err = "";
    const code = await main(["check", ...args], { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false, cwd: process.cwd() });
    return { code, out, err };
  };
  it("--json on one file: { file, findings, summary }, exit 1 when an error is found", async () => {
    const r = await run([fixture("bazhong-2020.xlsx"), "--json"]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(["file", "findings", "summary"]);
    expect(j.summary.error).toBeGreaterThan(0);
  });
  it("several files: an array and a summary line; exit 0 when clean", async () => {
    const r = await run([fixture("bazhong-2020-clean.xlsx"), fixture("bazhong-2020-yuan.xlsx"), "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toHaveLength(2);
    expect(r.err).toContain("共检查 2 个工作簿");
  });
  it("readable Chinese report without --json", async () => {
    const r = await run([fixture("bazhong-2020.xlsx")]);
    expect(r.out).toContain("决算助手检查报告");
    expect(r.out).toContain("情况说明");
  });
  it("unreadable input: Chinese message, exit 2, no stack trace", async () => {
    const r = await run([path.join(__dirname, "workbook.test.ts")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/不是有效的 \.xlsx/);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    const missing = await run(["没有这个文件.xlsx"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("找不到文件");
  });
});
