/**
 * A Word (.docx) 情况说明 picked in the pane, read in the browser: nothing is uploaded. The bytes are
 * unzipped with JSZip and the paragraphs taken with the pure reader (src/narrative/docxText.ts), list
 * numbers written out, exactly as `juesuan check --text 说明.docx` reads it (cli/adapters/docx.ts).
 * This module is loaded on demand (its own webpack chunk, see loadWordNarrative in wordFile.ts), so JSZip
 * is not part of the pane's start load. Whatever the file is, the answer is the text or a JuesuanError with a
 * Chinese message saying what the file is and what to do: never an exception of the zip library.
 */
import JSZip from "jszip";
import { JuesuanError } from "../src/money/errors";
import { docxParagraphs } from "../src/narrative/docxText";

export interface WordNarrative {
  /** The paragraphs joined by line breaks, as the pasted text is given to the check. */
  text: string;
  /** 1-based line of `text` where each Word paragraph starts (a paragraph may hold line breaks). */
  rows: number[];
  /** Number of Word paragraphs with text. */
  paragraphs: number;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (b: Uint8Array, magic: number[]) => b.length >= magic.length && magic.every((x, i) => b[i] === x);

/** True when `needle` occurs in `b` as UTF-16LE (the directory names of a compound file). */
function containsWide(b: Uint8Array, needle: string): boolean {
  const n: number[] = [];
  for (const ch of needle) n.push(ch.charCodeAt(0), 0);
  const last = b.length - n.length;
  outer: for (let i = b.indexOf(n[0]); i >= 0 && i <= last; i = b.indexOf(n[0], i + 1)) {
    for (let j = 1; j < n.length; j++) if (b[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

const ascii = (b: Uint8Array, n: number) => {
  let s = "";
  for (let i = 0; i < Math.min(n, b.length); i++) s += String.fromCharCode(b[i]);
  return s;
};

/** Why these bytes are not a .docx the pane can read, when they are plainly something else (first bytes, not the extension). */
function refusal(b: Uint8Array, name: string): string | null {
  const file = `“${name}”`;
  if (b.length === 0) return `${file}是空文件（0 字节），没有可检查的文字。`;
  if (b[0] === 0x50 && b[1] === 0x4b) return null; // a zip: JSZip and the parts decide
  if (startsWith(b, CFB_MAGIC)) {
    // An OLE compound file: a Word 97-2003 document, or an Office file with an open password
    // (an encrypted .docx is a compound file with EncryptionInfo and EncryptedPackage streams, [MS-OFFCRYPTO] 2.3.4).
    if (containsWide(b, "EncryptedPackage") || containsWide(b, "EncryptionInfo")) {
      return `${file}设置了打开密码（已加密），无法读取。请在 Word 中打开，依次选择“文件 → 信息 → 保护文档 → 用密码进行加密”，清除密码并保存后再导入。`;
    }
    if (containsWide(b, "WordDocument")) {
      return `${file}是旧版 Word 文档（.doc），无法直接读取。请在 Word 中打开，“另存为”Word 文档（.docx）后再导入；也可以复制全文，用“粘贴情况说明文本”检查。`;
    }
    return `${file}不是 Word 文档（.docx）。请选择 Word 保存的 .docx 文件。`;
  }
  const head = ascii(b, 8);
  if (head.startsWith("%PDF")) {
    return `${file}是 PDF 文件，无法读取其中的文字。请导入 Word 文档（.docx），或复制全文，用“粘贴情况说明文本”检查。`;
  }
  if (head.startsWith("{\\rtf")) {
    return `${file}是 RTF 文档，不是 Word 文档（.docx）。请在 Word 中打开，“另存为”Word 文档（.docx）后再导入。`;
  }
  return `${file}不是 Word 文档（.docx）。请选择 Word 保存的 .docx 文件；纯文本可以复制后用“粘贴情况说明文本”检查。`;
}

/** The 情况说明 in a .docx as text the check takes, or a JuesuanError saying in Chinese why not. */
export async function readWordNarrative(bytes: Uint8Array, name: string): Promise<WordNarrative> {
  const refused = refusal(bytes, name);
  if (refused) throw new JuesuanError("not-docx", refused);
  let paragraphs: string[];
  try {
    const zip = await JSZip.loadAsync(bytes);
    const part = (p: string) => zip.file(p)?.async("string");
    const document = await part("word/document.xml");
    if (document === undefined) {
      const what = zip.file("xl/workbook.xml") ? "是 Excel 工作簿，不是 Word 文档" : "是压缩包，但其中没有 Word 正文（word/document.xml）";
      throw new JuesuanError("not-docx", `“${name}”${what}。请选择 Word 保存的 .docx 文件。`);
    }
    paragraphs = docxParagraphs({ document, numbering: await part("word/numbering.xml"), styles: await part("word/styles.xml") });
  } catch (e) {
    if (e instanceof JuesuanError) throw e;
    throw new JuesuanError("not-docx", `“${name}”已损坏或不是完整的 Word 文档（.docx），无法读取。请在 Word 中打开并重新保存后再导入。`, e);
  }
  if (paragraphs.length === 0) throw new JuesuanError("empty-docx", `“${name}”中没有文字，无法检查。请确认选择的是情况说明文档。`);
  const rows: number[] = [];
  let line = 1;
  for (const p of paragraphs) {
    rows.push(line);
    line += p.split(/\r\n|\r|\n/).length;
  }
  return { text: paragraphs.join("\n"), rows, paragraphs: paragraphs.length };
}
