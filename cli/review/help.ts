/** Help of `juesuan review` (cli/help.ts lists it); no imports, so `juesuan --help` loads nothing heavy. */
import type { CommandHelp } from "../help";

export const REVIEW_HELP: CommandHelp = {
  summary: "批量审核：逐个单位检查，汇总缺报单位、问题、依据和修改建议",
  usage: "juesuan review <文件或文件夹>… --out 汇总.xlsx [--units 单位.csv] [--marks 问题清单.xlsx] [--json] [--html 汇总.html]",
  options: {
    out: "汇总工作簿（.xlsx）：“汇总”“问题清单”“已核实”三张工作表",
    units: "应报单位名单（CSV 或工作簿，两列：单位名称, 文件），未报送的单位也列在汇总中",
    marks: "上次的汇总工作簿（在“核实”列填写了“已核实”），其中的标记按指纹沿用",
    json: "同时在屏幕上以 JSON 输出全部汇总数据",
    html: "同时写出同样内容的网页（.html，不含脚本）",
    jobs: "同时检查的文件数（默认为处理器核数）",
  },
  valued: ["out", "units", "marks", "jobs", "html"],
  examples: [
    "juesuan review 各单位报送/ --out 汇总.xlsx",
    "juesuan review 各单位报送/ --units 单位名单.csv --out 汇总.xlsx",
    "juesuan review 各单位报送/ --units 单位名单.csv --marks 上次汇总.xlsx --out 汇总.xlsx",
  ],
  exit: "0 未发现未核实的错误；1 有未核实的错误、无法读取的文件或未报送的单位；2 运行失败（参数有误、名单或标记文件无法读取、无法写入汇总）",
};
