/**
 * An in-memory Excel: exactly the subset of the Excel JavaScript API that taskpane/excel uses, with
 * Excel's batching model. Commands and loads are queued and applied at context.sync() (counted), a
 * property read before load()+sync() throws PropertyNotLoaded, mismatched writes throw InvalidArgument,
 * and a response over the configured payload limit throws ResponsePayloadSizeLimitExceeded.
 *
 * Pure TypeScript (no Node APIs) so that a browser preview page can bundle it as a simulated host.
 *
 * Where the real behaviour is unknown, the fake is stricter than Excel, never looser: for example a
 * method called on a null object (the result of an *OrNullObject call that found nothing) fails the
 * batch, so the adapter must never rely on chaining off a possibly-null object.
 */
import type { CellValue, MergeArea, SheetSnapshot, WorkbookSnapshot } from "../../src/workbook/snapshot";
import { MAX_COLS, MAX_ROWS, Rect, intersects, localAddress, parseLocalAddress, quoteSheet } from "./address";

export type ValueType = "Empty" | "String" | "Double" | "Boolean" | "Error";
export type Visibility = "Visible" | "Hidden" | "VeryHidden";

interface Cell {
  v: string | number | boolean;
  t: ValueType;
  fmt?: string;
}
interface FormatProps {
  bold?: boolean;
  size?: number;
  color?: string;
  wrapText?: boolean;
}
interface FormatLayer {
  rect: Rect;
  props: FormatProps;
}
interface SheetState {
  id: string;
  name: string;
  visibility: Visibility;
  cells: Map<number, Cell>;
  merges: Rect[];
  formats: FormatLayer[];
  columnWidths: Map<number, number>;
  charts: ChartState[];
}

/** A chart on a sheet: what the adapter set (type, source range, series orientation, title, position). */
interface ChartState {
  id: string;
  name: string;
  type: string;
  /** Local address of the source range, e.g. "L3:N5". */
  source: string;
  seriesBy: string;
  title: string;
  /** setPosition(startCell, endCell?) as given (local addresses), or null when never positioned. */
  position: { start: string; end?: string } | null;
  width: number;
  height: number;
  top?: number;
  left?: number;
}

export interface FakeExcelOptions {
  /** Name of the sheet that is active at start (default: the first visible one). */
  activeSheet?: string;
  /** Largest response one sync may return, in bytes of JSON (Excel on the web: 5 MB). */
  maxResponseBytes?: number;
  /** Largest range whose cell properties may be loaded at once (Excel: 5 million cells). */
  maxCellsPerLoad?: number;
  /** Visibility per sheet name, for sheets of the snapshot. */
  visibility?: Record<string, Visibility>;
  /**
   * What a get over maxCellsPerLoad does. Microsoft documents a five-million-cell limit for get
   * operations, and that `Range.values` "doesn't always throw an error. In some cases, Range.values
   * returns null instead" (OfficeDev/office-js-docs-pr #5821; OfficeDev/office-js #4783, #6781).
   * Default "null", the harder case for the adapter.
   */
  oversizedGet?: "null" | "error";
  /**
   * The error code of a response over maxResponseBytes. Excel on the web documents
   * ResponsePayloadSizeLimitExceeded, but oversized requests are also reported as GeneralException
   * ("An internal error has occurred", OfficeDev/office-js-docs #1247, office-js-docs-reference #354).
   */
  payloadErrorCode?: "ResponsePayloadSizeLimitExceeded" | "GeneralException";
  /**
   * Decimal separator of the user's locale for text written through range.values, which Excel parses
   * like user input in that locale ("Locale-shaped strings … are stored as text", office-js-docs-reference,
   * excel.range.yml, Range.values): with ",", the text "393.40" stays text, as in a comma-decimal Excel.
   */
  decimalSeparator?: "." | ",";
  /**
   * The error code of activate() on a hidden sheet. Excel documents none: the fake uses
   * InvalidOperation by default, and tests try others so that the adapter depends on no code.
   */
  hiddenActivateCode?: string;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86400000;

/** An error shaped like OfficeExtension.Error ("RichApi.Error"). */
export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    public readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, errorLocation };
  }
}

