import type Decimal from "decimal.js";
import type { TemplateId } from "../model/types";

export type NarrativeTemplate = TemplateId;

/** One paragraph of the 情况说明 as read: its 1-based sheet row (or text line) and its text as written. */
export interface NarrativeParagraph {
  row: number;
  text: string;
  /** Last line of a pasted text that this paragraph was joined from; absent = `row`. */
  lastRow?: number;
}

export interface ParseNarrativeOptions {
  /** Report year Y; detected from the text ("2020年度…") when absent. */
  year?: number;
  /** Section map; detected (一…十一 → national-2024) when absent, else sichuan-2020. */
  template?: NarrativeTemplate;
  /**
   * Optional 科目 resolver (the reader's subject catalogue): the 7-digit code of a 类/款/项 name path.
   * Without it, 五(三) slots use the name path ("5.3.item:一般公共服务/宣传事务/其他宣传事务支出").
   */
  resolveSubject?: (lei: string, kuan: string, xiang: string) => string | undefined;
}

export type ParagraphKind = "empty" | "part" | "heading" | "subheading" | "chart" | "body" | "glossary";

/** An ordinal at the start of a paragraph: "一、", "（一）", "1.", "8、", "（1）". */
export interface Numbering {
  /** As written, e.g. "1." or "（三）". */
  marker: string;
  value: number;
  /** cn: 一、 | cnParen: （一） | arabic: 1. 1、 | arabicParen: （1） */
  style: "cn" | "cnParen" | "arabic" | "arabicParen";
  /** The separator of arabic/cn markers: "." "．" "、". */
  separator?: string;
}

export interface ParsedParagraph {
  row: number;
  text: string;
  kind: ParagraphKind;
  /** Section id in the template's own numbering ("1", "5.3", "11.2"), or "report", "glossary", "profile.1", "preamble". */
  section: string;
  /** The Sichuan-2020 equivalent of `section` (slots use it). */
  canonical: string;
  /** profile | report | glossary | attachments | tables | preamble */
  part: string;
  numbering?: Numbering;
}

export interface SectionInfo {
  id: string;
  canonical: string;
  /** Title as written (ordinal removed). */
  title: string;
  /** The template's title, when the heading was recognised. */
  templateTitle?: string;
  row: number;
  level: 1 | 2;
  part: string;
  numbering?: Numbering;
}

export type Direction = "increase" | "decrease" | "flat" | "ambiguous";

interface ClaimBase {
  row: number;
  /** The claim as written (a span of the paragraph). */
  text: string;
  /** Section id (template numbering). */
  section: string;
  /** Canonical (Sichuan-2020) section id. */
  canonical: string;
  /** Offsets of `text` in the paragraph. */
  start: number;
  end: number;
  /** Semantic slot (src/narrative/slots.ts), when identifiable. */
  slot?: string;
  /** Index of the sentence (split at 。！？) of the paragraph the claim starts in. */
  sentence?: number;
}

export interface AmountClaim extends ClaimBase {
  kind: "amount";
  label: string;
  /** In 万元, whatever the unit written (an amount in 元 is divided by 10 000, exactly). */
  value: Decimal;
  /** The unit written after the number; null when missing ("决算数为223.34，"). */
  unit: "万元" | "元" | null;
  decimals: number;
  raw: string;
  /**
   * "budget": the amount is a 预算数 ("年初预算为X万元", "全年预算数X万元"), not a 决算数.
   * "prior": the amount is the prior year's, the base of a year-on-year change ("比2019年度372.28万元减少…",
   * "与上年的1.00万元相比", "2019年度收、支总计各为393.40万元，减少…"): never a current figure, never bound to a slot.
   */
  role?: "budget" | "prior";
  /** The year written directly before the amount's label ("2019年度收、支总计各为…" → 2019), when one is. */
  year?: number;
}

export interface ShareClaim extends ClaimBase {
  kind: "share";
  label: string;
  /** The named denominator ("本年支出合计" in "占本年支出合计的100%"), or "" for a bare "占X%". */
  denominator: string;
  value: Decimal;
  decimals: number;
  raw: string;
  /** The amount this share belongs to (the amount just before it). */
  of: AmountClaim | null;
  /** The part named before “占” when no amount is written with it (“基本支出占59.94%”). */
  subject?: string;
}

export interface ChangeClaim extends ClaimBase {
  kind: "change";
  /** What changes ("收入总计", "公务接待费支出决算"); may be "". */
  subject: string;
  /** The direction word of the amount (or of the rate when no amount is given). */
  direction: Direction;
  directionWord: string;
  amount: Decimal | null;
  amountDecimals: number;
  rate: Decimal | null;
  rateDecimals: number;
  rateWord: string | null;
  rateDirection: Direction | null;
  /** The rate was written with a minus sign (“增长率为-40.01%”): `rate` is its magnitude, `rateDirection` turned over. */
  rateNegative?: boolean;
  priorYear: number | null;
  /** Template alternatives left in ("增加/减少0万元，增长/下降0%"). */
  residue: boolean;
  /**
   * The current value the change refers to: the amount of the change's subject stated before it in the section (the
   * nearest one when the change names no subject); null when the subject is named and no amount of it is stated.
   */
  current: AmountClaim | null;
  /** The prior year's amount, when the text states it ("比2019年度372.28万元减少148.94万元"; role "prior"). */
  prior?: AmountClaim | null;
  /**
   * "budget": the comparison is with a budget (“与2021年度预算相比，减少0.1万元”, “较年初预算数减少4万元”), not with the
   * prior year; the base of its rate is that budget.
   */
  against?: "budget";
}

