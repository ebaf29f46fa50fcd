import * as React from "react";
import {
  makeStyles,
  mergeClasses,
  tokens,
  Button,
  Dropdown,
  Option,
  Text,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular, SaveRegular } from "@fluentui/react-icons";
import type { TableKey } from "../../src/model/types";
import { tableName } from "../../src/checks/report";
import type { CheckOutcome, PaneServices } from "../services";
import { mergeOverrides, overridesChanged, sheetChoices } from "./recognitionModel";
import { splitNotes } from "../../src/checks/report";
import { Busy, ConfirmDialog, DROPDOWN_CLEAR, ErrorBar, SuccessBar, useCommonStyles, useServiceCall } from "./common";

const NONE = "__none__";
const LIST_LIMIT = 50;

const useStyles = makeStyles({
  table: {
    borderCollapse: "collapse",
    width: "100%",
    tableLayout: "fixed",
    "& th, & td": {
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: tokens.spacingHorizontalXS,
      verticalAlign: "top",
      textAlign: "start",
      overflowWrap: "anywhere",
    },
    "& th": { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  dropdown: { minWidth: 0, width: "100%" },
});

export interface RecognitionTabProps {
  services: PaneServices;
  outcome: CheckOutcome | null;
  onOutcome(outcome: CheckOutcome): void;
}

export const RecognitionTab: React.FC<RecognitionTabProps> = ({ services, outcome, onOutcome }) => {
  const styles = useStyles();
  const common = useCommonStyles();
  const call = useServiceCall();
  const [choices, setChoices] = React.useState<Partial<Record<TableKey, string>>>({});
  const [confirm, setConfirm] = React.useState(false);
  const [saved, setSaved] = React.useState(false);
  const savedRef = React.useRef<HTMLDivElement>(null);

  // After 保存 the message takes the focus (not the page body).
  React.useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  // New recognition results replace the pending choices.
  React.useEffect(() => {
    setChoices({});
  }, [outcome]);

  const recognise = async () => {
    setSaved(false);
    const r = await call.run("识别工作表", "正在识别工作表……", () => services.runCheck());
    if (r) onOutcome(r);
  };

  const save = async () => {
    if (!outcome) return;
    setConfirm(false);
    const overrides = mergeOverrides(outcome.recognition, choices);
    const ok = await call.run("保存识别设置", "正在保存到工作簿……", async () => {
      await services.saveOverrides(overrides);
      return true;
    });
    if (ok) setSaved(true);
  };

  if (!outcome) {
    return (
      <div className={common.column} data-testid="recognition-tab">
        <Text>尚未识别。按下面的按钮读取工作簿，查看找到了哪些报表。</Text>
        <div className={common.row}>
          <Button appearance="primary" onClick={recognise} disabled={call.busy !== null} data-testid="recognition-run">
            识别工作表
          </Button>
        </div>
        {call.busy ? <Busy label={call.busy} testId="recognition-busy" /> : null}
        {call.error ? <ErrorBar message={call.error} onDismiss={call.clearError} testId="recognition-error" /> : null}
      </div>
    );
  }

  const rec = outcome.recognition;
  // What the reader could not use, said by the checks (R-3 is the list of unknown labels below).
  const notes = splitNotes(outcome.findings).notes.filter((f) => f.rule !== "R-3");
  const sheets = sheetChoices(rec, outcome.sheetNames);
  const changed = overridesChanged(rec, choices);

  const sheetDropdown = (key: TableKey, current: string | undefined) => {
    const value = choices[key] ?? current ?? "";
    return (
      <Dropdown
        className={mergeClasses(styles.dropdown, common.focusOutline)}
        clearButton={DROPDOWN_CLEAR}
        aria-label={`${tableName(key)}所在的工作表`}
        placeholder="选择工作表"
        value={value === "" ? "" : value}
        selectedOptions={[value === "" ? NONE : value]}
        onOptionSelect={(_, d) => {
          setSaved(false);
          setChoices((c) => ({ ...c, [key]: d.optionValue === NONE || !d.optionValue ? "" : d.optionValue }));
        }}
        data-testid={`recognition-override-${key}`}
      >
        <Option value={NONE} text="（不指定）">
          （不指定）
        </Option>
        {sheets.map((s) => (
          <Option key={s} value={s} text={s}>
            {s}
          </Option>
        ))}
      </Dropdown>
    );
  };

  return (
    <div className={common.column} data-testid="recognition-tab">
      <div className={common.row}>
        <Button icon={<ArrowClockwiseRegular />} onClick={recognise} disabled={call.busy !== null} data-testid="recognition-run">
          重新识别
        </Button>
      </div>
      {call.busy ? <Busy label={call.busy} testId="recognition-busy" /> : null}
      {call.error ? <ErrorBar message={call.error} onDismiss={call.clearError} testId="recognition-error" /> : null}
      {saved ? (
        <div ref={savedRef} tabIndex={-1} role="status">
          <SuccessBar testId="recognition-saved">已保存到工作簿。请按“重新识别”或在“检查”页签重新检查，使设置生效。</SuccessBar>
        </div>
      ) : null}

      <h3 className={styles.heading}>已识别的报表（{rec.tables.length} 张）</h3>
      {rec.tables.length === 0 ? (
        <Text>没有识别到任何报表。</Text>
      ) : (
        <table className={styles.table} data-testid="recognition-tables">
          <thead>
            <tr>
              <th scope="col" style={{ width: "22%" }}>报表</th>
              <th scope="col">工作表</th>
              <th scope="col" style={{ width: "16%" }}>单位</th>
            </tr>
          </thead>
          <tbody>
            {rec.tables.map((t) => (
              <tr key={t.key} data-testid={`recognition-table-${t.key}`}>
                <th scope="row">{tableName(t.key)}</th>
                <td>
                  {t.byOverride ? (
                    <>
                      {sheetDropdown(t.key, t.sheet)}
                      <Text size={200}>（手动指定）</Text>
                    </>
                  ) : (
                    <span className={common.clamp} title={t.title}>
                      {t.sheet}
                    </span>
                  )}
                </td>
                <td>{t.unit}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {rec.missing.length > 0 ? (
        <>
          <h3 className={styles.heading}>未找到的报表（{rec.missing.length} 张）</h3>
          <Text size={200}>若报表在某个工作表中但未被识别，请在此指定它所在的工作表，然后保存到工作簿。</Text>
          <table className={styles.table} data-testid="recognition-missing">
            <tbody>
              {rec.missing.map((key) => (
                <tr key={key} data-testid={`recognition-missing-${key}`}>
                  <th scope="row" style={{ width: "22%" }}>{tableName(key)}</th>
                  <td>{sheetDropdown(key, undefined)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      {rec.missing.length > 0 || rec.tables.some((t) => t.byOverride) ? (
        <div className={common.row}>
          <Button
            appearance="primary"
            icon={<SaveRegular />}
            disabled={!changed || call.busy !== null}
            onClick={() => setConfirm(true)}
            data-testid="recognition-save"
          >
            保存到工作簿
          </Button>
        </div>
      ) : null}

      <h3 className={styles.heading}>其他内容</h3>
      <ul className={styles.list} data-testid="recognition-other">
        <li className={common.wrap}>
          情况说明：{rec.narrative ? `工作表“${rec.narrative.sheet}”，${rec.narrative.paragraphs} 段` : "未找到"}
        </li>
        <li className={common.wrap}>
          补充数据：{rec.supplement ? `工作表“${rec.supplement.sheet}”，${rec.supplement.rows} 行，单位 ${rec.supplement.unit}` : "未找到"}
        </li>
        <li className={common.wrap}>绩效表：{rec.forms.length > 0 ? `${rec.forms.length} 张` : "未找到"}</li>
      </ul>

      {rec.unclassifiedRows.length > 0 ? (
        <>
          <h3 className={styles.heading}>未能归类的行（{rec.unclassifiedRows.length} 行）</h3>
          <ul className={styles.list} data-testid="recognition-unclassified">
            {rec.unclassifiedRows.slice(0, LIST_LIMIT).map((r, i) => (
              <li key={i} className={common.clamp}>
                {r.sheet} 第{r.row}行：{r.label}
              </li>
            ))}
            {rec.unclassifiedRows.length > LIST_LIMIT ? <li>……另有 {rec.unclassifiedRows.length - LIST_LIMIT} 行</li> : null}
          </ul>
        </>
      ) : null}

      {rec.unknownSupplementLabels.length > 0 ? (
        <>
          <h3 className={styles.heading}>补充数据中不认识的项目（{rec.unknownSupplementLabels.length} 个，未参与检查）</h3>
          <ul className={styles.list} data-testid="recognition-unknown-labels">
            {rec.unknownSupplementLabels.slice(0, LIST_LIMIT).map((r, i) => (
              <li key={i} className={common.clamp}>
                第{r.row}行：{r.label}
              </li>
            ))}
            {rec.unknownSupplementLabels.length > LIST_LIMIT ? <li>……另有 {rec.unknownSupplementLabels.length - LIST_LIMIT} 个</li> : null}
          </ul>
        </>
      ) : null}

      {notes.length > 0 ? (
        <>
          <h3 className={styles.heading}>识别说明（{notes.length} 条，未参与检查）</h3>
          <ul className={styles.list} data-testid="recognition-notes">
            {notes.map((f, i) => (
              <li key={i} className={common.wrap} title={`规则 ${f.rule}`}>
                {f.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {rec.messages.length > 0 ? (
        <>
          <h3 className={styles.heading}>说明</h3>
          <ul className={styles.list} data-testid="recognition-messages">
            {rec.messages.map((m, i) => (
              <li key={i} className={common.wrap}>
                {m}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <ConfirmDialog open={confirm} title="保存识别设置到工作簿？" onConfirm={save} onCancel={() => setConfirm(false)} testId="recognition-confirm">
        设置将保存在本工作簿中，下次打开时仍然有效。
        注意：保存后，Excel 的“撤销”历史将被清空，此前的操作无法再撤销。确定要保存吗？
      </ConfirmDialog>
    </div>
  );
};
