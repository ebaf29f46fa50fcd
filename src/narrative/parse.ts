import type Decimal from "decimal.js";
import outlineSichuan from "../data/narrative/outline-sichuan-2020.json";
import outlineNational from "../data/narrative/outline-national-2024.json";
import classesData from "../data/narrative/classes.json";
import terms from "../data/narrative/terms.json";
import renamesData from "../data/names-renamed.json";
import { tryParseAmount, parsePercent } from "../money/parse";
import { assignSlots } from "./slots";
import type {
  AmountClaim,
  ChangeClaim,
  Claim,
  ClassClaim,
  CountClaim,
  Direction,
  EnumerationItem,
  ExecutionClaim,
  GlossaryClaim,
  NarrativeParagraph,
  NarrativeTemplate,
  Numbering,
  ParseNarrativeOptions,
  ParsedNarrative,
  ParsedParagraph,
  SectionInfo,
  ShareClaim,
  SubjectClaim,
} from "./types";

interface OutlineSection {
  id: string;
  canonical: string;
  title: string;
  match: string;
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

const CLASSES: Record<string, string> = classesData.classes;
const CLASS_BY_NAME = new Map(Object.entries(CLASSES).map(([code, name]) => [name, code]));
const RENAMES = renamesData.renames;

const CN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十 → 10, 十一 → 11, 二十三 → 23; NaN when not a Chinese numeral. */
export function cnNumber(s: string): number {
  if (!/^[零一二两三四五六七八九十]+$/.test(s)) return NaN;
  if (s === "十") return 10;
  const i = s.indexOf("十");
  if (i < 0) return s.length === 1 ? CN_DIGITS[s] : NaN;
  const tens = i === 0 ? 1 : CN_DIGITS[s.slice(0, i)];
  const ones = i === s.length - 1 ? 0 : CN_DIGITS[s.slice(i + 1)];
  return tens * 10 + (ones ?? NaN);
}

const WS = /[\s\u00a0\u3000]/g;
export function squeeze(s: string): string {
  return s.replace(WS, "");
}

/** Full-width digits to ASCII, keeping string length (offsets stay valid). */
function asciiDigits(s: string): string {
  return s.replace(/[０-９．％]/g, (c) => (c === "．" ? "." : c === "％" ? "%" : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
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
// Tokens

interface Token {
  kind: "amount" | "percent" | "count" | "approx";
  raw: string;
  value: Decimal;
  decimals: number;
  unit: string | null;
  /** number start / end of number+unit */
  start: number;
  end: number;
  numEnd: number;
  label: string;
  labelStart: number;
  /** Text from the clause start (ignoring earlier numbers) to the number. */
  clauseLabel: string;
  /** Words after the unit, to the next boundary. */
  tail: string;
  sentence: number;
}

const charCodes = (chars: string) => new Set([...chars].map((c) => c.charCodeAt(0)));
/** Characters that end a label (a clause boundary). */
const BOUNDARY = charCodes("，,。；;：:、！？!?\n");
/** Characters that end a sentence. */
const SENTENCE_END = charCodes("。！？!?");
const COUNT_UNITS: string[] = [...terms.countUnits].sort((a, b) => b.length - a.length);
const DATE_UNITS: string[] = terms.dateUnits;
const AMOUNT_CONTEXT = new RegExp(terms.amountContext, "u");
const CHART_RE = new RegExp(terms.chartPattern, "gu");
const REASON_RE = new RegExp(terms.reasonPattern, "u");
const REASON_RE_ALL = new RegExp(terms.reasonPattern, "gu");
const CHART_ONLY_RE = new RegExp(terms.chartPattern, "gu");

/** The word of a change amount, with the particles departments add (“减少了”, “增加约”). */
const CHANGE_AMOUNT_WORD = /(增加|减少|增加\s*[/／]\s*减少|减少\s*[/／]\s*增加|增加\s*[（(]\s*减少\s*[）)]|减少\s*[（(]\s*增加\s*[）)])(?:了|约|为)?$/;
/** The word of a change rate: 增长/下降 and the ways reports put it (降幅、减幅为、增长率为、下降幅度). */
const CHANGE_RATE_WORD =
  /(增长|下降|上升|降低|增幅|涨幅|降幅|减幅|增长率|下降率|减少率|增长幅度|下降幅度|减少幅度|增长\s*[/／]\s*下降|下降\s*[/／]\s*增长|增长\s*[（(]\s*下降\s*[）)]|下降\s*[（(]\s*增长\s*[）)])(?:了|约|为|达)?$/;
const EXEC_WORD = /完成(年初|全年|调整后)?预算(数)?的?$/;
/**
 * Other ways the budget sections (五, 七) put the completion rate: “预算完成率为”, “执行率”, “为年初预算的”. Read only in
 * those sections: elsewhere (绩效, 十) “执行率” is a project's own figure, judged by the performance checks.
 */
const EXEC_WORD_BUDGET_SECTIONS = /(?:(?:年初|全年|调整后)?预算(?:完成|执行)率(?:为|达)?|执行率(?:为|达)?|(?:为|占|达到?)(?:年初|全年|调整后)?预算(?:数)?的)$/;
const isExecWord = (label: string, canonical: string): boolean => EXEC_WORD.test(label) || (/^[57](\.|$)/.test(canonical) && EXEC_WORD_BUDGET_SECTIONS.test(label));
const SHARE_WORD = /^占(.*?)的?$/;
/**
 * A share that names its part without an amount: “基本支出占59.94%”, “项目支出所占比重为40.06%”, “其中：事业收入占比10%”.
 * The subject is held in `subject`; the amount is the table's (bindings), never guessed from the text.
 */
const SUBJECT_SHARE_WORD = /^(?:其中[：:]?)?([^，。；、,;：:]{2,24}?)(?:所占比重|所占比例|占比|占)(?:为|是)?(.*?)的?(?:比重|比例)?(?:为|是)?$/u;
/** A 预算数 label: "年初预算为", "全年预算数", "预算数为" — not a budget kind's name ("一般公共预算"). */
const BUDGET_LABEL = /(年初|全年|调整后)?预算数?为?$/;
const BUDGET_KIND = /(公共|基金|经营)预算$/;
function isBudgetLabel(label: string): boolean {
  return BUDGET_LABEL.test(label) && !BUDGET_KIND.test(label) && !/决算数?为?$/.test(label);
}

function directionOf(word: string): Direction {
  const w = squeeze(word);
  if (/[/／（(]/.test(w)) return "ambiguous";
  if (/^(增加|增长|上升|提高|增幅|涨幅|增长率|增长幅度)$/.test(w)) return "increase";
  if (/^(减少|下降|降低|降幅|减幅|下降率|减少率|下降幅度|减少幅度)$/.test(w)) return "decrease";
  return "ambiguous";
}

function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (SENTENCE_END.has(text.charCodeAt(i)) && i + 1 < text.length) starts.push(i + 1);
  return starts;
}

function sentenceIndex(starts: number[], pos: number): number {
  let k = 0;
  while (k + 1 < starts.length && starts[k + 1] <= pos) k++;
  return k;
}

function sentenceEnd(text: string, pos: number): number {
  const m = /[。！？!?]/.exec(text.slice(pos));
  return m ? pos + m.index + 1 : text.length;
}

/** Blank out spans the number scanner must not see (chart markers, book titles, 【请填写】 markers), keeping offsets. */
function maskSpans(text: string): string {
  let s = text.replace(CHART_RE, (m) => " ".repeat(m.length));
  s = s.replace(/《[^》]*》/g, (m) => " ".repeat(m.length));
  // 【请填写：…】 markers left by the generator: the words inside are an instruction, not figures
  s = s.replace(/【\s*请填写[^】]*】/g, (m) => " ".repeat(m.length));
  return s;
}

/** "收、支总计": the 、 inside 收、支 does not end a label. */
function isJoiner(text: string, i: number): boolean {
  return text[i] === "、" && text[i - 1] === "收" && text[i + 1] === "支";
}

function tokenize(paragraph: string, from: number, starts: number[]): Token[] {
  // Stray punctuation between a word and its figure (“占,88.19%”, “为:12万元”) does not end the label; a space of
  // the same length keeps every offset.
  const text = paragraph.replace(/([占为是计])[,，、:：](?=\s*\d)/gu, "$1 ");
  const scan = asciiDigits(maskSpans(text));
  const tokens: Token[] = [];
  const re = /\d+(?:,\d{3})*(?:\.\d+)?/g;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  let prevEnd = from;
  while ((m = re.exec(scan))) {
    const start = m.index;
    if (start > 0 && /[\d.]/.test(scan[start - 1])) continue;
    const numEnd = start + m[0].length;
    let rest = scan.slice(numEnd);
    const restTrim = rest.replace(/^[ \u00a0\u3000]+/, "");
    const gap = rest.length - restTrim.length;
    rest = restTrim;
    if (DATE_UNITS.some((u) => rest.startsWith(u))) {
      prevEnd = numEnd + gap + (rest.startsWith("年度") ? 2 : 1);
      continue;
    }
    // "（1）" in running text, "附件1", "图1"
    if (/[（(]\s*$/.test(scan.slice(Math.max(0, start - 2), start)) && /^[）)]/.test(rest)) continue;
    if (/(附件|附表|图|第|表)\s*$/.test(scan.slice(Math.max(0, start - 3), start))) continue;
    let unit: string | null = null;
    let kind: Token["kind"] | null = null;
    if (rest.startsWith("%")) {
      unit = "%";
      kind = "percent";
    } else if (rest.startsWith("万元") || (rest.startsWith("万") && !/^万[份条人次个件]/.test(rest))) {
      unit = rest.startsWith("万元") ? "万元" : "万";
      kind = "amount";
    } else if (rest.startsWith("元")) {
      unit = "元";
      kind = "amount";
    } else if (rest.startsWith("亿元") || (rest.startsWith("亿") && !/^亿[份条人次个件]/.test(rest))) {
      unit = rest.startsWith("亿元") ? "亿元" : "亿";
      kind = "amount";
    } else {
      const cu = COUNT_UNITS.find((u) => rest.startsWith(u));
      if (cu) {
        unit = cu;
        kind = cu === "余" ? "approx" : "count";
      } else if (/^万[份条人次个件]/.test(rest) || /^[a-zA-Z]/.test(rest)) {
        kind = "approx";
        unit = rest[0];
      }
    }
    const end = numEnd + (unit ? gap + unit.length : 0);
    // label: from the last boundary or previous token to the number
    let ls = start;
    while (ls > prevEnd && !(BOUNDARY.has(text.charCodeAt(ls - 1)) && !isJoiner(text, ls - 1))) ls--;
    let cs = start;
    while (cs > from && !(BOUNDARY.has(text.charCodeAt(cs - 1)) && !isJoiner(text, cs - 1))) cs--;
    const labelRaw = text.slice(ls, start);
    const label = squeeze(labelRaw);
    // threshold "50万元以上"
    if (kind === "amount" && /^(以上|以下|（含）以上)/.test(squeeze(scan.slice(end, end + 6)))) kind = "approx";
    if (kind === null) {
      // a bare number: an amount only in an amount context (missing unit) or after a percent word
      if (CHANGE_AMOUNT_WORD.test(label) || AMOUNT_CONTEXT.test(label)) kind = "amount";
      else {
        prevEnd = numEnd;
        continue;
      }
    }
    let te = end;
    while (te < text.length && !BOUNDARY.has(text.charCodeAt(te))) te++;
    const digits = m[0].replace(/,/g, "");
    const dot = digits.indexOf(".");
    const value = kind === "percent" ? parsePercent(digits) : tryParseAmount(digits)?.value ?? null;
    if (!value) {
      prevEnd = end;
      continue;
    }
    // Amounts written in 元 ("23,005.58元") are held in 万元 like every other amount, exactly (÷ 10 000).
    const yuan = kind === "amount" && unit === "元";
    // And amounts in 亿元 (“0.22亿元”) × 10 000; their precision in 万元 may be coarser than 1 (decimals < 0).
    const yi = kind === "amount" && (unit === "亿元" || unit === "亿");
    const places = dot < 0 ? 0 : digits.length - dot - 1;
    tokens.push({
      kind,
      raw: text.slice(start, end),
      value: yuan ? value.div(10000) : yi ? value.times(10000) : value,
      decimals: yuan ? places + 4 : yi ? places - 4 : places,
      unit: unit === "万" || yi ? "万元" : unit,
      start,
      end,
      numEnd,
      label,
      labelStart: ls,
      clauseLabel: squeeze(text.slice(cs, start)),
      tail: squeeze(text.slice(end, te)),
      sentence: sentenceIndex(starts, start),
    });
    prevEnd = end;
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Subjects (科目 paths) and classes

const SUBJECT_RE = /([\u4e00-\u9fa5、]{2,24}?)\s*（类）\s*([\u4e00-\u9fa5、（）]{2,24}?)\s*（款）\s*([\u4e00-\u9fa5、]{2,30}?)\s*（项）/gu;

/** Applies the renaming table: old names → current names (for comparing, not for reporting). */
export function currentName(name: string): string {
  let s = name;
  for (const r of RENAMES) if (s.includes(r.old)) s = s.split(r.old).join(r.new);
  return s;
}

/** 类 core name: whitespace removed, trailing 支出 removed, renamed to the current edition. */
export function classCore(lei: string): string {
  return currentName(squeeze(lei)).replace(/支出$/, "");
}

export function classCode(lei: string): string | undefined {
  return CLASS_BY_NAME.get(classCore(lei));
}

function subjectKey(s: { lei: string; kuan: string; xiang: string }): string {
  return `${classCore(s.lei)}/${currentName(s.kuan)}/${currentName(s.xiang)}`;
}
export { subjectKey };

// ---------------------------------------------------------------------------------------------

interface Ctx {
  template: NarrativeTemplate;
  options: ParseNarrativeOptions;
}

const SANGONG_KEYS: [RegExp, string][] = [
  [/出国/, "abroad"],
  [/公务用车/, "vehicle"],
  [/接待/, "reception"],
];

function sangongKey(s: string): string | null {
  for (const [re, k] of SANGONG_KEYS) if (re.test(s)) return k;
  return null;
}

function cleanItemLabel(label: string): string {
  return label.replace(/^(其中|主要用于以下方面|主要用于)[：:]?/, "").replace(/^\d{4}年度?/, "");
}

function parseBody(
  p: ParsedParagraph,
  bodyStart: number,
  ctx: Ctx,
  claims: Claim[],
  sectionAmounts: AmountClaim[],
): void {
  const text = p.text;
  const base = { row: p.row, section: p.section, canonical: p.canonical };
  const span = (start: number, end: number) => ({ row: base.row, section: base.section, canonical: base.canonical, start, end, text: text.slice(start, end).trim() });
  const starts = sentenceStarts(text);

  // chart markers
  CHART_RE.lastIndex = 0;
  for (const m of text.matchAll(CHART_RE)) {
    claims.push({
      kind: "chart",
      ...span(m.index!, m.index! + m[0].length),
      number: Number(asciiDigits(m[1])),
      title: m[2].trim(),
      chartType: m[3] ?? null,
    });
  }

  // 一是、二是…
  const shi = text.includes("是") ? [...text.matchAll(/(^|[。；;，,：:\s])([一二三四五六七八九十]+)是/gu)] : [];
  if (shi.length >= 2) {
    claims.push({
      kind: "enumMarkers",
      ...span(shi[0].index! + shi[0][1].length, shi[shi.length - 1].index! + shi[shi.length - 1][0].length),
      values: shi.map((m) => cnNumber(m[2])),
      markers: shi.map((m) => m[2] + "是"),
    });
  }

  const tokens = tokenize(text, bodyStart, starts);
  const amounts: AmountClaim[] = [];
  const amountByToken = new Map<Token, AmountClaim>();
  const shares: ShareClaim[] = [];
  const execs: ExecutionClaim[] = [];
  const used = new Set<Token>();

  // Stop position for the search of a comparison or reason after token i.
  const stopAfter = (i: number): number => {
    const t = tokens[i];
    const sentEnd = sentenceEnd(text, t.end);
    const limit = sentenceEnd(text, sentEnd);
    for (let k = i + 1; k < tokens.length; k++) {
      const n = tokens[k];
      if (n.kind === "amount" || (n.kind === "percent" && isExecWord(n.label, base.canonical))) return Math.min(n.labelStart, limit);
    }
    return limit;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (used.has(t)) continue;
    if (t.kind === "amount" && CHANGE_AMOUNT_WORD.test(t.label)) {
      const wm = CHANGE_AMOUNT_WORD.exec(t.label)!;
      const word = wm[1];
      const next = tokens[i + 1];
      const rateTok =
        next && next.kind === "percent" && next.sentence === t.sentence && CHANGE_RATE_WORD.test(next.label) ? next : null;
      if (rateTok) used.add(rateTok);
      const rateWord = rateTok ? CHANGE_RATE_WORD.exec(rateTok.label)![1] : null;
      const subjectRaw = t.clauseLabel.slice(0, t.clauseLabel.length - squeeze(wm[0]).length);
      const end = rateTok ? rateTok.end : t.end;
      const change: ChangeClaim = {
        kind: "change",
        ...span(t.labelStart, end),
        subject: changeSubject(subjectRaw),
        direction: directionOf(word),
        directionWord: squeeze(word),
        amount: t.value,
        amountDecimals: t.decimals,
        rate: rateTok ? rateTok.value : null,
        rateDecimals: rateTok ? rateTok.decimals : 0,
        rateWord: rateWord ? squeeze(rateWord) : null,
        rateDirection: rateWord ? directionOf(rateWord) : null,
        priorYear: priorYearOf(text.slice(Math.max(0, t.labelStart - 20), t.start)),
        residue: directionOf(word) === "ambiguous" || (rateWord !== null && directionOf(rateWord) === "ambiguous"),
        current: lastAmount(amounts, sectionAmounts),
      };
      claims.push(change);
      continue;
    }
    if (t.kind === "percent" && CHANGE_RATE_WORD.test(t.label)) {
      const rm = CHANGE_RATE_WORD.exec(t.label)!;
      const word = rm[1];
      claims.push({
        kind: "change",
        ...span(t.labelStart, t.end),
        subject: changeSubject(t.clauseLabel.slice(0, t.clauseLabel.length - squeeze(rm[0]).length)),
        direction: directionOf(word),
        directionWord: squeeze(word),
        amount: null,
        amountDecimals: 0,
        rate: t.value,
        rateDecimals: t.decimals,
        rateWord: squeeze(word),
        rateDirection: directionOf(word),
        priorYear: priorYearOf(text.slice(Math.max(0, t.labelStart - 20), t.start)),
        residue: directionOf(word) === "ambiguous",
        current: lastAmount(amounts, sectionAmounts),
      });
      continue;
    }
    if (t.kind === "percent" && isExecWord(t.label, base.canonical)) {
      const stop = stopAfter(i);
      const after = text.slice(t.end, Math.max(t.end, stop));
      const cmp = /(决算数|执行数|支出决算数|支出决算|决算)?\s*(大于|小于|等于)(\s*[/／（(]\s*(大于|小于)\s*[）)]?)?\s*(年初|全年|调整后)?预算数?/u.exec(after);
      const reasonM = REASON_RE.exec(after);
      let reason: string | null = null;
      if (reasonM) {
        const rs = t.end + reasonM.index;
        reason = text.slice(rs, sentenceEnd(text, rs)).trim();
      }
      const before = [...amounts].reverse().filter((a) => a.start < t.start && sentenceIndex(starts, a.start) === t.sentence);
      const prev = before.find((a) => a.role !== "budget") ?? null;
      // The budget of the same subject: next to its 决算数 (just before or just after it), not a budget stated
      // earlier in a long sentence for another subject (“三公”经费年初预算…，其中：因公出国（境）费决算为…).
      const pi = prev ? before.indexOf(prev) : -1;
      const near = pi >= 0 ? [before[pi + 1], before[pi - 1]] : [before[0]];
      const budget = near.find((a) => a !== undefined && a.role === "budget") ?? null;
      const ex: ExecutionClaim = {
        kind: "execution",
        ...span(t.labelStart, t.end),
        rate: t.value,
        decimals: t.decimals,
        raw: t.raw,
        actual: prev,
        budget,
        comparison: cmp ? (cmp[3] ? "ambiguous" : cmp[2] === "大于" ? "over" : cmp[2] === "小于" ? "under" : null) : null,
        comparisonText: cmp ? cmp[0].trim() : null,
        reason,
      };
      execs.push(ex);
      claims.push(ex);
      continue;
    }
    const subjectShare = t.kind === "percent" && !SHARE_WORD.test(t.label) ? SUBJECT_SHARE_WORD.exec(t.label) : null;
    if (subjectShare && !amounts.some((a) => a.end <= t.start && sentenceIndex(starts, a.start) === t.sentence && a.start >= t.labelStart)) {
      const sh: ShareClaim = {
        kind: "share",
        ...span(t.labelStart, t.end),
        label: t.label,
        denominator: subjectShare[2] ?? "",
        value: t.value,
        decimals: t.decimals,
        raw: t.raw,
        of: null,
        subject: subjectShare[1],
      };
      shares.push(sh);
      claims.push(sh);
      continue;
    }
    if (t.kind === "percent" && SHARE_WORD.test(t.label)) {
      const prev = [...amounts].reverse().find((a) => a.end <= t.start && sentenceIndex(starts, a.start) === t.sentence) ?? null;
      const sh: ShareClaim = {
        kind: "share",
        ...span(t.labelStart, t.end),
        label: t.label,
        denominator: SHARE_WORD.exec(t.label)![1] ?? "",
        value: t.value,
        decimals: t.decimals,
        raw: t.raw,
        of: prev,
      };
      shares.push(sh);
      claims.push(sh);
      continue;
    }
    if (t.kind === "amount") {
      const a: AmountClaim = {
        kind: "amount",
        ...span(t.labelStart, t.end),
        label: t.label,
        value: t.value,
        unit: t.unit === "万元" || t.unit === "元" ? t.unit : null,
        decimals: t.decimals,
        raw: t.raw,
      };
      if (isBudgetLabel(t.label)) a.role = "budget";
      amounts.push(a);
      amountByToken.set(t, a);
      claims.push(a);
      continue;
    }
    if (t.kind === "count" && /^\d+$/.test(t.raw.replace(/[^\d.]/g, ""))) {
      const c: CountClaim = {
        kind: "count",
        ...span(t.labelStart, t.end),
        label: t.clauseLabel,
        context: `${t.clauseLabel}${squeeze(t.raw)}${t.tail}`,
        value: t.value.toNumber(),
        unit: t.unit ?? "",
      };
      claims.push(c);
    }
  }

  // flat changes: 与2019年决算数持平 / 与上年持平 / 无增减变化
  if (text.includes("持平") || text.includes("变化")) for (const m of text.matchAll(/(与|比|较)\s*(\d{4}|上)\s*年度?\s*(决算数?)?\s*(相比)?[，,]?\s*(持平|无增减变化|无变化)/gu)) {
    let ls = m.index!;
    while (ls > 0 && !/[，,。；;：:]/.test(text[ls - 1])) ls--;
    claims.push({
      kind: "change",
      ...span(ls, m.index! + m[0].length),
      subject: changeSubject(squeeze(text.slice(ls, m.index!))),
      direction: "flat",
      directionWord: m[5],
      amount: null,
      amountDecimals: 0,
      rate: null,
      rateDecimals: 0,
      rateWord: null,
      rateDirection: null,
      priorYear: /\d{4}/.test(m[2]) ? Number(m[2]) : null,
      residue: false,
      current: lastAmount(amounts.filter((a) => a.start < m.index!), sectionAmounts),
    });
  }

  // reasons
  for (const m of text.matchAll(REASON_RE_ALL)) {
    const s = m.index!;
    const e = sentenceEnd(text, s);
    claims.push({ kind: "reason", ...span(s, e), reason: text.slice(s + m[0].length, e).replace(/[。.]$/, "").trim() });
  }

  // enumerations: after 其中：/主要用于以下方面：, until the sentence end or the next marker
  const markerRe = /(其中\s*[：:，,]|主要用于以下方面\s*[：:]?|主要用于\s*[：:])/gu;
  const markers = text.includes("其中") || text.includes("主要用于") ? [...text.matchAll(markerRe)] : [];
  const claimedItems = new Set<AmountClaim>();
  for (let k = 0; k < markers.length; k++) {
    const ms = markers[k].index!;
    const me = ms + markers[k][0].length;
    const stop = Math.min(sentenceEnd(text, me), k + 1 < markers.length ? markers[k + 1].index! : text.length);
    const itemsA = amounts.filter((a) => a.start >= me && a.start < stop);
    const before = amounts.filter((a) => a.end <= ms && sentenceIndex(starts, a.start) === sentenceIndex(starts, ms));
    const total = before.length ? before[before.length - 1] : null;
    if (itemsA.length < 2 && !(itemsA.length === 1 && total)) continue;
    const items = itemsA.map((a) => enumItem(a, shares, p.canonical));
    itemsA.forEach((a) => claimedItems.add(a));
    claims.push({
      kind: "enumeration",
      ...span(total ? total.start : ms, lastEnd(itemsA[itemsA.length - 1], shares)),
      marker: squeeze(markers[k][0]),
      total,
      items,
    });
  }
  // a run of "X万元，占Y%" without a marker (七(二))
  const bySentence = new Map<number, AmountClaim[]>();
  for (const a of amounts) {
    if (claimedItems.has(a)) continue;
    if (!shares.some((s) => s.of === a && s.denominator === "")) continue;
    const k = sentenceIndex(starts, a.start);
    bySentence.set(k, [...(bySentence.get(k) ?? []), a]);
  }
  for (const list of bySentence.values()) {
    if (list.length < 2) continue;
    claims.push({
      kind: "enumeration",
      ...span(list[0].start, shares.find((s) => s.of === list[list.length - 1])?.end ?? list[list.length - 1].end),
      marker: "",
      total: null,
      items: list.map((a) => enumItem(a, shares, p.canonical)),
    });
  }

  // 五(二): class renderings of the enumerated items
  if (p.canonical === "5.2") {
    for (const e of claims) {
      if (e.kind !== "enumeration" || e.row !== p.row) continue;
      for (const it of e.items) {
        const lab = cleanItemLabel(it.label);
        const core = classCore(lab.replace(/（类）/g, ""));
        const form = lab.replace(/（类）/g, "\u0000").replace(/\s/g, "");
        const coreWritten = squeeze(lab.replace(/（类）/g, "")).replace(/支出$/, "");
        const cls: ClassClaim = {
          kind: "class",
          ...base,
          start: it.amount.start,
          end: it.amount.end,
          text: lab,
          core,
          form: form.replace(coreWritten, "X").replace("\u0000", "（类）"),
          code: CLASS_BY_NAME.get(core),
          amount: it.amount,
        };
        claims.push(cls);
      }
    }
  }

  // 科目 paths, with the amount and execution rate written after each (五(三))
  // (a path always contains "（类）"; most paragraphs have none)
  const subjects = text.includes("（类）") ? [...text.matchAll(SUBJECT_RE)] : [];
  for (let k = 0; k < subjects.length; k++) {
    const m = subjects[k];
    const s = m.index!;
    const e = s + m[0].length;
    const next = k + 1 < subjects.length ? subjects[k + 1].index! : text.length;
    const lei = squeeze(m[1]).replace(/^.*[、：:]/, "");
    const kuan = squeeze(m[2]);
    const xiang = squeeze(m[3]);
    const code = ctx.options.resolveSubject?.(lei, kuan, xiang);
    const sc: SubjectClaim = {
      kind: "subject",
      ...span(s, e),
      lei,
      kuan,
      xiang,
      code,
      amount: amounts.find((a) => a.start >= e && a.start < next && a.role !== "budget") ?? null,
      budget: amounts.find((a) => a.start >= e && a.start < next && a.role === "budget") ?? null,
      execution: execs.find((x) => x.start >= e && x.start < next) ?? null,
    };
    claims.push(sc);
  }

  // （k）“项目”项目绩效目标完成情况综述
  const pm = /^\s*[（(]\s*(\d+)\s*[）)]\s*[“"]([^”"]+)[”"]\s*项目/.exec(text);
  if (pm && /综述|完成情况/.test(text)) {
    claims.push({
      kind: "project",
      ...span(0, text.length),
      index: Number(pm[1]),
      name: pm[2],
      budget: amounts.find((a) => a.role === "budget") ?? null,
      actual: amounts.find((a) => a.role !== "budget" && /执行数?为?$|支出决算为?$|决算数?为?$/.test(a.label)) ?? null,
      execution: execs[0] ?? null,
    });
  }

  sectionAmounts.push(...amounts);
}

function lastEnd(a: AmountClaim, shares: ShareClaim[]): number {
  return shares.find((s) => s.of === a)?.end ?? a.end;
}

function enumItem(a: AmountClaim, shares: ShareClaim[], canonical: string): EnumerationItem {
  const label = cleanItemLabel(a.label);
  let key = label;
  if (canonical === "5.2") key = classCode(label.replace(/（类）/g, "")) ?? classCore(label.replace(/（类）/g, ""));
  else if (canonical === "7.2") key = sangongKey(label) ?? label;
  return { label, key, amount: a, share: shares.find((s) => s.of === a) ?? null };
}

function lastAmount(amounts: AmountClaim[], sectionAmounts: AmountClaim[]): AmountClaim | null {
  if (amounts.length) return amounts[amounts.length - 1];
  return sectionAmounts.length ? sectionAmounts[sectionAmounts.length - 1] : null;
}

function changeSubject(raw: string): string {
  return squeeze(raw)
    .replace(/^(与|比|较)(\d{4}|上)年度?(决算数?)?(相比)?/, "")
    .replace(/(比|较|与)(\d{4}|上)年度?(决算数?)?(相比)?$/, "")
    .replace(/^各/, "")
    .replace(/各$/, "");
}

/**
 * The year a change is compared with: the year of the comparison (“与2019年相比”, “比2019年度”, “较2019年”),
 * null when it is the prior year unnamed (“比上年”, “同比”) or when no comparison names a year — the report's own
 * year before it (“2020年度收、支总计…，比上年增加…”) is not the comparison's.
 */
function priorYearOf(s: string): number | null {
  const cmp = [...s.matchAll(/(?:与|比|较|同|相对于?)\s*(\d{4})\s*年/g)];
  return cmp.length ? Number(cmp[cmp.length - 1][1]) : null;
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
      // “9.”, “九、” or “（9）” before the term
      const gm = /^\s*[（(]?\s*(\d+|[一二三四五六七八九十]+)\s*([.．、）)])\s*(.*?)[：:]([\s\S]*)$/u.exec(asciiDigits(text));
      if (gm) {
        const offset = text.length - text.trimStart().length;
        const termRaw = text.slice(text.indexOf(gm[3], offset), text.indexOf(gm[3], offset) + gm[3].length);
        SUBJECT_RE.lastIndex = 0;
        const sm = [...termRaw.matchAll(SUBJECT_RE)][0];
        const start = offset;
        const subject: SubjectClaim | null = sm
          ? {
              kind: "subject",
              row: p.row,
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
        const g: GlossaryClaim = {
          kind: "glossary",
          row: p.row,
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
        claims.push(g);
      }
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
          const hit = tops.find((s) => outlineRe(s.match).test(nt)) ?? tops.find((s) => s.id === String(lead.numbering.value));
          if (hit) {
            id = hit.id;
            can = hit.canonical;
            templateTitle = hit.title;
          } else {
            id = String(lead.numbering.value);
            can = id;
          }
          level1 = id;
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
    CHART_RE.lastIndex = 0;
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
  assignSlots(parsed);
  return parsed;
}
