/**
 * Execution rates: the token reader `executions` (“完成年初预算的95.00%”, in 五/七 also “预算完成率为…”), with the
 * comparison (“决算数小于年初预算数”) and the reason written after the rate.
 *
 * Depends on the amount claims produced before it: the rate's `actual` and `budget` are the amounts written before it
 * in the same sentence (read from the claims array: token reader `amounts` on the earlier tokens). Subjects and
 * projects (./subjects.ts, ./projects.ts) read the execution claims this produces.
 */
import type { ExecutionClaim } from "../types";
import type { TokenCtx, TokenReader } from "./tokens";
import { ownClaims, REASON_RE, sentenceEnd, sentenceIndex } from "./util";

const EXEC_WORD = /完成(年初|全年|调整后)?预算(数)?的?$/;
/**
 * Other ways the budget sections (五, 七) put the completion rate: “预算完成率为”, “执行率”, “为年初预算的”. Read only in
 * those sections: elsewhere (绩效, 十) “执行率” is a project's own figure, judged by the performance checks.
 */
const EXEC_WORD_BUDGET_SECTIONS = /(?:(?:年初|全年|调整后)?预算(?:完成|执行)率(?:为|达)?|执行率(?:为|达)?|(?:为|占|达到?)(?:年初|全年|调整后)?预算(?:数)?的)$/;
const isExecWord = (label: string, canonical: string): boolean => EXEC_WORD.test(label) || (/^[57](\.|$)/.test(canonical) && EXEC_WORD_BUDGET_SECTIONS.test(label));

/** Stop position for the search of a comparison or reason after token i. */
const GAP_TO_BUDGET = /(?:比|较)(?:年初|全年|调整后?)?预算数?(?:多|少|增加|减少|超支|节约|结余)|未(?:执行|完成|支出)(?:部分|的部分|金额|资金)?(?:为|是)?$/u;

/** The amount after the rate that is its gap to the budget (“未执行部分11.64万元”), before the rate's explanation ends. */
function gapAfter(ctx: TokenCtx, stop: number): ExecutionClaim["gap"] {
  const { text, tokens, i } = ctx;
  for (let k = i + 1; k < tokens.length && tokens[k].start < stop; k++) {
    const n = tokens[k];
    if (n.kind === "amount" && GAP_TO_BUDGET.test(n.label)) return { value: n.value, decimals: n.decimals, text: text.slice(n.labelStart, n.end) };
  }
  return undefined;
}

function stopAfter(ctx: TokenCtx): number {
  const { text, tokens, i } = ctx;
  const t = tokens[i];
  const sentEnd = sentenceEnd(text, t.end);
  const limit = sentenceEnd(text, sentEnd);
  for (let k = i + 1; k < tokens.length; k++) {
    const n = tokens[k];
    // “决算数比预算数少11.64万元，主要原因是…”, “未执行部分11.64万元，原因是…”: the gap to the budget belongs to the rate's
    // explanation, not to a next subject.
    if (n.kind === "amount" && GAP_TO_BUDGET.test(n.label)) continue;
    if (n.kind === "amount" || (n.kind === "percent" && isExecWord(n.label, ctx.base.canonical))) return Math.min(n.labelStart, limit);
  }
  return limit;
}

/** The basis a budget or a rate names: 年初, 全年, 调整(后). */
const BASIS = /(年初|全年|调整|追加)/u;

export const executions: TokenReader = {
  name: "executions",
  read(ctx, claims) {
    const { text, span, starts, token: t } = ctx;
    if (!(t.kind === "percent" && isExecWord(t.label, ctx.base.canonical))) return 0;
    const stop = stopAfter(ctx);
    const after = text.slice(t.end, Math.max(t.end, stop));
    const cmp = /(决算数|执行数|支出决算数|支出决算|决算)?\s*(大于|小于|等于)(\s*[/／（(]\s*(大于|小于)\s*[）)]?)?\s*(年初|全年|调整后)?预算数?/u.exec(after);
    const reasonM = REASON_RE.exec(after);
    let reason: string | null = null;
    if (reasonM) {
      const rs = t.end + reasonM.index;
      reason = text.slice(rs, sentenceEnd(text, rs)).trim();
    }
    const before = ownClaims(ctx, claims, "amount")
      .reverse()
      .filter((a) => a.start < t.start && sentenceIndex(starts, a.start) === t.sentence);
    const prev = before.find((a) => a.role !== "budget") ?? null;
    // The budget of the same subject: next to its 决算数 (just before or just after it), not a budget stated
    // earlier in a long sentence for another subject (“三公”经费年初预算…，其中：因公出国（境）费决算为…).
    const pi = prev ? before.indexOf(prev) : -1;
    const near = pi >= 0 ? [before[pi + 1], before[pi - 1]] : [before[0]];
    // A rate that names its basis (“完成年初预算的…”) is of the budget of that basis when the sentence states it
    // (“年初预算为0万元，全年预算为321.02万元，支出决算为…，完成年初预算的95.89%”), wherever it stands.
    const basis = BASIS.exec(text.slice(t.labelStart, t.start))?.[1];
    const ofBasis = basis && basis !== "追加" ? before.find((a) => a.role === "budget" && BASIS.exec(a.label ?? a.text)?.[1] === basis) : undefined;
    const budget = ofBasis ?? near.find((a) => a !== undefined && a.role === "budget") ?? null;
    const ex: ExecutionClaim = {
      kind: "execution",
      ...span(t.labelStart, t.end),
      rate: t.value,
      decimals: t.decimals,
      raw: t.raw,
      actual: prev,
      budget,
      ...(basis ? { basis: basis as ExecutionClaim["basis"] } : {}),
      comparison: cmp ? (cmp[3] ? "ambiguous" : cmp[2] === "大于" ? "over" : cmp[2] === "小于" ? "under" : null) : null,
      comparisonText: cmp ? cmp[0].trim() : null,
      reason,
    };
    const gap = gapAfter(ctx, stop);
    if (gap) ex.gap = gap;
    claims.push(ex);
    return 1;
  },
};
