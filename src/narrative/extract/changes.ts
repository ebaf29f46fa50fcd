/**
 * Year-on-year changes: the token reader `changes` (“比上年增加12.00万元，增长5.00%”, “下降3.00%”) and the extractor
 * `flatChanges` (“与上年持平”, “无增减变化”).
 *
 * Depends on the amount claims produced before it (read from the claims array: token reader `amounts` on the earlier
 * tokens; ctx.sectionAmounts for the section's earlier paragraphs):
 * - a change's `prior` is the prior year's amount its sentence states before it: the object of the comparison
 *   (“比2019年度372.28万元减少…”, role "prior" from `amounts`) or the amount labelled with the prior year just before
 *   it (“2019年度收、支总计各为393.40万元，减少…”, “（2019年为393.40万元）”), which this reader marks "prior";
 * - its `current` is the last amount (neither prior nor budget) of its subject written before it in the paragraph,
 *   else in the section's earlier paragraphs; the last amount whatever its label when the change names no subject;
 *   null when it names one and no amount of that subject is stated (“年末结转和结余12.67万元。…收、支总计各减少…”).
 * `flatChanges` runs after the `figures` extractor.
 */
import type { AmountClaim, ChangeClaim, Claim, Direction } from "../types";
import type { Token, TokenReader } from "./tokens";
import { CHANGE_AMOUNT_WORD, type Extractor, type ParagraphCtx, ownClaims, sentenceIndex, squeeze } from "./util";

/** The word of a change rate: 增长/下降 and the ways reports put it (降幅、减幅为、增长率为、下降幅度). */
const CHANGE_RATE_WORD =
  /(增长|下降|上升|降低|增幅|涨幅|降幅|减幅|增长率|下降率|减少率|增长幅度|下降幅度|减少幅度|增长\s*[/／]\s*下降|下降\s*[/／]\s*增长|增长\s*[（(]\s*下降\s*[）)]|下降\s*[（(]\s*增长\s*[）)])(?:了|约|为|达)?$/;

/** The direction of a rate: its word's, turned over when the rate is negative (“增长率为-40.01%” is a decrease). */
function rateDirectionOf(word: string, negative: boolean | undefined): Direction {
  const d = directionOf(word);
  if (!negative) return d;
  return d === "increase" ? "decrease" : d === "decrease" ? "increase" : d;
}

/** The label of a change's amount written after its rate: “减少金额”, “增加额为”, “减少了”. */
const AMOUNT_AFTER_RATE = /^(增加|减少)(?:了)?(?:的)?(?:金额|额|数额|资金)?(?:为|是|约)?$/u;

