/**
 * Reading the whole workbook into a WorkbookSnapshot with as few context.sync() calls as possible.
 *
 * Excel cannot enumerate the sheets and read them in the same batch (the collection's items exist only
 * after a sync), so the adapter remembers, per host, the sheet names and the size of the last read:
 *  - normal case (names known): ONE sync loads every sheet's name and visibility, its used range's
 *    size, the used cells inside a bounded box (values, valueTypes, numberFormat), the merged areas and
 *    the add-in settings;
 *  - first read of a session: one sync for the names, then that one sync;
 *  - a sheet whose used range reaches beyond the box (a stray value in row 1 048 576): its cells are
 *    read in blocks when they are at most `maxSheetCells`, otherwise the sheet is skipped with a
 *    Chinese notice naming it (never a dense array of a huge, mostly empty range);
 *  - a workbook over Excel's limits (5 million cells per get, when `values` may even come back null;
 *    about 5 MB per response on the web, reported as a payload error or as GeneralException): one sync
 *    for the used-range sizes, then the cells in row blocks packed into as few syncs as the budget
 *    allows. A first over-size attempt is detected by any of those signs and redone this way;
 *  - merged areas: Excel fails getMergedAreasOrNullObject, and so the whole batch, when a range holds
 *    more than 512 of them. After such a failure the merges are read per sheet and per row band,
 *    splitting until every request succeeds; the bands that worked are remembered, so the next read
 *    is again one sync. A sheet whose merges still cannot be read is read without them, with a notice.
 * Sheets are addressed by name through getItem: if one was deleted meanwhile, Excel fails the batch
 * with ItemNotFound and the read starts over with fresh names. Nothing is ever chained off a null object.
 */
import type { CellValue, MergeArea, SheetSnapshot, WorkbookSnapshot } from "../../src/workbook/snapshot";
import { columnLetters } from "../../src/workbook/snapshot";
import { parseAddress, splitAreas } from "./address";
import { toSnapshotValue } from "./convert";
import { isSizeLimitError, officeCode } from "./errors";
import { ExcelHost, getExcel, runExcel } from "./host";

/** Something the read could not do for one sheet, said in Chinese (the pane shows it as a finding on that sheet). */
export interface ReadNotice {
  sheet: string;
  kind: "too-large" | "merges-incomplete";
  message: string;
}

export interface ReadOptions {
  /** Most cells one sync may read (Excel: 5 million per get). */
  maxCellsPerSync?: number;
  /** Largest response wanted from one sync, in bytes (Excel on the web: 5 MB; default larger on desktop). */
  maxPayloadBytes?: number;
  /** Estimated response bytes per cell (value + valueType + numberFormat as JSON). */
  bytesPerCell?: number;
  /** A sheet whose used range holds more cells than this is not read (a notice says so). */
  maxSheetCells?: number;
  /** Rows and columns from A1 read in the one-sync read; a sheet used beyond them is read in blocks. */
  boxRows?: number;
  boxCols?: number;
  /** Also read the add-in's own hidden sheets (names starting with "_juesuan"). */
  includeInternalSheets?: boolean;
  /** Sheet names in tab order, if the caller knows them (skips the names sync of a first read). */
  knownSheetNames?: string[];
  /** Also load the chart names of these sheets (when they exist), in the same sync; reported to onCharts. */
  chartsOf?: string[];
  /** Receives the chart names per sheet of chartsOf that exists (keyed by the sheet name as given). */
  onCharts?: (charts: Record<string, string[]>) => void;
  /** Receives what could not be read (empty when everything was). */
  onNotices?: (notices: ReadNotice[]) => void;
}

