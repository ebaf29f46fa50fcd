/**
 * Totals across paragraphs (FOOTS of src/narrative/slots.ts): a total stated in one place foots with the parts
 * stated in others. A total already footed in its own enumeration list (./enumerations.ts) is not judged again.
 */
import type { Finding } from "../../findings";
import { textRule } from "../../narrative/catalogue";
import { FOOTS } from "../../narrative/slots";
import type { AmountClaim } from "../../narrative/types";
import type { SelfRule } from "./selfRule";
import { partialList53 } from "./partialLists";
import { foot } from "./util";

/** N-foot's note when 五（三）'s items fall short of its total (text.json notePartial53). */
const SHORT_53 = (textRule("N-foot") as ReturnType<typeof textRule> & { notePartial53: string }).notePartial53;

export const footTotals: SelfRule = {
  ids: ["N-foot", "N-foot-tail"],
  check({ parsed, sheet, on, amountsBySlot: slots, first, unstated53, listTotals }) {
    const out: Finding[] = [];
    if (!on("N-foot")) return out;
    for (const fd of FOOTS) {
      const total = first(fd.total);
      if (!total || listTotals.has(total)) continue;
      const parts = fd.parts
        ? fd.parts.map((p) => first(p)).filter((x): x is AmountClaim => !!x)
        : [...slots.entries()].filter(([k]) => k.startsWith(fd.partsPrefix!)).flatMap(([, v]) => v);
      if (fd.parts && parts.length !== fd.parts.length) continue;
      if (parts.length < 2) continue;
      // 五（三）with a 项 whose 决算数 is not stated, or that lists only some 项: its amounts do not add up to the total.
      if (fd.partsPrefix === "5.3.item:" && (unstated53.length > 0 || partialList53(parsed))) continue;
      foot(total, parts, fd.name, out, sheet, fd.partsPrefix === "5.3.item:" ? { note: SHORT_53 } : undefined);
    }
    return out;
  },
};
