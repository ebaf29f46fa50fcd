/**
 * Reading the whole workbook into a WorkbookSnapshot with as few context.sync() calls as possible.
 *
 * Excel cannot enumerate the sheets and read them in the same batch (the collection's items exist only
 * after a sync), so the adapter remembers, per host, the sheet names and the size of the last read:
 *  - normal case (names known): ONE sync loads every sheet's used range (values, valueTypes,
 *    numberFormat), merged areas and the add-in settings;
 *  - first read of a session: one sync for the names, then that one sync;
 *  - a workbook over Excel's limits (5 million cells per read; about 5 MB per response on the web):
 *    one sync for the used-range sizes, then the cells in row blocks packed into as few syncs as the
 *    budget allows. A first over-size attempt is detected by Excel's size errors and redone this way.
 * Sheets are addressed by name through getItem: if one was deleted meanwhile, Excel fails the batch
 * with ItemNotFound and the read starts over with fresh names. Nothing is ever chained off a null object.
 */
import type { CellValue, MergeArea, SheetSnapshot, WorkbookSnapshot } from "../../src/workbook/snapshot";
import { parseAddress, splitAreas } from "./address";
import { toSnapshotValue } from "./convert";
import { isSizeLimitError, officeCode } from "./errors";
import { ExcelHost, getExcel, runExcel } from "./host";

