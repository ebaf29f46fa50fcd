/** 名词解释: every 五（三）科目 explained there, under the same 类/款/项 names. */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import { classCore, currentName, squeeze } from "../../narrative/parse";
import type { ParsedNarrative, SubjectClaim } from "../../narrative/types";
import type { TextRule } from "./textRule";

export const glossary: TextRule = {
  ids: ["N-glossary-missing", "N-glossary-name"],
  check(ctx) {
    return ctx.parsed ? glossaryRules(ctx.parsed, ctx.sheet, ctx.on) : [];
  },
};

export function glossarySubjects(parsed: ParsedNarrative): SubjectClaim[] {
  const out: SubjectClaim[] = [];
  for (const c of parsed.claims) if (c.kind === "glossary" && c.subject) out.push(c.subject);
  return out;
}

function pathOf(s: SubjectClaim): string {
  return `${s.lei}（类）${s.kuan}（款）${s.xiang}（项）`;
}

function glossaryRules(parsed: ParsedNarrative, sheet: string, on: (id: string) => boolean): Finding[] {
  const out: Finding[] = [];
  const glossaryPart = parsed.parts.find((p) => p.part === "glossary");
  if (!glossaryPart) return out;
  const body = parsed.claims.filter((c): c is SubjectClaim => c.kind === "subject" && c.canonical === "5.3");
  const gloss = glossarySubjects(parsed);
  const norm = (x: string) => currentName(squeeze(x));
  for (const b of body) {
    const sameItem = gloss.filter((g) => norm(g.xiang) === norm(b.xiang) && (classCore(g.lei) === classCore(b.lei) || norm(g.kuan) === norm(b.kuan)));
    const exact = sameItem.find((g) => norm(g.kuan) === norm(b.kuan) && classCore(g.lei) === classCore(b.lei));
    if (!sameItem.length) {
      if (on("N-glossary-missing"))
        out.push(narrativeFinding("N-glossary-missing", sheet, { row: glossaryPart.row, text: pathOf(b), slots: { subject: pathOf(b) }, expected: pathOf(b) }));
      continue;
    }
    if (!exact && on("N-glossary-name")) {
      const g = sameItem[0];
      out.push(narrativeFinding("N-glossary-name", sheet, { row: g.row, text: g.text, slots: { stated: pathOf(g), expected: pathOf(b) }, stated: pathOf(g), expected: pathOf(b) }));
    }
  }
  return out;
}
