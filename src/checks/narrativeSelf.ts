import type Decimal from "decimal.js";
import type { Finding } from "../findings";
import { D, HUNDRED, round, sum } from "../money/decimal";
import { rateConsistent, tie } from "../money/calc";
import { formatNumber } from "../money/format";
import { rateMismatchSeverity } from "./severity";
import { narrativeFinding, ruleApplies } from "../narrative/catalogue";
import { classCore } from "../narrative/parse";
import { FOOTS, SAME_QUANTITY } from "../narrative/slots";
import type {
  AmountClaim,
  ChangeClaim,
  Claim,
  CountClaim,
  ExecutionClaim,
  NarrativeCheckOptions,
  NarrativeTemplate,
  ParsedNarrative,
  ProjectClaim,
  ShareClaim,
  SubjectClaim,
} from "../narrative/types";

const CENT = new D("0.01");
const HALF = new D("0.005");

const f2 = (d: Decimal) => formatNumber(d, "fixed2");
const ft = (d: Decimal) => formatNumber(d, "trim");

/** A printed rate is consistent when some inputs within ±h of the printed ones give it (at 2 dp or at its own dp). */
function rateOk(stated: Decimal, decimals: number, num: Decimal, den: Decimal, h: Decimal = HALF): boolean {
  if (rateConsistent(stated, num, den, { dp: 2, inputHalfStep: h })) return true;
  return decimals < 2 && rateConsistent(stated, num, den, { dp: decimals, inputHalfStep: h });
}

function amountsBySlot(parsed: ParsedNarrative): Map<string, AmountClaim[]> {
  const m = new Map<string, AmountClaim[]>();
  for (const c of parsed.claims) if (c.kind === "amount" && c.slot) m.set(c.slot, [...(m.get(c.slot) ?? []), c]);
  return m;
}

const DIR_WORD: Record<string, string> = { increase: "增加", decrease: "减少" };
const RATE_WORD: Record<string, string> = { increase: "增长", decrease: "下降" };

/**
 * The narrative against itself (text-only mode needs no tables): share lists, YoY rates and
 * directions, the same figure printed twice, totals that do not foot, execution rates,
 * missing reasons and the 十(四) project counts (P-11).
 */
