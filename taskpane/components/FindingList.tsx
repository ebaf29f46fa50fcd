import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Finding } from "../../src/findings";
import type { PastedText } from "../../src/checks/report";
import type { RecognitionReport } from "../../src/model/types";
import { detailText, findingAccessibleName, findingTooltip, locationText, navTarget } from "./findingsModel";
import { SeverityTag, useCommonStyles } from "./common";

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    listStyleType: "none",
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  item: {
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  /** The card's main part, inside the item's border. */
  main: {
    border: "none",
    backgroundColor: "transparent",
  },
  findingStatic: { cursor: "default", ":hover": { backgroundColor: "transparent" } },
  head: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
    minWidth: 0,
  },
  location: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere", minWidth: 0 },
  detail: { color: tokens.colorNeutralForeground2 },
  quote: {
    color: tokens.colorNeutralForeground3,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  below: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `0 ${tokens.spacingHorizontalM} ${tokens.spacingVerticalS}`,
    minWidth: 0,
  },
});

/** Focus management across several lists: one finding (its main part and its actions) is in the Tab order. */
export interface FindingRoving {
  /** Index of this list's first finding among all findings shown. */
  start: number;
  /** Index of the finding that is in the Tab order. */
  active: number;
  onFocusIndex(i: number): void;
}

export interface FindingListProps {
  findings: Finding[];
  recognition?: RecognitionReport;
  /** When the narrative was pasted text: its findings are placed by paragraph and do not navigate. */
  pasted?: PastedText;
  /** Called when a finding is activated (click, Enter or Space); only findings with a place in the workbook. */
  onActivate(f: Finding): void;
  /** Each item gets data-testid `${testIdPrefix}-${index}`. */
  testIdPrefix: string;
  /** Roving focus (arrow keys are handled by the container): without it every finding is in the Tab order. */
  roving?: FindingRoving;
  /** Below the finding's text, outside its button: basis, what to do, actions (given the tabIndex to use). */
  renderBelow?: (f: Finding, index: number, tabIndex: number) => React.ReactNode;
}

/**
 * Findings as a list: a finding that has a place in the workbook is a native button (Enter/Space go
 * there); one without (pasted text, the whole report) is a focusable text that says where it is.
 * Severity by icon and word; the rule id in the tooltip.
 */
export const FindingList: React.FC<FindingListProps> = ({ findings, recognition, pasted, onActivate, testIdPrefix, roving, renderBelow }) => {
  const styles = useStyles();
  const common = useCommonStyles();
  return (
    <ul className={styles.list}>
      {findings.map((f, i) => {
        const target = navTarget(f, pasted);
        const detail = detailText(f);
        const showQuote = f.text && !f.message.includes(f.text);
        const index = (roving?.start ?? 0) + i;
        const tabIndex = roving ? (index === roving.active ? 0 : -1) : 0;
        const onFocus = roving ? () => roving.onFocusIndex(index) : undefined;
        const content = (
          <>
            <span className={styles.head}>
              <SeverityTag severity={f.severity} />
              <span className={styles.location}>{locationText(f, recognition, pasted)}</span>
            </span>
            <span className={common.wrap}>{f.message}</span>
            {detail ? <span className={mergeClasses(styles.detail, common.wrap)}>{detail}</span> : null}
            {showQuote ? <span className={mergeClasses(styles.quote, common.clamp)}>原文：{f.text}</span> : null}
          </>
        );
        const common_ = {
          className: mergeClasses(common.card, styles.main, !target && styles.findingStatic),
          "aria-label": findingAccessibleName(f, recognition, pasted),
          title: findingTooltip(f, pasted),
          "data-testid": `${testIdPrefix}-${i}`,
          "data-severity": f.severity,
          "data-rule": f.rule,
          "data-finding-index": index,
          tabIndex,
          onFocus,
        };
        const below = renderBelow?.(f, index, tabIndex);
        return (
          <li key={i} className={styles.item} onFocus={onFocus}>
            {target ? (
              <button type="button" {...common_} onClick={() => onActivate(f)}>
                {content}
              </button>
            ) : (
              <div role="group" {...common_}>
                {content}
              </div>
            )}
            {below ? <div className={styles.below}>{below}</div> : null}
          </li>
        );
      })}
    </ul>
  );
};
