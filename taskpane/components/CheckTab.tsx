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
import {
  ArrowUndoRegular,
  CheckmarkCircleRegular,
  ChevronDownRegular,
  ChevronRightRegular,
  CopyRegular,
  DismissRegular,
  DocumentArrowUpRegular,
  PlayRegular,
} from "@fluentui/react-icons";
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
import { Busy, ConfirmDialog, ErrorBar, SeverityIcon, SeverityTag, SuccessBar, useCommonStyles, useServiceCall } from "./common";
import { useChunk } from "./lazyTab";
import { chunkLoadMessage } from "../chunks";
import { MAX_NOTE, type Marks } from "../../src/review/marks";
import { openSummary, withReopened, withVerified } from "./marksModel";
import { WORD_ACCEPT, loadWordNarrative, type PickedFile, type WordNarrative } from "./wordFile";

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
  guidance: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  markRow: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  fileInput: { display: "none" },
});

/** A Word file imported in this tab: its text is checked in place of the workbook's 情况说明 until it is removed. */
interface ImportedWord {
  name: string;
  narrative: WordNarrative;
}

/* global require */
declare const __webpack_require__: unknown;

type GuidanceModule = typeof import("../../src/review/guidance");

/**
 * The basis and what to do under each finding (src/review/guidance.ts and its texts) come in a chunk of
 * their own, “guidance”, loaded with the first result: they are not in the pane's start load. Outside
 * webpack (jest, server-side rendering) the module is required at once (see Pane.tsx for the branch).
 */
const loadGuidance = (): Promise<GuidanceModule> => import(/* webpackChunkName: "guidance" */ "../../src/review/guidance");
const loadGuidanceSync =
  typeof __webpack_require__ === "function"
    ? undefined
    : // eslint-disable-next-line @typescript-eslint/no-require-imports
      () => require("../../src/review/guidance") as GuidanceModule;

/** The rule ids the guidance data knows, once its chunk is loaded. */
const DATA_RULES = new WeakMap<GuidanceModule, Set<string>>();

