/** A worker of the `juesuan review` pool (cli/review/pool.ts): one file per message, its FileReview back. */
import { parentPort } from "worker_threads";
import { reviewFile, type ReviewTask } from "./checkFile";

parentPort?.on("message", (msg: { id: number; task: ReviewTask }) => {
  void reviewFile(msg.task).then((result) => parentPort?.postMessage({ id: msg.id, result }));
});
