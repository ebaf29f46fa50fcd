import type Decimal from "decimal.js";
import data from "../data/rules/bindings.json";
import type { Finding, Severity } from "../findings";
import { D, round, sum } from "../money/decimal";
import { rateConsistent, share as shareOf } from "../money/calc";
import { rateMismatchSeverity } from "./severity";
import { narrativeFinding } from "../narrative/catalogue";
import { formatNumber } from "../money/format";
import { fill, innerQuotes } from "../money/wording";
import type { ReportModel, Source } from "../model/types";
import type { AmountClaim, ChangeClaim, Claim, CountClaim, ExecutionClaim, ParsedNarrative, ShareClaim } from "../narrative/types";
import { normaliseLabel } from "../reader/labels";
import { resolve, type CellRef, type Value } from "./tables";

type RefTemplate = CellRef & { supplementCode?: string };
type Maps = Record<string, Record<string, string>>;
const MAPS = data.maps as Maps;
const MESSAGES = data.messages as Record<string, string>;

interface Pattern<T> {
  re: RegExp;
  vars: string[];
  value: T;
  /** The key's text before its first variable: a slot the pattern matches starts with it. */
  prefix: string;
}

function compile<T>(table: Record<string, T>): Pattern<T>[] {
  return Object.entries(table).map(([key, value]) => {
    const vars: string[] = [];
    const src = key.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{(\w+)\}/g, (_m, v: string) => {
      vars.push(v);
      return "(.+)";
    });
    return { re: new RegExp(`^${src}$`, "u"), vars, value, prefix: key.split("{")[0] };
  });
}

const AMOUNTS = compile(data.amounts as Record<string, RefTemplate>);
const COUNTS = compile(data.counts as Record<string, string>);
const SHARES = compile(data.shares as Record<string, { part: string; whole: string }>);
const CHANGES = compile(data.changes as Record<string, { current: string; prior: RefTemplate }>);
const EXECS = compile(data.executions as Record<string, { actual: string; budget: RefTemplate }>);

function match<T>(patterns: Pattern<T>[], slot: string): { value: T; vars: Record<string, string> } | null {
  for (const p of patterns) {
    if (!slot.startsWith(p.prefix)) continue;
    const m = p.re.exec(slot);
    if (m) return { value: p.value, vars: Object.fromEntries(p.vars.map((v, i) => [v, m[i + 1]])) };
  }
  return null;
}

/** Resolves a slot variable: a label to a row/column key, a 项 name path to its 7-digit code. */
function resolveVar(model: ReportModel, name: string, raw: string): string | null {
  if (MAPS[name]) return MAPS[name][normaliseLabel(raw)] ?? MAPS[name][raw] ?? null;
  if (name === "xiang") return xiangCode(model, raw);
  return raw;
}

/** "一般公共服务/宣传事务/其他宣传事务支出" (or a 7-digit code) → the T05 项 code. */
function xiangCode(model: ReportModel, path: string): string | null {
  if (/^\d{7}$/.test(path)) return path;
  const t05 = model.tables.T05;
  if (!t05) return null;
  const [lei, kuan, xiang] = path.split("/").map((s) => normaliseLabel(s));
  const candidates = t05.rows.filter((r) => r.level === "xiang" && r.label === xiang);
  if (candidates.length <= 1) return candidates[0]?.code ?? null;
  const byKuan = candidates.filter((r) => t05.rows.some((k) => k.level === "kuan" && k.code === r.code?.slice(0, 5) && k.label === kuan));
  const byLei = (byKuan.length ? byKuan : candidates).filter((r) =>
    t05.rows.some((l) => l.level === "lei" && l.code === r.code?.slice(0, 3) && l.label.replace(/支出$/, "") === lei.replace(/支出$/, "")),
  );
  return (byLei[0] ?? byKuan[0] ?? candidates[0])?.code ?? null;
}

function instantiate(model: ReportModel, tpl: RefTemplate, vars: Record<string, string>): CellRef | null {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(tpl)) {
    if (typeof v !== "string") {
      out[k] = v;
      continue;
    }
    let ok = true;
    out[k] = v.replace(/\{(\w+)\}/g, (_m, name: string) => {
      const r = vars[name] !== undefined ? resolveVar(model, name, vars[name]) : null;
      if (r === null) ok = false;
      return r ?? "";
    });
    if (!ok) return null;
  }
  return out as CellRef;
}

