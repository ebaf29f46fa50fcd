/**
 * 八 政府性基金, 九 国有资本经营, 十 其他重要事项 (机关运行经费, 政府采购, 国有资产, 预算绩效管理) — in the national
 * 2024 template 十 预算绩效管理情况 and 十一 (its amounts, score, grades and problems: ./performanceFigures.ts).
 * Counts that must add up (vehicles by category = 车辆总数, grades = 自评 count, problems) are written only when
 * they do; otherwise one 【请填写】 marker says which figures disagree.
 */
import { findRow } from "../../reader/figures";
import { D, round } from "../../money/decimal";
import { executionRate } from "../../money/calc";
import type { Source, TableModel } from "../../model/types";
import type { PerfForm, SourceRef } from "../../perf/types";
import { cleanReason, type Ctx, type Val } from "../generateContext";
import type { GeneratedSpan } from "../generateTypes";
import { count as suppCount, type Figure, nationalPerformanceSlots } from "./performanceFigures";

function tableTotal(ctx: Ctx, table: TableModel | undefined): Val | undefined {
  if (!table) return undefined;
  const row = findRow(table, "total") ?? table.rows.find((r) => r.level === "total");
  const f = row?.values.total;
  if (f) return ctx.fig(f);
  // An empty table ("本表无数据"): 0, sourced from its title cell.
  if (table.emptyNote || (!row && !ctx.model.recognition.emptyTables?.includes(table.key))) return ctx.zero([table.titleSource]);
  return undefined;
}

function fundLike(ctx: Ctx, key: "fund" | "soe", table: TableModel | undefined, label: string): void {
  const amount = tableTotal(ctx, table);
  if (!amount) return ctx.para([ctx.marker(`${label}（${ctx.absentWhy(table, key === "fund" ? "公开08表" : "公开09表", "total", "total")}）`)]);
  const row = table ? findRow(table, "total") ?? table.rows.find((r) => r.level === "total") : undefined;
  const incomeZero = !row?.values.income || row.values.income.wan.isZero();
  if (amount.v.isZero() && incomeZero && ctx.tpl.s[`${key}.none`]) return ctx.para(ctx.t(`${key}.none`, { unit: unitRef(ctx) }));
  ctx.para(ctx.t(`${key}.amount`, { amount: ctx.num(amount), unit: unitRef(ctx) }));
}

export function fund(ctx: Ctx): void {
  fundLike(ctx, "fund", ctx.model.tables.T08, "政府性基金预算财政拨款支出");
}
export function soe(ctx: Ctx): void {
  fundLike(ctx, "soe", ctx.model.tables.T09, "国有资本经营预算财政拨款支出");
}

/** How the text names the unit: its name from the tables, else 本单位. */
export function unitRef(ctx: Ctx): string {
  return ctx.model.unitName ?? "本单位";
}

export function operating(ctx: Ctx): void {
  const key = "机关运行经费";
  const cur = ctx.suppVal(key, "current");
  if (!cur) return ctx.para([ctx.marker("机关运行经费支出（补充数据“机关运行经费”本年数）")]);
  const prior = ctx.suppVal(key, "prior");
  if (cur.v.isZero() && ctx.tpl.s["operating.none"] && (!prior || prior.v.isZero())) {
    return ctx.para([...ctx.t("operating.none", { unit: unitRef(ctx) }), ...ctx.reasonSentence("reason", ctx.reasonOf(ctx.supp(key)), false, "")]);
  }
  const yoy = ctx.yoySentence("operating", cur, prior, "机关运行经费");
  ctx.para([
    ...ctx.t("operating.amount", { unit: unitRef(ctx), amount: ctx.num(cur) }),
    ...yoy.spans,
    ...ctx.reasonSentence("reason", ctx.reasonOf(ctx.supp(key)), yoy.changed, "机关运行经费变动原因"),
  ]);
}

function amountSlot(ctx: Ctx, key: string): { val?: Val; span: GeneratedSpan } {
  const val = ctx.suppVal(key, "current");
  return { val, span: val ? ctx.num(val) : ctx.marker(key) };
}

