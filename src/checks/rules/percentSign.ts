/**
 * A share or rate written without its “%” (“占58.94；”, “完成预算95.05，”, “下降40.01，”): the number cannot be read
 * as a percentage, so no other rule judges it. A number followed by any unit (万元, 个百分点, 倍, 人…) is not one, nor the
 * first digits of one written with thousands separators (“增长1,055.4%”).
 */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import type { ReportRule } from "./types";

const RATE_WITHOUT_SIGN =
  /(占(?:[^，。；、,;0-9]{0,12}?的)?|完成(?:年初|全年|调整后)?预算(?:数)?的?|执行率为?|增长|下降|降低|上升|增幅为?|降幅为?|减幅为?)\s*(\d{1,3}(?:\.\d{1,2})?)(?=\s*(?:[，。；;）)]|,(?!\d{3})|$))/gu;

export const percentSign: ReportRule = {
  ids: ["N-missing-percent"],
  check(ctx) {
    const out: Finding[] = [];
    if (!ctx.parsed || !ctx.on("N-missing-percent")) return out;
    const bodies = ctx.parsed.paragraphs.filter((p) => p.kind === "body");
    const last = bodies[bodies.length - 1];
    for (const p of bodies) {
      for (const m of p.text.matchAll(RATE_WITHOUT_SIGN)) {
        // a text that stops inside its last sentence (“…占48.9”: an excerpt cut short) has lost the rest, not the %
        if (p === last && m.index! + m[0].length >= p.text.trimEnd().length) continue;
        out.push(
          narrativeFinding("N-missing-percent", ctx.sheet, {
            row: p.row,
            text: m[0].trim(),
            slots: { stated: m[0].trim(), number: m[2] },
            stated: m[0].trim(),
            expected: `${m[0].trim()}%`,
          }),
        );
      }
    }
    return out;
  },
};
