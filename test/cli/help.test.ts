/** `juesuan --help`, `juesuan <命令> --help` and unknown options (cli/main.ts, cli/help.ts, cli/io.ts). */
import { main } from "../../cli/main";
import { parseArgs } from "../../cli/io";
import { COMMAND_HELP } from "../../cli/help";

async function run(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false, cwd: process.cwd() });
  return { code, out, err };
}

describe("juesuan --help", () => {
  it("lists every command with an example and says what the exit codes mean", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    for (const c of Object.keys(COMMAND_HELP)) expect(r.out).toContain(`juesuan ${c} `);
    expect(r.out).toContain("示例：");
    expect(r.out).toMatch(/退出码：[\s\S]*0 [\s\S]*1 [\s\S]*2 /);
  });
  it("no command: the overview on stdout, exit 2", async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.out).toContain("退出码");
  });
  it.each(Object.keys(COMMAND_HELP))("juesuan %s --help: usage, options, examples, exit codes, exit 0", async (c) => {
    for (const args of [[c, "--help"], [c, "-h"], ["help", c]]) {
      const r = await run(args);
      expect(r.code).toBe(0);
      expect(r.out).toContain(COMMAND_HELP[c].usage);
      expect(r.out).toContain("示例：");
      expect(r.out).toContain("退出码：");
      for (const o of Object.keys(COMMAND_HELP[c].options)) expect(r.out).toContain(`--${o}`);
    }
  });
});

describe("unknown options", () => {
  it("an unknown option is an error naming it, with the nearest one (exit 2)", async () => {
    const r = await run(["check", "a.xlsx", "--jsn"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("未知选项“--jsn”");
    expect(r.err).toContain("是否想用 --json");
    expect(r.out).toBe("");
  });
  it("a short option is named too, and --x=1 by its name", async () => {
    expect((await run(["perf", "a.xlsx", "-j"])).err).toContain("未知选项“-j”");
    expect((await run(["inspect", "a.xlsx", "--format=json"])).err).toContain("未知选项“--format”");
  });
  it("a known option's value may look like anything", async () => {
    const r = await run(["check", "没有这个文件.xlsx", "--text", "-说明.txt"]);
    expect(r.err).not.toContain("未知选项");
  });
  it("parseArgs without the allowed list accepts every flag (as before)", () => {
    expect(parseArgs(["a", "--x", "--text", "t.txt", "--y=1"], ["text"])).toEqual({ positional: ["a"], flags: { x: true, text: "t.txt", y: "1" } });
    expect(() => parseArgs(["--x"], [], { flags: ["json"], command: "check" })).toThrow(/未知选项“--x”/);
  });
});