export interface ReadOptions {
  /** Most cells one sync may read (Excel: 5 million per get). */
  maxCellsPerSync?: number;
  /** Largest response wanted from one sync, in bytes (Excel on the web: 5 MB). */
  maxPayloadBytes?: number;
  /** Estimated response bytes per cell (value + valueType + numberFormat as JSON). */
  bytesPerCell?: number;
  /** Also read the add-in's own hidden sheets (names starting with "_juesuan"). */
  includeInternalSheets?: boolean;
  /** Sheet names in tab order, if the caller knows them (skips the names sync of a first read). */
  knownSheetNames?: string[];
  /** Also load the chart names of these sheets (when they exist), in the same sync; reported to onCharts. */
  chartsOf?: string[];
  /** Receives the chart names per sheet of chartsOf that exists (keyed by the sheet name as given). */
  onCharts?: (charts: Record<string, string[]>) => void;
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

export const DEFAULTS = { maxCellsPerSync: 5000000, maxPayloadBytes: 5 * 1024 * 1024, bytesPerCell: 40 };

interface HostMemory {
  names: string[];
  /** Cells of all used ranges at the last read. */
  cells: number;
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
  memory.set(host, { names: names.slice(), cells: m?.cells ?? 0 });
}


function budgetOf(o: ReadOptions): number {
  const cells = o.maxCellsPerSync ?? DEFAULTS.maxCellsPerSync;
  const bytes = o.maxPayloadBytes ?? DEFAULTS.maxPayloadBytes;
  const per = o.bytesPerCell ?? DEFAULTS.bytesPerCell;
  return Math.max(1, Math.min(cells, Math.floor(bytes / per)));
}

const isInternal = (name: string) => name.startsWith(INTERNAL_SHEET_PREFIX);

/** Reads every sheet of the workbook (see the module comment for the number of syncs). */
export async function readWorkbookSnapshot(excel?: ExcelHost, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const host = getExcel(excel);
  const budget = budgetOf(options);
  return runExcel(host, async (context) => {
    let names: string[] | undefined = options.knownSheetNames ?? memory.get(host)?.names;
    const lastCells = memory.get(host)?.cells ?? 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      if (!names) names = await loadNames(context);
      const toRead = names.filter((n) => options.includeInternalSheets || !isInternal(n));
      try {
        let result: { snapshot: WorkbookSnapshot; names: string[]; cells: number };
        if (lastCells > budget) result = await readChunked(context, toRead, budget, options);
        else {
          try {
            result = await readInOneSync(context, toRead, options);
          } catch (e) {
            if (!isSizeLimitError(e)) throw e;
            result = await readChunked(context, toRead, budget, options);
          }
        }
        memory.set(host, { names: result.names, cells: result.cells });
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

async function loadNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  return sheets.items.map((s) => s.name);
}

interface Queued {
  name: string;
  used: Excel.Range;
  merged: Excel.RangeAreas;
}

/** Queues one sheet's values-only used range (its size, and its cells when `withValues`) and the merged areas of the whole sheet. */
function queueSheet(sheets: Excel.WorksheetCollection, name: string, withValues: boolean): Queued {
  const ws = sheets.getItem(name);
  const used = ws.getUsedRangeOrNullObject(true);
  if (withValues) used.load("address,rowIndex,columnIndex,rowCount,columnCount,values,valueTypes,numberFormat");
  else used.load("address,rowIndex,columnIndex,rowCount,columnCount");
  // Merges of the whole sheet: a merged area may reach outside the values-only used range.
  const merged = ws.getRange().getMergedAreasOrNullObject();
  merged.load("address");
  return { name, used, merged };
}

/** Queues the per-sheet loads plus the names and settings; one sync. Sheets that appeared meanwhile are read by one more. */
async function readInOneSync(context: Excel.RequestContext, names: string[], options: ReadOptions) {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const settings = context.workbook.settings;
  settings.load("items/key,items/value");
  const queue = (list: string[]): Queued[] => list.map((name) => queueSheet(sheets, name, true));
  const queued = queue(names);
  const charts = queueCharts(sheets, names, options);
  await context.sync();
  charts();
  const current = sheets.items.map((s) => s.name);
  const known = new Set(names.map((n) => n.toLowerCase()));
  const added = current.filter((n) => !known.has(n.toLowerCase()) && (options.includeInternalSheets || !isInternal(n)));
  if (added.length > 0) {
    queued.push(...queue(added));
    await context.sync();
  }
  const byName = new Map(queued.map((q) => [q.name.toLowerCase(), q]));
  const out: SheetSnapshot[] = [];
  let cells = 0;
  for (const name of current) {
    const q = byName.get(name.toLowerCase());
    if (!q) continue;
    const sheet = emptySheet(name, q.merged);
    if (!q.used.isNullObject) {
      cells += q.used.rowCount * q.used.columnCount;
      sheet.origin = { row: q.used.rowIndex, col: q.used.columnIndex };
      sheet.values = convertGrid(q.used.values, q.used.valueTypes, q.used.numberFormat);
      trim(sheet);
    }
    out.push(sheet);
  }
  return { snapshot: withSettings(out, settings), names: current, cells };
}

interface Dim {
  name: string;
  merged: Excel.RangeAreas;
  used: Excel.Range;
}
interface Block {
  sheet: number;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** One sync for sizes and merges, then the cells in blocks packed into as few syncs as the budget allows. */
async function readChunked(context: Excel.RequestContext, names: string[], budget: number, options: ReadOptions) {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const settings = context.workbook.settings;
  settings.load("items/key,items/value");
  const dims: Dim[] = names.map((name) => queueSheet(sheets, name, false));
  const charts = queueCharts(sheets, names, options);
  await context.sync();
  charts();
  const current = sheets.items.map((s) => s.name);
  const known = new Set(names.map((n) => n.toLowerCase()));
  const added = current.filter((n) => !known.has(n.toLowerCase()) && (options.includeInternalSheets || !isInternal(n)));
  if (added.length > 0) {
    for (const name of added) {
      const ws = sheets.getItem(name);
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("address,rowIndex,columnIndex,rowCount,columnCount");
      const merged = ws.getRange().getMergedAreasOrNullObject();
      merged.load("address");
      dims.push({ name, used, merged });
    }
    await context.sync();
  }

  const snaps: SheetSnapshot[] = dims.map((d) => emptySheet(d.name, d.merged));
  const blocks: Block[] = [];
  let cells = 0;
  dims.forEach((d, i) => {
    if (d.used.isNullObject) return;
    const rows = d.used.rowCount;
    const cols = d.used.columnCount;
    cells += rows * cols;
    snaps[i].origin = { row: d.used.rowIndex, col: d.used.columnIndex };
    snaps[i].values = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
    blocks.push({ sheet: i, row: 0, col: 0, rows, cols });
  });

  let remaining = blocks;
  let size = budget;
  while (remaining.length > 0) {
    const batches = pack(remaining, size);
    const batch = batches[0];
    const loaded = batch.map((b) => {
      const u = dims[b.sheet].used;
      const r = sheets.getItem(dims[b.sheet].name).getRangeByIndexes(u.rowIndex + b.row, u.columnIndex + b.col, b.rows, b.cols);
      r.load("values,valueTypes,numberFormat");
      return { b, r };
    });
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk is the point of chunking
      await context.sync();
    } catch (e) {
      // Cells heavier than estimated (long text): halve the budget and re-plan.
      if (!isSizeLimitError(e) || size <= 1) throw e;
      size = Math.max(1, Math.floor(size / 2));
      continue;
    }
    for (const { b, r } of loaded) {
      const grid = convertGrid(r.values, r.valueTypes, r.numberFormat);
      const target = snaps[b.sheet].values;
      for (let i = 0; i < b.rows; i++) for (let j = 0; j < b.cols; j++) target[b.row + i][b.col + j] = grid[i][j];
    }
    remaining = batches.slice(1).flat();
  }
  snaps.forEach(trim);
  const order = new Map(current.map((n, i) => [n.toLowerCase(), i]));
  snaps.sort((a, b) => (order.get(a.name.toLowerCase()) ?? 0) - (order.get(b.name.toLowerCase()) ?? 0));
  return { snapshot: withSettings(snaps, settings), names: current, cells };
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

function emptySheet(name: string, merged: Excel.RangeAreas): SheetSnapshot {
  return { name, origin: { row: 0, col: 0 }, values: [], merges: merged.isNullObject ? [] : parseMerges(merged.address) };
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
