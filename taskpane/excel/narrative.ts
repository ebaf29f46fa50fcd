/**
 * Writes the generated 情况说明 into its own sheet, never touching a user cell elsewhere.
 *
 * - The text goes to sheet "情况说明（生成）", one paragraph per row in a wide, wrapped column A.
 * - A veryHidden sheet "_juesuan_sources" holds a fingerprint of what the add-in last wrote there,
 *   and for each paragraph row the source cells of its numbers.
 * - Regenerating replaces the sheet only while it is exactly as the add-in wrote it. If the user
 *   edited it, that version is kept, renamed "情况说明（生成）-旧版N", and a fresh sheet is written.
 *
 * Syncs: one read (is the sheet there, is it unchanged) and one write. The read needs the sheet names
 * beforehand (a batch cannot chain off a sheet that might not exist), which the adapter remembers from
 * the last workbook read. Without them a names sync comes first, which is then the only read when
 * neither sheet exists yet (2 syncs); an existing generated sheet then costs one more read (3 syncs).
 */
import { JuesuanError } from "../../src/money/errors";
import { officeCode } from "./errors";
import { ExcelHost, getExcel, runExcel } from "./host";
import { knownSheetNames, rememberSheetNames } from "./read";

export const GENERATED_SHEET = "情况说明（生成）";
export const SOURCES_SHEET = "_juesuan_sources";
const MARKER = "juesuan-sources-v1";

export type ParagraphStyle = "title" | "heading1" | "heading2" | "body";

export interface NarrativeSource {
  /** The number as it appears in the paragraph, e.g. "393.40". */
  text: string;
  sheet: string;
  /** A1 address of the source cell, e.g. "C7". */
  cell: string;
}

export interface NarrativeParagraph {
  text: string;
  style: ParagraphStyle;
  sources?: NarrativeSource[];
}

export interface WriteNarrativeOptions {
  excel?: ExcelHost;
  /** Activate the generated sheet after writing (default true). */
  activate?: boolean;
  /** Width of column A in points (default 560, about 75 Chinese characters at 11 pt). */
  columnWidth?: number;
}

export interface WriteNarrativeResult {
  sheet: string;
  /** Name given to the user-edited previous version, when one was kept. */
  keptCopy?: string;
  /** "created": no previous sheet; "replaced": the unchanged previous sheet was rewritten; "kept": see keptCopy. */
  action: "created" | "replaced" | "kept";
}

const FONT_SIZE: Record<ParagraphStyle, number> = { title: 16, heading1: 14, heading2: 12, body: 11 };

/** 32-bit FNV-1a of a string, as 8 hex digits: a fingerprint to notice edits, not a security measure. */
export function fingerprint(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** Fingerprint of a sheet's non-empty cells at absolute (row, col). */
function cellsFingerprint(cells: { row: number; col: number; text: string }[]): string {
  return fingerprint(cells.map((c) => `${c.row},${c.col}\u0001${c.text}`).join("\u0002"));
}

function expectedFingerprint(paragraphs: NarrativeParagraph[]): string {
  return cellsFingerprint(paragraphs.map((p, i) => ({ row: i, col: 0, text: p.text })).filter((c) => c.text !== ""));
}

const lower = (s: string) => s.toLowerCase();
const has = (names: string[], name: string) => names.some((n) => lower(n) === lower(name));

/** "情况说明（生成）-旧版1", or the next free number. */
export function oldVersionName(names: string[], base = GENERATED_SHEET): string {
  for (let k = 1; ; k++) {
    const candidate = `${base}-旧版${k}`;
    if (!has(names, candidate)) return candidate;
  }
}

function validate(paragraphs: NarrativeParagraph[]): void {
  if (!Array.isArray(paragraphs) || paragraphs.length === 0) {
    throw new JuesuanError("narrative-empty", "没有可写入的情况说明段落，请先生成情况说明。");
  }
  paragraphs.forEach((p, i) => {
    if (typeof p?.text !== "string") throw new JuesuanError("narrative-bad", `第 ${i + 1} 段不是文字，无法写入。`);
    if (!(p.style in FONT_SIZE)) throw new JuesuanError("narrative-bad", `第 ${i + 1} 段的样式“${String(p.style)}”无效。`);
    if (p.text.length > 32767) throw new JuesuanError("narrative-bad", `第 ${i + 1} 段超过 Excel 单元格的 32767 字上限，请拆分后再写入。`);
  });
}

interface Observed {
  names: string[];
  genFingerprint?: string;
  storedFingerprint?: string;
  sourcesIsOurs: boolean;
}

/** The read sync: names, the generated sheet's values and the stored fingerprint (for the sheets known to exist). */
async function observe(context: Excel.RequestContext, known: string[]): Promise<Observed> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  let gen: Excel.Range | undefined;
  let meta: Excel.Range | undefined;
  if (has(known, GENERATED_SHEET)) {
    gen = sheets.getItem(GENERATED_SHEET).getUsedRangeOrNullObject(true);
    gen.load("rowIndex,columnIndex,values");
  }
  if (has(known, SOURCES_SHEET)) {
    meta = sheets.getItem(SOURCES_SHEET).getRange("A1:C1");
    meta.load("values");
  }
  await context.sync();
  const names = sheets.items.map((s) => s.name);
  const out: Observed = { names, sourcesIsOurs: true };
  if (gen !== undefined) {
    const cells: { row: number; col: number; text: string }[] = [];
    const used = gen;
    if (!used.isNullObject) {
      const { rowIndex, columnIndex } = used;
      used.values.forEach((line, i) =>
        line.forEach((v, j) => {
          if (v !== "" && v !== null) cells.push({ row: rowIndex + i, col: columnIndex + j, text: String(v) });
        }),
      );
    }
    out.genFingerprint = cellsFingerprint(cells);
  }
  if (meta) {
    const [marker, fp, sheet] = meta.values[0].map(String);
    out.sourcesIsOurs = marker === MARKER;
    if (out.sourcesIsOurs && lower(sheet) === lower(GENERATED_SHEET)) out.storedFingerprint = fp;
  }
  return out;
}

