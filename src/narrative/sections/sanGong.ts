/** 七 “三公”经费 (DOMAIN §3.2 七(一), 七(二)1–3): amounts from 公开07表, prior years, counts and reasons from 补充数据. */
import { fig } from "../../reader/figures";
import type { Ctx, Val } from "../generateContext";
import type { GeneratedSpan } from "../generateTypes";

interface Item {
  key: "abroad" | "car" | "reception";
  suppKey: string;
  name: string;
  final?: Val;
  budget?: Val;
}

function items(ctx: Ctx): { total?: Val; budgetTotal?: Val; list: Item[] } {
  const T07 = ctx.model.tables.T07;
  const g = (col: string) => ctx.fig(fig(T07, "data", col)) ?? ctx.fig(T07?.rows[0]?.values[col]);
  const fromSupp = (key: string, col: "current" | "budget") => ctx.suppVal(key, col);
  const mk = (key: Item["key"], suppKey: string, name: string, col: string): Item => ({
    key,
    suppKey,
    name,
    final: g(`final${col}`) ?? fromSupp(suppKey, "current"),
    budget: g(`budget${col}`) ?? fromSupp(suppKey, "budget"),
  });
  return {
    total: g("finalTotal") ?? fromSupp("“三公”经费", "current"),
    budgetTotal: g("budgetTotal") ?? fromSupp("“三公”经费", "budget"),
    list: [
      mk("abroad", "因公出国（境）费", "因公出国（境）费", "Abroad"),
      mk("car", "公务用车购置及运行维护费", "公务用车购置及运行维护费", "Car"),
      mk("reception", "公务接待费", "公务接待费", "Reception"),
    ],
  };
}

export function sanGongOverall(ctx: Ctx): void {
  const { total, budgetTotal } = items(ctx);
  if (!total) return ctx.para([ctx.marker("“三公”经费财政拨款支出决算数（公开07表未找到）")]);
  ctx.para(ctx.t("sanGong.total", {
    total: ctx.num(total),
    budget: budgetTotal ? ctx.num(budgetTotal) : ctx.marker("“三公”经费预算数"),
    exec: ctx.execSpans(total, budgetTotal, ctx.reasonOf(ctx.supp("“三公”经费")), "“三公”经费"),
  }));
}

/** A count from 补充数据; when absent and the related amount is 0, the count is 0 (derived from that amount's cell). */
function countOr(ctx: Ctx, key: string, zeroIf: Val | undefined): GeneratedSpan {
  const c = ctx.suppVal(key, "current");
  if (c) return ctx.cnt(c);
  if (zeroIf && zeroIf.v.isZero()) return ctx.cnt(ctx.zero(zeroIf.src));
  return ctx.marker(key);
}
function amountOr(ctx: Ctx, key: string, zeroIf: Val | undefined): GeneratedSpan {
  const c = ctx.suppVal(key, "current");
  if (c) return ctx.num(c);
  if (zeroIf && zeroIf.v.isZero()) return ctx.num(ctx.zero(zeroIf.src));
  return ctx.marker(key);
}

function yoyAndReason(ctx: Ctx, it: Item, prefix: string): GeneratedSpan[] {
  const prior = ctx.suppVal(it.suppKey, "prior");
  const yoy = ctx.yoySentence(prefix, it.final!, prior, it.name);
  return [...yoy.spans, ...ctx.reasonSentence("reason", ctx.reasonOf(ctx.supp(it.suppKey)), yoy.changed, `${it.name}变动原因`)];
}

