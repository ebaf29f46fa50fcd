import type { Command } from "../io";

/** Subcommands, one module each (cli/commands/<name>.ts). */
export const commands: Record<string, Command> = {};
