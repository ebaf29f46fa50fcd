/**
 * Amounts: the token reader `amounts` (“支出总计1,234.56万元”, “年初预算为…” with role "budget", the object of a
 * comparison with the prior year “比2019年度372.28万元…”, “与上年的1.00万元相比”, or labelled with an earlier year than the
 * report's “2019年度收、支总计为393.40万元”, with role "prior").
 */
import type { AmountClaim } from "../types";
import type { TokenReader } from "./tokens";

/** A 预算数 label: "年初预算为", "全年预算数", "预算数为" — not a budget kind's name ("一般公共预算"). */
const BUDGET_LABEL = /(年初|全年|调整后)?预算数?为?$/;
const BUDGET_KIND = /(公共|基金|经营)预算$/;
function isBudgetLabel(label: string): boolean {
  return BUDGET_LABEL.test(label) && !BUDGET_KIND.test(label) && !/决算数?为?$/.test(label);
}

/** The word that makes what follows it the object of a comparison: 比/较/与/同/相对于/相较于. */
// “经比较2020年度…”: 比较 (“on comparing”) introduces the report year's own figure, not the object of a comparison.
const COMPARE_LEAD = /(比|(?<!比)较|与|同|相对于?|相较于?|对比)$/u;
/** A comparison with the prior year unnamed: “比上年的”, “较上年度决算数”, “与去年同期”. */
const PRIOR_UNNAMED = /(?:比|较|与|同|相对于?|相较于?|对比)(?:上一?年度?|去年)(.{0,16})$/u;
/** Words after the comparison that make the amount its difference (“较上年多支出5万元”), not its object. */
const DIFFERENCE_WORD = /(增|减|多|少|降|升|提高|相比|相较|节约|节省|超)/u;

/** Is the amount the prior year's, the object of a comparison (“比2019年度372.28万元”, “与上年的1.00万元相比”)? */
function isComparedPrior(label: string, year: { value: number; lead: string } | undefined, reportYear?: number): boolean {
  // the report's own year is never the object of a year-on-year comparison
  if (year) return year.value !== reportYear && COMPARE_LEAD.test(year.lead) && !DIFFERENCE_WORD.test(label);
  const m = PRIOR_UNNAMED.exec(label);
  return (m !== null && !DIFFERENCE_WORD.test(m[1])) || PRIOR_LABEL.test(label);
}
/** A label of the prior year's figure (“上年支出决算为”, “（上年为”), not of the carry-over from it (上年结转). */
const PRIOR_LABEL = /^[（(]?(上年度?|上一年度?|去年)(?!.*(结转|结余))/u;

export const amounts: TokenReader = {
  name: "amounts",
  read(ctx, claims) {
    const t = ctx.token;
    if (t.kind !== "amount") return 0;
    const a: AmountClaim = {
      kind: "amount",
      ...ctx.span(t.labelStart, t.end),
      label: t.label,
      value: t.value,
      unit: t.unit === "万元" || t.unit === "元" ? t.unit : null,
      decimals: t.decimals,
      raw: t.raw,
    };
    if (t.year) a.year = t.year.value;
    // a budget compared with (“比2020年年初预算234.98万元减少…”) is a budget, not the prior year's
    if (isBudgetLabel(t.label)) a.role = "budget";
    else if (isComparedPrior(t.label, t.year, ctx.options.year)) a.role = "prior";
    // an amount labelled with an earlier year than the report's (“2023年度收入支出总计为393.40万元” in a 2024 report) is
    // not the report year's figure — unless it is the carry-over from that year (“2023年结转…”)
    else if (t.year && ctx.options.year !== undefined && t.year.value < ctx.options.year && !/(结转|结余)/u.test(t.label)) a.role = "prior";
    claims.push(a);
    return 1;
  },
};
