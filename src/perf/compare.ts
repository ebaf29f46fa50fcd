import type Decimal from "decimal.js";
import vocabulary from "../data/perf/vocabulary.json";
import { D } from "../money/decimal";

/** Comparison operator of a target ("≥3000条" → ">="); null = a plain value ("1.3万份"). */
export type Comparator = ">=" | "<=" | ">" | "<" | "=";
export type Level = "full" | "partial" | "none";

export type ParsedValue =
  | { kind: "empty"; text: string }
  | { kind: "placeholder"; text: string }
  | { kind: "label"; text: string }
  | { kind: "vague"; text: string }
  | { kind: "quantity"; text: string; op: Comparator | null; value: Decimal; unit: string; qualifier: string }
  | { kind: "level"; text: string; level: Level }
  | { kind: "text"; text: string };

export type CompareKind = "met" | "notMet" | "exceeded" | "notComparable" | "notMeasurable" | "missing";

/** Why a pair is not comparable / not measurable / missing (stable codes; `reason` is the Chinese text). */
export type CompareCause =
  | "targetEmpty"
  | "actualEmpty"
  | "targetPlaceholder"
  | "targetLabel"
  | "targetVague"
  | "actualPlaceholder"
  | "actualLabel"
  | "actualIsTarget"
  | "actualVague"
  | "unitMismatch"
  | "qualifierMismatch"
  | "typeMismatch"
  | "textDiffers";

export interface CompareResult {
  kind: CompareKind;
  /** notMet: achieved share of the target, 0 ≤ ratio ≤ 1 (exact). */
  ratio?: Decimal;
  /** Qualitative outcome band, when decided on words rather than numbers. */
  level?: Level;
  /** A "≤"/"<" (reverse) target. */
  reverse?: boolean;
  cause?: CompareCause;
  /** Chinese explanation for notComparable / notMeasurable / missing / exceeded. */
  reason?: string;
  target: ParsedValue;
  actual: ParsedValue;
}

const COMPARATORS: [string, Comparator][] = Object.entries(vocabulary.comparators)
  .flatMap(([op, words]) => (words as string[]).map((w) => [w.normalize("NFKC"), op as Comparator] as [string, Comparator]))
  .sort((a, b) => b[0].length - a[0].length);
const SUFFIXES: [string, Comparator][] = Object.entries(vocabulary.suffixComparators as Record<string, Comparator>).sort((a, b) => b[0].length - a[0].length);
const MULTIPLIERS = vocabulary.multipliers as Record<string, string>;
const LEVELS = new Map<string, Level>();
for (const [level, words] of Object.entries(vocabulary.levels)) for (const w of words as string[]) LEVELS.set(w, level as Level);
const PLACEHOLDERS = vocabulary.placeholders.map((p) => new RegExp(p, "u"));
const VAGUE = vocabulary.vague.map((p) => new RegExp(p, "u"));
const INDICATOR_LABELS = new Set(vocabulary.indicatorLabels);

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const PRE_ALT = COMPARATORS.map(([w]) => escapeRe(w)).join("|");
const SUF_ALT = SUFFIXES.map(([w]) => escapeRe(w)).join("|");
const MULT_ALT = Object.keys(MULTIPLIERS).map(escapeRe).join("|");
const QUANTITY = new RegExp(
  `^(?<qual>[^\\d≥≤<>=]*?)(?<pre>${PRE_ALT})?(?<num>\\d+(?:,\\d{3})*(?:\\.\\d+)?)(?<mult>${MULT_ALT})?(?<unit>[^\\d≥≤<>=]{0,6}?)(?<suf>${SUF_ALT})?$`,
  "u",
);

/** NFKC, whitespace removed, trailing sentence punctuation removed. */
export function cleanValueText(s: string): string {
  return String(s ?? "")
    .normalize("NFKC")
    .replace(/[\s\u00a0\u3000]+/g, "")
    .replace(/[。.,，;；、!！]+$/u, "");
}

