/** Makes sure dist/ holds a production build of the current sources (builds when missing or older). */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
const SOURCES = ["src", "taskpane", "preview", "functions", "test/fake-excel", "test/workbooks", "cli/adapters", "webpack.config.js", "package.json"];
const OUTPUTS = ["taskpane.html", "taskpane.js", "functions.js", "preview.html", "preview.js"];

function newest(p: string): number {
  const full = path.join(ROOT, p);
  if (!fs.existsSync(full)) return 0;
  const st = fs.statSync(full);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of fs.readdirSync(full)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

export function ensureBuild(log: (s: string) => void = (s) => process.stdout.write(s + "\n")): void {
  const outs = OUTPUTS.map((f) => path.join(DIST, f));
  const built = outs.every((f) => fs.existsSync(f)) ? Math.min(...outs.map((f) => fs.statSync(f).mtimeMs)) : 0;
  const src = Math.max(...SOURCES.map(newest));
  // A production build has no eval source maps; a dev build (npm start) must be replaced.
  const isProduction = built > 0 && !fs.readFileSync(path.join(DIST, "preview.html"), "utf8").includes("\n");
  if (built > 0 && built >= src && isProduction && process.env.E2E_REBUILD !== "1") return;
  log("构建 dist/（npm run build）……");
  const r = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error("npm run build 失败");
}
