/**
 * Check benchmark: reader + checks (snapshot conversion, readReport, every rule) per workbook and
 * for a batch of 200 generated workbooks (the example workbooks with perturbed figures), next to the
 * time ExcelJS needs just to load the same files. Target: checking adds ≤ 25 % to loading.
 * Prints figures only. Run: npx ts-node --transpile-only bench/check.ts
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { workbookToSnapshot } from "../cli/adapters/xlsx";
import { checkWorkbook } from "../src/checks";
import { rng } from "../scripts/rng";

const ROOT = path.resolve(__dirname, "..");
const FILES = [
  ...["example-sichuan-2020.xlsx", "example-sichuan-2020-yuan.xlsx", "example-national-2024.xlsx"].map((f) => path.join(ROOT, "test/workbooks", f)),
  ...["bazhong-2020.xlsx", "bazhong-2020-yuan.xlsx", "bazhong-2020-clean.xlsx"].map((f) => path.resolve(ROOT, "../shared/fixtures", f)),
].filter((f) => fs.existsSync(f));
const BATCH = Number(process.env.BENCH_BATCH ?? 200);

const now = (): bigint => process.hrtime.bigint();
const ms = (t0: bigint): number => Number(now() - t0) / 1e6;

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}


/** A variant of a workbook: about one number in five moved by up to ±5 % (2 decimals), so totals break here and there. */
async function variant(buf: Buffer, rand: () => number): Promise<Buffer> {
  const wb = await load(buf);
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "number" && cell.value > 1 && rand() < 0.2) {
          cell.value = Math.round(cell.value * (0.95 + rand() * 0.1) * 100) / 100;
        }
      }),
    ),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function pct(check: number, loadMs: number): string {
  return `${((check / loadMs) * 100).toFixed(1)}%`;
}

(async () => {
  const RUNS = 5;
  console.log(`per workbook (mean of ${RUNS} runs after one warm-up):`);
  console.log(`${"workbook".padEnd(32)} ${"ExcelJS load".padStart(13)} ${"read+check".padStart(11)} ${"check/load".padStart(11)}  findings`);
  const bufs = FILES.map((f) => fs.readFileSync(f));
  for (const [i, f] of FILES.entries()) {
    const wb0 = await load(bufs[i]);
    checkWorkbook(workbookToSnapshot(wb0)); // warm-up
    let loadMs = 0;
    let checkMs = 0;
    let findings = 0;
    for (let r = 0; r < RUNS; r++) {
      let t0 = now();
      const wb = await load(bufs[i]);
      loadMs += ms(t0);
      t0 = now();
      findings = checkWorkbook(workbookToSnapshot(wb)).findings.length;
      checkMs += ms(t0);
    }
    loadMs /= RUNS;
    checkMs /= RUNS;
    console.log(
      `${path.basename(f).padEnd(32)} ${loadMs.toFixed(1).padStart(10)} ms ${checkMs.toFixed(1).padStart(8)} ms ${pct(checkMs, loadMs).padStart(11)}  ${findings}`,
    );
  }

  const examples = bufs.slice(0, 3);
  const rand = rng(20240601);
  const t0 = now();
  const batch: Buffer[] = [];
  for (let i = 0; i < BATCH; i++) batch.push(await variant(examples[i % examples.length], rand));
  console.log(`\nbatch: ${BATCH} generated workbooks (examples with perturbed figures; generating took ${(ms(t0) / 1000).toFixed(1)} s)`);
  let loadMs = 0;
  let checkMs = 0;
  let findings = 0;
  let withErrors = 0;
  for (const b of batch) {
    let t = now();
    const wb = await load(b);
    loadMs += ms(t);
    t = now();
    const r = checkWorkbook(workbookToSnapshot(wb));
    checkMs += ms(t);
    findings += r.findings.length;
    if (r.summary.error > 0) withErrors++;
  }
  console.log(`  ExcelJS load alone   ${(loadMs / 1000).toFixed(2).padStart(7)} s  (${(loadMs / BATCH).toFixed(1)} ms per workbook)`);
  console.log(`  read + check         ${(checkMs / 1000).toFixed(2).padStart(7)} s  (${(checkMs / BATCH).toFixed(1)} ms per workbook)`);
  console.log(`  check adds ${pct(checkMs, loadMs)} to loading (target ≤ 25%); ${findings} findings, ${withErrors}/${BATCH} workbooks with errors`);
  console.log(`  per 1 000 workbooks: load ≈ ${((loadMs / BATCH) * 1000 / 1000).toFixed(1)} s, read + check ≈ ${((checkMs / BATCH) * 1000 / 1000).toFixed(1)} s`);
})().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
