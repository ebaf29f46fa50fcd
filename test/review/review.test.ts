/**
 * `juesuan review` end to end on the repository's example workbooks copied to a temp folder, with planted
 * problems, one unreadable file and one unit of the list missing: the summary is a golden
 * (test/cases/review-examples/expected.json, UPDATE_GOLDEN=1 rewrites it), the xlsx is opened back with
 * ExcelJS, and marks carry over through --marks and from the workbook's add-in settings.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../cli/main";
import type { CliIO } from "../../cli/io";
import type { ReviewReport } from "../../src/review/report";
import { markVerified, serializeMarks, MARKS_SETTING_KEY } from "../../src/review/marks";
import { example } from "../helpers/fixtures";

const CASE = path.resolve(__dirname, "..", "cases", "review-examples", "expected.json");
let tmp: string;

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIO = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), isTTY: false, cwd };
  return { cli, out, err };
}

async function run(args: string[]): Promise<{ code: number; report: ReviewReport; stderr: string }> {
  const r = io(tmp);
  const code = await main(["review", ...args, "--json"], r.cli);
  const stdout = r.out.join("");
  return { code, report: stdout ? (JSON.parse(stdout) as ReviewReport) : (undefined as unknown as ReviewReport), stderr: r.err.join("") };
}

/** The example with the planted problems of test/review/helpers.ts plant(), written with ExcelJS. */
async function planted(out: string, f25 = 11.57): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(example("example-sichuan-2020.xlsx"));
  const t01 = wb.getWorksheet("公开01表") as ExcelJS.Worksheet;
  t01.getCell("C7").value = 216.04; // 一般公共预算财政拨款收入 (was 215.04)
  t01.getCell("F25").value = f25; // 住房保障支出 (was 10.57)
  const unit = wb.getWorksheet("公开01表")?.getCell("A3");
  if (unit) unit.value = "编制单位：某某区教育局";
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await wb.xlsx.writeFile(out);
}

/** Reads a sheet back as rows of plain values (hyperlinks as their text). */
async function sheetRows(file: string, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (r) => {
    const vals = (r.values as unknown[]).slice(1).map((v) => (v && typeof v === "object" && "text" in (v as object) ? (v as { text: string }).text : (v ?? null)));
    rows.push(vals);
  });
  return rows;
}

/** The in-workbook links of 汇总: cell → location. */
async function links(file: string): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const xml = await zip.files["xl/worksheets/sheet1.xml"].async("string");
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(/<hyperlink ([^>]*)\/>/g)) {
    const ref = /ref="([^"]+)"/.exec(m[1])?.[1] as string;
    expect(m[1]).not.toContain("r:id");
    out[ref] = (/location="([^"]+)"/.exec(m[1])?.[1] ?? "").replace(/&apos;/g, "'");
  }
  return out;
}

