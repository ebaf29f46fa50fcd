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
