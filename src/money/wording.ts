import type Decimal from "decimal.js";
import defaultWording from "../data/regions/wording-default.json";
import { executionRate, yoy } from "./calc";
import { formatNumber, type NumberStyle } from "./format";
import { memoByText } from "../memo";

export type WordingSet = typeof defaultWording;
export const DEFAULT_WORDING: WordingSet = defaultWording;

export interface WordingOptions {
  unit?: string;
  style?: NumberStyle;
  /** "与2019年持平" instead of "与上年持平" */
  priorYear?: number;
  wording?: WordingSet;
}

/** Fills {name} slots; an unknown slot is left visible rather than silently dropped. */
/** Quotes inside a quoted name as ‘’ (补充数据“绩效评级为‘优’的项目数”). */
export function innerQuotes(s: string): string {
  return s.replace(/“/g, "‘").replace(/”/g, "’");
}

export function fill(template: string, slots: Record<string, string | number>): string {
  const parts = templateParts(template);
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    let v = parts[i] in slots ? String(slots[parts[i]]) : `{${parts[i]}}`;
    // A value quoted by the template (“{label}”) that holds quotes of its own (“三公”经费) takes the inner ones as ‘’.
    // (A value that opens with a closing quote is a list of quoted items joined as “a”“b”: left as it is.)
    const q = v.search(/[“”]/);
    if (out.endsWith("“") && parts[i + 1].startsWith("”") && q >= 0 && v[q] === "“") v = v.replace(/“/g, "‘").replace(/”/g, "’");
    out += v + parts[i + 1];
  }
  return out;
}

/** A template split at its slots: text, slot name, text, … (templates are few; each is split once). */
const templateParts = memoByText((template: string) => template.split(/\{(\w+)\}/));

/**
 * "增加X万元，增长Y%", "减少X万元，下降Y%", "与上年持平", or, when the prior year is 0,
 * the amount and "增长率无可比性". A change that prints as 0.00 is 持平.
 */
export function yoyText(current: Decimal, prior: Decimal, options: WordingOptions = {}): string {
  const w = options.wording ?? DEFAULT_WORDING;
  const style = options.style ?? "fixed2";
  const unit = options.unit ?? "万元";
  const r = yoy(current, prior);
  const flat = options.priorYear !== undefined ? fill(w.flatYear, { priorYear: options.priorYear }) : w.flat;
  if (r.kind === "flat") return flat;
  const change = formatNumber(r.change.abs(), style);
  if (/^0(\.0+)?$/.test(change)) return flat;
  if (r.kind === "noPrior") return fill(r.direction === "increase" ? w.noPriorIncrease : w.noPriorDecrease, { change, unit });
  return fill(r.kind === "increase" ? w.increase : w.decrease, { change, unit, rate: formatNumber(r.rate.abs(), style) });
}

/** "完成预算100%", "完成预算90.12%，决算数小于预算数"; nothing about a rate when both are 0. */
export function execText(actual: Decimal, budget: Decimal, options: WordingOptions = {}): string {
  const w = options.wording ?? DEFAULT_WORDING;
  const style = options.style ?? "fixed2";
  const r = executionRate(actual, budget);
  if (r.kind === "noBudget") return r.actualZero ? w.execNoBudgetNoActual : w.execNoBudget;
  if (r.kind === "negativeBudget") return w.execNegativeBudget;
  if (r.direction === "equal") return w.execEqual;
  return fill(r.direction === "over" ? w.execOver : w.execUnder, { rate: formatNumber(r.rate, style) });
}
