/**
 * Recognises the nine 公开表, the 情况说明, the 补充数据 sheet and the performance forms of a
 * workbook snapshot, by titles, header words and row labels — never by fixed addresses.
 */
import { TABLE_KEYS, type FormLocation, type Narrative, type RecognitionReport, type ReportModel, type TableKey, type TableModel, type TableOverrides, type TemplateId } from "../model/types";
import { a1, isCellError, isCellFormula, isSheetHidden, parseA1, type WorkbookSnapshot } from "../workbook/snapshot";
import { TEMPLATE_RULES, TITLE_VARIANTS, tableDisplayName } from "./defs";
import { cellText, compactText, titleKey } from "./labels";
import { parseOverrides } from "./overrides";
import { SheetIndex, parseTable, type ParsedTable } from "./table";
import { duplicateText, unreadableText } from "./findings";
import { SUPPLEMENT_SHEET_NAMES, findSupplementHeader, readSupplement } from "./supplement";
import { assignExtraHits, isExtraKey, readExtraTables } from "./extraTables";

export { parseOverrides, serialiseOverrides } from "./overrides";

export interface ReadOptions {
  overrides?: TableOverrides;
}

const FORM_TITLES = ["项目绩效目标完成情况表", "项目支出绩效自评表"];
const MAX_TITLE_PREFIX = 40;
const BAD_PREFIX = /[，。；：！？]/;
const OK_SUFFIX = /^(（[^）]*）)?$/;

/**
 * Last characters of every table and form title (all CJK ideographs, which the label normalisation
 * never produces or changes): a cell containing none of them is no title, without normalising it.
 */
const TITLE_ENDS = [...new Set([...TITLE_VARIANTS.map((v) => v.variant), ...FORM_TITLES].map((t) => t[t.length - 1]))];
const mayBeTitle = TITLE_ENDS.every((ch) => /^[\u4e00-\u9fff]$/.test(ch))
  ? (text: string) => TITLE_ENDS.some((ch) => text.includes(ch))
  : () => true;

interface TitleHit {
  key: TableKey;
  sheet: number;
  row: number;
  col: number;
  variant: string;
}

/** The table a title cell names (longest title first), or null. */
export function matchTitle(text: string): { key: TableKey; variant: string; prefix: string } | null {
  if (text.length > 120 || !mayBeTitle(text)) return null;
  const t = titleKey(text);
  for (const v of TITLE_VARIANTS) {
    const i = t.lastIndexOf(v.variant);
    if (i < 0) continue;
    const prefix = t.slice(0, i);
    const suffix = t.slice(i + v.variant.length);
    if (prefix.length > MAX_TITLE_PREFIX || BAD_PREFIX.test(prefix) || !OK_SUFFIX.test(suffix)) continue;
    return { key: v.key, variant: v.variant, prefix };
  }
  return null;
}

function isFormTitle(text: string): string | null {
  if (text.length > 80 || !mayBeTitle(text)) return null;
  const t = compactText(text);
  for (const f of FORM_TITLES) {
    const i = t.indexOf(f);
    if (i >= 0 && i <= 40 && /^(（[^）]*）)?$/.test(t.slice(i + f.length))) return f;
  }
  return null;
}

const YEAR = /((?:19|20)\d{2})年/;