/** Basis and what to do, from the rule data (src/review/guidance.ts), under a finding of a rule the data has. */
const Guidance: React.FC<{ finding: Finding; guidance?: GuidanceModule }> = ({ finding, guidance }) => {
  const styles = useStyles();
  const common = useCommonStyles();
  if (!guidance) return null; // its chunk is still loading, or did not load (said once above the results)
  let rules = DATA_RULES.get(guidance);
  if (!rules) DATA_RULES.set(guidance, (rules = new Set(guidance.RULE_IDS)));
  if (!rules.has(finding.rule)) return null; // the pane's own notes (a sheet too large, a hidden sheet)
  const g = guidance.guidanceFor(finding);
  return (
    <>
      <span className={`${styles.guidance} ${common.wrap}`} data-testid="finding-basis">依据：{g.basisText}</span>
      <span className={`${styles.guidance} ${common.wrap}`} data-testid="finding-action">处理：{g.action}</span>
    </>
  );
};

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
  renderBelow?: (f: Finding, index: number, tabIndex: number) => React.ReactNode;
}> = ({ group, outcome, onActivate, roving, renderBelow }) => {
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
        renderBelow={renderBelow}
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
  const [word, setWord] = React.useState<ImportedWord | null>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [filter, setFilter] = React.useState<SeverityFilter>(ALL_SEVERITIES);
  const [copied, setCopied] = React.useState(false);
  const [order, setOrder] = React.useState<FindingOrder>("severity");
  const [active, setActive] = React.useState(0);
  const [marksState, setMarksState] = React.useState<{ of: CheckOutcome | null; marks?: Marks }>({ of: null });
  const [marking, setMarking] = React.useState<{ finding: Finding; fingerprint: string } | null>(null);
  const [note, setNote] = React.useState("");
  const [showVerified, setShowVerified] = React.useState(false);
  const [markNotice, setMarkNotice] = React.useState<string | null>(null);
  const focusAfterMark = React.useRef<number | null>(null);
  const summaryRef = React.useRef<HTMLDivElement>(null);
  const resultsRef = React.useRef<HTMLDivElement>(null);
  const focusSummary = React.useRef(false);
  const guidance = useChunk(loadGuidance, loadGuidanceSync, outcome);

  // After a run the result summary takes the focus (a keyboard user lands on the result, not on the page body).
  React.useEffect(() => {
    setActive(0);
    if (focusSummary.current && outcome) {
      focusSummary.current = false;
      summaryRef.current?.focus();
    }
  }, [outcome]);

  /** The text the check takes in place of the workbook's 情况说明: the imported Word file, else the pasted text, else none. */
  const checkOptions = (w: ImportedWord | null) => {
    if (w) return { narrativeText: w.narrative.text, narrativeSource: { kind: "word" as const, name: w.name, rows: w.narrative.rows } };
    const text = showText && narrativeText.trim() !== "" ? narrativeText : undefined;
    return text ? { narrativeText: text } : undefined;
  };

  const start = async () => {
    setCopied(false);
    const result = await call.run("检查", "正在读取工作簿并检查……", () => services.runCheck(checkOptions(word)));
    if (result) {
      focusSummary.current = true;
      onOutcome(result);
    }
  };

  // A picked .docx: read here (nothing uploaded), then checked against the open workbook like pasted text.
  const importWord = async (file: PickedFile) => {
    setCopied(false);
    const done = await call.run("导入 Word 情况说明", `正在读取“${file.name}”并检查……`, async () => {
      const narrative = await loadWordNarrative(file);
      const next: ImportedWord = { name: file.name, narrative };
      return { next, outcome: await services.runCheck(checkOptions(next)) };
    });
    if (done) {
      setWord(done.next);
      focusSummary.current = true;
      onOutcome(done.outcome);
    }
  };

  const onFilePicked = (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ""; // the same file may be picked again (after it was edited in Word)
    if (file) void importWord(file);
  };

  const activate = async (f: Finding) => {
    const target = navTarget(f, outcome?.pasted);
    if (!target) return;
    await call.run("定位", "正在定位……", () => services.navigate(target));
  };

  // Marks made in this pane since the run; the run's own marks otherwise.
  const marks = outcome && marksState.of === outcome ? marksState.marks : outcome?.marks;
  const canMark = Boolean(services.saveMarks) && outcome !== null;

  const storeMarks = async (next: Marks, done: string, focusIndex?: number) => {
    if (!outcome || !services.saveMarks) return;
    const save = services.saveMarks.bind(services);
    const ok = await call.run("保存已核实标记", "正在保存到工作簿……", async () => {
      await save(next);
      return true;
    });
    if (ok) {
      if (focusIndex !== undefined) focusAfterMark.current = focusIndex;
      setMarksState({ of: outcome, marks: next });
      setMarkNotice(done);
    }
  };

  const confirmMark = async () => {
    if (!marking) return;
    const m = marking;
    setMarking(null);
    await storeMarks(withVerified(marks, m.fingerprint, note.slice(0, MAX_NOTE)), "已标记为已核实，已保存到工作簿。", active);
  };

  const reopenMark = async (fp: string) => {
    await storeMarks(withReopened(marks, fp), "已重新打开，该问题回到待处理列表。");
  };

  const copyReport = async () => {
    if (!outcome) return;
    setCopied(false);
    const open = view ? outcome.findings.filter((f) => !view.verified.some((v) => v.finding === f)) : outcome.findings;
    const text = reportText(open, outcome.recognition, {
      file: outcome.file,
      sections: outcome.narrativeSections,
      pasted: outcome.pasted,
      order,
      verified: view?.verified.map((v) => ({ finding: v.finding, note: v.mark.note })),
    });
    const done = await call.run("复制检查报告", "正在复制……", async () => {
      await services.copyText(text);
      return true;
    });
    if (done) setCopied(true);
  };

  const view = outcome
    ? findingsView(outcome.findings, filter, {
        recognition: outcome.recognition,
        sections: outcome.narrativeSections,
        pasted: outcome.pasted,
        order,
        marks,
        fingerprints: outcome.fingerprints,
      })
    : null;

  // After marking, the focus goes to the finding that took the marked one's place (or the summary).
  React.useEffect(() => {
    if (focusAfterMark.current === null || !view) return;
    const i = Math.min(focusAfterMark.current, view.shown - 1);
    focusAfterMark.current = null;
    const el = i >= 0 ? resultsRef.current?.querySelector<HTMLElement>(`[data-finding-index="${i}"]`) : null;
    if (el) {
      setActive(i);
      el.focus();
    } else summaryRef.current?.focus();
  });

  const renderBelow = (f: Finding, _index: number, tabIndex: number) => (
    <>
      <Guidance finding={f} guidance={guidance.value} />
      {canMark ? (
        <span className={styles.markRow}>
          <Button
            size="small"
            appearance="subtle"
            icon={<CheckmarkCircleRegular />}
            tabIndex={tabIndex}
            onClick={() => {
              const fp = view?.fingerprintOf.get(f);
              if (!fp) return;
              setNote("");
              setMarking({ finding: f, fingerprint: fp });
            }}
            data-testid="mark-verified"
          >
            标记为已核实
          </Button>
        </span>
      ) : null}
    </>
  );

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
        <Button
          appearance="subtle"
          icon={<DocumentArrowUpRegular />}
          onClick={() => fileInput.current?.click()}
          disabled={call.busy !== null}
          aria-describedby="check-word-hint"
          data-testid="check-import-word"
        >
          导入 Word 情况说明…
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept={WORD_ACCEPT}
          className={styles.fileInput}
          tabIndex={-1}
          aria-hidden="true"
          onChange={onFilePicked}
          data-testid="check-word-input"
        />
      </div>
      {word ? (
        <SuccessBar intent="info" testId="check-word-file">
          <span id="check-word-hint">
            以 Word 文件“{word.name}”（共 {word.narrative.paragraphs} 段）代替工作簿中的情况说明检查；问题的位置按该文件的段落（第几段）显示。
            {showText && narrativeText.trim() !== "" ? "粘贴的文本此时不参与检查。" : ""}
          </span>{" "}
          <Button size="small" appearance="subtle" icon={<DismissRegular />} onClick={() => setWord(null)} data-testid="check-word-clear">
            不再使用该文件
          </Button>
        </SuccessBar>
      ) : (
        <span id="check-word-hint" hidden>
          选择情况说明的 Word 文件（.docx），在本机读取，不上传；检查时以其文字代替工作簿中的情况说明。
        </span>
      )}
      {showText ? (
        <div id="check-narrative-field">
          <Field
            label="情况说明文本（可选）"
            hint="粘贴后，检查将以这段文本代替工作簿中的情况说明；问题的位置按文本的段落（第几段）显示。留空则检查工作簿中的情况说明。"
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
            <Text weight="semibold">{openSummary(view.total, view.verified.length)}</Text>
            {SEVERITY_ORDER.map((s) => (
              <span key={s} data-testid={`check-count-${s}`}>
                <SeverityTag severity={s} count={view.counts[s]} />
              </span>
            ))}
          </div>
          {guidance.failed ? (
            <Caption1 className={common.wrap} data-testid="check-guidance-error">
              {chunkLoadMessage("各条问题的依据和处理建议")}
            </Caption1>
          ) : null}
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
            <SuccessBar testId="check-clean">{view.verified.length > 0 ? `没有待处理的问题（已核实 ${view.verified.length} 条）。` : "未发现问题。"}</SuccessBar>
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
                <GroupView key={`${order}-${g.id}`} group={g} outcome={outcome} onActivate={activate} roving={rovingOf(g)} renderBelow={renderBelow} />
              ))}
            </div>
          )}
          {markNotice ? (
            <Text size={200} role="status" data-testid="mark-notice">
              {markNotice}
            </Text>
          ) : null}
          {outcome.marksProblems?.length ? (
            <SuccessBar intent="warning" testId="marks-problems">
              {outcome.marksProblems.join("；")}。
            </SuccessBar>
          ) : null}
          {view.verified.length > 0 ? (
            <section className={styles.group} aria-labelledby="check-verified-toggle" data-testid="check-verified">
              <Button
                id="check-verified-toggle"
                appearance="subtle"
                icon={showVerified ? <ChevronDownRegular /> : <ChevronRightRegular />}
                aria-expanded={showVerified}
                aria-controls="check-verified-list"
                onClick={() => setShowVerified((v) => !v)}
                data-testid="check-verified-toggle"
              >
                {fill(reportTexts.verifiedGroup, { n: view.verified.length })}
              </Button>
              {showVerified ? (
                <div id="check-verified-list">
                  <FindingList
                    findings={view.verified.map((v) => v.finding)}
                    recognition={outcome.recognition}
                    pasted={outcome.pasted}
                    onActivate={activate}
                    testIdPrefix="verified"
                    renderBelow={(f, i) => {
                      const v = view.verified[i];
                      return (
                        <>
                          <span className={styles.guidance}>
                            已核实{v.mark.note ? `：${v.mark.note}` : "（无说明）"}
                          </span>
                          <span className={styles.markRow}>
                            <Button
                              size="small"
                              appearance="subtle"
                              icon={<ArrowUndoRegular />}
                              onClick={() => void reopenMark(v.fingerprint)}
                              data-testid={`reopen-${i}`}
                              disabled={!services.saveMarks || call.busy !== null}
                              aria-label={`重新打开：${f.message}`}
                            >
                              重新打开
                            </Button>
                          </span>
                        </>
                      );
                    }}
                  />
                </div>
              ) : null}
            </section>
          ) : null}
          {outcome.recognition.missing.length > 0 ? (
            <SuccessBar intent="warning" testId="check-missing-tables">
              有 {outcome.recognition.missing.length} 张报表未识别，相关检查已跳过。请在“识别”页签中指定它们所在的工作表。
            </SuccessBar>
          ) : null}
        </>
      ) : !call.busy ? (
        <Text className={styles.hint}>按“开始检查”读取当前工作簿，检查报表之间、报表与情况说明之间的勾稽关系。</Text>
      ) : null}
      <ConfirmDialog
        open={marking !== null}
        title="标记为已核实？"
        onConfirm={() => void confirmMark()}
        onCancel={() => setMarking(null)}
        testId="mark-dialog"
        confirmLabel="标记为已核实"
      >
        <span className={common.wrap}>{marking ? marking.finding.message : ""}</span>
        <Field label="核实说明（可选）" hint="例如：已与财务核对，无需修改。标记保存在本工作簿中，随文件一起保存；保存会清空 Excel 的“撤销”历史。">
          <Textarea value={note} onChange={(_, d) => setNote(d.value)} maxLength={MAX_NOTE} rows={3} data-testid="mark-note" />
        </Field>
      </ConfirmDialog>
    </div>
  );
};
