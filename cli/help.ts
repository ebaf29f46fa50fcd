/**
 * `juesuan --help` and `juesuan <命令> --help`: usage, options, examples and exit codes of every command,
 * and the options each command takes (cli/main.ts rejects any other, naming it).
 */
import { REVIEW_HELP } from "./review/help";

export interface CommandHelp {
  /** One line for the overview. */
  summary: string;
  usage: string;
  /** Option (without "--") → what it does; options that take a value are listed in `valued`. */
  options: Record<string, string>;
  valued: string[];
  examples: string[];
  exit: string;
}

const EXIT_CHECK = "0 未发现错误（可能有提示、信息）；1 发现错误；2 运行失败（参数有误、文件无法读取）";
const EXIT_RUN = "0 成功；2 运行失败（参数有误、文件无法读取或无法写入）";

export const COMMAND_HELP: Record<string, CommandHelp> = {
  inspect: {
    summary: "识别工作簿中的九张公开表、补充数据和情况说明",
    usage: "juesuan inspect <文件.xlsx> [--json]",
    options: { json: "以 JSON 输出识别结果" },
    valued: [],
    examples: ["juesuan inspect 部门决算.xlsx", "juesuan inspect 部门决算.xlsx --json > 识别.json"],
    exit: EXIT_RUN,
  },
  check: {
    summary: "一致性检查（表内、表间、说明与表格）",
    usage: "juesuan check <文件.xlsx>… [--json] [--text 说明.txt]",
    options: {
      json: "以 JSON 输出全部检查结果（含规则编号和识别说明）",
      text: "用这个文本文件中的情况说明代替工作簿中的“情况说明”工作表",
    },
    valued: ["text"],
    examples: [
      "juesuan check 部门决算.xlsx",
      "juesuan check 部门决算.xlsx --text 情况说明.txt",
      "juesuan check 各单位/*.xlsx --json > 检查结果.json",
    ],
    exit: EXIT_CHECK,
  },
  narrate: {
    summary: "按报表生成情况说明",
    usage: "juesuan narrate <文件.xlsx> [--template sichuan-2020|national-2024] [--out 文件.txt|文件.docx]",
    options: {
      template: "模板：sichuan-2020（四川 2020 版）或 national-2024（全国 2024 版）；默认按工作簿判断",
      out: "写入 .txt 或 .docx 文件；不给出时输出到屏幕",
    },
    valued: ["template", "out"],
    examples: ["juesuan narrate 部门决算.xlsx", "juesuan narrate 部门决算.xlsx --template national-2024 --out 情况说明.docx"],
    exit: EXIT_RUN,
  },
  perf: {
    summary: "项目绩效目标完成情况表的检查与评分",
    usage: "juesuan perf <文件.xlsx> [--json]",
    options: { json: "以 JSON 输出每个项目的执行率、得分、等级和问题" },
    valued: [],
    examples: ["juesuan perf 部门决算.xlsx", "juesuan perf 部门决算.xlsx --json"],
    exit: EXIT_CHECK,
  },
  review: REVIEW_HELP,
};

/** Options of a command (without "--"), or undefined for a command without an entry here (not checked). */
export function allowedOptions(command: string): string[] | undefined {
  const h = COMMAND_HELP[command];
  return h ? [...Object.keys(h.options), "help"] : undefined;
}

export function commandHelp(command: string): string | undefined {
  const h = COMMAND_HELP[command];
  if (!h) return undefined;
  const lines = [`juesuan ${command} —— ${h.summary}`, "", "用法：", `  ${h.usage}`];
  const opts = Object.entries(h.options);
  if (opts.length > 0) {
    lines.push("", "选项：");
    for (const [k, v] of opts) lines.push(`  --${k}${h.valued.includes(k) ? " <值>" : ""}  ${v}`);
  }
  lines.push("", "示例：", ...h.examples.map((e) => `  ${e}`), "", `退出码：${h.exit}`, "");
  return lines.join("\n");
}

/** The overview: every command (those given by `extra` too, e.g. one registered without help here). */
export function overview(commands: string[]): string {
  const lines = ["决算助手 juesuan —— 部门决算公开报表的检查与情况说明生成", "", "用法："];
  for (const c of commands) {
    const h = COMMAND_HELP[c];
    lines.push(h ? `  ${h.usage}` : `  juesuan ${c} …`);
    if (h) lines.push(`      ${h.summary}`);
  }
  lines.push("", "示例：");
  for (const c of commands) {
    const h = COMMAND_HELP[c];
    if (h) lines.push(`  ${h.examples[0]}`);
  }
  lines.push(
    "",
    "退出码：",
    "  0  成功；检查类命令（check、perf、review）未发现（未核实的）错误，可能有提示、信息",
    "  1  检查类命令发现了错误（review：还有未核实的错误、无法读取的文件或未报送的单位）",
    "  2  运行失败：命令或选项有误、文件不存在或无法读取、无法写入输出文件",
    "",
    "每个命令的选项和示例：juesuan <命令> --help",
    "",
  );
  return lines.join("\n");
}
