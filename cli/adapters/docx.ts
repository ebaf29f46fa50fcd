/** A Word (.docx) 情况说明 as text, one paragraph per line, list numbers written out (src/narrative/docxText.ts). */
import JSZip from "jszip";
import { JuesuanError } from "../../src/money/errors";
import { docxParagraphs } from "../../src/narrative/docxText";

export async function readDocxText(bytes: Uint8Array, name: string): Promise<string> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    throw new JuesuanError("not-docx", `无法读取${name}：文件已损坏或不是 Word 文档（.docx）`, e);
  }
  const part = (p: string) => zip.file(p)?.async("string");
  const document = await part("word/document.xml");
  if (document === undefined) throw new JuesuanError("not-docx", `无法读取${name}：压缩包中没有 Word 正文（word/document.xml），不是有效的 .docx 文件`);
  const paragraphs = docxParagraphs({ document, numbering: await part("word/numbering.xml"), styles: await part("word/styles.xml") });
  if (paragraphs.length === 0) throw new JuesuanError("empty-docx", `${name}中没有文字，无法检查`);
  return paragraphs.join("\n");
}
