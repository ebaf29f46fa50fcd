/**
 * `npm run accuracy`: problems found / expected and false alarms, per file and per rule family, on the real
 * reports in ../shared/real (when present) and on the repo's planted corpus (scripts/planted).
 */
import * as fs from "fs";
import * as path from "path";
import { readXlsx } from "../../cli/adapters/xlsx";
import { checkWorkbook } from "../../src/checks";
import { paragraphsFromText } from "../../src/narrative/paragraphs";
import { SEVERITY_LABEL, type Finding } from "../../src/findings";
import { scoreText, scoreWorkbook, type FileScore, type LabelledWorkbook, type TextCase } from "./score";

export const SHARED_REAL = path.resolve(__dirname, "..", "..", "..", "shared", "real");

export async function scoreRealWorkbooks(dir = path.join(SHARED_REAL, "workbooks")): Promise<FileScore[]> {
  const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected.json"), "utf8")) as { fixtures: Record<string, LabelledWorkbook> };
  const out: FileScore[] = [];
  for (const [file, labels] of Object.entries(expected.fixtures)) {
    out.push(await scoreLabelledFile(path.join(dir, file), labels));
  }
  return out;
}

export async function scoreLabelledFile(file: string, labels: LabelledWorkbook): Promise<FileScore> {
  const snapshot = await readXlsx(file);
  const r = checkWorkbook(snapshot);
  const narrativeSheets = [r.model.narrative?.sheet ?? "情况说明", ...labels.problems.filter((p) => p.row != null).map((p) => p.sheet ?? "")];
  return scoreWorkbook(path.basename(file), labels, r.findings, narrativeSheets);
}

export function scoreRealTexts(dir = path.join(SHARED_REAL, "texts")): FileScore[] {
  const out: FileScore[] = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".json")).sort()) {
    const c = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")) as TextCase;
    const text = fs.readFileSync(path.join(dir, f.replace(/\.json$/, ".txt")), "utf8");
    const r = checkWorkbook({ sheets: [] }, { narrativeText: text, narrativeTextName: f.replace(/\.json$/, ".txt") });
    const spans = paragraphsFromText(text).map((p) => ({ row: p.row, last: p.lastRow ?? p.row, text: p.text }));
    // Without tables only the text's own checks apply; what the recogniser says about missing tables is not a finding on the text.
    const findings = r.findings.filter((x) => x.row != null);
    out.push(scoreText(f.replace(/\.json$/, ".txt"), c, findings, spans));
  }
  return out;
}

const describe = (f: Finding) => `[${SEVERITY_LABEL[f.severity]}] ${f.rule} ${f.sheet ?? ""}${f.cell ? "!" + f.cell : ""}${f.row ? " 第" + f.row + "行" : ""} ${f.message.slice(0, 110)}`;

export function printScores(title: string, scores: FileScore[], verbose: boolean, write: (s: string) => void): void {
  write(`\n== ${title} ==\n`);
  write(`${"file".padEnd(34)} found/expected  false-alarms  must-not-flag-hits  info found/expected\n`);
  const fam: Record<string, { expected: number; found: number; falseAlarms: number }> = {};
  let e = 0;
  let fd = 0;
  let fa = 0;
  let mnf = 0;
  for (const s of scores) {
    write(`${s.file.padEnd(34)} ${`${s.found}/${s.expected}`.padEnd(15)} ${String(s.falseAlarms.length).padEnd(13)} ${String(s.mustNotFlagHits.length).padEnd(19)} ${s.infoFound}/${s.infoExpected}\n`);
    e += s.expected;
    fd += s.found;
    fa += s.falseAlarms.length;
    mnf += s.mustNotFlagHits.length;
    for (const [k, v] of Object.entries(s.families)) {
      const t = (fam[k] ??= { expected: 0, found: 0, falseAlarms: 0 });
      t.expected += v.expected;
      t.found += v.found;
      t.falseAlarms += v.falseAlarms;
    }
    if (verbose) {
      for (const m of s.missed) write(`    missed: ${m}\n`);
      for (const f of s.falseAlarms) write(`    false alarm: ${describe(f)}\n`);
    }
  }
  write(`by rule family:\n`);
  for (const [k, v] of Object.entries(fam).sort()) write(`  ${k.padEnd(24)} found ${v.found}/${v.expected}, false alarms ${v.falseAlarms}\n`);
  write(`TOTAL ${title}: found ${fd}/${e}, false alarms ${fa}, must-not-flag hits ${mnf}\n`);
}

async function main(): Promise<void> {
  const verbose = process.argv.includes("-v") || process.argv.includes("--verbose");
  const write = (s: string) => process.stdout.write(s);
  if (fs.existsSync(SHARED_REAL)) {
    printScores("../shared/real/workbooks", await scoreRealWorkbooks(), verbose, write);
    printScores("../shared/real/texts", scoreRealTexts(), verbose, write);
  } else write("../shared/real is absent: real reports skipped\n");
  if (fs.existsSync(path.join(__dirname, "..", "planted", "corpus.ts"))) {
    const { scorePlanted } = await import("../planted/corpus");
    printScores("planted corpus", await scorePlanted(), verbose, write);
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(String(e?.stack ?? e) + "\n");
    process.exit(2);
  });
}
