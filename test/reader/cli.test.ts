import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../cli/main";
import type { CliIO } from "../../cli/io";
import { describeFixtures, FIXTURES } from "./helpers";

function io(cwd = process.cwd()) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIO = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), isTTY: false, cwd };
  return { cli, out: () => out.join(""), err: () => err.join("") };
}

describeFixtures("juesuan inspect", () => {
  test("--json: tables, figures, items, problems", async () => {
    const t = io();
    const code = await main(["inspect", path.join(FIXTURES, "bazhong-2020-yuan.xlsx"), "--json"], t.cli);
    expect(code).toBe(0);
    const j = JSON.parse(t.out());
    expect(Object.keys(j.tables)).toEqual(["T01", "T02", "T03", "T04", "T05", "T06", "T07", "T08", "T09"]);
    expect(j.tables.T05).toMatchObject({ sheet: "表5-一般公共预算财政拨款支出决算表", unit: "元" });
    expect(j.figures["收入总计"]).toBe("236.01");
    expect(Object.keys(j.figures)).toHaveLength(15);
    for (const v of Object.values(j.figures)) expect(v).toMatch(/^-?\d+\.\d{2}$/);
    expect(j.items[2]).toEqual({ code: "2013399", name: "其他宣传事务支出", total: "106.13", basic: "34.35", project: "71.78" });
    expect(j.problems).toMatchObject({ missing: [], unclassifiedRows: [], unknownSupplementLabels: [] });
    expect(Array.isArray(j.problems.messages)).toBe(true);
    expect(t.err()).toBe("");
  });

  test("readable Chinese summary without --json (path relative to cwd)", async () => {
    const t = io(FIXTURES);
    expect(await main(["inspect", "bazhong-2020.xlsx"], t.cli)).toBe(0);
    expect(t.out()).toContain("公开01表（收入支出决算总表）");
    expect(t.out()).toContain("收入总计：236.01");
    expect(t.out()).toContain("2013399 其他宣传事务支出");
  });
});

describe("juesuan inspect: bad input", () => {
  test("a non-xlsx file: exit 2, Chinese message, no stack trace", async () => {
    const file = path.join(os.tmpdir(), `juesuan-not-xlsx-${process.pid}.xlsx`);
    fs.writeFileSync(file, "这不是工作簿");
    const t = io();
    try {
      expect(await main(["inspect", file], t.cli)).toBe(2);
    } finally {
      fs.unlinkSync(file);
    }
    expect(t.err()).toMatch(/不是有效的 \.xlsx 工作簿/);
    expect(t.err()).not.toMatch(/\bat\s+\S+\s+\(/);
    expect(t.out()).toBe("");
  });

  test("a missing file: exit 2 and 找不到文件", async () => {
    const t = io();
    expect(await main(["inspect", path.join(os.tmpdir(), "no-such-juesuan-file.xlsx"), "--json"], t.cli)).toBe(2);
    expect(t.err()).toMatch(/找不到文件/);
    expect(t.err()).not.toMatch(/\bat\s+\S+\s+\(/);
  });

  test("no file argument: usage, exit 2", async () => {
    const t = io();
    expect(await main(["inspect"], t.cli)).toBe(2);
    expect(t.err()).toMatch(/用法/);
  });
});
