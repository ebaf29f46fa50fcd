#!/usr/bin/env node
/*
 * `npm start`: serves the add-in with webpack-dev-server on http://127.0.0.1:3000.
 * Sideloading into Excel needs office-addin-debugging (not installed here, and Excel is not on
 * this machine), so this only serves the files and says where they are.
 */
"use strict";
const { spawn } = require("child_process");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const PANE_URL = "http://127.0.0.1:3000/taskpane.html";

process.stdout.write(
  [
    "决算助手开发服务器 / dev server",
    `本机没有 Excel，不进行旁加载（sideload）。任务窗格页面地址：${PANE_URL}`,
    "No Excel on this machine: nothing is sideloaded. The task pane is served at the address above.",
    "在装有 Excel 的电脑上旁加载：npx office-addin-debugging start manifest.xml（需另行安装该工具）。",
    "按 Ctrl+C 停止 / press Ctrl+C to stop.",
    "",
  ].join("\n"),
);

const child = spawn(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "serve", "--mode", "development"], {
  cwd: ROOT,
  stdio: "inherit",
});
const stop = (signal) => () => child.kill(signal);
process.on("SIGINT", stop("SIGINT"));
process.on("SIGTERM", stop("SIGTERM"));
child.on("exit", (code, signal) => {
  process.exitCode = code ?? (signal ? 0 : 1);
});