interface Bound {
  value: Decimal;
  /** The table's figure before rounding to 2 decimals of 万元 (a 元 table's exact amount). */
  exact?: Decimal;
  label: string;
  source?: Source;
}

function resolveRefValue(model: ReportModel, ref: RefTemplate & { supplementCode?: string }): Bound | null {
  if (ref.supplementCode) {
    const row = model.supplement?.rows.find((r) => r.code === ref.supplementCode);
    const fig = row?.[ref.field ?? "budget"];
    return fig ? { value: round(fig.wan, 2), exact: fig.wan, label: `补充数据“${innerQuotes(row?.rawLabel.trim() ?? "")}”`, source: fig.source } : null;
  }
  const vs = resolve(model, ref);
  if (!vs || vs.length !== 1) return null;
  const v: Value = vs[0];
  // A row the table does not have is 0 when the text named it by a code the 科目 data knows; a name that could not be
  // resolved to a code (“社会保障与就业支出（类）”, a slip of 和) is not known to be absent: not judged.
  if (!v.fig) return v.absent && !(ref.code !== undefined && !/^\d+$/.test(ref.code)) ? { value: new D(0), label: v.label } : null;
  return { value: round(v.fig.wan, 2), exact: v.fig.wan, label: v.label, source: v.source };
}

/** Slot values already resolved during the running checkBindings call on a model (bounds are never modified). */
const SLOT_CACHE = new WeakMap<ReportModel, Map<string, Bound | null>>();

/** The table value a slot must equal, as printed (万元, 2 decimals). */
function slotValue(model: ReportModel, slot: string): Bound | null {
  const cache = SLOT_CACHE.get(model);
  const hit = cache?.get(slot);
  if (hit !== undefined) return hit;
  const m = match(AMOUNTS, slot);
  const ref = m ? instantiate(model, m.value, m.vars) : null;
  const b = ref ? resolveRefValue(model, ref) : null;
  cache?.set(slot, b);
  return b;
}

const fmt = (d: Decimal) => formatNumber(d, "fixed2");
const where = (b: Bound) => b.label + (b.source?.cell ? `（${b.source.sheet}!${b.source.cell}）` : "");

function finding(rule: string, severity: Severity, message: string, sheet: string, c: Claim, extra: Partial<Finding> = {}): Finding {
  return { rule, severity, message, sheet, row: c.row, text: c.text, ...extra };
}

/** The parser holds every amount in 万元 (an amount written in 元 is converted there). */
function amountInWan(c: AmountClaim): Decimal {
  return c.value;
}

/** A stated amount 10 000 times (or 1/10 000 of) the table's: the unit was slipped. */
function unitSlip(stated: Decimal, expected: Decimal): string {
  if (expected.isZero() || stated.isZero()) return "";
  const r = stated.div(expected);
  if (r.minus(10000).abs().lte(10)) return "（疑似把“元”写成了“万元”）";
  if (r.minus("0.0001").abs().lte("0.0000001")) return "（疑似把“万元”写成了“元”）";
  return "";
}

/** Half-up rounding to `d` decimals; a negative `d` rounds to tens, hundreds… (an amount in 亿元 held in 万元). */
function roundTo(v: Decimal, d: number): Decimal {
  if (d >= 0) return round(v, d);
  const step = new D(10).pow(-d);
  return v.div(step).toDecimalPlaces(0, D.ROUND_HALF_UP).times(step);
}

/** A claim's label as a message names it: without the year before it and the verb after it (“2020年度…支出决算为” → “…支出”). */
function claimLabel(label: string): string {
  return label.replace(/^(?:19|20)\d{2}年度?/u, "").replace(/(?:决算数?|数)?(?:为|是|[:：])$/u, "") || label;
}

/** A figure stated with more than 2 decimals of 万元 equals the table's: exactly, or rounded when the table holds 2 decimals. */
function sameAtPrecision(stated: Decimal, b: Bound): boolean {
  const exact = b.exact ?? b.value;
  if (stated.eq(exact)) return true;
  return exact.decimalPlaces() <= 2 && round(stated, 2).eq(exact);
}

