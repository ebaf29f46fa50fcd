/**
 * A Word copy of the generated 情况说明 (the report is published from Word), in the layout of GB/T
 * 9704-2012 党政机关公文格式: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm with 22 lines of 28
 * characters; 标题 2号小标宋体 centred; 正文 3号仿宋体; 一级标题 3号黑体, 二级标题 3号楷体 (both indented
 * two characters like the text); all text black; page numbers 4号半角宋体 “— 1 —” at the foot, odd pages
 * right and even pages left, one character in. The charts 图1–图7 stand after their paragraphs, made by
 * the project from the same figures (ChartSpec, with their source cells) as the text and the workbook's
 * charts, each with its caption.
 * Built with the `docx` package. Pure: no fs; Packer.toArrayBuffer works in Node and the browser.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
} from "docx";
import { ChartRun } from "docx/charts";
import { D } from "../money/decimal";
import { sharesToHundred } from "../money/calc";
import { formatNumber, type NumberStyle } from "../money/format";
import { TEMPLATES } from "../narrative/generateContext";
import type { ChartSpec, GeneratedNarrative, GeneratedParagraph } from "../narrative/generateTypes";
import { CHART_HEIGHT, CHART_WIDTH } from "./chartSvg";

/** GB/T 9704-2012 sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const SIZE = { title: 44, text: 32, pageNumber: 28 } as const;
/** Fonts of GB/T 9704 (the names Chinese Word installs use), with a Latin face for digits and letters. */
export const FONTS = {
  title: "方正小标宋简体",
  text: "仿宋_GB2312",
  heading1: "黑体",
  heading2: "楷体_GB2312",
  pageNumber: "宋体",
  latin: "Times New Roman",
} as const;
const BLACK = "000000";

/** mm → twips (1 mm = 1440 / 25.4 twips). */
const mm = (x: number) => Math.round((x * 1440) / 25.4);
/** 版心 225 mm / 22 lines = 28.95 pt per line (579 twips); 156 mm / 28 characters ≈ one 3号 character (16 pt). */
export const LINE_PITCH = 579;
export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(21) },
} as const;
/** Two characters of 3号 text: the first-line indent of text and headings. */
const INDENT_2 = 640;
/** One character of 4号: the page number's distance from the edge of the 版心. */
const INDENT_PAGE_NUMBER = 280;

function run(text: string, font: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: { eastAsia: font, ascii: FONTS.latin, hAnsi: FONTS.latin }, size, color: BLACK, ...extra });
}

const exact = { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

function toParagraph(p: GeneratedParagraph): Paragraph {
  switch (p.style) {
    case "title":
      // 2号 characters need more than one 28.95 pt line: at least two grid lines, centred
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: LINE_PITCH * 2 - 200, lineRule: LineRuleType.AT_LEAST, before: 0, after: LINE_PITCH },
        outlineLevel: 0,
        children: [run(p.text, FONTS.title, SIZE.title)],
      });
    case "heading1":
      return new Paragraph({ indent: { firstLine: INDENT_2 }, spacing: exact, outlineLevel: 1, keepNext: true, children: [run(p.text, FONTS.heading1, SIZE.text)] });
    case "heading2":
      return new Paragraph({ indent: { firstLine: INDENT_2 }, spacing: exact, outlineLevel: 2, keepNext: true, children: [run(p.text, FONTS.heading2, SIZE.text)] });
    default:
      return new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: INDENT_2 },
        spacing: exact,
        children: (p.spans.length > 0 ? p.spans : [{ text: p.text }]).map((s) => run(s.text, FONTS.text, SIZE.text, s.marker ? { highlight: "yellow" } : {})),
      });
  }
}

/**
 * The chart as a chart of the document (DrawingML, drawn by Word, WPS or LibreOffice from the figures given
 * here, and editable there), centred, then its caption. Every label is the text's own figure: amounts with 2
 * decimals as printed, pie shares by largest remainder as in the text (never a share Word would round again).
 */
