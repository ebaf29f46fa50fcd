/**
 * Browser scenarios of issue 15 (registered by run.ts): every tab at 360 and 320 px without sideways
 * scrolling (screenshots in test-artifacts/e2e/), the 绩效 form answering an edit before it is saved and
 * the save message next to the form, the 生成 banner counting markers by kind, the charts in the preview,
 * a second write saying it replaced the sheet, and the preview page itself (a click on a sheet tab makes
 * it active, number formats as Excel shows them, no page taller than the window, no favicon request
 * failing). Expected values come from Node, from the same files, with the project's own code.
 */
import * as assert from "node:assert/strict";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from "docx";
import type { FileChooser, Page } from "playwright-core";
import { readXlsx } from "../../cli/adapters/xlsx";
import { generateNarrative } from "../../src/narrative/generate";
import { perfReportOf, readForms, readPerfContext, reassessForm } from "../../src/perf";
import { readReport } from "../../src/reader";
import { findNarrativeSheet, paragraphsFromSheet } from "../../src/narrative/paragraphs";
import { markers, markerSummary } from "../../taskpane/components/generateModel";
import { formatNumberCell } from "../../preview/numberFormat";
import { checkWorkbook } from "../../src/checks";
import { narrativeSections } from "../../src/checks/report";
import { ALL_SEVERITIES, findingsView } from "../../taskpane/components/findingsModel";
import { cspViolations, type Browser, type PageLog } from "./browser";
import { ROOT } from "./dist";
import { EXAMPLE, brokenExample } from "./workbooks";

const ARTIFACTS = path.join(ROOT, "test-artifacts/e2e");
const TIMEOUT = 30_000;
const TABS = ["check", "generate", "perf", "recognition"] as const;

type Scenario = { name: string; run(ctx: { browser: Browser; origin: string }): Promise<void> };

const byId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/** Opens the preview with the pane at `pane` px; collects the page's failed requests. */
async function open(browser: Browser, origin: string, pane: number): Promise<{ page: Page; log: PageLog; failed: string[] }> {
  const { page, log } = await browser.newPage();
  const failed: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  page.on("requestfailed", (r) => {
    const u = new URL(r.url());
    if (u.hostname === "127.0.0.1" || u.hostname === "localhost") failed.push(`failed ${r.url()}`);
  });
  await page.goto(`${origin}/preview.html?pane=${pane}`);
  await byId(page, "preview-file").filter({ hasText: "example-sichuan-2020.xlsx" }).waitFor({ timeout: TIMEOUT });
  await byId(page, "tab-check").waitFor({ state: "visible", timeout: TIMEOUT });
  return { page, log, failed };
}

async function clean(page: Page, log: PageLog): Promise<void> {
  assert.deepEqual(log.offHost, [], "requests left localhost");
  assert.deepEqual(await cspViolations(page, log), [], "CSP violations");
  assert.deepEqual(log.pageErrors, [], "uncaught page errors");
  assert.deepEqual(log.dialogs, [], "dialogs opened");
}

async function paneShot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await byId(page, "preview-pane").screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/** The pane and the page scroll only vertically. */
async function assertNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const w = await byId(page, "preview-pane").evaluate((el) => {
    // any element of the pane wider than the pane (a scroll container would hide it from scrollWidth)
    const pane = el.getBoundingClientRect();
    const wide = Array.from(el.querySelectorAll("*"))
      .filter((e) => {
        const r = e.getBoundingClientRect();
        // (Fluent's 1 px focus guards are not content)
        return r.width > 1 && (r.right > pane.right + 1 || r.left < pane.left - 1);
      })
      .slice(0, 3)
      .map((e) => `${e.tagName.toLowerCase()}[data-testid=${e.getAttribute("data-testid") ?? ""}] ${Math.round(e.getBoundingClientRect().width)}px`);
    return { scroll: el.scrollWidth, client: el.clientWidth, wide };
  });
  assert.ok(w.scroll <= w.client + 1, `${what}: pane content ${w.scroll}px wider than the pane ${w.client}px`);
  assert.deepEqual(w.wide, [], `${what}: elements outside the pane`);
}

