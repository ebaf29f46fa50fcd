/** Amounts: the token reader `amounts` (“支出总计1,234.56万元”, “年初预算为…” with role "budget"). */
import type { AmountClaim } from "../types";
import type { TokenReader } from "./tokens";

/** A 预算数 label: "年初预算为", "全年预算数", "预算数为" — not a budget kind's name ("一般公共预算"). */
const BUDGET_LABEL = /(年初|全年|调整后)?预算数?为?$/;
const BUDGET_KIND = /(公共|基金|经营)预算$/;
function isBudgetLabel(label: string): boolean {
  return BUDGET_LABEL.test(label) && !BUDGET_KIND.test(label) && !/决算数?为?$/.test(label);
}

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
    if (isBudgetLabel(t.label)) a.role = "budget";
    claims.push(a);
    return 1;
  },
};
