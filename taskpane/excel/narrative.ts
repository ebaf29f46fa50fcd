/**
 * Writes the generated 情况说明 into its own sheet, never touching a user cell elsewhere.
 *
 * - The text goes to sheet "情况说明（生成）", one paragraph per row in a wide, wrapped column A.
 * - A veryHidden sheet "_juesuan_sources" holds a fingerprint of what the add-in last wrote there,
 *   and for each paragraph row the source cells of its numbers.
 * - Regenerating replaces the sheet only while it is exactly as the add-in wrote it. If the user
 *   edited it, that version is kept, renamed "情况说明（生成）-旧版N", and a fresh sheet is written.
 *
 * - Charts 图1–图7 (options.charts) are drawn as native Excel charts beside the text (top-left corner in
 *   column C of the paragraph they follow). Their data goes into a block of the same sheet from column L,
 *   under the label "图表数据（由决算助手生成）". The add-in's charts are named "决算助手-图n"; regenerating
 *   deletes those (and only those) on the generated sheet; a user's charts, on any sheet, are never touched.
 * - Edit detection: the fingerprint covers the TEXT AREA only — every non-empty cell left of the chart data
 *   block (columns A–K: the paragraphs, and anything a user types beside them). The chart data block and
 *   the charts are not covered: they are the add-in's output, rewritten on every regeneration.
 *
 * Syncs: the write is ONE sync (text, formats, source map, chart data and charts together). Before it,
 * the function needs to know the sheet names, the generated sheet's current values and chart names and
 * the stored fingerprint. A caller that has just read them (readWorkbookSnapshot with
 * includeInternalSheets and chartsOf, see narrativeSheetState) passes them as options.observed and the
 * write is the only sync. Otherwise the function reads them itself: one read sync when the adapter
 * remembers the sheet names from the last workbook read; without them a names sync comes first, which
 * is then the only read when neither sheet exists yet (2 syncs); an existing generated sheet then costs
 * one more read (3 syncs).
 */
import { JuesuanError } from "../../src/money/errors";
import { ExcelAdapterError, officeCode } from "./errors";
import { ExcelHost, getExcel, runExcel } from "./host";
import { knownSheetNames, rememberSheetNames } from "./read";
import type { WorkbookSnapshot } from "../../src/workbook/snapshot";
import { columnLetters } from "../../src/workbook/snapshot";

export const GENERATED_SHEET = "情况说明（生成）";
export const SOURCES_SHEET = "_juesuan_sources";
const MARKER = "juesuan-sources-v1";
/** Name prefix of the charts the add-in draws ("决算助手-图1"). */
export const CHART_NAME_PREFIX = "决算助手-图";
/** Label of the chart data block, in its first cell. */
export const CHART_DATA_LABEL = "图表数据（由决算助手生成）";
/** 0-based column where the chart data block starts (L); the fingerprint covers the columns left of it. */
export const CHART_DATA_COL = 11;
/** Column where the charts' top-left corner goes, beside the text of column A. */
/** Chart size and spacing in points; charts stand in one column to the right of the text. */
const CHART_WIDTH = 420;
const CHART_HEIGHT = 260;
const CHART_GAP = 12;

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

/** A chart to draw beside the text (GeneratedNarrative.charts, flattened for the adapter). */
export interface NarrativeChart {
  /** 1…7 */
  number: number;
  /** "图1：收、支决算总计变动情况图" */
  title: string;
  /** column: categories on the x axis, one series per column (prior year first); pie: one series. */
  kind: "column" | "pie";
  /** 0-based index of the paragraph the chart follows (it is drawn beside that paragraph's row). */
  afterParagraph: number;
  categories: string[];
  /** Values as displayed ("393.40", 万元), one per category. */
  series: { name: string; values: string[] }[];
}

/**
 * What writeNarrativeSheet must know about the workbook before writing, when the caller has just read it
 * (see narrativeSheetState): with it, the write needs no read sync of its own.
 */
