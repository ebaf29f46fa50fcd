/**
 * Brackets and quotation marks opened and never closed in a paragraph, or closed without being opened
 * (“平均得分99.33分（其中，绩效评级为“优”的项目39个；…发现问题0个。”). （ and ( close with ） or ) alike (mixed widths are
 * the half-width rule's business); a closing mark of a numbering (“1）”, “（2）” is balanced, “一)”) is not a bracket.
 * A paragraph whose open bracket the next paragraph closes first (a sentence broken over rows), or that does not end a
 * sentence (an excerpt cut short), is not reported for what it left open.
 */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import type { ParsedParagraph } from "../../narrative/types";
import { clauseAround, textParagraphs, type TextRule } from "./textRule";

const PAIRS: Record<string, string> = { "（": "（", "(": "（", "）": "（", ")": "（", "【": "【", "】": "【", "“": "“", "”": "“", "《": "《", "》": "《" };
const OPENS = new Set(["（", "(", "【", "“", "《"]);
const NAME: Record<string, string> = { "（": "括号", "【": "方括号", "“": "引号", "《": "书名号" };
/** “1）”, “二)”, “①)” at the start of the paragraph or after a separator: a list number, not a bracket. */
const NUMBERING_CLOSE = /(?:^|[\s，,；;：:。、])[\d一二三四五六七八九十①-⑳]{1,3}$/u;

interface Unmatched {
  at: number;
  kind: string;
  open: boolean;
}

function unmatched(text: string): Unmatched[] {
  const stack: Unmatched[] = [];
  const lone: Unmatched[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const kind = PAIRS[ch];
    if (!kind) continue;
    if (OPENS.has(ch)) {
      stack.push({ at: i, kind, open: true });
      continue;
    }
    const top = stack.length ? stack[stack.length - 1] : undefined;
    if (top && top.kind === kind) {
      stack.pop();
      continue;
    }
    if (kind === "（" && NUMBERING_CLOSE.test(text.slice(Math.max(0, i - 4), i))) continue;
    // A closing mark of another kind than the innermost open one: the open one is the unmatched one when the
    // close matches something further out, else the close is.
    const outer = stack.map((s) => s.kind).lastIndexOf(kind);
    if (outer >= 0) {
      lone.push(...stack.splice(outer + 1));
      stack.pop();
    } else lone.push({ at: i, kind, open: false });
  }
  return [...lone, ...stack].sort((a, b) => a.at - b.at);
}

/** The next paragraph closes first what this one left open: one sentence over two rows. */
function continuesBelow(next: ParsedParagraph | undefined, open: Unmatched[]): boolean {
  if (!next || open.length === 0) return false;
  const firstOfNext = unmatched(next.text).find((u) => !u.open);
  return firstOfNext !== undefined && firstOfNext.kind === open[open.length - 1].kind;
}

export const brackets: TextRule = {
  ids: ["N-unbalanced-bracket"],
  check(ctx) {
    const out: Finding[] = [];
    if (!ctx.parsed || !ctx.on("N-unbalanced-bracket")) return out;
    const paras = textParagraphs(ctx).filter((p) => p.kind !== "chart");
    paras.forEach((p, i) => {
      const bad = unmatched(p.text);
      if (bad.length === 0) return;
      const opens = bad.filter((u) => u.open);
      if (opens.length === bad.length && continuesBelow(paras[i + 1], opens)) return;
      // A paragraph that does not end a sentence may be cut (an excerpt, a web page's header line): what it left
      // open may close in the part that is missing.
      if (opens.length === bad.length && !/[。！？!?；;）)”》】]\s*$/u.test(p.text)) return;
      // A paragraph that starts by closing what the previous one left open is the other half of that sentence.
      if (i > 0 && !bad[0].open && bad.every((u) => !u.open) && unmatched(paras[i - 1].text).some((u) => u.open && u.kind === bad[0].kind)) return;
      const first = bad[0];
      // The quotation marks themselves are not quoted (the message's own “” would not pair).
      const mark = first.kind === "“" ? "" : `“${p.text[first.at]}”`;
      const what = `${first.open ? "左" : "右"}${NAME[first.kind]}${mark}没有配对`;
      out.push(
        narrativeFinding("N-unbalanced-bracket", ctx.sheet, {
          row: p.row,
          text: clauseAround(p.text, first.at, first.at + 1),
          slots: { what, count: bad.length > 1 ? `等${bad.length}处` : "" },
          stated: p.text[first.at],
        }),
      );
    });
    return out;
  },
};
