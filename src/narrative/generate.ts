/**
 * The narrative generator: writes 第二部分 of the 情况说明 section by section in the region's outline
 * (DOMAIN §3.1), plus 名词解释, from a ReportModel. Sentence templates, section map, number style and
 * budget wording are data (src/data/templates/<template>.json). Deterministic; every number span keeps
 * its source cells; a missing required reason becomes a visible 【请填写：…】 marker.
 */
import type { ReportModel, TemplateId } from "../model/types";
import type { NumberStyle } from "../money/format";
import { JuesuanError } from "../money/errors";
import type { PerfForm } from "../perf/types";
import { Ctx, TEMPLATES } from "./generateContext";
import type { GeneratedNarrative } from "./generateTypes";
import { expense, fiscalTotals, income, totals } from "./sections/totals";
import { basic, gpbItems, gpbOverall, gpbStructure } from "./sections/gpb";
import { sanGongItems, sanGongOverall } from "./sections/sanGong";
import { assets, fund, operating, performance, procurement, soe } from "./sections/other";
import { glossary } from "./sections/glossary";
import { markCopiedText } from "./generateNotes";

export interface GenerateOptions {
  /** Overrides the model's template (sichuan-2020 | national-2024). */
  template?: TemplateId;
  /** Overrides the template's number style ("trim": 3.5万元, 100%; "fixed2": 3.50万元, 100.00%). */
  numberStyle?: NumberStyle;
  /** Report year, when the model has none. */
  year?: number;
  /**
   * The performance forms of the workbook (`readForms(snapshot)`). When given, 十(四) writes the
   * 综述 of each project from its form (budget, actual, rate, 实际完成情况, 偏差原因) and the
   * "反映…等N个项目" sentence; without them, a 【请填写】 marker stands for that part.
   */
  forms?: PerfForm[];
}

const BUILDERS: Record<string, (ctx: Ctx) => void> = {
  totals, income, expense, fiscalTotals, gpbOverall, gpbStructure, gpbItems, basic,
  sanGongOverall, sanGongItems, fund, soe, operating, procurement, assets, performance,
};

export const TEMPLATE_IDS = Object.keys(TEMPLATES) as TemplateId[];

export function isTemplateId(s: string): s is TemplateId {
  return (TEMPLATE_IDS as string[]).includes(s);
}

export function generateNarrative(model: ReportModel, options: GenerateOptions = {}): GeneratedNarrative {
  const id = options.template ?? model.template;
  const tpl = TEMPLATES[id];
  if (!tpl) throw new JuesuanError("narrate-template", `未知的情况说明模板“${id}”，可用：${TEMPLATE_IDS.join("、")}`);
  const year = model.year ?? options.year;
  if (year === undefined) throw new JuesuanError("narrate-year", "无法确定决算年度：表格标题、补充数据和情况说明中都没有年度");
  const ctx = new Ctx(model, tpl, year, options.numberStyle, options.forms);
  ctx.section = "report";
  ctx.heading(ctx.render(tpl.reportTitle).map((s) => s.text).join(""), "title");
  for (const sec of tpl.sections) {
    ctx.section = sec.id;
    ctx.heading(sec.heading, (sec.level ?? 1) === 1 ? "heading1" : "heading2");
    if (sec.builder) {
      const build = BUILDERS[sec.builder];
      if (!build) throw new Error(`template ${tpl.id}: unknown builder ${sec.builder}`);
      build(ctx);
    }
  }
  ctx.section = "glossary";
  glossary(ctx);
  return markCopiedText({ template: id, year, paragraphs: ctx.paragraphs, charts: ctx.charts }, model);
}

/** The text, one paragraph per line (what `juesuan narrate` prints). */
export function narrativeText(n: GeneratedNarrative): string {
  return n.paragraphs.map((p) => p.text).join("\n") + "\n";
}
