import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Finding } from "../../src/findings";
import type { RecognitionReport } from "../../src/model/types";
import { detailText, findingAccessibleName, locationText, navTarget } from "./findingsModel";
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
  findingStatic: { cursor: "default" },
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
});

export interface FindingListProps {
  findings: Finding[];
  recognition?: RecognitionReport;
  /** Called when a finding is activated (click, Enter or Space). */
  onActivate(f: Finding): void;
  /** Each item gets data-testid `${testIdPrefix}-${index}`. */
  testIdPrefix: string;
}

/** Findings as a list of native buttons: focusable, Enter/Space activate; severity by icon and word. */
export const FindingList: React.FC<FindingListProps> = ({ findings, recognition, onActivate, testIdPrefix }) => {
  const styles = useStyles();
  const common = useCommonStyles();
  return (
    <ul className={styles.list}>
      {findings.map((f, i) => {
        const target = navTarget(f);
        const detail = detailText(f);
        const showQuote = f.text && !f.message.includes(f.text);
        return (
          <li key={i}>
            <button
              type="button"
              className={mergeClasses(common.card, !target && styles.findingStatic)}
              onClick={() => onActivate(f)}
              aria-label={findingAccessibleName(f, recognition)}
              aria-disabled={target ? undefined : true}
              title={target ? "转到此单元格" : f.row !== undefined ? "此问题来自粘贴的文本，无法在工作表中定位" : "此问题没有对应的单元格"}
              data-testid={`${testIdPrefix}-${i}`}
              data-severity={f.severity}
              data-rule={f.rule}
            >
              <span className={styles.head}>
                <SeverityTag severity={f.severity} />
                <span className={styles.location}>{locationText(f, recognition)}</span>
              </span>
              <span className={common.wrap}>{f.message}</span>
              {detail ? <span className={mergeClasses(styles.detail, common.wrap)}>{detail}</span> : null}
              {showQuote ? <span className={mergeClasses(styles.quote, common.clamp)}>原文：{f.text}</span> : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
};
