/**
 * A 情况说明 given as a file: plain text (UTF-8, UTF-16 with BOM, or GB18030/GBK as Chinese Windows saves it)
 * or a Word .docx (paragraphs with their list numbers). Other kinds are refused with the reason and what to do.
 */
import * as fs from "fs";
import { JuesuanError } from "../../src/money/errors";
import { readDocxText } from "./docx";
import { sniffBytes } from "./sniff";
import { decodeText } from "./text";

export async function readNarrativeFile(file: string, shown: string): Promise<string> {
  const name = `情况说明文件“${shown}”`;
  const bytes = fs.readFileSync(file);
  const kind = sniffBytes(bytes);
  if (kind === "docx") return readDocxText(bytes, name);
  if (kind === "doc") throw new JuesuanError("doc", `无法读取${name}：这是旧版 Word 文档（.doc），请在 Word 中另存为 .docx 或纯文本（.txt）后重试`);
  if (kind === "pdf") throw new JuesuanError("pdf", `无法读取${name}：这是 PDF 文件，请把文字复制到纯文本文件（.txt）后重试`);
  if (kind === "empty") throw new JuesuanError("empty", `${name}是空文件`);
  if (kind !== "text") throw new JuesuanError("not-text", `无法读取${name}：不是文本文件或 Word 文档（.docx）`);
  const decoded = decodeText(bytes);
  if (decoded.garbled) throw new JuesuanError("text-garbled", `${name}的编码无法识别（既不是 UTF-8 也不是 GBK），请另存为 UTF-8 文本后重试`);
  return decoded.text;
}
