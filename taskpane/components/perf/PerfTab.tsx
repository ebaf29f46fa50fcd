import * as React from "react";
import {
  makeStyles,
  mergeClasses,
  tokens,
  Button,
  Input,
  Textarea,
  Field,
  Text,
  useArrowNavigationGroup,
} from "@fluentui/react-components";
import { AddRegular, ArrowClockwiseRegular, ArrowUndoRegular, SaveRegular } from "@fluentui/react-icons";
import type { Finding } from "../../../src/findings";
import type { CellEdit, PaneServices } from "../../services";
import { navTarget } from "../findingsModel";
import { FindingList } from "../FindingList";
import { Busy, ConfirmDialog, ErrorBar, SuccessBar, useCommonStyles, useServiceCall } from "../common";
import { cellKey, changedCells, formName, formStatus, gradeCaveats, liveView, projectNameProblem } from "./perfModel";
import type { PerfCellView, PerfFormView, PerfIndicatorView } from "./types";

const useStyles = makeStyles({
  projects: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    listStyleType: "none",
    margin: 0,
    padding: 0,
  },
  projectSelected: {
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  projectName: { fontWeight: tokens.fontWeightSemibold },
  status: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  form: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  formTitle: { margin: 0, textAlign: "center", fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightBold },
  blockTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    tableLayout: "fixed",
    "& th, & td": {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: tokens.spacingHorizontalXS,
      verticalAlign: "top",
      overflowWrap: "anywhere",
    },
    "& th": { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold, textAlign: "center" },
  },
  /** One card per indicator: the fields wrap (label above value), never a sideways scroll (320 px and up). */
  indicators: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, listStyleType: "none", margin: 0, padding: 0 },
  indicator: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 150px), 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  indicatorTitle: { gridColumn: "1 / -1", margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  wide: { gridColumn: "1 / -1" },
  fieldBox: { display: "flex", flexDirection: "column", rowGap: "2px", minWidth: 0 },
  fieldLabel: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  unsaved: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  caveats: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  cellInput: { width: "100%", minWidth: 0 },
  changed: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  score: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

export interface PerfTabProps {
  services: PaneServices;
}

type Drafts = Record<string, string>;

/** One editable cell; read-only text when the form has no cell for it. */
const CellInput: React.FC<{
  view: PerfCellView | undefined;
  label: string;
  drafts: Drafts;
  onChange(key: string, value: string): void;
  multiline?: boolean;
}> = ({ view, label, drafts, onChange, multiline }) => {
  const styles = useStyles();
  const common = useCommonStyles();
  if (!view || !view.source) {
    return <span className={common.wrap} title="表中没有此单元格，无法编辑">{view?.text || "—"}</span>;
  }
  const key = cellKey(view.source.sheet, view.source.cell);
  const value = drafts[key] ?? view.text;
  const changed = drafts[key] !== undefined && drafts[key] !== view.text;
  const testId = `perf-cell-${view.source.cell}`;
  const ariaLabel = `${label}（${view.source.cell}）`;
  if (multiline) {
    return (
      <Textarea
        className={mergeClasses(styles.cellInput, changed && styles.changed)}
        value={value}
        onChange={(_, d) => onChange(key, d.value)}
        aria-label={ariaLabel}
        resize="vertical"
        data-testid={testId}
      />
    );
  }
  return (
    <Input
      className={mergeClasses(styles.cellInput, changed && styles.changed)}
      value={value}
      onChange={(_, d) => onChange(key, d.value)}
      aria-label={ariaLabel}
      data-testid={testId}
    />
  );
};

/** One labelled field of an indicator card. */
const CardField: React.FC<{ label: string; wide?: boolean; children: React.ReactNode }> = ({ label, wide, children }) => {
  const styles = useStyles();
  return (
    <div className={mergeClasses(styles.fieldBox, wide && styles.wide)}>
      <span className={styles.fieldLabel} aria-hidden="true">{label}</span>
      {children}
    </div>
  );
};

/** An indicator row of the form as a card: every field visible, wrapping to one column on a narrow pane. */
const IndicatorCard: React.FC<{ ind: PerfIndicatorView; self: boolean; drafts: Drafts; onChange(key: string, value: string): void }> = ({
  ind,
  self,
  drafts,
  onChange,
}) => {
  const styles = useStyles();
  const p = `第${ind.row}行`;
  const c = (v: PerfCellView | undefined, label: string, opts: { multiline?: boolean; wide?: boolean } = {}) => (
    <CardField label={label} wide={opts.wide}>
      <CellInput view={v} label={`${p} ${label}`} drafts={drafts} onChange={onChange} multiline={opts.multiline} />
    </CardField>
  );
  return (
    <li className={styles.indicator} data-testid={`perf-indicator-${ind.row}`} aria-label={`${p}指标`}>
      <h5 className={styles.indicatorTitle}>{p}</h5>
      {c(ind.level1, "一级指标")}
      {c(ind.level2, "二级指标")}
      {c(ind.level3, "三级指标", { wide: true })}
      {c(ind.target, "预期指标值")}
      {c(ind.actual, "实际完成指标值")}
      {self ? c(ind.weight, "分值") : null}
      {self ? c(ind.score, "得分") : null}
      {self ? c(ind.reason, "偏差原因分析及改进措施", { multiline: true, wide: true }) : null}
    </li>
  );
};

/** A form laid out like the official one, every cell editable. */
export const FormView: React.FC<{ form: PerfFormView; drafts: Drafts; onChange(key: string, value: string): void }> = ({ form, drafts, onChange }) => {
  const styles = useStyles();
  const common = useCommonStyles();
  const self = form.kind === "selfEvaluation";
  const caveats = gradeCaveats(form);
  const cell = (v: PerfCellView | undefined, label: string, multiline = false) => (
    <CellInput view={v} label={label} drafts={drafts} onChange={onChange} multiline={multiline} />
  );
  return (
    <section className={styles.form} aria-label={`绩效表：${formName(form)}`} data-testid="perf-form">
      <h3 className={mergeClasses(styles.formTitle, common.clamp)}>{form.title || (self ? "项目支出绩效自评表" : "项目绩效目标完成情况表")}</h3>
      <Text size={200}>
        工作表“{form.sheet}”{form.year ? `，${form.year}年度` : ""}，金额单位：{form.unit}
      </Text>
      <table className={styles.table}>
        <tbody>
          <tr>
            <th scope="row" style={{ width: "30%" }}>项目名称</th>
            <td>{cell(form.name, "项目名称")}</td>
          </tr>
          {self ? (
            <>
              <tr>
                <th scope="row">主管部门</th>
                <td>{cell(form.department, "主管部门")}</td>
              </tr>
              <tr>
                <th scope="row">实施单位</th>
                <td>{cell(form.implementer, "实施单位")}</td>
              </tr>
            </>
          ) : (
            <tr>
              <th scope="row">预算单位</th>
              <td>{cell(form.budgetUnit, "预算单位")}</td>
            </tr>
          )}
        </tbody>
      </table>

      <h4 className={styles.blockTitle}>预算执行情况（{form.unit}）</h4>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col" style={{ width: "30%" }} />
            <th scope="col">预算数</th>
            <th scope="col">执行数</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">合计</th>
            <td>{cell(form.budget, "预算数")}</td>
            <td>{cell(form.actual, "执行数")}</td>
          </tr>
          <tr>
            <th scope="row">其中：财政拨款</th>
            <td>{cell(form.budgetFiscal, "预算数 其中财政拨款")}</td>
            <td>{cell(form.actualFiscal, "执行数 其中财政拨款")}</td>
          </tr>
          <tr>
            <th scope="row">其它资金</th>
            <td>{cell(form.budgetOther, "预算数 其它资金")}</td>
            <td>{cell(form.actualOther, "执行数 其它资金")}</td>
          </tr>
        </tbody>
      </table>
      {form.executionRate ? (
        <Text data-testid="perf-rate">
          执行率：{form.executionRate}
          {form.unsaved ? <span className={styles.unsaved}>（按未保存的修改计算）</span> : null}
        </Text>
      ) : form.unsaved ? (
        <Text data-testid="perf-rate">执行率：无法计算<span className={styles.unsaved}>（按未保存的修改）</span></Text>
      ) : null}

      <h4 className={styles.blockTitle}>年度目标完成情况</h4>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">预期目标</th>
            <th scope="col">实际完成目标</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{cell(form.goalTarget, "预期目标", true)}</td>
            <td>{cell(form.goalActual, "实际完成目标", true)}</td>
          </tr>
        </tbody>
      </table>

      <h4 className={styles.blockTitle}>绩效指标完成情况</h4>
      {form.indicators.length === 0 ? (
        <Text>此表没有绩效指标行。</Text>
      ) : (
        <ul className={styles.indicators} data-testid="perf-grid" aria-label="绩效指标">
          {form.indicators.map((ind) => (
            <IndicatorCard key={ind.row} ind={ind} self={self} drafts={drafts} onChange={onChange} />
          ))}
        </ul>
      )}
      {form.score !== undefined || form.grade ? (
        <div data-testid="perf-result">
          <Text className={styles.score} data-testid="perf-score">
            自评得分：{form.score ?? "—"}
            {form.grade ? `，等级：${form.grade}` : ""}
            {form.unsaved ? <span className={styles.unsaved}>（未保存）</span> : null}
          </Text>
          {caveats.length > 0 ? (
            <ul className={styles.caveats} data-testid="perf-caveats" aria-label="影响评分可信度的因素">
              {caveats.map((t, i) => (
                <li key={i}>{t}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {form.problems.length > 0 ? (
        <SuccessBar intent="warning" testId="perf-problems">
          {form.problems.map((p, i) => (
            <div key={i}>{p}</div>
          ))}
        </SuccessBar>
      ) : null}
    </section>
  );
};

export const PerfTab: React.FC<PerfTabProps> = ({ services }) => {
  const styles = useStyles();
  const common = useCommonStyles();
  const call = useServiceCall();
  const [forms, setForms] = React.useState<PerfFormView[] | null>(null);
  const [selected, setSelected] = React.useState<string | null>(null);
  const [drafts, setDrafts] = React.useState<Record<string, Drafts>>({});
  const [confirm, setConfirm] = React.useState<CellEdit[] | null>(null);
  const [notice, setNotice] = React.useState<{ text: string; at: "form" | "new" } | null>(null);
  const [newName, setNewName] = React.useState("");
  const [newNameError, setNewNameError] = React.useState<string | null>(null);
  const arrowNav = useArrowNavigationGroup({ axis: "vertical", memorizeCurrent: true });

  const { run } = call;
  /** Reads the forms; keeps the selection (or selects `keep`) when that form still exists. */
  const load = React.useCallback(
    async (keep?: string | null): Promise<PerfFormView[] | undefined> => {
      const list = await run("读取绩效表", "正在读取绩效表……", () => services.loadForms());
      if (!list) return undefined;
      setForms(list);
      setSelected((cur) => {
        const want = keep !== undefined ? keep : cur;
        return want && list.some((f) => f.id === want) ? want : (list[0]?.id ?? null);
      });
      return list;
    },
    [services, run],
  );

  // Read the forms once, when the tab is first shown (not again if the services object changes identity).
  const loadedOnce = React.useRef(false);
  React.useEffect(() => {
    if (loadedOnce.current) return;
    loadedOnce.current = true;
    void load();
  }, [load]);

  const form = forms?.find((f) => f.id === selected) ?? null;
  const formDrafts = React.useMemo(() => (form && drafts[form.id]) || {}, [form, drafts]);
  const edits = form ? changedCells(form, formDrafts) : [];
  // 执行率, score, grade and findings follow every edit (recomputed from the drafts, marked unsaved)
  const shown = React.useMemo(() => (form ? liveView(form, formDrafts) : null), [form, formDrafts]);
  const noticeRef = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    // the message of a save appears next to the form's buttons: bring it into view and give it focus
    if (notice && noticeRef.current) {
      noticeRef.current.scrollIntoView?.({ block: "nearest" });
      noticeRef.current.focus({ preventScroll: true });
    }
  }, [notice]);

  const onChange = (key: string, value: string) => {
    if (!form) return;
    setNotice(null);
    setDrafts((d) => ({ ...d, [form.id]: { ...(d[form.id] ?? {}), [key]: value } }));
  };

  const save = async () => {
    if (!form || !confirm) return;
    const toSave = confirm;
    setConfirm(null);
    const ok = await call.run("保存到工作表", "正在写入工作表……", async () => {
      await services.saveForm(toSave);
      return true;
    });
    if (!ok) return;
    setDrafts((d) => ({ ...d, [form.id]: {} }));
    await load(form.id);
    setNotice({ text: `已将 ${toSave.length} 个单元格写入工作表“${form.sheet}”，并重新检查了绩效表。`, at: "form" });
  };

  const insert = async () => {
    const problem = projectNameProblem(newName);
    setNewNameError(problem);
    if (problem) return;
    setNotice(null);
    const r = await call.run("新建绩效表", "正在插入空白绩效表……", () => services.insertBlankForm(newName.trim()));
    if (!r) return;
    setNewName("");
    const list = await load(null);
    const made = list?.find((f) => f.sheet === r.sheet);
    if (made) setSelected(made.id);
    setNotice({ text: `已在新工作表“${r.sheet}”中插入空白绩效表${list ? "" : "（但重新读取失败）"}。`, at: "new" });
  };

  const activate = (f: Finding) => {
    const t = navTarget(f);
    if (t) void call.run("定位", "正在定位……", () => services.navigate(t));
  };

  return (
    <div className={common.column} data-testid="perf-tab">
      <div className={common.row}>
        <Button icon={<ArrowClockwiseRegular />} onClick={() => void load()} disabled={call.busy !== null} data-testid="perf-reload">
          重新读取绩效表
        </Button>
      </div>
      {call.busy ? <Busy label={call.busy} testId="perf-busy" /> : null}
      {call.error && !form ? <ErrorBar message={call.error} onDismiss={call.clearError} testId="perf-error" /> : null}

      {forms && forms.length === 0 ? <Text data-testid="perf-none">工作簿中没有找到项目绩效表。可以在下方新建一张。</Text> : null}
      {forms && forms.length > 0 ? (
        <nav aria-label="项目列表">
          <ul className={styles.projects} {...arrowNav} data-testid="perf-projects">
            {forms.map((f, i) => (
              <li key={f.id}>
                <button
                  type="button"
                  className={mergeClasses(common.card, f.id === selected && styles.projectSelected)}
                  aria-current={f.id === selected ? "true" : undefined}
                  onClick={() => setSelected(f.id)}
                  data-testid={`perf-project-${i}`}
                >
                  <span className={mergeClasses(styles.projectName, common.clamp)}>{formName(f)}</span>
                  <span className={styles.status}>{formStatus(f.id === selected && shown ? shown : f)}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      {form ? (
        <>
          <FormView form={shown ?? form} drafts={formDrafts} onChange={onChange} />
          <div className={common.row}>
            <Button
              appearance="primary"
              icon={<SaveRegular />}
              disabled={edits.length === 0 || call.busy !== null}
              onClick={() => setConfirm(edits)}
              data-testid="perf-save"
            >
              保存到工作表{edits.length > 0 ? `（${edits.length} 处修改）` : ""}
            </Button>
            <Button
              icon={<ArrowUndoRegular />}
              disabled={edits.length === 0 || call.busy !== null}
              onClick={() => setDrafts((d) => ({ ...d, [form.id]: {} }))}
              data-testid="perf-discard"
            >
              放弃修改
            </Button>
          </div>
          {/* a failed save (or reload) is said where the user is: next to the form's buttons */}
          {call.error ? <ErrorBar message={call.error} onDismiss={call.clearError} testId="perf-error" /> : null}
          {notice?.at === "form" ? (
            <div ref={noticeRef} tabIndex={-1} role="status">
              <SuccessBar testId="perf-notice">{notice.text}</SuccessBar>
            </div>
          ) : null}
          <h4 style={{ margin: 0 }}>此表的检查结果</h4>
          {shown?.unsaved ? <Text size={200}>以下检查结果按尚未保存的修改计算。</Text> : null}
          {(shown ?? form).findings.length === 0 ? (
            <Text data-testid="perf-findings-none">未发现问题。</Text>
          ) : (
            <div {...arrowNav}>
              <FindingList findings={(shown ?? form).findings} onActivate={activate} testIdPrefix="perf-finding" />
            </div>
          )}
        </>
      ) : null}

      <section className={common.column} aria-label="新建绩效表">
        <h4 style={{ margin: 0 }}>新建绩效表</h4>
        <Field label="项目名称" validationMessage={newNameError ?? undefined} validationState={newNameError ? "error" : "none"}>
          <Input value={newName} onChange={(_, d) => setNewName(d.value)} maxLength={200} data-testid="perf-new-name" />
        </Field>
        <div className={common.row}>
          <Button icon={<AddRegular />} onClick={insert} disabled={call.busy !== null} data-testid="perf-new">
            新建绩效表
          </Button>
        </div>
        {notice?.at === "new" ? (
          <div ref={noticeRef} tabIndex={-1} role="status">
            <SuccessBar testId="perf-notice">{notice.text}</SuccessBar>
          </div>
        ) : null}
      </section>

      <ConfirmDialog
        open={confirm !== null}
        title="保存到工作表？"
        onConfirm={save}
        onCancel={() => setConfirm(null)}
        testId="perf-confirm"
        contentClassName={common.wrap}
      >
        将把以下 {confirm?.length ?? 0} 个单元格写入工作表“{form?.sheet}”：
        <ul>
          {(confirm ?? []).slice(0, 12).map((e) => (
            <li key={cellKey(e.sheet, e.cell)} className={common.clamp}>
              {e.cell}：{e.value === "" ? "（清空）" : e.value}
            </li>
          ))}
          {(confirm?.length ?? 0) > 12 ? <li>……另有 {(confirm?.length ?? 0) - 12} 个单元格</li> : null}
        </ul>
        只会修改这些单元格，不会改动表中的其他内容。
      </ConfirmDialog>
    </div>
  );
};
