/**
 * Fuzzing: random and mutated workbooks through the reader and the checker never throw and always
 * end in a recognition report; random text through the narrative parser never throws.
 * Mutations start from the repo's example workbooks (test/workbooks, read with the CLI adapter):
 * random cell replacements (strings, numbers, nulls, booleans, error values, dates), deleted rows,
 * dropped, shuffled and renamed sheets. Runs are bounded so `npm test` stays fast.
 */
import * as path from "path";
import fc from "fast-check";
import { readXlsx } from "../../cli/adapters/xlsx";
import { checkWorkbook } from "../../src/checks";
import type { Finding } from "../../src/findings";
import type { ReportModel } from "../../src/model/types";
import { parseNarrative } from "../../src/narrative/parse";
import { paragraphsFromText } from "../../src/narrative/paragraphs";
import { readReport } from "../../src/reader";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/workbook/snapshot";

const EXAMPLES = ["example-sichuan-2020.xlsx", "example-sichuan-2020-yuan.xlsx", "example-national-2024.xlsx"];
const RUNS = 100;

let examples: WorkbookSnapshot[] = [];
beforeAll(async () => {
  examples = await Promise.all(EXAMPLES.map((f) => readXlsx(path.join(__dirname, "../workbooks", f))));
}, 60_000);

// ------------------------------------------------------------------ arbitraries

/** Characters workbooks are made of: table words, digits, units, punctuation, full-width forms. */
const CHARS = "一二三四五六七八九十、。，；：（）%％.．,，-－－０１２３４５６７８９0123456789万元收入支出合计总计本年上年决算预算财政拨款一般公共基本项目类款项科目公开表情况说明增加减少增长下降主要原因 \u3000\t";
const word = fc.string({ unit: fc.constantFrom(...Array.from(CHARS)), maxLength: 24 });
const amountText = fc
  .tuple(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.integer({ min: 0, max: 99 }))
  .map(([a, b]) => `${a.toLocaleString("en-US")}.${String(b).padStart(2, "0")}`);

