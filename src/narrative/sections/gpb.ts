/** 五 一般公共预算财政拨款支出 (一)(二)(三) and 六 基本支出 (DOMAIN §3.2, §4). */
import { fig, rowsAt } from "../../reader/figures";
import { subjectName } from "../../reader/subjects";
import type { TableRow } from "../../model/types";
import { D, round, sum } from "../../money/decimal";
import type { Ctx, Val } from "../generateContext";
import type { GeneratedSpan } from "../generateTypes";

/** 类 name as the region renders it: Sichuan "一般公共服务（类）", national "一般公共服务支出（类）". */
export function leiName(ctx: Ctx, code: string, fallback?: string): string {
  const name = subjectName(code, ctx.Y) ?? fallback ?? code;
  return `${ctx.tpl.leiKeepsZhichu ? name : name.replace(/支出$/, "")}（类）`;
}

/** "{类}（类）{款}（款）{项}（项）" with the names of the report year's edition. */
export function itemPath(ctx: Ctx, code: string, rows: TableRow[]): string {
  const label = (c: string) => rows.find((r) => r.code === c)?.label;
  const lei = code.slice(0, 3);
  const kuan = code.slice(0, 5);
  return `${leiName(ctx, lei, label(lei))}${subjectName(kuan, ctx.Y) ?? label(kuan) ?? kuan}（款）${subjectName(code, ctx.Y) ?? label(code) ?? code}（项）`;
}

export function gpbOverall(ctx: Ctx): void {
  const total = ctx.fig(fig(ctx.model.tables.T05, "total", "total"));
  const expenseTotal = ctx.fig(fig(ctx.model.tables.T03, "total", "total")) ?? ctx.fig(fig(ctx.model.tables.T01, "expenseTotal", "amount", "expense"));
  if (!total) {
    ctx.para([ctx.marker(`一般公共预算财政拨款支出（${ctx.absentWhy(ctx.model.tables.T05, "公开05表", "total", "total")}）`)]);
    return;
  }
  const share: GeneratedSpan =
    expenseTotal && !expenseTotal.v.isZero()
      ? ctx.pct(round(total.v.div(expenseTotal.v).times(100), 2), [...total.src, ...expenseTotal.src])
      : ctx.pct(new D(0), [...total.src, ...(expenseTotal?.src ?? [])]);
  const key = "一般公共预算财政拨款支出";
  const prior = ctx.suppVal(key, "prior");
  const yoy = ctx.yoySentence("gpbOverall", total, prior, "一般公共预算财政拨款支出");
  ctx.para([
    ...ctx.t("gpbOverall.amount", { total: ctx.num(total), share }),
    ...yoy.spans,
    ...ctx.reasonSentence("changeReason", ctx.reasonOf(ctx.supp(key)), yoy.changed, "一般公共预算财政拨款支出变动原因"),
  ]);
  if (prior) ctx.chart(5, ["一般公共预算财政拨款支出"], [
    { name: `${ctx.P}年`, values: [prior] },
    { name: `${ctx.Y}年`, values: [total] },
  ]);
}

export function gpbStructure(ctx: Ctx): void {
  const T05 = ctx.model.tables.T05;
  const total = ctx.fig(fig(T05, "total", "total"));
  if (!total) return;
  const classes = rowsAt(T05, "lei")
    .map((r) => ({ name: leiName(ctx, r.code!, r.label), val: ctx.fig(r.values.total) }))
    .filter((c): c is { name: string; val: Val } => !!c.val && !c.val.v.isZero());
  const spans: GeneratedSpan[] = [...ctx.t("gpbStructure.intro", { total: ctx.num(total) })];
  const shares = ctx.shares(classes.map((c) => c.val));
  classes.forEach((c, i) => {
    if (i > 0) spans.push({ text: "；" });
    spans.push(...ctx.t("gpbStructure.item", { name: c.name, amount: ctx.num(c.val), share: shares ? ctx.pct(shares[i], [...c.val.src, ...total.src]) : "0" }));
  });
  spans.push({ text: "。" });
  if (!classes.length) return ctx.para(ctx.t("gpbStructure.intro", { total: ctx.num(total) }).map((s) => ({ ...s, text: s.text.replace(/，主要用于以下方面：$/, "。") })));
  ctx.para(spans);
  ctx.chart(6, classes.map((c) => c.name), [{ name: `${ctx.Y}年`, values: classes.map((c) => c.val) }]);
}

