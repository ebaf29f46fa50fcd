/**
 * Reads one recognised table: unit, header rows → semantic columns (data/tables.json),
 * blocks of two-sided tables, and data rows with codes, levels and fixed-row keys.
 */
import type { Figure, ColumnInfo, SuspiciousCell, TableKey, TableModel, TableRow, UnreadableCell } from "../model/types";
import { isImplausible, suspiciousDecimals, unreadableCell } from "./cells";
import { convert, type Unit, unitFromText } from "../money/units";
import { tryParseAmount } from "../money/parse";
import { a1, cellAt, type CellValue, type MergeArea, type SheetSnapshot } from "../workbook/snapshot";
import {
  CODE_HEADER,
  EMPTY_NOTE_PATTERNS,
  LABEL_HEADER,
  META_PATTERNS,
  NOTE_PATTERNS,
  SEQ_HEADER,
  SPLIT_CODE_HEADERS,
  TABLE_DEFS,
  TOTAL_LABELS,
  type TableDef,
} from "./defs";
import { cellText, codeDigits, codeLevel, compactText, isCode, normaliseCode, normaliseLabel, splitCodeFromLabel } from "./labels";
import { leiCodeByName } from "./subjects";
import { memoByText } from "../memo";

type Side = NonNullable<TableRow["side"]>;

/** Per-sheet lookup helpers built once. */
export class SheetIndex {
  readonly rows: number;
  readonly cols: number;
  readonly top: number;
  readonly left: number;
  private readonly byMaster = new Map<number, MergeArea>();
  constructor(readonly sheet: SheetSnapshot) {
    this.top = sheet.origin.row;
    this.left = sheet.origin.col;
    this.rows = sheet.values.length;
    this.cols = sheet.values.reduce((m, r) => Math.max(m, r.length), 0);
    for (const m of sheet.merges) this.byMaster.set(m.top * 16384 + m.left, m);
  }
  get bottom(): number {
    return this.top + this.rows; // exclusive
  }
  get right(): number {
    return this.left + this.cols; // exclusive
  }
  at(r: number, c: number): CellValue {
    return cellAt(this.sheet, r, c);
  }
  text(r: number, c: number): string {
    return cellText(this.at(r, c));
  }
  mergeAt(r: number, c: number): MergeArea | undefined {
    return this.byMaster.get(r * 16384 + c);
  }
  /** Merges intersecting rows [r0, r1]. */
  mergesInRows(r0: number, r1: number): MergeArea[] {
    return this.sheet.merges.filter((m) => m.bottom >= r0 && m.top <= r1);
  }
  /** Non-empty cells of a row as [col, value]. */
  rowCells(r: number): [number, CellValue][] {
    const line = this.sheet.values[r - this.top];
    const out: [number, CellValue][] = [];
    if (!line) return out;
    for (let i = 0; i < line.length; i++) {
      const v = line[i];
      if (v === null || v === undefined) continue;
      if (typeof v === "string" && v.trim() === "") continue;
      out.push([this.left + i, v]);
    }
    return out;
  }
}

export interface ParsedTable {
  table: TableModel;
  unclassified: { sheet: string; row: number; label: string }[];
  messages: string[];
  /** "编制单位：…" / "部门：…" text near the title. */
  unitName?: string;
  unitFound: boolean;
  valueColumns: number;
  /** Amount cells that could not be read (their figures are absent). */
  unreadable: UnreadableCell[];
  suspicious: SuspiciousCell[];
  /**
   * No data row came out of a body that holds something (cells that are not notes, or a merge over the value
   * columns): the rows were lost, not absent. A table whose body is blank (e.g. a 三公 table with no spending)
   * is not lost: it is an empty table, whose note is another rule's matter.
   */
  rowsLost: boolean;
}

function matchesAny(text: string, patterns: RegExp[]): boolean {
  for (const p of patterns) if (p.test(text)) return true;
  return false;
}

export const isNoteText: (text: string) => boolean = memoByText((text: string): boolean => matchesAny(compactText(text), NOTE_PATTERNS));

function isMetaText(text: string): boolean {
  const t = compactText(text);
  return unitFromText(t) !== null || matchesAny(t, META_PATTERNS);
}