/** Writes (or rewrites) the generated narrative sheet; see the module comment for the rules. */
export async function writeNarrativeSheet(paragraphs: NarrativeParagraph[], options: WriteNarrativeOptions = {}): Promise<WriteNarrativeResult> {
  validate(paragraphs);
  const host = getExcel(options.excel);
  return runExcel(host, async (context) => {
    let known = knownSheetNames(host);
    let seen: Observed | undefined;
    for (let attempt = 0; attempt < 2 && !seen; attempt++) {
      if (!known) {
        const sheets = context.workbook.worksheets;
        sheets.load("items/name");
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- at most one retry, after stale names
        await context.sync();
        known = sheets.items.map((s) => s.name);
        // Fresh names without either sheet: nothing more to read.
        if (!has(known, GENERATED_SHEET) && !has(known, SOURCES_SHEET)) {
          seen = { names: known, sourcesIsOurs: true };
          break;
        }
      }
      try {
        seen = await observe(context, known);
      } catch (e) {
        // The remembered names were stale (a sheet was deleted or renamed): look again.
        if (officeCode(e) !== "ItemNotFound" || attempt === 1) throw e;
        known = undefined;
      }
    }
    if (!seen) throw new Error("unreachable");
    // Sheets that exist but were not known before the read: read them now (rare).
    const before = known ?? [];
    const missed = (name: string) => has(seen!.names, name) && !has(before, name);
    if (missed(GENERATED_SHEET) || missed(SOURCES_SHEET)) seen = await observe(context, seen.names);
    if (has(seen.names, SOURCES_SHEET) && !seen.sourcesIsOurs) {
      throw new JuesuanError(
        "sources-sheet-foreign",
        `工作簿中已有名为“${SOURCES_SHEET}”的工作表，但它不是决算助手创建的。为避免覆盖您的数据，未写入情况说明；请将该工作表改名后重试。`,
      );
    }

    const names = seen.names.slice();
    const sheets = context.workbook.worksheets;
    let action: WriteNarrativeResult["action"];
    let keptCopy: string | undefined;
    let gen: Excel.Worksheet;
    if (!has(names, GENERATED_SHEET)) {
      action = "created";
      gen = sheets.add(GENERATED_SHEET);
      names.push(GENERATED_SHEET);
    } else if (seen.storedFingerprint !== undefined && seen.storedFingerprint === seen.genFingerprint) {
      action = "replaced";
      gen = sheets.getItem(GENERATED_SHEET);
      gen.getRange().clear();
    } else {
      action = "kept";
      keptCopy = oldVersionName(names);
      const old = sheets.getItem(GENERATED_SHEET);
      old.name = keptCopy;
      names[names.findIndex((n) => lower(n) === lower(GENERATED_SHEET))] = keptCopy;
      gen = sheets.add(GENERATED_SHEET);
      names.push(GENERATED_SHEET);
    }

    const n = paragraphs.length;
    const body = gen.getRange(`A1:A${n}`);
    // Text format first, so that Excel keeps every paragraph as typed (no number or formula parsing).
    body.numberFormat = paragraphs.map(() => ["@"]);
    body.values = paragraphs.map((p) => [p.text]);
    body.format.wrapText = true;
    paragraphs.forEach((p, i) => {
      if (p.style === "body") return;
      const font = gen.getRange(`A${i + 1}`).format.font;
      font.bold = true;
      font.size = FONT_SIZE[p.style];
    });
    gen.getRange("A:A").format.columnWidth = options.columnWidth ?? 560;

    let map: Excel.Worksheet;
    if (has(names, SOURCES_SHEET)) {
      map = sheets.getItem(SOURCES_SHEET);
      map.getRange().clear();
    } else {
      map = sheets.add(SOURCES_SHEET);
      map.visibility = "VeryHidden" as Excel.SheetVisibility;
      names.push(SOURCES_SHEET);
    }
    const rows: string[][] = [
      [MARKER, expectedFingerprint(paragraphs), GENERATED_SHEET, ""],
      ["段落行", "数字", "来源工作表", "来源单元格"],
    ];
    paragraphs.forEach((p, i) => {
      for (const s of p.sources ?? []) rows.push([String(i + 1), String(s.text), String(s.sheet), String(s.cell)]);
    });
    const mapRange = map.getRange(`A1:D${rows.length}`);
    mapRange.numberFormat = rows.map((r) => r.map(() => "@"));
    mapRange.values = rows;

    if (options.activate !== false) gen.activate();
    await context.sync();
    rememberSheetNames(host, names);
    return { sheet: GENERATED_SHEET, keptCopy, action };
  });
}