export function procurement(ctx: Ctx): void {
  const total = amountSlot(ctx, "政府采购支出总额");
  const goods = amountSlot(ctx, "政府采购货物支出");
  const works = amountSlot(ctx, "政府采购工程支出");
  const services = amountSlot(ctx, "政府采购服务支出");
  const sme = amountSlot(ctx, "授予中小企业合同金额");
  const micro = amountSlot(ctx, "授予小微企业合同金额");
  // 预留 wording instead of the 授予 sentence (stating both would count the awards twice): only when the template has it
  const reserved = !!ctx.tpl.s["procurement.reserved"] && RESERVED.some(([, key]) => ctx.suppVal(key, "current")) && !sme.val && !micro.val;
  const spans = ctx.t("procurement.total", { unit: unitRef(ctx), total: total.span, goods: goods.span, works: works.span, services: services.span });
  if (total.val && !total.val.v.isZero() && sme.val && micro.val) {
    const share = (x: Val) => ctx.pct(round(x.v.div(total.val!.v).times(100), 2), [...x.src, ...total.val!.src]);
    spans.push(...ctx.t("procurement.sme", { sme: sme.span, micro: micro.span, smeShare: share(sme.val), microShare: share(micro.val) }));
  } else if (!reserved) spans.push(...ctx.t("procurement.smeNoShare", { sme: sme.span, micro: micro.span }));
  ctx.para(spans);
  // the national template's 预留 paragraph (面向中小企业/小微企业预留…由中小企业供应商中标或成交的…) when 补充数据 has those rows
  if (reserved) {
    ctx.para(ctx.t("procurement.reserved", Object.fromEntries(RESERVED.map(([slot, key]) => [slot, amountSlot(ctx, key).span]))));
  }
}

/** The 预留 rows of 补充数据 and their slots in "procurement.reserved" (national 2024 template 十一（二）). */
const RESERVED: [string, string][] = [
  ["smeReserved", "面向中小企业预留政府采购项目预算金额"],
  ["microReserved", "面向小微企业预留政府采购项目预算金额"],
  ["smeAwarded", "预留项目中由中小企业供应商中标或成交的采购金额"],
  ["microAwarded", "预留项目中由小微企业供应商中标或成交的采购金额"],
  ["smeOther", "其他政府采购项目中由中小企业供应商中标或成交的采购金额"],
];

export function assets(ctx: Ctx): void {
  const N = ctx.suppVal("车辆总数", "current");
  const cats: { name: string; key: string; v?: Val }[] = [];
  for (const u of ctx.tpl.vehicleUses) {
    const v = ctx.suppVal(u.key, "current");
    if (!v && !u.always) continue;
    if (v && v.v.isZero() && !u.always) continue;
    // no vehicle at all: each category is 0, from the total's cell
    cats.push({ name: u.name ?? u.key, key: u.key, v: v ?? (N && N.v.isZero() ? ctx.zero(N.src) : undefined) });
  }
  const missing = cats.filter((c) => !c.v);
  let items: GeneratedSpan[] = [];
  if (missing.length && N) {
    // a part not given next to a given total: one marker, never a list whose sum falls short of the total
    items = [ctx.marker(`各类车辆数（补充数据未填：${missing.map((c) => c.key).join("、")}）`)];
  } else {
    cats.forEach((c, k) => {
      if (k) items.push({ text: "、" });
      items.push(...ctx.t("assets.vehicleItem", { name: c.name, n: c.v ? ctx.cnt(c.v) : ctx.marker(c.key) }));
    });
  }
  let total: GeneratedSpan = N ? ctx.cnt(N) : ctx.marker("车辆总数");
  if (N && !missing.length) {
    const s = cats.reduce((a, c) => a.plus(c.v!.v), new D(0));
    // the categories must add up to the total (template 十一（三）; DOMAIN §3.2 十(三)): the generator does not choose
    if (!s.eq(N.v)) total = ctx.marker(`车辆总数（补充数据“车辆总数”为${N.v.toString()}辆，各类用车合计${s.toString()}辆）`);
  }
  const count = (key: string) => {
    const v = ctx.suppVal(key, "current");
    return v ? ctx.cnt(v) : ctx.marker(key);
  };
  ctx.para([
    ...ctx.t("assets.vehicles", { unit: unitRef(ctx), N: total, list: items }),
    ...ctx.t("assets.equipment", { general: count("单价50万元以上通用设备"), special: count("单价100万元以上专用设备"), equipment100: count("单价100万元以上设备（不含车辆）") }),
  ]);
}