function checkAmount(model: ReportModel, c: AmountClaim, sheet: string, out: Finding[]): void {
  const b = slotValue(model, c.slot as string);
  if (!b) return;
  const stated = amountInWan(c);
  const diff = stated.minus(b.value);
  if (diff.isZero()) return;
  // Written more precisely than the table (“2,360,112.36元” against 236.01万元): the same figure when it rounds to the
  // table's; against a 元 table, the exact amounts must agree.
  if (c.decimals > 2 && sameAtPrecision(stated, b)) return;
  // Written with fewer decimals than the table (“223.3万元”, “0.22亿元”) and equal to the table's figure rounded so:
  // not a wrong figure, only not the table's precision — 信息.
  const rounded = c.decimals < 2 && roundTo(b.value, c.decimals).eq(stated);
  const severity: Severity = rounded ? "info" : diff.abs().lte("0.01") ? "warning" : "error";
  const note = rounded ? fill(MESSAGES.amountRounded, { decimals: c.decimals > 0 ? `${c.decimals}位小数` : "整数" }) : unitSlip(stated, b.value);
  out.push(
    finding("N-1", severity, fill(MESSAGES.amount, { label: c.label ? claimLabel(c.label) : c.text, stated: fmt(stated), source: where(b), expected: fmt(b.value), difference: fmt(diff.abs()) }) + note, sheet, c, {
      stated: fmt(stated),
      expected: fmt(b.value),
      difference: fmt(diff),
    }),
  );
}

function checkCount(model: ReportModel, c: CountClaim, sheet: string, out: Finding[]): void {
  const m = match(COUNTS, c.slot as string);
  if (!m) return;
  const name = m.value.replace(/\{(\w+)\}/g, (_x, v: string) => m.vars[v] ?? "");
  const n = normaliseLabel(name);
  const row = model.supplement?.rows.find((r) => r.key === name || r.label === n);
  const fig = row?.current;
  if (!row || !fig) return;
  if (fig.raw.eq(c.value)) return;
  out.push(
    finding("N-2", "error", fill(MESSAGES.count, { label: name, stated: String(c.value), source: `补充数据“${innerQuotes(row.rawLabel.trim())}”（${fig.source.cell}）`, expected: fig.raw.toString() }), sheet, c, {
      stated: String(c.value),
      expected: fig.raw.toString(),
    }),
  );
}

function checkShare(model: ReportModel, c: ShareClaim, sheet: string, out: Finding[], largestRemainder = false): void {
  const m = match(SHARES, c.slot as string);
  if (!m) return;
  const sub = (s: string) => s.replace(/\{(\w+)\}/g, (_x, v: string) => m.vars[v] ?? "");
  const part = slotValue(model, sub(m.value.part));
  const whole = slotValue(model, sub(m.value.whole));
  if (!part || !whole) return;
  if (whole.value.isZero()) {
    if (c.value.isZero()) return;
  } else if (rateConsistent(c.value, part.value, whole.value, { dp: Math.max(c.decimals, 0) })) return;
  const exact = shareOf(part.value, whole.value);
  if (largestRemainder && exact && c.value.minus(exact).abs().lt(new D(10).pow(-Math.max(c.decimals, 0)))) return;
  const expected = exact ? fmt(round(exact, 2)) : "0.00";
  out.push(
    finding("N-3", whole.value.isZero() ? "error" : rateMismatchSeverity(c.value, c.decimals, part.value, whole.value), fill(MESSAGES.share, { label: c.label.replace(/(?:所占比重|所占比例|占比|占)(?:为|是)?$/u, "") || c.label || c.text, stated: (c.raw || fmt(c.value)).replace(/[%％]\s*$/, ""), part: where(part), partValue: fmt(part.value), whole: where(whole), wholeValue: fmt(whole.value), expected }), sheet, c, {
      stated: fmt(c.value),
      expected,
    }),
  );
}

