/**
 * The custom functions the way Excel runs them: the production bundle built by webpack (with
 * the CustomFunctions.associate calls appended by custom-functions-metadata-plugin) loaded in a
 * fresh VM context with a stub CustomFunctions, then each id called with Excel-shaped arguments.
 * Also checks the generated functions.json. The build goes to test-artifacts/functions-build and
 * is reused while newer than every source file.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import * as zlib from "zlib";

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.join(ROOT, "test-artifacts", "functions-build");
const IDS = ["EXECRATE", "YOYCHANGE", "YOYRATE", "SHARE", "SHARES", "YOYTEXT", "EXECTEXT", "WANYUAN", "TIE"];

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newestMtime(path.join(p, f))), st.mtimeMs);
}

function ensureBuild(): void {
  const bundle = path.join(OUT, "functions.js");
  const sources = ["functions", "src", "taskpane", "webpack.config.js", "manifest.xml"].map((p) => path.join(ROOT, p));
  const fresh = fs.existsSync(bundle) && fs.existsSync(path.join(OUT, "functions.json")) &&
    fs.statSync(bundle).mtimeMs > Math.max(...sources.filter((p) => fs.existsSync(p)).map(newestMtime));
  if (fresh) return;
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", OUT], {
    cwd: ROOT,
    stdio: "pipe",
  });
}

/**
 * CustomFunctions.Error as documented: "Custom messages are only available with certain error codes"
 * — #VALUE! and #N/A; for #DIV/0!, #NUM!, #NULL! … "a custom error message can't be used"
 * (CustomFunctions.ErrorCode, learn.microsoft.com). The stub refuses the rest, so a shell that
 * passes one fails here.
 */
/** The local scripts of the built taskpane.html, in order. */
function pageScripts(): string[] {
  const html = fs.readFileSync(path.join(OUT, "taskpane.html"), "utf8");
  return Array.from(html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi), (m) => m[1]).filter((src) => !/^https?:/i.test(src));
}

class StubError {
  constructor(public code: string, public message?: string) {
    if (message !== undefined && code !== "#VALUE!" && code !== "#N/A") throw new Error(`${code} cannot carry a custom message`);
  }
}

type Fn = (...args: unknown[]) => unknown;
let functions: Record<string, Fn>;
let metadata: { functions: Array<{ id: string; name: string; description: string; parameters: Array<{ name: string; description: string; dimensionality?: string; optional?: boolean }>; result: { dimensionality?: string } }> };

beforeAll(() => {
  ensureBuild();
  functions = {};
  const CustomFunctions = {
    associate: (id: string, fn: Fn) => {
      functions[id] = fn;
    },
    Error: StubError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!" },
  };
  const context: Record<string, unknown> = { CustomFunctions, console };
  context.self = context;
  context.window = context;
  vm.createContext(context);
  // What taskpane.html runs, in its order, up to the custom functions (the pane needs a DOM): the
  // shared webpack runtime, the shared chunk, the commands and the functions.
  for (const f of pageScripts()) {
    if (f === "taskpane.js") continue;
    vm.runInContext(fs.readFileSync(path.join(OUT, f), "utf8"), context, { filename: f });
  }
  metadata = JSON.parse(fs.readFileSync(path.join(OUT, "functions.json"), "utf8"));
}, 180_000);

const call = (id: string, ...args: unknown[]) => functions[id](...args);
const err = (code: string, message?: string) => expect.objectContaining(message ? { code, message } : { code });

test("the bundle associates exactly the contract ids", () => {
  expect(Object.keys(functions).sort()).toEqual([...IDS].sort());
});

test("EXECRATE", () => {
  expect(call("EXECRATE", 63.38, 75)).toBe(84.51);
  expect(call("EXECRATE", "2,940.05", "2,940.05", null)).toBe(100);
  expect(call("EXECRATE", 5, 0)).toEqual({ code: "#DIV/0!", message: undefined });
  // a blank decimals cell: null on the web, 0 on desktop — one answer
  expect(call("EXECRATE", 63.38, 75, 0)).toBe(call("EXECRATE", 63.38, 75, null));
  expect(call("EXECRATE", 5, null)).toEqual(err("#DIV/0!"));
  expect(call("EXECRATE", true, 5)).toEqual(err("#VALUE!"));
  expect(call("EXECRATE", "abc", 5)).toBeInstanceOf(StubError);
});

test("YOYCHANGE and YOYRATE", () => {
  expect(call("YOYCHANGE", 0.3, 0.1)).toBe(0.2);
  expect(call("YOYCHANGE", "235.99", 393.38)).toBe(-157.39);
  expect(call("YOYRATE", 235.99, 393.38)).toBe(-40.01);
  expect(call("YOYRATE", 0, 0)).toBe(0);
  expect(call("YOYRATE", 12, 0)).toEqual({ code: "#DIV/0!", message: undefined });
  expect(call("YOYRATE", 12, "#N/A")).toEqual(err("#N/A"));
});