export interface ExecutionClaim extends ClaimBase {
  kind: "execution";
  rate: Decimal;
  decimals: number;
  raw: string;
  /** The amount stated before the rate in the same sentence (the 决算数; a 预算数 is never taken). */
  actual: AmountClaim | null;
  /** The 预算数 stated before the rate in the same sentence ("年初预算为X万元"), when written. */
  budget?: AmountClaim | null;
  /** The budget the rate names (“完成年初预算的…” → 年初), when it names one. */
  basis?: "年初" | "全年" | "调整" | "追加";
  /** "决算数大于/小于预算数" after the rate. */
  comparison: "over" | "under" | "ambiguous" | null;
  comparisonText: string | null;
  /** Reason sentence after the rate (same or next sentence), null when absent. */
  reason: string | null;
  /** The gap to the budget written after the rate (“未执行部分11.64万元”, “比预算数少11.64万元”), when written. */
  gap?: { value: Decimal; decimals: number; text: string };
}

export interface ReasonClaim extends ClaimBase {
  kind: "reason";
  reason: string;
}

export interface CountClaim extends ClaimBase {
  kind: "count";
  label: string;
  /** label + number + unit + the words after it, e.g. "对7个项目编制了绩效目标". */
  context: string;
  value: number;
  unit: string;
}

export interface EnumerationItem {
  label: string;
  /** Semantic key: the label, a 类 code (五(二)) or abroad/vehicle/reception (七(二)). */
  key: string;
  amount: AmountClaim;
  share: ShareClaim | null;
}

export interface EnumerationClaim extends ClaimBase {
  kind: "enumeration";
  /** "其中：", "主要用于以下方面:", or "" for a run of shares without a marker. */
  marker: string;
  total: AmountClaim | null;
  items: EnumerationItem[];
  /** The list names only some of the parts (“…等”, “其中主要项目：”): neither footed nor its shares summed. */
  partial?: boolean;
}

/** A functional 科目 path "X（类）Y（款）Z（项）". */
export interface SubjectClaim extends ClaimBase {
  kind: "subject";
  /** 类 name as written before （类）, whitespace removed ("住房保障支出" or "住房保障"). */
  lei: string;
  kuan: string;
  xiang: string;
  code?: string;
  /** The 决算数 written after the path (a 预算数 is never taken). */
  amount: AmountClaim | null;
  /** The 预算数 written after the path ("年初预算为X万元"), when given. */
  budget?: AmountClaim | null;
  execution: ExecutionClaim | null;
  /** “决算数大于/小于/等于预算数”, “决算数与预算数（基本）持平” written in the item, with its span. */
  comparison?: { direction: "over" | "under" | "equal"; basic: boolean; text: string; start: number; end: number };
  /** What “主要用于：” says the item was spent on, and where those words start in the paragraph. */
  use?: { words: string; start: number };
}

/** A 类 named in 五(二): core name without 支出, and how it was rendered. */
export interface ClassClaim extends ClaimBase {
  kind: "class";
  core: string;
  /** Rendering with the core replaced by X: "X（类）支出", "X支出（类）", "X支出", "X（类）". */
  form: string;
  code?: string;
  amount: AmountClaim | null;
}

/** 一是、二是、四是… within one paragraph. */
export interface MarkerSequenceClaim extends ClaimBase {
  kind: "enumMarkers";
  values: number[];
  markers: string[];
}

export interface ChartClaim extends ClaimBase {
  kind: "chart";
  number: number;
  title: string;
  chartType: string | null;
}

/** （k）“项目”项目绩效目标完成情况综述。项目全年预算数B万元，执行数为A万元，完成预算的r%。 */
export interface ProjectClaim extends ClaimBase {
  kind: "project";
  index: number;
  name: string;
  budget: AmountClaim | null;
  actual: AmountClaim | null;
  execution: ExecutionClaim | null;
}

export interface GlossaryClaim extends ClaimBase {
  kind: "glossary";
  index: number;
  separator: string;
  term: string;
  definition: string;
  subject: SubjectClaim | null;
}

export type Claim =
  | AmountClaim
  | ShareClaim
  | ChangeClaim
  | ExecutionClaim
  | ReasonClaim
  | CountClaim
  | EnumerationClaim
  | SubjectClaim
  | ClassClaim
  | MarkerSequenceClaim
  | ChartClaim
  | ProjectClaim
  | GlossaryClaim;

export type ClaimKind = Claim["kind"];

export interface ParsedNarrative {
  template: NarrativeTemplate;
  /** Report year, when given or detected. */
  year: number | null;
  paragraphs: ParsedParagraph[];
  sections: SectionInfo[];
  /** Part headings seen: { part, row, text, numbered }. */
  parts: { part: string; row: number; text: string; numbered: boolean }[];
  claims: Claim[];
}

export interface NarrativeCheckOptions {
  /** Sheet name for findings (default 情况说明). */
  sheet?: string;
  year?: number;
  template?: NarrativeTemplate;
  /**
   * The text was pasted or read from a file (`--text`), not from the workbook: what it shows of the report is only its
   * words (its charts, for one, cannot be seen).
   */
  pasted?: boolean;
}
