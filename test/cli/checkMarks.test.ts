/**
 * `juesuan check` and the 已核实 marks the pane stores in the workbook (add-in setting juesuan.marks, saved by
 * Office in xl/webextensions/webextension1.xml): a marked finding is listed apart and not counted as open,
 * --json gives each finding its fingerprint and `verified: { note, at }` when marked, the exit code counts
 * open errors only, and a finding whose figures changed is open again. On the repository's example workbook
 * with planted problems (as test/review does), the mark written as Office writes document settings.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../cli/main";
import type { CliIO } from "../../cli/io";
import type { CheckJson } from "../../cli/commands/check";
import { fingerprints } from "../../src/review/fingerprint";
import { markVerified, serializeMarks, MARKS_SETTING_KEY, type Marks } from "../../src/review/marks";
import { example } from "../helpers/fixtures";

let tmp: string;

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIO = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), isTTY: false, cwd };
  return { cli, out: () => out.join(""), err: () => err.join("") };
}

async function check(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const r = io(tmp);
  const code = await main(["check", ...args], r.cli);
  return { code, out: r.out(), err: r.err() };
}

async function checkJson(file: string): Promise<{ code: number; json: CheckJson }> {
  const r = await check([file, "--json"]);
  return { code: r.code, json: JSON.parse(r.out) as CheckJson };
}

/** The example with two planted problems (test/review/helpers.ts plant()), written with ExcelJS. */
async function planted(out: string, f25 = 11.57): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(example("example-sichuan-2020.xlsx"));
  const t01 = wb.getWorksheet("公开01表") as ExcelJS.Worksheet;
  t01.getCell("C7").value = 216.04; // 一般公共预算财政拨款收入 (was 215.04)
  t01.getCell("F25").value = f25; // 住房保障支出 (was 10.57)
  await wb.xlsx.writeFile(out);
}

/** Stores marks in the file as Office saves an add-in's document settings: one <we:property> per setting, its value the JSON. */
async function withMarks(file: string, marks: Marks): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const value = JSON.stringify(JSON.parse(serializeMarks(marks))).replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  zip.file(
    "xl/webextensions/webextension1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{52811C31-4593-43B8-A697-EB873422D156}"><we:reference id="wa000000000" version="1.0.0.0" store="en-US" storeType="OMEX"/><we:alternateReferences/><we:properties><we:property name="${MARKS_SETTING_KEY}" value="${value}"/></we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`,
  );
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
}

const AT = "2026-12-03T08:00:00.000Z";

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-check-marks-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("check and the workbook's 已核实 marks", () => {
  it("--json: every finding has its fingerprint (the pane's), no `verified` without marks", async () => {
    const file = path.join(tmp, "无标记.xlsx");
    await planted(file);
    const { code, json } = await checkJson(file);
    expect(code).toBe(1);
    expect(json.findings.length).toBeGreaterThan(0);
    const plain = json.findings.map(({ fingerprint: _fp, verified: _v, ...f }) => f);
    expect(json.findings.map((f) => f.fingerprint)).toEqual(fingerprints(plain));
    expect(json.findings.every((f) => f.verified === undefined)).toBe(true);
    expect(json.verified).toBeUndefined();
  }, 60000);

  it("a marked finding is 已核实: listed apart, not counted as open, with its note and date in --json", async () => {
    const file = path.join(tmp, "教育局.xlsx");
    await planted(file);
    const before = await checkJson(file);
    const t11 = before.json.findings.find((f) => f.rule === "T1-1" && f.severity === "error");
    expect(t11).toBeDefined();
    await withMarks(file, markVerified({}, t11!.fingerprint, AT, "已与财务核对，无需修改"));

    const after = await checkJson(file);
    const marked = after.json.findings.filter((f) => f.verified);
    expect(marked.map((f) => [f.fingerprint, f.verified])).toEqual([[t11!.fingerprint, { note: "已与财务核对，无需修改", at: AT }]]);
    expect(after.json.verified).toBe(1);
    expect(after.json.findings).toHaveLength(before.json.findings.length); // never lost
    expect(after.json.summary).toEqual({ ...before.json.summary, error: before.json.summary.error - 1 });

    const text = await check([file]);
    expect(text.code).toBe(after.json.summary.error > 0 ? 1 : 0);
    expect(text.out).toMatch(new RegExp(`共 \\d+ 条待处理：错误 ${after.json.summary.error} 条.*；另有已核实 1 条`));
    const section = text.out.split("【已核实 1 条】")[1];
    expect(section).toBeDefined();
    expect(section).toContain("核实说明：已与财务核对，无需修改");
    // listed once, in its own section
    const line = section.split("\n").find((l) => l.includes("核实说明")) as string;
    const message = line.replace(/^\[错误\] [^：]+：/, "").replace(/ 核实说明：.*$/, "");
    expect(text.out.split("【已核实 1 条】")[0]).not.toContain(message);
  }, 60000);

  it("exit code counts open errors only: every error marked gives 0; a changed figure opens its finding again", async () => {
    const file = path.join(tmp, "全部核实.xlsx");
    await planted(file);
    const first = await checkJson(file);
    expect(first.code).toBe(1);
    let marks: Marks = {};
    for (const f of first.json.findings) if (f.severity === "error") marks = markVerified(marks, f.fingerprint, AT);
    await withMarks(file, marks);
    const all = await checkJson(file);
    expect(all.json.summary.error).toBe(0);
    expect(all.code).toBe(0);
    expect(all.json.findings.filter((f) => f.severity === "error").every((f) => f.verified?.at === AT && f.verified.note === undefined)).toBe(true);

    // The same marks on the workbook with 住房保障支出 changed again: the findings on that figure are new.
    const changed = path.join(tmp, "又改了.xlsx");
    await planted(changed, 12.57);
    await withMarks(changed, marks);
    const again = await checkJson(changed);
    expect(again.code).toBe(1);
    expect(again.json.findings.some((f) => f.severity === "error" && !f.verified)).toBe(true);
  }, 60000);

  it("marks that cannot be read are said, never a crash, and nothing is hidden", async () => {
    const file = path.join(tmp, "坏标记.xlsx");
    await planted(file);
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    zip.file(
      "xl/webextensions/webextension1.xml",
      `<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11"><we:properties><we:property name="${MARKS_SETTING_KEY}" value="&quot;{not json&quot;"/></we:properties></we:webextension>`,
    );
    fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    const { code, json } = await checkJson(file);
    expect(code).toBe(1);
    expect(json.verified).toBeUndefined();
    expect(json.marksProblems?.join("")).toMatch(/已核实标记/);
    const text = await check([file]);
    expect(text.out).toMatch(/注意：已核实标记/);
  }, 60000);

  it("a batch counts the open errors of every file and says how many were 已核实", async () => {
    const a = path.join(tmp, "批量-甲.xlsx");
    const b = path.join(tmp, "批量-乙.xlsx");
    await planted(a);
    await planted(b);
    const first = await checkJson(a);
    let marks: Marks = {};
    for (const f of first.json.findings) if (f.severity === "error") marks = markVerified(marks, f.fingerprint, AT);
    await withMarks(a, marks);
    const r = await check([a, b, "--json"]);
    const results = JSON.parse(r.out) as CheckJson[];
    expect(results[0].summary.error).toBe(0);
    expect(results[1].summary.error).toBeGreaterThan(0);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`错误 ${results[1].summary.error} 条.*（不含已核实的 ${results[0].verified} 条）`));
  }, 60000);
});