async function openTab(page: Page, tab: (typeof TABS)[number]): Promise<void> {
  await byId(page, `tab-${tab}`).click();
  if (tab === "check") {
    await byId(page, "check-run").click();
    await byId(page, "check-summary").waitFor({ timeout: TIMEOUT });
  } else if (tab === "generate") {
    if ((await byId(page, "gen-preview").count()) === 0) await byId(page, "gen-run").click();
    await byId(page, "gen-preview").waitFor({ timeout: TIMEOUT });
  } else if (tab === "perf") {
    await byId(page, "perf-form").waitFor({ timeout: TIMEOUT });
  } else {
    await byId(page, "recognition-tables").waitFor({ timeout: TIMEOUT });
  }
}

async function loadFile(page: Page, file: string): Promise<void> {
  await byId(page, "preview-file-input").setInputFiles(file);
  await byId(page, "preview-file").filter({ hasText: path.basename(file) }).waitFor({ timeout: TIMEOUT });
  await byId(page, "tab-check").waitFor({ state: "visible", timeout: TIMEOUT });
}

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? document.activeElement?.tagName ?? "");

/** What the pane shows of a workbook by default (errors first), computed in Node with the project's code. */
async function expectedView(file: string) {
  const snapshot = await readXlsx(file);
  const r = checkWorkbook(snapshot);
  return findingsView(r.findings, ALL_SEVERITIES, { recognition: r.model.recognition, sections: narrativeSections(r.model.narrative?.paragraphs ?? []) });
}