const stripAt = (r: ReviewReport) => JSON.parse(JSON.stringify(r, (k, v: unknown) => (k === "at" ? "<at>" : v))) as ReviewReport;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-review-"));
  const dir = path.join(tmp, "报送");
  fs.mkdirSync(path.join(dir, "区县"), { recursive: true });
  for (const n of ["example-sichuan-2020.xlsx", "example-national-2024.xlsx", "example-sichuan-2020-yuan.xlsx"]) fs.copyFileSync(example(n), path.join(dir, n));
  await planted(path.join(dir, "区县", "教育局.xlsx"));
  // An unreadable file: a zip that is not a workbook (cut short).
  fs.writeFileSync(path.join(dir, "损坏.xlsx"), fs.readFileSync(example("example-national-2024.xlsx")).subarray(0, 4000));
  // Excel's lock file is never a unit.
  fs.writeFileSync(path.join(dir, "~$教育局.xlsx"), "lock");
  fs.writeFileSync(
    path.join(tmp, "单位名单.csv"),
    "\uFEFF单位名称,文件\n巴中市互联网信息办公室,example-sichuan-2020.xlsx\n某某区教育局,区县/教育局.xlsx\n上海示例单位,example-national-2024.xlsx\n损坏单位,损坏.xlsx\n某某局,某某局.xlsx\n",
  );
}, 60000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("juesuan review", () => {
  it("summarises a folder in parallel workers: golden 汇总 and 问题清单, the missing unit and the unreadable file named", async () => {
    const out = path.join(tmp, "汇总.xlsx");
    const { code, report, stderr } = await run(["报送", "--units", "单位名单.csv", "--out", "汇总.xlsx", "--html", "汇总.html", "--jobs", "2"]);
    expect(code).toBe(1);
    // Not a terminal: one final line, no progress bar.
    expect(stderr).not.toContain("\r");
    expect(stderr).toMatch(/^共\d+个单位/);

    const missing = report.units.find((u) => u.unit === "某某局");
    expect(missing?.status).toBe("missing");
    const broken = report.units.find((u) => u.file === "损坏.xlsx");
    expect(broken?.status).toBe("failed");
    expect(broken?.problem).toContain("损坏.xlsx");
    const planted = report.units.find((u) => u.file === "区县/教育局.xlsx");
    expect(planted?.open.error).toBeGreaterThan(0);
    expect(planted?.top[0]).toMatch(/^【错误】/);
    expect(report.units.some((u) => u.file?.includes("~$"))).toBe(false);
    expect(report.issues.every((i) => i.basis && i.action && i.fingerprint)).toBe(true);

    const summary = await sheetRows(out, "汇总");
    const issues = await sheetRows(out, "问题清单");
    // Every link of 汇总 points at the first 问题清单 row of its unit.
    const l = await links(out);
    for (const [ref, loc] of Object.entries(l)) {
      const row = Number(ref.slice(1));
      const target = Number(/!A(\d+)$/.exec(loc)?.[1]);
      expect(loc.startsWith("'问题清单'!A")).toBe(true);
      const unitRow = summary[row - 1];
      const issue = issues[target - 1];
      expect(issue[1]).toBe(unitRow[1] || unitRow[2] || String(unitRow[3]).replace(/\.xlsx$/, ""));
      expect(issues[target - 2]?.[1]).not.toBe(issue[1]);
    }
    expect(Object.keys(l).length).toBe(report.units.filter((u) => u.issues).length);

    // The same as a page: every unit, each link to its first issue's anchor, no script.
    const page = fs.readFileSync(path.join(tmp, "汇总.html"), "utf8");
    for (const u of report.units) expect(page).toContain(u.unit);
    for (const u of report.units.filter((x) => x.issues)) {
      expect(page).toContain(`href="#i${u.issues?.first}"`);
      expect(page).toContain(`id="i${u.issues?.first}"`);
    }
    expect(page).not.toMatch(/<script/i);

    const actual = { report: stripAt(report), xlsx: { 汇总: summary, 问题清单: issues } };
    if (process.env.UPDATE_GOLDEN || !fs.existsSync(CASE)) {
      fs.mkdirSync(path.dirname(CASE), { recursive: true });
      fs.writeFileSync(CASE, JSON.stringify(actual, null, 2) + "\n");
    }
    expect(actual).toEqual(JSON.parse(fs.readFileSync(CASE, "utf8")));
  }, 180000);

  it("carries marks made in 问题清单 over by fingerprint, and not to a finding whose figures changed", async () => {
    const dir = path.join(tmp, "marks");
    await planted(path.join(dir, "教育局.xlsx"));
    const first = await run([dir, "--out", path.join(tmp, "第一次.xlsx"), "--jobs", "0"]);
    const t11 = first.report.issues.find((i) => i.rule === "T1-1");
    const x3b = first.report.issues.find((i) => i.rule === "X-3b");
    expect(t11 && x3b).toBeTruthy();

    // The reviewer marks both in 问题清单 and saves the file.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, "第一次.xlsx"));
    const ws = wb.getWorksheet("问题清单") as ExcelJS.Worksheet;
    ws.eachRow((r) => {
      const fp = r.getCell(10).value;
      if (fp === t11?.fingerprint) {
        r.getCell(11).value = "已核实";
        r.getCell(12).value = "已与单位核对，为口径差异";
      }
      if (fp === x3b?.fingerprint) r.getCell(11).value = "已核实，无需修改";
    });
    await wb.xlsx.writeFile(path.join(tmp, "已标记.xlsx"));

    // Rows are inserted above 公开01表 and 住房保障支出 changes: X-3b compares it, T1-1 does not.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(dir, "教育局.xlsx"));
    const t01 = book.getWorksheet("公开01表") as ExcelJS.Worksheet;
    t01.getCell("F25").value = 12.57;
    t01.spliceRows(1, 0, [], []);
    await book.xlsx.writeFile(path.join(dir, "教育局.xlsx"));

    const second = await run([dir, "--out", path.join(tmp, "第二次.xlsx"), "--marks", "已标记.xlsx", "--jobs", "0"]);
    const v = second.report.verifiedIssues.find((i) => i.rule === "T1-1");
    expect(v?.fingerprint).toBe(t11?.fingerprint);
    expect(v?.verified).toMatchObject({ status: "verified", note: "已与单位核对，为口径差异", from: "list" });
    expect(second.report.issues.some((i) => i.rule === "T1-1")).toBe(false);
    const x3bAgain = second.report.issues.find((i) => i.rule === "X-3b");
    expect(x3bAgain).toBeDefined();
    expect(x3bAgain?.fingerprint).not.toBe(x3b?.fingerprint);
    expect(second.report.units[0].verified.error).toBe(1);
    // The place moved with the inserted rows; the fingerprint did not.
    expect(v?.place).not.toBe(t11?.place);

    // The next run fed with the second summary keeps the mark (kept in its 已核实 sheet).
    const verifiedRows = await sheetRows(path.join(tmp, "第二次.xlsx"), "已核实");
    expect(verifiedRows.some((r) => r[9] === t11?.fingerprint && r[10] === "已核实")).toBe(true);
    const third = await run([dir, "--out", path.join(tmp, "第三次.xlsx"), "--marks", "第二次.xlsx", "--jobs", "0"]);
    expect(third.report.verifiedIssues.map((i) => i.fingerprint)).toEqual([t11?.fingerprint]);
  }, 120000);

  it("reads the marks the pane stored in the workbook's add-in settings", async () => {
    const dir = path.join(tmp, "pane");
    const file = path.join(dir, "教育局.xlsx");
    await planted(file);
    const first = await run([dir, "--out", path.join(tmp, "pane1.xlsx"), "--jobs", "0"]);
    const t11 = first.report.issues.find((i) => i.rule === "T1-1");
    const marks = markVerified({}, t11?.fingerprint as string, "2026-12-03T08:00:00.000Z", "窗格中核实");
    // As Office saves document settings: a webextension part with one property per setting, the value as JSON.
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const value = JSON.stringify(JSON.parse(serializeMarks(marks))).replace(/&/g, "&amp;").replace(/"/g, "&quot;");
    zip.file(
      "xl/webextensions/webextension1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{52811C31-4593-43B8-A697-EB873422D156}"><we:reference id="wa000000000" version="1.0.0.0" store="en-US" storeType="OMEX"/><we:alternateReferences/><we:properties><we:property name="${MARKS_SETTING_KEY}" value="${value}"/></we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`,
    );
    fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    const second = await run([dir, "--out", path.join(tmp, "pane2.xlsx"), "--jobs", "0"]);
    expect(second.report.verifiedIssues.map((i) => [i.fingerprint, i.verified?.note, i.verified?.from])).toEqual([[t11?.fingerprint, "窗格中核实", "workbook"]]);
    expect(second.report.issues.some((i) => i.rule === "T1-1")).toBe(false);
  }, 120000);

  it("fails the run (exit 2) on bad arguments, a missing units list or a marks file without 问题清单", async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(["报送", "--out", "汇总.txt"])).code).toBe(2);
    const noUnits = await run(["报送", "--out", "x.xlsx", "--units", "没有.csv", "--jobs", "0"]);
    expect(noUnits.code).toBe(2);
    expect(noUnits.stderr).toContain("找不到单位名单文件");
    const badMarks = await run(["报送", "--out", "x.xlsx", "--marks", "报送/example-national-2024.xlsx", "--jobs", "0"]);
    expect(badMarks.code).toBe(2);
    expect(badMarks.stderr).toContain("没有问题清单");
  }, 120000);
});