export function checkNarrativeSelf(parsed: ParsedNarrative, options: NarrativeCheckOptions = {}): Finding[] {
  const sheet = options.sheet ?? "情况说明";
  const year = options.year ?? parsed.year;
  const template = (options.template ?? parsed.template) as NarrativeTemplate;
  const on = (id: string) => ruleApplies(id, year, template);
  const out: Finding[] = [];
  const slots = amountsBySlot(parsed);
  const first = (slot: string) => slots.get(slot)?.[0];
  const claims = parsed.claims;
  const bodyRows = parsed.paragraphs.filter((p) => p.kind !== "empty").map((p) => p.row);
  const nextRow = new Map(bodyRows.map((r, i) => [r, bodyRows[i + 1]]));

  // ---- share lists
  const footed = new Set<AmountClaim>();
  for (const e of claims) {
    if (e.kind !== "enumeration") continue;
    const withShares = e.items.filter((i) => i.share && i.share.denominator === "");
    if (withShares.length >= 2 && withShares.length === e.items.length && on("N-share-sum")) {
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
            slots: { what: e.total ? e.total.label.replace(/^\d{4}年度?/, "") : "", stated: ft(total), difference: ft(diff.abs()) },
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
    const toHundred = shares.length >= 2 && shares.every((x) => x && x.denominator === "") && sum(shares.map((x) => x!.value)).eq(HUNDRED);
    for (const it of e.items) {
      const s = it.share;
      if (!s || s.denominator !== "" || !on("N-share-rate")) continue;
      checkShare(s, it.amount, denom, e.total ? e.total.label : "各项合计", out, sheet, toHundred);
    }
    // the total foots with its items
    if (e.total && e.items.length >= 2 && e.marker !== "" && on("N-foot")) {
      footed.add(e.total);
      foot(e.total, e.items.map((i) => i.amount), e.total.label.replace(/^\d{4}年度?/, ""), out, sheet);
    }
  }
  // 五(一) "占本年支出合计的X%"
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

  // ---- YoY
  const changes = claims.filter((c): c is ChangeClaim => c.kind === "change");
  const identityFailed = new Set<ChangeClaim>();
  for (const sec of ["1", "4"]) {
    const inc = changes.find((c) => c.slot === `${sec}.incomeChange`);
    const exp = changes.find((c) => c.slot === `${sec}.expenseChange`);
    if (!inc || !exp || inc.residue || exp.residue || !inc.amount || !exp.amount || !on("N-yoy-identity")) continue;
    if (inc.amount.eq(exp.amount) && inc.direction === exp.direction) continue;
    identityFailed.add(exp);
    const rateNote = yoyExpected(exp);
    const extra =
      rateNote && !rateNote.ok ? `；且按支出总计${exp.directionWord}${ft(exp.amount)}万元推算，${(exp.rateDirection && RATE_WORD[exp.rateDirection]) || (exp.rateWord ?? "")}率应为${f2(rateNote.expected)}%，而非${ft(exp.rate!)}%` : "";
    const f = narrativeFinding("N-yoy-identity", sheet, {
      row: exp.row,
      text: `${inc.text}；${exp.text}`,
      slots: { word1: inc.directionWord, amount1: ft(inc.amount), word2: exp.directionWord, amount2: ft(exp.amount), difference: ft(inc.amount.minus(exp.amount).abs()) },
      stated: ft(exp.amount),
      expected: ft(inc.amount),
      difference: ft(exp.amount.minus(inc.amount)),
    });
    f.message += extra;
    out.push(f);
  }
  for (const c of changes) {
    if (c.residue || c.direction === "flat") continue;
    // direction words that contradict each other
    if (c.rateDirection && c.rateDirection !== "ambiguous" && c.direction !== "ambiguous" && c.amount && c.rateDirection !== c.direction && on("N-direction")) {
      out.push(
        narrativeFinding("N-direction", sheet, {
          row: c.row,
          text: c.text,
          slots: { detail: `“${c.directionWord}”与“${c.rateWord}”方向相反：${DIR_WORD[c.direction]}时应写“${RATE_WORD[c.direction]}”` },
        }),
      );
      continue;
    }
    if (identityFailed.has(c)) continue;
    if (!c.amount || !c.rate || !on("N-yoy-rate")) continue;
    const r = yoyExpected(c);
    if (!r || r.ok) continue;
    // A change whose subject is not identified is judged only when no amount of its sentence (before it)
    // can be its base: when unsure what the rate is of, it is not an error.
    if (!c.slot && sentenceAmountsBefore(parsed, c).some((a) => yoyExpected({ ...c, current: a })?.ok)) continue;
    if (!c.slot && !sameSentence(parsed, c.current!, c)) continue;
    out.push(
      narrativeFinding("N-yoy-rate", sheet, {
        severity: r.prior.gt(0) ? rateMismatchSeverity(c.rate, c.rateDecimals, c.amount, r.prior) : undefined,
        row: c.row,
        text: c.text,
        slots: {
          subject: c.subject,
          word: c.directionWord,
          amount: ft(c.amount),
          current: ft(c.current!.value),
          prior: ft(r.prior),
          // “降幅40.01%” is a 下降率: the message names the rate 增长率/下降率, whatever word the text used.
          rateWord: (c.rateDirection && RATE_WORD[c.rateDirection]) || (c.rateWord ?? ""),
          expected: r.prior.gt(0) ? `${f2(r.expected)}%` : "无从计算（推算的上年数不大于0）",
          stated: ft(c.rate),
        },
        stated: `${ft(c.rate)}%`,
        expected: r.prior.gt(0) ? `${f2(r.expected)}%` : undefined,
      }),
    );
  }

  // ---- the same quantity printed twice
  // 五（三）items listed without their 决算数 (“年初预算为A万元，完成年初预算的r%”).
  const unstated53 = claims.filter((c): c is SubjectClaim => c.kind === "subject" && c.canonical === "5.3" && c.amount === null);
  if (on("N-same-quantity")) {
    for (const g of SAME_QUANTITY) {
      const members: { claim: AmountClaim | null; value: Decimal; where: string }[] = [];
      // An amount written in 元 is compared at the 万元 precision the others are printed with.
      for (const s of g.slots) for (const c of slots.get(s) ?? []) members.push({ claim: c, value: c.unit === "元" ? round(c.value, 2) : c.value, where: whereOf(c) });
      if (g.derived?.startsWith("sum:")) {
        const prefix = g.derived.slice(4);
        const parts = [...slots.entries()].filter(([k]) => k.startsWith(prefix)).flatMap(([, v]) => v);
        if (parts.length >= 2) members.push({ claim: null, value: sum(parts.map((p) => p.value)), where: `${sectionName(prefix)}各项之和` });
      }
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
      for (const m of members) {
        if (!m.claim || m.value.toString() === ref) continue;
        const diff = m.value.minus(refMember.value);
        out.push(
          narrativeFinding("N-same-quantity", sheet, {
            row: m.claim.row,
            text: m.claim.text,
            severity: diff.abs().lte(CENT) ? "warning" : "error",
            slots: { name: g.name, stated: ft(m.value), where: refWhere, expected: ft(refMember.value), difference: ft(diff.abs()) },
            stated: ft(m.value),
            expected: ft(refMember.value),
            difference: ft(diff),
          }),
        );
      }
    }
    // a 类 of 五(二) against the sum of its 项 in 五(三)
    const items = claims.filter((c): c is SubjectClaim => c.kind === "subject" && c.canonical === "5.3" && c.amount !== null);
    if (items.length) {
      for (const c of claims) {
        if (c.kind !== "class" || !c.amount) continue;
        const mine = items.filter((s) => classCore(s.lei) === c.core);
        // A 项 of the class listed without its 决算数: the sum of the listed amounts is not the class's.
        if (!mine.length || unstated53.some((s) => classCore(s.lei) === c.core)) continue;
        const total = sum(mine.map((s) => s.amount!.value));
        const diff = c.amount.value.minus(total);
        if (diff.isZero()) continue;
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
  }

  // ---- totals across paragraphs
  if (on("N-foot")) {
    for (const fd of FOOTS) {
      const total = first(fd.total);
      if (!total || footed.has(total)) continue;
      const parts = fd.parts
        ? fd.parts.map((p) => first(p)).filter((x): x is AmountClaim => !!x)
        : [...slots.entries()].filter(([k]) => k.startsWith(fd.partsPrefix!)).flatMap(([, v]) => v);
      if (fd.parts && parts.length !== fd.parts.length) continue;
      if (parts.length < 2) continue;
      // 五（三）with a 项 whose 决算数 is not stated: its listed amounts do not add up to the total.
      if (fd.partsPrefix === "5.3.item:" && unstated53.length > 0) continue;
      foot(total, parts, fd.name, out, sheet);
    }
  }

  // ---- execution rates
  const execs = claims.filter((c): c is ExecutionClaim => c.kind === "execution");
  const overall = execs.find((e) => e.slot === "5.3.exec");
  const itemExecs = claims.filter((c): c is SubjectClaim => c.kind === "subject" && c.canonical === "5.3" && !!c.amount && !!c.execution);
  // Rates of different bases (年初 / 全年 / 调整) do not combine: “完成调整预算的100%” is not a share of the 年初预算.
  const basisOf = (e: ExecutionClaim) => /(年初|全年|调整|追加)/.exec(e.text)?.[1];
  const bases = new Set([overall, ...itemExecs.map((s) => s.execution!)].filter((e): e is ExecutionClaim => !!e).map(basisOf).filter((b) => b !== undefined));
  // Every 项 must give its 决算数 and rate (one without, e.g. “完成调整预算的100%”, leaves the others' sum partial).
  const all53 = claims.filter((c) => c.kind === "subject" && c.canonical === "5.3").length;
  if (overall && itemExecs.length >= 2 && itemExecs.length === all53 && bases.size <= 1 && on("N-exec-overall")) {
    const r = overallRange(itemExecs);
    // Half of the overall rate's own last printed digit (“95.0%” stands for [94.95, 95.05)).
    const half = new D(10).pow(-Math.max(Math.min(overall.decimals, 2), 0)).div(2);
    if (r && (overall.rate.plus(half).lt(r.lo) || overall.rate.minus(half).gt(r.hi))) {
      out.push(
        narrativeFinding("N-exec-overall", sheet, {
          row: overall.row,
          text: overall.actual ? `${overall.actual.text}，${overall.text}` : overall.text,
          slots: { stated: ft(overall.rate), expected: f2(r.point) },
          stated: `${ft(overall.rate)}%`,
          expected: `${f2(r.point)}%`,
        }),
      );
    }
  }
  for (const e of execs) {
    if (e.comparison && e.comparison !== "ambiguous" && on("N-direction")) {
      const bad = (e.comparison === "over" && e.rate.lt(100)) || (e.comparison === "under" && e.rate.gt(100));
      if (bad)
        out.push(
          narrativeFinding("N-direction", sheet, {
            row: e.row,
            text: `${e.text}，${e.comparisonText}`,
            slots: { detail: `完成预算${ft(e.rate)}%，却写“${e.comparisonText}”：完成率${e.rate.lt(100) ? "低于" : "高于"}100%时决算数应${e.rate.lt(100) ? "小于" : "大于"}预算数` },
          }),
        );
    }
    if (e.rate.isZero() && e.actual && e.actual.value.gt(0) && on("N-exec-zero-actual")) {
      out.push(narrativeFinding("N-exec-zero-actual", sheet, { row: e.row, text: `${e.actual.text}，${e.text}`, slots: { actual: ft(e.actual.value), stated: e.text } }));
    }
    const needsReason =
      !e.rate.eq(100) && !e.rate.isZero() && !!e.slot && (e.slot.startsWith("5.3.exec") || e.slot.startsWith("7.") || e.slot.startsWith("10.4.project:"));
    const reasonNext = claims.some((r) => r.kind === "reason" && r.section === e.section && r.row === nextRow.get(e.row));
    if (needsReason && !e.reason && !reasonNext && on("N-reason-missing")) {
      const what = e.slot!.startsWith("10.4.project:") ? `项目完成预算${ft(e.rate)}%，未达到100%` : `完成预算${ft(e.rate)}%，决算数与预算数不一致`;
      out.push(narrativeFinding("N-reason-missing", sheet, { row: e.row, text: e.text, slots: { what } }));
    }
  }
  for (const c of changes) {
    if (c.residue || c.direction === "flat" || c.direction === "ambiguous" || !c.slot || !on("N-reason-missing")) continue;
    // The reason may stand in the next paragraph (“…下降2.10%。” / “主要原因：…”), whatever its row number.
    const next = nextRow.get(c.row);
    const hasReason = claims.some((r) => r.kind === "reason" && ((r.row === c.row && r.start >= c.end) || (r.section === c.section && next !== undefined && r.row === next)));
    if (!hasReason)
      out.push(narrativeFinding("N-reason-missing", sheet, { row: c.row, text: c.text, slots: { what: `${c.subject}${c.directionWord}${c.amount ? ft(c.amount) + "万元" : ""}` } }));
  }

  // ---- project summaries (P-8 in text) and counts (P-11)
  const projects = claims.filter((c): c is ProjectClaim => c.kind === "project");
  for (const p of projects) {
    if (!p.budget || !p.actual || !p.execution || !on("N-exec-rate")) continue;
    if (p.budget.value.isZero()) continue;
    if (rateOk(p.execution.rate, p.execution.decimals, p.actual.value, p.budget.value)) continue;
    const exp = round(p.actual.value.div(p.budget.value).times(HUNDRED), 2);
    out.push(
      narrativeFinding("N-exec-rate", sheet, {
        severity: rateMismatchSeverity(p.execution.rate, p.execution.decimals, p.actual.value, p.budget.value),
        row: p.row,
        text: `${p.budget.text}，${p.actual.text}，${p.execution.text}`,
        slots: { actual: ft(p.actual.value), budget: ft(p.budget.value), expected: f2(exp), stated: ft(p.execution.rate) },
        stated: `${ft(p.execution.rate)}%`,
        expected: `${f2(exp)}%`,
      }),
    );
  }
  // "年初预算为X万元，支出决算为Y万元，完成年初预算的r%" (national 五(三), 七(一)): the rate of the two written amounts
  const inProjects = new Set(projects.map((p) => p.execution));
  for (const e of execs) {
    if (inProjects.has(e) || !e.budget || !e.actual || e.budget.value.isZero() || !on("N-exec-rate")) continue;
    if (rateOk(e.rate, e.decimals, e.actual.value, e.budget.value)) continue;
    const exp = round(e.actual.value.div(e.budget.value).times(HUNDRED), 2);
    out.push(
      narrativeFinding("N-exec-rate", sheet, {
        severity: rateMismatchSeverity(e.rate, e.decimals, e.actual.value, e.budget.value),
        row: e.row,
        text: `${e.budget.text}，${e.actual.text}，${e.text}`,
        slots: { actual: ft(e.actual.value), budget: ft(e.budget.value), expected: f2(exp), stated: ft(e.rate) },
        stated: `${ft(e.rate)}%`,
        expected: `${f2(exp)}%`,
      }),
    );
  }
  const counts = claims.filter((c): c is CountClaim => c.kind === "count" && !!c.slot && c.slot.startsWith("10.4.count:"));
  if (projects.length && on("P-11")) {
    const n = projects.length;
    const reported = new Set<string>();
    for (const c of counts) {
      const k = c.slot!.slice("10.4.count:".length);
      if (!["selfEval", "reported", "achieved"].includes(k) || c.value === n) continue;
      const key = `${c.row}|${c.value}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const label = k === "selfEval" ? "文中称对" : k === "reported" ? "文中称反映了" : "文中称";
      out.push(
        narrativeFinding("P-11", sheet, {
          row: c.row,
          text: c.context,
          slots: { label, stated: c.value, expected: n },
          stated: String(c.value),
          expected: String(n),
        }),
      );
    }
  }
  if (on("P-11-order")) {
    const get = (k: string) => counts.find((c) => c.slot === `10.4.count:${k}`);
    const targets = get("targets");
    for (const [k, name] of [
      ["priorEval", "事前绩效评估"],
      ["monitor", "绩效监控"],
    ] as const) {
      const c = get(k);
      if (c && targets && c.value > targets.value)
        out.push(narrativeFinding("P-11-order", sheet, { row: c.row, text: c.context, slots: { detail: `开展${name}的项目（${c.value}个）多于编制绩效目标的项目（${targets.value}个）` } }));
    }
  }
  return out;
}

function whereOf(c: AmountClaim): string {
  return `${sectionName(c.canonical)}`;
}

const SECTION_NAMES: Record<string, string> = {
  "1": "一", "2": "二", "3": "三", "4": "四", "5": "五", "5.1": "五（一）", "5.2": "五（二）", "5.3": "五（三）", "6": "六", "7": "七",
  "7.1": "七（一）", "7.2": "七（二）", "8": "八", "9": "九", "10": "十", "10.1": "十（一）", "10.2": "十（二）", "10.3": "十（三）", "10.4": "十（四）",
};
function sectionName(idOrSlot: string): string {
  const m = /^(\d+(?:\.\d+)?)/.exec(idOrSlot);
  return m ? SECTION_NAMES[m[1]] ?? m[1] : idOrSlot;
}

function checkShare(s: ShareClaim, amount: AmountClaim, denom: Decimal, totalLabel: string, out: Finding[], sheet: string, largestRemainder = false): void {
  if (denom.isZero()) {
    if (!s.value.isZero())
      out.push(
        narrativeFinding("N-share-rate", sheet, {
          row: s.row,
          text: `${amount.text}，${s.text}`,
          slots: { label: amount.label, amount: ft(amount.value), total: "0", expected: "0", stated: ft(s.value) },
          stated: `${ft(s.value)}%`,
          expected: "0%",
        }),
      );
    return;
  }
  if (rateOk(s.value, s.decimals, amount.value, denom)) return;
  if (largestRemainder && s.value.minus(amount.value.div(denom).times(HUNDRED)).abs().lt(new D(10).pow(-s.decimals))) return;
  const exp = round(amount.value.div(denom).times(HUNDRED), 2);
  out.push(
    narrativeFinding("N-share-rate", sheet, {
      severity: rateMismatchSeverity(s.value, s.decimals, amount.value, denom),
      row: s.row,
      text: `${amount.text}，${s.text}`,
      slots: { label: amount.label.replace(/^\d{4}年度?/, ""), amount: ft(amount.value), total: `${totalLabel.replace(/^\d{4}年度?/, "")}${ft(denom)}`, expected: f2(exp), stated: ft(s.value) },
      stated: `${ft(s.value)}%`,
      expected: `${f2(exp)}%`,
    }),
  );
}

function foot(total: AmountClaim, parts: AmountClaim[], name: string, out: Finding[], sheet: string): void {
  const t = tie(total.value, parts.map((p) => p.value));
  if (t.kind === "equal") return;
  const partsText = parts.map((p) => `${p.label.replace(/^(其中|主要用于以下方面)[：:]?/, "")}${ft(p.value)}`).join(" + ");
  const expected = sum(parts.map((p) => p.value));
  out.push(
    narrativeFinding(t.kind === "tail" ? "N-foot-tail" : "N-foot", sheet, {
      row: total.row,
      text: total.text,
      slots: { name, stated: ft(total.value), parts: partsText, expected: ft(expected), difference: ft(t.difference.abs()) },
      stated: ft(total.value),
      expected: ft(expected),
      difference: ft(t.difference),
    }),
  );
}

/** prior = current ∓ change; is the printed rate consistent with change / prior? */
/** Amount claims (决算数, not 预算数) of the change's sentence that stand before it. */
function sentenceAmountsBefore(parsed: ParsedNarrative, c: ChangeClaim): AmountClaim[] {
  return parsed.claims.filter((a): a is AmountClaim => a.kind === "amount" && a.row === c.row && a.end <= c.start && a.role !== "budget" && sameSentence(parsed, a, c));
}

/** No sentence end (。！？) between the two claims of one paragraph. */
function sameSentence(parsed: ParsedNarrative, a: { row: number; end: number }, b: { row: number; start: number }): boolean {
  if (a.row !== b.row) return false;
  const p = parsed.paragraphs.find((x) => x.row === a.row);
  if (!p) return false;
  return !/[。！？]/.test(p.text.slice(a.end, b.start));
}

function yoyExpected(c: ChangeClaim): { ok: boolean; expected: Decimal; prior: Decimal } | null {
  if (!c.amount || !c.rate || !c.current || c.direction === "ambiguous" || c.direction === "flat") return null;
  const prior = c.direction === "increase" ? c.current.value.minus(c.amount) : c.current.value.plus(c.amount);
  // “增加0.00万元，增长0%” (real reports write a 0 change so): true whatever the base.
  if (c.amount.isZero() && c.rate.isZero()) return { ok: true, expected: new D(0), prior };
  if (prior.lte(0)) return { ok: false, expected: new D(0), prior };
  const expected = round(c.amount.div(prior).times(HUNDRED), 2);
  // prior is itself the sum or difference of two printed figures: allow ±0.01 on it
  const ok = rateOk(c.rate, c.rateDecimals, c.amount, prior, CENT);
  return { ok, expected, prior };
}

/** Range of the overall execution rate implied by each item's printed amount and rate. */
function overallRange(items: SubjectClaim[]): { lo: Decimal; hi: Decimal; point: Decimal } | null {
  let aLo = new D(0), aHi = new D(0), bLo = new D(0), bHi = new D(0), aSum = new D(0), bPoint = new D(0);
  for (const s of items) {
    const a = s.amount!.value;
    const r = s.execution!.rate;
    if (r.lte(HALF)) return null;
    aSum = aSum.plus(a);
    bPoint = bPoint.plus(a.times(HUNDRED).div(r));
    const lo = D.max(a.minus(HALF), 0);
    const hi = a.plus(HALF);
    aLo = aLo.plus(lo);
    aHi = aHi.plus(hi);
    bLo = bLo.plus(lo.times(HUNDRED).div(r.plus(HALF)));
    bHi = bHi.plus(hi.times(HUNDRED).div(r.minus(HALF)));
  }
  if (bLo.isZero() || bPoint.isZero()) return null;
  return { lo: aLo.div(bHi).times(HUNDRED), hi: aHi.div(bLo).times(HUNDRED), point: round(aSum.div(bPoint).times(HUNDRED), 2) };
}

export type { Claim };
