/**
 * Year-on-year changes (“比上年增加A万元，增长r%”): 一 and 四 state the same change of 收入总计 and 支出总计
 * (N-yoy-identity); the amount's and the rate's direction words agree (N-direction); the rate is the change over
 * the prior year the text states (“比2019年度372.28万元减少…”) or implies (current ∓ change) (N-yoy-rate); a prior
 * stated with the current is the current less the change (N-same-quantity). A change whose identity failed is not
 * judged again for its rate.
 */
import type { Finding } from "../../findings";
import { formatNumber } from "../../money/format";
import { fill } from "../../money/wording";
import { narrativeFinding, textRule } from "../../narrative/catalogue";
import type { ChangeClaim } from "../../narrative/types";
import { rateMismatchSeverity } from "../severity";
import type { SelfRule } from "./selfRule";
import { CENT, DIR_WORD, RATE_WORD, f2, ft, sameSentence, sentenceAmountsBefore, withoutYear, yoyExpected, yoySum } from "./util";

/** The N-yoy-rate message when the text states the prior year's amount (text.json messagePriorStated). */
const PRIOR_STATED_MESSAGE = (textRule("N-yoy-rate") as ReturnType<typeof textRule> & { messagePriorStated: string }).messagePriorStated;
/** The N-yoy-rate message of a change against a budget (text.json messageBudget): its base is the budget. */
const BUDGET_MESSAGE = (textRule("N-yoy-rate") as ReturnType<typeof textRule> & { messageBudget: string }).messageBudget;

