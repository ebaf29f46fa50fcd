/**
 * Production bundle sizes (gzip -9) against the targets, and the first render of the pane in
 * chromium: time from navigation to the 检查 tab's button being visible, for the pane's page
 * (office.js refused: no network) and the preview page (which also loads and parses the example
 * workbook). Builds dist/ first when it is missing or older than the sources. Prints figures only.
 * Run: npx ts-node --transpile-only bench/bundle.ts
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { CHROMIUM, chromiumVersion, launch } from "../test/e2e/browser";
import { DIST, ensureBuild } from "../test/e2e/dist";
import { serveDir } from "../test/e2e/server";

const KB = 1024;
const TARGETS: Record<string, number> = { "taskpane.js": 300 * KB, "functions.js": 60 * KB };

function sizes(): void {
  console.log(`${"file".padEnd(16)} ${"raw".padStart(10)} ${"gzip".padStart(10)}  target`);
  let pane = 0;
  for (const f of ["taskpane.js", "commands.js", "functions.js", "preview.js"]) {
    const p = path.join(DIST, f);
    if (!fs.existsSync(p)) continue;
    const raw = fs.readFileSync(p);
    const gz = zlib.gzipSync(raw, { level: 9 }).length;
    if (f !== "preview.js") pane += gz;
    const t = TARGETS[f];
    const target = t ? `≤ ${t / KB} KB: ${gz <= t ? "within" : `OVER by ${((gz - t) / KB).toFixed(1)} KB`}` : f === "preview.js" ? "(preview only, not deployed to Office)" : "";
    console.log(`${f.padEnd(16)} ${(raw.length / KB).toFixed(1).padStart(7)} KB ${(gz / KB).toFixed(1).padStart(7)} KB  ${target}`);
  }
  console.log(`taskpane.html loads taskpane.js + commands.js + functions.js: ${(pane / KB).toFixed(1)} KB gzipped in all`);
}

async function firstRender(): Promise<void> {
  if (!fs.existsSync(CHROMIUM)) {
    console.log(`\nfirst render: skipped (no chromium at ${CHROMIUM})`);
    return;
  }
  const server = await serveDir(DIST);
  const browser = await launch();
  const RUNS = 5;
  try {
    console.log(`\nfirst render in ${chromiumVersion()} (navigation → 检查 button visible; median of ${RUNS}, first run shown separately)`);
    for (const pageName of ["taskpane.html", "preview.html"]) {
      const times: number[] = [];
      for (let i = 0; i <= RUNS; i++) {
        const { page } = await browser.newPage();
        const t0 = Date.now();
        await page.goto(`${server.origin}/${pageName}`);
        await page.locator('[data-testid="check-run"]').waitFor({ state: "visible", timeout: 60_000 });
        times.push(Date.now() - t0);
        await page.close();
      }
      const [first, ...rest] = times;
      const median = [...rest].sort((a, b) => a - b)[Math.floor(rest.length / 2)];
      console.log(`  ${pageName.padEnd(14)} first ${String(first).padStart(5)} ms, median ${String(median).padStart(5)} ms`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

(async () => {
  ensureBuild((s) => console.log(s));
  sizes();
  await firstRender();
})().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