const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: word },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: amountText },
  { weight: 3, arbitrary: fc.double({ min: -1e9, max: 1e9, noNaN: true }) },
  { weight: 2, arbitrary: fc.integer({ min: -1000, max: 100000 }).map((n) => n / 100) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom("#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?").map((error) => ({ error })) },
  { weight: 1, arbitrary: fc.date({ min: new Date("1990-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => ({ date: d.toISOString() })) },
);

const sheetName = fc.oneof(
  fc.constantFrom("公开01表", "公开02表", "公开05表", "公开09表", "情况说明", "补充数据", "绩效表1", "Sheet1", "收入支出决算总表"),
  fc.string({ minLength: 1, maxLength: 31 }),
);

function randomSheet(): fc.Arbitrary<SheetSnapshot> {
  return fc
    .record({
      name: sheetName,
      row: fc.nat(20),
      col: fc.nat(5),
      values: fc.array(fc.array(cellValue, { maxLength: 8 }), { maxLength: 30 }),
    })
    .map(({ name, row, col, values }) => ({ name, origin: { row, col }, values, merges: [] }));
}

const randomWorkbook: fc.Arbitrary<WorkbookSnapshot> = fc.array(randomSheet(), { maxLength: 6 }).map((sheets) => {
  // Excel sheet names are unique (case-insensitively).
  const seen = new Set<string>();
  return { sheets: sheets.filter((s) => !seen.has(s.name.toLowerCase()) && seen.add(s.name.toLowerCase())) };
});

type Mutation =
  | { kind: "cell"; sheet: number; row: number; col: number; value: CellValue }
  | { kind: "deleteRow"; sheet: number; row: number }
  | { kind: "dropSheet"; sheet: number }
  | { kind: "shuffle"; keys: number[] }
  | { kind: "rename"; sheet: number; name: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant("cell" as const), sheet: fc.nat(40), row: fc.nat(60), col: fc.nat(12), value: cellValue }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("deleteRow" as const), sheet: fc.nat(40), row: fc.nat(60) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("dropSheet" as const), sheet: fc.nat(40) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("shuffle" as const), keys: fc.array(fc.double({ noNaN: true }), { minLength: 40, maxLength: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("rename" as const), sheet: fc.nat(40), name: sheetName }) },
);

function clone(s: WorkbookSnapshot): WorkbookSnapshot {
  return JSON.parse(JSON.stringify(s)) as WorkbookSnapshot;
}

function mutate(base: WorkbookSnapshot, ms: Mutation[]): WorkbookSnapshot {
  const wb = clone(base);
  for (const m of ms) {
    const n = wb.sheets.length;
    if (n === 0) break;
    switch (m.kind) {
      case "cell": {
        const s = wb.sheets[m.sheet % n];
        const r = m.row % Math.max(s.values.length + 2, 1);
        while (s.values.length <= r) s.values.push([]);
        const line = s.values[r];
        while (line.length <= m.col) line.push(null);
        line[m.col] = m.value;
        break;
      }
      case "deleteRow": {
        const s = wb.sheets[m.sheet % n];
        if (s.values.length > 0) s.values.splice(m.row % s.values.length, 1);
        break;
      }
      case "dropSheet":
        wb.sheets.splice(m.sheet % n, 1);
        break;
      case "shuffle": {
        const keyed = wb.sheets.map((s, i) => ({ s, k: m.keys[i % m.keys.length] + i * 1e-9 }));
        wb.sheets = keyed.sort((a, b) => a.k - b.k).map((x) => x.s);
        break;
      }
      case "rename": {
        const s = wb.sheets[m.sheet % n];
        if (!wb.sheets.some((o) => o !== s && o.name.toLowerCase() === m.name.toLowerCase())) s.name = m.name;
        break;
      }
    }
  }
  return wb;
}

// ------------------------------------------------------------------ invariants

function assertRecognition(model: ReportModel, wb: WorkbookSnapshot): void {
  const r = model.recognition;
  expect(Array.isArray(r.tables)).toBe(true);
  expect(Array.isArray(r.missing)).toBe(true);
  expect(Array.isArray(r.messages)).toBe(true);
  const names = new Set(wb.sheets.map((s) => s.name));
  for (const t of r.tables) expect(names.has(t.sheet)).toBe(true);
  // A table is either recognised or reported missing, never both.
  const found = new Set(r.tables.map((t) => t.key));
  for (const k of r.missing) expect(found.has(k)).toBe(false);
}

function assertFindings(findings: Finding[]): void {
  for (const f of findings) {
    expect(["error", "warning", "info"]).toContain(f.severity);
    expect(typeof f.message).toBe("string");
    expect(f.message.length).toBeGreaterThan(0);
    expect(f.message).not.toMatch(/NaN|\[object Object\]/);
  }
}

function roundTrip(wb: WorkbookSnapshot): void {
  const model = readReport(wb);
  assertRecognition(model, wb);
  const r = checkWorkbook(wb);
  assertRecognition(r.model, wb);
  assertFindings(r.findings);
}

describe("fuzzing the reader and the checker", () => {
  it("random workbooks never throw and end in a recognition report", () => {
    fc.assert(fc.property(randomWorkbook, (wb) => roundTrip(wb)), { numRuns: RUNS });
  });

  it("mutated example workbooks never throw and end in a recognition report", () => {
    fc.assert(
      fc.property(fc.nat(EXAMPLES.length - 1), fc.array(mutation, { minLength: 1, maxLength: 25 }), (i, ms) => roundTrip(mutate(examples[i], ms))),
      { numRuns: RUNS },
    );
  });

  it("mutated examples checked against random pasted text never throw", () => {
    fc.assert(
      fc.property(fc.nat(EXAMPLES.length - 1), fc.array(mutation, { maxLength: 5 }), fc.array(word, { maxLength: 20 }), (i, ms, lines) => {
        const wb = mutate(examples[i], ms);
        const r = checkWorkbook(wb, { narrativeText: lines.join("\n") });
        assertRecognition(r.model, wb);
        assertFindings(r.findings);
      }),
      { numRuns: 50 },
    );
  });
});

describe("messages of rules on a damaged 公开07表", () => {
  // Found by the fuzzer above: with the data row of 公开07表 deleted (or its first label replaced),
  // rules X-12 and S-1 name the 公开07表 cell “undefined” (src/checks/tables.ts, a T07 CellRef has a
  // col and no row, so the row label it printed was missing); the column header names it now.
  it("never print “undefined” as a label", () => {
    const t07 = examples[0].sheets.findIndex((s) => s.name === "公开07表");
    for (const ms of [[{ kind: "deleteRow", sheet: t07, row: 1 }], [{ kind: "cell", sheet: t07, row: 13, col: 0, value: 0 }]] as Mutation[][]) {
      const r = checkWorkbook(mutate(examples[0], ms));
      for (const f of r.findings) expect(f.message).not.toContain("undefined");
    }
  });
});

describe("fuzzing the narrative parser", () => {
  const seedLines = (): string[] =>
    (readReport(examples[0]).narrative?.paragraphs ?? []).map((p) => p.text).filter((t) => t.length > 0);

  it("random text never throws", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.array(word, { maxLength: 30 }).map((l) => l.join("\n"))), (text) => {
        const parsed = parseNarrative(paragraphsFromText(text));
        expect(parsed).toBeDefined();
      }),
      { numRuns: RUNS },
    );
  });

  it("the example's narrative with digits and words mutated never throws", () => {
    const lines = seedLines();
    expect(lines.length).toBeGreaterThan(10);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(lines.length - 1), fc.nat(200), word), { minLength: 1, maxLength: 20 }), (edits) => {
        const out = [...lines];
        for (const [li, at, w] of edits) {
          const l = out[li];
          const p = at % (l.length + 1);
          out[li] = l.slice(0, p) + w + l.slice(p + (at % 4));
        }
        expect(parseNarrative(paragraphsFromText(out.join("\n")))).toBeDefined();
      }),
      { numRuns: RUNS },
    );
  });
});
