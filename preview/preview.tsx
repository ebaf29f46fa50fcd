/**
 * The preview page (preview.html): the REAL task pane (taskpane/App) next to a read-only view of a
 * simulated Excel workbook (test/fake-excel), for machines without Excel. The fake is installed as
 * window.__juesuanExcel and loaded with the repo's own example workbook (test/workbooks, made by
 * `npm run make-examples` from the seed's figures) or with any .xlsx the user picks. No network
 * beyond the page's own origin: the workbook is parsed in the browser.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import {
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import App from "../taskpane/App";
import { createHostServices } from "../taskpane/hostServices";
import { primeSheetNames, type ExcelHost } from "../taskpane/excel";
import type { PaneServices } from "../taskpane/services";
import { createFakeExcel, type FakeExcelHost, type FakeExcelState, type FakeSheetView } from "../test/fake-excel";
import { colName, parseLocalAddress, type Rect } from "../test/fake-excel/address";
import type { CellValue, WorkbookSnapshot } from "../src/workbook/snapshot";
import { loadXlsx, type SheetFormats } from "./xlsx";
import { formatNumberCell } from "./numberFormat";
import sichuanUrl from "../test/workbooks/example-sichuan-2020.xlsx";
import nationalUrl from "../test/workbooks/example-national-2024.xlsx";

/* global window, document, fetch, File, HTMLInputElement, HTMLElement */

const EXAMPLES = [
  { id: "sichuan-2020", label: "示例：四川 2020（万元）", file: "example-sichuan-2020.xlsx", url: sichuanUrl },
  { id: "national-2024", label: "示例：全国 2024 模板", file: "example-national-2024.xlsx", url: nationalUrl },
];

/** Largest part of a sheet the view renders (the pane itself always reads the whole workbook). */
const VIEW_MAX_ROWS = 400;
const VIEW_MAX_COLS = 40;

interface Loaded {
  id: number;
  name: string;
  example: boolean;
  host: ExcelHost;
  state: FakeExcelState;
  services: PaneServices;
  /** The fake itself (not counted as the pane's): what the page does as the user, e.g. a click on a sheet tab. */
  raw: FakeExcelHost;
  /** Number formats of the file's cells (the grid shows 9746.50 under "0.00"). */
  formats: SheetFormats;
  /** Syncs made by the page as the user (sheet-tab clicks), left out of the pane's count. */
  userSyncs: { n: number };
}

/** Test and console hook: the live fake of the page. */
export interface PreviewHook {
  readonly state: FakeExcelState | null;
  readonly file: string | null;
  loadBytes(bytes: ArrayBuffer, name: string): Promise<void>;
}

declare global {
  interface Window {
    __juesuanExcel?: ExcelHost;
    __juesuanPreview?: PreviewHook;
  }
}

const useStyles = makeStyles({
  page: {
    display: "grid",
    gridTemplateRows: "auto auto minmax(0, 1fr)",
    gridTemplateColumns: "minmax(0, 1fr) 360px",
    height: "100vh",
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  bar: {
    gridColumn: "1 / 3",
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: "#217346",
    color: "#ffffff",
  },
  barTitle: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  barInfo: { color: "#ffffff", overflowWrap: "anywhere", minWidth: 0 },
  fileLabel: {
    display: "inline-flex",
    alignItems: "center",
    padding: `2px ${tokens.spacingHorizontalM}`,
    border: "1px solid #ffffff",
    borderRadius: tokens.borderRadiusMedium,
    cursor: "pointer",
    ":hover": { backgroundColor: "#1a5c38" },
    ":focus-within": { outline: "2px solid #ffffff", outlineOffset: "2px" },
  },
  /** The native file input stays focusable and clickable through its label, but its English text is hidden. */
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
  book: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    minHeight: 0,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  status: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  gridWrap: { flexGrow: 1, overflow: "auto", minHeight: 0, backgroundColor: tokens.colorNeutralBackground1 },
  table: { borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, tableLayout: "auto" },
  head: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    fontWeight: tokens.fontWeightRegular,
    color: tokens.colorNeutralForeground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: "0 4px",
    zIndex: 1,
  },
  rowHead: {
    position: "sticky",
    left: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: "0 4px",
    textAlign: "right",
    fontWeight: tokens.fontWeightRegular,
  },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    padding: "1px 4px",
    maxWidth: "18em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
  selected: {
    outline: `2px solid #217346`,
    outlineOffset: "-2px",
    backgroundColor: "#e3f2e9",
  },
  tabs: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: "2px",
    rowGap: "2px",
    padding: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground3,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  sheetTab: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: "2px 8px",
    font: "inherit",
    fontSize: tokens.fontSizeBase200,
    cursor: "pointer",
    maxWidth: "16em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  sheetTabActive: { fontWeight: tokens.fontWeightSemibold, color: "#217346", borderTopColor: "#217346" },
  pane: {
    minWidth: 0,
    minHeight: 0,
    overflowY: "auto",
    overflowX: "hidden",
    backgroundColor: tokens.colorNeutralBackground1,
  },
  empty: { padding: tokens.spacingHorizontalL },
});

