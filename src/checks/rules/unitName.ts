/**
 * The department's name is written the same everywhere it names the report: report and part titles
 * (“第二部分 上海市普陀区财政局2024年度部门决算表”), the tables' 编制单位, the 情况说明's part headings.
 * A name copied from another department's report is a real and common defect of published reports (the peer
 * GovBudgetChecker's R006). Only titles and 编制单位 fields are read — never body sentences, which may name other
 * units (上级部门, 区财政局) — and names that are not a name (本部门, 我单位) are skipped. Two names of which
 * neither contains the other are 提示; a short form of the full name (普陀区财政局 / 上海市普陀区财政局) is 信息.
 * In body sentences only the own name with a conjunction swapped is read (nearMisses).
 */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import { cellText, compactText } from "../../reader/labels";
import { a1, isSheetHidden } from "../../workbook/snapshot";
import type { ReportRule } from "./types";

interface Place {
  name: string;
  sheet: string;
  cell?: string;
  row?: number;
  text: string;
}

/** A unit name before the report year of a title: “[第N部分]X2024年度部门决算…”. */
const TITLE = /^(?:第[一二三四五六七八九十]+部分)?[：:、.．\s]*(.{2,40}?)[（(]?(?:19|20)\d{2}年度?[）)]?(?:部门|单位)?(?:决算|预算|概况)/u;
const FIELD = /^(?:编制单位|编制部门|填报单位|单位名称|部门名称)[:：](.{2,40})$/u;
/** Not a name: a pronoun, a placeholder, a generic word. */
const NOT_A_NAME = /^(?:本|我|该|全|各|某)|^第[一二三四五六七八九十]+部分|^(?:部门|单位|预算单位|决算|年度)$|XX|××|某某|\d/iu;

function clean(name: string): string | null {
  const n = name
    .replace(/(金额)?单位[:：].*$/u, "")
    .replace(/[“”"'「」《》]/gu, "")
    .replace(/[（(](?:本级|汇总|合并)[）)]$/u, "")
    .trim();
  if (n.length < 2 || NOT_A_NAME.test(n)) return null;
  return n;
}

function places(ctx: Parameters<ReportRule["check"]>[0]): Place[] {
  const out: Place[] = [];
  const narrativeSheet = ctx.model.narrative?.sheet;
  for (const sheet of ctx.snapshot.sheets) {
    if (isSheetHidden(sheet)) continue;
    // The 情况说明's own title is read below from its parts, once.
    if (sheet.name === narrativeSheet && ctx.parsed) continue;
    for (let r = 0; r < Math.min(sheet.values.length, 4); r++) {
      const line = sheet.values[r];
      for (let c = 0; c < Math.min(line.length, 12); c++) {
        const raw = cellText(line[c]);
        if (!raw.trim() || raw.length > 80) continue;
        const t = compactText(raw);
        const m = FIELD.exec(t) ?? TITLE.exec(t);
        const name = m ? clean(m[1]) : null;
        if (name) out.push({ name, sheet: sheet.name, cell: a1(sheet.origin.row + r, sheet.origin.col + c), text: raw.trim() });
      }
    }
  }
  for (const p of ctx.parsed?.parts ?? []) {
    const m = TITLE.exec(compactText(p.text));
    const name = m ? clean(m[1]) : null;
    if (name) out.push({ name, sheet: ctx.sheet, row: p.row, text: p.text.trim() });
  }
  return out;
}

/** Conjunctions a name is mistyped with: “规划与自然资源局” for “规划和自然资源局”. */
const CONJUNCTIONS = "和与及暨";

/**
 * Body sentences are never read for names (they name other units), with one exception that cannot be another unit:
 * the department's own name with one conjunction swapped (和↔与↔及), same length, every other character equal.
 */
function nearMisses(ctx: Parameters<ReportRule["check"]>[0], usual: string): Place[] {
  const out: Place[] = [];
  const positions = [...usual].flatMap((ch, i) => (CONJUNCTIONS.includes(ch) ? [i] : []));
  if (positions.length === 0 || !ctx.parsed) return out;
  const chars = [...usual];
  const variants = positions.flatMap((i) =>
    [...CONJUNCTIONS].filter((c) => c !== chars[i]).map((c) => [...chars.slice(0, i), c, ...chars.slice(i + 1)].join("")),
  );
  const seen = new Set<string>();
  for (const p of ctx.parsed.paragraphs) {
    if (p.kind === "empty") continue;
    const t = compactText(p.text);
    for (const v of variants) {
      const key = `${p.row}:${v}`;
      if (!t.includes(v) || seen.has(key)) continue;
      seen.add(key);
      out.push({ name: v, sheet: ctx.sheet, row: p.row, text: p.text.trim() });
    }
  }
  return out;
}

export const unitName: ReportRule = {
  ids: ["N-unit-name"],
  check(ctx) {
    const out: Finding[] = [];
    if (!ctx.on("N-unit-name")) return out;
    const all = places(ctx);
    const counts = new Map<string, number>();
    for (const p of all) counts.set(p.name, (counts.get(p.name) ?? 0) + 1);
    if (counts.size === 0) return out;
    // The name most places give is the reference; on a tie, the one the 情况说明 writes most often, then the one written
    // first (the cover or 公开01表 comes first).
    const first = (n: string) => all.findIndex((p) => p.name === n);
    const body = (ctx.parsed?.paragraphs ?? []).map((p) => compactText(p.text)).join("\n");
    const inBody = (n: string) => body.split(n).length - 1;
    const usual = [...counts.entries()].sort((a, b) => b[1] - a[1] || inBody(b[0]) - inBody(a[0]) || first(a[0]) - first(b[0]))[0][0];
    all.push(...nearMisses(ctx, usual).filter((m) => !all.some((p) => p.row === m.row && p.sheet === m.sheet && p.name === m.name)));
    if (new Set(all.map((p) => p.name)).size < 2) return out;
    const at = all.find((p) => p.name === usual)!;
    const where = at.cell ? `工作表“${at.sheet}”${at.cell}` : `${at.sheet}第${at.row}行`;
    for (const p of all) {
      if (p.name === usual) continue;
      const short = usual.includes(p.name) || p.name.includes(usual);
      const f = narrativeFinding("N-unit-name", p.sheet, {
        row: p.row ?? 0,
        text: p.text,
        severity: short ? "info" : undefined,
        slots: { name: p.name, usual, where, note: short ? "（简称与全称混用）" : "" },
        stated: p.name,
        expected: usual,
      });
      out.push(p.cell ? { ...f, row: undefined, cell: p.cell } : f);
    }
    return out;
  },
};
