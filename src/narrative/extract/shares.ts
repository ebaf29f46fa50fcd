/**
 * Shares: the token reader `shares` — “X万元，占Y%” (a share of the amount before it) and a share that names its
 * part without an amount (“基本支出占59.94%”).
 *
 * Depends on the amount claims produced before it (read from the claims array: token reader `amounts` on the
 * earlier tokens): the share's `of` is the last amount before it in the same sentence, and a share that names its
 * part is read only when no amount stands between its label and it. Enumerations (./enumerations.ts) read the share
 * claims this produces.
 */
import type { ShareClaim } from "../types";
import type { TokenReader } from "./tokens";
import { ownClaims, sentenceIndex } from "./util";

const SHARE_WORD = /^占(.*?)的?$/;
/**
 * A share that names its part without an amount: “基本支出占59.94%”, “项目支出所占比重为40.06%”, “其中：事业收入占比10%”.
 * The subject is held in `subject`; the amount is the table's (bindings), never guessed from the text.
 */
const SUBJECT_SHARE_WORD = /^(?:其中[：:]?)?([^，。；、,;：:]{2,24}?)(?:所占比重|所占比例|占比|占)(?:为|是)?(.*?)的?(?:比重|比例)?(?:为|是)?$/u;

export const shares: TokenReader = {
  name: "shares",
  read(ctx, claims) {
    const { span, starts, token: t } = ctx;
    if (t.kind !== "percent") return 0;
    const amounts = ownClaims(ctx, claims, "amount");
    // A share in brackets after its amount (“一般公共服务支出198.77万元（占89.00%）”): the bracket is not part of its label.
    const label = /^[（(]/u.test(t.label) && /^[）)]/u.test(t.tail) ? t.label.slice(1) : t.label;
    const subjectShare = !SHARE_WORD.test(label) ? SUBJECT_SHARE_WORD.exec(label) : null;
    if (subjectShare && !amounts.some((a) => a.end <= t.start && sentenceIndex(starts, a.start) === t.sentence && a.start >= t.labelStart)) {
      const sh: ShareClaim = {
        kind: "share",
        ...span(t.labelStart, t.end),
        label,
        denominator: subjectShare[2] ?? "",
        value: t.value,
        decimals: t.decimals,
        raw: t.raw,
        of: null,
        subject: subjectShare[1],
      };
      claims.push(sh);
      return 1;
    }
    if (SHARE_WORD.test(label)) {
      const prev = [...amounts].reverse().find((a) => a.end <= t.start && sentenceIndex(starts, a.start) === t.sentence) ?? null;
      const sh: ShareClaim = {
        kind: "share",
        ...span(t.labelStart, t.end),
        label,
        denominator: SHARE_WORD.exec(label)![1] ?? "",
        value: t.value,
        decimals: t.decimals,
        raw: t.raw,
        of: prev,
      };
      claims.push(sh);
      return 1;
    }
    return 0;
  },
};
