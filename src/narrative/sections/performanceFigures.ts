/**
 * 十 预算绩效管理情况 of the national (Shanghai) 2024 template: the amounts of the projects with 绩效目标,
 * 绩效跟踪 and 绩效自评, the average score, the projects per grade (the region's labels,
 * src/data/perf/grades.json) and the problems found and rectified — from 补充数据 (rows named in
 * src/data/supplement.json), else from the performance forms where every form states the figure.
 * A figure not given is a 【请填写】 marker, never 0; parts that do not add up to their total are one
 * marker saying so (the generator does not choose between two figures of the workbook).
 */
import Decimal from "decimal.js";
import { D, round, sum } from "../../money/decimal";
import type { Source } from "../../model/types";
import { DEFAULT_SCORING, gradeLabels, gradeOf, gradeRegionOf, scoringForRegion } from "../../perf/score";
import type { PerfForm, SourceRef } from "../../perf/types";
import type { Ctx, Slot, Val } from "../generateContext";
import type { GeneratedSpan } from "../generateTypes";

/** A number span with the value it shows (the value is absent for a marker). */
export interface Figure {
  span: GeneratedSpan;
  val?: Val;
}

const src = (s: SourceRef | null | undefined): Source[] => (s ? [{ sheet: s.sheet, cell: s.cell }] : []);

/** A 补充数据 amount (万元) or its marker. */
function amount(ctx: Ctx, key: string): Figure {
  const val = ctx.suppVal(key, "current");
  return val ? { span: ctx.num(val), val } : { span: ctx.marker(key) };
}

/** A 补充数据 count or its marker. */
export function count(ctx: Ctx, key: string): Figure {
  const val = ctx.suppVal(key, "current");
  return val ? { span: ctx.cnt(val), val } : { span: ctx.marker(key) };
}

/** Text of a 补充数据 row's 主要原因 column (预算绩效管理制度 …), copied as written, or a marker. */
function text(ctx: Ctx, key: string, what: string): GeneratedSpan {
  return ctx.reasonOf(ctx.supp(key)) ?? ctx.marker(`${what}（补充数据“${key}”主要原因栏）`);
}

/** Every form's stated value, or null when one form does not state it. */
function everyForm(forms: PerfForm[] | undefined, pick: (f: PerfForm) => { value: Decimal | null; source: SourceRef | null } | undefined): { value: Decimal; src: Source[] }[] | null {
  if (!forms?.length) return null;
  const out: { value: Decimal; src: Source[] }[] = [];
  for (const f of forms) {
    const a = pick(f);
    if (!a || a.value === null) return null;
    out.push({ value: a.value, src: src(a.source) });
  }
  return out;
}

function selfAmount(ctx: Ctx, forms: PerfForm[] | undefined): Figure {
  if (ctx.supp("绩效自评涉及预算金额")?.current) return amount(ctx, "绩效自评涉及预算金额");
  const budgets = everyForm(forms, (f) => f.budget);
  if (!budgets) return amount(ctx, "绩效自评涉及预算金额");
  const val: Val = { v: round(sum(budgets.map((b) => b.value)), 2), src: budgets.flatMap((b) => b.src) };
  return { span: ctx.num(val), val };
}

function averageScore(ctx: Ctx, forms: PerfForm[] | undefined): Figure {
  const given = ctx.suppVal("绩效自评平均得分", "current");
  const show = (v: Val): Figure => ({ span: { text: round(v.v, 2).toString(), sources: v.src, kind: "count" }, val: v });
  if (given) return show(given);
  const scores = everyForm(forms, (f) => f.totalScoreGiven);
  if (!scores) return { span: ctx.marker("绩效自评平均得分") };
  return show({ v: round(sum(scores.map((s) => s.value)).div(scores.length), 2), src: scores.flatMap((s) => s.src) });
}

/** “绩效评级为“优”的项目3个；…；绩效评级为“不合格”的项目0个”, or one marker. */
function grades(ctx: Ctx, forms: PerfForm[] | undefined, self: Figure): GeneratedSpan[] {
  const region = gradeRegionOf(ctx.tpl.id);
  const labels = gradeLabels(region);
  const rowKey = (grade: string) => ctx.render(ctx.tpl.s["performance.gradeRow"], { grade }).map((s) => s.text).join("");
  let vals: (Val | undefined)[] = labels.map((g) => ctx.suppVal(rowKey(g), "current"));
  if (vals.every((v) => !v)) {
    // no grade row in 补充数据: the forms' own total scores, graded with the region's bands
    const scores = everyForm(forms, (f) => f.totalScoreGiven);
    if (scores) {
      const cfg = { ...DEFAULT_SCORING, ...scoringForRegion(region) };
      vals = labels.map((g) => {
        const hit = scores.filter((s) => gradeOf(round(s.value, 2), cfg) === g);
        return { v: new D(hit.length), src: hit.length ? hit.flatMap((s) => s.src) : scores.flatMap((s) => s.src) };
      });
    }
  }
  const missing = labels.filter((_, k) => !vals[k]);
  const names = labels.map((g) => `“${g}”`).join("");
  if (missing.length) {
    return [ctx.marker(`绩效评级为${names}的项目数（补充数据未填${missing.map((g) => `“${g}”`).join("")}级）`)];
  }
  const total = sum(vals.map((v) => v!.v));
  if (self.val && !total.eq(self.val.v)) {
    return [ctx.marker(`绩效评级为${names}的项目数（补充数据合计${total.toString()}个，与绩效自评的项目数${self.val.v.toString()}个不符）`)];
  }
  const out: GeneratedSpan[] = [];
  labels.forEach((g, k) => {
    if (k) out.push({ text: ctx.tpl.s["performance.gradeSeparator"] ?? "；" });
    out.push(...ctx.t("performance.gradeItem", { grade: g, n: ctx.cnt(vals[k]!) }));
  });
  return out;
}

/** “绩效自评中共发现问题N个，已经完成整改的a个，正在整改的b个”, or one marker. */
function issues(ctx: Ctx): GeneratedSpan[] {
  const keys = ["绩效自评发现问题数", "已经完成整改的问题数", "正在整改的问题数"] as const;
  const [found, done, doing] = keys.map((k) => ctx.suppVal(k, "current"));
  const missing = keys.filter((_, k) => ![found, done, doing][k]);
  if (missing.length) return [ctx.marker(`绩效自评中发现、已经完成整改和正在整改的问题数（补充数据未填：${missing.join("、")}）`)];
  if (!done!.v.plus(doing!.v).eq(found!.v)) {
    return [ctx.marker(`绩效自评中发现的问题数（补充数据为${found!.v.toString()}个，已经完成整改与正在整改的合计${done!.v.plus(doing!.v).toString()}个）`)];
  }
  return ctx.t("performance.issues", { found: ctx.cnt(found!), done: ctx.cnt(done!), doing: ctx.cnt(doing!) });
}

/** The slots of the national template's 十 sentence beyond the counts. */
export function nationalPerformanceSlots(ctx: Ctx, forms: PerfForm[] | undefined, self: Figure): Record<string, Slot> {
  return {
    system: text(ctx, "预算绩效管理制度", "本部门建立的预算绩效管理制度名称"),
    mechanism: text(ctx, "预算绩效管理工作机制", "预算绩效管理工作机制"),
    targetsAmount: amount(ctx, "绩效目标涉及预算金额").span,
    monitoredAmount: amount(ctx, "绩效跟踪评价涉及预算金额").span,
    selfAmount: selfAmount(ctx, forms).span,
    score: averageScore(ctx, forms).span,
    grades: grades(ctx, forms, self),
    issues: issues(ctx),
  };
}
