/**
 * The reader's own findings: each unreadable amount at its cell (a formula without a cached value,
 * an error value, text/TRUE/a date where an amount belongs, an implausible magnitude), suspicious
 * decimals, tables found in more than one place and tables with no data row. Rule texts are in
 * data/rules/recognition.json. checkWorkbook adds them (the CLI adds them when it does not yet).
 */
import recognitionRules from "../data/rules/recognition.json";
import type { Finding, Severity } from "../findings";
import type { ReportModel, RecognitionReport, Source, UnreadableCell } from "../model/types";
import { fill } from "../money/wording";
import { tableDisplayName } from "./defs";

type RuleKey = keyof typeof recognitionRules.rules;

function finding(key: RuleKey, slots: Record<string, string | number>, place: Partial<Finding>): Finding {
  const r = recognitionRules.rules[key];
  return { rule: r.id, severity: r.severity as Severity, message: fill(r.message, slots), ...place };
}

const WHAT: Record<UnreadableCell["kind"], string> = {
  formula: "公式没有计算结果",
  error: "错误值",
  boolean: "逻辑值",
  date: "日期",
  text: "文字",
  magnitude: "数值过大",
};

const where = (s: Source & { hidden?: boolean }) => `工作表“${s.sheet}”${s.cell}${s.hidden ? "（隐藏）" : ""}`;

/** One line of the recognition summary for an unreadable cell. */
export function unreadableText(u: UnreadableCell): string {
  return `工作表“${u.sheet}”${u.cell}“${u.text}”无法读取为金额（${WHAT[u.kind]}），未按0处理`;
}

/** One line of the recognition summary for a table found in several places. */
export function duplicateText(d: NonNullable<RecognitionReport["duplicates"]>[number]): string {
  return `${tableDisplayName(d.key)}出现在多处：使用${where(d.used)}，未使用${d.skipped.map(where).join("、")}（${d.reason}）`;
}

export function readerFindings(model: ReportModel): Finding[] {
  const r = model.recognition;
  const out: Finding[] = [];
  for (const u of r.unreadable ?? []) {
    const place = { sheet: u.sheet, cell: u.cell };
    const slots = { cell: u.cell, text: u.text, what: WHAT[u.kind] };
    if (u.kind === "formula") out.push(finding("unreadableFormula", slots, place));
    else if (u.kind === "error") out.push(finding("unreadableError", slots, place));
    else if (u.kind === "magnitude") out.push(finding("implausibleMagnitude", slots, place));
    else out.push(finding("unreadableValue", slots, place));
  }
  for (const n of r.narrativeUnread ?? []) {
    out.push(finding("unreadableNarrative", { cell: n.cell, text: n.text, what: n.text.startsWith("=") ? "没有计算结果的公式" : "错误值" }, { sheet: n.sheet, cell: n.cell }));
  }
  for (const s of r.suspicious ?? []) out.push(finding("suspiciousDecimals", { cell: s.cell, text: s.text }, { sheet: s.sheet, cell: s.cell }));
  for (const d of r.duplicates ?? []) {
    out.push(
      finding(
        "duplicateTable",
        { table: tableDisplayName(d.key), used: where(d.used), skipped: d.skipped.map(where).join("、"), reason: d.reason },
        { sheet: d.used.sheet, cell: d.used.cell },
      ),
    );
  }
  for (const k of r.emptyTables ?? []) {
    const t = model.tables[k];
    out.push(finding("emptyTable", { table: tableDisplayName(k) }, t ? { sheet: t.sheet, cell: t.titleSource.cell } : {}));
  }
  return out;
}
