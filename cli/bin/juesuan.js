#!/usr/bin/env node
"use strict";
// Runs the compiled CLI (build/cli, made by `npm run build:cli`, which `prepare` runs on npm install) when it is
// at least as new as every source file it comes from; else the TypeScript sources through ts-node, so that a
// checkout being edited never runs an outdated build.
const path = require("path");
const fs = require("fs");
const root = path.join(__dirname, "..", "..");
const compiled = path.join(root, "build", "cli", "cli", "main.js");

/** Newest modification time (ms) of the .ts/.json files under the given folders. */
function newestSource(dirs) {
  let newest = 0;
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|json)$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of dirs) walk(path.join(root, d));
  return newest;
}

function fresh() {
  if (!fs.existsSync(compiled)) return false;
  // An installed package has no TypeScript sources beside it: the build is all there is.
  if (!fs.existsSync(path.join(root, "src"))) return true;
  return fs.statSync(compiled).mtimeMs >= newestSource(["src", "cli"]);
}

let main;
if (process.env.JUESUAN_FROM_SOURCE !== "1" && fresh()) {
  ({ main } = require(compiled));
} else {
  require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
  ({ main } = require("../main.ts"));
}
main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
});