export interface NarrativeSheetState {
  /** All sheet names in tab order, the add-in's hidden sheets included. */
  names: string[];
  /** The generated sheet's used cells (values only), when that sheet exists. */
  generated?: { origin: { row: number; col: number }; values: unknown[][] };
  /** A1:C1 of the source map sheet (marker, fingerprint, sheet name), when that sheet exists. */
  sourcesHeader?: unknown[];
  /** Names of the charts on the generated sheet. */
  chartNames?: string[];
}

export interface WriteNarrativeOptions {
  excel?: ExcelHost;
  /** Charts to draw beside the text, with their data block (same sync as the text). */
  charts?: NarrativeChart[];
  /** The workbook as just read by the caller: skips the read sync (see NarrativeSheetState). */
  observed?: NarrativeSheetState;
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
  /** Names of the charts drawn (undefined when none). */
  charts?: string[];
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

/** Fingerprint of the text area (columns left of the chart data block) of a grid at an origin. */
function textAreaFingerprint(origin: { row: number; col: number }, values: unknown[][]): string {
  const cells: { row: number; col: number; text: string }[] = [];
  values.forEach((line, i) =>
    (line ?? []).forEach((v, j) => {
      const col = origin.col + j;
      if (col < CHART_DATA_COL && v !== "" && v !== null && v !== undefined) cells.push({ row: origin.row + i, col, text: String(v) });
    }),
  );
  return cellsFingerprint(cells);
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
  chartNames: string[];
}

function fromHeader(out: Observed, header: unknown[] | undefined): void {
  if (!header) return;
  const [marker, fp, sheet] = [0, 1, 2].map((i) => (header[i] === null || header[i] === undefined ? "" : String(header[i])));
  out.sourcesIsOurs = marker === MARKER;
  if (out.sourcesIsOurs && lower(sheet) === lower(GENERATED_SHEET)) out.storedFingerprint = fp;
}

/** Observed state from what the caller read (no sync). */
function fromState(state: NarrativeSheetState): Observed {
  const out: Observed = { names: state.names.slice(), sourcesIsOurs: true, chartNames: state.chartNames?.slice() ?? [] };
  if (has(state.names, GENERATED_SHEET)) out.genFingerprint = textAreaFingerprint(state.generated?.origin ?? { row: 0, col: 0 }, state.generated?.values ?? []);
  if (has(state.names, SOURCES_SHEET)) fromHeader(out, state.sourcesHeader ?? []);
  return out;
}

/**
 * The state writeNarrativeSheet needs, from a snapshot read with `includeInternalSheets: true` (so that
 * the hidden source map is in it) and the chart names of the generated sheet (readWorkbookSnapshot's
 * `chartsOf: [GENERATED_SHEET]`, reported through `onCharts`).
 */
export function narrativeSheetState(snapshot: WorkbookSnapshot, generatedChartNames: string[] = []): NarrativeSheetState {
  const state: NarrativeSheetState = { names: snapshot.sheets.map((s) => s.name), chartNames: generatedChartNames.slice() };
  const gen = snapshot.sheets.find((s) => lower(s.name) === lower(GENERATED_SHEET));
  if (gen) state.generated = { origin: gen.origin, values: gen.values };
  const map = snapshot.sheets.find((s) => lower(s.name) === lower(SOURCES_SHEET));
  if (map) {
    const row = map.origin.row === 0 ? (map.values[0] ?? []) : [];
    state.sourcesHeader = [0, 1, 2].map((c) => {
      const v = row[c - map.origin.col];
      return c >= map.origin.col && v !== undefined ? v : null;
    });
  }
  return state;
}

/** The read sync: names, the generated sheet's values and the stored fingerprint (for the sheets known to exist). */
async function observe(context: Excel.RequestContext, known: string[]): Promise<Observed> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  let gen: Excel.Range | undefined;
  let meta: Excel.Range | undefined;
  let charts: Excel.ChartCollection | undefined;
  if (has(known, GENERATED_SHEET)) {
    gen = sheets.getItem(GENERATED_SHEET).getUsedRangeOrNullObject(true);
    gen.load("rowIndex,columnIndex,values");
    charts = sheets.getItem(GENERATED_SHEET).charts;
    charts.load("items/name");
  }
  if (has(known, SOURCES_SHEET)) {
    meta = sheets.getItem(SOURCES_SHEET).getRange("A1:C1");
    meta.load("values");
  }
  await context.sync();
  const names = sheets.items.map((s) => s.name);
  const out: Observed = { names, sourcesIsOurs: true, chartNames: charts ? charts.items.map((c) => c.name) : [] };
  if (gen !== undefined) {
    out.genFingerprint = gen.isNullObject ? cellsFingerprint([]) : textAreaFingerprint({ row: gen.rowIndex, col: gen.columnIndex }, gen.values);
  }
  if (meta) fromHeader(out, meta.values[0]);
  return out;
}

