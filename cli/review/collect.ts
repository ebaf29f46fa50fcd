/** The files of a `juesuan review` run: files as given, folders searched recursively for workbooks. */
import * as fs from "fs";
import * as path from "path";
import type { ReviewTask } from "./checkFile";

/** Workbook files a folder search picks up (the reader's formats; .csv only when named on the command line). */
const WORKBOOK = /\.(xlsx|xlsm|xls|ods)$/i;
/** Excel's lock files (~$名称.xlsx) and hidden files are never units. */
const SKIP = /^(~\$|\.)/;

export interface Collected {
  tasks: ReviewTask[];
  /** Folders that could not be read, in Chinese. */
  notes: string[];
}

const slash = (p: string) => p.split(path.sep).join("/");

/** Expands inputs (relative to cwd) into tasks, sorted by the shown path; `exclude` (absolute) are the run's own files. */
export function collectInputs(inputs: string[], cwd: string, exclude: string[] = []): Collected {
  const skip = new Set(exclude.map((p) => path.resolve(cwd, p)));
  const found = new Map<string, { abs: string; rel: string; root: string }>();
  const notes: string[] = [];
  const walk = (dir: string, root: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      notes.push(`无法读取文件夹“${slash(path.relative(cwd, dir)) || dir}”（${(e as NodeJS.ErrnoException).code ?? String(e)}），其中的文件未检查`);
      return;
    }
    for (const d of entries) {
      if (SKIP.test(d.name)) continue;
      const abs = path.join(dir, d.name);
      // Symbolic links to folders are not followed (no loops); links to files are taken.
      const isFile = d.isFile() || (d.isSymbolicLink() && fs.existsSync(abs) && fs.statSync(abs).isFile());
      if (d.isDirectory()) walk(abs, root);
      else if (isFile && WORKBOOK.test(d.name) && !skip.has(abs) && !found.has(abs)) found.set(abs, { abs, rel: slash(path.relative(root, abs)), root });
    }
  };
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    if (fs.existsSync(abs) && fs.statSync(abs).isDirectory()) walk(abs, abs);
    // A named file is taken whatever it is: the reader says why it cannot be read (missing, not a workbook…).
    else if (!skip.has(abs) && !found.has(abs)) found.set(abs, { abs, rel: slash(path.basename(abs)), root: path.dirname(abs) });
  }
  // Shown relative to the folder it was found in; where two would look the same, relative to cwd.
  const count = new Map<string, number>();
  for (const f of found.values()) count.set(f.rel, (count.get(f.rel) ?? 0) + 1);
  const tasks = [...found.values()].map((f) => ({ abs: f.abs, file: (count.get(f.rel) ?? 0) > 1 ? slash(path.relative(cwd, f.abs)) : f.rel }));
  tasks.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { tasks, notes };
}