/** Queues the chart-name loads of options.chartsOf for the sheets that exist; returns the reader to call after the sync. */
function queueCharts(sheets: Excel.WorksheetCollection, names: string[], options: ReadOptions): () => void {
  const wanted = (options.chartsOf ?? []).filter((w) => names.some((n) => n.toLowerCase() === w.toLowerCase()));
  const loads = wanted.map((w) => {
    const charts = sheets.getItem(w).charts;
    charts.load("items/name");
    return { w, charts };
  });
  return () => options.onCharts?.(Object.fromEntries(loads.map(({ w, charts }) => [w, charts.items.map((c) => c.name)])));
}

/** Sheets the add-in keeps for itself (e.g. the veryHidden source map); not part of the user's workbook. */
export const INTERNAL_SHEET_PREFIX = "_juesuan";

/** Excel's grid: 1 048 576 rows × 16 384 columns. */
const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

export const DEFAULTS = {
  maxCellsPerSync: 5000000,
  /** Excel on the web: "limits requests and responses to 5 MB" (learn.microsoft.com, Excel performance / resource limits). */
  maxPayloadBytes: 5 * 1024 * 1024,
  /** Desktop has no documented payload limit; blocks there are bounded by memory only. */
  desktopPayloadBytes: 40 * 1024 * 1024,
  bytesPerCell: 40,
  maxSheetCells: 1000000,
  boxRows: 10000,
  boxCols: 300,
};

/** A row band [top, bottom] (0-based, inclusive) whose merged areas one request can return. */
interface Band {
  top: number;
  bottom: number;
}

interface HostMemory {
  names: string[];
  /** Cells of all used ranges at the last read. */
  cells: number;
  /** Per sheet (lower-case name): the row bands that read its merged areas when the whole sheet could not. */
  mergeBands: Map<string, Band[]>;
}
const memory = new WeakMap<object, HostMemory>();

/** Forgets what the adapter remembers about a host's workbook (sheet names, size). */
export function forgetWorkbook(excel?: ExcelHost): void {
  memory.delete(getExcel(excel));
}
/** Sheet names in tab order as last seen on this host (undefined before any read). */
export function knownSheetNames(excel?: ExcelHost): string[] | undefined {
  return memory.get(getExcel(excel))?.names.slice();
}
/** Lets other operations of this adapter update what is known about the sheet names. */
export function rememberSheetNames(host: ExcelHost, names: string[]): void {
  const m = memory.get(host);
  memory.set(host, { names: names.slice(), cells: m?.cells ?? 0, mergeBands: m?.mergeBands ?? new Map() });
}

/**
 * False in Excel on the web: Office.context.platform is Office.PlatformType "OfficeOnline" there
 * (office-js-docs-reference, office.platformtype.yml); unknown hosts count as the web (the smaller budget).
 */
function onDesktop(): boolean {
  try {
    const platform = (globalThis as { Office?: { context?: { platform?: unknown } } }).Office?.context?.platform;
    return typeof platform === "string" && platform !== "OfficeOnline";
  } catch {
    return false;
  }
}

function budgetOf(o: ReadOptions): number {
  const cells = o.maxCellsPerSync ?? DEFAULTS.maxCellsPerSync;
  const bytes = o.maxPayloadBytes ?? (onDesktop() ? DEFAULTS.desktopPayloadBytes : DEFAULTS.maxPayloadBytes);
  const per = o.bytesPerCell ?? DEFAULTS.bytesPerCell;
  return Math.max(1, Math.min(cells, Math.floor(bytes / per)));
}

const isInternal = (name: string) => name.startsWith(INTERNAL_SHEET_PREFIX);

/** Thrown inside the adapter when Excel answered a get with null values (over its cell limit) instead of an error. */
class NullValuesError extends Error {
  constructor() {
    super("range values came back null");
  }
}

/**
 * True when e may mean "this request was too big" or "a sheet has too many merged areas": the size
 * codes, GeneralException (how Excel on the web reports oversized requests, OfficeDev/office-js-docs
 * #1247, office-js-docs-reference #354, and how getMergedAreasOrNullObject fails over 512 areas) and
 * null values (OfficeDev/office-js #4783, #6781).
 */