export const yoy: SelfRule = {
  ids: ["N-yoy-identity", "N-direction", "N-yoy-rate", "N-yoy-from-zero", "N-same-quantity"],
  check({ parsed, sheet, on, first }) {
    const out: Finding[] = [];
    const changes = parsed.claims.filter((c): c is ChangeClaim => c.kind === "change");
    const identityFailed = new Set<ChangeClaim>();
    for (const sec of ["1", "4"]) {
      const inc = changes.find((c) => c.slot === `${sec}.incomeChange`);
      const exp = changes.find((c) => c.slot === `${sec}.expenseChange`);
      if (!inc || !exp || inc.residue || exp.residue || !inc.amount || !exp.amount || !on("N-yoy-identity")) continue;
      if (inc.amount.eq(exp.amount) && inc.direction === exp.direction) continue;
      identityFailed.add(exp);
      const rateNote = yoyExpected(exp);
      const extra =
        rateNote && !rateNote.ok ? `；且按支出总计${exp.directionWord}${ft(exp.amount)}万元推算，${(exp.rateDirection && RATE_WORD[exp.rateDirection]) || (exp.rateWord ?? "")}率应为${f2(rateNote.expected)}%，而非${ft(exp.rate!)}%` : "";
      // The text's own 收入总计 and 支出总计 differ (“收入总计40391.02万元…支出总计45331.37万元”): it means 本年收入 and
      // 本年支出 by them, whose changes need not agree — a wording to check, not a wrong figure.
      const incT = first(`${sec}.incomeTotal`);
      const expT = first(`${sec}.expenseTotal`);
      const totalsDiffer = !!incT && !!expT && !incT.value.eq(expT.value);
      const f = narrativeFinding("N-yoy-identity", sheet, {
        ...(totalsDiffer ? { severity: "warning" as const } : {}),
        row: exp.row,
        text: `${inc.text}；${exp.text}`,
        slots: { word1: inc.directionWord, amount1: ft(inc.amount), word2: exp.directionWord, amount2: ft(exp.amount), difference: ft(inc.amount.minus(exp.amount).abs()) },
        stated: ft(exp.amount),
        expected: ft(inc.amount),
        difference: ft(exp.amount.minus(inc.amount)),
      });
      f.message += extra;
      out.push(f);
    }
    for (const c of changes) {
      if (c.residue || c.direction === "flat") continue;
      // direction words that contradict each other
      if (c.rateDirection && c.rateDirection !== "ambiguous" && c.direction !== "ambiguous" && c.amount && c.rateDirection !== c.direction && on("N-direction")) {
        out.push(
          narrativeFinding("N-direction", sheet, {
            row: c.row,
            text: c.text,
            slots: {
              detail: c.rateNegative
                ? `“${c.directionWord}”与“${c.rateWord}-${ft(c.rate!)}%”方向相反：负的${c.rateWord}即${DIR_WORD[c.rateDirection]}`
                : `“${c.directionWord}”与“${c.rateWord}”方向相反：${DIR_WORD[c.direction]}时应写“${RATE_WORD[c.direction]}”`,
            },
          }),
        );
        continue;
      }
      if (identityFailed.has(c)) continue;
      // The prior year stated with the change (“比2019年度393.40万元减少…”) and the current amount before it: the
      // current is the prior plus the change.
      const sum = yoySum(c);
      // A change that does not name its subject may be of another amount of its paragraph than the nearest one (“其中：
      // 国内…0.80万元；外事…0万元。与2019年度的1.00万元相比减少0.20万元”): when one of them adds up, the text is consistent.
      const addsUp = () => !c.subject && sentenceAmountsBefore(parsed, c, false).some((a) => yoySum({ ...c, current: a })?.ok);
      if (sum && !sum.ok && !addsUp() && on("N-same-quantity")) {
        const cur = c.current!;
        const diff = cur.value.minus(sum.expected);
        out.push(
          narrativeFinding("N-same-quantity", sheet, {
            row: c.row,
            text: `${cur.row === c.row && cur.end <= c.prior!.start ? `${cur.text}，` : ""}${c.prior!.text}，${c.text}`,
            severity: diff.abs().lte(CENT) ? "warning" : "error",
            slots: {
              name: withoutYear(cur.label).replace(/(各|均|分别)?(为|是)?$/u, "") || c.subject || "本年数",
              stated: ft(cur.value),
              where: `按上年${ft(c.prior!.value)}万元${c.directionWord}${ft(c.amount!)}万元推算`,
              expected: ft(sum.expected),
              difference: ft(diff.abs()),
            },
            stated: ft(cur.value),
            expected: ft(sum.expected),
            difference: ft(diff),
          }),
        );
      }
      if (!c.amount || !c.rate) continue;
      const r = yoyExpected(c);
      if (!r) continue;
      if (r.ok || !on("N-yoy-rate")) continue;
      // A stated prior that is not current ∓ change (N-same-quantity above) while the rate fits current ∓ change: one
      // wrong figure, the prior, already reported; the rate is not a second error.
      if (r.stated && sum && !sum.ok && yoyExpected({ ...c, prior: null })?.ok) continue;
      // A change whose subject is not identified and whose prior is not stated is judged only when no amount of its
      // sentence (before it) can be its base: when unsure what the rate is of, it is not an error.
      if (!r.stated && !c.slot && sentenceAmountsBefore(parsed, c).some((a) => yoyExpected({ ...c, current: a })?.ok)) continue;
      if (!r.stated && !c.slot && !sameSentence(parsed, c.current!, c)) continue;
      const current = c.current ? c.current.value : r.prior.plus(c.direction === "increase" ? c.amount : c.amount.neg());
      // “增加307.82万元，增长100%” where the change is the whole amount (a new unit, a new item): the prior year was 0
      // and the rate has no base. A common way of writing it, not a wrong figure: its own 提示, not 错误.
      if (r.prior.isZero() && c.direction === "increase" && c.rate.eq(100)) {
        if (on("N-yoy-from-zero"))
          out.push(
            narrativeFinding("N-yoy-from-zero", sheet, {
              row: c.row,
              text: c.text,
              slots: { subject: c.subject || "该项", amount: ft(c.amount), current: ft(current), stated: `${ft(c.rate)}%` },
              stated: `${ft(c.rate)}%`,
            }),
          );
        continue;
      }
      const rateSlots = {
        subject: c.subject,
        word: c.directionWord,
        amount: ft(c.amount),
        current: ft(current),
        prior: ft(r.prior),
        // “降幅40.01%” is a 下降率: the message names the rate 增长率/下降率, whatever word the text used.
        // a negative rate (“增长率为-41.01%”) is named and given as the text writes it
        rateWord: c.rateNegative ? (c.rateWord ?? "").replace(/率$/u, "") : (c.rateDirection && RATE_WORD[c.rateDirection]) || (c.rateWord ?? ""),
        expected: r.prior.gt(0) ? `${c.rateNegative ? "-" : ""}${f2(r.expected)}%` : r.stated ? "无从计算（文中上年数不大于0）" : "无从计算（推算的上年数不大于0）",
        // as printed: “下降0.006%” is not “0.01%”
        stated: `${c.rateNegative ? "-" : ""}${formatNumber(c.rate, "trim", Math.max(2, c.rateDecimals))}`,
      };
      const rateFinding = narrativeFinding("N-yoy-rate", sheet, {
        severity: r.prior.gt(0) ? rateMismatchSeverity(c.rate, c.rateDecimals, c.amount, r.prior) : undefined,
        row: c.row,
        text: c.text,
        slots: rateSlots,
        stated: `${rateSlots.stated}%`,
        expected: r.prior.gt(0) ? rateSlots.expected : undefined,
      });
      // the prior stated in the text (“上年为372.28万元”) is not one inferred from the current
      if (r.stated) rateFinding.message = fill(PRIOR_STATED_MESSAGE, rateSlots);
      else if (c.against === "budget") rateFinding.message = fill(BUDGET_MESSAGE, rateSlots);
      out.push(rateFinding);
    }
    return out;
  },
};
