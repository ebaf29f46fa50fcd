/**
 * Browser tests (`npm run test:e2e`): the production build in Debian's chromium, as a user would use
 * it — the preview page (the real task pane over the simulated Excel) and the pane's own page.
 * Expected values are computed in Node from the same .xlsx files with the project's own reader,
 * checker and generator, so the browser must show exactly what the CLI computes.
 * Screenshots go to test-artifacts/e2e/; UPDATE_SCREENSHOT=1 also copies the 检查 one to docs/screenshot.png.
 */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { readXlsx } from "../../cli/adapters/xlsx";
import { checkWorkbook } from "../../src/checks";
import { narrativeSections } from "../../src/checks/report";
import { generateNarrative } from "../../src/narrative/generate";
import { readForms } from "../../src/perf";
import { readReport } from "../../src/reader";
import { ALL_SEVERITIES, findingsView, navTarget } from "../../taskpane/components/findingsModel";
import { cspViolations, chromiumVersion, launch, type Browser, type PageLog } from "./browser";
import { DIST, ROOT, ensureBuild } from "./dist";
import { serveDir, type StaticServer } from "./server";
import { BAZHONG, EXAMPLE, LONG, XSS, brokenExample, cleanup, hostileExample } from "./workbooks";
import { paneLayoutScenarios } from "./paneLayout";

/** What the preview page exposes for tests (preview/preview.tsx, window.__juesuanPreview). */
interface PreviewWindow {
  __juesuanPreview?: { state: { selection: { sheet: string; address: string } | null; sheets: { name: string }[] } | null };
}

const ARTIFACTS = path.join(ROOT, "test-artifacts/e2e");
const TIMEOUT = 30_000;

interface Expected {
  /** data-testid of each finding button → where it must navigate. */
  targets: { testId: string; sheet: string; cell: string }[];
  total: number;
}

async function expectedFindings(file: string): Promise<Expected> {
  const snapshot = await readXlsx(file);
  const r = checkWorkbook(snapshot);
  const sections = narrativeSections(r.model.narrative?.paragraphs ?? []);
  const view = findingsView(r.findings, ALL_SEVERITIES, { recognition: r.model.recognition, sections });
  const targets: Expected["targets"] = [];
  for (const g of view.groups) {
    g.findings.forEach((f, i) => {
      const t = navTarget(f);
      if (t) targets.push({ testId: `finding-${g.id}-${i}`, sheet: t.sheet, cell: t.cell ?? `A${t.row ?? 1}` });
    });
  }
  return { targets, total: r.findings.length };
}

// ------------------------------------------------------------------ page helpers

const byId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