/** Writes (or rewrites) the generated narrative sheet; see the module comment for the rules. */
export async function writeNarrativeSheet(paragraphs: NarrativeParagraph[], options: WriteNarrativeOptions = {}): Promise<WriteNarrativeResult> {
  validate(paragraphs);
  const host = getExcel(options.excel);
  const charts = options.charts ?? [];
  validateCharts(charts, paragraphs.length);
  let before: string[] | undefined;
  if (options.observed) {
    const observed = fromState(options.observed);
    try {
      return await runExcel(host, (context) => write(context, host, paragraphs, charts, observed, options));
    } catch (e) {
      // The caller's view was stale (a sheet renamed or deleted since): read for ourselves and retry.
      if (!(e instanceof ExcelAdapterError) || !["ItemNotFound", "ItemAlreadyExists"].includes(e.officeCode ?? "")) throw e;
      before = observed.names;
    }
  }
  const result = await readAndWrite(host, paragraphs, charts, options);
  if (before && !result.keptCopy) {
    // The failed attempt may have renamed the user's edited sheet before failing (a failed batch is
    // not rolled back): that copy exists now, and the user must be told where their version is.
    const after = knownSheetNames(host) ?? [];
    const kept = after.find((n) => lower(n).startsWith(lower(`${GENERATED_SHEET}-旧版`)) && !has(before!, n));
    if (kept) return { ...result, keptCopy: kept, action: "kept" };
  }
  return result;
}

/** Reads what the write needs (see the module comment), then writes. */
async function readAndWrite(host: ExcelHost, paragraphs: NarrativeParagraph[], charts: NarrativeChart[], options: WriteNarrativeOptions): Promise<WriteNarrativeResult> {
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
          seen = { names: known, sourcesIsOurs: true, chartNames: [] };
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
    return write(context, host, paragraphs, charts, seen, options);
  });
}

/**
 * The generated sheet may be replaced when nothing of the user's is in its text area: it is as the
 * add-in last wrote it (the stored fingerprint), or empty, or already holds exactly these paragraphs.
 * The last two matter after a failed batch, which Excel does not roll back: a retry can find the sheet
 * cleared or half-written by the failed attempt, and must not keep that as the user's "edited" version.
 */
function replaceable(seen: Observed, paragraphs: NarrativeParagraph[]): boolean {
  const fp = seen.genFingerprint;
  if (fp === undefined) return false;
  if (seen.storedFingerprint !== undefined && seen.storedFingerprint === fp) return true;
  return fp === cellsFingerprint([]) || fp === expectedFingerprint(paragraphs);
}

/** Queues the whole write and syncs once. */
async function write(
  context: Excel.RequestContext,
  host: ExcelHost,
  paragraphs: NarrativeParagraph[],
  charts: NarrativeChart[],
  seen: Observed,
  options: WriteNarrativeOptions,
): Promise<WriteNarrativeResult> {
  {
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
    } else if (replaceable(seen, paragraphs)) {
      action = "replaced";
      gen = sheets.getItem(GENERATED_SHEET);
      gen.getRange().clear();
      // the add-in's own charts go; a user's chart on this sheet stays
      for (const name of seen.chartNames) if (name.startsWith(CHART_NAME_PREFIX)) gen.charts.getItem(name).delete();
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

    const drawn = queueCharts(gen, charts, options.columnWidth ?? 560);

    // An existing sheet is activated in the write itself; a sheet added by this batch in the next sync,
    // as Excel on the web may ignore activate() on a sheet added in the same batch (OfficeDev/office-js #930).
    const activate = options.activate !== false;
    if (activate && action === "replaced") gen.activate();
    await context.sync();
    rememberSheetNames(host, names);
    if (activate && action !== "replaced") {
      gen.activate();
      await context.sync();
    }
    return { sheet: GENERATED_SHEET, keptCopy, action, charts: drawn.length ? drawn : undefined };
  }
}

