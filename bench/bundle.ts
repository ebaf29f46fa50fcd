/**
 * Production bundle sizes (gzip -9) against the targets — above all the start load of taskpane.html,
 * every script it runs before the pane is usable (read from the built page) — and the first render of the pane in
 * chromium: time from navigation to the 检查 tab's button being visible, for the pane's page
 * (office.js refused: no network) and the preview page (which also loads and parses the example
 * workbook). Builds dist/ first when it is missing or older than the sources. Prints figures only.
 * Run: npx ts-node --transpile-only bench/bundle.ts
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import * as acorn from "acorn";
import { CHROMIUM, chromiumVersion, launch } from "../test/e2e/browser";
import { DIST, ensureBuild } from "../test/e2e/dist";
import { serveDir } from "../test/e2e/server";

const KB = 1024;
/** Everything taskpane.html runs before the pane is usable (its own scripts; office.js comes from Microsoft's CDN). */
const START_TARGET = 300 * KB;
const TARGETS: Record<string, number> = { "functions.js": 60 * KB };

/** The scripts a built page loads, in order (local ones only). */
export function pageScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)) if (!/^https?:/i.test(m[1])) out.push(m[1]);
  return out;
}

/** The module ids a built chunk defines: the keys of its `webpackChunkjuesuan.push([[ids], { id(…) {…}, … }])`. */
export function chunkModuleIds(code: string): string[] {
  const ids: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    const n = node as acorn.Node & Record<string, unknown>;
    if (n.type === "CallExpression") {
      const callee = n.callee as acorn.Node & { property?: { name?: string } };
      const args = n.arguments as acorn.Node[];
      const arg = args[0] as (acorn.Node & { elements?: acorn.Node[] }) | undefined;
      const mods = arg?.type === "ArrayExpression" ? (arg.elements?.[1] as (acorn.Node & { properties?: acorn.Property[] }) | undefined) : undefined;
      if (callee.type === "MemberExpression" && callee.property?.name === "push" && mods?.type === "ObjectExpression") {
        for (const p of mods.properties ?? []) {
          const k = p.key as acorn.Node & { value?: unknown; name?: string };
          ids.push(String(k.type === "Literal" ? k.value : k.name));
        }
        return;
      }
    }
    for (const v of Object.values(n)) {
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === "object" && typeof (v as { type?: unknown }).type === "string") visit(v);
    }
  };
  visit(acorn.parse(code, { ecmaVersion: "latest", sourceType: "script" }));
  return ids;
}

/**
 * What two of the deployed chunks (the page's scripts and the chunks loaded on demand) both hold: the same
 * webpack module, the same source file (from the source maps; a module concatenated into another keeps its
 * file there) or the same inlined data file (a JSON.parse literal over 1 KB: JSON files are not in the maps).
 * Empty when the core is there once.
 */
export function duplicates(files: string[]): string[] {
  const seen = new Map<string, Set<string>>();
  const note = (what: string, f: string) => (seen.get(what) ?? seen.set(what, new Set()).get(what)!).add(f);
  for (const f of files) {
    const code = fs.readFileSync(path.join(DIST, f), "utf8");
    for (const id of chunkModuleIds(code)) note(`module ${id}`, f);
    const map = path.join(DIST, `${f}.map`);
    if (fs.existsSync(map)) {
      for (const src of (JSON.parse(fs.readFileSync(map, "utf8")) as { sources: string[] }).sources) {
        if (!/^webpack:\/\/[^/]*\/webpack\//.test(src)) note(src.replace(/^webpack:\/\/[^/]*\//, ""), f);
      }
    }
    for (const m of code.matchAll(/JSON\.parse\('((?:[^'\\]|\\.){1024,})'\)/g)) note(`JSON ${m[1].slice(0, 60)}…`, f);
  }
  return [...seen].filter(([, fs_]) => fs_.size > 1).map(([what, fs_]) => `${what}: ${[...fs_].join(", ")}`);
}

const gzip = (p: string) => zlib.gzipSync(fs.readFileSync(p), { level: 9 }).length;

function sizes(): void {
  console.log(`${"file".padEnd(20)} ${"raw".padStart(10)} ${"gzip".padStart(10)}  target`);
  const scripts = pageScripts(fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8"));
  const others = fs.readdirSync(DIST).filter((f) => f.endsWith(".js") && !scripts.includes(f)).sort();
  let start = 0;
  for (const f of [...scripts, ...others]) {
    const p = path.join(DIST, f);
    if (!fs.existsSync(p)) continue;
    const raw = fs.statSync(p).size;
    const gz = gzip(p);
    if (scripts.includes(f)) start += gz;
    const t = TARGETS[f];
    const note = scripts.includes(f) ? "start load of taskpane.html" : f.startsWith("preview") || f.startsWith("runtime-preview") ? "(preview only, not deployed to Office)" : "loaded on demand";
    const target = t ? `≤ ${t / KB} KB: ${gz <= t ? "within" : `OVER by ${((gz - t) / KB).toFixed(1)} KB`}; ${note}` : note;
    console.log(`${f.padEnd(20)} ${(raw / KB).toFixed(1).padStart(7)} KB ${(gz / KB).toFixed(1).padStart(7)} KB  ${target}`);
  }
  const verdict = start <= START_TARGET ? "within" : `OVER by ${((start - START_TARGET) / KB).toFixed(1)} KB`;
  console.log(`taskpane.html start load (${scripts.join(" + ")}): ${(start / KB).toFixed(1)} KB gzipped; target ≤ ${START_TARGET / KB} KB: ${verdict}`);
  const deployed = [...scripts, ...others].filter((f) => fs.existsSync(path.join(DIST, f)) && !f.startsWith("preview") && !f.startsWith("runtime-preview"));
  const dups = duplicates(deployed);
  console.log(dups.length === 0 ? "one copy of each module in the deployed chunks" : `DUPLICATED in the deployed chunks (${dups.length}):\n  ${dups.join("\n  ")}`);
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

if (require.main === module) (async () => {
  ensureBuild((s) => console.log(s));
  sizes();
  await firstRender();
})().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