test("SHARE and SHARES (spilled column, sums to 100)", () => {
  expect(call("SHARE", 131.63, 223.34)).toBe(58.94);
  expect(call("SHARE", 1, 0)).toEqual(err("#DIV/0!"));
  expect(call("SHARES", [[131.63], [91.71], [0], [null], ["-"]])).toEqual([[58.94], [41.06], [0], [0], [0]]);
  expect(call("SHARES", [[1], [1], [1]])).toEqual([[33.34], [33.33], [33.33]]);
  expect(call("SHARES", [[0], [0]])).toEqual([[err("#DIV/0!")]]);
});

test("YOYTEXT and EXECTEXT", () => {
  expect(call("YOYTEXT", 235.99, 393.38)).toBe("减少157.39万元，下降40.01%");
  expect(call("YOYTEXT", 100, 100, null)).toBe("与上年持平");
  expect(call("YOYTEXT", 12, 0)).toBe("增加12万元（上年无此项，增长率无可比性）");
  expect(call("YOYTEXT", 12, 0, 0)).toBe("增加12万元（上年无此项，增长率无可比性）");
  expect(call("EXECTEXT", 75, 75)).toBe("完成预算100%");
  expect(call("EXECTEXT", 106.13, 117.77)).toBe("完成预算90.12%，决算数小于预算数");
  expect(call("EXECTEXT", 0, 0)).toBe("未安排预算，无此项支出");
});

test("WANYUAN and TIE", () => {
  expect(call("WANYUAN", 10050)).toBe(1.01);
  expect(call("WANYUAN", "1,061,349.00")).toBe(106.13);
  expect(call("TIE", 223.34, [[131.63], [91.71]])).toBe("一致");
  expect(call("TIE", 100, [[33.33], [33.33], [33.33]])).toBe("尾差0.01");
  expect(call("TIE", 100, [[50], [49]], null)).toBe("不一致：差1.00万元");
  expect(call("TIE", 100, [[50], ["#REF!"]])).toEqual(err("#N/A"));
  // blank parts arrive as 0 inside ranges, sometimes as null: the tolerance counts non-zero parts
  expect(call("TIE", 100.02, [[50], [50], [0], [0]])).toBe(call("TIE", 100.02, [[50], [50], [null], [null]]));
});

test("functions.json: every id, Chinese descriptions and parameter help", () => {
  const byId = new Map(metadata.functions.map((f) => [f.id, f]));
  for (const id of IDS) {
    const f = byId.get(id);
    expect(f).toBeDefined();
    expect(f!.name).toBe(id);
    expect(f!.description).toMatch(/[\u4e00-\u9fff]/);
    expect(f!.parameters.length).toBeGreaterThan(0);
    for (const p of f!.parameters) expect(p.description).toMatch(/[\u4e00-\u9fff]/);
  }
  expect(byId.get("SHARES")!.result.dimensionality).toBe("matrix");
  expect(byId.get("SHARES")!.parameters[0].dimensionality).toBe("matrix");
  expect(byId.get("TIE")!.parameters[1].dimensionality).toBe("matrix");
  expect(byId.get("EXECRATE")!.parameters[2]).toEqual(expect.objectContaining({ name: "decimals", optional: true }));
  expect(JSON.stringify(metadata)).not.toMatch(/"volatile":\s*true/);
  // The generator does not declare allowErrorForDataTypeAny, so an error-valued argument never reaches
  // a function (Excel shows that error itself); README must not promise otherwise.
  expect((metadata as Record<string, unknown>).allowErrorForDataTypeAny).toBeUndefined();
});

describe("one page, one copy of the core", () => {
  test("taskpane.html runs commands first, then the functions, then the pane, on one webpack runtime", () => {
    expect(pageScripts()).toEqual(["runtime.js", "shared.js", "commands.js", "functions.js", "taskpane.js"]);
  });

  test("the start load (every script taskpane.html runs) is at most 300 KB gzipped", () => {
    const total = pageScripts().reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(OUT, f)), { level: 9 }).length, 0);
    expect(total).toBeLessThanOrEqual(300 * 1024);
  });

  test("the core is in shared.js only: no source module is bundled in two of the page's scripts", () => {
    // webpack names each module by its path in the production bundle's module map: "./src/money/decimal.ts" etc.
    const seen = new Map<string, string>();
    for (const f of pageScripts()) {
      const map = JSON.parse(fs.readFileSync(path.join(OUT, `${f}.map`), "utf8")) as { sources: string[] };
      for (const src of map.sources) {
        if (!/\/(src|taskpane|functions)\/|node_modules/.test(src) || /webpack\/(runtime|bootstrap)/.test(src)) continue;
        expect(`${src} in ${seen.get(src) ?? f}`).toBe(`${src} in ${f}`);
        seen.set(src, f);
      }
    }
    expect([...seen.values()]).toContain("shared.js");
    expect(seen.get([...seen.keys()].find((k) => k.endsWith("src/money/decimal.ts"))!)).toBe("shared.js");
  });
});
