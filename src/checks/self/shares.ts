/**
 * Shares stated outside enumeration lists: 五（一）“占本年支出合计的X%” (and a 一般公共预算财政拨款支出 larger than
 * the 本年支出合计 it is a share of), and the 中小企业 / 小微企业 shares of 十（二）政府采购.
 */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import { D } from "../../money/decimal";
import type { AmountClaim, ShareClaim } from "../../narrative/types";
import type { SelfRule } from "./selfRule";
import { checkShare, ft } from "./util";

/**
 * Half a unit of the amount's last printed digit when it has fewer than the tables' two decimals: “223.3万元” stands
 * for [223.25, 223.35); a figure with two decimals is the table's own.
 */
const halfOf = (a: AmountClaim) => (a.decimals >= 2 ? new D(0) : new D(10).pow(-Math.max(0, a.decimals)).div(2));

/**
 * A share of amounts printed with fewer than two decimals is judged against every value those amounts may stand for:
 * “占本年支出合计的100%” of 223.34 and 223.3 is right (223.3 is 223.34 rounded).
 */
function shareWithinRounding(s: ShareClaim, part: AmountClaim, total: AmountClaim): boolean {
  const lo = part.value.minus(halfOf(part)).div(total.value.plus(halfOf(total))).times(100);
  const hi = part.value.plus(halfOf(part)).div(total.value.minus(halfOf(total))).times(100);
  const h = new D(10).pow(-Math.max(0, Math.min(s.decimals, 2))).div(2);
  return s.value.plus(h).gte(lo) && s.value.minus(h).lte(hi);
}

export const shares: SelfRule = {
  ids: ["N-exceeds-total", "N-share-rate"],
  check({ parsed, sheet, on, first }) {
    const out: Finding[] = [];
    const claims = parsed.claims;
    const gpb = first("5.1.gpb");
    const exp3 = first("3.expenseTotal");
    const share51 = claims.find((c): c is ShareClaim => c.kind === "share" && c.slot === "5.1.shareOfExpense");
    const coarse = gpb && exp3 && Math.min(gpb.decimals, exp3.decimals) < 2;
    // Larger only beyond what rounding of either figure allows.
    if (gpb && exp3 && on("N-exceeds-total") && gpb.value.minus(halfOf(gpb)).gt(exp3.value.plus(halfOf(exp3)))) {
      out.push(
        narrativeFinding("N-exceeds-total", sheet, {
          row: gpb.row,
          text: share51 ? `${gpb.text}，${share51.text}` : gpb.text,
          slots: { stated: ft(gpb.value), expected: ft(exp3.value), share: share51 ? ft(share51.value) : "" },
          stated: ft(gpb.value),
          expected: ft(exp3.value),
          difference: ft(gpb.value.minus(exp3.value)),
        }),
      );
    } else if (share51 && gpb && exp3 && on("N-share-rate") && !(coarse && shareWithinRounding(share51, gpb, exp3))) {
      checkShare(share51, gpb, exp3.value, "本年支出合计", out, sheet);
    }
    for (const s of claims) {
      if (s.kind !== "share" || !s.of || !(s.slot === "10.2.smeShare" || s.slot === "10.2.microShare")) continue;
      const t = first("10.2.total");
      if (t && on("N-share-rate")) checkShare(s, s.of, t.value, "政府采购支出总额", out, sheet);
    }
    // “其中：授予小微企业合同金额6.00万元，占授予中小企业合同金额的60.00%”: of the 中小企业 amount the text states.
    const sme = first("10.2.sme");
    for (const s of claims) {
      if (s.kind !== "share" || !s.of || s.canonical !== "10.2" || !/中小企业/u.test(s.denominator) || s.of === sme || !sme || !on("N-share-rate")) continue;
      checkShare(s, s.of, sme.value, s.denominator.replace(/的$/u, ""), out, sheet);
    }
    return out;
  },
};
