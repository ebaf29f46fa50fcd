import type { Source, TemplateId } from "../model/types";

/** A run of generated text; a number keeps the cell(s) it came from. */
export interface GeneratedSpan {
  text: string;
  sources?: Source[];
  /** A 【请填写：…】 marker the accountant must replace (never invented text). */
  marker?: boolean;
}

export type ParagraphStyle = "title" | "heading1" | "heading2" | "body";

export interface GeneratedParagraph {
  /** Section id, e.g. "1", "5.2", "7.2", "glossary". */
  section: string;
  style: ParagraphStyle;
  spans: GeneratedSpan[];
  /** The spans joined. */
  text: string;
}

export interface GeneratedNarrative {
  template: TemplateId;
  year: number;
  paragraphs: GeneratedParagraph[];
}
