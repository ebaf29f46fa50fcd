/**
 * What a person reads: every finding message, on every workbook and text the repo can make or read, is clean
 * Chinese — no unfilled slot, no doubled “%%”, no “undefined”/“NaN”/“[object Object]”, balanced quotes and
 * brackets, and no rule id in the sentence (ids stay in `rule`, in --json and in the pane's tooltip).
 * ../shared material is read where present (here and in CI it always is).
 */
import * as fs from "fs";
import * as path from "path";
import { readWorkbook } from "../../cli/adapters/workbook";
import { readXlsx } from "../../cli/adapters/xlsx";
import { checkWorkbook } from "../../src/checks";
import type { Finding } from "../../src/findings";
import { exampleWithBadAmounts, exampleWithUncachedTotals } from "../../scripts/examples/bad-inputs";
import { plantedCases } from "../../scripts/planted/corpus";

jest.setTimeout(60_000);
const SHARED = path.resolve(__dirname, "../../../shared");
const HAS_SHARED = fs.existsSync(SHARED);

/** The problems a message may have, in words for the failure report. */
function problems(m: string): string[] {
  const out: string[] = [];
  if (/\{[A-Za-z]+\}/.test(m)) out.push("unfilled slot");
  if (/%%|％％|%％|％%/.test(m)) out.push("doubled percent");
  // Quoted text is the user's own (a cell "NaN" is quoted as it is); leaks are looked for outside quotes.
  if (/undefined|NaN|\[object |null/.test(m.replace(/“[^“”]*”/g, ""))) out.push("leaked value");
  if (/[〔[]?\b(?:[TXNRP]\d*-[\w-]+)\b[〕\]]?/.test(m)) out.push("rule id in text");
  // Internal keys (“incomeTotal”, “finalAbroad”) must never reach a person: no ASCII word of letters in a message,
  // outside the file and sheet names a message quotes (Excel names such as “Sheet4” are the user's own).
  if (/(?<![A-Za-z])[a-z]+[A-Z][A-Za-z]*|(?<![A-Za-z.\\/])[a-z]{4,}(?![A-Za-z.])/.test(m.replace(/“[^“”]*\.(xlsx|xls|docx|txt|csv)”|“Sheet\d+”|Sheet\d+/g, ""))) out.push("ASCII identifier");
  const count = (re: RegExp) => (m.match(re) ?? []).length;
  if (count(/“/g) !== count(/”/g)) out.push("unbalanced “”");
  if (count(/（/g) !== count(/）/g)) out.push("unbalanced （）");
  if (m.trim() !== m || m.length === 0) out.push("blank or padded");
  return out;
}

function bad(findings: Finding[], where: string): string[] {
  return findings.flatMap((f) => {
    const p = problems(f.message);
    return p.length ? [`${where} ${f.rule}: ${p.join(", ")}: ${f.message}`] : [];
  });
}

describe("finding messages are clean Chinese", () => {
  test("rule message templates hold no ASCII identifier outside their {slots}", () => {
    const found: string[] = [];
    const dir = path.resolve(__dirname, "../../src/data/rules");
    const walk = (x: unknown, where: string): void => {
      if (typeof x === "string") {
        if (/[\u4e00-\u9fa5]/.test(x) && problems(x.replace(/\{[A-Za-z0-9]+(?:\|[^}]*)?\}/g, "")).includes("ASCII identifier")) found.push(`${where}: ${x}`);
      } else if (Array.isArray(x)) x.forEach((v, i) => walk(v, `${where}[${i}]`));
      else if (x && typeof x === "object") for (const [k, v] of Object.entries(x)) if (!["$comment", "source", "sources", "tolerance"].includes(k)) walk(v, `${where}.${k}`);
    };
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".json"))) walk(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")), f);
    expect(found).toEqual([]);
  });

  test("planted corpus, its clean bases and the bad-input workbooks", async () => {
    const { bases, cases } = await plantedCases();
    const found: string[] = [];
    for (const [name, snap] of Object.entries(bases)) found.push(...bad(checkWorkbook(snap).findings, name));
    for (const c of cases) found.push(...bad(checkWorkbook(c.snapshot).findings, c.id));
    found.push(...bad(checkWorkbook(await readXlsx((await exampleWithUncachedTotals()).buf)).findings, "uncached"));
    found.push(...bad(checkWorkbook(await readXlsx((await exampleWithBadAmounts()).buf)).findings, "bad-amounts"));
    expect(found).toEqual([]);
  });

  (HAS_SHARED ? test : test.skip)("../shared fixtures, real workbooks and real text excerpts", async () => {
    const found: string[] = [];
    const books = [
      ...fs.readdirSync(path.join(SHARED, "fixtures")).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(SHARED, "fixtures", f)),
      ...fs.readdirSync(path.join(SHARED, "real/workbooks")).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(SHARED, "real/workbooks", f)),
    ];
    for (const f of books) found.push(...bad(checkWorkbook(await readWorkbook(f)).findings, path.basename(f)));
    const empty = { sheets: [{ name: "Sheet1", origin: { row: 0, col: 0 }, values: [], merges: [] }] };
    const texts = path.join(SHARED, "real/texts");
    for (const f of fs.readdirSync(texts).filter((x) => x.endsWith(".txt"))) {
      found.push(...bad(checkWorkbook(empty, { narrativeText: fs.readFileSync(path.join(texts, f), "utf8") }).findings, f));
    }
    expect(found).toEqual([]);
  });
});