function isSizeOrMergeFailure(e: unknown): boolean {
  return e instanceof NullValuesError || isSizeLimitError(e) || officeCode(e) === "GeneralException";
}

/** Reads every sheet of the workbook (see the module comment for the number of syncs). */
export async function readWorkbookSnapshot(excel?: ExcelHost, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const host = getExcel(excel);
  const budget = budgetOf(options);
  return runExcel(host, async (context) => {
    let names: string[] | undefined = options.knownSheetNames ?? memory.get(host)?.names;
    const lastCells = memory.get(host)?.cells ?? 0;
    const bands = memory.get(host)?.mergeBands ?? new Map<string, Band[]>();
    for (let attempt = 0; attempt < 3; attempt++) {
      if (!names) names = await loadNames(context);
      const toRead = names.filter((n) => options.includeInternalSheets || !isInternal(n));
      try {
        let result: ReadResult;
        if (lastCells > budget) result = await readChunked(context, toRead, budget, options, bands, false);
        else {
          try {
            result = await readInOneSync(context, toRead, budget, options, bands);
          } catch (e) {
            if (!isSizeOrMergeFailure(e)) throw e;
            // A GeneralException may come from the merged areas: then read them apart from everything else.
            result = await readChunked(context, toRead, budget, options, bands, officeCode(e) === "GeneralException");
          }
        }
        memory.set(host, { names: result.names, cells: result.cells, mergeBands: result.mergeBands });
        options.onNotices?.(result.notices);
        return result.snapshot;
      } catch (e) {
        // A sheet we knew by name is gone (deleted or renamed since): start again with fresh names.
        if (officeCode(e) !== "ItemNotFound" || attempt === 2) throw e;
        names = undefined;
      }
    }
    throw new Error("unreachable");
  });
}

interface ReadResult {
  snapshot: WorkbookSnapshot;
  names: string[];
  cells: number;
  notices: ReadNotice[];
  mergeBands: Map<string, Band[]>;
}

async function loadNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  return sheets.items.map((s) => s.name);
}

/** Worksheet.visibility ("Visible" | "Hidden" | "VeryHidden", ExcelApi 1.1) in the snapshot's form; visible sheets carry none. */
function visibilityOf(v: unknown): "hidden" | "veryHidden" | undefined {
  if (v === "Hidden") return "hidden";
  if (v === "VeryHidden") return "veryHidden";
  return undefined;
}

/** The sheets' names (and visibility) in tab order, from a loaded collection. */
function currentSheets(sheets: Excel.WorksheetCollection): { name: string; visibility?: "hidden" | "veryHidden" }[] {
  return sheets.items.map((s) => ({ name: s.name, visibility: visibilityOf(s.visibility) }));
}

interface Queued {
  name: string;
  /** The values-only used range of the whole sheet: its size only. */
  full: Excel.Range;
  /** The used cells inside the box from A1: values, valueTypes, numberFormat. */
  boxed: Excel.Range;
  merged: Excel.RangeAreas[];
}

/** Merged areas of a sheet: the whole sheet in one request, or the remembered row bands. */
function queueMerges(ws: Excel.Worksheet, bands: Band[] | undefined): Excel.RangeAreas[] {
  const ranges = bands ? bands.map((b) => ws.getRangeByIndexes(b.top, 0, b.bottom - b.top + 1, MAX_COLS)) : [ws.getRange()];
  return ranges.map((r) => {
    const m = r.getMergedAreasOrNullObject();
    m.load("address");
    return m;
  });
}

