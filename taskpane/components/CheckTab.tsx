import * as React from "react";
import {
  makeStyles,
  tokens,
  Button,
  ToggleButton,
  Switch,
  Field,
  Textarea,
  Text,
  Caption1,
} from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular, CopyRegular, PlayRegular } from "@fluentui/react-icons";
import type { Finding, Severity } from "../../src/findings";
import { reportText, type FindingOrder } from "../../src/checks/report";
import { fill } from "../../src/money/wording";
import reportTexts from "../../src/data/report.json";
import type { CheckOutcome, PaneServices } from "../services";
import {
  ALL_SEVERITIES,
  SEVERITY_LABEL,
  SEVERITY_ORDER,
  findingsView,
  moveIndex,
  navTarget,
  type FindingGroup,
  type SeverityFilter,
} from "./findingsModel";
import { FindingList, type FindingRoving } from "./FindingList";
import { Busy, ErrorBar, SeverityIcon, SeverityTag, SuccessBar, useCommonStyles, useServiceCall } from "./common";

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  groupTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface CheckTabProps {
  services: PaneServices;
  outcome: CheckOutcome | null;
  onOutcome(outcome: CheckOutcome): void;
}

const GroupView: React.FC<{
  group: FindingGroup;
  outcome: CheckOutcome;
  onActivate(f: Finding): void;
  roving: FindingRoving;
}> = ({ group, outcome, onActivate, roving }) => {
  const styles = useStyles();
  const common = useCommonStyles();
  // A group of one severity says its count in its title.
  const counts =
    group.kind === "severity"
      ? []
      : SEVERITY_ORDER.map((s) => [s, group.findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  const headingId = `check-group-${group.id}`;
  return (
    <section className={styles.group} aria-labelledby={headingId} data-testid={`check-group-${group.id}`} data-group-kind={group.kind}>
      <h3 id={headingId} className={styles.groupTitle}>
        <span className={common.clamp}>{group.title}</span>
      </h3>
      {counts.length > 0 ? (
        <span className={common.row}>
          {counts.map(([s, n]) => (
            <SeverityTag key={s} severity={s} count={n} />
          ))}
        </span>
      ) : null}
      <FindingList
        findings={group.findings}
        recognition={outcome.recognition}
        pasted={outcome.pasted}
        onActivate={onActivate}
        testIdPrefix={`finding-${group.id}`}
        roving={roving}
      />
    </section>
  );
};

export const CheckTab: React.FC<CheckTabProps> = ({ services, outcome, onOutcome }) => {
  const styles = useStyles();
  const common = useCommonStyles();
  const call = useServiceCall();
  const [showText, setShowText] = React.useState(false);
  const [narrativeText, setNarrativeText] = React.useState("");
  const [filter, setFilter] = React.useState<SeverityFilter>(ALL_SEVERITIES);
  const [copied, setCopied] = React.useState(false);
  const [order, setOrder] = React.useState<FindingOrder>("severity");
  const [active, setActive] = React.useState(0);
  const summaryRef = React.useRef<HTMLDivElement>(null);
  const resultsRef = React.useRef<HTMLDivElement>(null);
  const focusSummary = React.useRef(false);

  // After a run the result summary takes the focus (a keyboard user lands on the result, not on the page body).
  React.useEffect(() => {
    setActive(0);
    if (focusSummary.current && outcome) {
      focusSummary.current = false;
      summaryRef.current?.focus();
    }
  }, [outcome]);

  const start = async () => {
    setCopied(false);
    const text = showText && narrativeText.trim() !== "" ? narrativeText : undefined;
    const result = await call.run("检查", "正在读取工作簿并检查……", () => services.runCheck(text ? { narrativeText: text } : undefined));
    if (result) {
      focusSummary.current = true;
      onOutcome(result);
    }
  };

  const activate = async (f: Finding) => {
    const target = navTarget(f, outcome?.pasted);
    if (!target) return;
    await call.run("定位", "正在定位……", () => services.navigate(target));
  };

  const copyReport = async () => {
    if (!outcome) return;
    setCopied(false);
    const text = reportText(outcome.findings, outcome.recognition, { file: outcome.file, sections: outcome.narrativeSections, pasted: outcome.pasted, order });
    const done = await call.run("复制检查报告", "正在复制……", async () => {
      await services.copyText(text);
      return true;
    });
    if (done) setCopied(true);
  };

  const view = outcome
    ? findingsView(outcome.findings, filter, { recognition: outcome.recognition, sections: outcome.narrativeSections, pasted: outcome.pasted, order })
    : null;

  const toggle = (s: Severity) => {
    setActive(0);
    setFilter((f) => ({ ...f, [s]: !f[s] }));
  };

  // Arrow keys move between findings (one finding at a time is in the Tab order, its actions with it).
  const onResultsKey = (e: React.KeyboardEvent) => {
    if (!view || !["ArrowDown", "ArrowUp", "Home", "End"].includes(e.key)) return;
    const target = e.target as HTMLElement;
    if (target.closest("textarea, input")) return;
    const next = moveIndex(active, e.key, view.shown);
    const el = resultsRef.current?.querySelector<HTMLElement>(`[data-finding-index="${next}"]`);
    if (!el) return;
    e.preventDefault();
    setActive(next);
    el.focus();
  };
  let start_ = 0;
  const rovingOf = (g: FindingGroup): FindingRoving => {
    const r = { start: start_, active, onFocusIndex: setActive };
    start_ += g.findings.length;
    return r;
  };

  return (
    <div className={common.column} data-testid="check-tab">
      <div className={common.row}>
        <Button appearance="primary" icon={<PlayRegular />} onClick={start} disabled={call.busy !== null} data-testid="check-run">
          开始检查
        </Button>
        <Button
          appearance="subtle"
          icon={showText ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-expanded={showText}
          aria-controls="check-narrative-field"
          onClick={() => setShowText((v) => !v)}
          data-testid="check-toggle-text"
        >
          粘贴情况说明文本
        </Button>
      </div>
      {showText ? (
        <div id="check-narrative-field">
          <Field
            label="情况说明文本（可选）"
            hint="粘贴后，检查将以这段文本代替工作簿中的情况说明；问题的位置按文本行号显示。留空则检查工作簿中的情况说明。"
          >
            <Textarea
              value={narrativeText}
              onChange={(_, d) => setNarrativeText(d.value)}
              resize="vertical"
              rows={6}
              data-testid="check-narrative-text"
            />
          </Field>
        </div>
      ) : null}
      {call.busy ? <Busy label={call.busy} testId="check-busy" /> : null}
      {call.error ? <ErrorBar message={call.error} onDismiss={call.clearError} testId="check-error" /> : null}
      {outcome && view ? (
        <>
          <div className={common.row} role="group" aria-label="检查结果统计" data-testid="check-summary" tabIndex={-1} ref={summaryRef}>
            <Text weight="semibold">共 {view.total} 条</Text>
            {SEVERITY_ORDER.map((s) => (
              <span key={s} data-testid={`check-count-${s}`}>
                <SeverityTag severity={s} count={view.counts[s]} />
              </span>
            ))}
          </div>
          <div className={common.row} role="group" aria-label="按类别筛选">
            <Caption1>显示：</Caption1>
            {SEVERITY_ORDER.map((s) => (
              <ToggleButton
                key={s}
                size="small"
                checked={filter[s]}
                onClick={() => toggle(s)}
                icon={<SeverityIcon severity={s} />}
                data-testid={`check-filter-${s}`}
              >
                {SEVERITY_LABEL[s]}（{view.counts[s]}）
              </ToggleButton>
            ))}
          </div>
          {view.notes.length > 0 ? (
            <Text size={200} data-testid="check-notes">
              {fill(reportTexts.notesLinePane, { n: view.notes.length })}
            </Text>
          ) : null}
          <div className={common.row}>
            <Switch
              checked={order === "place"}
              onChange={(_, d) => {
                setActive(0);
                setOrder(d.checked ? "place" : "severity");
              }}
              label="按位置排列（默认错误在前）"
              data-testid="check-order-place"
            />
          </div>
          <div className={common.row}>
            <Button icon={<CopyRegular />} onClick={copyReport} disabled={call.busy !== null} data-testid="check-copy-report">
              复制检查报告
            </Button>
          </div>
          {copied ? <SuccessBar testId="check-copied">已复制检查报告，可粘贴到邮件或文档中。</SuccessBar> : null}
          {view.total === 0 ? (
            <SuccessBar testId="check-clean">未发现问题。</SuccessBar>
          ) : view.shown === 0 ? (
            <Text data-testid="check-all-filtered">当前筛选条件下没有问题，请选择要显示的类别。</Text>
          ) : (
            <div
              className={common.column}
              ref={resultsRef}
              onKeyDown={onResultsKey}
              data-testid="check-results"
              aria-label="检查结果，按上下方向键在问题间移动，按回车转到单元格"
              role="region"
            >
              {view.groups.map((g) => (
                <GroupView key={`${order}-${g.id}`} group={g} outcome={outcome} onActivate={activate} roving={rovingOf(g)} />
              ))}
            </div>
          )}
          {outcome.recognition.missing.length > 0 ? (
            <SuccessBar intent="warning" testId="check-missing-tables">
              有 {outcome.recognition.missing.length} 张报表未识别，相关检查已跳过。请在“识别”页签中指定它们所在的工作表。
            </SuccessBar>
          ) : null}
        </>
      ) : !call.busy ? (
        <Text className={styles.hint}>按“开始检查”读取当前工作簿，检查报表之间、报表与情况说明之间的勾稽关系。</Text>
      ) : null}
    </div>
  );
};
