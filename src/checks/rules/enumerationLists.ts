/** The enumerations of the text: 五（二）listing classes of 0, and shares printed with mixed decimals. */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import type { TextRule } from "./textRule";

export const enumerationLists: TextRule = {
  ids: ["N-zero-class", "N-share-format"],
  check(ctx) {
    const out: Finding[] = [];
    const parsed = ctx.parsed;
    if (!parsed) return out;
    const { sheet, on } = ctx;
    // 五(二) lists zero classes; share formats; 五(三) grouping
    for (const c of parsed.claims) {
      if (c.kind !== "enumeration") continue;
      if (c.canonical === "5.2" && on("N-zero-class")) {
        const zeros = c.items.filter((i) => i.amount.value.isZero());
        if (zeros.length)
          out.push(
            narrativeFinding("N-zero-class", sheet, {
              row: c.row,
              text: zeros.map((z) => z.amount.text).join("；"),
              slots: { stated: zeros.map((z) => z.label).join("、") },
            }),
          );
      }
      if (on("N-share-format")) {
        const sh = c.items.map((i) => i.share).filter((s): s is NonNullable<typeof s> => s !== null);
        if (sh.some((s) => s.decimals === 2)) {
          for (const s of sh) {
            if (s.decimals === 2 || s.value.isZero() || s.value.eq(100)) continue;
            const exp = `${s.value.toFixed(2)}%`;
            out.push(narrativeFinding("N-share-format", sheet, { row: s.row, text: s.text, slots: { stated: s.raw, expected: exp }, stated: s.raw, expected: exp }));
          }
        }
      }
    }
    return out;
  },
};
