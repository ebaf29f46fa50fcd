/**
 * Year-on-year changes: the token reader `changes` (“比上年增加12.00万元，增长5.00%”, “下降3.00%”) and the extractor
 * `flatChanges` (“与上年持平”, “无增减变化”).
 *
 * Depends on the amount claims produced before it: a change's `current` is the paragraph's last amount written
 * before it (read from the claims array: token reader `amounts` on the earlier tokens), else the section's last
 * amount of an earlier paragraph (ctx.sectionAmounts). `flatChanges` runs after the `figures` extractor.
 */
import type { AmountClaim, ChangeClaim, Direction } from "../types";
import type { TokenReader } from "./tokens";
import { CHANGE_AMOUNT_WORD, type Extractor, ownClaims, squeeze } from "./util";

/** The word of a change rate: 增长/下降 and the ways reports put it (降幅、减幅为、增长率为、下降幅度). */
const CHANGE_RATE_WORD =
  /(增长|下降|上升|降低|增幅|涨幅|降幅|减幅|增长率|下降率|减少率|增长幅度|下降幅度|减少幅度|增长\s*[/／]\s*下降|下降\s*[/／]\s*增长|增长\s*[（(]\s*下降\s*[）)]|下降\s*[（(]\s*增长\s*[）)])(?:了|约|为|达)?$/;

function directionOf(word: string): Direction {
  const w = squeeze(word);
  if (/[/／（(]/.test(w)) return "ambiguous";
  if (/^(增加|增长|上升|提高|增幅|涨幅|增长率|增长幅度)$/.test(w)) return "increase";
  if (/^(减少|下降|降低|降幅|减幅|下降率|减少率|下降幅度|减少幅度)$/.test(w)) return "decrease";
  return "ambiguous";
}

function lastAmount(amounts: AmountClaim[], sectionAmounts: readonly AmountClaim[]): AmountClaim | null {
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
        current: lastAmount(ownClaims(ctx, claims, "amount"), ctx.sectionAmounts),
      };
      claims.push(change);
      return rateTok ? 2 : 1;
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
        current: lastAmount(ownClaims(ctx, claims, "amount"), ctx.sectionAmounts),
      });
      return 1;
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
        current: lastAmount(amounts.filter((a) => a.start < m.index!), ctx.sectionAmounts),
      });
    }
  },
};
