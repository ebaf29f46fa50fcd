/**
 * A percentage printed with more than two decimals (“占95.123%”, “增长12.3456%”, “完成预算的99.005%”): shares and rates
 * are printed to two decimals (DOMAIN, Percentages). Shares of a list whose others have two decimals are N-share-format's.
 */
import type { Finding } from "../../findings";
import { round } from "../../money/decimal";
import { formatNumber } from "../../money/format";
import { narrativeFinding } from "../../narrative/catalogue";
import type { Claim } from "../../narrative/types";
import type { TextRule } from "./textRule";

export const percentDecimals: TextRule = {
  ids: ["N-percent-decimals"],
  check(ctx) {
    const out: Finding[] = [];
    const parsed = ctx.parsed;
    if (!parsed || !ctx.on("N-percent-decimals")) return out;
    // Shares already judged by N-share-format (a list with two-decimal shares).
    const listed = new Set<Claim>();
    for (const c of parsed.claims) {
      if (c.kind !== "enumeration") continue;
      const sh = c.items.map((i) => i.share).filter((s): s is NonNullable<typeof s> => s !== null);
      if (sh.some((s) => s.decimals === 2)) for (const s of sh) listed.add(s);
    }
    for (const c of parsed.claims) {
      const figure =
        c.kind === "share"
          ? { value: c.value, decimals: c.decimals, raw: c.raw }
          : c.kind === "execution"
            ? { value: c.rate, decimals: c.decimals, raw: c.raw }
            : c.kind === "change" && c.rate
              ? { value: c.rate, decimals: c.rateDecimals, raw: `${formatNumber(c.rate, "trim")}%` }
              : null;
      if (!figure || !figure.value || figure.decimals <= 2 || listed.has(c)) continue;
      const expected = `${formatNumber(round(figure.value, 2), "fixed2")}%`;
      out.push(narrativeFinding("N-percent-decimals", ctx.sheet, { row: c.row, text: c.text, slots: { stated: figure.raw, expected }, stated: figure.raw, expected }));
    }
    return out;
  },
};