async function openPreview(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/preview.html`);
  await byId(page, "preview-file").filter({ hasText: "example-sichuan-2020.xlsx" }).waitFor({ timeout: TIMEOUT });
  await byId(page, "tab-check").waitFor({ state: "visible", timeout: TIMEOUT });
}

async function loadFile(page: Page, file: string): Promise<void> {
  await byId(page, "preview-file-input").setInputFiles(file);
  await byId(page, "preview-file").filter({ hasText: path.basename(file) }).waitFor({ timeout: TIMEOUT });
  await byId(page, "tab-check").waitFor({ state: "visible", timeout: TIMEOUT });
}

async function runChecks(page: Page): Promise<void> {
  await byId(page, "check-run").click();
  await byId(page, "check-summary").waitFor({ timeout: TIMEOUT });
}

async function selection(page: Page): Promise<{ sheet: string; address: string } | null> {
  return page.evaluate(() => (window as unknown as PreviewWindow).__juesuanPreview?.state?.selection ?? null);
}

async function waitSelection(page: Page, sheet: string, cell: string): Promise<void> {
  const want = `${sheet}!${cell}`;
  try {
    await page.waitForFunction((w) => {
      const s = (window as unknown as PreviewWindow).__juesuanPreview?.state?.selection;
      return !!s && `${s.sheet}!${s.address.split(":")[0]}` === w;
    }, want, { timeout: TIMEOUT });
  } catch {
    assert.fail(`selection should be ${want}, is ${JSON.stringify(await selection(page))}`);
  }
  // The read-only workbook view shows the same sheet and highlights the cell.
  await page.locator(`[data-testid="preview-grid"][data-sheet="${sheet}"] [data-testid="cell-${cell}"][aria-selected="true"]`).waitFor({ timeout: TIMEOUT });
  assert.equal(await byId(page, "preview-active-sheet").textContent(), sheet);
}

async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

async function assertClean(page: Page, log: PageLog): Promise<void> {
  assert.deepEqual(log.offHost, [], "requests left localhost");
  assert.deepEqual(await cspViolations(page, log), [], "CSP violations");
  assert.deepEqual(log.pageErrors, [], "uncaught page errors");
  assert.deepEqual(log.dialogs, [], "dialogs opened");
}

// ------------------------------------------------------------------ scenarios

type Scenario = { name: string; run(ctx: { browser: Browser; origin: string }): Promise<void> };
const scenarios: Scenario[] = [];
const scenario = (name: string, run: Scenario["run"]) => scenarios.push({ name, run });

scenario("预览页默认载入示例工作簿，检查无问题；识别页列出九张表", async ({ browser, origin }) => {
  const { page, log } = await browser.newPage();
  await openPreview(page, origin);
  const expected = await expectedFindings(EXAMPLE);
  await runChecks(page);
  assert.equal(expected.total, 0, "the example workbook is clean");
  await byId(page, "check-clean").waitFor();
  await byId(page, "tab-recognition").click();
  await byId(page, "recognition-tables").waitFor({ timeout: TIMEOUT });
  const model = readReport(await readXlsx(EXAMPLE));
  for (const key of Object.keys(model.tables)) await byId(page, `recognition-table-${key}`).waitFor();
  await shot(page, "recognition");
  await assertClean(page, log);
  await page.close();
});

scenario("检查：有错误的工作簿显示问题，点击问题后模拟 Excel 选中对应工作表和单元格", async ({ browser, origin }) => {
  const { page, log } = await browser.newPage();
  await openPreview(page, origin);
  const file = await brokenExample();
  const expected = await expectedFindings(file);
  assert.ok(expected.targets.length >= 2, "the broken example has findings with cells");
  await loadFile(page, file);
  await runChecks(page);
  const total = await byId(page, "check-summary").textContent();
  assert.ok(total?.includes(`共 ${expected.total} 条`), `summary: ${total}`);
  for (const t of expected.targets) await byId(page, t.testId).waitFor();
  const last = expected.targets[expected.targets.length - 1];
  await byId(page, last.testId).click();
  await waitSelection(page, last.sheet, last.cell);
  const first = expected.targets[0];
  await byId(page, first.testId).click();
  await waitSelection(page, first.sheet, first.cell);
  const screenshot = await shot(page, "check");
  if (process.env.UPDATE_SCREENSHOT === "1") fs.copyFileSync(screenshot, path.join(ROOT, "docs/screenshot.png"));
  await assertClean(page, log);
  await page.close();
});

scenario("键盘：Tab 进入问题列表，方向键移动，回车定位", async ({ browser, origin }) => {
  const { page, log } = await browser.newPage();
  await openPreview(page, origin);
  const file = await brokenExample();
  const expected = await expectedFindings(file);
  await loadFile(page, file);
  await byId(page, "check-run").focus();
  await page.keyboard.press("Enter");
  await byId(page, "check-summary").waitFor({ timeout: TIMEOUT });
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? "");
  let id = await focused();
  for (let i = 0; i < 40 && !id.startsWith("finding-"); i++) {
    await page.keyboard.press("Tab");
    id = await focused();
  }
  assert.equal(id, expected.targets[0].testId, "Tab reaches the first finding");
  await page.keyboard.press("ArrowDown");
  assert.equal(await focused(), expected.targets[1].testId, "ArrowDown moves to the next finding");
  await page.keyboard.press("Enter");
  await waitSelection(page, expected.targets[1].sheet, expected.targets[1].cell);
  await page.keyboard.press("ArrowUp");
  assert.equal(await focused(), expected.targets[0].testId, "ArrowUp moves back");
  await page.keyboard.press("Enter");
  await waitSelection(page, expected.targets[0].sheet, expected.targets[0].cell);
  await assertClean(page, log);
  await page.close();
});

scenario("生成：按“生成”显示情况说明，写入工作表", async ({ browser, origin }) => {
  const { page, log } = await browser.newPage();
  await openPreview(page, origin);
  // As `juesuan narrate` and the pane do: the performance forms give 十(四) its project summaries.
  const snapshot = await readXlsx(EXAMPLE);
  const generated = generateNarrative(readReport(snapshot), { forms: readForms(snapshot) });
  await byId(page, "tab-generate").click();
  await byId(page, "gen-run").click();
  const preview = byId(page, "gen-preview");
  await preview.waitFor({ timeout: TIMEOUT });
  const text = (await preview.innerText()).replace(/\s+/g, "");
  const paras = generated.paragraphs.map((p) => p.text.replace(/\s+/g, "")).filter((t) => t.length > 0);
  assert.ok(paras.length > 5, "the generator writes paragraphs");
  for (const p of paras) assert.ok(text.includes(p), `generated paragraph missing in the pane: ${p.slice(0, 60)}`);
  await shot(page, "generate");
  await byId(page, "gen-docx").click();
  await byId(page, "gen-docx-link").waitFor({ timeout: TIMEOUT });
  await byId(page, "gen-write").click();
  await byId(page, "gen-written").waitFor({ timeout: TIMEOUT });
  const sheets = await page.evaluate(() => (window as unknown as PreviewWindow).__juesuanPreview?.state?.sheets.map((s) => s.name) ?? []);
  assert.ok(sheets.includes("情况说明（生成）"), `sheets after writing: ${sheets.join(",")}`);
  await assertClean(page, log);
  await page.close();
});

scenario("绩效：打开项目，表单显示工作簿中的内容", async ({ browser, origin }) => {
  const { page, log } = await browser.newPage();
  await openPreview(page, origin);
  const forms = readForms(await readXlsx(EXAMPLE));
  assert.ok(forms.length > 0, "the example workbook has performance forms");
  await byId(page, "tab-perf").click();
  await byId(page, "perf-projects").waitFor({ timeout: TIMEOUT });
  const last = forms.length - 1;
  await byId(page, `perf-project-${last}`).click();
  await byId(page, "perf-form").waitFor();
  const name = forms[last].name;
  assert.ok(name.source, "the form has a name cell");
  const input = byId(page, `perf-cell-${name.source!.cell}`);
  assert.equal(await input.inputValue(), name.text);
  await shot(page, "perf");
  // edit the name, save, confirm: only that cell of the form's sheet is written
  await input.fill(`${name.text}（改）`);
  await byId(page, "perf-save").click();
  await byId(page, "perf-confirm").waitFor({ timeout: TIMEOUT });
  await byId(page, "perf-confirm-save").click();
  await byId(page, "perf-confirm").waitFor({ state: "detached", timeout: TIMEOUT });
  const sheet = forms[last].sheet;
  const cell = name.source!.cell;
  await page.waitForFunction(
    ([sh, a, want]) => {
      const st = (window as unknown as { __juesuanPreview?: { state?: { sheet(n: string): { cell(a: string): unknown } | undefined } } }).__juesuanPreview?.state;
      return st?.sheet(sh)?.cell(a) === want;
    },
    [sheet, cell, `${name.text}（改）`] as const,
    { timeout: TIMEOUT },
  );
  await assertClean(page, log);
  await page.close();
});

scenario("巴中 2020（../shared/fixtures）：通过文件选择载入，问题数与命令行一致，点击定位", async ({ browser, origin }) => {
  if (!fs.existsSync(BAZHONG)) {
    process.stdout.write("  （跳过：没有 ../shared/fixtures/bazhong-2020.xlsx）\n");
    return;
  }
  const { page, log } = await browser.newPage();
  await openPreview(page, origin);
  const expected = await expectedFindings(BAZHONG);
  await loadFile(page, BAZHONG);
  await runChecks(page);
  const total = await byId(page, "check-summary").textContent();
  assert.ok(total?.includes(`共 ${expected.total} 条`), `summary: ${total}, want ${expected.total}`);
  const picks = [expected.targets[0], expected.targets[Math.floor(expected.targets.length / 2)], expected.targets[expected.targets.length - 1]];
  for (const t of picks) {
    await byId(page, t.testId).scrollIntoViewIfNeeded();
    await byId(page, t.testId).click();
    await waitSelection(page, t.sheet, t.cell);
  }
  await shot(page, "check-bazhong");
  await assertClean(page, log);
  await page.close();
});

scenario("稳健性：单元格中的 HTML 和 10 000 字符的文本只作为文本显示，窗格不变宽", async ({ browser, origin }) => {
  const { page, log } = await browser.newPage();
  await openPreview(page, origin);
  await loadFile(page, await hostileExample());
  await runChecks(page);
  await byId(page, "tab-recognition").click();
  await byId(page, "recognition-tables").waitFor({ timeout: TIMEOUT });
  await byId(page, "tab-generate").click();
  await byId(page, "gen-run").click();
  await page.locator('[data-testid="gen-preview"], [data-testid="gen-error"]').first().waitFor({ timeout: TIMEOUT });
  // The workbook view shows the payload as text.
  await page.locator('[data-testid="preview-sheet-tabs"] button', { hasText: "公开01表" }).click();
  assert.equal(await byId(page, "cell-A14").textContent(), XSS);
  assert.equal(await byId(page, "cell-D29").textContent(), LONG);
  // The pane shows it as text somewhere too (the unit name in the generated text, or a label).
  const paneText = await byId(page, "preview-pane").innerText();
  const panelsText = await page.evaluate(() => Array.from(document.querySelectorAll('[role="tabpanel"]')).map((e) => e.textContent ?? "").join("\n"));
  assert.ok(paneText.includes(XSS) || panelsText.includes(XSS), "the payload appears as text in the pane");
  const injected = await page.evaluate(() => document.querySelectorAll('img[src="x"], [onerror]').length);
  assert.equal(injected, 0, "no element built from cell text");
  for (const tab of ["check", "generate", "recognition"]) {
    await byId(page, `tab-${tab}`).click();
    const w = await byId(page, "preview-pane").evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    assert.ok(w.scroll <= w.client + 1, `${tab}: pane content ${w.scroll}px wider than the pane ${w.client}px`);
    const doc = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    assert.ok(doc.scroll <= doc.client + 1, `${tab}: page wider than the window`);
  }
  await shot(page, "robustness");
  await page.waitForTimeout(300); // give a would-be onerror handler time to fire
  await assertClean(page, log);
  await page.close();
});

scenario("任务窗格页面（生产版）：CSP 生效，无 office.js 时仍显示窗格并给出中文提示", async ({ browser, origin }) => {
  const { page, log } = await browser.newPage();
  await page.goto(`${origin}/taskpane.html`);
  await byId(page, "tab-check").waitFor({ state: "visible", timeout: TIMEOUT });
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "");
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' https:\/\/appsforoffice\.microsoft\.com[ ;]/);
  assert.match(csp, /object-src 'none'/);
  // The CSP meta precedes every script tag, office.js included.
  const order = await page.evaluate(() => {
    const els = Array.from(document.head.children);
    const meta = els.findIndex((e) => e.getAttribute("http-equiv") === "Content-Security-Policy");
    const script = els.findIndex((e) => e.tagName === "SCRIPT");
    return { meta, script };
  });
  assert.ok(order.meta >= 0 && order.meta < order.script, "CSP meta before the scripts");
  await byId(page, "check-run").click();
  await byId(page, "check-error").waitFor({ timeout: TIMEOUT });
  assert.match((await byId(page, "check-error").innerText()) ?? "", /Excel/);
  assert.ok(log.officeJs.length > 0, "the page asked for office.js (refused: no network)");
  await shot(page, "taskpane-without-office");
  // functions.js (custom functions) calls CustomFunctions.associate, which only office.js defines.
  log.pageErrors = log.pageErrors.filter((e) => !/CustomFunctions is not defined/.test(e));
  await assertClean(page, log);
  await page.close();
});

scenario("内容安全策略：脚本注入被拒绝并报告（证明检测有效）", async ({ browser, origin }) => {
  const { page, log } = await browser.newPage();
  await openPreview(page, origin);
  await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__injected = 1";
    document.body.appendChild(s);
  });
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected), undefined);
  assert.ok((await cspViolations(page, log)).length > 0, "the injected inline script is reported as a CSP violation");
  await page.close();
});

// issue 15: narrow pane, 绩效 live recompute, 生成 banner and charts, the preview page (test/e2e/paneLayout.ts)
scenarios.push(...paneLayoutScenarios);

// ------------------------------------------------------------------ runner

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  ensureBuild();
  let server: StaticServer | null = null;
  let browser: Browser | null = null;
  let failed = 0;
  try {
    server = await serveDir(DIST);
    browser = await launch();
    process.stdout.write(`浏览器测试：${chromiumVersion()}，${server.origin}\n`);
    for (const s of scenarios) {
      if (only.length > 0 && !only.some((o) => s.name.includes(o))) continue;
      const t0 = Date.now();
      try {
        await s.run({ browser, origin: server.origin });
        process.stdout.write(`  ✓ ${s.name} (${Date.now() - t0} ms)\n`);
      } catch (e) {
        failed++;
        process.stdout.write(`  ✗ ${s.name}\n    ${e instanceof Error ? (e.stack ?? e.message).split("\n").slice(0, 6).join("\n    ") : String(e)}\n`);
        for (const p of browser.context.pages()) {
          await p.screenshot({ path: path.join(ARTIFACTS, `failed-${scenarios.indexOf(s)}.png`) }).catch(() => undefined);
          await p.close().catch(() => undefined);
        }
      }
    }
  } finally {
    await browser?.close();
    await server?.close();
    cleanup();
  }
  process.stdout.write(failed === 0 ? `浏览器测试全部通过（截图：${path.relative(ROOT, ARTIFACTS)}/）\n` : `${failed} 个浏览器测试失败\n`);
  process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((e) => {
  process.stderr.write(`浏览器测试无法运行：${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