function isLanciRow(cells: [number, CellValue][]): boolean {
  if (cells.length === 0) return false;
  let prev: number | null = null;
  let ints = 0;
  let lanci = false;
  for (const [, v] of cells) {
    const t = compactText(cellText(v));
    if (t === "栏次") {
      lanci = true;
      continue;
    }
    if (!/^\d{1,2}$/.test(t)) return false;
    const n = Number(t);
    if (prev !== null && n !== prev + 1) return false;
    prev = n;
    ints++;
  }
  return lanci || ints >= 2;
}

function isAmountLike(v: CellValue): boolean {
  if (typeof v === "number") return true;
  if (typeof v !== "string") return false;
  const t = compactText(v);
  if (!/\d/.test(t)) return false;
  const d = codeDigits(t);
  if (d && isCode(d)) return true;
  return /[.,]/.test(t) && tryParseAmount(t) !== null;
}

function isKnownRowLabel(def: TableDef, text: string): boolean {
  const l = normaliseLabel(text);
  if (l === "") return false;
  if (TOTAL_LABELS.has(l) || def.rowsByLabel.has(l)) return true;
  return def.leiFromName !== undefined && leiCodeByName(l) !== undefined;
}

/** Column role from its header path. */
type Role =
  | { kind: "code"; part: "full" | "lei" | "kuan" | "xiang" }
  | { kind: "label" }
  | { kind: "seq" }
  | { kind: "value" }
  | { kind: "none" };

function roleOf(path: string[]): Role {
  if (path.length === 0) return { kind: "none" };
  const leaf = path[path.length - 1];
  const split = SPLIT_CODE_HEADERS.get(leaf);
  if (split) return { kind: "code", part: split };
  if (path.some((p) => matchesAny(p, CODE_HEADER))) return { kind: "code", part: "full" };
  if (matchesAny(leaf, SEQ_HEADER)) return { kind: "seq" };
  if (matchesAny(leaf, LABEL_HEADER)) return { kind: "label" };
  return { kind: "value" };
}

interface Block {
  side?: Side;
  codeCols: { col: number; part: "full" | "lei" | "kuan" | "xiang" }[];
  labelCols: number[];
  valueCols: { col: number; key: string; header: string }[];
  /** Leftmost and rightmost column of the block's code/label part. */
  first: number;
}