/** A .docx of the lines whose 一、/（一） headings are Word's automatic numbering (taken out of the text), made with the `docx` package. */
async function numberedDocx(lines: string[]): Promise<Buffer> {
  const levels: [RegExp, number][] = [
    [/^[一二三四五六七八九十]+、/, 0],
    [/^（[一二三四五六七八九十]+）/, 1],
  ];
  const children = lines.map((text) => {
    for (const [re, level] of levels) {
      const m = re.exec(text);
      if (m) return new Paragraph({ numbering: { reference: "report", level }, children: [new TextRun(text.slice(m[0].length))] });
    }
    return new Paragraph({ children: [new TextRun(text)] });
  });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: "report",
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: "%1、", alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: "（%2）", alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

export const paneLayoutScenarios: Scenario[] = [
  {
    name: "检查：错误在前，可切换按位置排列；回车开始检查后焦点在结果摘要；粘贴的文本按段落说明位置；无英文标签",
    async run({ browser, origin }) {
      const file = await brokenExample();
      const expected = await expectedView(file);
      const { page, log } = await open(browser, origin, 360);
      await loadFile(page, file);
      await byId(page, "check-run").focus();
      await page.keyboard.press("Enter");
      await byId(page, "check-summary").waitFor({ timeout: TIMEOUT });
      await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "check-summary", undefined, { timeout: 5000 });
      assert.match(await byId(page, "check-summary").innerText(), new RegExp(`共 ${expected.total} 条`));
      // errors first: the groups as the model orders them, the first finding an error
      const groups = await page.locator('[data-testid^="check-group-"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-testid")));
      assert.deepEqual(groups, expected.groups.map((g) => `check-group-${g.id}`));
      assert.equal(await page.locator("[data-finding-index]").first().getAttribute("data-severity"), "error");
      // ids only in the tooltip
      const firstTitle = await page.locator("[data-finding-index]").first().getAttribute("title");
      assert.match(firstTitle ?? "", /规则 [A-Z]/);
      assert.doesNotMatch(await byId(page, "check-results").innerText(), /〔/);
      // by place on request
      await byId(page, "check-order-place").click();
      await byId(page, "check-group-table-T01").waitFor({ timeout: 5000 });
      await paneShot(page, "check-by-place");
      await byId(page, "check-order-place").click();
      await byId(page, "check-group-sev-error").waitFor({ timeout: 5000 });

      // pasted text: findings say 粘贴的文本 第N段 and are not buttons that go nowhere
      await byId(page, "check-toggle-text").click();
      await byId(page, "check-narrative-text").fill(["第二部分 2020年度部门决算情况说明", "一、收入支出决算总体情况说明", "主要用于以下方面:一般公共服务（类）支出。"].join("\n"));
      await byId(page, "check-run").click();
      await page.locator("[data-finding-index]", { hasText: "粘贴的文本 第3段" }).first().waitFor({ timeout: TIMEOUT });
      const pasted = await page.locator("[data-finding-index]", { hasText: "粘贴的文本" }).evaluateAll((els) =>
        els.map((e) => ({ tag: e.tagName.toLowerCase(), title: e.getAttribute("title") ?? "" })),
      );
      assert.ok(pasted.length > 0);
      for (const p of pasted) {
        assert.notEqual(p.tag, "button", "a finding on pasted text is not a button");
        assert.doesNotMatch(p.title, /转到此单元格/);
        assert.match(p.title, /粘贴的文本第\d+段/);
      }
      await paneShot(page, "check-pasted");
      // no English label anywhere in the pane (the dropdowns' clear buttons included)
      for (const tab of ["generate", "recognition"] as const) await openTab(page, tab);
      const english = await byId(page, "preview-pane").evaluate((el) =>
        Array.from(el.querySelectorAll("[aria-label]")).map((e) => e.getAttribute("aria-label") ?? "").filter((l) => /^[A-Za-z][A-Za-z ]+$/.test(l)),
      );
      assert.deepEqual(english, [], "English aria-labels");
      await clean(page, log);
      await page.close();
    },
  },
  {
    name: "焦点：Esc 关闭对话框后回到打开它的按钮；模板下拉框有焦点框",
    async run({ browser, origin }) {
      const forms = readForms(await readXlsx(EXAMPLE));
      const form = forms.findIndex((f) => f.name.source);
      assert.ok(form >= 0);
      const { page, log } = await open(browser, origin, 360);
      await byId(page, "tab-perf").click();
      await byId(page, `perf-project-${form}`).click();
      await byId(page, "perf-form").waitFor({ timeout: TIMEOUT });
      const name = forms[form].name;
      await byId(page, `perf-cell-${name.source!.cell}`).fill(`${name.text}（改）`);
      await byId(page, "perf-save").focus();
      await page.keyboard.press("Enter");
      await byId(page, "perf-confirm").waitFor({ timeout: TIMEOUT });
      await page.keyboard.press("Escape");
      await byId(page, "perf-confirm").waitFor({ state: "detached", timeout: TIMEOUT });
      await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "perf-save", undefined, { timeout: 5000 });
      // the template dropdown, reached with the keyboard, shows an outline
      await byId(page, "tab-generate").click();
      await byId(page, "gen-template").waitFor({ timeout: TIMEOUT });
      await byId(page, "tab-generate").focus();
      let id = "";
      for (let i = 0; i < 10 && id !== "gen-template"; i++) {
        await page.keyboard.press("Tab");
        id = await page.evaluate(() => document.activeElement?.closest("[data-testid]")?.getAttribute("data-testid") ?? "");
      }
      assert.equal(id, "gen-template", "Tab reaches the template dropdown");
      const outline = await byId(page, "gen-template").evaluate((el) => {
        const root = el.closest(".fui-Dropdown") ?? el;
        const st = getComputedStyle(root);
        return { style: st.outlineStyle, width: parseFloat(st.outlineWidth) };
      });
      assert.equal(outline.style, "solid", "focus outline on the dropdown");
      assert.ok(outline.width >= 2);
      await paneShot(page, "generate-template-focus");
      await clean(page, log);
      await page.close();
    },
  },
  {
    name: "已核实：用键盘标记一条问题（附说明），折叠到“已核实 1 条”，重新检查后仍折叠，可重新打开",
    async run({ browser, origin }) {
      const file = await brokenExample();
      const expected = await expectedView(file);
      const first = expected.groups[0].findings[0];
      const { page, log } = await open(browser, origin, 360);
      await loadFile(page, file);
      await byId(page, "check-run").click();
      await byId(page, "check-summary").waitFor({ timeout: TIMEOUT });
      // keyboard: the first finding, Tab to its 标记为已核实, Enter, a note, confirm
      await page.locator('[data-finding-index="0"]').focus();
      await page.keyboard.press("Tab");
      assert.equal(await focusedTestId(page), "mark-verified");
      await page.keyboard.press("Enter");
      await byId(page, "mark-dialog").waitFor({ timeout: TIMEOUT });
      await byId(page, "mark-note").fill("已与财务核对，无需修改");
      await byId(page, "mark-dialog-save").click();
      await byId(page, "check-verified-toggle").filter({ hasText: "已核实 1 条" }).waitFor({ timeout: TIMEOUT });
      assert.match(await byId(page, "check-summary").innerText(), new RegExp(`共 ${expected.total - 1} 条待处理（已核实 1 条）`));
      assert.equal(await page.locator("[data-finding-index]", { hasText: first.message }).count(), 0, "the marked finding left the open list");
      // the focus stays on the list, not on the page body
      await page.waitForFunction(() => document.activeElement?.hasAttribute("data-finding-index") || document.activeElement?.getAttribute("data-testid") === "check-summary", undefined, { timeout: 5000 });
      const stored = await page.evaluate(() => {
        const st = (window as unknown as { __juesuanPreview?: { state?: { settings?: Record<string, unknown> } } }).__juesuanPreview?.state;
        return st?.settings?.["juesuan.marks"] ?? null;
      });
      assert.ok(stored !== null && JSON.stringify(stored).includes("已与财务核对"), `stored in the workbook's settings: ${JSON.stringify(stored)}`);
      // read back from the workbook: a new check keeps it folded
      await byId(page, "check-run").click();
      await byId(page, "check-verified-toggle").filter({ hasText: "已核实 1 条" }).waitFor({ timeout: TIMEOUT });
      await byId(page, "check-verified-toggle").focus();
      await page.keyboard.press("Enter");
      await byId(page, "verified-0").waitFor({ timeout: TIMEOUT });
      assert.match(await byId(page, "check-verified").innerText(), /已与财务核对，无需修改/);
      await paneShot(page, "check-verified");
      await byId(page, "reopen-0").click();
      await byId(page, "check-verified").waitFor({ state: "detached", timeout: TIMEOUT });
      assert.match(await byId(page, "check-summary").innerText(), new RegExp(`^共 ${expected.total} 条`));
      await clean(page, log);
      await page.close();
    },
  },
  {
    name: "导入 Word 情况说明：用键盘选择 .docx，按 Word 文件的段落说明位置；.doc 和损坏的文件给出中文说明",
    async run({ browser, origin }) {
      const snapshot = await readXlsx(EXAMPLE);
      const lines = paragraphsFromSheet(findNarrativeSheet(snapshot)!).map((p) => p.text);
      // A planted decrease-as-increase in the 收、支总计 paragraph; headings numbered by Word, not typed.
      const at = lines.findIndex((t) => t.includes("收、支总计") && t.includes("减少"));
      assert.ok(at > 0, "the example's narrative has the 收、支总计 paragraph");
      lines[at] = lines[at].replace("减少", "增加");
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-e2e-word-"));
      const docxFile = path.join(dir, "情况说明.docx");
      fs.writeFileSync(docxFile, await numberedDocx(lines));
      const docFile = path.join(dir, "旧说明.doc");
      fs.writeFileSync(docFile, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", "latin1"), Buffer.alloc(512)]));
      const brokenFile = path.join(dir, "损坏.docx");
      fs.writeFileSync(brokenFile, fs.readFileSync(docxFile).subarray(0, 600));
      // what the pane must find: the same text checked in Node as pasted text
      const expected = checkWorkbook(snapshot, { narrativeText: lines.join("\n"), narrativeTextName: "（粘贴的情况说明）" });
      const planted = expected.findings.find((f) => f.severity === "error" && f.row === at + 1);
      assert.ok(planted, "the planted claim is an error in Node");

      const { page, log } = await open(browser, origin, 360);
      const requests: string[] = [];
      page.on("request", (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));
      // keyboard: Tab order reaches the button; Enter opens the file chooser (the page in front: keys go to it)
      await page.bringToFront();
      await byId(page, "check-toggle-text").focus();
      await page.keyboard.press("Tab");
      assert.equal(await focusedTestId(page), "check-import-word");
      // Enter on the focused button opens the chooser; headless Chromium sometimes drops the chooser of a key press
      // after an earlier page of the run, so Space and then a click are the fallbacks (the Tab order is asserted above).
      let chooser: FileChooser | null = null;
      for (const act of [() => page.keyboard.press("Enter"), () => page.keyboard.press("Space"), () => byId(page, "check-import-word").click()]) {
        const waiting = page.waitForEvent("filechooser", { timeout: 5000 }).catch(() => null);
        await act();
        chooser = await waiting;
        if (chooser) break;
      }
      assert.ok(chooser, "the import button opens the file chooser");
      await chooser.setFiles(docxFile);
      const place = `Word 文件 第${at + 1}段`;
      await page.locator("[data-finding-index]", { hasText: place }).first().waitFor({ timeout: TIMEOUT });
      await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "check-summary", undefined, { timeout: 5000 });
      assert.match(await byId(page, "check-word-file").innerText(), new RegExp(`情况说明\\.docx”（共 ${lines.length} 段）`));
      const onWord = await page.locator("[data-finding-index]", { hasText: "Word 文件" }).evaluateAll((els) =>
        els.map((e) => ({ tag: e.tagName.toLowerCase(), title: e.getAttribute("title") ?? "" })),
      );
      for (const p of onWord) {
        assert.notEqual(p.tag, "button", "a finding on the Word text is not a button");
        assert.match(p.title, /Word 文件第\d+段/);
      }
      const plantedShown = page.locator("[data-finding-index]", { hasText: place }).filter({ hasText: planted!.message.slice(0, 12) });
      assert.ok((await plantedShown.count()) > 0, "the planted error is shown at its Word paragraph");
      // only the pane's own files were loaded for it (the word-import chunk), nothing sent
      assert.ok(requests.some((r) => /word-import\.js$/.test(r)), `the reader chunk is loaded on demand: ${requests.join(", ")}`);
      assert.deepEqual(requests.filter((r) => !r.startsWith("GET ")), [], "nothing uploaded");
      await paneShot(page, "check-word");
      // 开始检查 again keeps checking the Word text until it is removed
      await byId(page, "check-run").click();
      await page.locator("[data-finding-index]", { hasText: place }).first().waitFor({ timeout: TIMEOUT });

      // files that are not a .docx: a Chinese message, the pane goes on
      await byId(page, "check-word-input").setInputFiles(docFile);
      await byId(page, "check-error").filter({ hasText: "旧版 Word 文档（.doc）" }).waitFor({ timeout: TIMEOUT });
      assert.match(await byId(page, "check-error").innerText(), /导入 Word 情况说明失败：“旧说明\.doc”是旧版 Word 文档（\.doc），无法直接读取。请在 Word 中打开，“另存为”/);
      await byId(page, "check-word-input").setInputFiles(brokenFile);
      await byId(page, "check-error").filter({ hasText: "损坏.docx" }).waitFor({ timeout: TIMEOUT });
      assert.match(await byId(page, "check-error").innerText(), /已损坏或不是完整的 Word 文档/);
      // the file in use is still the good one; removing it returns to the workbook's own 情况说明
      assert.match(await byId(page, "check-word-file").innerText(), /情况说明\.docx/);
      await byId(page, "check-word-clear").click();
      await byId(page, "check-word-file").waitFor({ state: "detached", timeout: TIMEOUT });
      await byId(page, "check-run").click();
      await page.waitForFunction(
        () => !document.querySelector('[data-testid="check-busy"]') && !Array.from(document.querySelectorAll("[data-finding-index]")).some((e) => (e.textContent ?? "").includes("Word 文件")),
        undefined,
        { timeout: TIMEOUT },
      );
      await byId(page, "check-summary").waitFor({ timeout: TIMEOUT });
      await assertNoSidewaysScroll(page, "检查 with a Word file");
      await clean(page, log);
      await page.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  },
  {
    name: "窄窗格：每个页签在 360 和 320 像素宽时都不横向滚动（截图）",
    async run({ browser, origin }) {
      for (const width of [360, 320]) {
        const { page, log } = await open(browser, origin, width);
        assert.equal(Math.round(await byId(page, "preview-pane").evaluate((el) => el.getBoundingClientRect().width)), width);
        for (const tab of TABS) {
          await openTab(page, tab);
          await assertNoSidewaysScroll(page, `${tab} @${width}px`);
          await paneShot(page, `tab-${tab}-${width}`);
        }
        // the indicator cards: every field of every indicator is inside the pane
        await byId(page, "tab-perf").click();
        const grid = byId(page, "perf-grid");
        await grid.scrollIntoViewIfNeeded();
        const outside = await grid.evaluate((el) => {
          const pane = el.closest('[data-testid="preview-pane"]')!.getBoundingClientRect();
          return Array.from(el.querySelectorAll("input, textarea"))
            .filter((i) => {
              const r = i.getBoundingClientRect();
              return r.width < 40 || r.left < pane.left - 1 || r.right > pane.right + 1;
            })
            .map((i) => i.getAttribute("aria-label"));
        });
        assert.deepEqual(outside, [], `@${width}px: indicator fields cut or too narrow`);
        for (const label of ["三级指标", "实际完成指标值"]) assert.ok((await grid.innerText()).includes(label), `@${width}px: ${label} shown`);
        await paneShot(page, `perf-indicators-${width}`);
        await clean(page, log);
        await page.close();
      }
    },
  },
  {
    name: "绩效：修改执行数后执行率、得分、等级立即按未保存的修改重算；保存后提示出现在表单旁",
    async run({ browser, origin }) {
      const snapshot = await readXlsx(EXAMPLE);
      const forms = readForms(snapshot);
      const context = readPerfContext(snapshot);
      const i = forms.findIndex((f) => f.budget.value && f.actual.value && f.actual.source && !f.budget.value.isZero());
      assert.ok(i >= 0, "the example has a form with 预算数 and 执行数");
      const form = forms[i];
      const before = perfReportOf(forms, context).projects[i];
      const half = form.actual.value!.div(2).toDecimalPlaces(2).toFixed(2);
      const sheet = snapshot.sheets.find((s) => s.name === form.sheet)!;
      const after = reassessForm(sheet, form.titleCell, [{ cell: form.actual.source!.cell, value: half }], context).report!;
      assert.notEqual(after.rate, before.rate);

      const { page, log } = await open(browser, origin, 360);
      await byId(page, "tab-perf").click();
      await byId(page, `perf-project-${i}`).click();
      await byId(page, "perf-form").waitFor({ timeout: TIMEOUT });
      assert.match((await byId(page, "perf-rate").innerText()).trim(), new RegExp(`^执行率：${before.rate}%$`));
      await byId(page, `perf-cell-${form.actual.source!.cell}`).fill(half);
      // at once, before any save
      await byId(page, "perf-rate").filter({ hasText: `${after.rate}%` }).waitFor({ timeout: 5000 });
      assert.match(await byId(page, "perf-rate").innerText(), /未保存/);
      const score = await byId(page, "perf-score").innerText();
      assert.ok(score.includes(`自评得分：${after.score}`) && score.includes(`等级：${after.grade}`) && score.includes("未保存"), `score line: ${score}`);
      assert.match(await byId(page, "perf-caveats").innerText(), /按尚未保存的修改计算/);
      await byId(page, "perf-score").scrollIntoViewIfNeeded();
      await paneShot(page, "perf-unsaved");
      // save: the message stands next to the form's buttons, in view, with focus
      await byId(page, "perf-save").click();
      await byId(page, "perf-confirm").waitFor({ timeout: TIMEOUT });
      await byId(page, "perf-confirm-save").click();
      await byId(page, "perf-notice").waitFor({ timeout: TIMEOUT });
      const placed = await page.evaluate(() => {
        const notice = document.querySelector('[data-testid="perf-notice"]')!.getBoundingClientRect();
        const save = document.querySelector('[data-testid="perf-save"]')!.getBoundingClientRect();
        const pane = document.querySelector('[data-testid="preview-pane"]')!.getBoundingClientRect();
        return { gap: notice.top - save.bottom, inView: notice.top >= pane.top && notice.bottom <= pane.bottom, focused: !!document.activeElement?.closest('[role="status"]')?.querySelector('[data-testid="perf-notice"]') };
      });
      assert.ok(placed.gap >= 0 && placed.gap < 60, `notice right below the save button (gap ${placed.gap}px)`);
      assert.ok(placed.inView, "notice in view");
      assert.ok(placed.focused, "focus on the notice");
      assert.match(await byId(page, "perf-rate").innerText(), new RegExp(`${after.rate}%`));
      assert.doesNotMatch(await byId(page, "perf-rate").innerText(), /未保存/);
      await paneShot(page, "perf-saved");
      await clean(page, log);
      await page.close();
    },
  },
  {
    name: "生成：【请填写】按类别计数，图表显示在段落旁，再次写入时说明已替换",
    async run({ browser, origin }) {
      const snapshot = await readXlsx(EXAMPLE);
      const n = generateNarrative(readReport(snapshot), { forms: readForms(snapshot) });
      const { page, log } = await open(browser, origin, 360);
      await openTab(page, "generate");
      assert.equal((await byId(page, "gen-marker-count").innerText()).trim(), markerSummary(markers(n)));
      assert.doesNotMatch(await byId(page, "gen-marker-count").innerText(), /多为/);
      for (const c of n.charts ?? []) {
        const fig = byId(page, `gen-chart-${c.number}`);
        await fig.waitFor({ timeout: TIMEOUT });
        assert.equal((await fig.locator("figcaption").innerText()).trim(), c.title);
        const loaded = await fig.locator("img").evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0);
        assert.ok(loaded, `图${c.number} drawn`);
      }
      if (n.charts?.length) {
        await byId(page, `gen-chart-${n.charts[0].number}`).scrollIntoViewIfNeeded();
        await paneShot(page, "generate-chart");
      }
      await byId(page, "gen-write").click();
      await byId(page, "gen-written").waitFor({ timeout: TIMEOUT });
      assert.match(await byId(page, "gen-written").innerText(), /^已写入工作表“情况说明（生成）”/);
      await byId(page, "gen-write").click();
      await byId(page, "gen-written").filter({ hasText: "已替换" }).waitFor({ timeout: TIMEOUT });
      assert.match(await byId(page, "gen-written").innerText(), /已替换工作表“情况说明（生成）”中上次生成的内容/);
      await clean(page, log);
      await page.close();
    },
  },
  {
    name: "预览页：点击工作表标签即成为活动工作表，数字按单元格格式显示，页面不高于窗口，无 favicon 404",
    async run({ browser, origin }) {
      // a cell whose number format shows more decimals than the stored number has (e.g. 0.8 under "0.00")
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(EXAMPLE);
      let pick: { sheet: string; cell: string; shown: string; raw: string } | null = null;
      const first = wb.worksheets[0]?.name;
      wb.eachSheet((ws) => {
        // not the sheet active at load: the click must change the active sheet
        if (pick || ws.name === "补充数据" || ws.name === first) return;
        ws.eachRow((row) =>
          row.eachCell((c) => {
            if (pick || typeof c.value !== "number" || !c.numFmt) return;
            const shown = formatNumberCell(c.value, c.numFmt);
            if (shown && shown !== String(c.value)) pick = { sheet: ws.name, cell: c.address, shown, raw: String(c.value) };
          }),
        );
      });
      assert.ok(pick, "the example has a formatted number whose stored value prints shorter");
      const p = pick as { sheet: string; cell: string; shown: string; raw: string };

      const { page, log, failed } = await open(browser, origin, 360);
      assert.notEqual(await byId(page, "preview-active-sheet").textContent(), p.sheet);
      const syncsBefore = await byId(page, "preview-syncs").textContent();
      const tab = page.locator('[data-testid="preview-sheet-tabs"] button', { hasText: p.sheet }).first();
      await tab.click();
      await byId(page, "preview-active-sheet").filter({ hasText: p.sheet }).waitFor({ timeout: TIMEOUT });
      assert.equal(await byId(page, "preview-active-sheet").textContent(), p.sheet);
      assert.equal(await byId(page, "preview-syncs").textContent(), syncsBefore, "the click is not counted as the pane's sync");
      assert.equal((await page.locator(`[data-testid="preview-grid"][data-sheet="${p.sheet}"] [data-testid="cell-${p.cell}"]`).textContent())?.trim(), p.shown, `${p.cell} (${p.raw})`);
      // the pane reads the active sheet as Excel would report it
      const active = await page.evaluate(() => (window as unknown as { __juesuanPreview: { state: { activeSheet: string } } }).__juesuanPreview.state.activeSheet);
      assert.equal(active, p.sheet);
      for (const size of [{ width: 1280, height: 800 }, { width: 1024, height: 600 }, { width: 800, height: 500 }]) {
        await page.setViewportSize(size);
        const h = await page.evaluate(() => ({ doc: document.documentElement.scrollHeight, body: document.body.scrollHeight, win: window.innerHeight }));
        assert.ok(h.doc <= h.win && h.body <= h.win, `${size.width}×${size.height}: page ${h.doc}px taller than the window ${h.win}px`);
      }
      await page.waitForTimeout(300);
      assert.deepEqual(failed, [], "no request failed (favicon included)");
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, "preview-800x500.png") });
      await clean(page, log);
      await page.close();
    },
  },
];
