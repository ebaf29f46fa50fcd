/**
 * The text of a Word (.docx) 情况说明, paragraph by paragraph, as a person sees it: automatic list numbers
 * (“一、”“（一）”“1.”) written out from numbering.xml, tabs and line breaks kept, tables' cells as lines.
 * Pure: it takes the XML parts as strings (the CLI unzips with JSZip, the pane the same in the browser),
 * and reads only the WordprocessingML elements it needs (ECMA-376 Part 1, §17.3.1 paragraphs, §17.9 numbering).
 */

export interface DocxParts {
  /** word/document.xml */
  document: string;
  /** word/numbering.xml, when the file has lists. */
  numbering?: string;
  /** word/styles.xml: paragraph styles may carry the numbering (w:pStyle → w:numPr). */
  styles?: string;
}

interface Level {
  fmt: string;
  text: string;
  start: number;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e],
  );
}

import { chineseCounting } from "./numerals";

export { chineseCounting };

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "ideographTraditional":
    case "japaneseCounting":
    case "taiwaneseCounting":
      return chineseCounting(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case "lowerLetter":
      return String.fromCharCode(97 + ((n - 1) % 26));
    case "upperLetter":
      return String.fromCharCode(65 + ((n - 1) % 26));
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperRoman":
      return roman(n);
    case "bullet":
    case "none":
      return "";
    default:
      return String(n);
  }
}

function roman(n: number): string {
  const t: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [v, s] of t) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** numId → levels (through w:num → w:abstractNum, with w:lvlOverride/w:startOverride). */
function parseNumbering(xml: string | undefined): Map<string, Map<number, Level>> {
  const out = new Map<string, Map<number, Level>>();
  if (!xml) return out;
  const abstract = new Map<string, Map<number, Level>>();
  for (const m of xml.matchAll(/<w:abstractNum\b([^>]*)>([\s\S]*?)<\/w:abstractNum>/g)) {
    const id = attr(m[1], "w:abstractNumId");
    if (id === undefined) continue;
    const levels = new Map<number, Level>();
    for (const l of m[2].matchAll(/<w:lvl\b([^>]*)>([\s\S]*?)<\/w:lvl>/g)) {
      const ilvl = Number(attr(l[1], "w:ilvl") ?? "0");
      const fmt = attr(/<w:numFmt\b[^>]*>/.exec(l[2])?.[0] ?? "", "w:val") ?? "decimal";
      const text = unescapeXml(attr(/<w:lvlText\b[^>]*>/.exec(l[2])?.[0] ?? "", "w:val") ?? "");
      const start = Number(attr(/<w:start\b[^>]*>/.exec(l[2])?.[0] ?? "", "w:val") ?? "1");
      levels.set(ilvl, { fmt, text, start });
    }
    abstract.set(id, levels);
  }
  for (const m of xml.matchAll(/<w:num\b([^>]*)>([\s\S]*?)<\/w:num>/g)) {
    const numId = attr(m[1], "w:numId");
    const abs = attr(/<w:abstractNumId\b[^>]*>/.exec(m[2])?.[0] ?? "", "w:val");
    if (numId === undefined || abs === undefined) continue;
    const levels = new Map(abstract.get(abs) ?? []);
    for (const o of m[2].matchAll(/<w:lvlOverride\b([^>]*)>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const ilvl = Number(attr(o[1], "w:ilvl") ?? "0");
      const start = attr(/<w:startOverride\b[^>]*>/.exec(o[2])?.[0] ?? "", "w:val");
      const base = levels.get(ilvl);
      if (base && start !== undefined) levels.set(ilvl, { ...base, start: Number(start) });
    }
    out.set(numId, levels);
  }
  return out;
}

/** Paragraph style id → its numbering (numId, ilvl). */
function parseStyleNumbering(xml: string | undefined): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  if (!xml) return out;
  for (const m of xml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attr(m[1], "w:styleId");
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(m[2])?.[1];
    if (!id || !numPr) continue;
    const numId = attr(/<w:numId\b[^>]*>/.exec(numPr)?.[0] ?? "", "w:val");
    if (numId) out.set(id, { numId, ilvl: Number(attr(/<w:ilvl\b[^>]*>/.exec(numPr)?.[0] ?? "", "w:val") ?? "0") });
  }
  return out;
}

/** The visible text of one w:p's runs: w:t, w:tab as a tab, w:br/w:cr as a line break; deleted text (w:del) left out. */
function runText(p: string): string {
  const body = p.replace(/<w:del\b[\s\S]*?<\/w:del>/g, "").replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, "");
  let out = "";
  for (const m of body.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:t\s*\/>|<w:(tab|br|cr)\b[^>]*\/>|<w:noBreakHyphen\s*\/>/g)) {
    if (m[1] !== undefined) out += unescapeXml(m[1]);
    else if (m[2] === "tab") out += "\t";
    else if (m[2] === "br" || m[2] === "cr") out += "\n";
    else if (m[0].startsWith("<w:noBreakHyphen")) out += "-";
  }
  return out;
}

/**
 * The document's paragraphs in order, with list numbers written out; empty paragraphs dropped.
 * Line breaks inside a paragraph stay ("\n") so the narrative reader may join or split them as it does text.
 */
export function docxParagraphs(parts: DocxParts): string[] {
  const numbering = parseNumbering(parts.numbering);
  const styleNum = parseStyleNumbering(parts.styles);
  const counters = new Map<string, number[]>();
  const out: string[] = [];
  const body = /<w:body>([\s\S]*)<\/w:body>/.exec(parts.document)?.[1] ?? parts.document;
  for (const m of body.matchAll(/<w:p\b[^>]*\/>|<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)) {
    const p = m[1] ?? "";
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p)?.[1] ?? "";
    let prefix = "";
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(pPr)?.[1];
    let num: { numId: string; ilvl: number } | undefined;
    if (numPr) {
      const numId = attr(/<w:numId\b[^>]*>/.exec(numPr)?.[0] ?? "", "w:val");
      if (numId) num = { numId, ilvl: Number(attr(/<w:ilvl\b[^>]*>/.exec(numPr)?.[0] ?? "", "w:val") ?? "0") };
    } else {
      const style = attr(/<w:pStyle\b[^>]*>/.exec(pPr)?.[0] ?? "", "w:val");
      if (style) num = styleNum.get(style);
    }
    const levels = num && num.numId !== "0" ? numbering.get(num.numId) : undefined;
    const text = runText(p);
    if (num && levels) {
      const lvl = levels.get(num.ilvl);
      if (lvl && text.trim() !== "") {
        const c = counters.get(num.numId) ?? [];
        for (let i = 0; i < num.ilvl; i++) if (c[i] === undefined) c[i] = (levels.get(i)?.start ?? 1) - 1;
        c[num.ilvl] = (c[num.ilvl] ?? lvl.start - 1) + 1;
        c.length = num.ilvl + 1; // deeper levels restart
        counters.set(num.numId, c);
        prefix = lvl.text.replace(/%(\d)/g, (_, d: string) => {
          const i = Number(d) - 1;
          return formatNumber(c[i] ?? levels.get(i)?.start ?? 1, levels.get(i)?.fmt ?? "decimal");
        });
        if (lvl.fmt === "bullet") prefix = "";
      }
    }
    const full = prefix + text;
    if (full.trim() !== "") out.push(full);
  }
  return out;
}