/** Parses the table whose title is at (titleRow, titleCol), up to endRow (exclusive). */
export function parseTable(ix: SheetIndex, key: TableKey, titleRow: number, titleCol: number, endRow: number): ParsedTable {
  const def = TABLE_DEFS[key];
  const sheetName = ix.sheet.name;
  const messages: string[] = [];
  const titleText = ix.text(titleRow, titleCol).trim();

  // Meta rows (unit, 编制单位, 表号) right after the title; the header starts after them.
  let r = titleRow + 1;
  let unit: Unit | null = unitFromText(titleText);
  let unitName: string | undefined;
  const scanMeta = (row: number) => {
    for (const [, v] of ix.rowCells(row)) {
      const t = cellText(v);
      const u = unitFromText(t);
      if (u && !unit) unit = u;
      const m = /^(?:编制单位|部门|单位名称|填报单位)[:：](.+)$/.exec(compactText(t));
      if (m && !unitName) unitName = m[1].replace(/单位[:：].*$/, "");
    }
  };
  for (let i = Math.max(ix.top, titleRow - 2); i < titleRow; i++) scanMeta(i);
  scanMeta(titleRow);
  while (r < endRow && r < titleRow + 6) {
    const cells = ix.rowCells(r);
    if (cells.length > 0 && !cells.every(([, v]) => isMetaText(cellText(v)))) break;
    scanMeta(r);
    r++;
  }
  const headerStart = r;
  const headerRows: number[] = [];
  let dataStart = endRow;
  for (; r < endRow; r++) {
    const cells = ix.rowCells(r);
    if (cells.length === 0) continue;
    const firstText = cells.find(([, v]) => typeof v === "string");
    if (firstText && isNoteText(cellText(firstText[1])) && cells[0][0] === firstText[0]) {
      dataStart = r;
      break;
    }
    if (isLanciRow(cells)) continue;
    const dataLike =
      cells.some(([, v]) => isAmountLike(v)) ||
      (!def.unlabelled && typeof cells[0][1] === "string" && isKnownRowLabel(def, cells[0][1] as string));
    if (dataLike || headerRows.length >= 6) {
      dataStart = r;
      break;
    }
    headerRows.push(r);
  }

  // Header paths: each header row's text over each column, merges spread, group headers spread right.
  const left = ix.left;
  const right = ix.right;
  const width = right - left;
  const merges = headerRows.length ? ix.mergesInRows(headerRows[0], headerRows[headerRows.length - 1]) : [];
  const grid: string[][] = headerRows.map((hr) => {
    const line = new Array<string>(width).fill("");
    for (const [c, v] of ix.rowCells(hr)) line[c - left] = normaliseLabel(cellText(v));
    return line;
  });
  headerRows.forEach((hr, i) => {
    for (const m of merges) {
      if (m.top > hr || m.bottom < hr || m.top < headerStart) continue;
      const text = normaliseLabel(ix.text(m.top, m.left));
      for (let c = Math.max(m.left, left); c <= Math.min(m.right, right - 1); c++) if (!grid[i][c - left]) grid[i][c - left] = text;
    }
  });
  for (let i = 0; i < grid.length - 1; i++) {
    for (let c = 1; c < width; c++) {
      if (grid[i][c] || !grid[i][c - 1]) continue;
      if (grid[i + 1][c - 1] && grid[i + 1][c]) grid[i][c] = grid[i][c - 1];
    }
  }
  const paths: string[][] = [];
  for (let c = 0; c < width; c++) {
    const p: string[] = [];
    for (let i = 0; i < grid.length; i++) {
      const t = grid[i][c];
      if (t && p[p.length - 1] !== t) p.push(t);
    }
    paths.push(p);
  }

  // Blocks of columns: a new block starts at a code/label column after value columns, or when the side changes.
  const blocks: Block[] = [];
  let cur: Block | null = null;
  // A column whose most specific header is a group header elsewhere (e.g. an inserted blank column under a
  // merged "项目" or "本年支出") has no header of its own.
  const groups = new Set<string>();
  for (const p of paths) for (let i = 0; i < p.length - 1; i++) groups.add(p[i]);
  for (let c = 0; c < width; c++) {
    const path = paths[c];
    const role = path.length && groups.has(path[path.length - 1]) ? ({ kind: "none" } as Role) : roleOf(path);
    if (role.kind === "none" || role.kind === "seq") continue;
    let side: Side | undefined;
    for (const p of path) {
      const s = def.sides.get(p);
      if (s) side = s;
    }
    const startsNew =
      !cur ||
      ((role.kind === "code" || role.kind === "label") && cur.valueCols.length > 0) ||
      (side !== undefined && cur.side !== undefined && side !== cur.side);
    if (startsNew) {
      cur = { side, codeCols: [], labelCols: [], valueCols: [], first: left + c };
      blocks.push(cur);
    }
    const b = cur as Block;
    if (side && !b.side) b.side = side;
    if (role.kind === "code") b.codeCols.push({ col: left + c, part: role.part });
    else if (role.kind === "label") b.labelCols.push(left + c);
    else b.valueCols.push({ col: left + c, key: "", header: path.join("/") });
  }
  // Two or three adjacent code columns under one merged "科目编码" header, whose 类/款/项 captions sit in the
  // first data row (next to 合计) rather than in the header, are the split 类 | 款 | 项 columns.
  for (const b of blocks) {
    if (b.codeCols.length >= 2 && b.codeCols.length <= 3 && b.codeCols.every((c) => c.part === "full")) {
      const order = ["lei", "kuan", "xiang"] as const;
      b.codeCols = b.codeCols.map((c, i) => ({ col: c.col, part: order[i] }));
    }
  }
  if (def.twoSided) blocks.forEach((b, i) => (b.side ??= def.blockSides[Math.min(i, def.blockSides.length - 1)]));
  const columns: ColumnInfo[] = [];
  for (const b of blocks) {
    const used = new Set<string>();
    for (const vc of b.valueCols) {
      const path = paths[vc.col - left];
      const cd = def.columns.find(
        (d) =>
          !used.has(d.key) &&
          (d.side === undefined || d.side === b.side) &&
          d.all.every((p) => path.some((t) => p.test(t))) &&
          !d.none.some((p) => path.some((t) => p.test(t))),
      );
      if (cd) {
        vc.key = cd.key;
        used.add(cd.key);
        columns.push({ key: cd.key, header: vc.header, col: vc.col, side: b.side });
      } else {
        messages.push(`${sheetName}：${a1(headerRows[0] ?? titleRow, vc.col)} 列“${vc.header}”无法对应到${def.name}的栏目，已忽略`);
      }
    }
    b.valueCols = b.valueCols.filter((v) => v.key !== "");
  }
  if (!unit) messages.push(`${sheetName}：${def.name}未找到“单位：万元/元”，按万元读取`);
  const tableUnit: Unit = unit ?? "万元";

  // Data rows.
  const rows: TableRow[] = [];
  const unreadable: UnreadableCell[] = [];
  const suspicious: SuspiciousCell[] = [];
  const unclassified: ParsedTable["unclassified"] = [];
  let emptyNote: string | undefined;
  const lastKey = new Map<string, string | undefined>();
  let unlabelledUsed = false;
  let bodyContent = false;
  for (let dr = dataStart; dr < endRow; dr++) {
    const cells = ix.rowCells(dr);
    if (cells.length === 0) continue;
    const firstString = cells.find(([, v]) => typeof v === "string");
    if (firstString && firstString[0] === cells[0][0] && isNoteText(cellText(firstString[1]))) {
      const t = compactText(cellText(firstString[1]));
      if (!emptyNote && matchesAny(t, EMPTY_NOTE_PATTERNS)) emptyNote = cellText(firstString[1]).trim();
      continue;
    }
    bodyContent = true;
    const consumed = new Set<number>();
    for (let bi = 0; bi < blocks.length; bi++) {
      if (consumed.has(bi)) continue;
      const b = blocks[bi];
      // Code and label.
      let code: string | null = null;
      let labelCell: { col: number; text: string } | undefined;
      if (b.codeCols.length) {
        const full = b.codeCols.find((c) => c.part === "full");
        const parts = full
          ? [ix.at(dr, full.col)]
          : (["lei", "kuan", "xiang"] as const).map((p) => {
              const cc = b.codeCols.find((c) => c.part === p);
              return cc ? ix.at(dr, cc.col) : null;
            });
        code = normaliseCode(parts);
      }
      for (const lc of b.labelCols) {
        const t = ix.text(dr, lc);
        if (t.trim()) {
          labelCell = { col: lc, text: t };
          break;
        }
      }
      if (!labelCell) {
        for (const cc of b.codeCols) {
          const t = ix.text(dr, cc.col);
          if (t.trim() && codeDigits(t) === null) {
            labelCell = { col: cc.col, text: t };
            break;
          }
        }
      }
      let rawLabel = labelCell?.text ?? "";
      if (!code && rawLabel) {
        const split = splitCodeFromLabel(rawLabel);
        if (split && isCode(split.code)) {
          code = split.code;
          rawLabel = split.rest;
        }
      }
      // A label merged across the block's own value columns takes its values from the next value column to the right.
      let valueBlock = b;
      if (labelCell) {
        const m = ix.mergeAt(dr, labelCell.col);
        if (m && b.valueCols.some((v) => v.col <= m.right)) {
          for (let bj = bi; bj < blocks.length; bj++) {
            if (blocks[bj].valueCols.some((v) => v.col > m.right)) {
              valueBlock = blocks[bj];
              if (bj !== bi) for (let k = bi + 1; k <= bj; k++) consumed.add(k);
              break;
            }
          }
        }
      }
      const values: Record<string, Figure> = {};
      let rowUnreadable: Record<string, UnreadableCell> | undefined;
      let anyExplicit = false;
      // Value columns under the label's own merge carry no value.
      const coveredTo = labelCell && valueBlock === b ? (ix.mergeAt(dr, labelCell.col)?.right ?? -1) : -1;
      for (const vc of valueBlock.valueCols) {
        if (vc.col <= coveredTo) continue;
        const v = ix.at(dr, vc.col);
        const p = tryParseAmount(v);
        const address = a1(dr, vc.col);
        const wan = p ? convert(p.value, p.unit ?? tableUnit, "万元") : null;
        if (!p || !wan || isImplausible(wan)) {
          // Unknown, never 0: the figure stays absent and the cell is recorded for the findings and the checks.
          const t = cellText(v).trim();
          if (typeof v === "string" && isNoteText(t)) continue;
          const u = unreadableCell(v, sheetName, address);
          (rowUnreadable ??= {})[vc.key] = u;
          unreadable.push(u);
          anyExplicit = true;
          continue;
        }
        if (!p.implicitZero) anyExplicit = true;
        const fig: Figure = {
          wan,
          raw: p.value,
          unit: tableUnit,
          source: { sheet: sheetName, cell: address },
        };
        if (p.implicitZero) fig.implicitZero = true;
        else {
          const sus = suspiciousDecimals(p.value, p.unit ?? tableUnit, sheetName, address);
          if (sus) suspicious.push(sus);
        }
        values[vc.key] = fig;
      }
      const label = normaliseLabel(rawLabel);
      if (!label && !code && !anyExplicit) continue;

      const row: TableRow = { label, rawLabel, row: dr + 1, values };
      if (rowUnreadable) row.unreadable = rowUnreadable;
      if (b.side) row.side = b.side;
      const sideKey = b.side ?? "";
      if (def.unlabelled && !label && !code) {
        if (!unlabelledUsed && def.unlabelledRowKey) {
          row.key = def.unlabelledRowKey;
          unlabelledUsed = true;
        }
      } else if (label) {
        const candidates = def.rowsByLabel.get(label) ?? [];
        const prev = lastKey.get(sideKey);
        const hit = candidates.find(
          (d) => (d.side === undefined || d.side === b.side || d.anySide) && (!d.after || (prev !== undefined && d.after.includes(prev))),
        );
        if (hit) {
          row.key = hit.key;
          if (hit.anySide && hit.side) row.side = hit.side;
        } else if (TOTAL_LABELS.has(label) && !def.twoSided) {
          row.key = "total";
          row.level = "total";
        }
      }
      if (code) {
        row.code = code;
        row.level = codeLevel(code);
        if (row.key === "total") delete row.key;
      } else if (!row.key && label && def.leiFromName && def.leiFromName === b.side) {
        const lei = leiCodeByName(label);
        if (lei) {
          row.code = lei;
          row.level = "lei";
        }
      }
      if (row.key || row.code) lastKey.set(sideKey, row.key);
      else unclassified.push({ sheet: sheetName, row: dr + 1, label: rawLabel.trim() || label });
      rows.push(row);
    }
  }

  const table: TableModel = {
    key,
    sheet: sheetName,
    title: titleText,
    titleSource: { sheet: sheetName, cell: a1(titleRow, titleCol) },
    unit: tableUnit,
    columns,
    rows,
  };
  if (emptyNote) table.emptyNote = emptyNote;
  let rowsLost = false;
  if (!emptyNote && rows.every((r) => Object.keys(r.values).length === 0 && !r.unreadable)) {
    rowsLost = rows.length === 0 && bodyContent;
    // A merge over the table that swallows whole rows (rows with no cell left under it, e.g. header and body merged
    // into one block): the data rows are lost. Header merges span rows that keep their other cells, so they do not count.
    const emptyRowsUnder = (m: MergeArea) => {
      let n = 0;
      for (let r = m.top + 1; r <= m.bottom; r++) if (ix.rowCells(r).length === 0) n++;
      return n;
    };
    if (ix.mergesInRows(headerStart, endRow - 1).some((m) => m.bottom - m.top >= 2 && emptyRowsUnder(m) >= 2)) rowsLost = true;
  }
  return { table, unclassified, messages, unitName, unitFound: unit !== null, valueColumns: columns.length, unreadable, suspicious, rowsLost };
}