function chartParagraphs(c: ChartSpec, style: NumberStyle): Paragraph[] {
  // 版心 is 156 mm wide: the chart takes 150 mm at the proportions of the pane's picture (pixels at 96 per inch)
  const width = Math.round((150 / 25.4) * 96);
  const height = Math.round((width * CHART_HEIGHT) / CHART_WIDTH);
  const font = { name: FONTS.text, color: BLACK };
  const common = {
    categories: c.categories,
    transformation: { width, height },
    font,
    legend: { position: c.kind === "pie" ? ("right" as const) : ("top" as const), font: { ...font, size: 10 } },
    altText: { name: `图${c.number}`, title: c.title, description: `${c.title}（${c.unit}）：${chartDescription(c)}` },
  };
  const chart =
    c.kind === "pie"
      ? new ChartRun({
          ...common,
          type: "pie",
          series: [
            {
              name: c.series[0]?.name ?? "",
              values: (c.series[0]?.points ?? []).map((p) => Number(p.value)),
              pointLabels: pieLabels(c, style).map((text) => ({ text })),
            },
          ],
        })
      : new ChartRun({
          ...common,
          type: "column",
          series: c.series.map((s) => ({ name: s.name, values: s.points.map((p) => Number(p.value)), pointLabels: s.points.map((p) => ({ text: amountLabel(p.value, style) })) })),
          valueAxis: { numberFormat: "0.00", title: c.unit },
        });
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [chart] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: exact, children: [run(c.title, FONTS.text, SIZE.pageNumber)] }),
  ];
}

/** The labels of a pie's slices: “58.94%”, “100%” as the text prints them (its shares, largest remainder to 100.00). */
export function pieLabels(c: ChartSpec, style: NumberStyle = "fixed2"): string[] {
  const points = c.series[0]?.points ?? [];
  const r = sharesToHundred(points.map((p) => new D(p.value)));
  if (r.kind !== "shares") return points.map((p) => `${amountLabel(p.value, style)}${c.unit}`);
  // as Ctx.pct: in the "trim" style only 0 and 100 print bare
  return r.shares.map((v) => `${formatNumber(v, style === "trim" && (v.isZero() || v.eq(100)) ? "trim" : "fixed2")}%`);
}

/** An amount label as the text prints it (the template's number style). */
export function amountLabel(value: string, style: NumberStyle = "fixed2"): string {
  return formatNumber(new D(value), style);
}

/** "2019年：收入总计236.56，支出总计236.56；2020年：…" — the chart's figures in words, for screen readers. */
export function chartDescription(c: ChartSpec): string {
  return c.series.map((s) => `${s.name ? `${s.name}：` : ""}${c.categories.map((cat, i) => `${cat}${s.points[i]?.value ?? ""}`).join("，")}`).join("；");
}

function pageNumberFooter(side: "odd" | "even"): Footer {
  const font = { eastAsia: FONTS.pageNumber, ascii: FONTS.pageNumber, hAnsi: FONTS.pageNumber };
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: INDENT_PAGE_NUMBER } : { left: INDENT_PAGE_NUMBER },
        children: [
          new TextRun({ text: "— ", font, size: SIZE.pageNumber, color: BLACK }),
          new TextRun({ children: [PageNumber.CURRENT], font, size: SIZE.pageNumber, color: BLACK }),
          new TextRun({ text: " —", font, size: SIZE.pageNumber, color: BLACK }),
        ],
      }),
    ],
  });
}

/** The paragraphs of the document with each chart after the paragraph it belongs to. */
export function documentParagraphs(n: GeneratedNarrative): Paragraph[] {
  const after = new Map<number, ChartSpec[]>();
  for (const c of n.charts ?? []) after.set(c.afterParagraph, [...(after.get(c.afterParagraph) ?? []), c]);
  const style = TEMPLATES[n.template]?.numberStyle ?? "fixed2";
  return n.paragraphs.flatMap((p, i) => [toParagraph(p), ...(after.get(i) ?? []).flatMap((c) => chartParagraphs(c, style))]);
}

/** Builds the .docx of a generated narrative; the bytes of a zip package ("PK…"). */
export async function buildDocx(n: GeneratedNarrative, options: { title?: string } = {}): Promise<Uint8Array> {
  const doc = new Document({
    title: options.title ?? `${n.year}年度部门决算情况说明`,
    creator: "决算助手",
    lastModifiedBy: "决算助手",
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: { eastAsia: FONTS.text, ascii: FONTS.latin, hAnsi: FONTS.latin }, size: SIZE.text, color: BLACK },
          paragraph: { spacing: exact },
        },
      },
    },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageNumberFooter("odd"), even: pageNumberFooter("even") },
        children: documentParagraphs(n),
      },
    ],
  });
  const out = await Packer.toArrayBuffer(doc);
  return new Uint8Array(out);
}
