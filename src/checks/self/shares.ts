/**
 * Shares stated outside enumeration lists: 五（一）“占本年支出合计的X%” (and a 一般公共预算财政拨款支出 larger than
 * the 本年支出合计 it is a share of), and the 中小企业 / 小微企业 shares of 十（二）政府采购.
 */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import type { ShareClaim } from "../../narrative/types";
import type { SelfRule } from "./selfRule";
import { checkShare, ft } from "./util";

export const shares: SelfRule = {
  ids: ["N-exceeds-total", "N-share-rate"],
  check({ parsed, sheet, on, first }) {
    const out: Finding[] = [];
    const claims = parsed.claims;
    const gpb = first("5.1.gpb");
    const exp3 = first("3.expenseTotal");
    const share51 = claims.find((c): c is ShareClaim => c.kind === "share" && c.slot === "5.1.shareOfExpense");
    if (gpb && exp3 && on("N-exceeds-total") && gpb.value.gt(exp3.value)) {
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
    } else if (share51 && gpb && exp3 && on("N-share-rate")) {
      checkShare(share51, gpb, exp3.value, "本年支出合计", out, sheet);
    }
    for (const s of claims) {
      if (s.kind !== "share" || !s.of || !(s.slot === "10.2.smeShare" || s.slot === "10.2.microShare")) continue;
      const t = first("10.2.total");
      if (t && on("N-share-rate")) checkShare(s, s.of, t.value, "政府采购支出总额", out, sheet);
    }
    return out;
  },
};