function checkChange(model: ReportModel, c: ChangeClaim, sheet: string, out: Finding[]): void {
  if (c.residue || c.direction === "ambiguous") return;
  const m = match(CHANGES, c.slot as string);
  if (!m) return;
  const current = slotValue(model, m.value.current);
  const priorRef = instantiate(model, m.value.prior, m.vars);
  const prior = priorRef ? resolveRefValue(model, priorRef) : null;
  if (!current || !prior) return;
  checkStatedPrior(c, prior, sheet, out);
  const delta = current.value.minus(prior.value);
  const expectedDir = delta.isZero() ? "flat" : delta.gt(0) ? "increase" : "decrease";
  const words: Record<string, string> = { increase: "增加", decrease: "减少", flat: "持平" };
  const label = c.subject || c.text;
  const slots = { label, current: fmt(current.value), prior: fmt(prior.value) };
  // “增加0.00万元” of an unchanged figure says what “持平” says.
  if (c.direction !== expectedDir && !(expectedDir === "flat" && c.amount !== null && c.amount.isZero())) {
    out.push(
      finding("N-4", "error", fill(MESSAGES.changeDirection, { ...slots, word: c.directionWord, expectedWord: words[expectedDir] }), sheet, c, {
        stated: c.directionWord,
        expected: words[expectedDir],
        difference: fmt(delta),
      }),
    );
    return;
  }
  if (c.amount !== null) {
    const diff = c.amount.abs().minus(delta.abs());
    // “减少1,573,887.64元” of a 157.39万元 change: the same figure, more precisely.
    const precise = c.amountDecimals > 2 && round(c.amount.abs(), 2).eq(delta.abs());
    if (!diff.isZero() && !precise) {
      // “减少157.4万元” of a 157.39万元 change: rounded, not wrong — 信息.
      const rounded = c.amountDecimals < 2 && roundTo(delta.abs(), c.amountDecimals).eq(c.amount.abs());
      const severity: Severity = rounded ? "info" : diff.abs().lte("0.01") ? "warning" : "error";
      const note = rounded ? fill(MESSAGES.amountRounded, { decimals: c.amountDecimals > 0 ? `${c.amountDecimals}位小数` : "整数" }) : "";
      out.push(
        finding("N-5", severity, fill(MESSAGES.changeAmount, { ...slots, stated: fmt(c.amount.abs()), expected: fmt(delta.abs()) }) + note, sheet, c, {
          stated: fmt(c.amount.abs()),
          expected: fmt(delta.abs()),
          difference: fmt(diff),
        }),
      );
      return;
    }
  }
  if (c.rate !== null && prior.value.gt(0) && !rateConsistent(c.rate.abs(), delta.abs(), prior.value, { dp: Math.max(c.rateDecimals, 0), inputHalfStep: new D("0.005") })) {
    const expected = fmt(round(delta.abs().div(prior.value).times(100), 2));
    out.push(finding("N-6", rateMismatchSeverity(c.rate.abs(), c.rateDecimals, delta.abs(), prior.value), fill(MESSAGES.changeRate, { ...slots, stated: fmt(c.rate.abs()), expected }), sheet, c, { stated: fmt(c.rate.abs()), expected }));
  }
}

/** The prior year's amount the text states with the change (“比2023年度的393.40万元减少…”) is 补充数据's 上年数 (N-prior). */
function checkStatedPrior(c: ChangeClaim, prior: Bound, sheet: string, out: Finding[]): void {
  if (!c.prior) return;
  const stated = c.prior.value;
  const diff = stated.minus(prior.value);
  if (diff.isZero()) return;
  // “上年为393.4万元” of 393.40: rounded, not wrong — 信息.
  const rounded = c.prior.decimals < 2 && roundTo(prior.value, c.prior.decimals).eq(stated);
  const severity: Severity = rounded ? "info" : diff.abs().lte("0.01") ? "warning" : "error";
  const note = rounded ? fill(MESSAGES.amountRounded, { decimals: c.prior.decimals > 0 ? `${c.prior.decimals}位小数` : "整数" }) : "";
  out.push(
    finding("N-prior", severity, fill(MESSAGES.changePrior, { label: c.subject || (c.current ? claimLabel(c.current.label) : "") || c.text, stated: fmt(stated), source: where(prior), expected: fmt(prior.value), difference: fmt(diff.abs()) }) + note, sheet, c, {
      text: c.prior.text,
      stated: fmt(stated),
      expected: fmt(prior.value),
      difference: fmt(diff),
    }),
  );
}