export function readReport(snapshot: WorkbookSnapshot, options: ReadOptions = {}): ReportModel {
  const overrides: TableOverrides = { ...parseOverrides(snapshot.settings), ...(options.overrides ?? {}) };
  const sheets = snapshot.sheets.map((s) => new SheetIndex(s));
  const messages: string[] = [];

  // One pass over all string cells: table titles and form titles.
  const hits: TitleHit[] = [];
  const forms: FormLocation[] = [];
  const formRows: { sheet: number; row: number }[] = [];
  sheets.forEach((ix, si) => {
    const values = ix.sheet.values;
    for (let i = 0; i < values.length; i++) {
      const line = values[i];
      for (let j = 0; j < line.length; j++) {
        const v = line[j];
        if (typeof v !== "string" || v.length < 4) continue;
        const r = ix.top + i;
        const c = ix.left + j;
        const m = matchTitle(v);
        if (m) {
          hits.push({ key: m.key, sheet: si, row: r, col: c, variant: m.variant });
          continue;
        }
        const f = isFormTitle(v);
        if (f) {
          forms.push({ sheet: ix.sheet.name, cell: a1(r, c), title: v.trim() });
          formRows.push({ sheet: si, row: r });
        }
      }
    }
  });

  // A title shared by a nine-table and a table beyond the nine (data: insteadOf) is the extra one beside the other title.
  assignExtraHits(hits, titleKey);

  const boundaryRows = (si: number): number[] =>
    [...hits.filter((h) => h.sheet === si).map((h) => h.row), ...formRows.filter((f) => f.sheet === si).map((f) => f.row)].sort((a, b) => a - b);
  const endRowFor = (si: number, row: number): number => {
    const next = boundaryRows(si).find((r) => r > row);
    return next ?? sheets[si].bottom;
  };

  // Overrides first.
  const chosen: Partial<Record<TableKey, { hit: TitleHit; parsed: ParsedTable; byOverride?: boolean }>> = {};
  const usedCells = new Set<string>();
  for (const key of TABLE_KEYS) {
    const o = overrides[key];
    if (!o) continue;
    const si = sheets.findIndex((s) => s.sheet.name === o.sheet);
    if (si < 0) {
      messages.push(`指定的工作表“${o.sheet}”不存在，${tableDisplayName(key)}仍按标题自动识别`);
      continue;
    }
    const ix = sheets[si];
    let row: number;
    let col: number;
    const p = o.titleCell ? parseA1(o.titleCell) : null;
    if (p) {
      row = p.row;
      col = p.col;
    } else {
      const own = hits.find((h) => h.sheet === si && h.key === key) ?? hits.find((h) => h.sheet === si);
      // No recognisable title: the first non-empty cell of the sheet stands for it.
      let first: [number, number] = [ix.top, ix.left];
      for (let r = ix.top; r < ix.bottom; r++) {
        const cells = ix.rowCells(r);
        if (cells.length) {
          first = [r, cells[0][0]];
          break;
        }
      }
      row = own ? own.row : first[0];
      col = own ? own.col : first[1];
    }
    const variant = titleKey(ix.text(row, col));
    const hit: TitleHit = { key, sheet: si, row, col, variant };
    const parsed = parseTable(ix, key, row, col, endRowFor(si, row));
    chosen[key] = { hit, parsed, byOverride: true };
    usedCells.add(`${si}:${row}:${col}`);
  }

  // Automatic recognition: the first title of each table that yields columns (sheets in workbook order).
  // Visible sheets come first: a hidden or very hidden old copy never wins over the table the user sees.
  const hidden = (si: number) => isSheetHidden(sheets[si].sheet);
  const byVisibility = [...hits.filter((h) => !hidden(h.sheet)), ...hits.filter((h) => hidden(h.sheet))];
  const duplicates: NonNullable<RecognitionReport["duplicates"]> = [];
  const place = (h: TitleHit) => ({ sheet: sheets[h.sheet].sheet.name, cell: a1(h.row, h.col), ...(hidden(h.sheet) ? { hidden: true } : {}) });
  for (const key of TABLE_KEYS) {
    if (chosen[key]) continue;
    let fallback: { hit: TitleHit; parsed: ParsedTable } | undefined;
    const skipped: TitleHit[] = [];
    for (const h of byVisibility) {
      if (h.key !== key || usedCells.has(`${h.sheet}:${h.row}:${h.col}`)) continue;
      if (chosen[key]) {
        // Another place with the same title: said, never chosen silently (parsed only to know it is a table).
        if (parseTable(sheets[h.sheet], key, h.row, h.col, endRowFor(h.sheet, h.row)).valueColumns > 0) skipped.push(h);
        continue;
      }
      const parsed = parseTable(sheets[h.sheet], key, h.row, h.col, endRowFor(h.sheet, h.row));
      if (parsed.valueColumns > 0) {
        chosen[key] = { hit: h, parsed };
        continue;
      }
      fallback ??= { hit: h, parsed };
    }
    if (!chosen[key] && fallback) chosen[key] = fallback;
    const c = chosen[key];
    if (c) usedCells.add(`${c.hit.sheet}:${c.hit.row}:${c.hit.col}`);
    if (c && skipped.length) {
      const usedHidden = hidden(c.hit.sheet);
      const reason = skipped.some((h) => hidden(h.sheet)) && !usedHidden
        ? "隐藏工作表中的表不使用，使用可见的表"
        : usedHidden
          ? "可见工作表中没有可读的该表，使用隐藏工作表中的表"
          : "同名的表出现多次，使用工作簿中靠前的一张";
      duplicates.push({ key, used: place(c.hit), skipped: skipped.map(place), reason });
    }
  }

  const tables: Partial<Record<TableKey, TableModel>> = {};
  const recognition: RecognitionReport = { tables: [], missing: [], unclassifiedRows: [], unknownSupplementLabels: [], forms, messages };
  if (duplicates.length) recognition.duplicates = duplicates;
  const tableSheets = new Set<number>();
  let unitName: string | undefined;
  const yearVotes = new Map<number, number>();
  const vote = (text: string, weight = 1) => {
    const m = YEAR.exec(compactText(text));
    if (m) yearVotes.set(Number(m[1]), (yearVotes.get(Number(m[1])) ?? 0) + weight);
  };
  for (const key of TABLE_KEYS) {
    const c = chosen[key];
    if (!c) {
      recognition.missing.push(key);
      continue;
    }
    const { table } = c.parsed;
    tables[key] = table;
    tableSheets.add(c.hit.sheet);
    recognition.tables.push({
      key,
      sheet: table.sheet,
      unit: table.unit,
      cell: table.titleSource.cell,
      title: table.title,
      ...(c.byOverride ? { byOverride: true } : {}),
    });
    recognition.unclassifiedRows.push(...c.parsed.unclassified);
    if (c.parsed.unreadable.length) (recognition.unreadable ??= []).push(...c.parsed.unreadable);
    if (c.parsed.suspicious.length) (recognition.suspicious ??= []).push(...c.parsed.suspicious);
    if (c.parsed.rowsLost) (recognition.emptyTables ??= []).push(key);
    messages.push(...c.parsed.messages);
    unitName ??= c.parsed.unitName;
    vote(table.title, 2);
    const ix = sheets[c.hit.sheet];
    for (let r = Math.max(ix.top, c.hit.row - 2); r < c.hit.row; r++) for (const [, v] of ix.rowCells(r)) vote(cellText(v));
  }

  // Tables beyond the nine: recognised and named, never one of the nine, the 情况说明 or the 补充数据.
  const extra = readExtraTables(sheets, hits.filter((h) => isExtraKey(h.key)), endRowFor);
  for (const si of extra.sheetIndexes) tableSheets.add(si);
  if (extra.report.length) recognition.extraTables = extra.report;

  // Narrative: a non-table sheet named …情况说明… (or whose title says so), else one named …说明….
  let narrative: Narrative | undefined;
  // Visible sheets first (a stable sort keeps the workbook order within each group).
  const candidates = sheets
    .map((ix, si) => ({ ix, si }))
    .filter(({ si }) => !tableSheets.has(si))
    .sort((a, b) => Number(hidden(a.si)) - Number(hidden(b.si)));
  const firstText = (ix: SheetIndex) => {
    for (let r = ix.top; r < Math.min(ix.bottom, ix.top + 3); r++) {
      const cells = ix.rowCells(r);
      if (cells.length) return cellText(cells[0][1]);
    }
    return "";
  };
  const narrativeSheet =
    candidates.find(({ ix }) => ix.sheet.name.includes("情况说明")) ??
    candidates.find(({ ix }) => compactText(firstText(ix)).includes("情况说明")) ??
    candidates.find(({ ix }) => ix.sheet.name.includes("说明"));
  if (narrativeSheet) {
    const ix = narrativeSheet.ix;
    const paragraphs = [];
    for (let r = ix.top; r < ix.bottom; r++) {
      const v = ix.at(r, 0);
      if (isCellFormula(v) || isCellError(v)) {
        (recognition.narrativeUnread ??= []).push({ sheet: ix.sheet.name, cell: a1(r, 0), text: (isCellFormula(v) ? `=${v.formula}` : v.error).slice(0, 40) });
        continue;
      }
      const text = cellText(v);
      if (text.trim() !== "") paragraphs.push({ row: r + 1, text });
    }
    narrative = { sheet: ix.sheet.name, paragraphs };
    recognition.narrative = { sheet: ix.sheet.name, paragraphs: paragraphs.length };
    for (const p of paragraphs.slice(0, 5)) vote(p.text);
  }

  // 补充数据: a sheet named so, else the first non-table sheet with the header words.
  let supplement: ReportModel["supplement"];
  const suppOrder = [
    ...candidates.filter(({ ix }) => SUPPLEMENT_SHEET_NAMES.some((n) => ix.sheet.name.includes(n))),
    ...candidates.filter(({ ix }) => !SUPPLEMENT_SHEET_NAMES.some((n) => ix.sheet.name.includes(n)) && ix !== narrativeSheet?.ix),
  ];
  for (const { ix } of suppOrder) {
    const header = findSupplementHeader(ix);
    if (!header) continue;
    const parsed = readSupplement(ix, header);
    supplement = parsed.supplement;
    recognition.supplement = { sheet: ix.sheet.name, unit: parsed.supplement.unit, rows: parsed.supplement.rows.length };
    recognition.unknownSupplementLabels.push(...parsed.unknown);
    if (parsed.unreadable.length) (recognition.unreadable ??= []).push(...parsed.unreadable);
    messages.push(...parsed.messages);
    break;
  }

  for (const f of forms) vote(f.title);
  if (yearVotes.size === 0) {
    // "(2020年度)" under a form title.
    for (const f of formRows.slice(0, 3)) vote(cellText(sheets[f.sheet].at(f.row + 1, sheets[f.sheet].left)));
  }
  let year: number | undefined;
  let best = 0;
  for (const [y, n] of yearVotes) if (n > best) [year, best] = [y, n];

  // Template family.
  let template: TemplateId = "sichuan-2020";
  let templateBy: ReportModel["templateBy"] = "default";
  const nat = TEMPLATE_RULES["national-2024"];
  if (nat) {
    const byTitle = (Object.entries(nat.titleVariants) as [TableKey, string[]][]).some(([k, vs]) => {
      const c = chosen[k];
      return c !== undefined && vs.includes(c.hit.variant);
    });
    if (byTitle) [template, templateBy] = ["national-2024", "title"];
    else if (year !== undefined && year >= nat.fromYear) [template, templateBy] = ["national-2024", "year"];
  }

  if (!unitName) {
    const t1 = tables.T01 ?? Object.values(tables)[0];
    const m = t1 ? /^(.+?)(?:(?:19|20)\d{2}年度?)/.exec(compactText(t1.title)) : null;
    if (m) unitName = m[1];
  }

  // Readable summary.
  const lines: string[] = [];
  for (const t of recognition.tables) {
    lines.push(`已识别${tableDisplayName(t.key)}：工作表“${t.sheet}”${t.cell}，单位：${t.unit}${t.byOverride ? "（按指定位置）" : ""}`);
  }
  for (const k of recognition.missing) lines.push(`未找到${tableDisplayName(k)}，请检查标题或在设置中指定其位置`);
  for (const d of recognition.duplicates ?? []) lines.push(duplicateText(d));
  for (const k of recognition.emptyTables ?? []) lines.push(`${tableDisplayName(k)}中没有读到任何数据行（可能被合并单元格覆盖或格式无法识别）`);
  for (const u of recognition.unreadable ?? []) lines.push(unreadableText(u));
  for (const u of recognition.unclassifiedRows) lines.push(`工作表“${u.sheet}”第${u.row}行“${u.label}”无法归类（既无科目编码，也不是已知的行名称）`);
  if (recognition.supplement) lines.push(`已读取补充数据：工作表“${recognition.supplement.sheet}”，${recognition.supplement.rows}行，金额单位：${recognition.supplement.unit}`);
  else lines.push("未找到补充数据工作表（表头：项目｜科目编码｜本年数｜上年数｜预算数｜主要原因）");
  for (const u of recognition.unknownSupplementLabels) lines.push(`补充数据第${u.row}行“${u.label}”不是已知项目，已保留但未使用`);
  if (recognition.narrative) lines.push(`已读取情况说明：工作表“${recognition.narrative.sheet}”，${recognition.narrative.paragraphs}段`);
  else lines.push("未找到情况说明工作表");
  if (forms.length) lines.push(`找到${forms.length}张项目绩效表`);
  recognition.messages = [...lines, ...extra.messages, ...messages];

  const model: ReportModel = { template, templateBy, tables, forms, recognition };
  if (year !== undefined) model.year = year;
  if (unitName) model.unitName = unitName;
  if (supplement) model.supplement = supplement;
  if (narrative) model.narrative = narrative;
  if (extra.tables.length) model.extraTables = extra.tables;
  return model;
}

