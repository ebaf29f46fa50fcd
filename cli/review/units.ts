/** The expected units of a review (单位名称, 文件): a CSV (BOM/UTF-8/GB18030) or any workbook the reader takes. */
import * as fs from "fs";
import * as path from "path";
import { decodeText } from "../adapters/text";
import { readWorkbook } from "../adapters/workbook";
import { JuesuanError } from "../../src/money/errors";
import type { UnitEntry } from "../../src/review/report";
import type { CellValue } from "../../src/workbook/snapshot";

/** RFC 4180 fields: quotes, doubled quotes, commas (or tabs / full-width commas when there is no comma) and line breaks in quotes. */
export function parseCsv(text: string): string[][] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const sep = firstLine.includes(",") ? "," : firstLine.includes("\t") ? "\t" : firstLine.includes("，") ? "，" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

const cellText = (v: CellValue): string => (v === null || v === undefined ? "" : typeof v === "object" ? "" : String(v));

/** Rows → units: a header row naming 单位 and 文件 (any order) is used when present, else column 1 = name, 2 = file. */
export function unitsFromRows(rows: string[][], name: string): UnitEntry[] {
  const clean = rows.map((r) => r.map((c) => c.replace(/^\uFEFF/, "").trim())).filter((r) => r.some((c) => c !== ""));
  if (clean.length === 0) throw new JuesuanError("units-empty", `单位名单${name}中没有任何单位`);
  let nameCol = 0;
  let fileCol = 1;
  let start = 0;
  const header = clean[0];
  const hn = header.findIndex((c) => /^(单位|部门)(名称|全称)?$/.test(c));
  const hf = header.findIndex((c) => /^(文件|文件名|文件名称|文件路径|路径)$/.test(c));
  if (hn >= 0 || hf >= 0) {
    nameCol = hn >= 0 ? hn : hf === 0 ? 1 : 0;
    fileCol = hf;
    start = 1;
  }
  const out: UnitEntry[] = [];
  for (const r of clean.slice(start)) {
    const n = r[nameCol] ?? "";
    const f = fileCol >= 0 ? (r[fileCol] ?? "") : "";
    if (!n && !f) continue;
    const entry: UnitEntry = { name: n || path.basename(f).replace(/\.[^.]+$/, "") };
    if (f) entry.file = f;
    out.push(entry);
  }
  if (out.length === 0) throw new JuesuanError("units-empty", `单位名单${name}中没有任何单位`);
  return out;
}

export async function readUnits(file: string): Promise<UnitEntry[]> {
  const name = `“${path.basename(file)}”`;
  if (!fs.existsSync(file)) throw new JuesuanError("file-not-found", `找不到单位名单文件“${file}”`);
  if (/\.(csv|tsv|txt)$/i.test(file)) {
    const d = decodeText(fs.readFileSync(file));
    if (d.garbled) throw new JuesuanError("units-garbled", `单位名单${name}的文字编码无法识别，请另存为 UTF-8 或 GBK 编码的 CSV 后重试`);
    return unitsFromRows(parseCsv(d.text), name);
  }
  const snapshot = await readWorkbook(file);
  const sheet = snapshot.sheets.find((s) => s.values.length > 0);
  if (!sheet) throw new JuesuanError("units-empty", `单位名单${name}中没有任何单位`);
  return unitsFromRows(sheet.values.map((r) => r.map(cellText)), name);
}
