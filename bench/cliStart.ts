/**
 * Time to first output of the CLI (issue 11: target under 0.5 s): `juesuan --help` and `juesuan inspect` on the
 * example workbook, through cli/bin/juesuan.js with the compiled build (npm run build:cli, run by `prepare`) and
 * from the TypeScript sources (JUESUAN_FROM_SOURCE=1). Prints median wall time and peak memory of five runs.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "..");
const bin = path.join(root, "cli", "bin", "juesuan.js");
const example = path.join(root, "test", "workbooks", "example-sichuan-2020.xlsx");

function run(args: string[], env: Record<string, string>): { ms: number; kb: number } {
  const t = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, bin, ...args], { env: { ...process.env, ...env }, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const kb = Number((r.stderr.trim().split("\n").pop() ?? "0").trim());
  return { ms, kb };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

if (!fs.existsSync(path.join(root, "build", "cli", "cli", "main.js"))) {
  console.log("build/cli missing: run `npm run build:cli` first (npm install does it).");
}
for (const [label, env] of [["compiled", {}], ["from source (ts-node)", { JUESUAN_FROM_SOURCE: "1" }]] as const) {
  for (const args of [["--help"], ["inspect", example]]) {
    const runs = Array.from({ length: 5 }, () => run(args, env));
    console.log(`${label.padEnd(22)} juesuan ${args[0].padEnd(8)} median ${median(runs.map((r) => r.ms)).toFixed(0).padStart(5)} ms, peak ${(median(runs.map((r) => r.kb)) / 1024).toFixed(0)} MB`);
  }
}