export function sanGongItems(ctx: Ctx): void {
  const { total, list } = items(ctx);
  if (!total || list.some((i) => !i.final)) return ctx.para([ctx.marker("“三公”经费各项决算数（公开07表未找到）")]);
  if (total.v.isZero() && list.every((i) => !ctx.suppVal(i.suppKey, "prior") || ctx.suppVal(i.suppKey, "prior")!.v.isZero()) && ctx.tpl.s["sanGong.none"] && ctx.tpl.id === "national-2024") {
    return ctx.para(ctx.t("sanGong.none"));
  }
  const shares = ctx.shares(list.map((i) => i.final!));
  const spans: GeneratedSpan[] = [...ctx.t("sanGong.structure")];
  list.forEach((it, k) => {
    if (k > 0) spans.push({ text: "；" });
    spans.push(...ctx.t("sanGong.structureItem", { name: it.name, amount: ctx.num(it.final!) }));
    if (shares) spans.push(...ctx.t("list.share", { share: ctx.pct(shares[k], [...it.final!.src, ...total.src]) }));
  });
  spans.push(...ctx.t("sanGong.structureEnd"));
  ctx.para(spans);
  ctx.chart(7, list.map((i) => i.name), [{ name: `${ctx.Y}年`, values: list.map((i) => i.final) }]);

  const [abroad, car, reception] = list;
  // 1. 因公出国（境）
  ctx.para([
    ...ctx.t("abroad.amount", { amount: ctx.num(abroad.final!), exec: ctx.execSpans(abroad.final!, abroad.budget, undefined, abroad.name) }),
    ...ctx.t("abroad.counts", { groups: countOr(ctx, "因公出国（境）团组数", abroad.final), people: countOr(ctx, "因公出国（境）人次", abroad.final) }),
    ...yoyAndReason(ctx, abroad, "abroad"),
  ]);
  // 2. 公务用车
  const T07 = ctx.model.tables.T07;
  const buy = ctx.fig(fig(T07, "data", "finalCarBuy")) ?? ctx.suppVal("公务用车购置费", "current");
  const run = ctx.fig(fig(T07, "data", "finalCarRun")) ?? ctx.suppVal("公务用车运行维护费", "current");
  ctx.para([
    ...ctx.t("car.amount", { amount: ctx.num(car.final!), exec: ctx.execSpans(car.final!, car.budget, undefined, car.name) }),
    ...yoyAndReason(ctx, car, "car"),
  ]);
  const fleet = ctx.suppVal("公务用车保有量", "current");
  const noFleet = fleet && fleet.v.isZero() ? fleet : undefined;
  ctx.para(ctx.t("car.buy", {
    buy: buy ? ctx.num(buy) : ctx.marker("公务用车购置费"),
    n: countOr(ctx, "公务用车购置数", buy),
    n1: countOr(ctx, "公务用车购置数（轿车）", buy),
    x1: amountOr(ctx, "公务用车购置金额（轿车）", buy),
    n2: countOr(ctx, "公务用车购置数（越野车）", buy),
    x2: amountOr(ctx, "公务用车购置金额（越野车）", buy),
    n3: countOr(ctx, "公务用车购置数（载客汽车）", buy),
    x3: amountOr(ctx, "公务用车购置金额（载客汽车）", buy),
    N: countOr(ctx, "公务用车保有量", undefined),
    N1: countOr(ctx, "公务用车保有量（轿车）", noFleet),
    N2: countOr(ctx, "公务用车保有量（越野车）", noFleet),
    N3: countOr(ctx, "公务用车保有量（载客汽车）", noFleet),
  }));
  if (!run) ctx.para([ctx.marker("公务用车运行维护费")]);
  else if (run.v.isZero()) ctx.para(ctx.t("car.runZero", { run: ctx.num(run) }));
  else ctx.para(ctx.t("car.run", { run: ctx.num(run), purpose: ctx.reasonOf(ctx.supp("公务用车运行维护费")) ?? ctx.marker("公务用车运行维护费的主要用途") }));
  // 3. 公务接待
  ctx.para([
    ...ctx.t("reception.amount", { amount: ctx.num(reception.final!), exec: ctx.execSpans(reception.final!, reception.budget, undefined, reception.name) }),
    ...yoyAndReason(ctx, reception, "reception"),
    ...ctx.t("reception.of"),
  ]);
  let dom = ctx.suppVal("国内公务接待费", "current");
  let foreign = ctx.suppVal("外事接待费", "current");
  const rec = reception.final!;
  if (!dom && foreign) dom = { v: rec.v.minus(foreign.v), src: [...rec.src, ...foreign.src] };
  if (!foreign && dom) foreign = { v: rec.v.minus(dom.v), src: [...rec.src, ...dom.src] };
  if (!dom && !foreign && rec.v.isZero()) dom = foreign = ctx.zero(rec.src);
  if (!dom) ctx.para([ctx.marker("国内公务接待支出")]);
  else {
    const slots = { amount: ctx.num(dom), batches: countOr(ctx, "国内公务接待批次", dom), people: countOr(ctx, "国内公务接待人次", dom) };
    const purpose = ctx.reasonOf(ctx.supp("国内公务接待费")) ?? ctx.marker("国内公务接待的主要用途");
    ctx.para(dom.v.isZero() ? ctx.t("reception.domesticZero", slots) : ctx.t("reception.domestic", { ...slots, purpose }));
  }
  if (!foreign) ctx.para([ctx.marker("外事接待支出")]);
  else ctx.para(ctx.t("reception.foreign", { amount: ctx.num(foreign), batches: countOr(ctx, "外事接待批次", foreign), people: countOr(ctx, "外事接待人次", foreign) }));
}
