/** A 类 written in two ways: within one 五（二）list, or with and without 支出 across 五（三）and the 名词解释. */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import { classCore, currentName } from "../../narrative/parse";
import type { ClassClaim, ParsedNarrative, SubjectClaim } from "../../narrative/types";
import { glossarySubjects } from "./glossary";
import type { TextRule } from "./textRule";

export const classRenderingRule: TextRule = {
  ids: ["N-class-rendering"],
  check(ctx) {
    return ctx.parsed ? classRendering(ctx.parsed, ctx.sheet, ctx.on) : [];
  },
};

function classRendering(parsed: ParsedNarrative, sheet: string, on: (id: string) => boolean): Finding[] {
  const out: Finding[] = [];
  if (!on("N-class-rendering")) return out;
  // within the 五(二) list
  const byRow = new Map<number, ClassClaim[]>();
  for (const c of parsed.claims) if (c.kind === "class") byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  for (const list of byRow.values()) {
    const count = new Map<string, number>();
    for (const c of list) count.set(c.form, (count.get(c.form) ?? 0) + 1);
    if (count.size < 2) continue;
    const usual = [...count.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const odd = list.filter((c) => c.form !== usual);
    out.push(
      narrativeFinding("N-class-rendering", sheet, {
        row: odd[0].row,
        text: odd.map((c) => c.text).join("、"),
        slots: { stated: odd.map((c) => c.text).join("、"), where: "同一列举中其他类", usual: usual.replace("X", list.find((c) => c.form === usual)!.core) },
      }),
    );
  }
  // 科目 paths: 类 written with or without 支出
  const body = parsed.claims.filter((c): c is SubjectClaim => c.kind === "subject" && c.canonical !== "glossary");
  const subjects = [...body, ...glossarySubjects(parsed)];
  const bodyStyle = body.length ? (body.filter((s) => /支出$/.test(s.lei)).length * 2 > body.length ? "支出" : "") : null;
  // A 五（三）item writing its 类 unlike most of the others is itself the odd one (not the 名词解释 that follows the rest).
  const withZhichu = body.filter((s) => /支出$/.test(s.lei)).length;
  const oddInBody = (s: SubjectClaim) => (withZhichu * 2 > body.length && !/支出$/.test(s.lei)) || (withZhichu * 2 < body.length && /支出$/.test(s.lei));
  const usualByCore = new Map<string, string>();
  for (const s of body) {
    if (oddInBody(s)) {
      const w = currentName(s.lei);
      out.push(narrativeFinding("N-class-rendering", sheet, { row: s.row, text: s.text, slots: { stated: `${s.lei}（类）`, where: "五（三）其他各项", usual: `${bodyStyle === "支出" ? `${w}支出` : w.replace(/支出$/, "")}（类）` } }));
    } else if (!usualByCore.has(classCore(s.lei))) usualByCore.set(classCore(s.lei), currentName(s.lei));
  }
  for (const s of subjects) {
    if (s.canonical !== "glossary") continue;
    const usual = usualByCore.get(classCore(s.lei));
    const written = currentName(s.lei);
    if (usual !== undefined && usual !== written) {
      out.push(narrativeFinding("N-class-rendering", sheet, { row: s.row, text: s.text, slots: { stated: `${s.lei}（类）`, where: "五（三）", usual: `${usual}（类）` } }));
    } else if (usual === undefined && bodyStyle !== null && /支出$/.test(written) !== (bodyStyle === "支出")) {
      const exp = bodyStyle === "支出" ? `${written}支出` : written.replace(/支出$/, "");
      out.push(narrativeFinding("N-class-rendering", sheet, { row: s.row, text: s.text, slots: { stated: `${s.lei}（类）`, where: "五（三）", usual: `${exp}（类）` } }));
    }
  }
  return out;
}
