/**
 * The invented 元 ledger of the example unit. Every 元 figure lies within ±50 元 of its 万元
 * figure, and every leaf, every subtotal and every balance rounds half-up back to the 万元 value,
 * while all identities hold exactly in 元 (subtotals are exact sums of leaves).
 *
 * Derivation: leaves get offsets (in 分) from a seeded generator; dependent figures are computed
 * as exact sums; a draw is kept only if every figure built from it rounds back. A balancing leaf
 * closes the one identity that ties independent leaf sets together (公开06表 = 公开05表 基本支出).
 * Deterministic: the same seed always gives the same ledger.
 */
import type Decimal from "decimal.js";
import { D, TEN_THOUSAND, round, sum } from "../../src/money";
import { computeFigures, type Figures, type Leaves, type ThreePublic } from "./model";
import { rng as prng } from "../rng";


const toYuan = (wan: Decimal) => new D(wan).times(TEN_THOUSAND);
/** Does a 元 amount print as the given 万元 amount (half-up, 2 decimals)? */
export function roundsTo(yuan: Decimal, wan: Decimal): boolean {
  return round(new D(yuan).div(TEN_THOUSAND), 2).eq(wan);
}

const MAX_TRIES = 100000;

export function deriveYuanLeaves(wan: Leaves, seed = 20201231): Leaves {
  const rnd = prng(seed);
  /** An offset in 元 with 2 decimals, |offset| ≤ limit 元; zero stays zero. */
  const jitter = (wanValue: Decimal, limit = 30): Decimal => {
    if (wanValue.isZero()) return new D(0);
    const fen = Math.floor(rnd() * (2 * limit * 100 + 1)) - limit * 100;
    return toYuan(wanValue).plus(new D(fen).div(100));
  };
  const wanFig = computeFigures(wan);

  const attempt = <T>(make: () => T, ok: (t: T) => boolean, what: string): T => {
    for (let k = 0; k < MAX_TRIES; k++) {
      const t = make();
      if (ok(t)) return t;
    }
    throw new Error(`ledger: no 元 values found for ${what}`);
  };

  // 1. 公开05表 cells (basic/project per 项) and their row/column subtotals.
  const items = attempt(
    () => wan.items.map((i) => ({ ...i, basic: jitter(i.basic), project: jitter(i.project) })),
    (cand) => {
      const f = computeFigures({ ...wan, items: cand.map((c, n) => ({ ...c, income: wan.items[n].income, budget: wan.items[n].budget })) });
      return f.rows.every((r, n) => {
        const w = wanFig.rows[n];
        return roundsTo(r.basic, w.basic) && roundsTo(r.project, w.project) && roundsTo(r.total, w.total);
      }) && roundsTo(f.sum.basic, wanFig.sum.basic) && roundsTo(f.sum.project, wanFig.sum.project) && roundsTo(f.sum.total, wanFig.sum.total);
    },
    "公开05表",
  );

  // 2. Income by 项 (equal to expenditure where the 万元 figures are equal) and the opening balance.
  const withIncome = attempt(
    () => {
      const its = items.map((i, n) => {
        const w = wan.items[n];
        const total = i.basic.plus(i.project);
        return { ...i, income: w.income.eq(w.basic.plus(w.project)) ? total : jitter(w.income) };
      });
      return { its, carryIn: jitter(wan.carryIn) };
    },
    ({ its, carryIn }) => {
      const f = computeFigures({ ...wan, items: its.map((c, n) => ({ ...c, budget: wan.items[n].budget })), carryIn });
      return f.rows.every((r, n) => roundsTo(r.income, wanFig.rows[n].income)) && roundsTo(f.sum.income, wanFig.sum.income)
        && roundsTo(carryIn, wan.carryIn) && roundsTo(f.carryOut, wanFig.carryOut) && roundsTo(f.grandTotal, wanFig.grandTotal);
    },
    "收入与结转结余",
  );

  // 3. Budgets: equal to the 元 expenditure where the 万元 budget equals the 万元 expenditure.
  const budgeted = attempt(
    () => withIncome.its.map((i, n) => {
      const w = wan.items[n];
      return { ...i, budget: w.budget.eq(w.basic.plus(w.project)) ? i.basic.plus(i.project) : jitter(w.budget) };
    }),
    (its) => its.every((i, n) => roundsTo(i.budget, wan.items[n].budget)) && roundsTo(sum(its.map((i) => i.budget)), wanFig.wholeBudget),
    "预算数",
  );

  // 4. 公开06表: mirrors copy the 项 they mirror; 30107 balances Σ to 公开05表 基本支出.
  const basicTotal = sum(items.map((i) => i.basic));
  const mirrors: Record<string, string> = { "30108": "2080505", "30110": "2101102", "30113": "2210201" };
  const BALANCE = "30107";
  const economic = attempt(
    () => {
      const e: Record<string, Decimal> = {};
      for (const [code, v] of Object.entries(wan.economic)) {
        const m = mirrors[code];
        e[code] = m ? items.find((i) => i.code === m)!.basic : jitter(v, 20);
      }
      e[BALANCE] = new D(0);
      e[BALANCE] = basicTotal.minus(sum(Object.values(e)));
      return e;
    },
    (e) => {
      const f = computeFigures({ ...wan, economic: e });
      return Object.entries(e).every(([k, v]) => roundsTo(v, wan.economic[k]))
        && Object.keys(f.economicClass).every((c) => roundsTo(f.economicClass[c], wanFig.economicClass[c]))
        && roundsTo(f.personnel, wanFig.personnel) && roundsTo(f.publicCost, wanFig.publicCost);
    },
    "公开06表",
  );

  const exact = (t: ThreePublic): ThreePublic => ({
    abroad: toYuan(t.abroad), carPurchase: toYuan(t.carPurchase), carRunning: toYuan(t.carRunning), reception: toYuan(t.reception),
  });
  const priorTotal = jitter(wan.prior.total);
  const procurement: Record<string, Decimal> = {};
  for (const [k, v] of Object.entries(wan.procurement)) procurement[k] = toYuan(v);

  const leaves: Leaves = {
    unit: "元",
    items: budgeted,
    carryIn: withIncome.carryIn,
    economic,
    tp: { budget: exact(wan.tp.budget), actual: exact(wan.tp.actual), prior: exact(wan.tp.prior) },
    receptionDomestic: { actual: toYuan(wan.receptionDomestic.actual), prior: toYuan(wan.receptionDomestic.prior) },
    receptionForeign: { actual: toYuan(wan.receptionForeign.actual), prior: toYuan(wan.receptionForeign.prior) },
    prior: {
      total: priorTotal,
      fiscalTotal: wan.prior.fiscalTotal.eq(wan.prior.total) ? priorTotal : jitter(wan.prior.fiscalTotal),
      gpbExpenditure: jitter(wan.prior.gpbExpenditure),
      operatingCost: toYuan(wan.prior.operatingCost),
    },
    operatingCost: toYuan(wan.operatingCost),
    procurement,
  };
  return leaves;
}

