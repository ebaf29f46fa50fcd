import * as React from "react";
import {
  makeStyles,
  tokens,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  MessageBarActions,
  Button,
  Spinner,
  Dialog,
  DialogSurface,
  DialogBody,
  DialogTitle,
  DialogContent,
  DialogActions,
} from "@fluentui/react-components";
import { DismissRegular, ErrorCircleFilled, InfoFilled, WarningFilled } from "@fluentui/react-icons";
import { SEVERITY_LABEL, type Severity } from "../../src/findings";
import { errorMessage } from "./paneErrors";

export const useCommonStyles = makeStyles({
  /** Workbook text: wraps anywhere, so a 10 000-character cell cannot widen the pane. */
  wrap: {
    overflowWrap: "anywhere",
    wordBreak: "break-word",
    whiteSpace: "pre-wrap",
    minWidth: 0,
  },
  /** Very long single-line texts (labels, sheet names): clamp to three lines. */
  clamp: {
    overflowWrap: "anywhere",
    wordBreak: "break-word",
    display: "-webkit-box",
    WebkitLineClamp: "3",
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
    minWidth: 0,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
  column: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
  /** A full-width clickable card (a finding, a project): a native button styled as a list item. */
  card: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    textAlign: "start",
    width: "100%",
    minWidth: 0,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "1px",
    },
  },
  /** A Dropdown (or other composite control) with the same visible focus outline as the buttons. */
  focusOutline: {
    ":focus-within": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
    },
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
});

/** Severity as icon AND word (never colour alone). */
export const SeverityTag: React.FC<{ severity: Severity; count?: number }> = ({ severity, count }) => {
  const styles = useCommonStyles();
  const Icon = severity === "error" ? ErrorCircleFilled : severity === "warning" ? WarningFilled : InfoFilled;
  return (
    <span className={styles.row} style={{ display: "inline-flex", flexWrap: "nowrap" }} data-severity={severity}>
      <Icon className={styles[severity]} aria-hidden="true" />
      <span>
        {SEVERITY_LABEL[severity]}
        {count !== undefined ? ` ${count}` : ""}
      </span>
    </span>
  );
};

export const SeverityIcon: React.FC<{ severity: Severity }> = ({ severity }) => {
  const styles = useCommonStyles();
  const Icon = severity === "error" ? ErrorCircleFilled : severity === "warning" ? WarningFilled : InfoFilled;
  return <Icon className={styles[severity]} aria-hidden="true" />;
};

/** A Chinese error MessageBar with a close button. */
export const ErrorBar: React.FC<{ message: string; onDismiss?: () => void; testId?: string }> = ({ message, onDismiss, testId }) => {
  const styles = useCommonStyles();
  return (
    <MessageBar intent="error" data-testid={testId ?? "pane-error"} layout="multiline">
      <MessageBarBody className={styles.wrap}>
        <MessageBarTitle>出错了</MessageBarTitle>
        {message}
      </MessageBarBody>
      {onDismiss ? (
        <MessageBarActions
          containerAction={<Button appearance="transparent" aria-label="关闭错误提示" icon={<DismissRegular />} onClick={onDismiss} />}
        />
      ) : null}
    </MessageBar>
  );
};

export const SuccessBar: React.FC<{ children: React.ReactNode; testId?: string; intent?: "success" | "info" | "warning" }> = ({
  children,
  testId,
  intent = "success",
}) => {
  const styles = useCommonStyles();
  return (
    <MessageBar intent={intent} data-testid={testId} layout="multiline">
      <MessageBarBody className={styles.wrap}>{children}</MessageBarBody>
    </MessageBar>
  );
};

export const Busy: React.FC<{ label: string; testId?: string }> = ({ label, testId }) => (
  <Spinner size="small" label={label} labelPosition="after" data-testid={testId ?? "pane-busy"} />
);

export interface ServiceCall {
  busy: string | null;
  error: string | null;
  clearError(): void;
  /** Runs `fn` with a Chinese busy label; on rejection stores a Chinese error and resolves undefined. */
  run<T>(action: string, busyLabel: string, fn: () => Promise<T>): Promise<T | undefined>;
}

