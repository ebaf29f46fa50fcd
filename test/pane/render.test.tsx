/**
 * Server-side render of the pane (react-dom/server, no DOM needed): each tab's initial markup and
 * the 检查/识别 results given as props. Interaction is tested in a real browser (test/e2e).
 */
import * as React from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { Pane } from "../../taskpane/components/Pane";
import { CheckTab } from "../../taskpane/components/CheckTab";
import { RecognitionTab } from "../../taskpane/components/RecognitionTab";
import type { CheckOutcome, PaneServices } from "../../taskpane/services";
import { findings, recognition, sections } from "./fixtures";

const reject = () => Promise.reject(new Error("不应调用"));
const services: PaneServices = {
  runCheck: reject, navigate: reject, generate: reject, writeGenerated: reject, buildDocx: reject,
  loadForms: reject, saveForm: reject, insertBlankForm: reject, saveOverrides: reject, copyText: reject,
};

const html = (node: React.ReactElement) => renderToString(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);

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

  it("shows check results grouped, with counts as words and escaped workbook text", () => {
    const evil = { rule: "N-x", severity: "warning" as const, message: "<script>alert(1)</script>", sheet: "情况说明", row: 7, text: "<img src=x onerror=alert(1)>" + "长".repeat(10000) };
    const outcome: CheckOutcome = { findings: [...findings, evil], recognition, narrativeSections: sections, file: "a.xlsx" };
    const out = html(<CheckTab services={services} outcome={outcome} onOutcome={() => undefined} />);
    expect(out).toContain("公开05表（一般公共预算支出表）");
    expect(out).toContain("情况说明 · 一、收入支出决算总体情况说明");
    expect(out).toContain("复制检查报告");
    expect(out).toContain('data-testid="check-filter-error"');
    expect(out).toContain('data-testid="check-count-warning"');
    expect(/提示<!-- --> 5/.test(out)).toBe(true);
    expect(out.includes("<script>alert")).toBe(false);
    expect(out).toContain("&lt;script&gt;");
    expect(out.includes("<img")).toBe(false);
  });

  it("shows the recognition report with dropdowns for missing tables", () => {
    const outcome: CheckOutcome = { findings: [], recognition, sheetNames: ["公开01表", "Sheet8"] };
    const out = html(<RecognitionTab services={services} outcome={outcome} onOutcome={() => undefined} />);
    expect(out).toContain('data-testid="recognition-override-T08"');
    expect(out).toContain('data-testid="recognition-override-T09"');
    expect(out).toContain("保存到工作簿");
    expect(out).toContain("其他项目");
    expect(out).toContain("公开08表本年无数据，未找到。");
  });
});
