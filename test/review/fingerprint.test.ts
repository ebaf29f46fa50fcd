import { checkWorkbook } from "../../src/checks";
import type { Finding } from "../../src/findings";
import { fingerprint, fingerprintParts, fingerprints, maskMessage } from "../../src/review/fingerprint";
import { example, snapshotOf } from "../helpers/fixtures";
import { insertRows, plant, setAt, sheetOf } from "./helpers";

const EXAMPLE = example("example-sichuan-2020.xlsx");

async function planted() {
  const s = await snapshotOf(EXAMPLE);
  plant(s);
  return s;
}

const byRule = (fs: Finding[]) => new Map(fs.map((f) => [`${f.rule}|${f.sheet}|${f.text ?? ""}`, fingerprint(f)]));

describe("fingerprint", () => {
  it("the planted example has table and narrative findings with distinct fingerprints", async () => {
    const f = checkWorkbook(await planted()).findings;
    expect(f.some((x) => x.cell && x.sheet === "公开01表")).toBe(true);
    expect(f.some((x) => x.sheet === "情况说明" && x.row !== undefined)).toBe(true);
    const fps = fingerprints(f);
    expect(new Set(fps).size).toBe(f.length);
    for (const fp of fps) expect(fp).toMatch(/^[A-Za-z0-9-]+:[0-9a-f]{14}(#\d+)?$/);
  });

  it("is unchanged when rows are inserted above the tables and inside the narrative", async () => {
    const before = checkWorkbook(await planted()).findings;
    const s = await planted();
    for (const sheet of s.sheets) insertRows(s, sheet.name, 0, 2);
    // One more blank row between 公开01表's title block and its header, and one line in the narrative.
    insertRows(s, "公开01表", 4, 1, [null]);
    const narrative = sheetOf(s, "情况说明");
    insertRows(s, "情况说明", narrative.origin.row + 1, 1, ["（本段为插入的说明文字）"]);
    const after = checkWorkbook(s).findings;

    // The places moved…
    const cellsBefore = before.filter((x) => x.cell).map((x) => `${x.sheet}!${x.cell}`);
    const cellsAfter = after.filter((x) => x.cell).map((x) => `${x.sheet}!${x.cell}`);
    expect(cellsAfter).not.toEqual(cellsBefore);
    expect(after.find((x) => x.rule === "N-1")?.row).not.toBe(before.find((x) => x.rule === "N-1")?.row);
    // …the fingerprints did not.
    const same = (fs: Finding[]) => fs.filter((x) => x.rule !== "N-numbering-gap" && x.rule !== "N-heading-number");
    expect(fingerprints(same(after)).sort()).toEqual(fingerprints(same(before)).sort());
  });

  it("changes when a compared figure changes, and only for the findings that compared it", async () => {
    const before = byRule(checkWorkbook(await planted()).findings);
    const s = await planted();
    setAt(s, "公开01表", 6, 2, 217.04); // 一般公共预算财政拨款收入 216.04 → 217.04
    const after = byRule(checkWorkbook(s).findings);
    // T1-1 compares 本年收入合计 with the sum of the incomes: new.
    expect(after.get("T1-1|公开01表|")).toBeDefined();
    expect(after.get("T1-1|公开01表|")).not.toBe(before.get("T1-1|公开01表|"));
    // X-3b (住房保障支出 in 01 vs 03) did not look at C7: the same finding.
    expect(after.get("X-3b|公开01表|")).toBe(before.get("X-3b|公开01表|"));
  });

  it("uses the check's subject when it has one, never the address", () => {
    const f: Finding = { rule: "T5-2", severity: "error", message: "x", sheet: "公开05表", cell: "F25", stated: "1.00", expected: "2.00", subject: "T05/2010101/total" };
    expect(fingerprint({ ...f, cell: "F26", message: "y" })).toBe(fingerprint(f));
    expect(fingerprint({ ...f, expected: "2.01" })).not.toBe(fingerprint(f));
    expect(fingerprint({ ...f, subject: "T05/2010102/total" })).not.toBe(fingerprint(f));
    expect(fingerprint({ ...f, stated: "1" })).toBe(fingerprint({ ...f, stated: "1" }));
    expect(fingerprint({ ...f, stated: "1,000.00" })).toBe(fingerprint({ ...f, stated: "1000.00" }));
  });

  it("derives the subject from the message without addresses, sheet rows and figures", () => {
    const m = maskMessage("补充数据第12行的项目“x”在（公开01表!C7）与'Sheet 1'!$A$1:B2，合计2,940.05万元，占100.00%，2010101 行政运行，2020年");
    expect(m.masked).toBe("补充数据第#行的项目“x”在（@）与@，合计#万元，占#%，2010101行政运行，2020年");
    expect(m.figures).toEqual(["2940.05", "100.00"]);
    const p = fingerprintParts({ rule: "R-3", severity: "info", message: "补充数据第12行的项目“x”无法识别", sheet: "补充数据", cell: "A12" });
    expect(p.subject).toBe("补充数据|补充数据第#行的项目“x”无法识别");
  });

  it("tells equal findings of one run apart by their order", () => {
    const f: Finding = { rule: "N-residue", severity: "error", message: "m", sheet: "情况说明", row: 3, text: "×××" };
    expect(fingerprints([f, { ...f, row: 9 }, { ...f, text: "y" }])).toEqual([fingerprint(f), `${fingerprint(f)}#2`, fingerprint({ ...f, text: "y" })]);
  });
});
