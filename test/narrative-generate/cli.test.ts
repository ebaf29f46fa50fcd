import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../cli/main";
import { describeFixtures, golden, WORKBOOKS } from "./helpers";

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false, cwd: process.cwd() });
  return { code, out, err };
}

describeFixtures("juesuan narrate", () => {
  test("prints the text, one paragraph per line", async () => {
    const r = await run(["narrate", WORKBOOKS["bazhong-2020"]]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(golden("bazhong-2020", r.out));
    // 3 reasons/uses + 十(四): the self-evaluated count (DOMAIN §6.2 #20) and the 84.51% project's reason (#7)
    expect(r.err).toMatch(/5处【请填写】/);
  });

  test("--template national-2024 and --out .txt / .docx", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "narrate-"));
    const txt = path.join(dir, "说明.txt");
    const docx = path.join(dir, "说明.docx");
    expect((await run(["narrate", WORKBOOKS["bazhong-2020"], "--template", "national-2024", "--out", txt])).code).toBe(0);
    expect(fs.readFileSync(txt, "utf8")).toMatch(/^第三部分 2020年度部门决算情况说明\n一、收入支出决算总体情况说明\n/);
    expect((await run(["narrate", WORKBOOKS["bazhong-2020"], "--out", docx])).code).toBe(0);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe("PK");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test("bad template, bad output name, unreadable file: Chinese message, exit 2", async () => {
    const a = await run(["narrate", WORKBOOKS["bazhong-2020"], "--template", "beijing-2021"]);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/未知的模板“beijing-2021”/);
    const b = await run(["narrate", WORKBOOKS["bazhong-2020"], "--out", "x.pdf"]);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/扩展名/);
    const c = await run(["narrate", path.join(os.tmpdir(), "不存在的文件.xlsx")]);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/无法读取|不存在|找不到/);
    expect((await run(["narrate"])).code).toBe(2);
  });
});
