/**
 * The 情况说明 parser: paragraph and section recognition (parts, numbered and unnumbered headings, the outlines of
 * ../data/narrative), glossary entries, and the runner of the body paragraphs' claim extractors (./extract/index.ts).
 */
import outlineSichuan from "../data/narrative/outline-sichuan-2020.json";
import outlineNational from "../data/narrative/outline-national-2024.json";
import terms from "../data/narrative/terms.json";
import { assignSlots } from "./slots";
import { EXTRACTORS } from "./extract";
import { glossaryClaim } from "./extract/glossary";
import { asciiDigits, cnNumber, type ParagraphCtx, sentenceIndex, sentenceStarts, squeeze } from "./extract/util";
import type {
  AmountClaim,
  Claim,
  ExecutionClaim,
  NarrativeParagraph,
  NarrativeTemplate,
  Numbering,
  ParseNarrativeOptions,
  ParsedNarrative,
  ParsedParagraph,
  SectionInfo,
  SubjectClaim,
} from "./types";

export { classCode, classCore, cnNumber, currentName, squeeze, subjectKey } from "./extract/util";

interface OutlineSection {
  id: string;
  canonical: string;
  title: string;
  match: string;
  /**
   * A subsection that can stand as a numbered top-level heading: a report of the 三公 alone (“一、…“三公”经费支出决算
   * 总体情况”, “二、…具体情况”) numbers the subsections 一、二.
   */
  topMatch?: string;
}
interface Outline {
  template: string;
  parts: { id: string; match: string }[];
  sections: OutlineSection[];
  partNumbers: Record<string, string>;
}

export const OUTLINES: Record<NarrativeTemplate, Outline> = {
  "sichuan-2020": outlineSichuan as Outline,
  "national-2024": outlineNational as Outline,
};

/** The outlines' match patterns, compiled once (the outlines are bundled data). */
const OUTLINE_RES = new Map<string, RegExp>();
function outlineRe(pattern: string): RegExp {
  let re = OUTLINE_RES.get(pattern);
  if (!re) OUTLINE_RES.set(pattern, (re = new RegExp(pattern, "u")));
  return re;
}

// ---------------------------------------------------------------------------------------------
// Paragraph-level structure

const PART_RE = /^第([一二三四五六七八九十]+)部分\s*(.*)$/;
const CN_HEAD_RE = /^([一二三四五六七八九十]+)\s*[、.．]\s*(.+)$/;
const CN_PAREN_HEAD_RE = /^[（(]\s*([一二三四五六七八九十]+)\s*[）)]\s*(.+)$/;
const ARABIC_LEAD_RE = /^(\d+)\s*([.．、])(?![0-9])\s*/;
const ARABIC_PAREN_LEAD_RE = /^[（(]\s*(\d+)\s*[）)]\s*/;

function leadingNumbering(trimmed: string): { numbering: Numbering; length: number } | null {
  let m = ARABIC_PAREN_LEAD_RE.exec(trimmed);
  if (m) return { numbering: { marker: m[0].trim(), value: Number(m[1]), style: "arabicParen" }, length: m[0].length };
  m = ARABIC_LEAD_RE.exec(asciiDigits(trimmed));
  if (m) return { numbering: { marker: m[0].trim(), value: Number(m[1]), style: "arabic", separator: m[2] }, length: m[0].length };
  m = CN_PAREN_HEAD_RE.exec(trimmed);
  if (m) {
    const v = cnNumber(m[1]);
    if (!Number.isNaN(v)) {
      const len = trimmed.length - m[2].length;
      return { numbering: { marker: trimmed.slice(0, len).trim(), value: v, style: "cnParen" }, length: len };
    }
  }
  m = CN_HEAD_RE.exec(trimmed);
  if (m) {
    const v = cnNumber(m[1]);
    if (!Number.isNaN(v)) {
      const len = trimmed.length - m[2].length;
      const sep = /[、.．]/.exec(trimmed.slice(0, len))?.[0];
      return { numbering: { marker: trimmed.slice(0, len).trim(), value: v, style: "cn", separator: sep }, length: len };
    }
  }
  return null;
}