function cellText(v: CellValue, fmt?: string): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") {
    const o = v as { error?: string; date?: string; formula?: string };
    return o.error ?? o.date?.slice(0, 10) ?? (o.formula !== undefined ? `=${o.formula}` : "");
  }
  if (typeof v === "number") return formatNumberCell(v, fmt) ?? String(v);
  return String(v);
}

/** First rectangle of a selection address such as "C7", "'公开01表'!A3:F3" or "A1,B2". */
function selectionRect(address: string | undefined): Rect | null {
  if (!address) return null;
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  return parseLocalAddress(local.split(",")[0].replace(/\$/g, ""));
}

function inRect(r: Rect | null, row: number, col: number): boolean {
  return !!r && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

const SheetGrid: React.FC<{ view: FakeSheetView; selection: Rect | null; formats?: Map<string, string> }> = ({ view, selection, formats }) => {
  const styles = useStyles();
  const selectedRef = React.useRef<HTMLElement | null>(null);
  const rows = Math.min(view.origin.row + view.values.length, VIEW_MAX_ROWS);
  const width = view.values.reduce((w, line) => Math.max(w, line.length), 0);
  const cols = Math.min(view.origin.col + width, VIEW_MAX_COLS);
  const shownRows = Math.max(rows, selection ? Math.min(selection.top + 1, VIEW_MAX_ROWS) : 0, 1);
  const shownCols = Math.max(cols, selection ? Math.min(selection.left + 1, VIEW_MAX_COLS) : 0, 1);
  const value = (r: number, c: number): CellValue => view.values[r - view.origin.row]?.[c - view.origin.col] ?? null;
  const covered = new Set<string>();
  const spanAt = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of view.merges) {
    spanAt.set(`${m.top},${m.left}`, { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }

  React.useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [view.name, selection?.top, selection?.left]);

  const lines: React.ReactNode[] = [];
  for (let r = 0; r < shownRows; r++) {
    const tds: React.ReactNode[] = [<th key="h" scope="row" className={styles.rowHead}>{r + 1}</th>];
    for (let c = 0; c < shownCols; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const v = value(r, c);
      const a1 = `${colName(c)}${r + 1}`;
      // the format the pane wrote (the fake keeps it), else the file's
      const own = typeof v === "number" ? view.format(a1).numberFormat : "General";
      const text = cellText(v, own && !/^general$/i.test(own) ? own : formats?.get(a1));
      const isSel = inRect(selection, r, c);
      const isAnchor = !!selection && selection.top === r && selection.left === c;
      const span = spanAt.get(`${r},${c}`);
      tds.push(
        <td
          key={c}
          rowSpan={span?.rowSpan}
          colSpan={span?.colSpan}
          className={mergeClasses(styles.cell, typeof v === "number" && styles.number, isSel && styles.selected)}
          title={text.length > 0 ? `${a1}：${text}` : a1}
          data-testid={`cell-${a1}`}
          aria-selected={isSel || undefined}
          ref={isAnchor ? (el) => { selectedRef.current = el; } : undefined}
        >
          {text}
        </td>,
      );
    }
    lines.push(<tr key={r}>{tds}</tr>);
  }
  return (
    <table className={styles.table} data-testid="preview-grid" data-sheet={view.name} aria-label={`工作表 ${view.name}（只读）`}>
      <thead>
        <tr>
          <th className={styles.head} />
          {Array.from({ length: shownCols }, (_, c) => (
            <th key={c} scope="col" className={styles.head}>
              {colName(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{lines}</tbody>
    </table>
  );
};

/** The fake's workbook, read-only: the viewed sheet follows the fake's active sheet; tabs below switch the view only. */
const WorkbookView: React.FC<{ loaded: Loaded; version: number; onUserChange(): void }> = ({ loaded, version, onUserChange }) => {
  const styles = useStyles();
  const { state } = loaded;
  const active = state.activeSheet;
  const [picked, setPicked] = React.useState<string | null>(null);
  // Whenever the pane changes the active sheet, follow it.
  React.useEffect(() => setPicked(null), [active, version]);
  const sheets = state.sheets;
  const shown = picked ?? active;
  const view = state.sheet(shown) ?? sheets[0];
  const sel = state.selection;
  /** As in Excel, a click on a sheet tab makes that sheet the active one (a hidden sheet can only be looked at). */
  const clickTab = async (name: string, visible: boolean) => {
    setPicked(name);
    if (!visible || name === active) return;
    try {
      await loaded.raw.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(name).activate();
        await ctx.sync();
      });
      loaded.userSyncs.n++;
    } finally {
      onUserChange();
    }
  };
  const selRect = sel && view && sel.sheet === view.name ? selectionRect(sel.address) : null;
  return (
    <section className={styles.book} aria-label="模拟的 Excel 工作簿（只读）">
      <div className={styles.status} role="status">
        <Caption1>
          活动工作表：<span data-testid="preview-active-sheet">{active}</span>
        </Caption1>
        <Caption1>
          选定区域：<span data-testid="preview-selection">{sel ? `${sel.sheet}!${sel.address}` : "（无）"}</span>
        </Caption1>
        <Caption1>
          同步次数（context.sync）：<span data-testid="preview-syncs">{state.syncCount - loaded.userSyncs.n}</span>
        </Caption1>
      </div>
      <div className={styles.gridWrap}>{view ? <SheetGrid view={view} selection={selRect} formats={loaded.formats.get(view.name)} /> : null}</div>
      <nav className={styles.tabs} aria-label="工作表" data-testid="preview-sheet-tabs">
        {sheets.map((s) => (
          <button
            key={s.name}
            type="button"
            className={mergeClasses(styles.sheetTab, s.name === view?.name && styles.sheetTabActive)}
            aria-current={s.name === view?.name ? "page" : undefined}
            title={s.name}
            onClick={() => void clickTab(s.name, s.visibility === "Visible")}
            data-testid={`preview-sheet-${s.position}`}
          >
            {s.visibility === "Visible" ? s.name : `${s.name}（隐藏）`}
          </button>
        ))}
      </nav>
    </section>
  );
};

let nextId = 1;

function install(snapshot: WorkbookSnapshot, formats: SheetFormats, name: string, example: boolean, onBatch: () => void): Loaded {
  const { Excel, state } = createFakeExcel(snapshot);
  // Every batch of the pane ends with a repaint of the workbook view.
  const host: ExcelHost = {
    async run(batch) {
      try {
        return await Excel.run(batch);
      } finally {
        onBatch();
      }
    },
  };
  window.__juesuanExcel = host;
  const services = createHostServices({ excel: host, fileName: () => name });
  return { id: nextId++, name, example, host, state, services, raw: Excel, formats, userSyncs: { n: 0 } };
}

/** The pane's width: Excel's task pane is about 320–360 px and can be resized; `?pane=320` shows it at 320 px. */
export function paneWidth(search: string): number {
  const n = Number(new URLSearchParams(search).get("pane"));
  return Number.isFinite(n) && n >= 240 && n <= 800 ? Math.round(n) : 360;
}

const Preview: React.FC = () => {
  const styles = useStyles();
  const width = React.useMemo(() => paneWidth(window.location.search), []);
  const [loaded, setLoaded] = React.useState<Loaded | null>(null);
  const [loading, setLoading] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [version, setVersion] = React.useState(0);
  const bump = React.useCallback(() => setVersion((v) => v + 1), []);

  const loadBytes = React.useCallback(
    async (bytes: ArrayBuffer, name: string, example = false) => {
      setError(null);
      setLoading(`正在读取“${name}”……`);
      try {
        const { snapshot, formats } = await loadXlsx(bytes, name);
        const l = install(snapshot, formats, name, example, bump);
        await primeSheetNames(l.host).catch(() => undefined);
        setLoaded(l);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setLoading(null);
      }
    },
    [bump],
  );

  const loadExample = React.useCallback(
    async (ex: (typeof EXAMPLES)[number]) => {
      try {
        const res = await fetch(ex.url);
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        await loadBytes(await res.arrayBuffer(), ex.file, true);
      } catch (e) {
        setError(`无法载入示例工作簿“${ex.file}”：${e instanceof Error ? e.message : String(e)}`);
      }
    },
    [loadBytes],
  );

  const loadedRef = React.useRef<Loaded | null>(null);
  loadedRef.current = loaded;
  React.useEffect(() => {
    window.__juesuanPreview = {
      get state() {
        return loadedRef.current?.state ?? null;
      },
      get file() {
        return loadedRef.current?.name ?? null;
      },
      loadBytes: (bytes, name) => loadBytes(bytes, name),
    };
    void loadExample(EXAMPLES[0]);
  }, [loadBytes, loadExample]);

  const onFile = async (ev: React.ChangeEvent<HTMLInputElement>) => {
    const file: File | undefined = ev.target.files?.[0];
    ev.target.value = "";
    if (!file) return;
    await loadBytes(await file.arrayBuffer(), file.name);
  };

  return (
    <div className={styles.page} style={{ gridTemplateColumns: `minmax(0, 1fr) ${width}px` }} data-testid="preview">
      <header className={styles.bar}>
        <span className={styles.barTitle}>决算助手 · 预览（模拟 Excel，不需要安装 Excel）</span>
        <label className={styles.fileLabel}>
          <span>打开 .xlsx 工作簿…</span>
          <input
            className={styles.visuallyHidden}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={onFile}
            data-testid="preview-file-input"
          />
        </label>
        {EXAMPLES.map((ex) => (
          <Button key={ex.id} size="small" onClick={() => void loadExample(ex)} data-testid={`preview-example-${ex.id}`}>
            {ex.label}
          </Button>
        ))}
        <Text className={styles.barInfo} data-testid="preview-file">
          {loaded ? `当前工作簿：${loaded.name}${loaded.example ? "（示例，由仓库脚本根据样例数据生成）" : ""}` : ""}
        </Text>
        {loading ? <Spinner size="tiny" label={loading} data-testid="preview-loading" /> : null}
      </header>
      <div style={{ gridColumn: "1 / 3" }}>
        {error ? (
          <MessageBar intent="error" data-testid="preview-error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      {loaded ? (
        <>
          <WorkbookView key={`book-${loaded.id}`} loaded={loaded} version={version} onUserChange={bump} />
          <aside className={styles.pane} aria-label="决算助手任务窗格" data-testid="preview-pane">
            <App key={`pane-${loaded.id}`} title="决算助手" services={loaded.services} />
          </aside>
        </>
      ) : (
        <div className={styles.empty}>{loading ? null : <Text>请打开一个 .xlsx 工作簿。</Text>}</div>
      )}
    </div>
  );
};

const root = document.getElementById("preview-root");
if (root) {
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <Preview />
    </FluentProvider>,
  );
}
