/**
 * 已核实 marks in the pane: folded by fingerprint, kept in the workbook's settings (juesuan.marks) with
 * one write sync, read back with the workbook's one read sync, a changed figure makes the finding open
 * again; the summary counts what is open. On the fake Excel, with the repo's example workbook.
 */
import { createHostServices } from "../../taskpane/hostServices";
import { forgetWorkbook, primeSheetNames } from "../../taskpane/excel";
import { ALL_SEVERITIES, findingsView } from "../../taskpane/components/findingsModel";
import { openSummary, splitByMarks, withReopened, withVerified } from "../../taskpane/components/marksModel";
import { reportText } from "../../src/checks/report";
import { fingerprints } from "../../src/review/fingerprint";
import { MARKS_SETTING_KEY, parseMarks } from "../../src/review/marks";
import { createFakeExcel } from "../fake-excel";
import { example, setCell, snapshotOf } from "../helpers/fixtures";
import { findings } from "./fixtures";

async function setup() {
  const snapshot = await snapshotOf(example("example-sichuan-2020.xlsx"));
  setCell(snapshot, "公开01表", "C7", 216.04); // 一般公共预算财政拨款收入 (was 215.04): totals no longer add up
  const fake = createFakeExcel(snapshot);
  const services = createHostServices({ excel: fake.Excel, copy: async () => undefined });
  forgetWorkbook(fake.Excel);
  await primeSheetNames(fake.Excel);
  fake.state.resetSyncCount();
  return { fake, services };
}

describe("marks model", () => {
  const fps = fingerprints(findings);
  it("folds a marked finding by its fingerprint and counts what is open", () => {
    const marks = withVerified(undefined, fps[2], " 已与财务核对 ", "2026-12-03T10:00:00.000Z");
    const split = splitByMarks(findings, marks);
    expect(split.open).toHaveLength(findings.length - 1);
    expect(split.verified.map((v) => v.finding)).toEqual([findings[2]]);
    expect(split.verified[0].mark).toEqual({ status: "verified", note: "已与财务核对", at: "2026-12-03T10:00:00.000Z" });
    const v = findingsView(findings, ALL_SEVERITIES, { marks });
    expect(v.total).toBe(findings.length - 1);
    expect(v.counts.error).toBe(2);
    expect(v.verified).toHaveLength(1);
    expect(v.groups.flatMap((g) => g.findings)).not.toContain(findings[2]);
    expect(openSummary(v.total, v.verified.length)).toBe("共 8 条待处理（已核实 1 条）");
    expect(openSummary(9, 0)).toBe("共 9 条");
  });
  it("reopens", () => {
    const marks = withReopened(withVerified(undefined, fps[0], ""), fps[0]);
    expect(splitByMarks(findings, marks).verified).toEqual([]);
  });
  it("a finding whose figures changed is new again", () => {
    const marks = withVerified(undefined, fps[1], "");
    const changed = findings.map((f, i) => (i === 1 ? { ...f, stated: "223.36", message: "合计与明细差0.02万元" } : f));
    expect(splitByMarks(changed, marks).verified).toEqual([]);
  });
});

describe("marks through the adapter", () => {
  it("mark: one write sync into juesuan.marks; the next check (one sync) folds it; the report lists it apart", async () => {
    const { fake, services } = await setup();
    const first = await services.runCheck();
    expect(fake.state.syncCount).toBe(1);
    expect(first.fingerprints).toHaveLength(first.findings.length);
    expect(first.marks).toEqual({});
    const view = findingsView(first.findings, ALL_SEVERITIES, { recognition: first.recognition, fingerprints: first.fingerprints, marks: first.marks });
    expect(view.total).toBeGreaterThan(1);
    const target = view.groups[0].findings[0];
    const fp = view.fingerprintOf.get(target)!;

    fake.state.resetSyncCount();
    const writes = fake.state.settingsWrites;
    await services.saveMarks!(withVerified(first.marks, fp, "已核对", "2026-12-03T10:00:00.000Z"));
    expect(fake.state.syncCount).toBe(1);
    expect(fake.state.settingsWrites).toBe(writes + 1);
    expect(Object.keys(parseMarks(fake.state.settings[MARKS_SETTING_KEY]).marks)).toEqual([fp]);

    fake.state.resetSyncCount();
    const again = await services.runCheck();
    expect(fake.state.syncCount).toBe(1);
    const folded = findingsView(again.findings, ALL_SEVERITIES, { recognition: again.recognition, fingerprints: again.fingerprints, marks: again.marks });
    expect(folded.verified.map((v) => v.finding.message)).toEqual([target.message]);
    expect(folded.total).toBe(view.total - 1);
    expect(folded.verified[0].mark.note).toBe("已核对");

    const open = again.findings.filter((f) => !folded.verified.some((v) => v.finding === f));
    const text = reportText(open, again.recognition, { verified: folded.verified.map((v) => ({ finding: v.finding, note: v.mark.note })) });
    expect(text).toContain("待处理");
    expect(text).toContain("【已核实 1 条】");
    expect(text).toContain("核实说明：已核对");
  });

  it("an unreadable marks setting is said, not a crash; the findings stay open", async () => {
    const { fake, services } = await setup();
    await services.saveMarks!({});
    fake.state.userEdit("公开01表", "A1", fake.state.sheet("公开01表")!.cell("A1")); // no-op edit: the workbook as is
    const snapshot = fake.state.snapshot();
    snapshot.settings = { ...(snapshot.settings ?? {}), [MARKS_SETTING_KEY]: "{不是 JSON" };
    const broken = createFakeExcel(snapshot);
    const outcome = await createHostServices({ excel: broken.Excel, copy: async () => undefined }).runCheck();
    expect(outcome.marks).toEqual({});
    expect(outcome.marksProblems?.[0]).toMatch(/已核实标记无法读取/);
  });
});
