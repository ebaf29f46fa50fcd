import { JuesuanError } from "../src/money/errors";

/** What a CLI command may touch: arguments, output streams and whether stdout is a terminal. */
export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  /** Whether stderr is a terminal: progress bars go there only then, never into a redirected report. */
  stderrIsTTY?: boolean;
  cwd: string;
}

export type Command = (args: string[], io: CliIO) => Promise<number>;

/** Levenshtein distance, for “did you mean” on a mistyped option. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** The Chinese message for an option a command does not take, naming it (and the nearest one it does take). */
export function unknownOptionMessage(option: string, allowed: string[], command?: string): string {
  const name = option.replace(/^-+/, "").split("=")[0];
  const near = allowed.map((a) => ({ a, d: distance(name, a) })).filter((x) => x.d <= 2).sort((x, y) => x.d - y.d)[0];
  const list = allowed.length > 0 ? `可用的选项：${allowed.map((a) => `--${a}`).join("、")}` : "该命令没有选项";
  return `未知选项“${option.split("=")[0]}”${near ? `，是否想用 --${near.a}？` : "。"}${command ? `juesuan ${command} ` : ""}${list}（juesuan ${command ?? ""}${command ? " " : ""}--help 查看用法）。`;
}

/**
 * Splits argv into positional arguments and --flags (with an optional value).
 * `allowed`: when given, the only flags accepted (without "--"); any other --flag, or a -x short option,
 * throws a JuesuanError that names it (exit 2 in cli/main.ts). Without it every flag is accepted (as before).
 */
export function parseArgs(
  args: string[],
  valued: string[] = [],
  allowed?: { flags: string[]; command?: string },
): { positional: string[]; flags: Record<string, string | true> } {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (allowed && !allowed.flags.includes(name)) throw new JuesuanError("unknown-option", unknownOptionMessage(a, allowed.flags, allowed.command));
      if (eq > 0) flags[name] = a.slice(eq + 1);
      else if (valued.includes(name) && i + 1 < args.length) flags[name] = args[++i];
      else flags[name] = true;
    } else {
      if (allowed && /^-[A-Za-z]/.test(a)) throw new JuesuanError("unknown-option", unknownOptionMessage(a, allowed.flags, allowed.command));
      positional.push(a);
    }
  }
  return { positional, flags };
}
