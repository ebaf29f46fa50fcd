/**
 * The text against itself, in words: “持平” followed by a reason that describes a change, doubled punctuation
 * (“。。”) or two different marks in a row (“，。”), and a word written twice (“主要是主要是”).
 */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import type { ReportRule } from "./types";

/** “…持平。主要原因：…减少…” (the reason may stand in the next paragraph). */
const FLAT = /持平[。，,；;]?\s*(?:其|主要)?\s*(?:变动)?原因(?:是|为)?[:：]?/u;
const CHANGE_WORDS = /(?<!未|没有|无|不|未有|并未)(减少|增加|下降|增长|降低|提高|压减|缩减|上升)/u;
const DOUBLED = /([。，；：！？、])\1+/gu;
/** Two different marks in a row (“，。”, “；，”, “。，”): one of them is left over. */
const MIXED = /[，；：、](?=[。，；])|[。](?=[，；、])/gu;
/** A word of 2–4 characters written twice in a row (not reduplicated adjectives such as “常常”: length ≥ 2 each). */
// “预算预算” only where it is not a budget kind followed by its 预算数 (“一般公共预算预算数”, “基金预算预算”).
const REPEATED = /(主要是|主要|原因是|其中|用于|以及|一是|二是|三是|决算|财政拨款|增加|减少|(?<!公共|基金|经营|资本)预算)\1/gu;

export const wording: ReportRule = {
  ids: ["N-flat-reason", "N-repeat"],
  check(ctx) {
    const out: Finding[] = [];
    const parsed = ctx.parsed;
    if (!parsed) return out;
    const paras = parsed.paragraphs;
    for (let i = 0; i < paras.length; i++) {
      const p = paras[i];
      if (ctx.on("N-flat-reason")) {
        const m = FLAT.exec(p.text);
        if (m) {
          let reason = p.text.slice(m.index + m[0].length).split(/[。]/u)[0];
          if (reason.trim() === "" && i + 1 < paras.length && paras[i + 1].kind === "body") reason = paras[i + 1].text.split(/[。]/u)[0];
          const w = CHANGE_WORDS.exec(reason);
          if (w) {
            out.push(
              narrativeFinding("N-flat-reason", ctx.sheet, {
                row: p.row,
                text: p.text.slice(Math.max(0, m.index - 16), m.index + m[0].length),
                slots: { word: w[1], reason: reason.trim().slice(0, 40) },
                stated: "持平",
              }),
            );
          }
        }
      }
      if (ctx.on("N-repeat")) {
        MIXED.lastIndex = 0;
        for (const m of p.text.matchAll(MIXED)) {
          const pair = p.text.slice(m.index!, m.index! + 2);
          const keep = pair.includes("。") ? "。" : pair[0];
          out.push(narrativeFinding("N-repeat", ctx.sheet, { row: p.row, text: p.text.slice(Math.max(0, m.index! - 8), m.index! + 2), slots: { stated: pair, expected: keep }, stated: pair, expected: keep }));
        }
        for (const re of [DOUBLED, REPEATED]) {
          re.lastIndex = 0;
          for (const m of p.text.matchAll(re)) {
            out.push(narrativeFinding("N-repeat", ctx.sheet, { row: p.row, text: p.text.slice(Math.max(0, m.index! - 8), m.index! + m[0].length), slots: { stated: m[0], expected: m[1] }, stated: m[0], expected: m[1] }));
          }
        }
      }
    }
    return out;
  },
};