function directionOf(word: string): Direction {
  const w = squeeze(word);
  if (/[/／（(]/.test(w)) return "ambiguous";
  if (/^(增加|增长|上升|提高|增幅|涨幅|增长率|增长幅度)$/.test(w)) return "increase";
  if (/^(减少|下降|降低|降幅|减幅|下降率|减少率|下降幅度|减少幅度)$/.test(w)) return "decrease";
  return "ambiguous";
}

/** The words of a change's subject or an amount's label that name no quantity (year, 各/均/为, 同比, “与上年相比”). */
function core(s: string): string {
  return squeeze(s)
    .replace(/^\d{4}年度?/u, "")
    .replace(/(同比|相比|相较)/gu, "")
    .replace(/(与|比|较|同)(\d{4}年度?|上一?年度?|去年)(同期)?(的)?(决算数?)?/gu, "")
    .replace(/^[各均的]+/u, "")
    .replace(/(各|均|分别|共|合计)?(为|是|达到?|计)?$/u, "")
    .replace(/收入、?支出|收、支/gu, "收支");
}

/** A label that names no quantity of its own (“为”, “支出决算为”, “决算数”): it is of whatever the sentence speaks of. */
const GENERIC_LABEL = /^(支出|决算|支出决算|决算支出|决算数|支出决算数|执行数|金额|总额|实际支出)?$/u;

/** What a subject may add to the label of its amount (“公务接待费支出” of “公务接待费0.80万元”). */
const GENERIC_TAIL = /^(支出|决算|支出决算|决算数|支出决算数|数)$/u;

/**
 * Is `label` (an amount's) a label of `subject` (a change's)? The label names the subject (“财政拨款收、支总计均为” of
 * 财政拨款收、支总计), or the subject is the label with a generic word more (“公务接待费支出” of “公务接待费”) — not a
 * part of the subject (“财政拨款支出” is not of 财政拨款支出总计). “收支总计” is also of 收入总计 and 支出总计.
 */
function labelOf(subject: string, label: string): boolean {
  const l = core(label);
  if (GENERIC_LABEL.test(l)) return true;
  const both = (x: string) => (x.includes("收支") ? [x, x.replace("收支", "收入"), x.replace("收支", "支出")] : [x]);
  const labels = both(l);
  return both(core(subject)).some((x) => labels.some((y) => y.includes(x) || (x.startsWith(y) && GENERIC_TAIL.test(x.slice(y.length)))));
}

/**
 * The current amount of a change of `subject`: the last amount (neither prior nor budget) written before it in the
 * paragraph, else in the section's earlier paragraphs; when the change names its subject, the last one of that
 * subject (null when none is of it).
 */
function currentOf(subject: string, before: readonly AmountClaim[], sectionAmounts: readonly AmountClaim[]): AmountClaim | null {
  const pool = [...sectionAmounts, ...before].filter((a) => a.role === undefined);
  if (!pool.length) return null;
  if (!core(subject)) return pool[pool.length - 1];
  for (let k = pool.length - 1; k >= 0; k--) if (labelOf(subject, pool[k].label)) return pool[k];
  return null;
}

/**
 * The prior year's amount of the change at token `t`, stated in its sentence before it and after any earlier change:
 * an amount marked "prior" (the object of a comparison), or the last amount when it is labelled with the prior year
 * (the report's year − 1, else a year one less than a year written before it in the paragraph, else the year the
 * change names); that one is marked "prior" here.
 */
function priorOf(ctx: ParagraphCtx, claims: Claim[], t: Token, changeYear: number | null): AmountClaim | null {
  const lastChange = ownClaims(ctx, claims, "change").pop();
  const mine = ownClaims(ctx, claims, "amount").filter(
    (a) => a.start < t.start && (!lastChange || a.start >= lastChange.end) && sentenceIndex(ctx.starts, a.start) === t.sentence,
  );
  const marked = mine.filter((a) => a.role === "prior").pop();
  if (marked) return marked;
  // “2019年度收入支出总计为393.40万元，” / “与之相比减少…”: a sentence split over two lines, the change referring back
  // (与之相比) to the prior amount that ends the paragraph before
  if (!mine.length && REFERS_BACK.test(squeeze(t.clauseLabel)) && !ownClaims(ctx, claims, "amount").some((a) => a.start < t.start)) {
    const prev = ctx.sectionAmounts[ctx.sectionAmounts.length - 1];
    if (prev && prev.role === "prior" && prev.row === ctx.base.row - 1) return prev;
  }
  const last = mine[mine.length - 1];
  if (!last || last.year === undefined || last.role !== undefined) return null;
  const y = last.year;
  const reportYear = ctx.options.year;
  const prior = reportYear !== undefined ? y === reportYear - 1 : ctx.text.slice(0, last.start).includes(`${y + 1}年`) || changeYear === y;
  if (!prior) return null;
  last.role = "prior";
  return last;
}

/** A comparison that refers back to the amount just stated: “与之相比”, “与此相比”, “相比之下”. */
const REFERS_BACK = /^(与之|与此|与其|和之)相比|^相比之下|^相较之下/u;

/** A change's subject: the words of its clause before the change word, without the comparison and the prior amount. */
function changeSubject(raw: string, prior?: AmountClaim | null): string {
  let s = squeeze(raw);
  // the prior amount written inside the clause (“比2019年度372.28万元减少…”) is not part of the subject
  if (prior && s.includes(squeeze(prior.text))) s = s.replace(squeeze(prior.text), "");
  return s
    .replace(/^\d{4}年度?/, "")
    .replace(/(与|比|较)(\d{4}|上)年度?(的)?(决算数?)?(相比)?$/, "")
    .replace(/^(与|比|较)(\d{4}|上)年度?(的)?(决算数?)?(相比)?/, "")
    .replace(/^各/, "")
    .replace(/各$/, "")
    // “同比” says the comparison, not the subject (“同比减少…”, “收入支出总计同比减少…”)
    .replace(/^同比/, "")
    .replace(/同比$/, "")
    // what is left of “比2019年度的372.28万元减少…” once the prior amount is out
    .replace(/^的$/, "")
    // a comparison referring back (“与之相比减少…”) names no subject
    .replace(/^((与之|与此|与其|和之)相比|相比之下|相较之下)[，,]?/u, "");
}

/**
 * The year a change is compared with: the year of the comparison (“与2019年相比”, “比2019年度”, “较2019年”),
 * null when it is the prior year unnamed (“比上年”, “同比”) or when no comparison names a year — the report's own
 * year before it (“2020年度收、支总计…，比上年增加…”) is not the comparison's.
 */
/** The words before a change that compare with a budget (“与2021年度预算相比”, “较年初预算数”, “比调整预算”). */
const AGAINST_BUDGET =
  /(?:比|较|与|同|相对于?|相较于?)\s*(?:\d{4}\s*年度?\s*)?(?:的)?(?:年初|全年|调整后?)?预算(?:数)?(?:为)?(?:\s*[\d,.]+\s*万?元)?\s*(?:相比|比较)?[，,]?\s*[^\d，,。；;、]{0,8}$/u;

/** Is the change at token `t` one against a budget (the words before its figure compare with one)? */
function againstBudget(text: string, t: Token): boolean {
  return AGAINST_BUDGET.test(text.slice(Math.max(0, t.labelStart - 30), t.start));
}

function priorYearOf(s: string): number | null {
  // “经比较2020年度…” names the report's year, not a compared one
  const cmp = [...s.matchAll(/(?:与|比(?!较)|(?<!比)较|同|相对于?)\s*(\d{4})\s*年/gu)];
  return cmp.length ? Number(cmp[cmp.length - 1][1]) : null;
}

/** A change amount (with the rate after it, in the same sentence, when there is one) or a change rate alone. */
export const changes: TokenReader = {
  name: "changes",
  read(ctx, claims) {
    const { text, span, tokens, i, token: t } = ctx;
    if (t.kind === "amount" && CHANGE_AMOUNT_WORD.test(t.label)) {
      const wm = CHANGE_AMOUNT_WORD.exec(t.label)!;
      const word = wm[1];
      const next = tokens[i + 1];
      const rateTok =
        next && next.kind === "percent" && next.sentence === t.sentence && CHANGE_RATE_WORD.test(next.label) ? next : null;
      const rateWord = rateTok ? CHANGE_RATE_WORD.exec(rateTok.label)![1] : null;
      const subjectRaw = t.clauseLabel.slice(0, t.clauseLabel.length - squeeze(wm[0]).length);
      const end = rateTok ? rateTok.end : t.end;
      const named = priorYearOf(text.slice(Math.max(0, t.labelStart - 20), t.start));
      const prior = priorOf(ctx, claims, t, named);
      const subject = changeSubject(subjectRaw, prior);
      const change: ChangeClaim = {
        kind: "change",
        ...span(t.labelStart, end),
        subject,
        direction: directionOf(word),
        directionWord: squeeze(word),
        amount: t.value,
        amountDecimals: t.decimals,
        rate: rateTok ? rateTok.value : null,
        rateDecimals: rateTok ? rateTok.decimals : 0,
        rateWord: rateWord ? squeeze(rateWord) : null,
        rateDirection: rateWord ? rateDirectionOf(rateWord, rateTok?.negative) : null,
        ...(rateTok?.negative ? { rateNegative: true } : {}),
        priorYear: named ?? prior?.year ?? null,
        residue: directionOf(word) === "ambiguous" || (rateWord !== null && directionOf(rateWord) === "ambiguous"),
        current: currentOf(subject, ownClaims(ctx, claims, "amount"), ctx.sectionAmounts),
        prior,
        ...(againstBudget(text, t) ? { against: "budget" as const } : {}),
      };
      claims.push(change);
      return rateTok ? 2 : 1;
    }
    // a rate (“下降40.01%”), or a rate written with the word of an amount (“同比减少40.01%”), with the amount of the
    // change after it when it follows in its sentence (“同比减少40.01%，减少金额157.39万元”)
    if (t.kind === "percent" && (CHANGE_RATE_WORD.test(t.label) || CHANGE_AMOUNT_WORD.test(t.label))) {
      const rm = (CHANGE_RATE_WORD.exec(t.label) ?? CHANGE_AMOUNT_WORD.exec(t.label))!;
      const word = rm[1];
      const next = tokens[i + 1];
      const amountTok =
        next && next.kind === "amount" && next.sentence === t.sentence && AMOUNT_AFTER_RATE.test(next.label) && directionOf(word) !== "ambiguous" ? next : null;
      const amountWord = amountTok ? AMOUNT_AFTER_RATE.exec(amountTok.label)![1] : undefined;
      const named = priorYearOf(text.slice(Math.max(0, t.labelStart - 20), t.start));
      const prior = priorOf(ctx, claims, t, named);
      const subject = changeSubject(t.clauseLabel.slice(0, t.clauseLabel.length - squeeze(rm[0]).length), prior);
      claims.push({
        kind: "change",
        ...span(t.labelStart, amountTok ? amountTok.end : t.end),
        subject,
        direction: amountWord ? directionOf(amountWord) : rateDirectionOf(word, t.negative),
        directionWord: squeeze(amountWord ?? word),
        amount: amountTok ? amountTok.value : null,
        amountDecimals: amountTok ? amountTok.decimals : 0,
        rate: t.value,
        rateDecimals: t.decimals,
        rateWord: squeeze(word),
        rateDirection: rateDirectionOf(word, t.negative),
        ...(t.negative ? { rateNegative: true } : {}),
        priorYear: named ?? prior?.year ?? null,
        residue: directionOf(word) === "ambiguous",
        current: currentOf(subject, ownClaims(ctx, claims, "amount"), ctx.sectionAmounts),
        prior,
        ...(againstBudget(text, t) ? { against: "budget" as const } : {}),
      });
      return amountTok ? 2 : 1;
    }
    return 0;
  },
};

/** 与2019年决算数持平 / 与上年持平 / 无增减变化: a change with no figure. */
export const flatChanges: Extractor = {
  name: "flatChanges",
  extract(ctx, claims) {
    const { text, span } = ctx;
    if (!(text.includes("持平") || text.includes("变化"))) return;
    const amounts = ownClaims(ctx, claims, "amount");
    for (const m of text.matchAll(/(与|比|较)\s*(\d{4}|上)\s*年度?\s*(决算数?)?\s*(相比)?[，,]?\s*(持平|无增减变化|无变化)/gu)) {
      let ls = m.index!;
      while (ls > 0 && !/[，,。；;：:]/.test(text[ls - 1])) ls--;
      const subject = changeSubject(squeeze(text.slice(ls, m.index!)));
      claims.push({
        kind: "change",
        ...span(ls, m.index! + m[0].length),
        subject,
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
        current: currentOf(subject, amounts.filter((a) => a.start < m.index!), ctx.sectionAmounts),
      });
    }
  },
};
