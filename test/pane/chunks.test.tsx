/**
 * The seams of the chunks loaded on demand (taskpane/chunks.ts, taskpane/components/lazyTab.tsx): a chunk
 * that does not load is a Chinese message, never webpack's ChunkLoadError; outside webpack a lazy tab
 * renders at once. The browser path (spinner, then the tab; 重试 after a failure) runs in test/e2e.
 */
import * as React from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, SSRProvider, webLightTheme } from "@fluentui/react-components";
import { chunkLoadMessage, loadChunk } from "../../taskpane/chunks";
import { lazyTab, useChunk } from "../../taskpane/components/lazyTab";
import { errorMessage } from "../../taskpane/components/paneErrors";
import { JuesuanError } from "../../src/money/errors";

const html = (node: React.ReactElement) => renderToString(<SSRProvider><FluentProvider theme={webLightTheme}>{node}</FluentProvider></SSRProvider>);

class ChunkLoadError extends Error {
  name = "ChunkLoadError";
}

describe("chunks loaded on demand", () => {
  it("a chunk that fails to load is a JuesuanError with a Chinese message, shown as is", async () => {
    const failed = loadChunk(() => Promise.reject(new ChunkLoadError("Loading chunk 213 failed.\n(error: https://localhost:3000/generate.js)")), "生成情况说明");
    await expect(failed).rejects.toBeInstanceOf(JuesuanError);
    const e = await failed.catch((x: unknown) => x);
    expect((e as JuesuanError).message).toBe(chunkLoadMessage("生成情况说明"));
    expect((e as JuesuanError).message).toMatch(/^无法加载生成情况说明的程序/);
    expect(errorMessage(e, "生成情况说明")).toBe(`生成情况说明失败：${chunkLoadMessage("生成情况说明")}`);
    expect(errorMessage(e, "生成情况说明")).not.toMatch(/chunk|Loading/i);
  });

  it("a module that loads is returned, and errors of its own code are not taken for a chunk failure", async () => {
    await expect(loadChunk(() => Promise.resolve(42), "x")).resolves.toBe(42);
    const m = await loadChunk(() => Promise.resolve({ run: () => { throw new Error("boom"); } }), "x");
    expect(() => m.run()).toThrow("boom");
  });

  it("a lazy tab renders its component at once when it can be had synchronously, else says 正在加载…", () => {
    const Shown: React.FC<{ n: number }> = ({ n }) => <p>第{n}页</p>;
    const never = () => new Promise<React.ComponentType<{ n: number }>>(() => undefined);
    expect(html(React.createElement(lazyTab("生成", never, () => Shown), { n: 3 }))).toContain("第<!-- -->3<!-- -->页");
    const pending = html(React.createElement(lazyTab("生成", never), { n: 3 }));
    expect(pending).toContain("正在加载…");
    expect(pending).toContain('data-testid="pane-chunk-loading"');
  });

  it("useChunk gives the module at once when it can be had synchronously", () => {
    const load = () => Promise.resolve({ word: "依据" });
    const Probe: React.FC = () => {
      const c = useChunk(load, () => ({ word: "依据" }), null);
      return <span>{c.value?.word ?? "无"}</span>;
    };
    expect(html(<Probe />)).toContain("依据");
  });
});
