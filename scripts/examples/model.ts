/**
 * Example-unit figures: the leaves (from seed-figures.json in 万元, or the derived 元 ledger) and
 * every subtotal computed from them by exact decimal sums.
 */
import type Decimal from "decimal.js";
import { D, sum } from "../../src/money";
import seed from "./seed-figures.json";

export type Seed = typeof seed;
export const SEED: Seed = seed;

export interface ItemLeaf {
  code: string;
  name: string;
  basic: Decimal;
  project: Decimal;
  income: Decimal;
  budget: Decimal;
}

export interface ThreePublic {
  abroad: Decimal;
  carPurchase: Decimal;
  carRunning: Decimal;
  reception: Decimal;
}

export interface Leaves {
  unit: "万元" | "元";
  items: ItemLeaf[];
  carryIn: Decimal;
  economic: Record<string, Decimal>;
  tp: { budget: ThreePublic; actual: ThreePublic; prior: ThreePublic };
  receptionDomestic: { actual: Decimal; prior: Decimal };
  receptionForeign: { actual: Decimal; prior: Decimal };
  prior: { total: Decimal; fiscalTotal: Decimal; gpbExpenditure: Decimal; operatingCost: Decimal };
  operatingCost: Decimal;
  procurement: Record<string, Decimal>;
}

export interface Amounts {
  total: Decimal;
  basic: Decimal;
  project: Decimal;
  income: Decimal;
  budget: Decimal;
}

export interface TreeRow extends Amounts {
  code: string;
  name: string;
  level: 1 | 2 | 3;
}

export interface Figures extends Leaves {
  rows: TreeRow[];
  sum: Amounts;
  /** 类 code → amounts */
  classes: Record<string, Amounts>;
  carryOut: Decimal;
  grandTotal: Decimal;
  /** economic 类 code (301, 302, 303, 307, 310, 399) → Σ of its 款 */
  economicClass: Record<string, Decimal>;
  personnel: Decimal;
  publicCost: Decimal;
  tpBudgetTotal: Decimal;
  tpActualTotal: Decimal;
  tpPriorTotal: Decimal;
  wholeBudget: Decimal;
}

const dec = (s: string | number) => new D(s);

function tp(x: Record<string, string>): ThreePublic {
  return { abroad: dec(x.abroad), carPurchase: dec(x.carPurchase), carRunning: dec(x.carRunning), reception: dec(x.reception) };
}

/** The leaves in 万元, straight from the seed JSON. */
export function wanLeaves(s: Seed = SEED): Leaves {
  const economic: Record<string, Decimal> = {};
  for (const [code, v] of Object.entries(s.economic.amounts)) economic[code] = dec(v);
  const procurement: Record<string, Decimal> = {};
  for (const [k, v] of Object.entries(s.procurement)) procurement[k] = dec(v);
  return {
    unit: "万元",
    items: s.functional.items.map((i) => ({
      code: i.code,
      name: i.name,
      basic: dec(i.basic),
      project: dec(i.project),
      income: dec(i.income),
      budget: dec(i.budget),
    })),
    carryIn: dec(s.balances.carryIn),
    economic,
    tp: { budget: tp(s.threePublic.budget), actual: tp(s.threePublic.actual), prior: tp(s.threePublic.prior) },
    receptionDomestic: { actual: dec(s.threePublic.receptionDomestic.actual), prior: dec(s.threePublic.receptionDomestic.prior) },
    receptionForeign: { actual: dec(s.threePublic.receptionForeign.actual), prior: dec(s.threePublic.receptionForeign.prior) },
    prior: {
      total: dec(s.prior.total),
      fiscalTotal: dec(s.prior.fiscalTotal),
      gpbExpenditure: dec(s.prior.gpbExpenditure),
      operatingCost: dec(s.prior.operatingCost),
    },
    operatingCost: dec(s.operatingCost),
    procurement,
  };
}

function amountsOf(items: ItemLeaf[]): Amounts {
  const basic = sum(items.map((i) => i.basic));
  const project = sum(items.map((i) => i.project));
  return {
    basic,
    project,
    total: basic.plus(project),
    income: sum(items.map((i) => i.income)),
    budget: sum(items.map((i) => i.budget)),
  };
}

export function tpTotal(t: ThreePublic): Decimal {
  return t.abroad.plus(t.carPurchase).plus(t.carRunning).plus(t.reception);
}

/** Computes every subtotal from the leaves (exact sums). */
export function computeFigures(leaves: Leaves, s: Seed = SEED): Figures {
  const rows: TreeRow[] = [];
  const classes: Record<string, Amounts> = {};
  const classCodes = [...new Set(leaves.items.map((i) => i.code.slice(0, 3)))];
  const kuanNames = s.functional.kuan as Record<string, string>;
  const classInfo = s.functional.classes as Record<string, { name: string; short: string }>;
  for (const c of classCodes) {
    const inClass = leaves.items.filter((i) => i.code.startsWith(c));
    classes[c] = amountsOf(inClass);
    rows.push({ code: c, name: classInfo[c].name, level: 1, ...classes[c] });
    for (const k of [...new Set(inClass.map((i) => i.code.slice(0, 5)))]) {
      const inKuan = inClass.filter((i) => i.code.startsWith(k));
      rows.push({ code: k, name: kuanNames[k], level: 2, ...amountsOf(inKuan) });
      for (const i of inKuan) rows.push({ code: i.code, name: i.name, level: 3, ...amountsOf([i]) });
    }
  }
  const total = amountsOf(leaves.items);
  const economicClass: Record<string, Decimal> = {};
  for (const c of ["301", "302", "303", "307", "310", "399"]) {
    economicClass[c] = sum(Object.entries(leaves.economic).filter(([k]) => k.startsWith(c)).map(([, v]) => v));
  }
  const personnel = economicClass["301"].plus(economicClass["303"]);
  const publicCost = economicClass["302"].plus(economicClass["307"]).plus(economicClass["310"]).plus(economicClass["399"]);
  const grandTotal = leaves.carryIn.plus(total.income);
  return {
    ...leaves,
    rows,
    sum: total,
    classes,
    carryOut: grandTotal.minus(total.total),
    grandTotal,
    economicClass,
    personnel,
    publicCost,
    tpBudgetTotal: tpTotal(leaves.tp.budget),
    tpActualTotal: tpTotal(leaves.tp.actual),
    tpPriorTotal: tpTotal(leaves.tp.prior),
    wholeBudget: total.budget,
  };
}