/** Queues one sheet for the one-sync read. */
function queueSheet(sheets: Excel.WorksheetCollection, name: string, options: ReadOptions, bands: Band[] | undefined): Queued {
  const ws = sheets.getItem(name);
  const full = ws.getUsedRangeOrNullObject(true);
  full.load("rowIndex,columnIndex,rowCount,columnCount");
  // Range.getUsedRangeOrNullObject (ExcelApi 1.4): the used cells of the box only, so that one far-away
  // value never makes this request huge.
  const box = ws.getRangeByIndexes(0, 0, options.boxRows ?? DEFAULTS.boxRows, options.boxCols ?? DEFAULTS.boxCols);
  const boxed = box.getUsedRangeOrNullObject(true);
  boxed.load("rowIndex,columnIndex,rowCount,columnCount,values,valueTypes,numberFormat");
  return { name, full, boxed, merged: queueMerges(ws, bands) };
}

function tooLargeNotice(name: string, rowIndex: number, columnIndex: number, rows: number, cols: number): ReadNotice {
  const range = `${columnLetters(columnIndex)}${rowIndex + 1}:${columnLetters(columnIndex + cols - 1)}${rowIndex + rows}`;
  const wan = (rows * cols) / 10000;
  return {
    sheet: name,
    kind: "too-large",
    message:
      `工作表“${name}”的已用区域为 ${range}（约 ${wan >= 100 ? Math.round(wan) : wan.toFixed(1)} 万个单元格），超过决算助手一次能读取的范围，未读取该表，也未检查其中的内容。` +
      `这通常是远处的零星内容或格式造成的：请删除表格以外多余的行、列后重新检查。`,
  };
}

function mergesNotice(name: string): ReadNotice {
  return {
    sheet: name,
    kind: "merges-incomplete",
    message: `工作表“${name}”中的合并单元格过多（Excel 一次最多返回 512 个合并区域），部分合并单元格未能读取；该表的表头可能识别不全，请核对识别结果。`,
  };
}

/** Queues the per-sheet loads plus the names and settings; one sync. Sheets that appeared meanwhile are read by one more. */
async function readInOneSync(context: Excel.RequestContext, names: string[], budget: number, options: ReadOptions, bands: Map<string, Band[]>): Promise<ReadResult> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  const settings = context.workbook.settings;
  settings.load("items/key,items/value");
  const queued: Queued[] = names.map((name) => queueSheet(sheets, name, options, bands.get(name.toLowerCase())));
  const charts = queueCharts(sheets, names, options);
  await context.sync();
  charts();
  const current = currentSheets(sheets);
  const known = new Set(names.map((n) => n.toLowerCase()));
  const added = current.filter((s) => !known.has(s.name.toLowerCase()) && (options.includeInternalSheets || !isInternal(s.name)));
  if (added.length > 0) {
    for (const s of added) queued.push(queueSheet(sheets, s.name, options, undefined));
    await context.sync();
  }
  const boxRows = options.boxRows ?? DEFAULTS.boxRows;
  const boxCols = options.boxCols ?? DEFAULTS.boxCols;
  const cap = options.maxSheetCells ?? DEFAULTS.maxSheetCells;
  const byName = new Map(queued.map((q) => [q.name.toLowerCase(), q]));
  const out: SheetSnapshot[] = [];
  const notices: ReadNotice[] = [];
  const beyond: Target[] = [];
  let cells = 0;
  for (const s of current) {
    const q = byName.get(s.name.toLowerCase());
    if (!q) continue;
    const sheet = emptySheet(s.name, s.visibility, mergesOf(q.merged));
    out.push(sheet);
    if (q.full.isNullObject) continue;
    const f = q.full;
    const fullCells = f.rowCount * f.columnCount;
    if (f.rowIndex + f.rowCount > boxRows || f.columnIndex + f.columnCount > boxCols) {
      if (fullCells > cap) notices.push(tooLargeNotice(s.name, f.rowIndex, f.columnIndex, f.rowCount, f.columnCount));
      else {
        beyond.push({ index: out.length - 1, name: s.name, rowIndex: f.rowIndex, columnIndex: f.columnIndex, rows: f.rowCount, cols: f.columnCount });
        cells += fullCells;
      }
      continue;
    }
    if (q.boxed.isNullObject) continue;
    const values = q.boxed.values as unknown;
    // Over Excel's get limit, `values` may be null instead of an error (OfficeDev/office-js #4783, #6781).
    if (!Array.isArray(values)) throw new NullValuesError();
    cells += fullCells;
    sheet.origin = { row: q.boxed.rowIndex, col: q.boxed.columnIndex };
    sheet.values = convertGrid(q.boxed.values, q.boxed.valueTypes, q.boxed.numberFormat);
    trim(sheet);
  }
  if (beyond.length > 0) await readBlocks(context, sheets, beyond, budget, out);
  return { snapshot: withSettings(out, settings), names: current.map((s) => s.name), cells, notices, mergeBands: bands };
}

