/** Pure logic of the 生成 tab: sections of the preview, source labels of numbers, markers, full text. */
import type { Source } from "../../src/model/types";
import type { GeneratedNarrative, GeneratedParagraph, GeneratedSpan } from "../../src/narrative/generateTypes";

/** "来源：公开05表!C7" (several sources joined by "、"). */
export function sourceLabel(sources: Source[] | undefined): string {
  if (!sources || sources.length === 0) return "";
  return `来源：${sources.map((s) => `${s.sheet}!${s.cell}`).join("、")}`;
}

export interface PreviewSection {
  /** Section id of the first paragraph ("1", "5.2", "glossary"). */
  id: string;
  paragraphs: { index: number; paragraph: GeneratedParagraph }[];
}

/** Consecutive paragraphs with the same top-level section id ("5.2" → "5") form one preview section. */
export function previewSections(n: GeneratedNarrative): PreviewSection[] {
  const out: PreviewSection[] = [];
  n.paragraphs.forEach((p, index) => {
    const top = p.section.split(".")[0];
    const last = out[out.length - 1];
    if (last && last.id.split(".")[0] === top) last.paragraphs.push({ index, paragraph: p });
    else out.push({ id: p.section, paragraphs: [{ index, paragraph: p }] });
  });
  return out;
}

export interface MarkerRef {
  paragraph: number;
  span: number;
  text: string;
  section: string;
}

/** Every 【请填写：…】 marker, in order. */
export function markers(n: GeneratedNarrative): MarkerRef[] {
  const out: MarkerRef[] = [];
  n.paragraphs.forEach((p, pi) =>
    p.spans.forEach((s, si) => {
      if (s.marker) out.push({ paragraph: pi, span: si, text: s.text, section: p.section });
    }),
  );
  return out;
}

/** The text of a paragraph (its spans joined; `text` when it has no spans). */
export function paragraphText(p: GeneratedParagraph): string {
  return p.spans.length > 0 ? p.spans.map((s) => s.text).join("") : p.text;
}

/** The whole text, one paragraph per line (for 复制全文). */
export function fullText(n: GeneratedNarrative): string {
  return n.paragraphs.map(paragraphText).join("\n") + "\n";
}

export type SpanKind = "number" | "marker" | "text";

export function spanKind(s: GeneratedSpan): SpanKind {
  if (s.marker) return "marker";
  if (s.sources && s.sources.length > 0) return "number";
  return "text";
}

/** File name of the Word copy: "2020年度部门决算情况说明.docx". */
export function docxFileName(n: GeneratedNarrative, unitName?: string): string {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\r\n]+/g, "").slice(0, 80);
  return `${unitName ? safe(unitName) : ""}${n.year}年度部门决算情况说明.docx`;
}
