#!/usr/bin/env node
/*
 * `npm start`: serves the add-in with webpack-dev-server on http://127.0.0.1:3000.
 * Without Excel on the machine (this one), the page to open is the preview: the real task pane
 * against a simulated Excel holding the repo's example workbook (or any .xlsx picked there).
 * Sideloading into Excel needs office-addin-debugging (not installed here), so this never sideloads;
 * where Excel exists, sideload manifest.xml as the README says while this server runs.
 */
"use strict";
const { spawn } = require("child_process");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const BASE = "http://127.0.0.1:3000";
const PREVIEW_URL = `${BASE}/preview.html`;
const PANE_URL = `${BASE}/taskpane.html`;

process.stdout.write(
  [
    "决算助手开发服务器 / dev server",
    "",
    `  预览（不需要 Excel）：${PREVIEW_URL}`,
    "  在浏览器中打开上面的地址：左侧是模拟的 Excel 工作簿（默认载入示例工作簿，也可打开任意 .xlsx），",
    "  右侧是真实的任务窗格，可以检查、点击问题定位单元格、生成情况说明、查看绩效表。",
    `  任务窗格页面（供 Excel 加载）：${PANE_URL}`,
    "",
    "本机没有 Excel，不进行旁加载（sideload）。在装有 Excel 的电脑上，保持本服务器运行，",
    "并按 README 旁加载 manifest.xml（npx office-addin-debugging start manifest.xml，需另行安装该工具）。",
    `Preview without Excel: ${PREVIEW_URL}  ·  pane for Excel: ${PANE_URL}`,
    "首次编译需要约一分钟，请在出现 “compiled successfully” 后再打开。按 Ctrl+C 停止 / press Ctrl+C to stop.",
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
