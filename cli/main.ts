import { JuesuanError } from "../src/money/errors";
import { commands } from "./commands";
import { COMMAND_HELP, allowedOptions, commandHelp, overview } from "./help";
import { parseArgs, type CliIO } from "./io";

/** The overview of every command, exit codes included (cli/help.ts). */
const usage = (): string => overview(Object.keys(commands));

/** Runs the CLI; returns the exit code. Never throws: unexpected errors become a Chinese message and exit 2. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "help" && rest[0] && commands[rest[0]]) {
    io.stdout(commandHelp(rest[0]) ?? usage());
    return 0;
  }
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`未知命令“${name}”。\n\n${usage()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    const help = commandHelp(name);
    if (help) {
      io.stdout(help);
      return 0;
    }
  }
  try {
    // An option the command does not take is an error that names it (not silently ignored).
    const allowed = allowedOptions(name);
    if (allowed) parseArgs(rest, COMMAND_HELP[name]?.valued ?? [], { flags: allowed, command: name });
    return await command(rest, io);
  } catch (e) {
    if (e instanceof JuesuanError) io.stderr(`错误：${e.message}\n`);
    else io.stderr(`内部错误：${e instanceof Error ? e.message : String(e)}\n请把这条信息和出错的工作簿一起反馈给开发者。\n`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  }).then((code) => {
    process.exitCode = code;
  });
}
