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

/** What a 【请填写】 marker asks for (for the banner's count by kind). */
export type MarkerKind = "原因" | "数字" | "名词解释" | "文字说明" | "表格";

/** The kind of a marker from what it asks for (“…的原因”, “…的解释”, “…（公开03表未找到）”, “…的主要用途”, else a figure). */
export function markerKind(text: string): MarkerKind {
  const what = text.replace(/^【请填写[：:]?/, "").replace(/】$/, "");
  if (/未找到/.test(what)) return "表格";
  if (/原因/.test(what)) return "原因";
  if (/的解释$/.test(what)) return "名词解释";
  if (/用途|情况|综述|说明|措施/.test(what)) return "文字说明";
  return "数字";
}

const KIND_LABEL: Record<MarkerKind, string> = {
  原因: "增减变化或预算执行的原因",
  数字: "补充数据中的数字（预算数、上年数、数量或金额）",
  名词解释: "名词解释",
  文字说明: "文字说明（用途、完成情况等）",
  表格: "未找到的表格中的数字",
};

/** Markers counted by kind, most frequent first: [{ kind, label, count }]. */
export function markerCounts(marks: MarkerRef[]): { kind: MarkerKind; label: string; count: number }[] {
  const counts = new Map<MarkerKind, number>();
  for (const m of marks) {
    const k = markerKind(m.text);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([kind, count]) => ({ kind, label: KIND_LABEL[kind], count }));
}

/** “有 5 处【请填写】需要您补充：补充数据中的数字 3 处，名词解释 2 处。” */
export function markerSummary(marks: MarkerRef[]): string {
  const parts = markerCounts(marks).map((c) => `${c.label} ${c.count} 处`);
  return `有 ${marks.length} 处【请填写】需要您补充：${parts.join("，")}。已在下方以黄色底纹标出：`;
}

export interface CopiedNoteRef {
  paragraph: number;
  span: number;
  text: string;
  notes: string[];
}

/** Copied text (the user's reasons, purposes, results) in which the text rules found something. */
export function copiedNotes(n: GeneratedNarrative): CopiedNoteRef[] {
  const out: CopiedNoteRef[] = [];
  n.paragraphs.forEach((p, pi) =>
    p.spans.forEach((s, si) => {
      if (s.notes && s.notes.length > 0) out.push({ paragraph: pi, span: si, text: s.text, notes: s.notes });
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