const MSG = {
  propertyNotLoaded: (p: string) =>
    `The property '${p}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  itemNotFound: "The requested resource doesn't exist.",
  dims: "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
  payload: "The response payload size has exceeded the limit. Please refer to the documentation: \"https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins\".",
  tooManyCells: "The range has exceeded the maximum number of cells that can be read at once.",
  nullPath: "The object path is a null object: a method was called on the result of an *OrNullObject call that found nothing.",
  alreadyExists: "A resource with the same name or identifier already exists.",
  invalidArg: "The argument is invalid or missing or has an incorrect format.",
  invalidOp: "The requested operation is invalid.",
  internal: "An internal error has occurred.",
  afterRun: "The object is no longer usable: it was created in an Excel.run batch that has completed.",
};

// ---------------------------------------------------------------- workbook state

class WorkbookState {
  sheets: SheetState[] = [];
  activeId = "";
  selection: { sheet: string; address: string } | null = null;
  settings = new Map<string, unknown>();
  settingsWrites = 0;
  syncCount = 0;
  nextChart = 1;
  private nextId = 1;
  constructor(public readonly options: FakeExcelOptions) {}

  newSheet(name: string): SheetState {
    const s: SheetState = {
      id: `{sheet-${this.nextId++}}`,
      name,
      visibility: "Visible",
      cells: new Map(),
      merges: [],
      formats: [],
      columnWidths: new Map(),
      charts: [],
    };
    return s;
  }
  byName(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }
  byId(id: string): SheetState | undefined {
    return this.sheets.find((s) => s.id === id);
  }
  active(): SheetState {
    return this.byId(this.activeId) ?? this.sheets[0];
  }
}

const key = (r: number, c: number) => r * MAX_COLS + c;
const unkey = (k: number) => ({ row: Math.floor(k / MAX_COLS), col: k % MAX_COLS });

function usedRect(sheet: SheetState, valuesOnly: boolean, within?: Rect): Rect | null {
  let r: Rect | null = null;
  const add = (row0: number, col0: number) => {
    let row = row0;
    let col = col0;
    if (within) {
      row = Math.min(Math.max(row, within.top), within.bottom);
      col = Math.min(Math.max(col, within.left), within.right);
    }
    if (!r) r = { top: row, bottom: row, left: col, right: col };
    else {
      r.top = Math.min(r.top, row);
      r.bottom = Math.max(r.bottom, row);
      r.left = Math.min(r.left, col);
      r.right = Math.max(r.right, col);
    }
  };
  for (const [k, cell] of sheet.cells) {
    if (valuesOnly && cell.t === "Empty") continue;
    const { row, col } = unkey(k);
    if (within && (row < within.top || row > within.bottom || col < within.left || col > within.right)) continue;
    add(row, col);
  }
  if (!valuesOnly) {
    for (const m of sheet.merges) {
      if (within && !intersects(m, within)) continue;
      add(m.top, m.left);
      add(m.bottom, m.right);
    }
  }
  return r;
}

function validSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

/**
 * Excel's parsing of a value written through range.values, which re-types text as a user's input
 * would be: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel
 * interprets this value as a formula" (office-js-docs-reference, excel.range.yml, Range.values), and
 * text that looks like a number, a percentage or a date becomes one. Only a cell formatted as text
 * ("@") keeps the text as written. The fake does not evaluate formulas: a formula cell holds #NAME?
 * (never the text that was written), so an adapter that forgets "@" fails its tests.
 */
function parseInput(v: unknown, fmt: string | undefined, decimal: "." | "," = "."): Cell | null {
  if (v === null || v === undefined) return null; // null leaves the cell unchanged, as in Excel
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new FakeOfficeError("InvalidArgument", MSG.invalidArg);
    return { v, t: "Double", fmt };
  }
  if (typeof v === "boolean") return { v, t: "Boolean", fmt };
  if (typeof v !== "string") throw new FakeOfficeError("InvalidArgument", MSG.invalidArg);
  if (v === "") return { v: "", t: "Empty", fmt };
  if (fmt === "@") return { v, t: "String", fmt };
  if (v.startsWith("'")) return { v: v.slice(1), t: "String", fmt };
  const t = v.trim();
  const num = decimal === "." ? /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/ : /^[+-]?(\d{1,3}(\.\d{3})+|\d+)?(,\d+)?$/;
  const plain = (x: string) => (decimal === "." ? x.replace(/,/g, "") : x.replace(/\./g, "").replace(",", "."));
  if (/\d/.test(t) && num.test(t)) return { v: Number(plain(t)), t: "Double", fmt };
  const pct = /^([+-]?[\d.,]+)%$/.exec(t);
  if (pct && num.test(pct[1])) return { v: Number(plain(pct[1])) / 100, t: "Double", fmt: fmt ?? "0%" };
  if (/^[=+-]/.test(v)) return { v: "#NAME?", t: "Error", fmt };
  // Dates as typed in an en-US Excel: "2020-12" (1 Dec 2020), "2020-12-31", "1/2" (2 January this year).
  const ym = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(t);
  if (ym && Number(ym[2]) >= 1 && Number(ym[2]) <= 12) {
    const ms = Date.UTC(Number(ym[1]), Number(ym[2]) - 1, ym[3] ? Number(ym[3]) : 1);
    return { v: (ms - EXCEL_EPOCH_MS) / MS_PER_DAY, t: "Double", fmt: fmt ?? (ym[3] ? "yyyy-mm-dd" : "mmm-yy") };
  }
  const md = /^(\d{1,2})\/(\d{1,2})$/.exec(t);
  if (md && Number(md[1]) >= 1 && Number(md[1]) <= 12 && Number(md[2]) >= 1 && Number(md[2]) <= 31) {
    const ms = Date.UTC(new Date().getUTCFullYear(), Number(md[1]) - 1, Number(md[2]));
    return { v: (ms - EXCEL_EPOCH_MS) / MS_PER_DAY, t: "Double", fmt: fmt ?? "d-mmm" };
  }
  if (/^(true|false)$/i.test(t)) return { v: t.toUpperCase() === "TRUE", t: "Boolean", fmt };
  if (/^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!)$/.test(t)) return { v: t, t: "Error", fmt };
  return { v, t: "String", fmt };
}

function cellOut(cell: Cell | undefined): string | number | boolean {
  if (!cell || cell.t === "Empty") return "";
  return cell.v;
}

// ---------------------------------------------------------------- request context and proxies

type Action = () => void;

class Ctx {
  queue: Action[] = [];
  responseBytes = 0;
  closed = false;
  /** Sheets added by the batch being applied (see Worksheet.activate). */
  added = new Set<SheetState>();
  constructor(readonly state: WorkbookState) {}
  enqueue(a: Action): void {
    if (this.closed) throw new FakeOfficeError("InvalidObjectPath", MSG.afterRun);
    this.queue.push(a);
  }
  addResponse(data: unknown): void {
    this.responseBytes += JSON.stringify(data ?? null).length;
  }
  async sync(): Promise<void> {
    if (this.closed) throw new FakeOfficeError("InvalidObjectPath", MSG.afterRun);
    this.state.syncCount++;
    const actions = this.queue;
    this.queue = [];
    this.responseBytes = 0;
    this.added = new Set();
    await Promise.resolve();
    // Commands run in order and the first failure ends the batch; what ran before it stays. Microsoft
    // documents no rollback of a failed batch, so the fake keeps those effects (the harder case).
    for (const a of actions) a();
    const limit = this.state.options.maxResponseBytes ?? 5 * 1024 * 1024;
    if (this.responseBytes > limit) {
      const code = this.state.options.payloadErrorCode ?? "ResponsePayloadSizeLimitExceeded";
      throw new FakeOfficeError(code, code === "GeneralException" ? MSG.internal : MSG.payload);
    }
  }
}

function parseProps(arg: unknown): string[] | null {
  if (arg === undefined || arg === null) return null; // all scalar properties
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.map(String);
  if (typeof arg === "object" && "select" in (arg as object)) return parseProps((arg as { select?: string }).select);
  throw new FakeOfficeError("InvalidArgument", MSG.invalidArg);
}

/** Base of all proxies: resolution at sync time (memoised, as Excel instantiates an object path once), load bookkeeping. */
abstract class FakeObject<T> {
  protected loaded = new Map<string, unknown>();
  private resolved = false;
  private target: T | null = null;
  private isNull?: boolean;
  constructor(
    protected readonly ctx: Ctx,
    private readonly resolver: () => T | null,
    protected readonly entity: string,
  ) {}
  get context(): unknown {
    return this.ctx;
  }
  /** Called from actions only (inside sync). */
  resolve(): T | null {
    if (!this.resolved) {
      this.target = this.resolver();
      this.resolved = true;
    }
    return this.target;
  }
  /** Resolves or fails the batch: for commands, which cannot run on a null object. */
  need(): T {
    const t = this.resolve();
    if (t === null) throw new FakeOfficeError("InvalidObjectPath", MSG.nullPath, this.entity);
    return t;
  }
  /** A resolver for a child object: fails when this object is null. */
  protected child<U>(f: (t: T) => U | null): () => U | null {
    return () => f(this.need());
  }
  get isNullObject(): boolean {
    if (this.isNull === undefined) throw new FakeOfficeError("PropertyNotLoaded", MSG.propertyNotLoaded("isNullObject"), `${this.entity}.isNullObject`);
    return this.isNull;
  }
  protected read<V>(prop: string): V {
    if (this.isNull === true) return null as V;
    if (!this.loaded.has(prop)) throw new FakeOfficeError("PropertyNotLoaded", MSG.propertyNotLoaded(prop), `${this.entity}.${prop}`);
    return this.loaded.get(prop) as V;
  }
  /** Property writes are queued (and visible locally at once, as in office.js). */
  protected write(prop: string, value: unknown, apply: (t: T) => void): void {
    this.loaded.set(prop, value);
    this.ctx.enqueue(() => apply(this.need()));
  }
  protected abstract scalarProps(): string[];
  protected abstract getProp(t: T, prop: string): unknown;
  load(arg?: unknown): this {
    const props = parseProps(arg) ?? this.scalarProps();
    for (const p of props) if (p.includes("/")) throw new FakeOfficeError("InvalidArgument", `The fake does not load paths on ${this.entity}: ${p}`);
    this.ctx.enqueue(() => {
      const t = this.resolve();
      this.isNull = t === null;
      if (t === null) return;
      const data: Record<string, unknown> = {};
      for (const p of props) {
        if (!this.scalarProps().includes(p)) throw new FakeOfficeError("InvalidArgument", `Unknown property '${p}' of ${this.entity}.`);
        data[p] = this.getProp(t, p);
        this.loaded.set(p, data[p]);
      }
      this.ctx.addResponse(data);
    });
    return this;
  }
  /** Marks the object as resolved-and-not-null without a load (used for collection items). */
  setLoaded(target: T, props: Record<string, unknown>): void {
    this.resolved = true;
    this.target = target;
    this.isNull = false;
    for (const [k, v] of Object.entries(props)) this.loaded.set(k, v);
  }
}

interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

class FakeFont extends FakeObject<RangeTarget> {
  constructor(ctx: Ctx, private readonly range: FakeRange) {
    super(ctx, () => range.resolve(), "RangeFont");
  }
  protected scalarProps() {
    return ["bold", "size", "color"];
  }
  protected getProp(t: RangeTarget, p: string) {
    return uniformFormat(t, p as keyof FormatProps);
  }
  get bold(): boolean {
    return this.read("bold");
  }
  set bold(v: boolean) {
    this.write("bold", v, (t) => addFormat(t, { bold: v }));
  }
  get size(): number {
    return this.read("size");
  }
  set size(v: number) {
    this.write("size", v, (t) => addFormat(t, { size: v }));
  }
  get color(): string {
    return this.read("color");
  }
  set color(v: string) {
    this.write("color", v, (t) => addFormat(t, { color: v }));
  }
}

const DEFAULT_FORMAT: Required<FormatProps> = { bold: false, size: 11, color: "#000000", wrapText: false };

function formatAt(sheet: SheetState, row: number, col: number): Required<FormatProps> {
  const f = { ...DEFAULT_FORMAT };
  for (const layer of sheet.formats) {
    const r = layer.rect;
    if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) Object.assign(f, layer.props);
  }
  return f;
}
function uniformFormat(t: RangeTarget, p: keyof FormatProps): unknown {
  const cells = (t.rect.bottom - t.rect.top + 1) * (t.rect.right - t.rect.left + 1);
  if (cells > 100000) throw new FakeOfficeError("NotImplemented", "The fake reads formats of ranges up to 100000 cells only.");
  let first: unknown = undefined;
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    for (let c = t.rect.left; c <= t.rect.right; c++) {
      const v = formatAt(t.sheet, r, c)[p];
      if (first === undefined) first = v;
      else if (first !== v) return null; // mixed, as Excel reports it
    }
  }
  return first;
}
function addFormat(t: RangeTarget, props: FormatProps): void {
  t.sheet.formats.push({ rect: { ...t.rect }, props });
}

class FakeRangeFormat extends FakeObject<RangeTarget> {
  readonly font: FakeFont;
  constructor(ctx: Ctx, private readonly range: FakeRange) {
    super(ctx, () => range.resolve(), "RangeFormat");
    this.font = new FakeFont(ctx, range);
  }
  protected scalarProps() {
    return ["wrapText", "columnWidth"];
  }
  protected getProp(t: RangeTarget, p: string) {
    if (p === "columnWidth") {
      const w = new Set<number>();
      for (let c = t.rect.left; c <= Math.min(t.rect.right, t.rect.left + 1000); c++) w.add(t.sheet.columnWidths.get(c) ?? 48);
      return w.size === 1 ? [...w][0] : null;
    }
    return uniformFormat(t, "wrapText");
  }
  get wrapText(): boolean {
    return this.read("wrapText");
  }
  set wrapText(v: boolean) {
    this.write("wrapText", v, (t) => addFormat(t, { wrapText: v }));
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(v: number) {
    this.write("columnWidth", v, (t) => {
      if (!(v >= 0)) throw new FakeOfficeError("InvalidArgument", MSG.invalidArg);
      for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, v);
    });
  }
}

const RANGE_PROPS = ["address", "rowCount", "columnCount", "rowIndex", "columnIndex", "values", "valueTypes", "numberFormat", "text", "cellCount"];

class FakeRange extends FakeObject<RangeTarget> {
  readonly format: FakeRangeFormat;
  constructor(ctx: Ctx, resolver: () => RangeTarget | null) {
    super(ctx, resolver, "Range");
    this.format = new FakeRangeFormat(ctx, this);
  }
  protected scalarProps() {
    return RANGE_PROPS;
  }
  protected getProp(t: RangeTarget, p: string): unknown {
    const rows = t.rect.bottom - t.rect.top + 1;
    const cols = t.rect.right - t.rect.left + 1;
    switch (p) {
      case "address":
        return `${quoteSheet(t.sheet.name)}!${localAddress(t.rect)}`;
      case "rowCount":
        return rows;
      case "columnCount":
        return cols;
      case "rowIndex":
        return t.rect.top;
      case "columnIndex":
        return t.rect.left;
      case "cellCount":
        return rows * cols;
    }
    const limit = this.ctx.state.options.maxCellsPerLoad ?? 5000000;
    if (rows * cols > limit) {
      if ((this.ctx.state.options.oversizedGet ?? "null") === "null") return null;
      throw new FakeOfficeError("RangeExceedsLimit", MSG.tooManyCells, `Range.${p}`);
    }
    const grid: unknown[][] = [];
    for (let r = t.rect.top; r <= t.rect.bottom; r++) {
      const line: unknown[] = [];
      for (let c = t.rect.left; c <= t.rect.right; c++) {
        const cell = t.sheet.cells.get(key(r, c));
        if (p === "values") line.push(cellOut(cell));
        else if (p === "valueTypes") line.push(cell ? cell.t : "Empty");
        else if (p === "numberFormat") line.push(cell?.fmt ?? "General");
        else line.push(String(cellOut(cell)));
      }
      grid.push(line);
    }
    return grid;
  }
  get address(): string {
    return this.read("address");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get valueTypes(): ValueType[][] {
    return this.read("valueTypes");
  }
  get text(): string[][] {
    return this.read("text");
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(v: unknown[][]) {
    this.write("values", v, (t) => writeGrid(t, v, (cell, x, r, c) => {
      const parsed = parseInput(x, cell?.fmt, this.ctx.state.options.decimalSeparator);
      if (parsed === null) return;
      if (parsed.t === "Empty" && parsed.fmt === undefined) t.sheet.cells.delete(key(r, c));
      else t.sheet.cells.set(key(r, c), parsed);
    }));
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: string[][]) {
    this.write("numberFormat", v, (t) => writeGrid(t, v, (cell, x, r, c) => {
      if (x === null || x === undefined) return;
      if (typeof x !== "string") throw new FakeOfficeError("InvalidArgument", MSG.invalidArg);
      t.sheet.cells.set(key(r, c), cell ? { ...cell, fmt: x } : { v: "", t: "Empty", fmt: x });
    }));
  }
  /**
   * Range.getMergedAreasOrNullObject (ExcelApi 1.13): "if the merged areas count in this range is more
   * than 512, then this method will fail to return the result" (office-js-docs-reference,
   * excel.range.yml). The fake fails the whole batch with GeneralException, as a failed request does.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.ctx, this.child((t) => {
      const areas = t.sheet.merges.filter((m) => intersects(m, t.rect));
      if (areas.length > 512) throw new FakeOfficeError("GeneralException", "There are more than 512 merged areas in the range.");
      return areas.length ? { sheet: t.sheet, rects: [...areas].sort((a, b) => a.top - b.top || a.left - b.left) } : null;
    }));
  }
  /** Range.getUsedRangeOrNullObject(valuesOnly) (ExcelApi 1.4): the used cells of this range only; null when none. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this.child((t) => {
      const rect = usedRect(t.sheet, valuesOnly === true, t.rect);
      return rect ? { sheet: t.sheet, rect } : null;
    }));
  }
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.ctx, this.child((t) => ({ sheet: t.sheet, rect: { top: t.rect.top + row, bottom: t.rect.top + row, left: t.rect.left + column, right: t.rect.left + column } })));
  }
  /** Merges the range (across = true merges each row separately), like Excel's Range.merge. */
  merge(across?: boolean): void {
    this.ctx.enqueue(() => {
      const t = this.need();
      const rects = across
        ? Array.from({ length: t.rect.bottom - t.rect.top + 1 }, (_x, i) => ({ ...t.rect, top: t.rect.top + i, bottom: t.rect.top + i }))
        : [t.rect];
      for (const r of rects) {
        if (r.top === r.bottom && r.left === r.right) continue;
        t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, r));
        t.sheet.merges.push({ ...r });
        // Excel keeps only the top-left value of a merged area
        for (let row = r.top; row <= r.bottom; row++)
          for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) t.sheet.cells.delete(key(row, col));
      }
    });
  }
  select(): void {
    this.ctx.enqueue(() => {
      const t = this.need();
      if (t.sheet.visibility !== "Visible") throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation.");
      this.ctx.state.activeId = t.sheet.id;
      this.ctx.state.selection = { sheet: t.sheet.name, address: localAddress(t.rect) };
    });
  }
  clear(applyTo?: string): void {
    this.ctx.enqueue(() => {
      const t = this.need();
      const what = applyTo ?? "All";
      for (const k of [...t.sheet.cells.keys()]) {
        const { row, col } = unkey(k);
        if (row < t.rect.top || row > t.rect.bottom || col < t.rect.left || col > t.rect.right) continue;
        const cell = t.sheet.cells.get(k)!;
        if (what === "All") t.sheet.cells.delete(k);
        else if (what === "Contents") {
          if (cell.fmt === undefined) t.sheet.cells.delete(k);
          else t.sheet.cells.set(k, { v: "", t: "Empty", fmt: cell.fmt });
        } else if (what === "Formats") {
          if (cell.t === "Empty") t.sheet.cells.delete(k);
          else t.sheet.cells.set(k, { v: cell.v, t: cell.t });
        }
      }
      if (what === "All" || what === "Formats") {
        t.sheet.formats.push({ rect: { ...t.rect }, props: { ...DEFAULT_FORMAT } });
        t.sheet.merges = t.sheet.merges.filter((m) => !intersects(m, t.rect));
      }
    });
  }
}

function writeGrid(t: RangeTarget, v: unknown, put: (cell: Cell | undefined, x: unknown, r: number, c: number) => void): void {
  const rows = t.rect.bottom - t.rect.top + 1;
  const cols = t.rect.right - t.rect.left + 1;
  if (!Array.isArray(v)) {
    // A single value is applied to every cell, as in Excel.
    if (rows * cols > 1000000) throw new FakeOfficeError("NotImplemented", "The fake broadcasts a value to at most 1000000 cells.");
    for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) put(t.sheet.cells.get(key(r, c)), v, r, c);
    return;
  }
  if (v.length !== rows || v.some((line) => !Array.isArray(line) || line.length !== cols)) {
    throw new FakeOfficeError("InvalidArgument", MSG.dims, "Range.values");
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const r = t.rect.top + i, c = t.rect.left + j;
      put(t.sheet.cells.get(key(r, c)), (v[i] as unknown[])[j], r, c);
    }
  }
}

interface AreasTarget {
  sheet: SheetState;
  rects: Rect[];
}

class FakeRangeAreas extends FakeObject<AreasTarget> {
  constructor(ctx: Ctx, resolver: () => AreasTarget | null) {
    super(ctx, resolver, "RangeAreas");
  }
  protected scalarProps() {
    return ["address", "areaCount", "cellCount"];
  }
  protected getProp(t: AreasTarget, p: string): unknown {
    if (p === "areaCount") return t.rects.length;
    if (p === "cellCount") return t.rects.reduce((n, r) => n + (r.bottom - r.top + 1) * (r.right - r.left + 1), 0);
    return t.rects.map((r) => `${quoteSheet(t.sheet.name)}!${localAddress(r)}`).join(",");
  }
  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }
  /** The areas as a range collection (load "items/address" on it). */
  get areas(): FakeCollection<FakeRange, RangeTarget> {
    return new FakeCollection(this.ctx, "RangeCollection", this.child((t) => t.rects.map((rect) => ({ sheet: t.sheet, rect }))), (target) => {
      const r = new FakeRange(this.ctx, () => target);
      return r;
    }, RANGE_PROPS);
  }
}

/** A collection: load("items/a,items/b") fills items with loaded proxies. */
class FakeCollection<P extends FakeObject<T>, T> {
  private loadedItems?: P[];
  constructor(
    private readonly ctx: Ctx,
    private readonly entity: string,
    private readonly list: () => T[] | null,
    private readonly make: (t: T) => P,
    private readonly itemProps: string[],
  ) {}
  get items(): P[] {
    if (!this.loadedItems) throw new FakeOfficeError("PropertyNotLoaded", MSG.propertyNotLoaded("items"), `${this.entity}.items`);
    return this.loadedItems;
  }
  load(arg?: unknown): this {
    const raw = parseProps(arg);
    let props: string[];
    if (raw === null || raw.length === 0 || (raw.length === 1 && raw[0] === "items")) props = this.itemProps;
    else {
      props = raw.map((p) => {
        const m = /^items\/(\w+)$/.exec(p);
        if (!m) throw new FakeOfficeError("InvalidArgument", `The fake loads collection items as "items/<property>": ${p}`);
        return m[1];
      });
    }
    for (const p of props) if (!this.itemProps.includes(p)) throw new FakeOfficeError("InvalidArgument", `Unknown property '${p}' of ${this.entity} items.`);
    this.ctx.enqueue(() => {
      const targets = this.list();
      if (targets === null) throw new FakeOfficeError("InvalidObjectPath", MSG.nullPath, this.entity);
      const items: P[] = [];
      const data: unknown[] = [];
      for (const t of targets) {
        const p = this.make(t);
        const values: Record<string, unknown> = {};
        for (const name of props) values[name] = (p as unknown as { getProp(t: T, p: string): unknown }).getProp(t, name);
        p.setLoaded(t, values);
        items.push(p);
        data.push(values);
      }
      this.ctx.addResponse(data);
      this.loadedItems = items;
    });
    return this;
  }
}

const SHEET_PROPS = ["name", "position", "visibility", "id"];

class FakeWorksheet extends FakeObject<SheetState> {
  constructor(ctx: Ctx, resolver: () => SheetState | null) {
    super(ctx, resolver, "Worksheet");
  }
  protected scalarProps() {
    return SHEET_PROPS;
  }
  protected getProp(t: SheetState, p: string): unknown {
    if (p === "position") return this.ctx.state.sheets.indexOf(t);
    return (t as unknown as Record<string, unknown>)[p];
  }
  get id(): string {
    return this.read("id");
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.write("name", v, (t) => {
      if (!validSheetName(v)) throw new FakeOfficeError("InvalidArgument", MSG.invalidArg, "Worksheet.name");
      const other = this.ctx.state.byName(v);
      if (other && other !== t) throw new FakeOfficeError("ItemAlreadyExists", MSG.alreadyExists, "Worksheet.name");
      const oldName = t.name;
      t.name = v;
      const sel = this.ctx.state.selection;
      if (sel && sel.sheet === oldName) sel.sheet = v;
    });
  }
  get position(): number {
    return this.read("position");
  }
  set position(v: number) {
    this.write("position", v, (t) => {
      const list = this.ctx.state.sheets;
      if (!(v >= 0 && v < list.length)) throw new FakeOfficeError("InvalidArgument", MSG.invalidArg, "Worksheet.position");
      list.splice(list.indexOf(t), 1);
      list.splice(v, 0, t);
    });
  }
  get visibility(): Visibility {
    return this.read("visibility");
  }
  set visibility(v: Visibility) {
    this.write("visibility", v, (t) => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(v)) throw new FakeOfficeError("InvalidArgument", MSG.invalidArg, "Worksheet.visibility");
      if (v !== "Visible" && this.ctx.state.sheets.filter((s) => s.visibility === "Visible" && s !== t).length === 0) {
        throw new FakeOfficeError("InvalidOperation", MSG.invalidOp, "Worksheet.visibility");
      }
      t.visibility = v;
      if (v !== "Visible" && this.ctx.state.activeId === t.id) this.ctx.state.activeId = firstVisible(this.ctx.state).id;
    });
  }
  /** The sheet's charts (collection: add, getItem, getItemOrNullObject, getCount, load("items/name")). */
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.ctx, this);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this.child((t) => {
      const rect = usedRect(t, valuesOnly === true);
      return rect ? { sheet: t, rect } : null;
    }));
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, this.child((t) => ({ sheet: t, rect: usedRect(t, valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 } })));
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, this.child((t) => {
      if (address === undefined || address === "") return { sheet: t, rect: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } };
      const rect = parseLocalAddress(address);
      if (!rect) throw new FakeOfficeError("InvalidArgument", MSG.invalidArg, "Worksheet.getRange");
      return { sheet: t, rect };
    }));
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(this.ctx, this.child((t) => {
      const rect = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
      if (!(rowCount > 0 && columnCount > 0 && startRow >= 0 && startColumn >= 0 && rect.bottom < MAX_ROWS && rect.right < MAX_COLS)) {
        throw new FakeOfficeError("InvalidArgument", MSG.invalidArg, "Worksheet.getRangeByIndexes");
      }
      return { sheet: t, rect };
    }));
  }
  activate(): void {
    this.ctx.enqueue(() => {
      const t = this.need();
      if (t.visibility !== "Visible") throw new FakeOfficeError(this.ctx.state.options.hiddenActivateCode ?? "InvalidOperation", MSG.invalidOp, "Worksheet.activate");
      // Excel on the web may not activate a sheet added in the same batch (OfficeDev/office-js #930;
      // office-js-helpers #30 syncs before activate()): the fake never does.
      if (this.ctx.added.has(t)) return;
      this.ctx.state.activeId = t.id;
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const t = this.need();
      const st = this.ctx.state;
      if (st.sheets.filter((s) => s.visibility === "Visible" && s !== t).length === 0) {
        throw new FakeOfficeError("InvalidOperation", MSG.invalidOp, "Worksheet.delete");
      }
      st.sheets.splice(st.sheets.indexOf(t), 1);
      if (st.activeId === t.id) st.activeId = firstVisible(st).id;
      if (st.selection?.sheet === t.name) st.selection = null;
    });
  }
  copy(positionType?: string, relativeTo?: FakeWorksheet): FakeWorksheet {
    let made: SheetState | null = null;
    this.ctx.enqueue(() => {
      const t = this.need();
      const st = this.ctx.state;
      let n = 2;
      while (st.byName(`${t.name} (${n})`)) n++;
      const c = st.newSheet(`${t.name} (${n})`.slice(0, 31));
      c.visibility = t.visibility;
      for (const [k, cell] of t.cells) c.cells.set(k, { ...cell });
      c.merges = t.merges.map((m) => ({ ...m }));
      c.formats = t.formats.map((f) => ({ rect: { ...f.rect }, props: { ...f.props } }));
      c.columnWidths = new Map(t.columnWidths);
      c.charts = t.charts.map((x) => ({ ...x, id: `{chart-${st.nextChart++}}`, position: x.position ? { ...x.position } : null }));
      const pos = positionType ?? "None";
      const rel = relativeTo ? relativeTo.need() : t;
      if (pos === "Beginning") st.sheets.unshift(c);
      else if (pos === "End") st.sheets.push(c);
      else if (pos === "Before") st.sheets.splice(st.sheets.indexOf(rel), 0, c);
      else st.sheets.splice(st.sheets.indexOf(rel) + 1, 0, c);
      made = c;
    });
    return new FakeWorksheet(this.ctx, () => made);
  }
}

function firstVisible(st: WorkbookState): SheetState {
  return st.sheets.find((s) => s.visibility === "Visible") ?? st.sheets[0];
}

// ---------------------------------------------------------------- charts

interface ChartTarget {
  sheet: SheetState;
  chart: ChartState;
}
const CHART_PROPS = ["name", "id", "width", "height", "top", "left"];
const CHART_TYPES = ["ColumnClustered", "ColumnStacked", "BarClustered", "Pie", "Doughnut", "Line", "LineMarkers"];

class FakeChartTitle extends FakeObject<ChartTarget> {
  constructor(ctx: Ctx, chart: FakeChart) {
    super(ctx, () => chart.resolve(), "ChartTitle");
  }
  protected scalarProps() {
    return ["text"];
  }
  protected getProp(t: ChartTarget) {
    return t.chart.title;
  }
  get text(): string {
    return this.read("text");
  }
  set text(v: string) {
    this.write("text", v, (t) => {
      if (typeof v !== "string") throw new FakeOfficeError("InvalidArgument", MSG.invalidArg, "ChartTitle.text");
      t.chart.title = v;
    });
  }
}

class FakeChart extends FakeObject<ChartTarget> {
  readonly title: FakeChartTitle;
  constructor(ctx: Ctx, resolver: () => ChartTarget | null) {
    super(ctx, resolver, "Chart");
    this.title = new FakeChartTitle(ctx, this);
  }
  protected scalarProps() {
    return CHART_PROPS;
  }
  protected getProp(t: ChartTarget, p: string) {
    return (t.chart as unknown as Record<string, unknown>)[p];
  }
  get id(): string {
    return this.read("id");
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.write("name", v, (t) => {
      if (typeof v !== "string" || v === "") throw new FakeOfficeError("InvalidArgument", MSG.invalidArg, "Chart.name");
      t.chart.name = v;
    });
  }
  get width(): number {
    return this.read("width");
  }
  set width(v: number) {
    this.write("width", v, (t) => {
      if (!(v > 0)) throw new FakeOfficeError("InvalidArgument", MSG.invalidArg, "Chart.width");
      t.chart.width = v;
    });
  }
  get height(): number {
    return this.read("height");
  }
  set height(v: number) {
    this.write("height", v, (t) => {
      if (!(v > 0)) throw new FakeOfficeError("InvalidArgument", MSG.invalidArg, "Chart.height");
      t.chart.height = v;
    });
  }
  get top(): number {
    return this.read("top");
  }
  set top(v: number) {
    this.write("top", v, (t) => {
      if (!(v >= 0)) throw new FakeOfficeError("InvalidArgument", MSG.invalidArg, "Chart.top");
      t.chart.top = v;
    });
  }
  get left(): number {
    return this.read("left");
  }
  set left(v: number) {
    this.write("left", v, (t) => {
      if (!(v >= 0)) throw new FakeOfficeError("InvalidArgument", MSG.invalidArg, "Chart.left");
      t.chart.left = v;
    });
  }
  /** Positions the chart over startCell (…endCell), local addresses or ranges of the chart's sheet. */
  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    if (typeof startCell !== "string" || (endCell !== undefined && typeof endCell !== "string")) {
      throw new FakeOfficeError("NotImplemented", "The fake positions charts by A1 addresses only.");
    }
    this.ctx.enqueue(() => {
      const t = this.need();
      if (!parseLocalAddress(startCell) || (endCell !== undefined && !parseLocalAddress(endCell))) {
        throw new FakeOfficeError("InvalidArgument", MSG.invalidArg, "Chart.setPosition");
      }
      t.chart.position = endCell === undefined ? { start: startCell } : { start: startCell, end: endCell };
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const t = this.need();
      t.sheet.charts = t.sheet.charts.filter((c) => c !== t.chart);
    });
  }
}

class FakeChartCollection extends FakeCollection<FakeChart, ChartTarget> {
  constructor(
    private readonly c: Ctx,
    private readonly ws: FakeWorksheet,
  ) {
    super(c, "ChartCollection", () => {
      const sheet = ws.resolve();
      return sheet ? sheet.charts.map((chart) => ({ sheet, chart })) : null;
    }, (t) => new FakeChart(c, () => t), CHART_PROPS);
  }
  /** Excel.ChartCollection.add(type, sourceData, seriesBy): the range must be on a sheet of the workbook. */
  add(type: string, sourceData: FakeRange, seriesBy?: string): FakeChart {
    let made: ChartTarget | null = null;
    this.c.enqueue(() => {
      const sheet = this.ws.need();
      if (!CHART_TYPES.includes(type)) throw new FakeOfficeError("InvalidArgument", MSG.invalidArg, "ChartCollection.add");
      if (!(sourceData instanceof FakeRange)) throw new FakeOfficeError("InvalidArgument", MSG.invalidArg, "ChartCollection.add");
      const src = sourceData.need();
      const by = seriesBy ?? "Auto";
      if (!["Auto", "Columns", "Rows"].includes(by)) throw new FakeOfficeError("InvalidArgument", MSG.invalidArg, "ChartCollection.add");
      const n = this.c.state.nextChart++;
      const chart: ChartState = {
        id: `{chart-${n}}`,
        name: `Chart ${n}`,
        type,
        source: `${src.sheet === sheet ? "" : `${quoteSheet(src.sheet.name)}!`}${localAddress(src.rect)}`,
        seriesBy: by,
        title: "",
        position: null,
        width: 360,
        height: 216,
      };
      sheet.charts.push(chart);
      made = { sheet, chart };
    });
    return new FakeChart(this.c, () => made);
  }
  getItem(name: string): FakeChart {
    return new FakeChart(this.c, () => {
      const sheet = this.ws.need();
      const chart = sheet.charts.find((x) => x.name === name);
      if (!chart) throw new FakeOfficeError("ItemNotFound", MSG.itemNotFound, "ChartCollection.getItem");
      return { sheet, chart };
    });
  }
  getItemOrNullObject(name: string): FakeChart {
    return new FakeChart(this.c, () => {
      const sheet = this.ws.need();
      const chart = sheet.charts.find((x) => x.name === name);
      return chart ? { sheet, chart } : null;
    });
  }
  /** The number of charts, available after the next sync (as a ClientResult). */
  getCount(): { readonly value: number } {
    let value: number | undefined;
    this.c.enqueue(() => {
      value = this.ws.need().charts.length;
      this.c.addResponse(value);
    });
    return {
      get value(): number {
        if (value === undefined) throw new FakeOfficeError("PropertyNotLoaded", MSG.propertyNotLoaded("value"), "ClientResult.value");
        return value;
      },
    };
  }
}

class FakeWorksheetCollection extends FakeCollection<FakeWorksheet, SheetState> {
  constructor(private readonly c: Ctx) {
    super(c, "WorksheetCollection", () => [...c.state.sheets], (s) => new FakeWorksheet(c, () => s), SHEET_PROPS);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.c, () => {
      const s = this.c.state.byName(name) ?? this.c.state.byId(name);
      if (!s) throw new FakeOfficeError("ItemNotFound", MSG.itemNotFound, "WorksheetCollection.getItem");
      return s;
    });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.c, () => this.c.state.byName(name) ?? this.c.state.byId(name) ?? null);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.c, () => this.c.state.active());
  }
  add(name?: string): FakeWorksheet {
    let made: SheetState | null = null;
    this.c.enqueue(() => {
      const st = this.c.state;
      let n = name;
      if (n === undefined) {
        let i = st.sheets.length + 1;
        while (st.byName(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      if (!validSheetName(n)) throw new FakeOfficeError("InvalidArgument", MSG.invalidArg, "WorksheetCollection.add");
      if (st.byName(n)) throw new FakeOfficeError("ItemAlreadyExists", MSG.alreadyExists, "WorksheetCollection.add");
      made = st.newSheet(n);
      this.c.added.add(made);
      st.sheets.push(made);
    });
    return new FakeWorksheet(this.c, () => made);
  }
}

interface SettingTarget {
  key: string;
}

class FakeSetting extends FakeObject<SettingTarget> {
  constructor(ctx: Ctx, resolver: () => SettingTarget | null) {
    super(ctx, resolver, "Setting");
  }
  protected scalarProps() {
    return ["key", "value"];
  }
  protected getProp(t: SettingTarget, p: string): unknown {
    if (p === "key") return t.key;
    return this.ctx.state.settings.get(t.key);
  }
  get key(): string {
    return this.read("key");
  }
  get value(): unknown {
    return this.read("value");
  }
  set value(v: unknown) {
    this.write("value", v, (t) => {
      this.ctx.state.settings.set(t.key, roundTrip(v));
      this.ctx.state.settingsWrites++;
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const t = this.need();
      this.ctx.state.settings.delete(t.key);
      this.ctx.state.settingsWrites++;
    });
  }
}

/** Settings are stored as JSON by Excel. */
function roundTrip(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}

class FakeSettingCollection extends FakeCollection<FakeSetting, SettingTarget> {
  constructor(private readonly c: Ctx) {
    super(c, "SettingCollection", () => [...c.state.settings.keys()].map((k) => ({ key: k })), (t) => new FakeSetting(c, () => t), ["key", "value"]);
  }
  add(key: string, value: unknown): FakeSetting {
    this.c.enqueue(() => {
      if (typeof key !== "string" || key === "") throw new FakeOfficeError("InvalidArgument", MSG.invalidArg, "SettingCollection.add");
      this.c.state.settings.set(key, roundTrip(value));
      this.c.state.settingsWrites++;
    });
    return new FakeSetting(this.c, () => ({ key }));
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.c, () => {
      if (!this.c.state.settings.has(key)) throw new FakeOfficeError("ItemNotFound", MSG.itemNotFound, "SettingCollection.getItem");
      return { key };
    });
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.c, () => (this.c.state.settings.has(key) ? { key } : null));
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  constructor(ctx: Ctx) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
  }
}

class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  constructor(private readonly ctx: Ctx) {
    this.workbook = new FakeWorkbook(ctx);
  }
  sync(): Promise<void> {
    return this.ctx.sync();
  }
}

// ---------------------------------------------------------------- snapshot <-> state

function snapshotCell(v: CellValue): Cell | null {
  if (v === null || v === "") return null;
  if (typeof v === "number") return { v, t: "Double" };
  if (typeof v === "string") return { v, t: "String" };
  if (typeof v === "boolean") return { v, t: "Boolean" };
  if ("error" in v) return { v: v.error, t: "Error" };
  // A formula saved without a cached result: Excel computes it on open, the fake cannot. Its value
  // stays unknown — an error value, which, like { formula }, is never read as a number.
  if ("formula" in v) return { v: "#N/A", t: "Error" };
  const ms = Date.parse(v.date);
  if (Number.isNaN(ms)) return { v: v.date, t: "String" };
  return { v: (ms - EXCEL_EPOCH_MS) / MS_PER_DAY, t: "Double", fmt: "yyyy-mm-dd hh:mm:ss" };
}

function cellToSnapshot(cell: Cell | undefined): CellValue {
  if (!cell || cell.t === "Empty") return null;
  if (cell.t === "Error") return { error: String(cell.v) };
  if (cell.t === "Double" && cell.fmt && /[ymdhs]/i.test(cell.fmt.replace(/"[^"]*"|\[[^\]]*\]|General/gi, ""))) {
    return { date: new Date(EXCEL_EPOCH_MS + Math.round((cell.v as number) * MS_PER_DAY)).toISOString() };
  }
  return cell.v;
}

export interface FakeSheetView {
  name: string;
  visibility: Visibility;
  position: number;
  /** Values of the used range (values only), in snapshot form. */
  origin: { row: number; col: number };
  values: CellValue[][];
  merges: MergeArea[];
  /** Value at an A1 cell, in snapshot form. */
  cell(a1: string): CellValue;
  /** Effective format of an A1 cell. */
  format(a1: string): { bold: boolean; size: number; color: string; wrapText: boolean; numberFormat: string };
  columnWidth(col: number): number;
  /** The sheet's charts, in creation order. */
  charts: { name: string; type: string; source: string; seriesBy: string; title: string; position: { start: string; end?: string } | null; top?: number; left?: number; width: number; height: number }[];
}

export interface FakeExcelState {
  readonly syncCount: number;
  resetSyncCount(): void;
  readonly activeSheet: string;
  readonly selection: { sheet: string; address: string } | null;
  readonly sheets: FakeSheetView[];
  sheet(name: string): FakeSheetView | undefined;
  readonly settings: Record<string, unknown>;
  /** How many setting writes (add/set/delete) were applied. */
  readonly settingsWrites: number;
  /** The whole workbook as a snapshot (all sheets, settings when any). */
  snapshot(): WorkbookSnapshot;
  /** Test hook: edits a cell as a user would (no sync involved). */
  userEdit(sheet: string, a1: string, value: CellValue): void;
  /** Test hook: a user draws a chart (a column chart of `source`) on a sheet. */
  userAddChart(sheet: string, name: string, source: string): void;
  /** Test hook: a user deletes a chart by name. */
  userDeleteChart(sheet: string, name: string): void;
}

/** The object a test passes to the adapter in place of the global Excel. */
export interface FakeExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

function viewOf(st: WorkbookState, s: SheetState): FakeSheetView {
  const rect = usedRect(s, true);
  const values: CellValue[][] = [];
  if (rect) {
    for (let r = rect.top; r <= rect.bottom; r++) {
      const line: CellValue[] = [];
      for (let c = rect.left; c <= rect.right; c++) line.push(cellToSnapshot(s.cells.get(key(r, c))));
      values.push(line);
    }
  }
  const at = (a1: string) => {
    const r = parseLocalAddress(a1);
    if (!r) throw new Error(`bad address ${a1}`);
    return r;
  };
  return {
    name: s.name,
    visibility: s.visibility,
    position: st.sheets.indexOf(s),
    origin: rect ? { row: rect.top, col: rect.left } : { row: 0, col: 0 },
    values,
    merges: s.merges.map((m) => ({ ...m })),
    cell: (a1) => {
      const r = at(a1);
      return cellToSnapshot(s.cells.get(key(r.top, r.left)));
    },
    format: (a1) => {
      const r = at(a1);
      return { ...formatAt(s, r.top, r.left), numberFormat: s.cells.get(key(r.top, r.left))?.fmt ?? "General" };
    },
    columnWidth: (col) => s.columnWidths.get(col) ?? 48,
    charts: s.charts.map((c) => ({ name: c.name, type: c.type, source: c.source, seriesBy: c.seriesBy, title: c.title, position: c.position ? { ...c.position } : null, top: c.top, left: c.left, width: c.width, height: c.height })),
  };
}

/** Builds a fake Excel host holding the given workbook. */
export function createFakeExcel(snapshot: WorkbookSnapshot, options: FakeExcelOptions = {}): { Excel: FakeExcelHost; state: FakeExcelState } {
  const st = new WorkbookState(options);
  for (const sh of snapshot.sheets) {
    const s = st.newSheet(sh.name);
    const given = (sh as { visibility?: string }).visibility;
    s.visibility = options.visibility?.[sh.name] ?? (given === "hidden" ? "Hidden" : given === "veryHidden" ? "VeryHidden" : "Visible");
    sh.values.forEach((line, i) =>
      line.forEach((v, j) => {
        const cell = snapshotCell(v);
        if (cell) s.cells.set(key(sh.origin.row + i, sh.origin.col + j), cell);
      }),
    );
    s.merges = sh.merges.map((m) => ({ ...m }));
    st.sheets.push(s);
  }
  if (st.sheets.length === 0) st.sheets.push(st.newSheet("Sheet1"));
  for (const [k, v] of Object.entries(snapshot.settings ?? {})) st.settings.set(k, roundTrip(v));
  st.activeId = (options.activeSheet ? st.byName(options.activeSheet) : undefined)?.id ?? firstVisible(st).id;

  const Excel: FakeExcelHost = {
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      const ctx = new Ctx(st);
      const rc = new FakeRequestContext(ctx);
      try {
        const p = batch(rc as unknown as Excel.RequestContext);
        if (!p || typeof (p as Promise<T>).then !== "function") {
          throw new FakeOfficeError("RunMustReturnPromise", 'The batch function passed to the ".run" method didn\'t return a promise.');
        }
        const result = await p;
        // Excel.run syncs any commands left in the queue when the batch resolves.
        if (ctx.queue.length > 0) await ctx.sync();
        return result;
      } finally {
        ctx.closed = true;
      }
    },
  };

  const state: FakeExcelState = {
    get syncCount() {
      return st.syncCount;
    },
    resetSyncCount() {
      st.syncCount = 0;
    },
    get activeSheet() {
      return st.active().name;
    },
    get selection() {
      return st.selection ? { ...st.selection } : null;
    },
    get sheets() {
      return st.sheets.map((s) => viewOf(st, s));
    },
    sheet(name: string) {
      const s = st.byName(name);
      return s ? viewOf(st, s) : undefined;
    },
    get settings() {
      return Object.fromEntries(st.settings);
    },
    get settingsWrites() {
      return st.settingsWrites;
    },
    snapshot() {
      const out: WorkbookSnapshot = { sheets: st.sheets.map((s) => {
        const v = viewOf(st, s);
        const out: SheetSnapshot = { name: v.name, origin: v.origin, values: v.values, merges: v.merges };
        // SheetSnapshot.visibility: absent when visible
        if (s.visibility !== "Visible") (out as { visibility?: string }).visibility = s.visibility === "Hidden" ? "hidden" : "veryHidden";
        return out;
      }) };
      if (st.settings.size > 0) out.settings = Object.fromEntries(st.settings);
      return out;
    },
    userEdit(sheet: string, a1: string, value: CellValue) {
      const s = st.byName(sheet);
      const r = parseLocalAddress(a1);
      if (!s || !r) throw new Error(`no cell ${sheet}!${a1}`);
      const cell = snapshotCell(value);
      if (cell) s.cells.set(key(r.top, r.left), cell);
      else s.cells.delete(key(r.top, r.left));
    },
    userDeleteChart(sheet: string, name: string) {
      const s = st.byName(sheet);
      if (!s || !s.charts.some((c) => c.name === name)) throw new Error(`no chart ${sheet}!${name}`);
      s.charts = s.charts.filter((c) => c.name !== name);
    },
    userAddChart(sheet: string, name: string, source: string) {
      const s = st.byName(sheet);
      if (!s || !parseLocalAddress(source)) throw new Error(`no range ${sheet}!${source}`);
      const n = st.nextChart++;
      s.charts.push({ id: `{chart-${n}}`, name, type: "ColumnClustered", source, seriesBy: "Auto", title: "", position: null, width: 360, height: 216 });
    },
  };
  return { Excel, state };
}
