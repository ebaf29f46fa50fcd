/**
 * Text files as they are kept on Chinese Windows: a BOM decides (UTF-8, UTF-16LE/BE); else valid UTF-8
 * is UTF-8; else GB18030 (a superset of GBK/GB2312, the ANSI code page of Chinese Windows).
 */
export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** The bytes were neither a BOM-marked file nor valid UTF-8 nor clean GB18030 (replacement characters). */
  garbled: boolean;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8", garbled: false };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le", garbled: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be", garbled: false };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8", garbled: false };
  } catch {
    const text = new TextDecoder("gb18030").decode(bytes);
    return { text, encoding: "gb18030", garbled: text.includes("\ufffd") };
  }
}

export const ENCODING_NAME: Record<TextEncoding, string> = { "utf-8": "UTF-8", "utf-16le": "UTF-16", "utf-16be": "UTF-16", gb18030: "GB18030（GBK）" };