function validateCharts(charts: NarrativeChart[], paragraphs: number): void {
  charts.forEach((c, i) => {
    const ok =
      Number.isInteger(c?.number) &&
      (c.kind === "column" || c.kind === "pie") &&
      Number.isInteger(c.afterParagraph) && c.afterParagraph >= 0 && c.afterParagraph < paragraphs &&
      Array.isArray(c.categories) && c.categories.length > 0 &&
      Array.isArray(c.series) && c.series.length > 0 &&
      c.series.every((s) => Array.isArray(s.values) && s.values.length === c.categories.length && s.values.every((v) => /^-?\d+(\.\d+)?$/.test(String(v))));
    if (!ok) throw new JuesuanError("narrative-bad", `第 ${i + 1} 个图表的数据不完整，无法绘制。`);
  });
}


/**
 * Queues the chart data block (from column L) and one native chart per spec, positioned beside the
 * paragraph it follows. Returns the chart names.
 */
function queueCharts(gen: Excel.Worksheet, charts: NarrativeChart[], textWidth: number): string[] {
  if (charts.length === 0) return [];
  let series = 0;
  for (const c of charts) if (c.series.length > series) series = c.series.length;
  const width = 1 + series;
  const grid: (string | number)[][] = [];
  const formats: string[][] = [];
  const pad = (cells: (string | number)[], fmt: string[]) => {
    const line = cells.slice();
    const f = fmt.slice();
    while (line.length < width) line.push("");
    while (f.length < width) f.push("@");
    grid.push(line);
    formats.push(f);
  };
  pad([CHART_DATA_LABEL], ["@"]);
  const blocks: { chart: NarrativeChart; first: number; last: number }[] = [];
  for (const c of charts) {
    pad([], []);
    pad([c.title], ["@"]);
    const first = grid.length + 1; // 1-based sheet row of the header
    pad([""].concat(c.series.map((s) => s.name)), ["@"].concat(c.series.map(() => "@")));
    c.categories.forEach((cat, k) =>
      // Values as numbers: the text "393.40" would stay text in a comma-decimal locale and leave the chart empty.
      pad(([cat] as (string | number)[]).concat(c.series.map((s) => Number(s.values[k]))), ["@"].concat(c.series.map(() => "0.00"))),
    );
    blocks.push({ chart: c, first, last: grid.length });
  }
  const left = columnLetters(CHART_DATA_COL);
  const right = columnLetters(CHART_DATA_COL + width - 1);
  const block = gen.getRange(`${left}1:${right}${grid.length}`);
  // formats first: labels and categories stay text ("@"), the values are numbers shown with 2 decimals
  block.numberFormat = formats;
  block.values = grid;
  gen.getRange(`${left}1`).format.font.bold = true;
  const names: string[] = [];
  for (const b of blocks) {
    const last = columnLetters(CHART_DATA_COL + b.chart.series.length);
    const chart = gen.charts.add(
      (b.chart.kind === "pie" ? "Pie" : "ColumnClustered") as Excel.ChartType,
      gen.getRange(`${left}${b.first}:${last}${b.last}`),
      "Columns" as Excel.ChartSeriesBy,
    );
    const name = `${CHART_NAME_PREFIX}${b.chart.number}`;
    chart.name = name;
    chart.title.text = b.chart.title;
    // Stacked to the right of the text at fixed points: anchoring each chart at its paragraph's row
    // made 图1–图6 overlap (their paragraphs are only a few rows apart).
    const i = names.length;
    chart.left = textWidth + CHART_GAP;
    chart.top = CHART_GAP + i * (CHART_HEIGHT + CHART_GAP);
    chart.width = CHART_WIDTH;
    chart.height = CHART_HEIGHT;
    names.push(name);
  }
  return names;
}