/** A sheet's used range to read in blocks into out[index]. */
interface Target {
  index: number;
  name: string;
  rowIndex: number;
  columnIndex: number;
  rows: number;
  cols: number;
}
interface Block {
  sheet: number;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Reads targets' cells in blocks of at most `budget` cells per sync (halving on a size failure). */
async function readBlocks(context: Excel.RequestContext, sheets: Excel.WorksheetCollection, targets: Target[], budget: number, out: SheetSnapshot[]): Promise<void> {
  const blocks: Block[] = [];
  targets.forEach((t, i) => {
    out[t.index].origin = { row: t.rowIndex, col: t.columnIndex };
    out[t.index].values = Array.from({ length: t.rows }, () => new Array<CellValue>(t.cols).fill(null));
    blocks.push({ sheet: i, row: 0, col: 0, rows: t.rows, cols: t.cols });
  });
  let remaining = blocks;
  let size = budget;
  while (remaining.length > 0) {
    const batches = pack(remaining, size);
    const batch = batches[0];
    const loaded = batch.map((b) => {
      const t = targets[b.sheet];
      const r = sheets.getItem(t.name).getRangeByIndexes(t.rowIndex + b.row, t.columnIndex + b.col, b.rows, b.cols);
      r.load("values,valueTypes,numberFormat");
      return { b, r };
    });
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk is the point of chunking
      await context.sync();
      if (loaded.some(({ r }) => !Array.isArray(r.values as unknown))) throw new NullValuesError();
    } catch (e) {
      // Cells heavier than estimated (long text), or a GeneralException on a big request: halve and
      // re-plan. A GeneralException on a handful of cells is not about size: pass it on.
      const asked = batch.reduce((n, b) => n + b.rows * b.cols, 0);
      const generalOnSmall = officeCode(e) === "GeneralException" && asked <= 16;
      if (!isSizeOrMergeFailure(e) || asked <= 1 || generalOnSmall) throw e;
      size = Math.max(1, Math.floor(asked / 2));
      continue;
    }
    for (const { b, r } of loaded) {
      const grid = convertGrid(r.values, r.valueTypes, r.numberFormat);
      const target = out[targets[b.sheet].index].values;
      for (let i = 0; i < b.rows; i++) for (let j = 0; j < b.cols; j++) target[b.row + i][b.col + j] = grid[i][j];
    }
    remaining = batches.slice(1).flat();
  }
  for (const t of targets) trim(out[t.index]);
}

interface Dim {
  name: string;
  used: Excel.Range;
  /** The used range with formats (merged cells count as used): bounds for the merge bands. */
  formatted: Excel.Range | null;
  merged: Excel.RangeAreas[] | null;
}

/**
 * One sync for sizes (and the merged areas, unless they are suspected of failing the batch), the
 * merged areas apart when needed, then the cells in blocks packed into as few syncs as the budget allows.
 */
