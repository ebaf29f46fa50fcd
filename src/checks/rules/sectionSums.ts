/**
 * The later sections' counts and amounts that must add up (src/data/years/section-sums.json): 十 预算绩效管理
 * (the projects graded 优/良/合格/不合格 = the projects self-evaluated; problems found = rectified + being
 * rectified; the grade words are the region's, src/data/perf/grades.json), 十一（三）vehicles by category =
 * the total, 政府采购 小微企业 ≤ 中小企业. Only claims of one paragraph are compared, parts after their total.
 */
import Decimal from "decimal.js";
import type { Finding } from "../../findings";
import { formatNumber } from "../../money/format";
import { narrativeFinding } from "../../narrative/catalogue";
import type { AmountClaim, Claim, CountClaim } from "../../narrative/types";
import { gradeLabels, gradeRegionOf, gradesFor } from "../../perf/score";
import sums from "../../data/years/section-sums.json";
import type { ReportRule, RuleContext } from "./types";

interface Matcher {
  slot?: string;
  slotPrefix?: string;
  label?: string;
}
interface SumCheck {
  id: string;
  section: string;
  kind: "equal" | "atMost";
  claim: "count" | "amount";
  what: string;
  totalWhat: string;
  total: Matcher;
  parts: Matcher;
  grades?: boolean;
}

const CHECKS = (sums.checks as SumCheck[]).map((c) => ({
  ...c,
  totalRe: c.total.label ? new RegExp(c.total.label, "u") : null,
  partsRe: c.parts.label ? new RegExp(c.parts.label, "u") : null,
}));

type NumClaim = CountClaim | AmountClaim;

function matches(c: NumClaim, m: Matcher, re: RegExp | null): RegExpExecArray | true | null {
  if (m.slot) return c.slot === m.slot ? true : null;
  if (m.slotPrefix) return c.slot?.startsWith(m.slotPrefix) ? true : null;
  return re ? re.exec(c.label.replace(/\s+/g, "")) : null;
}

const num = (c: NumClaim) => (c.kind === "count" ? new Decimal(c.value) : c.value);
const show = (d: Decimal, kind: "count" | "amount") => (kind === "count" ? d.toString() : formatNumber(d, "fixed2"));

export const sectionSums: ReportRule = {
  ids: ["N-perf-grade-count", "N-perf-issue-count", "N-vehicle-sum", "N-procurement-micro", "N-perf-grade-label"],
  check(ctx: RuleContext) {
    const out: Finding[] = [];
    const parsed = ctx.parsed;
    if (!parsed) return out;
    const labels = gradeLabels(gradeRegionOf(ctx.template));
    for (const chk of CHECKS) {
      const claims = parsed.claims.filter((c: Claim): c is NumClaim => c.kind === chk.claim && c.canonical === chk.section) as NumClaim[];
      const byRow = new Map<number, NumClaim[]>();
      for (const c of claims) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
      for (const [row, list] of byRow) {
        const ti = list.findIndex((c) => matches(c, chk.total, chk.totalRe));
        if (ti < 0) continue;
        const total = list[ti];
        const parts: NumClaim[] = [];
        for (const c of list.slice(ti + 1)) {
          if (matches(c, chk.total, chk.totalRe)) break;
          const m = matches(c, chk.parts, chk.partsRe);
          if (!m) continue;
          parts.push(c);
          if (chk.grades && m !== true && m.groups?.grade && ctx.on("N-perf-grade-label")) {
            const g = m.groups.grade;
            if (!labels.includes(g)) {
              const region = gradesFor(gradeRegionOf(ctx.template));
              out.push(narrativeFinding("N-perf-grade-label", ctx.sheet, { row, text: c.text, slots: { stated: g, region: region.name, labels: labels.map((l) => `“${l}”`).join("、") }, stated: g, expected: labels.join("/") }));
            }
          }
        }
        if (!parts.length || !ctx.on(chk.id)) continue;
        const s = parts.reduce((a, c) => a.plus(num(c)), new Decimal(0));
        const t = num(total);
        const bad = chk.kind === "equal" ? !s.eq(t) : s.gt(t);
        if (!bad) continue;
        out.push(
          narrativeFinding(chk.id, ctx.sheet, {
            row,
            text: [total, ...parts].map((c) => c.text).join("；"),
            slots: { what: chk.what, totalWhat: chk.totalWhat, sum: show(s, chk.claim), total: show(t, chk.claim), difference: show(s.minus(t).abs(), chk.claim), parts: parts.map((p) => p.text).join("、") },
            stated: show(s, chk.claim),
            expected: chk.kind === "equal" ? show(t, chk.claim) : `≤ ${show(t, chk.claim)}`,
          }),
        );
      }
    }
    return out;
  },
};
