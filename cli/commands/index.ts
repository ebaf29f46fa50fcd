import type { Command } from "../io";
import { inspect } from "./inspect";
import { perf } from "./perf";

/** Subcommands, one module each (cli/commands/<name>.ts). */
export const commands: Record<string, Command> = {
  inspect,
  perf,
};
