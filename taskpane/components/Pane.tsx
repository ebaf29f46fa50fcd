import * as React from "react";
import { makeStyles, tokens, Tab, TabList } from "@fluentui/react-components";
import type { CheckOutcome, PaneServices } from "../services";
import { CheckTab } from "./CheckTab";
import type { GenerateTabProps } from "./GenerateTab";
import type { PerfTabProps } from "./perf/PerfTab";
import type { RecognitionTabProps } from "./RecognitionTab";
import { PaneErrorBoundary } from "./common";
import { lazyTab } from "./lazyTab";

/* global require */
declare const __webpack_require__: unknown;

// The 生成 and 绩效 tabs are loaded when first shown, each from a chunk of its own (not in the start load).
// The 生成 tab's chunk is not the generator's (“generate”, loaded by hostServices.generate): the ribbon
// command loads the generator too, and a chunk it loads would have to carry React and Fluent UI along.
// Outside webpack (jest, server-side rendering) they are required at once. In the bundle webpack evaluates
// `typeof __webpack_require__` to "function" at build time and drops the synchronous branch, require and all.
const GenerateTab = lazyTab<GenerateTabProps>(
  "生成",
  async () => (await import(/* webpackChunkName: "generate-tab" */ "./GenerateTab")).GenerateTab,
  typeof __webpack_require__ === "function"
    ? undefined
    : // eslint-disable-next-line @typescript-eslint/no-require-imports
      () => (require("./GenerateTab") as typeof import("./GenerateTab")).GenerateTab,
);
const PerfTab = lazyTab<PerfTabProps>(
  "绩效",
  async () => (await import(/* webpackChunkName: "perf" */ "./perf/PerfTab")).PerfTab,
  typeof __webpack_require__ === "function"
    ? undefined
    : // eslint-disable-next-line @typescript-eslint/no-require-imports
      () => (require("./perf/PerfTab") as typeof import("./perf/PerfTab")).PerfTab,
);

const RecognitionTab = lazyTab<RecognitionTabProps>(
  "识别",
  async () => (await import(/* webpackChunkName: "recognition-tab" */ "./RecognitionTab")).RecognitionTab,
  typeof __webpack_require__ === "function"
    ? undefined
    : // eslint-disable-next-line @typescript-eslint/no-require-imports
      () => (require("./RecognitionTab") as typeof import("./RecognitionTab")).RecognitionTab,
);

export type PaneTab = "check" | "generate" | "perf" | "recognition";

const TABS: { id: PaneTab; label: string }[] = [
  { id: "check", label: "检查" },
  { id: "generate", label: "生成" },
  { id: "perf", label: "绩效" },
  { id: "recognition", label: "识别" },
];

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
    maxWidth: "100%",
    overflowX: "hidden",
    overflowWrap: "anywhere",
  },
  panel: {
    minWidth: 0,
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalL}`,
  },
});

export interface PaneProps {
  /** The host: the Excel adapter in the add-in, fakes in browser tests. */
  services: PaneServices;
  /** Tab shown first (default 检查). */
  initialTab?: PaneTab;
  /** Unit name for the Word file name, when known. */
  unitName?: string;
}

/**
 * The task pane: tabs 检查 | 生成 | 绩效 | 识别. Must be rendered inside a FluentProvider.
 * A tab is mounted the first time it is shown and then kept (hidden), so its results and
 * unsaved edits survive switching tabs. The 检查 result is shared with 识别.
 */
export const Pane: React.FC<PaneProps> = ({ services, initialTab = "check", unitName }) => {
  const styles = useStyles();
  const [tab, setTab] = React.useState<PaneTab>(initialTab);
  const [visited, setVisited] = React.useState<Set<PaneTab>>(() => new Set([initialTab]));
  const [outcome, setOutcome] = React.useState<CheckOutcome | null>(null);

  const select = (t: PaneTab) => {
    setTab(t);
    setVisited((v) => (v.has(t) ? v : new Set(v).add(t)));
  };

  const panel = (id: PaneTab): React.ReactNode => {
    switch (id) {
      case "check":
        return <CheckTab services={services} outcome={outcome} onOutcome={setOutcome} />;
      case "generate":
        return <GenerateTab services={services} unitName={unitName} />;
      case "perf":
        return <PerfTab services={services} />;
      case "recognition":
        return <RecognitionTab services={services} outcome={outcome} onOutcome={setOutcome} />;
    }
  };

  return (
    <div className={styles.root} data-testid="pane">
      <TabList
        selectedValue={tab}
        onTabSelect={(_, d) => select(d.value as PaneTab)}
        aria-label="决算助手功能"
        data-testid="pane-tabs"
      >
        {TABS.map((t) => (
          <Tab key={t.id} value={t.id} id={`pane-tab-${t.id}`} aria-controls={`pane-panel-${t.id}`} data-testid={`tab-${t.id}`}>
            {t.label}
          </Tab>
        ))}
      </TabList>
      {TABS.filter((t) => visited.has(t.id)).map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`pane-panel-${t.id}`}
          aria-labelledby={`pane-tab-${t.id}`}
          hidden={tab !== t.id}
          className={styles.panel}
          data-testid={`panel-${t.id}`}
        >
          <PaneErrorBoundary resetKey={tab}>{panel(t.id)}</PaneErrorBoundary>
        </div>
      ))}
    </div>
  );
};

export default Pane;
