/** `juesuan narrate <file.xlsx> [--template sichuan-2020|national-2024] [--out file.txt|file.docx]`: the generated 情况说明. */
import * as fs from "fs";
import * as path from "path";
import { readWorkbook } from "../adapters/workbook";
import { parseArgs, type Command } from "../io";
import { readReport } from "../../src/reader/recognise";
import { generateNarrative, isTemplateId, narrativeText, TEMPLATE_IDS } from "../../src/narrative/generate";
import { buildDocx } from "../../src/export/docx";
import { readForms } from "../../src/perf";
import { unreadableText } from "../../src/reader/findings";

const USAGE = "用法：juesuan narrate <文件.xlsx> [--template sichuan-2020|national-2024] [--out 文件.txt|文件.docx]\n";

export const narrate: Command = async (args, io) => {
  const { positional, flags } = parseArgs(args, ["template", "out"]);
  if (positional.length !== 1 || flags.template === true || flags.out === true) {
    io.stderr(USAGE);
    return 2;
  }
  const template = flags.template as string | undefined;
  if (template !== undefined && !isTemplateId(template)) {
    io.stderr(`错误：未知的模板“${template}”，可用的模板：${TEMPLATE_IDS.join("、")}\n`);
    return 2;
  }
  const out = flags.out as string | undefined;
  if (out !== undefined && !/\.(txt|docx)$/i.test(out)) {
    io.stderr(`错误：输出文件“${out}”的扩展名应为 .txt 或 .docx\n`);
    return 2;
  }
  const file = path.resolve(io.cwd, positional[0]);
  const snapshot = await readWorkbook(file);
  const model = readReport(snapshot);
  // the performance forms give 十(四) its project 综述
  const narrative = generateNarrative(model, { ...(template ? { template } : {}), forms: readForms(snapshot) });
  const markers = narrative.paragraphs.flatMap((p) => p.spans).filter((s) => s.marker).length;
  if (out === undefined) {
    io.stdout(narrativeText(narrative));
  } else {
    const target = path.resolve(io.cwd, out);
    try {
      if (/\.docx$/i.test(out)) fs.writeFileSync(target, await buildDocx(narrative));
      else fs.writeFileSync(target, narrativeText(narrative), "utf8");
    } catch (e) {
      io.stderr(`错误：无法写入“${out}”：${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
    io.stderr(`已生成情况说明：${out}（${narrative.paragraphs.length}段）\n`);
  }
  const unreadable = model.recognition.unreadable ?? [];
  for (const u of unreadable) io.stderr(`注意：${unreadableText(u)}，用到它的句子留为【请填写】。\n`);
  if (markers) io.stderr(`提示：有${markers}处【请填写】需要补充（${unreadable.length ? "无法读取的单元格、" : ""}原因等在补充数据中未给出）。\n`);
  return 0;
};
