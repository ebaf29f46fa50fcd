/**
 * A 名词解释 entry (“9. 一般公共服务（类）……（项）：指……”) as a glossary claim, with the 科目 path its term names.
 * Not a body extractor (not in ./index.ts): ../parse.ts reads it for the paragraphs of the glossary part.
 */
import type { GlossaryClaim, ParseNarrativeOptions, SubjectClaim } from "../types";
import { asciiDigits, cnNumber, squeeze, SUBJECT_RE } from "./util";

/** The glossary claim of one paragraph of the glossary part, or null when it is not “number term：definition”. */
export function glossaryClaim(
  text: string,
  at: { row: number; section: string; canonical: string },
  options: ParseNarrativeOptions,
): GlossaryClaim | null {
  const { row, section, canonical } = at;
  const trimmed = text.trim();
  // “9.”, “九、” or “（9）” before the term
  const gm = /^\s*[（(]?\s*(\d+|[一二三四五六七八九十]+)\s*([.．、）)])\s*(.*?)[：:]([\s\S]*)$/u.exec(asciiDigits(text));
  if (!gm) return null;
  const offset = text.length - text.trimStart().length;
  const termRaw = text.slice(text.indexOf(gm[3], offset), text.indexOf(gm[3], offset) + gm[3].length);
  SUBJECT_RE.lastIndex = 0;
  const sm = [...termRaw.matchAll(SUBJECT_RE)][0];
  const start = offset;
  const subject: SubjectClaim | null = sm
    ? {
        kind: "subject",
        row,
        section,
        canonical,
        start: text.indexOf(sm[0]),
        end: text.indexOf(sm[0]) + sm[0].length,
        text: sm[0],
        lei: squeeze(sm[1]),
        kuan: squeeze(sm[2]),
        xiang: squeeze(sm[3]),
        code: options.resolveSubject?.(squeeze(sm[1]), squeeze(sm[2]), squeeze(sm[3])),
        amount: null,
        execution: null,
      }
    : null;
  return {
    kind: "glossary",
    row,
    section,
    canonical,
    start,
    end: text.length,
    text: trimmed,
    index: /^\d+$/.test(gm[1]) ? Number(gm[1]) : cnNumber(gm[1]),
    separator: gm[2],
    term: squeeze(gm[3]),
    definition: gm[4].trim(),
    subject,
  };
}
