/**
 * Server-side render of the pane (react-dom/server, no DOM needed): each tab's initial markup and
 * the 检查/识别 results given as props. Interaction is tested in a real browser (test/e2e).
 */
import * as React from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, SSRProvider, webLightTheme } from "@fluentui/react-components";
import { Pane } from "../../taskpane/components/Pane";
import { CheckTab } from "../../taskpane/components/CheckTab";
import { RecognitionTab } from "../../taskpane/components/RecognitionTab";
import { NarrativePreview } from "../../taskpane/components/GenerateTab";
import { FormView } from "../../taskpane/components/perf/PerfTab";
import type { PerfFormView } from "../../taskpane/components/perf/types";
import type { CheckOutcome, PaneServices } from "../../taskpane/services";
import { findings, recognition, sections } from "./fixtures";
import { fingerprints } from "../../src/review/fingerprint";

const reject = () => Promise.reject(new Error("不应调用"));
const services: PaneServices = {
  runCheck: reject, navigate: reject, generate: reject, writeGenerated: reject, buildDocx: reject,
  loadForms: reject, saveForm: reject, insertBlankForm: reject, saveOverrides: reject, copyText: reject,
};

const html = (node: React.ReactElement) => renderToString(<SSRProvider><FluentProvider theme={webLightTheme}>{node}</FluentProvider></SSRProvider>);

