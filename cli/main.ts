import { JuesuanError } from "../src/money/errors";
import { commands } from "./commands";
import type { CliIO } from "./io";

const USAGE = `决算助手 juesuan —— 部门决算公开报表的检查与情况说明生成

用法：
  juesuan inspect <文件.xlsx> [--json]             识别工作簿中的九张公开表、补充数据和情况说明
  juesuan check <文件.xlsx>… [--json] [--text 说明.txt]  一致性检查（表内、表间、说明与表格）
  juesuan narrate <文件.xlsx> [--template sichuan-2020|national-2024] [--out 文件.txt|文件.docx]
                                                  生成情况说明
  juesuan perf <文件.xlsx> [--json]                项目绩效目标完成情况表的检查与评分
`;

/** Runs the CLI; returns the exit code. Never throws: unexpected errors become a Chinese message and exit 2. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`未知命令“${name}”。\n\n${USAGE}`);
    return 2;
  }
  try {
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
    cwd: process.cwd(),
  }).then((code) => {
    process.exitCode = code;
  });
}
