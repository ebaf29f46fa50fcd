import * as fs from "fs";
import * as path from "path";
import { main } from "../../cli/main";
import type { CliIO } from "../../cli/io";

const FIXTURES = path.resolve(__dirname, "../../../shared/fixtures");
const d = fs.existsSync(FIXTURES) ? describe : describe.skip;

async function run(args: string[]) {
  let out = "";
  let err = "";
  const io: CliIO = { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false, cwd: path.resolve(__dirname, "../..") };
  const code = await main(args, io);
  return { code, out, err };
}

d("juesuan perf", () => {
  it("prints per project name, budget, actual, rate, score, grade and findings as JSON; exit 1 on errors", async () => {
    const r = await run(["perf", "../shared/fixtures/bazhong-2020.xlsx", "--json"]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.projects[4]).toMatchObject({ name: "互联网维护与整治经费", budget: "75.00", actual: "63.38", rate: "84.51", score: "58.45", grade: "差" });
    expect(j.projects[4].findings.map((f: { rule: string }) => f.rule)).toContain("P-9");
    expect(j.findings[0].rule).toBe("P-11");
  });

  it("prints a Chinese table and exits 0 for the clean workbook", async () => {
    const r = await run(["perf", "../shared/fixtures/bazhong-2020-clean.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("项目名称");
    expect(r.out).toMatch(/互联网维护与整治经费\s+75\.00\s+63\.38\s+84\.51%\s+98\.45\s+优/);
  });

  it("exits 2 with a Chinese message on unreadable input or no forms", async () => {
    const missing = await run(["perf", "no-such-file.xlsx"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/无法读取|找不到/);
    const usage = await run(["perf"]);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain("用法");
  });
});
