/**
 * 五（三）per-项 explanations (national and Sichuan templates): “年初预算为A万元，支出决算为B万元…决算数大于/小于/
 * 等于预算数” — the comparison word against the stated A and B, and “基本支出/项目支出” in “主要用于…” against the
 * 项's columns in 公开05表.
 */
import type { Finding } from "../../findings";
import { formatNumber } from "../../money/format";
import { narrativeFinding } from "../../narrative/catalogue";
import type { SubjectClaim } from "../../narrative/types";
import type { ReportRule } from "./types";
import { paragraphAt, xiangRowByNames } from "./util";

const DIR_WORD = { over: "大于", under: "小于", equal: "等于" } as const;
const ft = (d: import("decimal.js").default) => formatNumber(d, "trim");

function subjectName(s: SubjectClaim): string {
  return `${s.lei}（类）${s.kuan}（款）${s.xiang}（项）`;
}

export const subjectItems: ReportRule = {
  ids: ["N-item-comparison", "N-item-kind"],
  check(ctx) {
    const out: Finding[] = [];
    const parsed = ctx.parsed;
    if (!parsed) return out;
    const subjects = parsed.claims.filter((c): c is SubjectClaim => c.kind === "subject" && c.canonical === "5.3");
    for (const s of subjects) {
      const p = paragraphAt(parsed, s.row);
      if (!p) continue;
      if (ctx.on("N-item-comparison") && s.budget && s.amount && s.comparison) {
        const cmp = s.comparison;
        const a = s.budget.value;
        const b = s.amount.value;
        const actual = b.gt(a) ? "over" : b.lt(a) ? "under" : "equal";
        // “基本持平” with unequal figures is a judgement, not a contradiction.
        if (cmp.direction !== actual && !(cmp.basic && cmp.direction === "equal")) {
          out.push(
            narrativeFinding("N-item-comparison", ctx.sheet, {
              row: s.row,
              text: p.text.slice(cmp.start, cmp.end),
              slots: { subject: subjectName(s), budget: ft(a), actual: ft(b), expectedWord: DIR_WORD[actual], stated: cmp.text },
              stated: cmp.text,
              expected: `决算数${DIR_WORD[actual]}预算数`,
            }),
          );
        }
      }
      if (ctx.on("N-item-kind")) {
        const use = s.use;
        if (!use) continue;
        const saysBasic = /基本支出/.test(use.words);
        const saysProject = /项目支出/.test(use.words);
        if (saysBasic === saysProject) continue;
        const row = xiangRowByNames(ctx.model.tables.T05, s.lei, s.kuan, s.xiang);
        const basic = row?.values.basic;
        const project = row?.values.project;
        if (!row || !basic || !project) continue;
        const wrong = saysBasic ? basic.wan.isZero() && project.wan.gt(0) : project.wan.isZero() && basic.wan.gt(0);
        if (!wrong) continue;
        const statedWord = saysBasic ? "基本支出" : "项目支出";
        const tableWord = saysBasic ? "项目支出" : "基本支出";
        const fig = saysBasic ? project : basic;
        const at = use.start + use.words.indexOf(statedWord);
        out.push(
          narrativeFinding("N-item-kind", ctx.sheet, {
            row: s.row,
            text: p.text.slice(Math.max(0, at - 12), at + statedWord.length),
            slots: { subject: subjectName(s), stated: statedWord, expected: tableWord, amount: formatNumber(fig.wan, "fixed2"), cell: `${fig.source.sheet}!${fig.source.cell}` },
            stated: statedWord,
            expected: tableWord,
          }),
        );
      }
    }
    return out;
  },
};
