import * as React from "react";
import {
  makeStyles,
  mergeClasses,
  tokens,
  Button,
  Dropdown,
  Option,
  Field,
  Text,
  Tooltip,
  Link,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, CopyRegular, DocumentTextRegular, TableRegular } from "@fluentui/react-icons";
import type { TemplateId } from "../../src/model/types";
import type { ChartSpec, GeneratedNarrative, GeneratedParagraph, GeneratedSpan } from "../../src/narrative/generateTypes";
import { chartSvg } from "../../src/export/chartSvg";
import type { PaneServices } from "../services";
import { copiedNotes, docxFileName, fullText, markers, markerSummary, previewSections, sourceLabel, spanKind } from "./generateModel";
import { Busy, ErrorBar, SuccessBar, useCommonStyles, useServiceCall, DROPDOWN_CLEAR } from "./common";

/* global document, URL */

const GENERATED_SHEET = "情况说明（生成）";

const TEMPLATE_OPTIONS: { value: "auto" | TemplateId; label: string }[] = [
  { value: "auto", label: "按工作簿自动选择" },
  { value: "sichuan-2020", label: "四川格式（一至十）" },
  { value: "national-2024", label: "全国 2024 格式（一至十一）" },
];

const useStyles = makeStyles({
  preview: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightBold, textAlign: "center" },
  heading1: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightBold },
  heading2: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  body: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase400, textIndent: "2em" },
  number: {
    textDecorationLine: "underline",
    textDecorationStyle: "dotted",
    textUnderlineOffset: "3px",
    cursor: "pointer",
    borderRadius: tokens.borderRadiusSmall,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  marker: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    outline: `${tokens.strokeWidthThin} dashed ${tokens.colorPaletteDarkOrangeBorder2}`,
    borderRadius: tokens.borderRadiusSmall,
  },
  markerList: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  figure: { margin: 0, display: "flex", flexDirection: "column", alignItems: "center", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  chart: { width: "100%", height: "auto", maxWidth: "640px", border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  caption: { fontSize: tokens.fontSizeBase200, textAlign: "center" },
  /** Copied text in which the text rules found something: a wavy underline (and the notes in words, below and in the tooltip). */
  noted: {
    textDecorationLine: "underline",
    textDecorationStyle: "wavy",
    textDecorationColor: tokens.colorPaletteDarkOrangeForeground1,
    textUnderlineOffset: "3px",
  },
});

export interface GenerateTabProps {
  services: PaneServices;
  /** Unit name for the Word file name, when known. */
  unitName?: string;
}

const SpanView: React.FC<{ span: GeneratedSpan; onNavigate(span: GeneratedSpan): void; testId: string }> = ({ span, onNavigate, testId }) => {
  const styles = useStyles();
  const kind = spanKind(span);
  if (kind === "marker") {
    return (
      <mark className={styles.marker} data-testid={testId} data-kind="marker">
        {span.text}
      </mark>
    );
  }
  if (kind === "number") {
    const label = [sourceLabel(span.sources), ...(span.notes ?? []).map((t) => `请核对：${t}`)].filter(Boolean).join("\n");
    const go = () => onNavigate(span);
    return (
      <Tooltip content={label} relationship="description" withArrow>
        <span
          role="button"
          tabIndex={0}
          className={mergeClasses(styles.number, span.notes && styles.noted)}
          onClick={go}
          onKeyDown={(e) => {
            if (e.key === "Enter" || e.key === " ") {
              e.preventDefault();
              go();
            }
          }}
          data-testid={testId}
          data-kind={span.notes ? "noted" : "number"}
          data-source={label}
        >
          {span.text}
        </span>
      </Tooltip>
    );
  }
  if (span.notes) {
    return (
      <Tooltip content={span.notes.map((t) => `请核对：${t}`).join("\n")} relationship="description" withArrow>
        <span className={styles.noted} tabIndex={0} data-testid={testId} data-kind="noted">
          {span.text}
        </span>
      </Tooltip>
    );
  }
  return <>{span.text}</>;
};

