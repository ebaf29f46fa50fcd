/**
 * A tab whose code sits in a chunk loaded on demand (webpack.config.js): the 生成 and 绩效 tabs are not
 * part of the pane's start load. The chunk is requested when the tab is first shown; meanwhile a
 * spinner says 正在加载…; a chunk that does not load is said in Chinese, with 重试. `loadSync`, given only
 * outside webpack (jest, server-side rendering in tests), requires the module synchronously, so that the tab
 * renders at once there.
 */
import * as React from "react";
import { Button } from "@fluentui/react-components";
import { chunkLoadMessage } from "../chunks";
import { Busy, ErrorBar, useCommonStyles } from "./common";

export function lazyTab<P extends object>(
  what: string,
  load: () => Promise<React.ComponentType<P>>,
  loadSync?: () => React.ComponentType<P>,
): React.FC<P> {
  let loaded: React.ComponentType<P> | undefined;
  const Lazy: React.FC<P> = (props) => {
    const common = useCommonStyles();
    const [Component, setComponent] = React.useState<React.ComponentType<P> | undefined>(() => loaded ?? (loadSync ? (loaded = loadSync()) : undefined));
    const [failed, setFailed] = React.useState(false);
    const [attempt, setAttempt] = React.useState(0);
    React.useEffect(() => {
      if (Component) return;
      let live = true;
      load().then(
        (c) => {
          loaded = c;
          if (live) setComponent(() => c);
        },
        () => {
          if (live) setFailed(true);
        },
      );
      return () => {
        live = false;
      };
    }, [attempt]);
    if (Component) return <Component {...props} />;
    if (failed) {
      return (
        <div className={common.row}>
          <ErrorBar message={chunkLoadMessage(`“${what}”页`)} testId="pane-chunk-error" />
          <Button
            onClick={() => {
              setFailed(false);
              setAttempt((n) => n + 1);
            }}
            data-testid="pane-chunk-retry"
          >
            重试
          </Button>
        </div>
      );
    }
    return <Busy label="正在加载…" testId="pane-chunk-loading" />;
  };
  Lazy.displayName = `Lazy(${what})`;
  return Lazy;
}

/** Modules loaded by useChunk, by their loader: loaded once per page. */
const LOADED = new Map<() => Promise<unknown>, unknown>();

/**
 * A module from a chunk loaded on demand, for a part of a tab (e.g. the guidance under findings): loaded
 * once `want` is truthy, and tried again when `want` changes after a failure. `loadSync` as in lazyTab.
 */
export function useChunk<T>(load: () => Promise<T>, loadSync: (() => T) | undefined, want: unknown): { value?: T; failed: boolean } {
  const [value, setValue] = React.useState<T | undefined>(() => {
    const had = LOADED.get(load) as T | undefined;
    if (had !== undefined || !loadSync) return had;
    const m = loadSync();
    LOADED.set(load, m);
    return m;
  });
  const [failed, setFailed] = React.useState(false);
  React.useEffect(() => {
    if (value !== undefined || !want) return;
    let live = true;
    setFailed(false);
    load().then(
      (m) => {
        LOADED.set(load, m);
        if (live) setValue(() => m);
      },
      () => {
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [want, value, load]);
  return { value, failed };
}