/** Reads one target or actual value as written in the form. Never throws. */
export function parseValue(input: unknown): ParsedValue {
  const text = typeof input === "string" ? input.trim() : input === null || input === undefined ? "" : String(input);
  const s = cleanValueText(text);
  if (s === "") return { kind: "empty", text };
  if (PLACEHOLDERS.some((re) => re.test(s))) return { kind: "placeholder", text };
  if (INDICATOR_LABELS.has(s)) return { kind: "label", text };
  const m = QUANTITY.exec(s);
  if (m && m.groups) {
    const g = m.groups;
    const unit = (g.unit ?? "").replace(/^[的]/, "");
    // a long tail is a sentence, not a unit ("3次会议已召开")
    if (!/[，。；、]/.test(unit) && !/[，。；、]/.test(g.qual ?? "") && (g.qual ?? "").length <= 12) {
      let value = new D(g.num.replace(/,/g, ""));
      if (g.mult) value = value.times(MULTIPLIERS[g.mult]);
      let op: Comparator | null = null;
      if (g.pre) op = COMPARATORS.find(([w]) => w === g.pre)![1];
      if (g.suf) {
        const sop = SUFFIXES.find(([w]) => w === g.suf)![1];
        op = op ?? sop;
      }
      // "达到" alone before a number is a plain target, treat as "≥"
      return { kind: "quantity", text, op, value, unit, qualifier: g.qual ?? "" };
    }
  }
  const level = LEVELS.get(s);
  if (level) return { kind: "level", text, level };
  if (VAGUE.some((re) => re.test(s)) && !/\d/.test(s)) return { kind: "vague", text };
  return { kind: "text", text };
}

const OP_TEXT: Record<Comparator, string> = { ">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=" };
function show(p: ParsedValue): string {
  return p.text.trim();
}

/** Is the target measurable (P-5)? Returns the problem in Chinese, or null when it is. */
export function targetProblem(p: ParsedValue): string | null {
  switch (p.kind) {
    case "empty":
      return "为空";
    case "placeholder":
      return `“${show(p)}”是未替换的占位符`;
    case "label":
      return `“${show(p)}”是指标名称，不是指标值`;
    case "vague":
      return `“${show(p)}”无法衡量（应写明数值、比较符号或明确的定性等级）`;
    default:
      return null;
  }
}

/** Is the actual a real completion value (P-6)? Returns the problem in Chinese, or null. */
export function actualProblem(p: ParsedValue): string | null {
  switch (p.kind) {
    case "empty":
      return "为空";
    case "placeholder":
      return `“${show(p)}”是未替换的占位符`;
    case "label":
      return `“${show(p)}”是指标名称，不是实际完成值`;
    case "quantity":
      return p.op ? `“${show(p)}”是目标的写法（${OP_TEXT[p.op]}），不是实际完成值` : null;
    default:
      return null;
  }
}

function describe(p: ParsedValue): string {
  switch (p.kind) {
    case "quantity":
      return p.unit === "%" ? "百分比" : p.unit ? `数值（单位“${p.unit}”）` : "数值";
    case "level":
      return "文字评价";
    case "text":
      return "文字描述";
    default:
      return "内容";
  }
}

