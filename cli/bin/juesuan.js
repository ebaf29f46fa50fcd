#!/usr/bin/env node
"use strict";
// Runs the compiled CLI when `npm run build` has produced it, else the TypeScript sources.
const path = require("path");
const fs = require("fs");
const compiled = path.join(__dirname, "..", "..", "dist", "cli", "cli", "main.js");
let main;
if (fs.existsSync(compiled)) {
  ({ main } = require(compiled));
} else {
  require("ts-node").register({ transpileOnly: true, compilerOptions: { module: "commonjs" } });
  ({ main } = require("../main.ts"));
}
main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
});