/** Busy/error state of a tab's service calls. Results arriving after unmount are dropped. */
export function useServiceCall(): ServiceCall {
  const [busy, setBusy] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = React.useCallback(async <T,>(action: string, busyLabel: string, fn: () => Promise<T>): Promise<T | undefined> => {
    setBusy(busyLabel);
    setError(null);
    try {
      const result = await fn();
      return mounted.current ? result : undefined;
    } catch (err) {
      if (mounted.current) setError(errorMessage(err, action));
      return undefined;
    } finally {
      if (mounted.current) setBusy(null);
    }
  }, []);
  const clearError = React.useCallback(() => setError(null), []);
  return { busy, error, clearError, run };
}

/** Renders a Chinese MessageBar instead of a blank pane when a component throws while rendering. */
export class PaneErrorBoundary extends React.Component<{ children: React.ReactNode; resetKey?: string }, { message: string | null }> {
  state = { message: null as string | null };

  static getDerivedStateFromError(err: unknown): { message: string } {
    return { message: errorMessage(err, "显示") };
  }

  componentDidUpdate(prev: { resetKey?: string }): void {
    if (prev.resetKey !== this.props.resetKey && this.state.message) this.setState({ message: null });
  }

  render(): React.ReactNode {
    if (this.state.message) {
      return <ErrorBar message={`${this.state.message} 请切换到其他页签后再试，或重新打开任务窗格。`} testId="pane-render-error" />;
    }
    return this.props.children;
  }
}

/** Chinese label of the Dropdown's clear button (Fluent's default is English "Clear selection"). */
export const DROPDOWN_CLEAR = { "aria-label": "清除选择" } as const;

/**
 * The element focused when a dialog opens, given the focus back when it closes: the dialog is opened
 * by state (no DialogTrigger), so Fluent cannot restore the focus itself. After 保存, `onConfirm` may move
 * the focus on (to the result message); otherwise it returns to the opener.
 */
function useReturnFocus(open: boolean): () => void {
  const opener = React.useRef<HTMLElement | null>(null);
  const wasOpen = React.useRef(false);
  if (open && !wasOpen.current && typeof document !== "undefined") {
    const el = document.activeElement;
    opener.current = el instanceof HTMLElement && el !== document.body ? el : null;
  }
  wasOpen.current = open;
  return React.useCallback(() => {
    const el = opener.current;
    opener.current = null;
    if (!el) return;
    // Once the dialog has gone (it closes with a transition, and its focus trap holds the focus until then):
    // give the focus back unless something else took it meanwhile (a result message, the next finding).
    let tries = 0;
    const attempt = () => {
      const active = document.activeElement;
      if (active && active !== document.body && active.closest('[role="dialog"], [role="alertdialog"]')) {
        if (++tries < 40) setTimeout(attempt, 50);
        return;
      }
      if ((!active || active === document.body) && el.isConnected) el.focus();
    };
    setTimeout(attempt, 0);
  }, []);
}

/** A yes/no question before writing to the workbook: 保存 confirms, 取消 or Esc closes; the focus goes back to the opener. */
export const ConfirmDialog: React.FC<{
  open: boolean;
  title: string;
  children: React.ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
  testId: string;
  contentClassName?: string;
  /** Text of the confirm button (default 保存). */
  confirmLabel?: string;
}> = ({ open, title, children, onConfirm, onCancel, testId, contentClassName, confirmLabel = "保存" }) => {
  const returnFocus = useReturnFocus(open);
  const cancel = () => {
    onCancel();
    returnFocus();
  };
  const confirm = () => {
    onConfirm();
    returnFocus();
  };
  return (
    <Dialog open={open} onOpenChange={(_, d) => (!d.open ? cancel() : undefined)}>
      <DialogSurface data-testid={testId}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={contentClassName}>{children}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={confirm} data-testid={`${testId}-save`}>
              {confirmLabel}
            </Button>
            <Button onClick={cancel} data-testid={`${testId}-cancel`}>
              取消
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
};
