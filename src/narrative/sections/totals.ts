/** 一 收入支出决算总体情况, 二 收入, 三 支出, 四 财政拨款收入支出总体情况 (DOMAIN §3.2). */
import { fig } from "../../reader/figures";
import type { Ctx, ListEntry, Val } from "../generateContext";
import type { GeneratedSpan } from "../generateTypes";

/** 一 / 四: one total (收入总计 ≡ 支出总计), one change and rate for both, the reason. */
function totalsSection(ctx: Ctx, prefix: "totals" | "fiscalTotals", chartNo: number): void {
  const isFiscal = prefix === "fiscalTotals";
  const table = isFiscal ? ctx.model.tables.T04 : ctx.model.tables.T01;
  const income = ctx.fig(fig(table, "incomeGrandTotal", "amount", "income"));
  const expense = ctx.fig(fig(table, "expenseGrandTotal", isFiscal ? "total" : "amount", "expense")) ?? income;
  const suppKey = isFiscal ? "财政拨款收入支出总计" : "收入支出总计";
  const label = isFiscal ? "财政拨款收、支总计" : "收、支总计";
  if (!income) {
    ctx.para([ctx.marker(`${label}（${ctx.absentWhy(table, isFiscal ? "公开04表" : "公开01表", "incomeGrandTotal", "amount", "income")}）`)]);
    return;
  }
  const total: Val = { v: income.v, src: [...income.src, ...(expense && expense !== income ? expense.src : [])] };
  const prior = ctx.suppVal(suppKey, "prior");
  const row = ctx.supp(suppKey);
  const yoy = ctx.yoySentence(prefix, total, prior, label);
  ctx.para([
    ...ctx.t(`${prefix}.amount`, { total: ctx.num(total) }),
    ...yoy.spans,
    ...ctx.reasonSentence("changeReason", ctx.reasonOf(row), yoy.changed, `${label}变动原因`),
  ]);
  if (prior) ctx.chart(chartNo, ["收入总计", "支出总计"], [
    { name: `${ctx.P}年`, values: [prior, prior] },
    { name: `${ctx.Y}年`, values: [income, expense] },
  ]);
}

/** "其中：A x万元，占s%；B …。" over the listed entries; shares by largest remainder. */
export function listWithShares(ctx: Ctx, entries: { name: string; val: Val }[], total: Val): GeneratedSpan[] {
  if (!entries.length) return [];
  const shares = ctx.shares(entries.map((e) => e.val));
  const out: GeneratedSpan[] = [...ctx.t("list.intro")];
  entries.forEach((e, i) => {
    if (i > 0) out.push({ text: "；" });
    out.push(...ctx.t("list.item", { name: e.name, amount: ctx.num(e.val) }));
    if (shares) out.push(...ctx.t("list.share", { share: ctx.pct(shares[i], [...e.val.src, ...total.src]) }));
  });
  return out;
}

/** The entries of a fixed list (income sources, expense parts) that are listed: always-listed ones and non-zero ones. */
export function pickEntries(ctx: Ctx, list: ListEntry[], get: (key: string) => Val | undefined, zeroSrc: Val): { name: string; val: Val }[] {
  const out: { name: string; val: Val }[] = [];
  for (const e of list) {
    const val = get(e.key);
    if (!val) {
      if (e.always) out.push({ name: e.name ?? e.key, val: ctx.zero(zeroSrc.src) });
      continue;
    }
    if (e.always || !val.v.isZero()) out.push({ name: e.name ?? e.key, val });
  }
  return out;
}

export function totals(ctx: Ctx): void {
  totalsSection(ctx, "totals", 1);
}

export function fiscalTotals(ctx: Ctx): void {
  totalsSection(ctx, "fiscalTotals", 4);
}

export function income(ctx: Ctx): void {
  const T01 = ctx.model.tables.T01;
  const total = ctx.fig(fig(T01, "incomeTotal", "amount", "income"));
  if (!total) {
    ctx.para([ctx.marker(`本年收入合计（${ctx.absentWhy(T01, "公开01表", "incomeTotal", "amount", "income")}）`)]);
    return;
  }
  const partUnread = ctx.unreadableAmong(T01, "公开01表", ctx.tpl.incomeSources.map((e) => ({ key: e.key, col: "amount", side: "income" as const })));
  if (partUnread) {
    // One part unknown: its amount and every share would be wrong; the list is left to the user.
    ctx.para([...ctx.t("income.total", { total: ctx.num(total) }), ...ctx.t("list.intro"), ctx.marker(`各项收入的金额和占比（${partUnread}）`), { text: "。" }]);
    return;
  }
  const entries = pickEntries(ctx, ctx.tpl.incomeSources, (k) => ctx.fig(fig(T01, k, "amount", "income")), total);
  ctx.para([...ctx.t("income.total", { total: ctx.num(total) }), ...(total.v.isZero() ? [] : listWithShares(ctx, entries, total)), { text: "。" }]);
  const nonZero = entries.filter((e) => !e.val.v.isZero());
  ctx.chart(2, nonZero.map((e) => e.name), [{ name: `${ctx.Y}年`, values: nonZero.map((e) => e.val) }]);
}

export function expense(ctx: Ctx): void {
  const T03 = ctx.model.tables.T03;
  const total = ctx.fig(fig(T03, "total", "total")) ?? ctx.fig(fig(ctx.model.tables.T01, "expenseTotal", "amount", "expense"));
  if (!total) {
    ctx.para([ctx.marker(`本年支出合计（${ctx.absentWhy(T03, "公开03表", "total", "total")}）`)]);
    return;
  }
  if (!T03) {
    // Without 公开03表 the parts (基本支出, 项目支出 …) cannot be read: say so, never print them as 0.
    ctx.para([...ctx.t("expense.total", { total: ctx.num(total) }), ...(total.v.isZero() ? [] : [...ctx.t("list.intro"), ctx.marker("基本支出、项目支出等各部分的金额和占比（公开03表未找到）")]), { text: "。" }]);
    return;
  }
  const partUnread = ctx.unreadableAmong(T03, "公开03表", ctx.tpl.expenseParts.map((e) => ({ key: "total", col: e.key })));
  if (partUnread) {
    ctx.para([...ctx.t("expense.total", { total: ctx.num(total) }), ...ctx.t("list.intro"), ctx.marker(`基本支出、项目支出等各部分的金额和占比（${partUnread}）`), { text: "。" }]);
    return;
  }
  const entries = pickEntries(ctx, ctx.tpl.expenseParts, (k) => ctx.fig(fig(T03, "total", k)), total);
  ctx.para([...ctx.t("expense.total", { total: ctx.num(total) }), ...(total.v.isZero() ? [] : listWithShares(ctx, entries, total)), { text: "。" }]);
  const nonZero = entries.filter((e) => !e.val.v.isZero());
  ctx.chart(3, nonZero.map((e) => e.name), [{ name: `${ctx.Y}年`, values: nonZero.map((e) => e.val) }]);
}