async function readChunked(
  context: Excel.RequestContext,
  names: string[],
  budget: number,
  options: ReadOptions,
  bands: Map<string, Band[]>,
  mergesApart: boolean,
): Promise<ReadResult> {
  const sheets = context.workbook.worksheets;
  const queue = (name: string, apart: boolean): Dim => {
    const ws = sheets.getItem(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    let formatted: Excel.Range | null = null;
    if (apart) {
      formatted = ws.getUsedRangeOrNullObject(false);
      formatted.load("rowIndex,rowCount");
    }
    return { name, used, formatted, merged: apart ? null : queueMerges(ws, bands.get(name.toLowerCase())) };
  };
  const sizes = async (apart: boolean) => {
    sheets.load("items/name,items/visibility");
    const settings = context.workbook.settings;
    settings.load("items/key,items/value");
    const dims = names.map((n) => queue(n, apart));
    const charts = queueCharts(sheets, names, options);
    await context.sync();
    charts();
    const current = currentSheets(sheets);
    const known = new Set(names.map((n) => n.toLowerCase()));
    const added = current.filter((s) => !known.has(s.name.toLowerCase()) && (options.includeInternalSheets || !isInternal(s.name)));
    if (added.length > 0) {
      for (const s of added) dims.push(queue(s.name, apart));
      await context.sync();
    }
    return { dims, current, settings };
  };
  let read: Awaited<ReturnType<typeof sizes>>;
  let apart = mergesApart;
  try {
    read = await sizes(apart);
  } catch (e) {
    if (apart || officeCode(e) !== "GeneralException") throw e;
    apart = true;
    read = await sizes(true);
  }
  const { dims, current, settings } = read;
  const vis = new Map(current.map((s) => [s.name.toLowerCase(), s.visibility]));
  const notices: ReadNotice[] = [];
  const nextBands = new Map(bands);
  const mergesByDim: MergeArea[][] = dims.map((d) => (d.merged ? mergesOf(d.merged) : []));
  if (apart) {
    const isolated = await readMergesApart(context, sheets, dims);
    dims.forEach((d, i) => {
      const r = isolated[i];
      mergesByDim[i] = r.areas;
      if (!r.complete) notices.push(mergesNotice(d.name));
      if (r.complete && r.bands) nextBands.set(d.name.toLowerCase(), r.bands);
      else nextBands.delete(d.name.toLowerCase());
    });
  }
  const snaps: SheetSnapshot[] = dims.map((d, i) => emptySheet(d.name, vis.get(d.name.toLowerCase()), mergesByDim[i]));
  const cap = options.maxSheetCells ?? DEFAULTS.maxSheetCells;
  const targets: Target[] = [];
  let cells = 0;
  dims.forEach((d, i) => {
    if (d.used.isNullObject) return;
    const u = d.used;
    const n = u.rowCount * u.columnCount;
    if (n > cap) {
      notices.push(tooLargeNotice(d.name, u.rowIndex, u.columnIndex, u.rowCount, u.columnCount));
      return;
    }
    cells += n;
    targets.push({ index: i, name: d.name, rowIndex: u.rowIndex, columnIndex: u.columnIndex, rows: u.rowCount, cols: u.columnCount });
  });
  await readBlocks(context, sheets, targets, budget, snaps);
  const order = new Map(current.map((s, i) => [s.name.toLowerCase(), i]));
  snaps.sort((a, b) => (order.get(a.name.toLowerCase()) ?? 0) - (order.get(b.name.toLowerCase()) ?? 0));
  return { snapshot: withSettings(snaps, settings), names: current.map((s) => s.name), cells, notices, mergeBands: nextBands };
}

/** At most this many syncs are spent isolating merged areas; sheets still unread then get a notice. */
const MAX_MERGE_SYNCS = 40;

/**
 * Reads each sheet's merged areas so that no single request exceeds Excel's 512 areas: all sheets
 * whole first, then halves of the sheet list, then a failing sheet by row bands (its used rows, then
 * halves of them). A batch fails as a whole, so each sync only holds requests not yet known to fail.
 * Returns per dim the areas, whether they are complete, and the bands used when the sheet was split.
 */
async function readMergesApart(
  context: Excel.RequestContext,
  sheets: Excel.WorksheetCollection,
  dims: Dim[],
): Promise<{ areas: MergeArea[]; complete: boolean; bands?: Band[] }[]> {
  const result = dims.map(() => ({ areas: [] as MergeArea[], seen: new Set<string>(), complete: true, bands: [] as Band[], split: false }));
  interface Job {
    dim: number;
    band: Band;
  }
  const whole = (i: number): Job => ({ dim: i, band: { top: 0, bottom: MAX_ROWS - 1 } });
  // The first attempt (every sheet whole) has just failed: start from the halves.
  const all = dims.map((_d, i) => whole(i));
  let pending: Job[][] = all.length > 1 ? [all.slice(0, Math.ceil(all.length / 2)), all.slice(Math.ceil(all.length / 2))] : [all];
  let syncs = 0;
  while (pending.length > 0) {
    const group = pending.shift()!;
    if (syncs >= MAX_MERGE_SYNCS) {
      for (const j of group) result[j.dim].complete = false;
      continue;
    }
    const loads = group.map((j) => {
      const m = sheets.getItem(dims[j.dim].name).getRangeByIndexes(j.band.top, 0, j.band.bottom - j.band.top + 1, MAX_COLS).getMergedAreasOrNullObject();
      m.load("address");
      return { j, m };
    });
    syncs++;
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request group per sync: a failing group fails its whole batch
      await context.sync();
    } catch (e) {
      if (officeCode(e) === "ItemNotFound") throw e;
      if (group.length > 1) {
        const h = Math.ceil(group.length / 2);
        pending = [group.slice(0, h), group.slice(h), ...pending];
        continue;
      }
      const j = group[0];
      const parts = splitBand(j.band, dims[j.dim].formatted);
      if (parts.length === 0) result[j.dim].complete = false;
      else {
        result[j.dim].split = true;
        pending = [...parts.map((b) => [{ dim: j.dim, band: b }]), ...pending];
      }
      continue;
    }
    for (const { j, m } of loads) {
      const r = result[j.dim];
      r.bands.push(j.band);
      if (m.isNullObject) continue;
      for (const a of parseMerges(m.address)) {
        const k = `${a.top},${a.left},${a.bottom},${a.right}`;
        if (r.seen.has(k)) continue;
        r.seen.add(k);
        r.areas.push(a);
      }
    }
  }
  return result.map((r) => ({
    areas: r.areas.sort((a, b) => a.top - b.top || a.left - b.left),
    complete: r.complete,
    bands: r.split ? r.bands.sort((a, b) => a.top - b.top) : undefined,
  }));
}