const ParagraphView: React.FC<{ paragraph: GeneratedParagraph; index: number; onNavigate(span: GeneratedSpan): void }> = ({
  paragraph,
  index,
  onNavigate,
}) => {
  const styles = useStyles();
  const common = useCommonStyles();
  const spans =
    paragraph.spans.length > 0
      ? paragraph.spans.map((s, i) => <SpanView key={i} span={s} onNavigate={onNavigate} testId={`gen-span-${index}-${i}`} />)
      : paragraph.text;
  const testId = `gen-paragraph-${index}`;
  switch (paragraph.style) {
    case "title":
      return <h2 className={mergeClasses(styles.title, common.wrap)} data-testid={testId}>{spans}</h2>;
    case "heading1":
      return <h3 className={mergeClasses(styles.heading1, common.wrap)} data-testid={testId}>{spans}</h3>;
    case "heading2":
      return <h4 className={mergeClasses(styles.heading2, common.wrap)} data-testid={testId}>{spans}</h4>;
    default:
      return <p className={mergeClasses(styles.body, common.wrap)} data-testid={testId}>{spans}</p>;
  }
};

/** A chart 图n drawn by the project (SVG from the same figures as the text), with its caption. */
const ChartView: React.FC<{ chart: ChartSpec }> = ({ chart }) => {
  const styles = useStyles();
  const src = React.useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(chartSvg(chart))}`, [chart]);
  return (
    <figure className={styles.figure} data-testid={`gen-chart-${chart.number}`}>
      <img className={styles.chart} src={src} alt={`${chart.title}（${chart.unit}）`} />
      <figcaption className={styles.caption}>{chart.title}</figcaption>
    </figure>
  );
};

/** The generated text by section: headings styled, numbers focusable with their source, markers highlighted, charts at their paragraphs. */
export const NarrativePreview: React.FC<{ narrative: GeneratedNarrative; onNavigate(span: GeneratedSpan): void }> = ({ narrative, onNavigate }) => {
  const styles = useStyles();
  const after = new Map<number, ChartSpec[]>();
  for (const c of narrative.charts ?? []) after.set(c.afterParagraph, [...(after.get(c.afterParagraph) ?? []), c]);
  return (
    <article className={styles.preview} aria-label="情况说明预览" data-testid="gen-preview">
      {previewSections(narrative).map((s) => (
        <section key={s.paragraphs[0].index} className={styles.section} data-testid={`gen-section-${s.id}`}>
          {s.paragraphs.map(({ index, paragraph }) => (
            <React.Fragment key={index}>
              <ParagraphView paragraph={paragraph} index={index} onNavigate={onNavigate} />
              {(after.get(index) ?? []).map((c) => (
                <ChartView key={`chart-${c.number}`} chart={c} />
              ))}
            </React.Fragment>
          ))}
        </section>
      ))}
    </article>
  );
};

export const GenerateTab: React.FC<GenerateTabProps> = ({ services, unitName }) => {
  const styles = useStyles();
  const common = useCommonStyles();
  const call = useServiceCall();
  const [template, setTemplate] = React.useState<"auto" | TemplateId>("auto");
  const [narrative, setNarrative] = React.useState<GeneratedNarrative | null>(null);
  const [notice, setNotice] = React.useState<React.ReactNode>(null);
  const [download, setDownload] = React.useState<{ url: string; name: string } | null>(null);

  // Revoke the previous object URL when a new one replaces it or the tab unmounts.
  React.useEffect(() => () => {
    if (download) URL.revokeObjectURL(download.url);
  }, [download]);

  const generate = async () => {
    setNotice(null);
    setDownload(null);
    const n = await call.run("生成情况说明", "正在生成情况说明……", () =>
      services.generate(template === "auto" ? undefined : { template }),
    );
    if (n) setNarrative(n);
  };

  const copyAll = async () => {
    if (!narrative) return;
    setNotice(null);
    const ok = await call.run("复制全文", "正在复制……", async () => {
      await services.copyText(fullText(narrative));
      return true;
    });
    if (ok) setNotice(<span data-testid="gen-copied">已复制全文。</span>);
  };

  const write = async () => {
    if (!narrative) return;
    setNotice(null);
    const r = await call.run("写入工作表", `正在写入工作表“${GENERATED_SHEET}”……`, () => services.writeGenerated(narrative));
    if (r) {
      setNotice(
        <span data-testid="gen-written">
          {r.action === "replaced" ? <>已替换工作表“{r.sheet}”中上次生成的内容。</> : <>已写入工作表“{r.sheet}”。</>}
          {r.keptCopy ? <>您修改过的上一版已保留为工作表“{r.keptCopy}”。</> : null}
        </span>,
      );
    }
  };

  const buildDocx = async () => {
    if (!narrative) return;
    setNotice(null);
    const blob = await call.run("生成 Word 文档", "正在生成 Word 文档……", () => services.buildDocx(narrative));
    if (!blob) return;
    const name = docxFileName(narrative, unitName);
    const url = URL.createObjectURL(blob);
    setDownload({ url, name });
    // Start the download at once; the visible link below stays as a fallback (some hosts block programmatic clicks).
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.rel = "noopener";
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    a.remove();
  };

  const navigate = (span: GeneratedSpan) => {
    const src = span.sources?.[0];
    if (!src) return;
    void call.run("定位", "正在定位……", () => services.navigate({ sheet: src.sheet, cell: src.cell }));
  };

  const marks = narrative ? markers(narrative) : [];
  const notes = narrative ? copiedNotes(narrative) : [];

  return (
    <div className={common.column} data-testid="generate-tab">
      <Field label="模板">
        <Dropdown
          className={common.focusOutline}
          clearButton={DROPDOWN_CLEAR}
          value={TEMPLATE_OPTIONS.find((o) => o.value === template)?.label}
          selectedOptions={[template]}
          onOptionSelect={(_, d) => setTemplate((d.optionValue as "auto" | TemplateId) ?? "auto")}
          data-testid="gen-template"
        >
          {TEMPLATE_OPTIONS.map((o) => (
            <Option key={o.value} value={o.value}>
              {o.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={common.row}>
        <Button appearance="primary" icon={<DocumentTextRegular />} onClick={generate} disabled={call.busy !== null} data-testid="gen-run">
          生成情况说明
        </Button>
      </div>
      {call.busy ? <Busy label={call.busy} testId="gen-busy" /> : null}
      {call.error ? <ErrorBar message={call.error} onDismiss={call.clearError} testId="gen-error" /> : null}
      {narrative ? (
        <>
          <div className={common.row}>
            <Button icon={<CopyRegular />} onClick={copyAll} disabled={call.busy !== null} data-testid="gen-copy">
              复制全文
            </Button>
            <Button icon={<TableRegular />} onClick={write} disabled={call.busy !== null} data-testid="gen-write">
              写入工作表“{GENERATED_SHEET}”
            </Button>
            <Button icon={<ArrowDownloadRegular />} onClick={buildDocx} disabled={call.busy !== null} data-testid="gen-docx">
              下载 Word (.docx)
            </Button>
          </div>
          {notice ? <SuccessBar testId="gen-notice">{notice}</SuccessBar> : null}
          {download ? (
            <Text>
              如果下载没有自动开始，请点击：
              <Link href={download.url} download={download.name} data-testid="gen-docx-link">
                {download.name}
              </Link>
            </Text>
          ) : null}
          {marks.length > 0 ? (
            <SuccessBar intent="warning" testId="gen-markers">
              <span data-testid="gen-marker-count">{markerSummary(marks)}</span>
              <ul className={styles.markerList}>
                {marks.slice(0, 20).map((m, i) => (
                  <li key={i} className={common.clamp}>
                    {m.text}
                  </li>
                ))}
                {marks.length > 20 ? <li>……另有 {marks.length - 20} 处</li> : null}
              </ul>
            </SuccessBar>
          ) : (
            <SuccessBar intent="info" testId="gen-markers-none">没有需要补充的【请填写】。</SuccessBar>
          )}
          {notes.length > 0 ? (
            <SuccessBar intent="warning" testId="gen-copied-notes">
              <span>从工作簿中照录的 {notes.length} 段文字（原因、用途等）中发现以下问题，已在下方以波浪线标出，请在工作簿中修改后重新生成：</span>
              <ul className={styles.markerList}>
                {notes.slice(0, 20).map((m, i) => (
                  <li key={i} className={common.wrap}>
                    “{m.text.length > 30 ? `${m.text.slice(0, 30)}……` : m.text}”：{m.notes.join("；")}
                  </li>
                ))}
              </ul>
            </SuccessBar>
          ) : null}
          <Text size={200}>带下划虚线的数字可用 Tab 键选中：提示显示其来源单元格，按回车转到该单元格。</Text>
          <NarrativePreview narrative={narrative} onNavigate={navigate} />
        </>
      ) : !call.busy ? (
        <Text>按“生成情况说明”，根据工作簿中的报表和补充数据生成第二部分的文字，可预览、复制、写入工作表或下载 Word 文档。</Text>
      ) : null}
    </div>
  );
};
