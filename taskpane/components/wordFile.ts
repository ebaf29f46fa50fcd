/**
 * “导入 Word 情况说明…” in the 检查 tab: the picked file read in the browser (File.arrayBuffer, or
 * FileReader where a host lacks it), nothing uploaded, then its text taken by taskpane/wordImport.ts,
 * which is loaded only now (its own webpack chunk “word-import”: JSZip is not in the pane's start load).
 */
import { JuesuanError } from "../../src/money/errors";
import type { WordNarrative } from "../wordImport";

/* global FileReader */

export type { WordNarrative } from "../wordImport";

/** Larger than any 情况说明 (with pictures a few MB): refused before it is read into memory. */
export const MAX_WORD_BYTES = 50 * 1024 * 1024;

/** The `accept` of the file input: .docx first; any file may still be chosen ("所有文件"), and is then told what it is. */
export const WORD_ACCEPT = ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The parts of a File the pane uses (a Blob with a name). */
export interface PickedFile {
  name: string;
  size: number;
  arrayBuffer?: () => Promise<ArrayBuffer>;
}

function readBytes(file: PickedFile): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file as unknown as Blob);
  });
}

type Reader = (bytes: Uint8Array, name: string) => Promise<WordNarrative>;

async function loadReader(): Promise<Reader> {
  try {
    const m = await import(/* webpackChunkName: "word-import" */ "../wordImport");
    return m.readWordNarrative;
  } catch (e) {
    throw new JuesuanError("chunk-load", "无法加载读取 Word 文件的程序，请关闭并重新打开任务窗格后重试。", e);
  }
}

/** The 情况说明 of a picked .docx, or a JuesuanError with the Chinese reason (never an error of the browser or JSZip). */
export async function loadWordNarrative(file: PickedFile): Promise<WordNarrative> {
  const name = file.name || "所选文件";
  if (file.size > MAX_WORD_BYTES) {
    throw new JuesuanError("too-large", `“${name}”有 ${(file.size / 1024 / 1024).toFixed(0)} MB，超过 ${MAX_WORD_BYTES / 1024 / 1024} MB，不像是情况说明文档。请选择情况说明的 Word 文件（.docx）。`);
  }
  let bytes: ArrayBuffer;
  try {
    bytes = await readBytes(file);
  } catch (e) {
    throw new JuesuanError("read-failed", `无法读取“${name}”：文件可能已被移动、删除或正被其他程序占用。请重新选择。`, e);
  }
  const read = await loadReader();
  return read(new Uint8Array(bytes), name);
}
