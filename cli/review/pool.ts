/**
 * Checks many files across the machine's cores: a bounded pool of worker_threads, each taking the next
 * file when it is done with one. A worker that dies or hangs costs only its file (named, with the reason),
 * and is replaced; the run goes on. `workers: 0` checks in this thread (one or two files need no pool).
 *
 * The worker runs the same code as the CLI: compiled (dist/cli/…/worker.js next to this file) when the CLI
 * is compiled, else the TypeScript sources through ts-node, registered as cli/bin/juesuan.js does.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import type { FileReview } from "../../src/review/report";
import { reviewFile, type ReviewTask } from "./checkFile";

export interface PoolOptions {
  /** Worker threads; 0 = in this thread. */
  workers: number;
  /** After each file: files done, of which failed, total. */
  onProgress?: (done: number, failed: number, total: number) => void;
  /** A file still not done after this long is given up (its worker is ended). */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;

/**
 * Threads for `n` files: up to os.availableParallelism() (Node ≥ 18.14; os.cpus() before), one per 8 files
 * at least, as starting a worker costs about as much as checking a few files; fewer than 4 files in this thread.
 */
export function defaultWorkers(n: number): number {
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
  return n < 4 ? 0 : Math.max(1, Math.min(cores, Math.ceil(n / 8)));
}

function spawn(): Worker {
  const compiled = path.join(__dirname, "worker.js");
  if (__filename.endsWith(".js") && fs.existsSync(compiled)) return new Worker(compiled);
  const source = path.join(__dirname, "worker.ts");
  // Same registration as cli/bin/juesuan.js; the project's tsconfig is found from the repository, whatever the cwd.
  const tsNode = require.resolve("ts-node");
  const code = `require(${JSON.stringify(tsNode)}).register({ transpileOnly: true, projectSearchDir: ${JSON.stringify(path.resolve(__dirname, "..", ".."))}, compilerOptions: { module: "commonjs" } });\nrequire(${JSON.stringify(source)});`;
  return new Worker(code, { eval: true });
}

const gaveUp = (task: ReviewTask, why: string): FileReview => ({ file: task.file, ok: false, problem: why, tablesFound: [], tablesMissing: [], findings: [] });

/** Results in the order of `tasks`. Never rejects for a file's sake. */
export async function reviewFiles(tasks: ReviewTask[], options: PoolOptions): Promise<FileReview[]> {
  const results: FileReview[] = new Array<FileReview>(tasks.length);
  let done = 0;
  let failed = 0;
  const finish = (i: number, r: FileReview) => {
    results[i] = r;
    done++;
    if (!r.ok) failed++;
    options.onProgress?.(done, failed, tasks.length);
  };
  if (options.workers <= 0 || tasks.length === 0) {
    for (let i = 0; i < tasks.length; i++) finish(i, await reviewFile(tasks[i]));
    return results;
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let next = 0;
  const lane = (): Promise<void> =>
    new Promise<void>((resolve) => {
      let worker: Worker | null = null;
      let current = -1;
      let timer: NodeJS.Timeout | undefined;
      const stop = () => {
        if (timer) clearTimeout(timer);
        const w = worker;
        worker = null;
        if (w) void w.terminate();
      };
      const fresh = () => {
        const w = spawn();
        worker = w;
        w.on("message", (msg: { id: number; result: FileReview }) => {
          if (w !== worker || msg.id !== current) return;
          if (timer) clearTimeout(timer);
          const i = current;
          current = -1;
          finish(i, msg.result);
          take();
        });
        // A worker that crashes (out of memory, a native fault) loses its file only; a new one takes over.
        const lost = (why: string) => {
          if (w !== worker) return;
          const i = current;
          current = -1;
          stop();
          if (i >= 0) finish(i, gaveUp(tasks[i], why));
          take();
        };
        w.on("error", (e) => lost(`检查时出错（${e instanceof Error ? e.message : String(e)}）`));
        w.on("exit", (code) => lost(`检查进程意外退出（代码 ${code}），可能是文件过大或内存不足`));
      };
      const take = () => {
        if (current >= 0) return;
        if (next >= tasks.length) {
          stop();
          resolve();
          return;
        }
        if (!worker) fresh();
        current = next++;
        const i = current;
        timer = setTimeout(() => {
          if (current !== i) return;
          current = -1;
          stop();
          finish(i, gaveUp(tasks[i], `检查超过 ${Math.round(timeoutMs / 1000)} 秒仍未完成，已跳过该文件`));
          take();
        }, timeoutMs);
        (worker as Worker | null)?.postMessage({ id: i, task: tasks[i] });
      };
      take();
    });
  const lanes = Math.min(options.workers, tasks.length);
  await Promise.all(Array.from({ length: lanes }, lane));
  return results;
}