function itemNumber(ctx: Ctx, n: number): string {
  return ctx.tpl.itemNumbering === "arabicComma" ? `${n}、` : `${n}.`;
}

export function gpbItems(ctx: Ctx): void {
  const T05 = ctx.model.tables.T05;
  const total = ctx.fig(fig(T05, "total", "total"));
  if (!total) return;
  const rows = T05!.rows;
  const items = rowsAt(T05, "xiang").map((r) => {
    const supp = ctx.suppByCode(r.code!);
    return { row: r, val: ctx.fig(r.values.total) ?? ctx.zero([]), budget: ctx.fig(supp?.budget), reason: ctx.reasonOf(supp) };
  }).filter((i) => !i.val.v.isZero() || (i.budget && !i.budget.v.isZero()));
  const overallRow = ctx.supp("一般公共预算财政拨款支出决算（全年）");
  let budget = ctx.fig(overallRow?.budget);
  if (!budget && items.length && items.every((i) => i.budget)) {
    budget = { v: sum(items.map((i) => i.budget!.v)), src: items.flatMap((i) => i.budget!.src) };
  }
  const what = ctx.tpl.id === "national-2024" ? "一般公共预算财政拨款支出" : "一般公共预算支出";
  ctx.para(ctx.t("gpbItems.total", { total: ctx.num(total), budget: budget ? ctx.num(budget) : ctx.marker("全年预算数"), exec: ctx.execSpans(total, budget, ctx.reasonOf(overallRow), what) }));
  items.forEach((i, k) => {
    const name = itemPath(ctx, i.row.code!, rows);
    ctx.para(ctx.t("gpbItems.item", {
      n: itemNumber(ctx, k + 1),
      name,
      amount: ctx.num(i.val),
      budget: i.budget ? ctx.num(i.budget) : ctx.marker(`${name}的预算数`),
      exec: ctx.execSpans(i.val, i.budget, i.reason, `${subjectName(i.row.code!, ctx.Y) ?? i.row.label}（项）`),
    }));
  });
}

/** Names of the non-zero economic items of one side of 公开06表, by code; a 类 without non-zero 款 stands for itself. */
function economicList(ctx: Ctx, side: "personnel" | "public"): string[] {
  const rows = (ctx.model.tables.T06?.rows ?? []).filter((r) => r.side === side && r.code && r.values.amount && !r.values.amount.wan.isZero());
  const kuan = rows.filter((r) => r.code!.length === 5);
  const lei = rows.filter((r) => r.code!.length === 3 && !kuan.some((k) => k.code!.startsWith(r.code!)));
  return [...kuan, ...lei]
    .sort((a, b) => (a.code! < b.code! ? -1 : a.code! > b.code! ? 1 : 0))
    .map((r) => subjectName(r.code!, ctx.Y, "economic") ?? r.label);
}

export function basic(ctx: Ctx): void {
  const basicTotal = ctx.fig(fig(ctx.model.tables.T05, "total", "basic"));
  const T06 = ctx.model.tables.T06;
  const personnel = ctx.fig(fig(T06, "personnelTotal", "amount"));
  const pub = ctx.fig(fig(T06, "publicTotal", "amount"));
  if (!basicTotal) {
    ctx.para([ctx.marker(`一般公共预算财政拨款基本支出（${ctx.absentWhy(ctx.model.tables.T05, "公开05表", "total", "basic")}）`)]);
    return;
  }
  ctx.para(ctx.t("basic.total", { total: ctx.num(basicTotal) }));
  const part = (key: "personnel" | "public", val: Val | undefined, label: string) => {
    if (!val) return ctx.para([ctx.marker(`${label}（${ctx.absentWhy(T06, "公开06表", key === "personnel" ? "personnelTotal" : "publicTotal", "amount")}）`)]);
    const list = economicList(ctx, key);
    ctx.para(list.length ? ctx.t(`basic.${key}`, { amount: ctx.num(val), list: list.join("、") }) : ctx.t(`basic.${key}Empty`, { amount: ctx.num(val) }));
  };
  part("personnel", personnel, "人员经费");
  part("public", pub, "公用经费");
}