describe("pane markup", () => {
  it("renders the four tabs and the 检查 tab first", () => {
    const out = html(<Pane services={services} />);
    for (const t of ["检查", "生成", "绩效", "识别"]) expect(out).toContain(`>${t}<`);
    expect(out).toContain("开始检查");
    expect(out).toContain('data-testid="check-run"');
    expect(out).not.toContain('data-testid="panel-perf"'); // mounted only when first shown
  });

  it("renders each tab as first tab", () => {
    expect(html(<Pane services={services} initialTab="generate" />)).toContain("生成情况说明");
    expect(html(<Pane services={services} initialTab="perf" />)).toContain("新建绩效表");
    expect(html(<Pane services={services} initialTab="recognition" />)).toContain("识别工作表");
  });

  it("shows check results errors first, with counts as words and escaped workbook text", () => {
    const evil = { rule: "N-x", severity: "warning" as const, message: "<script>alert(1)</script>", sheet: "情况说明", row: 7, text: "<img src=x onerror=alert(1)>" + "长".repeat(10000) };
    const outcome: CheckOutcome = { findings: [...findings, evil], recognition, narrativeSections: sections, file: "a.xlsx" };
    const out = html(<CheckTab services={services} outcome={outcome} onOutcome={() => undefined} />);
    expect(out).toContain("错误（3 条）");
    expect(out.indexOf("错误（3 条）")).toBeLessThan(out.indexOf("提示（5 条）"));
    expect(out).toContain("公开05表!C7");
    expect(out).toContain('data-testid="check-order-place"');
    expect(out).toContain("按位置排列");
    expect(out).toContain('title="转到此单元格 · 规则 T5-1"');
    // one finding in the Tab order; the others are reached with the arrow keys
    expect(out.match(/data-finding-index="\d+" tabindex="0"/g)).toHaveLength(1);
    expect(out).toContain("复制检查报告");
    expect(out).toContain('data-testid="check-filter-error"');
    expect(out).toContain('data-testid="check-count-warning"');
    expect(/提示<!-- --> 5/.test(out)).toBe(true);
    expect(out.includes("<script>alert")).toBe(false);
    expect(out).toContain("&lt;script&gt;");
    expect(out.includes("<img")).toBe(false);
  });

  it("offers 标记为已核实 on each open finding, with its basis and what to do; folds marked ones into 已核实 N 条", () => {
    const fps = fingerprints(findings);
    const outcome: CheckOutcome = {
      findings,
      recognition,
      fingerprints: fps,
      marks: { [fps[2]]: { status: "verified", note: "已核对", at: "2026-12-03T10:00:00.000Z" } },
    };
    const out = html(<CheckTab services={{ ...services, saveMarks: reject }} outcome={outcome} onOutcome={() => undefined} />);
    expect(out).toContain("共 8 条待处理（已核实 1 条）");
    expect(out.match(/data-testid="mark-verified"/g)).toHaveLength(8);
    expect(out).toContain('data-testid="check-verified-toggle"');
    expect(out).toContain("已核实 1 条");
    expect(out).toContain('aria-expanded="false"');
    expect(out).toContain("依据：");
    expect(out).toContain("处理：");
    // without a host that stores marks, no marking is offered
    expect(html(<CheckTab services={services} outcome={outcome} onOutcome={() => undefined} />)).not.toContain('data-testid="mark-verified"');
  });

  it("shows the recognition report with dropdowns for missing tables", () => {
    const outcome: CheckOutcome = { findings: [], recognition, sheetNames: ["公开01表", "Sheet8"] };
    const out = html(<RecognitionTab services={services} outcome={outcome} onOutcome={() => undefined} />);
    expect(out).toContain('data-testid="recognition-override-T08"');
    expect(out).toContain('data-testid="recognition-override-T09"');
    expect(out).toContain("保存到工作簿");
    expect(out).toContain("其他项目");
    expect(out).toContain("公开08表本年无数据，未找到。");
    expect(out).not.toContain("Clear selection");
    expect(out).toContain('aria-label="清除选择"');
  });

  it("says the recognition notes in one line in 检查 and lists them in 识别", () => {
    const r7 = { rule: "R-7", severity: "info" as const, message: "公开05表出现在多处：使用了工作表“A”A1。" };
    const r3 = { rule: "R-3", severity: "info" as const, message: "补充数据第9行的项目“其他项目”无法识别，未参与检查。", sheet: "补充数据", cell: "A9" };
    const outcome: CheckOutcome = { findings: [...findings, r3, r7], recognition };
    const check = html(<CheckTab services={services} outcome={outcome} onOutcome={() => undefined} />);
    expect(check).toContain("另有 2 条识别说明");
    expect(check).not.toContain("无法识别，未参与检查");
    expect(check).not.toContain("出现在多处");
    const rec = html(<RecognitionTab services={services} outcome={outcome} onOutcome={() => undefined} />);
    expect(rec).toContain('data-testid="recognition-notes"');
    expect(rec).toContain("公开05表出现在多处");
  });

  it("places findings on pasted text by paragraph, without a button that cannot go anywhere", () => {
    const f = { rule: "N-unit", severity: "warning" as const, message: "金额缺少单位", sheet: "（粘贴的情况说明）", row: 3, text: "支出100" };
    const outcome: CheckOutcome = { findings: [f], recognition, pasted: { sheet: "（粘贴的情况说明）", rows: [1, 3] } };
    const out = html(<CheckTab services={services} outcome={outcome} onOutcome={() => undefined} />);
    expect(out).toContain("粘贴的文本 第2段");
    expect(out).not.toContain("转到此单元格");
    expect(out).not.toMatch(/<button[^>]*data-testid="finding-/);
  });

  it("previews generated text: headings, numbers with their source, highlighted markers", () => {
    const out = html(
      <NarrativePreview
        onNavigate={() => undefined}
        narrative={{
          template: "sichuan-2020",
          year: 2020,
          paragraphs: [
            { section: "1", style: "heading1", spans: [{ text: "一、收入支出决算总体情况说明" }], text: "" },
            { section: "1", style: "body", spans: [{ text: "收入总计" }, { text: "236.56", sources: [{ sheet: "公开01表", cell: "B30" }] }, { text: "【请填写：原因】", marker: true }], text: "" },
          ],
        }}
      />,
    );
    expect(out.includes("<h3")).toBe(true);
    expect(out.includes('data-source="来源：公开01表!B30"')).toBe(true);
    expect(out.includes('role="button" tabindex="0"')).toBe(true);
    expect(/<mark[^>]*data-kind="marker"[^>]*>【请填写：原因】<\/mark>/.test(out)).toBe(true);
  });

  it("lays a form out like the official one, with editable cells and drafts shown", () => {
    const at = (cell: string, text: string) => ({ text, source: { sheet: "绩效5", cell } });
    const form: PerfFormView = {
      id: "绩效5!A1", kind: "completion", sheet: "绩效5", title: "项目绩效目标完成情况表", titleCell: { sheet: "绩效5", cell: "A1" },
      year: 2020, unit: "万元", name: at("B3", "互联网维护与整治经费"), budgetUnit: at("B4", "巴中市互联网信息办公室"),
      budget: at("C5", "75"), actual: at("E5", "63.38"), budgetFiscal: at("C6", "75"), budgetOther: at("D6", ""),
      actualFiscal: at("E6", "63.38"), actualOther: { text: "", source: null }, goalTarget: at("B8", "目标"), goalActual: at("D8", "完成"),
      indicators: [{ row: 11, level1: at("B11", "产出指标"), level2: at("C11", "数量指标"), level3: at("D11", "网络宣传条"), target: at("E11", "≥3000条"), actual: at("F11", "4000条") }],
      executionRate: "84.51%", score: "88.45", grade: "良", findings: [], problems: [],
    };
    const out = html(<FormView form={form} drafts={{ "绩效5!F11": "4100条" }} onChange={() => undefined} />);
    for (const t of ["项目名称", "预算单位", "预算数", "执行数", "其中：财政拨款", "其它资金", "预期目标", "实际完成目标", "一级指标", "三级指标", "预期指标值", "实际完成指标值"]) {
      expect([t, out.includes(t)]).toEqual([t, true]);
    }
    expect(/执行率：(<!-- -->)?84.51%/.test(out)).toBe(true);
    expect(out.includes('data-testid="perf-cell-F11"')).toBe(true);
    expect(out.includes('value="4100条"')).toBe(true);
    expect(out.includes('aria-label="第11行 实际完成指标值（F11）"')).toBe(true);
    expect(/自评得分：(<!-- -->)?88.45(<!-- -->)?，等级：良/.test(out)).toBe(true);
    expect(out.includes("分值")).toBe(false);
  });
});
