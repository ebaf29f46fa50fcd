/** What a CLI command may touch: arguments, output streams and whether stdout is a terminal. */
export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  cwd: string;
}

export type Command = (args: string[], io: CliIO) => Promise<number>;

/** Splits argv into positional arguments and --flags (with an optional value). */
export function parseArgs(args: string[], valued: string[] = []): { positional: string[]; flags: Record<string, string | true> } {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      if (eq > 0) flags[a.slice(2, eq)] = a.slice(eq + 1);
      else if (valued.includes(a.slice(2)) && i + 1 < args.length) flags[a.slice(2)] = args[++i];
      else flags[a.slice(2)] = true;
    } else positional.push(a);
  }
  return { positional, flags };
}
