/**
 * Enumeration lists (“其中：A x万元，占y%；B …”): the printed shares add up to 100%, each share matches its amount,
 * and the list's total foots with its items. Judged list by list, in that order within a list. A partial list
 * (`partial`, set by src/narrative/extract/enumerations.ts) has its shares checked one by one only.
 */
import type { Finding } from "../../findings";
import { D, HUNDRED, sum } from "../../money/decimal";
import { narrativeFinding } from "../../narrative/catalogue";
import type { Claim } from "../../narrative/types";
import type { SelfRule } from "./selfRule";
import { checkShare, foot, ft, withoutYear } from "./util";

export const enumerations: SelfRule = {
  ids: ["N-share-sum", "N-share-rate", "N-foot", "N-foot-tail"],
  check({ parsed, sheet, on }) {
    const out: Finding[] = [];
    for (const e of parsed.claims) {
      if (e.kind !== "enumeration") continue;
      // A partial list (“…等”): its shares are not summed, nor its items footed with the total.
      const partial = e.partial === true;
      // A share the slots bind to a base of its own (“其中授予小微企业合同金额6万元，占48%” is of the procurement total,
      // 10.2.microShare) is not a share of this list.
      const ownBase = (x: NonNullable<(typeof e.items)[number]["share"]>) => x.slot === undefined || x.slot.includes(".share:");
      // A share of the list's own total: a bare “占y%”, or one naming that total (“人员经费x万元，占基本支出的y%” in a list
      // of 基本支出; “分别占政府采购支出总额的…”).
      const ofList = (x: NonNullable<(typeof e.items)[number]["share"]>) => x.denominator === "" || namesTotal(x.denominator, e.total?.label);
      const withShares = e.items.filter((i) => i.share && ofList(i.share) && ownBase(i.share));
      if (withShares.length >= 2 && withShares.length === e.items.length && !partial && on("N-share-sum")) {
        const total = sum(withShares.map((i) => i.share!.value));
        const nonZero = withShares.filter((i) => !i.share!.value.isZero()).length;
        // One unit of the coarsest printed share (0.01 at two decimals, 0.1 at one) per two shares.
        const dp = Math.min(2, ...withShares.map((i) => Math.max(i.share!.decimals, 0)));
        const tol = new D(10).pow(-dp).times(Math.floor(nonZero / 2));
        const allZero = withShares.every((i) => i.amount.value.isZero());
        const diff = total.minus(HUNDRED);
        if (!allZero && diff.abs().gt(tol)) {
          out.push(
            narrativeFinding("N-share-sum", sheet, {
              row: e.row,
              text: e.text,
              slots: { what: e.total ? withoutYear(e.total.label) : "", stated: ft(total), difference: ft(diff.abs()) },
              stated: `${ft(total)}%`,
              expected: "100%",
              difference: ft(diff),
            }),
          );
        }
      }
      // each share against its amount
      const denom = e.total ? e.total.value : sum(e.items.map((i) => i.amount.value));
      // A list whose printed shares add up to exactly 100 may have been rounded by largest remainder (DOMAIN §2.5:
      // the checker accepts either rounding): a share within one display unit of the exact one is then correct.
      const shares = e.items.map((i) => i.share);
      const toHundred = shares.length >= 2 && shares.every((x) => x && ofList(x)) && sum(shares.map((x) => x!.value)).eq(HUNDRED);
      for (const it of e.items) {
        const s = it.share;
        if (!s || !ofList(s) || !ownBase(s) || !on("N-share-rate")) continue;
        checkShare(s, it.amount, denom, e.total ? e.total.label : "各项合计", out, sheet, toHundred);
      }
      // the total foots with its items (ctx.listTotals holds these totals, not footed again by ./foot.ts)
      if (e.total && e.items.length >= 2 && e.marker !== "" && !partial && on("N-foot") && !endsEarlier(parsed, e)) {
        foot(e.total, e.items.map((i) => i.amount), withoutYear(e.total.label), out, sheet);
      }
    }
    return out;
  },
};

/**
 * Whether a share's stated base (“占基本支出的”) is the list's total (“一般公共预算财政拨款基本支出”): the base, four
 * characters at least, ends the total's label. A base of another quantity (“占本年支出合计的” in a list of 基本支出) is
 * not this list's.
 */
function namesTotal(denominator: string, totalLabel: string | undefined): boolean {
  if (!totalLabel) return false;
  const d = denominator.replace(/^(?:本年度?|本单位|全年)/u, "").replace(/的$/u, "").trim();
  const t = withoutYear(totalLabel).replace(/^(?:本年度?|本单位|全年)/u, "").trim();
  return d.length >= 4 && t.endsWith(d);
}

/**
 * “收入总计236.01万元，其中：本年收入215.04万元，年初结转和结余20.97万元；支出总计236.01万元，其中：…”: the 其中 list ended at
 * a “；” before the next total. When the items up to a “；” (or any mark between two items) add up to the total exactly,
 * the list is that prefix (its foot holds), not a wrong foot: what follows is another clause or a second breakdown.
 */
function endsEarlier(parsed: Parameters<SelfRule["check"]>[0]["parsed"], e: Extract<Claim, { kind: "enumeration" }>): boolean {
  const text = parsed.paragraphs.find((p) => p.row === e.row)?.text ?? "";
  let acc = new D(0);
  for (let k = 0; k + 1 < e.items.length; k++) {
    acc = acc.plus(e.items[k].amount.value);
    const between = text.slice(e.items[k].amount.end, e.items[k + 1].amount.start);
    // “收入预算总额A元，其中，人员经费B元，公用经费C元，财政补助收入D元，其他收入E元”: two breakdowns of one total
    // in one list; the first ends where it adds up, whatever mark follows.
    if (/[；;，,、。]/u.test(between) && e.total && acc.eq(e.total.value)) return true;
  }
  return false;
}
