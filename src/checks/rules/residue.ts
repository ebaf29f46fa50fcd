/**
 * What the template or the generator left in the text: residue of the template (“增加/减少”, 填写说明, “XX”), the
 * generator's 【请填写：…】 markers, and chart markers (“（图1）”) of a text that has no chart.
 */
import type { Finding } from "../../findings";
import residueData from "../../data/narrative/residue.json";
import terms from "../../data/narrative/terms.json";
import { fill } from "../../money/wording";
import { narrativeFinding, textRule } from "../../narrative/catalogue";
import { clauseAround, textParagraphs, type TextRule } from "./textRule";

const RESIDUE = residueData.residue.map((r) => ({ kind: r.kind, re: new RegExp(r.pattern, "gu") }));
/** Matches where any residue pattern matches: most paragraphs are ruled out in one scan (not with backreferences, which the alternation would renumber). */
const ANY_RESIDUE = residueData.residue.some((r) => /\\[1-9]|\\k</.test(r.pattern))
  ? { test: (_: string) => true }
  : new RegExp(residueData.residue.map((r) => `(?:${r.pattern})`).join("|"), "u");
const RESIDUE_HINT: Record<string, string> = {
  alternatives: "请按实际增减情况选用其一（无变化时写“持平”）",
  instruction: "这是模板的填写说明，请删除",
  placeholder: "请填写实际内容或删除该句",
  ellipsisInstruction: "请按括号中的提示填写实际内容，或删除该句",
};
const CHART_RE = new RegExp(terms.chartPattern, "gu");
/** N-chart-marker's message for pasted text (text.json messagePasted). */
const CHART_PASTED = (textRule("N-chart-marker") as ReturnType<typeof textRule> & { messagePasted: string }).messagePasted;
/** The generator's marker for text the accountant must supply: 【请填写：国内公务接待的主要用途】. */
const FILL_MARKER_RE = /【\s*请填写\s*[：:]?\s*([^】]*)】/gu;

export const residue: TextRule = {
  ids: ["N-residue", "N-fill-marker", "N-chart-marker"],
  check(ctx) {
    const out: Finding[] = [];
    const parsed = ctx.parsed;
    if (!parsed) return out;
    const { sheet, on } = ctx;
    const textParas = textParagraphs(ctx);

    // template residue
    if (on("N-residue")) {
      for (const p of textParas) {
        const masked = p.text.replace(CHART_RE, (m) => " ".repeat(m.length));
        if (!ANY_RESIDUE.test(masked)) continue;
        const spans: { s: number; e: number; kind: string; tokens?: string[] }[] = [];
        for (const r of RESIDUE) {
          r.re.lastIndex = 0;
          for (const m of masked.matchAll(r.re)) spans.push({ s: m.index!, e: m.index! + m[0].length, kind: r.kind });
        }
        spans.sort((a, b) => a.s - b.s || b.e - a.e);
        const merged: typeof spans = [];
        for (const sp of spans) {
          const last = merged[merged.length - 1];
          // overlapping, or alternatives of one clause ("增加/减少0万元，增长/下降0%")
          if (last && (sp.s < last.e || (sp.kind === last.kind && sp.kind === "alternatives" && sp.s - last.e <= 12 && !/[。；;]/.test(p.text.slice(last.e, sp.s))))) {
            if (sp.s >= last.e) last.tokens!.push(p.text.slice(sp.s, sp.e));
            if (sp.e > last.e) last.e = sp.e;
            continue;
          }
          merged.push({ ...sp, tokens: [p.text.slice(sp.s, sp.e)] });
        }
        for (const sp of merged) {
          const token = sp.tokens!.join("”“");
          out.push(
            narrativeFinding("N-residue", sheet, {
              row: p.row,
              text: clauseAround(p.text, sp.s, sp.e),
              slots: { token, hint: RESIDUE_HINT[sp.kind] ?? "" },
              stated: token,
            }),
          );
        }
      }
    }

    // 【请填写：…】 markers left by the generator where a reason or figure must come from the accountant
    if (on("N-fill-marker")) {
      for (const p of textParas) {
        for (const m of p.text.matchAll(FILL_MARKER_RE)) {
          const what = (m[1] ?? "").trim() || "此处内容";
          out.push(
            narrativeFinding("N-fill-marker", sheet, {
              row: p.row,
              text: clauseAround(p.text, m.index!, m.index! + m[0].length),
              slots: { token: m[0], what },
              stated: m[0],
            }),
          );
        }
      }
    }

    // chart markers
    if (on("N-chart-marker")) {
      for (const c of parsed.claims) {
        if (c.kind !== "chart") continue;
        const f = narrativeFinding("N-chart-marker", sheet, { row: c.row, text: c.text, slots: { token: c.text }, ...(ctx.pasted ? { severity: "info" as const } : {}) });
        // In pasted text the chart, if the report has it, is not seen: a note to check, not a warning.
        if (ctx.pasted) f.message = fill(CHART_PASTED, { token: c.text });
        out.push(f);
      }
    }
    return out;
  },
};