/** Compares a target and an actual value. Exact decimals; what cannot be compared is said, not guessed. */
export function compareValues(targetText: unknown, actualText: unknown): CompareResult {
  const target = parseValue(targetText);
  const actual = parseValue(actualText);
  const r = (kind: CompareKind, extra: Partial<CompareResult> = {}): CompareResult => ({ kind, target, actual, ...extra });

  if (target.kind === "empty") return r("missing", { cause: "targetEmpty", reason: "预期指标值为空" });
  if (target.kind === "placeholder") return r("notMeasurable", { cause: "targetPlaceholder", reason: `预期指标值“${show(target)}”是占位符` });
  if (target.kind === "label") return r("notMeasurable", { cause: "targetLabel", reason: `预期指标值“${show(target)}”是指标名称` });
  if (target.kind === "vague") return r("notMeasurable", { cause: "targetVague", reason: `预期指标值“${show(target)}”无法衡量` });
  if (actual.kind === "empty") return r("missing", { cause: "actualEmpty", reason: "实际完成指标值为空" });
  if (actual.kind === "placeholder") return r("notComparable", { cause: "actualPlaceholder", reason: `实际完成指标值“${show(actual)}”是占位符` });
  if (actual.kind === "label") return r("notComparable", { cause: "actualLabel", reason: `实际完成指标值“${show(actual)}”是指标名称，不是完成值` });
  if (actual.kind === "quantity" && actual.op)
    return r("notComparable", { cause: "actualIsTarget", reason: `实际完成指标值“${show(actual)}”是目标的写法，不是完成值` });
  if (actual.kind === "vague") return r("notComparable", { cause: "actualVague", reason: `实际完成指标值“${show(actual)}”不是可衡量的完成值` });

  if (target.kind === "quantity") {
    if (actual.kind !== "quantity")
      return r("notComparable", {
        cause: "typeMismatch",
        reason: `预期指标值“${show(target)}”是${describe(target)}，实际完成指标值“${show(actual)}”是${describe(actual)}，无法比较`,
      });
    const tu = target.unit;
    const au = actual.unit;
    const pct = (u: string) => u === "%" || u === "‰";
    if ((tu && au && tu !== au) || pct(tu) !== pct(au))
      return r("notComparable", {
        cause: "unitMismatch",
        reason: `预期指标值“${show(target)}”与实际完成指标值“${show(actual)}”的单位不同（${tu || "无单位"}／${au || "无单位"}）`,
      });
    if (target.qualifier && actual.qualifier && cleanValueText(target.qualifier) !== cleanValueText(actual.qualifier))
      return r("notComparable", {
        cause: "qualifierMismatch",
        reason: `预期指标值针对“${target.qualifier}”，实际完成指标值针对“${actual.qualifier}”，对象不同`,
      });
    const t = target.value;
    const a = actual.value;
    // achieved share in [0, 1]: part over whole, 0 when either is not positive
    const share = (part: Decimal, whole: Decimal) =>
      part.isPositive() && whole.isPositive() ? D.min(part.div(whole), new D(1)) : new D(0);
    switch (target.op) {
      case ">=":
        return a.gte(t) ? r("met") : r("notMet", { ratio: share(a, t) });
      case ">":
        return a.gt(t) ? r("met") : r("notMet", { ratio: share(a, t) });
      case "<=":
        return a.lte(t) ? r("met", { reverse: true }) : r("notMet", { reverse: true, ratio: share(t, a) });
      case "<":
        return a.lt(t) ? r("met", { reverse: true }) : r("notMet", { reverse: true, ratio: share(t, a) });
      default:
        if (a.eq(t)) return r("met");
        if (a.gt(t)) return r("exceeded", { reason: `实际完成指标值${show(actual)}超过预期指标值${show(target)}` });
        return r("notMet", { ratio: share(a, t) });
    }
  }

  // qualitative target: a level word or a description
  if (actual.kind === "level") {
    if (target.kind === "level" || target.kind === "text") {
      if (actual.level === "full") return r("met", { level: "full" });
      return r("notMet", { level: actual.level });
    }
  }
  if (actual.kind === "text" || actual.kind === "level") {
    if (cleanValueText(target.text) === cleanValueText(actual.text)) return r("met", { level: "full" });
    return r("notComparable", {
      cause: "textDiffers",
      reason: `预期指标值“${show(target)}”与实际完成指标值“${show(actual)}”都是文字描述且内容不同，无法判断是否达成，请人工评定`,
    });
  }
  return r("notComparable", {
    cause: "typeMismatch",
    reason: `预期指标值“${show(target)}”是${describe(target)}，实际完成指标值“${show(actual)}”是${describe(actual)}，无法比较`,
  });
}

/** An indicator row as the user sees it in a message: 三级指标“…”, or 第N行的指标（未填三级指标）. */
export function indicatorName(ind: { level3: string; row: number }): string {
  return ind.level3.trim() ? `三级指标“${ind.level3.trim()}”` : `第${ind.row}行的指标（未填三级指标）`;
}
