/**
 * The installed entry point: cli/bin/juesuan.js runs the compiled CLI (build/cli, made by `prepare` on npm
 * install) when it is fresh, else the sources; either way `--help` answers in Chinese with exit 0, and an
 * unknown command exits 2. Start-up time is measured in bench/cliStart.ts, not asserted here.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const bin = path.resolve(__dirname, "../../cli/bin/juesuan.js");

test("juesuan --help and an unknown command through the bin script", () => {
  const help = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
  expect(help.status).toBe(0);
  expect(help.stdout).toContain("决算助手 juesuan");
  const bad = spawnSync(process.execPath, [bin, "nosuch"], { encoding: "utf8" });
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain("未知命令“nosuch”");
});
