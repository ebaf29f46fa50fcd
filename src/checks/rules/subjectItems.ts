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

const COMPARISON = /决算数?\s*(大于|高于|超过|多于|小于|低于|少于|等于)\s*(?:年初|全年|调整后?)?预算数?|决算数?\s*与\s*(?:年初|全年|调整后?)?预算数?\s*(基本)?\s*(持平|一致|相等|相同)/u;
const WORD_DIR: Record<string, "over" | "under" | "equal"> = {
  大于: "over", 高于: "over", 超过: "over", 多于: "over", 小于: "under", 低于: "under", 少于: "under", 等于: "equal",
  持平: "equal", 一致: "equal", 相等: "equal", 相同: "equal",
};
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
      // Only the text of this item: up to the next 科目 path of the same paragraph.
      const next = subjects.find((o) => o.row === s.row && o.start > s.start);
      const body = p.text.slice(s.end, next ? next.start : undefined);
      const offset = s.end;
      if (ctx.on("N-item-comparison") && s.budget && s.amount) {
        const m = COMPARISON.exec(body);
        if (m) {
          const word = m[1] ?? m[3];
          const basic = m[2] === "基本";
          const stated = WORD_DIR[word];
          const a = s.budget.value;
          const b = s.amount.value;
          const actual = b.gt(a) ? "over" : b.lt(a) ? "under" : "equal";
          // “基本持平” with unequal figures is a judgement, not a contradiction.
          if (stated !== actual && !(basic && stated === "equal")) {
            out.push(
              narrativeFinding("N-item-comparison", ctx.sheet, {
                row: s.row,
                text: m[0],
                slots: { subject: subjectName(s), budget: ft(a), actual: ft(b), expectedWord: DIR_WORD[actual], stated: m[0].replace(/\s+/g, "") },
                stated: m[0].replace(/\s+/g, ""),
                expected: `决算数${DIR_WORD[actual]}预算数`,
              }),
            );
          }
        }
      }
      if (ctx.on("N-item-kind")) {
        const use = /主要用于[:：]?([^。]*)/u.exec(body);
        if (!use) continue;
        const saysBasic = /基本支出/.test(use[1]);
        const saysProject = /项目支出/.test(use[1]);
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
        const at = use.index + use[0].indexOf(statedWord) + offset;
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
