/**
 * The same quantity printed twice (SAME_QUANTITY of src/narrative/slots.ts: e.g. 支出总计 in 一 and 三, or a figure
 * and the sum of a section's items) must be one figure; and a 类 of 五（二）equals the sum of its 项 in 五（三）. A
 * 五（三）that lists only some 项 (./partialLists.ts) is not summed.
 */
import type Decimal from "decimal.js";
import type { Finding } from "../../findings";
import { round, sum } from "../../money/decimal";
import { fill } from "../../money/wording";
import { narrativeFinding, textRule } from "../../narrative/catalogue";
import { classCore } from "../../narrative/parse";
import { SAME_QUANTITY } from "../../narrative/slots";
import type { AmountClaim, SubjectClaim } from "../../narrative/types";
import { partialList53 } from "./partialLists";
import type { SelfRule } from "./selfRule";
import { CENT, ft, sectionName } from "./util";

/** N-same-quantity's message for a 尾差 between a total and the sum of its parts (text.json messageTail). */
const TAIL_MESSAGE = (textRule("N-same-quantity") as ReturnType<typeof textRule> & { messageTail: string }).messageTail;

export const sameQuantity: SelfRule = {
  ids: ["N-same-quantity"],
  check({ parsed, sheet, on, amountsBySlot: slots, unstated53 }) {
    const out: Finding[] = [];
    if (!on("N-same-quantity")) return out;
    const claims = parsed.claims;
    const partial53 = partialList53(parsed);
    for (const g of SAME_QUANTITY) {
      const members: { claim: AmountClaim | null; value: Decimal; where: string }[] = [];
      const own = g.slots.flatMap((s) => slots.get(s) ?? []);
      const slotOf = new Map(g.slots.flatMap((s) => (slots.get(s) ?? []).map((c) => [c, s] as const)));
      // a 五（三）list of only some 项 (./partialLists.ts) does not sum to the total
      const prefix = g.derived?.startsWith("sum:") && !(g.derived === "sum:5.3.item:" && partial53) ? g.derived.slice(4) : null;
      // One figure per item: an item stated twice (a 七（二）summary line, then the item's own paragraph) is one part;
      // two different figures of it are that item's own N-same-quantity.
      const parts = prefix ? [...slots.entries()].filter(([k, v]) => k.startsWith(prefix) && v.length > 0).map(([, v]) => v[0]) : [];
      // An amount written in 元 is compared at the 万元 precision the others are printed with; when every figure is in
      // 元 (“26,085.58元” and its items), exactly.
      const allYuan = [...own, ...parts].every((c) => c.unit === "元");
      const at = (c: AmountClaim) => (c.unit === "元" && !allYuan ? round(c.value, 2) : c.value);
      for (const c of own) members.push({ claim: c, value: at(c), where: sectionName(c.canonical) });
      // 五（三）'s items short of the total may be some of them only: that is N-foot's (a warning, ./foot.ts), not a
      // second figure of the total
      const partsSum = sum(parts.map(at));
      const short53 = prefix === "5.3.item:" && own.some((c) => at(c).minus(partsSum).gt(CENT.times(Math.floor((parts.length + 1) / 2))));
      if (prefix && parts.length >= 2 && !short53) members.push({ claim: null, value: partsSum, where: `${sectionName(prefix)}各项之和` });
      if (members.filter((m) => m.claim).length === 0 || members.length < 2) continue;
      const values = new Map<string, number>();
      for (const m of members) values.set(m.value.toString(), (values.get(m.value.toString()) ?? 0) + 1);
      if (values.size < 2) continue;
      const derived = members.find((m) => !m.claim);
      const ranked = [...values.entries()].sort((a, b) => b[1] - a[1]);
      let ref = ranked[0][0];
      if (ranked.length > 1 && ranked[0][1] === ranked[1][1] && derived && ranked.slice(0, 2).some(([v]) => v === derived.value.toString())) ref = derived.value.toString();
      const refMember = members.find((m) => m.value.toString() === ref)!;
      // Places named once each, and a place not repeated inside a longer one (“五（三）” within “五（三）各项之和”).
      const places = [...new Set(members.filter((m) => m.value.toString() === ref).map((m) => m.where))];
      const refWhere = places
        .filter((p) => !places.some((q) => q !== p && p.startsWith(q)))
        .map((p) => {
          const longer = places.find((q) => q !== p && q.startsWith(p));
          return longer ? `${p}所述及其${longer.slice(p.length)}` : p;
        })
        .join("及");
      // A total against the sum of its displayed parts differs by up to 0.01 per two parts when each was rounded from
      // exact values (DOMAIN §1, display tail tolerance): that is 尾差, a note; a figure printed twice must be identical.
      const tail = CENT.times(Math.floor((parts.length + 1) / 2));
      for (const m of members) {
        if (!m.claim || m.value.toString() === ref) continue;
        const diff = m.value.minus(refMember.value);
        const isTail = !refMember.claim && diff.abs().lte(tail);
        // 收入总计 against 支出总计 only (g.pair): each may be right for what the text meant
        const pairOnly = g.pair && refMember.claim && [slotOf.get(m.claim), slotOf.get(refMember.claim)].sort().join() === [...g.pair.slots].sort().join();
        const slotsOf = { name: g.name, stated: ft(m.value), where: refWhere, expected: ft(refMember.value), difference: ft(diff.abs()) };
        const f = narrativeFinding("N-same-quantity", sheet, {
          row: m.claim.row,
          text: m.claim.text,
          severity: isTail ? "info" : diff.abs().lte(CENT) || pairOnly ? "warning" : "error",
          slots: slotsOf,
          stated: ft(m.value),
          expected: ft(refMember.value),
          difference: ft(diff),
        });
        if (isTail) f.message = fill(TAIL_MESSAGE, slotsOf);
        else if (pairOnly) f.message += `；${g.pair!.note}`;
        out.push(f);
      }
    }
    // a 类 of 五(二) against the sum of its 项 in 五(三)
    const items = claims.filter((c): c is SubjectClaim => c.kind === "subject" && c.canonical === "5.3" && c.amount !== null);
    if (items.length && !partial53) {
      for (const c of claims) {
        if (c.kind !== "class" || !c.amount) continue;
        const mine = items.filter((s) => classCore(s.lei) === c.core);
        // A 项 of the class listed without its 决算数: the sum of the listed amounts is not the class's.
        if (!mine.length || unstated53.some((s) => classCore(s.lei) === c.core)) continue;
        const total = sum(mine.map((s) => s.amount!.value));
        const diff = c.amount.value.minus(total);
        if (diff.isZero()) continue;
        // 项 short of their 类 beyond rounding may be only some of them (“其中：” then the main 项): not a second figure
        if (diff.gt(CENT.times(Math.floor((mine.length + 1) / 2)))) continue;
        out.push(
          narrativeFinding("N-same-quantity", sheet, {
            row: c.row,
            text: c.amount.text,
            severity: diff.abs().lte(CENT) ? "warning" : "error",
            slots: { name: `${c.core}（类）支出`, stated: ft(c.amount.value), where: `五（三）所列该类各项之和（${mine.map((s) => ft(s.amount!.value)).join("+")}）`, expected: ft(total), difference: ft(diff.abs()) },
            stated: ft(c.amount.value),
            expected: ft(total),
            difference: ft(diff),
          }),
        );
      }
    }
    return out;
  },
};
