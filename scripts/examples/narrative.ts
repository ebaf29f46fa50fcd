/**
 * The corrected 情况说明 of the example unit, written from the 万元 figures with exact decimal
 * arithmetic: shares by largest remainder (sum 100.00), yoy/execution wording from src/money.
 */
import type Decimal from "decimal.js";
import { D, executionRate, execText, fill, formatNumber, round, share, sharesToHundred, yoy, yoyText } from "../../src/money";
import type { Figures } from "./model";
import { SEED, type Seed } from "./model";
import layouts from "./layouts.json";
import T from "./narrative-sichuan-2020.json";

const LAYOUT_NAMES = layouts.economicNames;

const fmt = (v: Decimal) => formatNumber(v, "fixed2");

function parts(names: string[], amounts: Decimal[], template = T.part): string {
  const r = sharesToHundred(amounts);
  return names
    .map((name, i) =>
      fill(template, { name, amount: fmt(amounts[i]), share: r.kind === "shares" ? fmt(r.shares[i]) : "0.00" }),
    )
    .join("；");
}

/** "与2019年持平" or the template with "减少X万元，下降Y%". */
function change(template: string, current: Decimal, prior: Decimal, priorYear: number): string {
  const text = yoyText(current, prior, { priorYear });
  if (yoy(current, prior).kind === "flat" || text.startsWith("与")) return text;
  return fill(template, { prior: priorYear, yoy: text });
}

function execWithReason(actual: Decimal, budget: Decimal, reason: string | undefined): string {
  const text = execText(actual, budget);
  const r = executionRate(actual, budget);
  if (r.kind === "rate" && r.direction !== "equal" && reason) return text + fill(T.reasonTail, { reason });
  return text;
}

