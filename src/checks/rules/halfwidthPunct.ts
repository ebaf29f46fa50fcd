/** Half-width “, ; :” between Chinese characters (or between a Chinese character and a digit). */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import { clauseAround, textParagraphs, type TextRule } from "./textRule";

export const halfwidthPunct: TextRule = {
  ids: ["N-halfwidth-punct"],
  check(ctx) {
    const out: Finding[] = [];
    const parsed = ctx.parsed;
    if (!parsed) return out;
    const { sheet, on } = ctx;
    const textParas = textParagraphs(ctx);
    // half-width punctuation between Chinese
    if (on("N-halfwidth-punct")) {
      const HALF_WIDTH_NAME: Record<string, string> = { ",": "半角逗号", ";": "半角分号", ":": "半角冒号" };
      const cjk = /[\u4e00-\u9fa5\u3000-\u303f\uff08\uff09\u201c\u201d\uff0c\uff1b\uff1a（）]/u;
      for (const p of textParas) {
        const marks: string[] = [];
        let first = -1;
        const t = p.text;
        for (let i = 0; i < t.length; i++) {
          const ch = t[i];
          if (ch !== ";" && ch !== "," && ch !== ":") continue;
          let a = i - 1;
          while (a >= 0 && /\s/.test(t[a])) a--;
          let b = i + 1;
          while (b < t.length && /\s/.test(t[b])) b++;
          if (a >= 0 && b < t.length && cjk.test(t[a]) && (cjk.test(t[b]) || (/[0-9]/.test(t[b]) && /[\u4e00-\u9fa5]/.test(t[a])))) {
            // Name the character: “:” and “：” look alike in the pane's font. Quotes of the excerpt become 「」 so the message's own quotes stay balanced.
            const excerpt = t.slice(Math.max(0, i - 4), i + 5).trim().replace(/[“”"]/g, (q) => (q === "”" ? "」" : "「"));
            marks.push(`${HALF_WIDTH_NAME[ch]}“${ch}”（“${excerpt}”）`);
            if (first < 0) first = i;
          }
        }
        if (!marks.length) continue;
        out.push(
          narrativeFinding("N-halfwidth-punct", sheet, {
            row: p.row,
            text: clauseAround(t, first, first + 1),
            slots: { marks: marks.slice(0, 4).join("、") + (marks.length > 4 ? ` 等${marks.length}处` : "") },
          }),
        );
      }
    }
    return out;
  },
};
