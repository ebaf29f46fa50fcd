/**
 * A 项目支出绩效自评表 pasted as text (one line per form, as a PDF gives it): the 项目资金 block
 * “年度资金总额 年初预算数 全年预算数 全年执行数 分值 执行率 得分 / 其中：本年财政拨款 … / 上年结转资金 … / 其他资金 …”.
 * The total row must be the sum of its 其中 rows, and the 执行率 the 执行数 over the 全年预算数.
 */
import Decimal from "decimal.js";
import type { Finding } from "../../findings";
import { rateConsistent, tailTolerance } from "../../money/calc";
import { formatNumber } from "../../money/format";
import { narrativeFinding } from "../../narrative/catalogue";
import type { ReportRule } from "./types";

const NUM = String.raw`(?:\d+(?:\.\d+)?%?)`;
const ROW = (label: string, max: number) => new RegExp(String.raw`${label}[:：]?\s*((?:${NUM}\s+){0,${max}}${NUM}?)(?=\s|$)`, "u");
const TOTAL = ROW("年度资金总额", 6);
const PARTS = [ROW("(?:本年|当年)财政拨款(?:资金)?", 3), ROW("上年结转(?:资金)?", 3), ROW("其他资金", 3)];

const nums = (s: string | undefined) => (s ?? "").trim().split(/\s+/u).filter(Boolean);
const ft = (d: Decimal) => formatNumber(d, "trim");

export const formText: ReportRule = {
  ids: ["P-form-total", "P-form-rate"],
  check(ctx) {
    const out: Finding[] = [];
    if (!ctx.parsed) return out;
    for (const p of ctx.parsed.paragraphs) {
      if (!/项目资金/.test(p.text) || !/年初预算数\s*全年预算数\s*全年执行数/.test(p.text)) continue;
      const t = TOTAL.exec(p.text);
      if (!t) continue;
      const total = nums(t[1]);
      const parts = PARTS.map((re) => {
        const m = re.exec(p.text.slice(t.index));
        return m ? nums(m[1]) : null;
      });
      if (total.length < 3 || !parts[0] || parts[0].length !== 3) continue;
      if (parts.some((x) => x && x.length !== 0 && x.length !== 3) || total.slice(0, 3).some((x) => x.endsWith("%"))) continue;
      const col = (i: number) => parts.reduce((s, x) => s.plus(x && x.length ? new Decimal(x[i]) : 0), new Decimal(0));
      const labels = ["年初预算数", "全年预算数", "全年执行数"];
      const bad = [0, 1, 2].filter((i) => new Decimal(total[i]).minus(col(i)).abs().gt(tailTolerance(parts.filter((x) => x && x.length).length)));
      if (bad.length && ctx.on("P-form-total")) {
        out.push(
          narrativeFinding("P-form-total", ctx.sheet, {
            row: p.row,
            text: p.text.slice(t.index, t.index + t[0].length).trim(),
            slots: { items: bad.map((i) => `${labels[i]}为${total[i]}，其中各行之和为${ft(col(i))}`).join("；") },
            stated: bad.map((i) => total[i]).join("/"),
            expected: bad.map((i) => ft(col(i))).join("/"),
          }),
        );
      }
      // 执行率 (the 5th figure) against the 执行数 and 全年预算数 the form's rows support.
      if (total.length >= 5 && ctx.on("P-form-rate")) {
        const budget = bad.includes(1) ? col(1) : new Decimal(total[1]);
        const actual = bad.includes(2) ? col(2) : new Decimal(total[2]);
        if (budget.isZero()) continue;
        const raw = total[4].replace(/%$/u, "");
        const stated = new Decimal(raw);
        const dp = raw.includes(".") ? raw.split(".")[1].length : 0;
        const asPercent = rateConsistent(stated, actual, budget, { dp });
        const asFraction = !total[4].endsWith("%") && stated.lte(1) && rateConsistent(stated.times(100), actual, budget, { dp: Math.max(0, dp - 2) });
        if (!asPercent && !asFraction) {
          out.push(
            narrativeFinding("P-form-rate", ctx.sheet, {
              row: p.row,
              text: `执行率 ${total[4]}`,
              slots: { stated: total[4], actual: ft(actual), budget: ft(budget), expected: actual.div(budget).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2) },
              stated: total[4],
            }),
          );
        }
      }
    }
    return out;
  },
};
