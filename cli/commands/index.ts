import type { Command } from "../io";
import { check } from "./check";
import { inspect } from "./inspect";
import { perf } from "./perf";
import { narrate } from "./narrate";

/** Subcommands, one module each (cli/commands/<name>.ts). */
export const commands: Record<string, Command> = {
  inspect,
  check,
  perf,
  narrate,
};
