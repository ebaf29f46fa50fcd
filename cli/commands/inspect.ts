/** `juesuan inspect <file.xlsx> [--json]`: what the reader recognised in a workbook. */
import * as fs from "fs";
import * as path from "path";
import { JuesuanError } from "../../src/money/errors";
import { readWorkbook } from "../adapters/workbook";
import { parseArgs, type Command } from "../io";
import { TABLE_KEYS, type ReportModel } from "../../src/model/types";
import { findRow, KEY_FIGURES, keyFigures, t05Items, wan2 } from "../../src/reader/figures";
import { duplicateText, unreadableText } from "../../src/reader/findings";
import { readReport } from "../../src/reader/recognise";
import { tableDisplayName } from "../../src/reader/defs";

/** The JSON shape of `inspect --json`. */
export function inspectJson(model: ReportModel) {
  const tables: Record<string, { sheet: string; unit: string; cell: string } | null> = {};
  for (const k of TABLE_KEYS) {
    const t = model.tables[k];
    tables[k] = t ? { sheet: t.sheet, unit: t.unit, cell: t.titleSource.cell } : null;
  }
  const figures: Record<string, string | null> = {};
  for (const [name, f] of Object.entries(keyFigures(model))) figures[name] = f ? wan2(f.value) : null;
  // A cell that could not be read is null (unknown), never "0.00".
  const shown = (i: ReturnType<typeof t05Items>[number], col: "total" | "basic" | "project") => (i.row.unreadable?.[col] ? null : wan2(i[col]));
  const items = t05Items(model).map((i) => ({ code: i.code, name: i.name, total: shown(i, "total"), basic: shown(i, "basic"), project: shown(i, "project") }));
  const r = model.recognition;
  return {
    year: model.year ?? null,
    unitName: model.unitName ?? null,
    template: model.template,
    tables,
    figures,
    items,
    supplement: model.supplement ? { sheet: model.supplement.sheet, unit: model.supplement.unit, rows: model.supplement.rows.length } : null,
    narrative: model.narrative ? { sheet: model.narrative.sheet, paragraphs: model.narrative.paragraphs.length } : null,
    forms: model.forms,
    problems: {
      missing: r.missing,
      unclassifiedRows: r.unclassifiedRows,
      unknownSupplementLabels: r.unknownSupplementLabels,
      unreadable: r.unreadable ?? [],
      suspicious: r.suspicious ?? [],
      duplicates: r.duplicates ?? [],
      emptyTables: r.emptyTables ?? [],
      messages: r.messages,
    },
  };
}

/** True when a key figure is absent because its cell could not be read (rather than not found). */
function unreadableFigure(model: ReportModel, name: string): boolean {
  const k = KEY_FIGURES.find((x) => x.name === name);
  return !!k && !!findRow(model.tables[k.table], k.row, k.side)?.unreadable?.[k.col];
}

function summary(file: string, model: ReportModel): string {
  const j = inspectJson(model);
  const out: string[] = [];
  out.push(`工作簿：${path.basename(file)}`);
  out.push(`年度：${model.year ?? "未识别"}　单位：${model.unitName ?? "未识别"}　模板：${model.template === "national-2024" ? "全国 2024 版" : "四川 2020 版"}`);
  out.push("");
  out.push("公开表：");
  for (const k of TABLE_KEYS) {
    const t = j.tables[k];
    out.push(t ? `  ✓ ${tableDisplayName(k)}　工作表“${t.sheet}”${t.cell}　单位：${t.unit}` : `  ✗ ${tableDisplayName(k)}　未找到`);
  }
  out.push("");
  out.push("主要数字（万元）：");
  for (const [name, v] of Object.entries(j.figures)) out.push(`  ${name}：${v ?? (unreadableFigure(model, name) ? "无法读取（见下方“需要注意”）" : "—")}`);
  if (j.items.length) {
    out.push("");
    out.push("一般公共预算财政拨款支出（项）：");
    for (const i of j.items) out.push(`  ${i.code} ${i.name}：合计 ${i.total ?? "无法读取"}，基本支出 ${i.basic ?? "无法读取"}，项目支出 ${i.project ?? "无法读取"}`);
  }
  const problems = [
    ...model.recognition.missing.map((k) => `未找到${tableDisplayName(k)}`),
    ...model.recognition.unclassifiedRows.map((u) => `工作表“${u.sheet}”第${u.row}行“${u.label}”无法归类`),
    ...model.recognition.unknownSupplementLabels.map((u) => `补充数据第${u.row}行“${u.label}”不是已知项目`),
    ...(model.recognition.duplicates ?? []).map(duplicateText),
    ...(model.recognition.emptyTables ?? []).map((k) => `${tableDisplayName(k)}中没有读到任何数据行（可能被合并单元格覆盖或格式无法识别）`),
    ...(model.recognition.unreadable ?? []).map(unreadableText),
  ];
  out.push("");
  out.push(`补充数据：${j.supplement ? `工作表“${j.supplement.sheet}”，${j.supplement.rows}行，单位：${j.supplement.unit}` : "未找到"}`);
  out.push(`情况说明：${j.narrative ? `工作表“${j.narrative.sheet}”，${j.narrative.paragraphs}段` : "未找到"}`);
  out.push(`项目绩效表：${j.forms.length}张`);
  out.push("");
  out.push(problems.length ? `需要注意（${problems.length}）：` : "未发现识别问题。");
  for (const p of problems) out.push(`  · ${p}`);
  return out.join("\n") + "\n";
}

export const inspect: Command = async (args, io) => {
  const { positional, flags } = parseArgs(args);
  if (positional.length !== 1) {
    io.stderr("用法：juesuan inspect <文件.xlsx> [--json]\n");
    return 2;
  }
  const file = path.resolve(io.cwd, positional[0]);
  // ExcelJS reports a missing file as a generic error; say what is wrong in the user's words.
  if (!fs.existsSync(file)) throw new JuesuanError("file-not-found", `找不到文件“${positional[0]}”`);
  const snapshot = await readWorkbook(file);
  const model = readReport(snapshot);
  if (flags.json) io.stdout(JSON.stringify(inspectJson(model), null, 2) + "\n");
  else io.stdout(summary(positional[0], model));
  return 0;
};