export function performance(ctx: Ctx): void {
  // no forms in the workbook (or none given): the project part stays a marker
  const forms = ctx.forms?.length ? ctx.forms : undefined;
  const count = (key: string) => {
    const v = ctx.suppVal(key, "current");
    return v ? ctx.cnt(v) : ctx.marker(key);
  };
  const self = forms ? selfEvaluatedCount(ctx, forms) : suppCount(ctx, "绩效自评项目数");
  ctx.para(ctx.t("performance.counts", {
    unit: unitRef(ctx),
    pre: count("事前绩效评估项目数"),
    targets: count("绩效目标项目数"),
    monitored: count("绩效监控项目数"),
    self: self.span,
    // the national template's amounts, score, grades and problems (src/narrative/sections/performanceFigures.ts)
    ...(ctx.tpl.s["performance.gradeItem"] ? nationalPerformanceSlots(ctx, forms, self) : {}),
  }));
  // a template without the 部门整体 part (national: "performance.rest" empty) writes no marker for it
  const rest = ctx.tpl.s["performance.rest"] !== "";
  if (!forms) {
    if (rest) ctx.para(ctx.t("performance.rest", { marker: ctx.marker("部门整体支出绩效自评情况及各项目绩效目标完成情况综述（见项目绩效目标完成情况表）") }));
    return;
  }
  if (rest) ctx.para(ctx.t("performance.rest", { marker: ctx.marker("部门整体支出绩效自评情况") }));
  const heading = ctx.t("performance.projectsHeading");
  if (heading.some((s) => s.text)) ctx.para(heading);
  const names: GeneratedSpan[] = forms.map((f) => ({ text: `“${projectName(f)}”`, sources: sourcesOf(f.name.source) }));
  ctx.para(ctx.t("performance.reported", { names, n: ctx.cnt({ v: new D(forms.length), src: forms.flatMap((f) => sourcesOf(f.name.source ?? f.titleCell)) }) }));
  forms.forEach((f, i) => ctx.para(projectSummary(ctx, f, i + 1)));
}

function sourcesOf(s: SourceRef | null | undefined): Source[] {
  return s ? [{ sheet: s.sheet, cell: s.cell }] : [];
}

function projectName(f: PerfForm): string {
  return f.name.text.trim() || `${f.sheet}!${f.titleCell.cell}`;
}

/**
 * 绩效自评项目数: 补充数据's count when it agrees with the number of forms (or the number of forms when
 * 补充数据 has none); a marker when the two disagree (DOMAIN §6.2 #20) — the generator does not choose.
 */
function selfEvaluatedCount(ctx: Ctx, forms: PerfForm[]): Figure {
  const v = ctx.suppVal("绩效自评项目数", "current");
  if (v && !v.v.eq(forms.length)) return { span: ctx.marker(`开展绩效自评的项目数（补充数据“绩效自评项目数”为${v.v.toString()}个，项目绩效表${forms.length}张）`) };
  if (v) return { span: ctx.cnt(v), val: v };
  const val: Val = { v: new D(forms.length), src: forms.flatMap((f) => sourcesOf(f.name.source ?? f.titleCell)) };
  return { span: ctx.cnt(val), val };
}

/** "（k）“项目”项目绩效目标完成情况综述。项目全年预算数B万元，执行数为A万元，完成预算的r%。通过项目实施，…。" */
function projectSummary(ctx: Ctx, f: PerfForm, k: number): GeneratedSpan[] {
  const name = projectName(f);
  const amount = (a: PerfForm["budget"], what: string): { span: GeneratedSpan; val?: Val } => {
    if (a.value === null) return { span: ctx.marker(`“${name}”项目${what}（绩效表）`) };
    const val: Val = { v: round(a.value, 2), src: sourcesOf(a.source) };
    return { span: ctx.num(val), val };
  };
  const budget = amount(f.budget, "全年预算数");
  const actual = amount(f.actual, "执行数");
  const out: GeneratedSpan[] = [];
  let direction: "equal" | "over" | "under" | null = null;
  const r = budget.val && actual.val && f.budget.value !== null && f.actual.value !== null ? executionRate(f.actual.value, f.budget.value) : null;
  const head = { k: String(k), name, budget: budget.span, actual: actual.span };
  if (r && r.kind === "rate") {
    direction = r.direction;
    out.push(...ctx.t("performance.project", { ...head, rate: ctx.pct(round(r.rate, 2), [...budget.val!.src, ...actual.val!.src]) }));
  } else if (r && r.kind === "noBudget") {
    out.push(...ctx.t("performance.projectNoBudget", head));
  } else {
    out.push(...ctx.t("performance.project", { ...head, rate: ctx.marker(`“${name}”项目完成预算的比例`) }));
  }
  // the reason right after the rate (where readers and the checker look for it), then what was achieved
  if (direction === "over" || direction === "under") {
    const cmp = direction === "over" ? ctx.tpl.words.over : ctx.tpl.words.under;
    const given = f.indicators.filter((i) => i.reason && cleanReason(i.reason));
    const reason: GeneratedSpan = given.length
      ? ctx.copied([...new Set(given.map((i) => cleanReason(i.reason!)))].join("；"), given.flatMap((i) => sourcesOf(i.cells.reason)))
      : ctx.marker(`“${name}”项目执行数${cmp}预算数的原因（偏差原因）`);
    out.push(...ctx.t("performance.projectReason", { cmp, reason }));
  }
  const result = cleanReason(f.goalActual.text);
  out.push(...ctx.t("performance.projectResult", { result: result ? ctx.copied(result, sourcesOf(f.goalActual.source)) : ctx.marker(`“${name}”项目年度目标实际完成情况（绩效表）`) }));
  return out;
}
