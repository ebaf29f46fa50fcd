/**
 * Code the pane's first screen does not need sits in chunks webpack loads on demand (see
 * webpack.config.js): the generator, the 生成 and 绩效 tabs, the Word writer and reader. A chunk that
 * cannot be loaded (network gone, the add-in updated on the server meanwhile) is told in Chinese,
 * never as webpack's “ChunkLoadError: Loading chunk … failed”.
 */
import { JuesuanError } from "../src/money/errors";

/** The Chinese message for a chunk of `what` (e.g. “生成情况说明”) that did not load. */
export function chunkLoadMessage(what: string): string {
  return `无法加载${what}的程序，请检查网络连接，关闭并重新打开任务窗格后重试。`;
}

/** The module `load` imports, or a JuesuanError with the Chinese message when its chunk fails to load. */
export async function loadChunk<T>(load: () => Promise<T>, what: string): Promise<T> {
  try {
    return await load();
  } catch (e) {
    throw new JuesuanError("chunk-load", chunkLoadMessage(what), e);
  }
}