/** Splits a band that failed: the whole sheet into [above, used rows, below]; else into halves; a single row cannot be split. */
function splitBand(band: Band, formatted: Excel.Range | null): Band[] {
  if (formatted && !formatted.isNullObject) {
    const top = formatted.rowIndex;
    const bottom = formatted.rowIndex + formatted.rowCount - 1;
    if (band.top < top || band.bottom > bottom) {
      const parts: Band[] = [];
      if (band.top < top) parts.push({ top: band.top, bottom: Math.min(band.bottom, top - 1) });
      const mid = { top: Math.max(band.top, top), bottom: Math.min(band.bottom, bottom) };
      if (mid.top <= mid.bottom) parts.push(mid);
      if (band.bottom > bottom) parts.push({ top: Math.max(band.top, bottom + 1), bottom: band.bottom });
      if (parts.length > 1) return parts;
    }
  }
  if (band.top === band.bottom) return [];
  const mid = Math.floor((band.top + band.bottom) / 2);
  return [
    { top: band.top, bottom: mid },
    { top: mid + 1, bottom: band.bottom },
  ];
}

function mergesOf(list: Excel.RangeAreas[]): MergeArea[] {
  if (list.length === 1) return list[0].isNullObject ? [] : parseMerges(list[0].address);
  const seen = new Set<string>();
  const out: MergeArea[] = [];
  for (const m of list) {
    if (m.isNullObject) continue;
    for (const a of parseMerges(m.address)) {
      const k = `${a.top},${a.left},${a.bottom},${a.right}`;
      if (!seen.has(k)) {
        seen.add(k);
        out.push(a);
      }
    }
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * Packs blocks into batches of at most `budget` cells, splitting blocks by rows (and by columns when
 * one row is wider than the budget). Greedy fill: every batch but the last is full to within one row.
 */
export function pack(blocks: Block[], budget: number): Block[][] {
  const batches: Block[][] = [];
  let cur: Block[] = [];
  let room = budget;
  for (const blk of blocks) {
    const span = Math.min(blk.cols, budget);
    for (let c = 0; c < blk.cols; c += span) {
      const w = Math.min(span, blk.cols - c);
      let r = 0;
      while (r < blk.rows) {
        const fit = Math.floor(room / w);
        if (fit === 0) {
          batches.push(cur);
          cur = [];
          room = budget;
          continue;
        }
        const n = Math.min(fit, blk.rows - r);
        cur.push({ sheet: blk.sheet, row: blk.row + r, col: blk.col + c, rows: n, cols: w });
        room -= n * w;
        r += n;
      }
    }
  }
  if (cur.length > 0) batches.push(cur);
  return batches;
}

function emptySheet(name: string, visibility: "hidden" | "veryHidden" | undefined, merges: MergeArea[]): SheetSnapshot {
  const s: SheetSnapshot & { visibility?: "visible" | "hidden" | "veryHidden" } = { name, origin: { row: 0, col: 0 }, values: [], merges };
  if (visibility) s.visibility = visibility;
  return s;
}

/** "公开01表!A1:F1,公开01表!A2:A4" (or "'表 1'!A1:F1, …") → 0-based areas, top-to-bottom then left-to-right. */
export function parseMerges(address: string): MergeArea[] {
  const out: MergeArea[] = [];
  for (const part of splitAreas(address)) {
    const p = parseAddress(part);
    if (p) out.push(p.area);
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

function convertGrid(values: unknown[][], types: string[][], formats: unknown[][]): CellValue[][] {
  return values.map((line, i) =>
    line.map((v, j) => toSnapshotValue(v, types[i]?.[j], typeof formats[i]?.[j] === "string" ? (formats[i][j] as string) : undefined)),
  );
}

/** Drops empty border rows/columns so that the grid is exactly the bounding box of non-empty values. */
function trim(sheet: SheetSnapshot): void {
  const v = sheet.values;
  const rowHas = v.map((line) => line.some((x) => x !== null));
  const first = rowHas.indexOf(true);
  if (first < 0) {
    sheet.values = [];
    sheet.origin = { row: 0, col: 0 };
    return;
  }
  const last = rowHas.lastIndexOf(true);
  let left = Infinity;
  let right = -1;
  for (const line of v) {
    line.forEach((x, j) => {
      if (x !== null) {
        left = Math.min(left, j);
        right = Math.max(right, j);
      }
    });
  }
  if (first === 0 && last === v.length - 1 && left === 0 && v.every((l) => l.length === right + 1)) return;
  sheet.values = v.slice(first, last + 1).map((line) => {
    const out = line.slice(left, right + 1);
    while (out.length < right - left + 1) out.push(null);
    return out;
  });
  sheet.origin = { row: sheet.origin.row + first, col: sheet.origin.col + left };
}

function withSettings(sheets: SheetSnapshot[], settings: Excel.SettingCollection): WorkbookSnapshot {
  const out: WorkbookSnapshot = { sheets };
  if (settings.items.length > 0) out.settings = Object.fromEntries(settings.items.map((s) => [s.key, s.value]));
  return out;
}
