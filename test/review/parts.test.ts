import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { collectInputs } from "../../cli/review/collect";
import { parseCsv, readUnits, unitsFromRows } from "../../cli/review/units";
import { propertiesOf, readAddinSettings } from "../../cli/review/webext";
import { buildReview, listMarksFromRows, reviewExitCode, type FileReview } from "../../src/review/report";
import { fingerprint } from "../../src/review/fingerprint";
import { reviewHtml } from "../../src/review/html";
import type { Finding } from "../../src/findings";
import { example } from "../helpers/fixtures";

const finding: Finding = { rule: "T1-1", severity: "error", message: "本年收入合计 = 各项收入之和：为1.00，合计为2.00", sheet: "公开01表", cell: "C33", stated: "1.00", expected: "2.00" };
const file = (name: string, extra: Partial<FileReview> = {}): FileReview => ({ file: name, ok: true, tablesFound: ["公开01表"], tablesMissing: [], findings: [finding], ...extra });

describe("units list", () => {
  it("parses CSV with quotes, a header in any order, and no header", () => {
    expect(parseCsv('a,"b,""c"""\r\n"多\n行",d')).toEqual([["a", 'b,"c"'], ["多\n行", "d"]]);
    expect(unitsFromRows([["文件", "单位名称"], ["甲.xlsx", "甲局"], ["", "乙局"]], "x")).toEqual([{ name: "甲局", file: "甲.xlsx" }, { name: "乙局" }]);
    expect(unitsFromRows([["某某事业单位", "a/b.xlsx"]], "x")).toEqual([{ name: "某某事业单位", file: "a/b.xlsx" }]);
    expect(() => unitsFromRows([["单位名称", "文件"]], "“x”")).toThrow("没有任何单位");
  });

  it("reads GBK (GB18030) CSV files as Chinese Windows saves them", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-units-"));
    // “单位名称,文件\n甲局,甲.xlsx” in GBK.
    const gbk = Buffer.from("b5a5cebbc3fbb3c62ccec4bcfe0abcd7bed62cbcd72e786c7378", "hex");
    fs.writeFileSync(path.join(dir, "u.csv"), gbk);
    expect(await readUnits(path.join(dir, "u.csv"))).toEqual([{ name: "甲局", file: "甲.xlsx" }]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("collectInputs", () => {
  it("finds workbooks recursively, skips lock and hidden files and the run's own files, names files by their folder", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-collect-"));
    for (const f of ["a/单位.xlsx", "b/单位.xlsx", "c.xls", "~$c.xlsx", ".hidden.xlsx", "说明.txt", "名单.csv", "汇总.xlsx"]) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), "x");
    }
    const r = collectInputs([dir, path.join(dir, "名单.csv")], dir, [path.join(dir, "汇总.xlsx")]);
    expect(r.tasks.map((t) => t.file)).toEqual(["a/单位.xlsx", "b/单位.xlsx", "c.xls", "名单.csv"]);
    const twice = collectInputs([path.join(dir, "a"), path.join(dir, "b")], dir);
    expect(twice.tasks.map((t) => t.file)).toEqual(["a/单位.xlsx", "b/单位.xlsx"]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("add-in settings in the package", () => {
  it("reads <we:property> values as JSON and leaves a workbook without the part alone", async () => {
    expect(propertiesOf(`<we:properties><we:property name="juesuan.marks" value="{&quot;v&quot;:1,&quot;marks&quot;:{}}"/><we:property name='x' value='&quot;a&amp;b&quot;'/><we:property name="bad" value="{"/></we:properties>`)).toEqual({
      "juesuan.marks": { v: 1, marks: {} },
      x: "a&b",
      bad: "{",
    });
    expect(await readAddinSettings(fs.readFileSync(example("example-sichuan-2020.xlsx")))).toBeUndefined();
    expect(await readAddinSettings(Buffer.from("xl/webextensions/webextension1.xml but not a zip"))).toBeUndefined();
  });
});

describe("buildReview", () => {
  it("matches listed units by file, by path suffix and by the name read; missing units and unlisted files are rows", () => {
    const files = [file("区县/甲.xlsx"), file("乙.xlsx", { unitName: "乙局" }), file("丙.xlsx"), file("坏.xlsx", { ok: false, problem: "无法读取：坏", findings: [] })];
    const r = buildReview(files, { units: [{ name: "甲局", file: "甲.xlsx" }, { name: "乙局" }, { name: "丁局", file: "丁.xlsx" }, { name: "坏局", file: "坏.xlsx" }] });
    expect(r.units.map((u) => [u.unit, u.file ?? null, u.status, u.notListed ?? false])).toEqual([
      ["甲局", "区县/甲.xlsx", "checked", false],
      ["乙局", "乙.xlsx", "checked", false],
      ["丁局", null, "missing", false],
      ["坏局", "坏.xlsx", "failed", false],
      ["丙", "丙.xlsx", "checked", true],
    ]);
    expect(r.units[3].statusText).toBe("无法读取：坏");
    expect(r.totals).toMatchObject({ units: 5, files: 4, failed: 1, missing: 1, open: { error: 3, warning: 0, info: 0 } });
    expect(r.units.map((u) => u.issues)).toEqual([{ first: 1, count: 1 }, { first: 2, count: 1 }, undefined, undefined, { first: 3, count: 1 }]);
    expect(reviewExitCode(r)).toBe(1);
  });

  it("counts marked findings apart, by file first and by unit for a renamed file", () => {
    const fp = fingerprint(finding);
    const marks = listMarksFromRows(
      [
        { file: "甲.xlsx", unit: "甲局", fingerprint: fp, check: "已核实", note: "口径差异" },
        { file: "旧名.xlsx", unit: "乙局", fingerprint: fp, check: " 已核实，无需修改 " },
        { file: "丙.xlsx", fingerprint: fp, check: "" },
        { file: "丙.xlsx", fingerprint: "公开01表!C33", check: "已核实" },
      ],
      "2026-12-03T00:00:00.000Z",
    );
    const r = buildReview([file("甲.xlsx"), file("乙新.xlsx", { unitName: "乙局" }), file("丙.xlsx")], { marks });
    // Files in code-point order of their names: 丙, 乙新, 甲.
    expect(r.units.map((u) => [u.file, u.open.error, u.verified.error])).toEqual([
      ["丙.xlsx", 1, 0],
      ["乙新.xlsx", 0, 1],
      ["甲.xlsx", 0, 1],
    ]);
    expect(r.verifiedIssues.find((i) => i.file === "甲.xlsx")?.verified).toEqual({ status: "verified", note: "口径差异", at: "2026-12-03T00:00:00.000Z", from: "list" });
    expect(r.issues.map((i) => i.file)).toEqual(["丙.xlsx"]);
    expect(reviewExitCode(r)).toBe(1);
    expect(reviewExitCode(buildReview([file("甲.xlsx")], { marks }))).toBe(0);
  });
});

describe("reviewFiles pool", () => {
  it("gives up a file that takes too long, names it, and goes on with a new worker", async () => {
    const { reviewFiles } = await import("../../cli/review/pool");
    const tasks = ["a", "b", "c"].map((n) => ({ abs: example("example-sichuan-2020.xlsx"), file: `${n}.xlsx` }));
    const progress: number[] = [];
    const r = await reviewFiles(tasks, { workers: 1, timeoutMs: 1, onProgress: (done) => void progress.push(done) });
    expect(r.map((x) => [x.file, x.ok, x.problem])).toEqual(tasks.map((t) => [t.file, false, "检查超过 0 秒仍未完成，已跳过该文件"]));
    expect(progress).toEqual([1, 2, 3]);
  }, 60000);
});

describe("reviewHtml", () => {
  it("escapes everything that comes from a workbook", () => {
    const XSS = "<img src=x onerror=alert(1)>";
    const r = buildReview([file("a.xlsx", { unitName: XSS, findings: [{ ...finding, message: `${XSS}“'&` }] })]);
    const page = reviewHtml(r, "汇总<x>");
    expect(page).not.toContain("<img");
    expect(page).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(page).toContain("&#39;&amp;");
    expect(page).toContain("<title>汇总&lt;x&gt;</title>");
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });
});

describe("unit names", () => {
  it("shows a file's name as written when neither the list nor the workbook names the unit", () => {
    const r = buildReview([file("子目录/Example Unit.XLSX")]);
    expect(r.units[0].unit).toBe("Example Unit");
    expect(r.issues[0].unit).toBe("Example Unit");
  });
});

describe("marks of units not checked this time", () => {
  it("are kept in 已核实 (not counted), so that feeding the summary back loses none", () => {
    const fp = fingerprint(finding);
    const marks = listMarksFromRows(
      [
        { file: "坏.xlsx", unit: "坏局", fingerprint: fp, check: "已核实", note: "n" },
        { file: "丁.xlsx", unit: "丁局", fingerprint: fp, check: "已核实" },
      ],
      "2026-12-03T00:00:00.000Z",
    );
    const r = buildReview([file("坏.xlsx", { ok: false, problem: "坏", findings: [] })], { units: [{ name: "坏局", file: "坏.xlsx" }, { name: "丁局", file: "丁.xlsx" }], marks });
    expect(r.verifiedIssues.map((i) => [i.unit, i.file, i.fingerprint, i.kept, i.verified?.note])).toEqual([
      ["坏局", "坏.xlsx", fp, true, "n"],
      ["丁局", "丁.xlsx", fp, true, undefined],
    ]);
    expect(r.totals.verified).toEqual({ error: 0, warning: 0, info: 0 });
    const again = listMarksFromRows(
      r.verifiedIssues.map((i) => ({ file: i.file, unit: i.unit, fingerprint: i.fingerprint, check: "已核实", note: i.verified?.note, at: i.verified?.at })),
      "2026-12-04T00:00:00.000Z",
    );
    expect(buildReview([file("坏.xlsx")], { marks: again }).units[0].verified.error).toBe(1);
  });
});
