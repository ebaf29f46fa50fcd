/**
 * What a file really is, from its first bytes and its zip or compound-file directory (not its extension):
 * an .xlsx, an .xls, an encrypted workbook, an .ods, a Word file, a zip that is no workbook, text…
 * Pure: bytes in, a kind out (usable in the browser too).
 */
import { JuesuanError } from "../../src/money/errors";

export type FileKind = "xlsx" | "xlsb" | "xls" | "encrypted" | "ods" | "docx" | "doc" | "zip" | "pdf" | "empty" | "text" | "unknown";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, magic: number[]): boolean {
  if (b.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (b[i] !== magic[i]) return false;
  return true;
}

/** True when `needle` (ASCII, or UTF-16LE when `wide`) occurs in `b`. */
function contains(b: Uint8Array, needle: string, wide = false): boolean {
  const n: number[] = [];
  for (const ch of needle) {
    n.push(ch.charCodeAt(0));
    if (wide) n.push(0);
  }
  const first = n[0];
  const last = b.length - n.length;
  outer: for (let i = b.indexOf(first); i >= 0 && i <= last; i = b.indexOf(first, i + 1)) {
    for (let j = 1; j < n.length; j++) if (b[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}

/** The kind of a file from its bytes. */
export function sniffBytes(b: Uint8Array): FileKind {
  if (b.length === 0) return "empty";
  if (b[0] === 0x50 && b[1] === 0x4b) {
    // Zip: entry names are ASCII in the local headers and the central directory.
    if (contains(b, "xl/workbook.xml")) return "xlsx";
    if (contains(b, "xl/workbook.bin")) return "xlsb";
    if (contains(b, "application/vnd.oasis.opendocument.spreadsheet")) return "ods";
    if (contains(b, "word/document.xml")) return "docx";
    return "zip";
  }
  if (startsWith(b, CFB_MAGIC)) {
    // Compound file: directory entry names are UTF-16LE. An encrypted .xlsx is a compound file holding
    // EncryptionInfo and EncryptedPackage streams ([MS-OFFCRYPTO] 2.3.4).
    if (contains(b, "EncryptedPackage", true) || contains(b, "EncryptionInfo", true)) return "encrypted";
    if (contains(b, "Workbook", true) || contains(b, "Book", true)) return "xls";
    if (contains(b, "WordDocument", true)) return "doc";
    return "unknown";
  }
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return "pdf";
  // Text: no NUL byte in the first 4 KB (UTF-16 has them, so check its BOM first).
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return "text";
  const head = b.subarray(0, 4096);
  if (head.indexOf(0) < 0) return "text";
  return "unknown";
}

/** The Chinese reason a file of this kind cannot be read as a workbook, or null when it can be. */
export function refusalOf(kind: FileKind, name: string): string | null {
  switch (kind) {
    case "xlsx":
      return null;
    case "empty":
      return `${name}是空文件（0 字节），不是 Excel 工作簿`;
    case "encrypted":
      return `${name}设置了打开密码（已加密），无法读取。请在 Excel 中打开，依次选择“文件 → 信息 → 保护工作簿 → 用密码进行加密”，清除密码并保存后重试`;
    case "xlsb":
      return `${name}是 Excel 二进制工作簿（.xlsb），无法读取。请在 Excel 中另存为 .xlsx 格式后重试`;
    case "xls":
      return `${name}是旧版 Excel 97-2003 工作簿（.xls）`;
    case "ods":
      return `${name}是 OpenDocument 电子表格（.ods）`;
    case "docx":
      return `${name}是 Word 文档（.docx），不是 Excel 工作簿。情况说明请用 --text 指定`;
    case "doc":
      return `${name}是旧版 Word 文档（.doc），不是 Excel 工作簿`;
    case "zip":
      return `${name}是一个压缩包（zip），但其中没有 Excel 工作簿的内容（xl/workbook.xml），不是有效的 .xlsx 文件`;
    case "pdf":
      return `${name}是 PDF 文件，不是 Excel 工作簿。请使用决算软件导出的 Excel 文件`;
    case "text":
      return `${name}是文本文件，不是有效的 .xlsx 工作簿`;
    default:
      return `${name}不是有效的 .xlsx 工作簿（请在 Excel 中另存为 .xlsx 格式后重试）`;
  }
}

/** Throws a JuesuanError saying what the file is unless it is an .xlsx/.xlsm package. */
export function refuseUnlessXlsx(bytes: Uint8Array, name: string): void {
  const kind = sniffBytes(bytes);
  const reason = refusalOf(kind, name);
  if (reason === null) return;
  const hint = kind === "xls" || kind === "ods" || kind === "text" ? "（请在 Excel 中另存为 .xlsx 格式后重试）" : "";
  throw new JuesuanError(kind === "encrypted" ? "encrypted" : "not-xlsx", `无法读取：${reason}${hint}`);
}