/** Every figure of the 元 ledger that must print as the 万元 figure; returns the mismatches. */
export function ledgerMismatches(yuan: Figures, wan: Figures): string[] {
  const bad: string[] = [];
  const chk = (what: string, y: Decimal, w: Decimal) => {
    if (!roundsTo(y, w)) bad.push(`${what}: ${y.toFixed(2)}元 ≠ ${w.toFixed(2)}万元`);
  };
  yuan.rows.forEach((r, n) => {
    for (const k of ["basic", "project", "total", "income", "budget"] as const) chk(`${r.code}.${k}`, r[k], wan.rows[n][k]);
  });
  for (const k of ["basic", "project", "total", "income", "budget"] as const) chk(`合计.${k}`, yuan.sum[k], wan.sum[k]);
  chk("carryIn", yuan.carryIn, wan.carryIn);
  chk("carryOut", yuan.carryOut, wan.carryOut);
  chk("grandTotal", yuan.grandTotal, wan.grandTotal);
  for (const [k, v] of Object.entries(wan.economic)) chk(k, yuan.economic[k], v);
  for (const [k, v] of Object.entries(wan.economicClass)) chk(k, yuan.economicClass[k], v);
  chk("personnel", yuan.personnel, wan.personnel);
  chk("publicCost", yuan.publicCost, wan.publicCost);
  chk("prior.total", yuan.prior.total, wan.prior.total);
  chk("prior.gpb", yuan.prior.gpbExpenditure, wan.prior.gpbExpenditure);
  return bad;
}
