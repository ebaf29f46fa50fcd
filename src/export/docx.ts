/**
 * A Word copy of the generated 情况说明 (the report is published from Word): headings and paragraphs,
 * built with the `docx` package. Pure: no fs; Packer.toBuffer works in Node and the browser (Uint8Array).
 */
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import type { GeneratedNarrative, GeneratedParagraph } from "../narrative/generateTypes";

const FONT = "仿宋_GB2312";
const HEADING_FONT = "黑体";

function toParagraph(p: GeneratedParagraph): Paragraph {
  if (p.style === "title") {
    return new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, children: [new TextRun({ text: p.text, font: HEADING_FONT, size: 32 })] });
  }
  if (p.style === "heading1") {
    return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: p.text, font: HEADING_FONT, size: 30 })] });
  }
  if (p.style === "heading2") {
    return new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun({ text: p.text, font: "楷体_GB2312", size: 30 })] });
  }
  return new Paragraph({
    indent: { firstLine: 640 },
    children: p.spans.map((s) => new TextRun({ text: s.text, font: FONT, size: 30, highlight: s.marker ? "yellow" : undefined })),
  });
}

/** Builds the .docx of a generated narrative; the bytes of a zip package ("PK…"). */
export async function buildDocx(n: GeneratedNarrative, options: { title?: string } = {}): Promise<Uint8Array> {
  const doc = new Document({
    title: options.title ?? `${n.year}年度部门决算情况说明`,
    creator: "决算助手",
    sections: [{ children: n.paragraphs.map(toParagraph) }],
  });
  const out = await Packer.toArrayBuffer(doc);
  return new Uint8Array(out);
}
