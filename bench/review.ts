/**
 * Review benchmark: files per second for N generated workbooks (the example workbooks with perturbed
 * figures, written to a temp folder) — ExcelJS loading alone, the review in this thread, one worker,
 * and all workers (os.availableParallelism()). Worker times include starting the workers (under ts-node
 * from the sources, as in development). Prints figures only.
 * Run: npm run bench:review   (BENCH_REVIEW_N=1000 npm run bench:review for 1 000 workbooks)
 */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { reviewFiles } from "../cli/review/pool";
import { collectInputs } from "../cli/review/collect";
import { rng } from "../scripts/rng";

const ROOT = path.resolve(__dirname, "..");
const EXAMPLES = ["example-sichuan-2020.xlsx", "example-sichuan-2020-yuan.xlsx", "example-national-2024.xlsx"].map((f) => path.join(ROOT, "test/workbooks", f));
const N = Number(process.env.BENCH_REVIEW_N ?? 200);
const CORES = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;

const now = (): bigint => process.hrtime.bigint();
const seconds = (t0: bigint): number => Number(now() - t0) / 1e9;

/** A variant of a workbook: about one number in five moved by up to ±5 % (as bench/check.ts). */
async function variant(buf: Buffer, rand: () => number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === "number" && cell.value > 1 && rand() < 0.2) cell.value = Math.round(cell.value * (0.95 + rand() * 0.1) * 100) / 100;
      }),
    ),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function line(what: string, files: number, s: number, extra = ""): void {
  console.log(`${(files / s).toFixed(1).padStart(7)} files/s ${s.toFixed(2).padStart(7)} s  ${what}${extra}`);
}

(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-bench-review-"));
  try {
    const rand = rng(20261203);
    const bufs = EXAMPLES.map((f) => fs.readFileSync(f));
    // Ten distinct variants per example, repeated: generating 1 000 distinct files would take longer than the run.
    const variants: Buffer[] = [];
    for (let i = 0; i < Math.min(N, 30); i++) variants.push(await variant(bufs[i % bufs.length], rand));
    for (let i = 0; i < N; i++) fs.writeFileSync(path.join(dir, `单位${String(i + 1).padStart(4, "0")}.xlsx`), variants[i % variants.length]);
    const { tasks } = collectInputs([dir], dir);
    console.log(`${N} workbooks, ${CORES} cores (os.availableParallelism), load average ${os.loadavg()[0].toFixed(1)}`);

    let t0 = now();
    for (const t of tasks) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(fs.readFileSync(t.abs) as unknown as ExcelJS.Buffer);
    }
    const load = seconds(t0);
    line("ExcelJS load only (this thread)", N, load);

    const runs: [string, number][] = [["review, in this thread", 0], ["review, 1 worker", 1]];
    if (CORES > 1) runs.push([`review, ${CORES} workers`, CORES]);
    for (const [what, workers] of runs) {
      t0 = now();
      const results = await reviewFiles(tasks, { workers });
      const s = seconds(t0);
      const failed = results.filter((r) => !r.ok).length;
      line(what, N, s, `  (×${(s / load).toFixed(2)} of load${failed ? `, ${failed} failed` : ""})`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})();