function checkExecution(model: ReportModel, c: ExecutionClaim, sheet: string, out: Finding[]): void {
  const m = match(EXECS, c.slot as string);
  if (!m) return;
  const sub = (s: string) => s.replace(/\{(\w+)\}/g, (_x, v: string) => m.vars[v] ?? "");
  const actual = slotValue(model, sub(m.value.actual));
  const budgetRef = instantiate(model, m.value.budget, m.vars);
  const budget = budgetRef ? resolveRefValue(model, budgetRef) : null;
  if (!actual || !budget) return;
  if (budget.value.isZero()) {
    // Nothing budgeted (the table's 预算数 blank or 0) and nothing spent: “完成预算0%” is 0/0. A budget stated as 0 in
    // the sentence itself is the text rule's (src/checks/rules/execZeroBudget.ts).
    if (c.rate.isZero() && actual.value.isZero() && !(c.actual && !c.actual.value.isZero()) && !c.budget?.value.isZero() && c.comparison !== "under")
      out.push(narrativeFinding("N-exec-zero-budget", sheet, { row: c.row, text: c.actual ? `${c.actual.text}，${c.text}` : c.text, slots: { stated: c.text }, stated: c.text }));
    return;
  }
  // The sentence states its own budget, and not the table's: the rate is of that budget (another basis — 全年, 调整后 —
  // than the table's 预算数, or a mistyped budget that the budget's own binding reports); the text's checks judge it.
  if (c.budget && !c.budget.value.isZero() && !round(c.budget.value, 2).eq(budget.value)) return;
  const label = c.actual?.label ? claimLabel(c.actual.label) : c.text;
  const slots = { label, actual: fmt(actual.value), budget: fmt(budget.value) };
  if (!rateConsistent(c.rate, actual.value, budget.value, { dp: Math.max(c.decimals, 0) })) {
    const expected = fmt(round(actual.value.div(budget.value).times(100), 2));
    out.push(finding("N-7", rateMismatchSeverity(c.rate, c.decimals, actual.value, budget.value), fill(MESSAGES.execRate, { ...slots, stated: fmt(c.rate), expected }), sheet, c, { stated: fmt(c.rate), expected }));
    return;
  }
  const cmp = actual.value.cmp(budget.value);
  const expectedCmp = cmp > 0 ? "over" : cmp < 0 ? "under" : null;
  if (c.comparison && c.comparison !== "ambiguous" && expectedCmp && c.comparison !== expectedCmp) {
    const w = (k: string) => (k === "over" ? "决算数大于预算数" : "决算数小于预算数");
    out.push(finding("N-8", "error", fill(MESSAGES.execComparison, { ...slots, word: c.comparisonText ?? w(c.comparison), expectedWord: w(expectedCmp) }), sheet, c, { stated: c.comparisonText ?? "", expected: w(expectedCmp) }));
  }
}

/** Checks every claim of the narrative that has a slot against the table cell or 补充数据 field it restates (DOMAIN §2.4). */
export function checkBindings(parsed: ParsedNarrative, model: ReportModel, sheet: string): Finding[] {
  const out: Finding[] = [];
  SLOT_CACHE.set(model, new Map());
  try {
    checkClaims(parsed, model, sheet, out);
  } finally {
    SLOT_CACHE.delete(model);
  }
  return out;
}

/**
 * Shares of lists whose printed shares add up to exactly 100: they may have been rounded by largest remainder
 * (DOMAIN §2.5, the checker accepts either rounding), so one display unit off the exact share is correct there.
 */
function sharesOfHundredLists(parsed: ParsedNarrative): Set<ShareClaim> {
  const out = new Set<ShareClaim>();
  for (const e of parsed.claims) {
    if (e.kind !== "enumeration" || e.items.length < 2) continue;
    const shares = e.items.map((i) => i.share);
    if (!shares.every((x) => x && x.denominator === "")) continue;
    if (!sum(shares.map((x) => x!.value)).eq(100)) continue;
    for (const x of shares) out.add(x!);
  }
  return out;
}

function checkClaims(parsed: ParsedNarrative, model: ReportModel, sheet: string, out: Finding[]): void {
  const hundred = sharesOfHundredLists(parsed);
  for (const c of parsed.claims) {
    if (!c.slot) continue;
    switch (c.kind) {
      case "amount":
        checkAmount(model, c, sheet, out);
        break;
      case "count":
        checkCount(model, c, sheet, out);
        break;
      case "share":
        checkShare(model, c, sheet, out, hundred.has(c));
        break;
      case "change":
        checkChange(model, c, sheet, out);
        break;
      case "execution":
        checkExecution(model, c, sheet, out);
        break;
    }
  }
}
