import type { Command } from "../io";

/**
 * Subcommands, one module each (cli/commands/<name>.ts), loaded when the command runs: `juesuan --help`
 * then needs neither ExcelJS nor the checks (first output well under a second with the compiled CLI).
 */
const lazy =
  (load: () => Promise<Command>): Command =>
  async (args, io) =>
    (await load())(args, io);

export const commands: Record<string, Command> = {
  inspect: lazy(async () => (await import("./inspect")).inspect),
  check: lazy(async () => (await import("./check")).check),
  perf: lazy(async () => (await import("./perf")).perf),
  narrate: lazy(async () => (await import("./narrate")).narrate),
  review: lazy(async () => (await import("./review")).review),
};