function looksLikeHeading(title: string): boolean {
  const t = squeeze(title);
  return t.length > 0 && t.length <= 45 && !/万元|%|％|[0-9０-９]+(\.[0-9]+)?(个|人|辆|次)/.test(t) && !/[，,；;]/.test(t);
}

function stripHeadingEnd(s: string): string {
  return squeeze(s).replace(/[。.：:]+$/, "");
}

function normTitle(s: string): string {
  return stripHeadingEnd(s).replace(/["“”'‘’]/g, "");
}

function detectTemplate(paragraphs: NarrativeParagraph[]): NarrativeTemplate {
  for (const p of paragraphs) {
    const t = squeeze(String(p.text ?? ""));
    if (/^十一[、.．]/.test(t) && looksLikeHeading(t)) return "national-2024";
    if (/^十[、.．]预算绩效管理/.test(t)) return "national-2024";
  }
  return "sichuan-2020";
}

function detectYear(paragraphs: NarrativeParagraph[]): number | null {
  for (const p of paragraphs.slice(0, 40)) {
    const m = /(20\d{2}|19\d{2})\s*年度/.exec(String(p.text ?? ""));
    if (m) return Number(m[1]);
  }
  for (const p of paragraphs.slice(0, 40)) {
    const m = /(20\d{2})\s*年/.exec(String(p.text ?? ""));
    if (m) return Number(m[1]);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Body paragraphs

const CHART_ONLY_RE = new RegExp(terms.chartPattern, "gu");

interface Ctx {
  template: NarrativeTemplate;
  options: ParseNarrativeOptions;
}

/**
 * Reads one body paragraph: runs the extractors (./extract/index.ts EXTRACTORS) in order, each pushing its claims
 * onto `claims`, then adds the paragraph's amounts to the section's.
 */
function parseBody(p: ParsedParagraph, bodyStart: number, ctx: Ctx, claims: Claim[], sectionAmounts: AmountClaim[]): void {
  const text = p.text;
  const base = { row: p.row, section: p.section, canonical: p.canonical };
  const pctx: ParagraphCtx = {
    paragraph: p,
    text,
    bodyStart,
    starts: sentenceStarts(text),
    base,
    span: (start, end) => ({ row: base.row, section: base.section, canonical: base.canonical, start, end, text: text.slice(start, end).trim() }),
    options: ctx.options,
    sectionAmounts,
    first: claims.length,
  };
  for (const x of EXTRACTORS) x.extract(pctx, claims);
  for (let i = pctx.first; i < claims.length; i++) {
    const c = claims[i];
    if (c.row === p.row && c.sentence === undefined) c.sentence = sentenceIndex(pctx.starts, c.start);
    if (c.kind === "amount") sectionAmounts.push(c);
  }
}

// ---------------------------------------------------------------------------------------------

/**
 * Parses the 情况说明 paragraphs into sections and claims. Pure; never throws on any input
 * (non-string texts are read as their string form).
 */
/**
 * Half-width punctuation as departments type it (`, ; : ( ) .`) read as its full-width form, one character for
 * one so that every offset stays valid: a comma or colon between two digits (thousands, times) is kept.
 */
export function canonicalPunctuation(text: string): string {
  // Full-width digits (“２３６．０１万元”) read as digits: one character for one, so offsets into the text stay valid.
  if (/[０-９]/.test(text)) text = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/(?<=\d)．(?=\d)/g, ".");
  if (!/[,;:().]/.test(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const digits = i > 0 && i + 1 < text.length && /\d/.test(text[i - 1]) && /\d/.test(text[i + 1]);
    if (ch === "(") out += "（";
    else if (ch === ")") out += "）";
    else if (ch === ";") out += "；";
    else if (ch === "," && !digits) out += "，";
    else if (ch === ":" && !digits) out += "：";
    // A full stop typed half-width ("（项）.", "万元.") ends a sentence; after a digit it is a decimal point or "1." numbering.
    else if (ch === "." && i > 0 && !/[\d.]/.test(text[i - 1]) && !/[.\d]/.test(text[i + 1] ?? "")) out += "。";
    else out += ch;
  }
  return out;
}

export function parseNarrative(paragraphs: NarrativeParagraph[], options: ParseNarrativeOptions = {}): ParsedNarrative {
  const originals: string[] = [];
  const input = (Array.isArray(paragraphs) ? paragraphs : [])
    .filter((p) => p && typeof p === "object")
    .map((p, i) => {
      const original = p.text == null ? "" : String(p.text);
      originals.push(original);
      return { row: Number.isFinite(p.row) ? p.row : i + 1, text: canonicalPunctuation(original) };
    });
  const template = options.template ?? detectTemplate(input);
  const outline = OUTLINES[template] ?? OUTLINES["sichuan-2020"];
  const year = options.year ?? detectYear(input);
  const ctx: Ctx = { template, options };

  const out: ParsedParagraph[] = [];
  const sections: SectionInfo[] = [];
  const parts: ParsedNarrative["parts"] = [];
  const claims: Claim[] = [];
  let part = "preamble";
  let section = "preamble";
  let canonical = "preamble";
  let level1: string | null = null;
  let sectionAmounts: AmountClaim[] = [];
  let profileTop = 0;

  const partOf = (title: string): string | null => {
    const t = normTitle(title);
    for (const pt of outline.parts) if (outlineRe(pt.match).test(t)) return pt.id;
    return null;
  };
  const setSection = (id: string, can: string) => {
    if (id !== section) sectionAmounts = [];
    section = id;
    canonical = can;
  };

  for (const p of input) {
    const text = p.text;
    const trimmed = text.trim();
    const pp: ParsedParagraph = { row: p.row, text, kind: "body", section, canonical, part };
    if (trimmed === "") {
      pp.kind = "empty";
      out.push(pp);
      continue;
    }
    const sq = squeeze(trimmed);
    // part headings
    const pm = PART_RE.exec(sq);
    const bareParts = /^(名词解释|附件|附表)[。:：]?$/.test(sq);
    if ((pm && sq.length <= 40) || bareParts) {
      const title = pm ? pm[2] : sq;
      const id = partOf(title) ?? (pm ? `part${cnNumber(pm[1])}` : "other");
      part = id;
      level1 = null;
      setSection(id, id);
      parts.push({ part: id, row: p.row, text: trimmed, numbered: !!pm });
      out.push({ ...pp, kind: "part", section, canonical, part });
      continue;
    }
    if (part === "glossary") {
      pp.kind = "glossary";
      const lead = leadingNumbering(trimmed);
      if (lead) pp.numbering = lead.numbering;
      const g = glossaryClaim(text, { row: p.row, section, canonical }, options);
      if (g) claims.push(g);
      out.push(pp);
      continue;
    }
    // section headings
    const lead = leadingNumbering(trimmed);
    const offset = text.length - text.trimStart().length;
    if (lead && (lead.numbering.style === "cn" || lead.numbering.style === "cnParen")) {
      const title = trimmed.slice(lead.length);
      if (looksLikeHeading(title)) {
        const nt = normTitle(title);
        let id: string | null = null;
        let can: string | null = null;
        let templateTitle: string | undefined;
        if (part === "profile" || part === "tables" || part === "attachments") {
          if (lead.numbering.style === "cn") {
            profileTop = lead.numbering.value;
            id = `${part}.${profileTop}`;
          } else id = `${part}.${profileTop}.${lead.numbering.value}`;
          can = id;
        } else if (lead.numbering.style === "cn") {
          const tops = outline.sections.filter((s) => !s.id.includes("."));
          const byTitle = tops.find((s) => outlineRe(s.match).test(nt));
          const asTop = byTitle ? undefined : outline.sections.find((s) => s.topMatch && outlineRe(s.topMatch).test(nt));
          const hit = byTitle ?? asTop ?? tops.find((s) => s.id === String(lead.numbering.value));
          if (asTop) {
            id = asTop.id;
            can = asTop.canonical;
            templateTitle = asTop.title;
          } else if (hit) {
            id = hit.id;
            can = hit.canonical;
            templateTitle = hit.title;
          } else {
            id = String(lead.numbering.value);
            can = id;
          }
          level1 = asTop ? asTop.id.split(".")[0] : id;
        } else {
          let parentId: string = level1 ?? (section.split(".")[0] || "0");
          const kids = outline.sections.filter((s) => s.id.startsWith(parentId + "."));
          const subs = outline.sections.filter((s) => s.id.includes("."));
          const exact = (s: OutlineSection) => normTitle(s.title) === nt;
          let hit =
            kids.find(exact) ?? kids.find((s) => outlineRe(s.match).test(nt)) ?? kids.find((s) => s.id === `${parentId}.${lead.numbering.value}`);
          if (!hit && (level1 === null || !kids.length)) {
            // a subsection heading without its parent heading (a pasted excerpt): find it by title
            hit = subs.find(exact) ?? subs.find((s) => outlineRe(s.match).test(nt) && !/^(总体|结构|具体)情况$/.test(s.match));
            if (hit) {
              parentId = hit.id.split(".")[0];
              level1 = parentId;
            }
          }
          if (hit) {
            id = hit.id;
            can = hit.canonical;
            templateTitle = hit.title;
          } else {
            id = `${parentId}.${lead.numbering.value}`;
            const parentCanon = outline.sections.find((s) => s.id === parentId)?.canonical ?? parentId;
            can = `${parentCanon}.${lead.numbering.value}`;
          }
        }
        if (part === "preamble") part = "report";
        setSection(id, can!);
        sections.push({
          id,
          canonical: can!,
          title: stripHeadingEnd(title),
          templateTitle,
          row: p.row,
          level: lead.numbering.style === "cn" ? 1 : 2,
          part,
          numbering: lead.numbering,
        });
        out.push({ ...pp, kind: "heading", section, canonical, part, numbering: lead.numbering });
        continue;
      }
    }
    if (!lead && (part === "report" || part === "preamble") && looksLikeHeading(trimmed)) {
      // an unnumbered heading ("收入支出决算总体情况说明" in the seed)
      const nt = normTitle(trimmed);
      const hit = outline.sections
        .filter((s) => !s.id.includes("."))
        .find((s) => outlineRe(s.match).test(nt) && nt.length <= normTitle(s.title).length + 6);
      if (hit) {
        if (part === "preamble") part = "report";
        level1 = hit.id;
        setSection(hit.id, hit.canonical);
        sections.push({ id: hit.id, canonical: hit.canonical, title: stripHeadingEnd(trimmed), templateTitle: hit.title, row: p.row, level: 1, part });
        out.push({ ...pp, kind: "heading", section, canonical, part });
        continue;
      }
    }
    if (part === "preamble") part = "report";
    pp.part = part;
    pp.section = section;
    pp.canonical = canonical;
    let bodyStart = offset;
    if (lead) {
      pp.numbering = lead.numbering;
      bodyStart = offset + lead.length;
      const rest = trimmed.slice(lead.length);
      if (lead.numbering.style === "arabic" && looksLikeHeading(rest) && squeeze(rest).length <= 20 && !/（类）/.test(rest)) {
        pp.kind = "subheading";
        out.push(pp);
        continue;
      }
    }
    const chartOnly = sq.replace(CHART_ONLY_RE, "") === "";
    if (chartOnly) pp.kind = "chart";
    try {
      parseBody(pp, bodyStart, ctx, claims, sectionAmounts);
    } catch {
      // a paragraph the patterns cannot read yields no claims rather than an exception
    }
    out.push(pp);
  }

  // Paragraphs and the claims quoted from them show the text as written.
  const byRow = new Map<number, { canonical: string; original: string }>();
  input.forEach((p, i) => byRow.set(p.row, { canonical: p.text, original: originals[i] }));
  for (const pp of out) {
    const o = byRow.get(pp.row);
    if (o && pp.text === o.canonical) pp.text = o.original;
  }
  for (const c of claims) {
    const o = byRow.get(c.row);
    if (o && o.canonical !== o.original && c.text === o.canonical.slice(c.start, c.end).trim()) c.text = o.original.slice(c.start, c.end).trim();
  }
  const parsed: ParsedNarrative = { template, year, paragraphs: out, sections, parts, claims };
  nestedItems(parsed, options);
  joinItemContinuations(parsed);
  assignSlots(parsed);
  return parsed;
}

/** A numbered 五(三) item (“1.”, “1、”, “（1）”, “①”), not a decimal number. */
const ITEM_START = /^\s*(?:[（(]\s*\d+\s*[)）]|[①-⑳]|\d{1,2}\s*[.．、](?!\d{1,2}(?:\D|$)))/u;
/** “1.一般公共服务支出（类）” alone: the 类 of the nested items below it. */
const CLASS_LINE = /^\s*(?:\d{1,2}\s*[.．、]|[（(]\s*\d+\s*[)）]|[一二三四五六七八九十]+[、.．])?\s*([\u4e00-\u9fa5、]{2,24}?)\s*（类）[\s：:。]*$/u;
/** “（1）宣传事务（款）一般行政管理事务（项）。…”: a path without its 类. */
const KUAN_XIANG = /([\u4e00-\u9fa5、（）]{2,24}?)\s*（款）\s*([\u4e00-\u9fa5、]{2,30}?)\s*（项）/u;

/**
 * 五(三) items nested under a 类 line (“1.一般公共服务支出（类）” then “（1）宣传事务（款）一般行政管理事务（项）。年初预算为…”):
 * each 款/项 path takes the 类 of the line above, and its figures, as the one-line form does.
 */
function nestedItems(parsed: ParsedNarrative, options: ParseNarrativeOptions): void {
  let lei: string | undefined;
  const added: Claim[] = [];
  for (const p of parsed.paragraphs) {
    if (p.canonical !== "5.3" || p.kind === "heading" || p.kind === "empty") {
      lei = undefined;
      continue;
    }
    const cl = CLASS_LINE.exec(p.text);
    if (cl) {
      lei = squeeze(cl[1]).replace(/^.*[、：:]/u, "");
      continue;
    }
    if (!lei || p.text.includes("（类）")) continue;
    const m = KUAN_XIANG.exec(p.text);
    if (!m) continue;
    const own = parsed.claims.filter((c) => c.row === p.row);
    const after = (c: Claim) => c.start >= m.index + m[0].length;
    const amounts = own.filter((c): c is AmountClaim => c.kind === "amount" && after(c));
    const kuan = squeeze(m[1]).replace(/^[）)、.．\s]+/u, "");
    const xiang = squeeze(m[2]);
    const sc: SubjectClaim = {
      kind: "subject",
      row: p.row,
      section: p.section,
      canonical: p.canonical,
      start: m.index,
      end: m.index + m[0].length,
      text: p.text.slice(m.index, m.index + m[0].length).trim(),
      lei,
      kuan,
      xiang,
      code: options.resolveSubject?.(lei, kuan, xiang),
      amount: amounts.find((a) => a.role !== "budget") ?? null,
      budget: amounts.find((a) => a.role === "budget") ?? null,
      execution: own.find((c): c is ExecutionClaim => c.kind === "execution" && after(c)) ?? null,
    };
    added.push(sc);
  }
  if (added.length === 0) return;
  // Keep the claims in paragraph order (rules list findings in it).
  for (const sc of added) {
    const at = parsed.claims.findIndex((c) => c.row > sc.row);
    parsed.claims.splice(at < 0 ? parsed.claims.length : at, 0, sc);
  }
}

/**
 * 五(三) items broken over rows as pasted from Word or a PDF (“7、…事业单位医疗（项）。” / “主要用于：” / “年初预算为196.40万元，
 * 支出决算为196.29万元，…”): the figures of the paragraphs that continue an item (no number, no 科目 path of their own)
 * are the item's, when the item's own paragraph did not give them.
 */
function joinItemContinuations(parsed: ParsedNarrative): void {
  const byRow = new Map<number, Claim[]>();
  for (const c of parsed.claims) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  let item: SubjectClaim | undefined;
  for (const p of parsed.paragraphs) {
    if (p.kind === "empty") continue;
    if (p.canonical !== "5.3" || p.kind === "heading") {
      item = undefined;
      continue;
    }
    const own = byRow.get(p.row) ?? [];
    const subjects = own.filter((c): c is SubjectClaim => c.kind === "subject");
    if (subjects.length || ITEM_START.test(p.text)) {
      item = subjects.length ? subjects[subjects.length - 1] : undefined;
      continue;
    }
    if (!item) continue;
    const amounts = own.filter((c): c is AmountClaim => c.kind === "amount");
    item.amount ??= amounts.find((a) => a.role !== "budget") ?? null;
    item.budget ??= amounts.find((a) => a.role === "budget") ?? null;
    item.execution ??= own.find((c): c is ExecutionClaim => c.kind === "execution") ?? null;
  }
}
