#!/usr/bin/env node
/* Runs every bench/*.ts in turn with ts-node (transpile only). Exit code: the first failure's. */
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const dir = __dirname;
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !f.startsWith("."))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let status = 0;
for (const f of files) {
  process.stdout.write(`\n== bench/${f} ==\n`);
  const r = spawnSync(process.execPath, [require.resolve("ts-node/dist/bin.js"), "--transpile-only", path.join(dir, f)], {
    stdio: "inherit",
    cwd: path.resolve(dir, ".."),
  });
  if (r.status !== 0 && status === 0) status = r.status ?? 1;
}
process.exitCode = status;