export function buildNarrative(f: Figures, s: Seed = SEED): string[] {
  const year = s.year;
  const prior = s.priorYear;
  const out: string[] = [];
  const classes = s.functional.classes as Record<string, { name: string; short: string }>;
  const kuan = s.functional.kuan as Record<string, string>;
  const zero = new D(0);
  const withYear = (t: string) => fill(t, { year });

  out.push(fill(T.heading, { year }));
  // 一
  out.push(T.s1Title);
  out.push(fill(T.s1, { year, total: fmt(f.grandTotal), change: change(T.s1Change, f.grandTotal, f.prior.total, prior), reason: s.reasons.total }));
  // 二
  out.push(T.s2Title);
  const income = [f.sum.income, zero, zero, zero, zero, zero, zero, zero];
  out.push(fill(T.s2, { year, total: fmt(f.sum.income), parts: parts(T.incomeSources, income) }));
  // 三
  out.push(T.s3Title);
  const exp = [f.sum.basic, f.sum.project, zero, zero, zero];
  out.push(fill(T.s3, { year, total: fmt(f.sum.total), parts: parts(T.expenditureKinds, exp) }));
  // 四 (all funding is 一般公共预算 here: 财政拨款总计 = 总计)
  out.push(T.s4Title);
  out.push(fill(T.s4, { year, total: fmt(f.grandTotal), change: change(T.s4Change, f.grandTotal, f.prior.fiscalTotal, prior), reason: s.reasons.fiscalTotal }));
  // 五
  out.push(T.s5Title, T.s51Title);
  out.push(fill(T.s51, {
    year,
    total: fmt(f.sum.total),
    share: fmt(round(share(f.sum.total, f.sum.total) ?? zero, 2)),
    change: change(T.s51Change, f.sum.total, f.prior.gpbExpenditure, prior),
    reason: s.reasons.gpbExpenditure,
  }));
  out.push(T.s52Title);
  const classCodes = Object.keys(f.classes);
  out.push(fill(T.s52, {
    year,
    total: fmt(f.sum.total),
    parts: parts(classCodes.map((c) => classes[c].short), classCodes.map((c) => f.classes[c].total), T.classPart),
  }));
  out.push(T.s53Title);
  out.push(fill(T.s53, { year, total: fmt(f.sum.total), exec: execWithReason(f.sum.total, f.wholeBudget, s.reasons.wholeBudget) }));
  const seedItems = s.functional.items as Array<{ code: string; name: string; reason?: string }>;
  f.items.forEach((it, n) => {
    const total = it.basic.plus(it.project);
    out.push(fill(T.s53Item, {
      n: n + 1,
      class: classes[it.code.slice(0, 3)].short,
      kuan: kuan[it.code.slice(0, 5)],
      item: it.name,
      amount: fmt(total),
      exec: execWithReason(total, it.budget, seedItems[n].reason),
    }));
  });
  // 六
  out.push(T.s6Title);
  out.push(fill(T.s6, { year, total: fmt(f.sum.basic) }));
  const names = (prefixes: string[]) =>
    Object.keys(f.economic)
      .filter((c) => prefixes.some((p) => c.startsWith(p)) && !f.economic[c].isZero())
      .sort()
      .map((c) => (LAYOUT_NAMES as Record<string, string>)[c])
      .join("、");
  out.push(fill(T.s6Personnel, { amount: fmt(f.personnel), names: names(["301", "303"]) }));
  out.push(fill(T.s6Public, { amount: fmt(f.publicCost), names: names(["302", "307", "310", "399"]) }));
  // 七
  const a = f.tp.actual;
  const b = f.tp.budget;
  const p = f.tp.prior;
  const c = s.counts as Record<string, number>;
  out.push(T.s7Title, T.s71Title);
  out.push(fill(T.s71, { year, total: fmt(f.tpActualTotal), exec: execText(f.tpActualTotal, f.tpBudgetTotal) }));
  out.push(T.s72Title);
  const carA = a.carPurchase.plus(a.carRunning);
  out.push(fill(T.s72, { year, parts: parts(T.tpNames, [a.abroad, carA, a.reception]) }));
  out.push(fill(T.s72Abroad, {
    amount: fmt(a.abroad), exec: execText(a.abroad, b.abroad), groups: c["因公出国（境）团组数"], people: c["因公出国（境）人次"],
    change: change(T.changeVs, a.abroad, p.abroad, prior), reason: withYear(s.reasons.abroad),
  }));
  out.push(fill(T.s72Car, {
    amount: fmt(carA), exec: execText(carA, b.carPurchase.plus(b.carRunning)),
    change: change(T.changeVs, carA, p.carPurchase.plus(p.carRunning), prior), reason: s.reasons.car,
  }));
  out.push(fill(T.s72CarPurchase, {
    year, amount: fmt(a.carPurchase),
    n: c["公务用车购置数"], n1: c["公务用车购置数（轿车）"], n2: c["公务用车购置数（越野车）"], n3: c["公务用车购置数（载客汽车）"],
    m: c["公务用车保有量"], m1: c["公务用车保有量（轿车）"], m2: c["公务用车保有量（越野车）"], m3: c["公务用车保有量（载客汽车）"],
  }));
  out.push(fill(a.carRunning.isZero() && c["公务用车保有量"] === 0 ? T.s72CarRunningZero : T.s72CarRunning, { amount: fmt(a.carRunning) }));
  out.push(fill(T.s72Reception, {
    amount: fmt(a.reception), exec: execText(a.reception, b.reception),
    change: change(T.changeVs, a.reception, p.reception, prior), reason: s.reasons.reception,
  }));
  out.push(fill(T.s72Domestic, { amount: fmt(f.receptionDomestic.actual), batches: c["国内公务接待批次"], people: c["国内公务接待人次"] }));
  out.push(fill(T.s72Foreign, { amount: fmt(f.receptionForeign.actual), batches: c["外事接待批次"], people: c["外事接待人次"] }));
  // 八、九
  out.push(T.s8Title, fill(T.s8, { year, amount: fmt(zero) }));
  out.push(T.s9Title, fill(T.s9, { year, amount: fmt(zero) }));
  // 十
  out.push(T.s10Title, T.s101Title);
  out.push(fill(T.s101, {
    year, unit: s.unitShort, amount: fmt(f.operatingCost),
    change: change(T.changeVs, f.operatingCost, f.prior.operatingCost, prior), reason: s.reasons.operatingCost,
  }));
  const pr = f.procurement;
  out.push(T.s102Title);
  out.push(fill(T.s102, {
    year, unit: s.unitShort, total: fmt(pr["政府采购支出总额"]), goods: fmt(pr["政府采购货物支出"]), works: fmt(pr["政府采购工程支出"]),
    services: fmt(pr["政府采购服务支出"]), sme: fmt(pr["授予中小企业合同金额"]), micro: fmt(pr["授予小微企业合同金额"]),
  }));
  const as = s.assets as Record<string, number>;
  out.push(T.s103Title);
  out.push(fill(T.s103, {
    year, unit: s.unitShort, cars: as["车辆总数"], c1: as["主要领导干部用车"], c2: as["机要通信用车"], c3: as["应急保障用车"],
    c4: as["执法执勤用车"], c5: as["特种专业技术用车"], c6: as["其他用车"], e1: as["单价50万元以上通用设备"], e2: as["单价100万元以上专用设备"],
  }));
  const perf = s.performance;
  const pc = perf.counts as Record<string, number>;
  out.push(T.s104Title);
  out.push(fill(T.s104, {
    unit: s.unitShort, pre: perf.preAssessedProject, targets: pc["绩效目标项目数"], monitored: pc["绩效监控项目数"], self: pc["绩效自评项目数"],
  }));
  const projects = perf.projects as Array<{ name: string; budget: string; executed: string; reason?: string; summary: string; evaluation?: string }>;
  const evaluated = projects.find((x) => x.name === perf.preAssessedProject);
  out.push(fill(T.s104Overall, { year, selfName: s.selfName, evaluation: evaluated?.evaluation ?? "" }));
  out.push(T.s1041Title);
  out.push(fill(T.s1041, { year, names: projects.map((x) => `“${x.name}”`).join(""), count: projects.length }));
  projects.forEach((x, n) => {
    const budget = new D(x.budget);
    const executed = new D(x.executed);
    const r = executionRate(executed, budget);
    const rate = r.kind === "rate" ? fmt(r.rate) : "0.00";
    const deviation = r.kind === "rate" && r.direction === "under" && x.reason ? fill(T.projectDeviation, { reason: x.reason }) : "";
    out.push(fill(T.s1041Item, {
      n: n + 1, name: x.name, budget: fmt(budget), executed: fmt(executed), rate, deviation,
      summary: fill(x.summary, { year, self: s.selfName }),
    }));
  });
  out.push(T.s1042Title);
  out.push(fill(T.s1042a, { year, unitFull: s.unit }));
  out.push(fill(T.s1042b, { year, unitFull: s.unit, pre: perf.preAssessedProject }));
  // 名词解释
  out.push(T.glossaryTitle);
  const seedDefs = s.functional.items as Array<{ code: string; name: string; definition: string }>;
  const entries: string[] = [];
  for (const g of T.glossary) {
    if (g === "{items}") {
      for (const it of seedDefs) {
        entries.push(fill(T.glossaryItem, { class: classes[it.code.slice(0, 3)].short, kuan: kuan[it.code.slice(0, 5)], item: it.name, definition: it.definition }));
      }
    } else entries.push(g);
  }
  entries.forEach((e, i) => out.push(`${i + 1}.${e}`));
  return out;
}

