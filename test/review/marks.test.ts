import fc from "fast-check";
import { isFingerprint, judgeFindings, markVerified, mergeMarks, parseMarks, reopen, serializeMarks, type Marks } from "../../src/review/marks";
import { fingerprint, fingerprints } from "../../src/review/fingerprint";

const FP = "T1-1:081a9f60006f10";
const FP2 = "N-residue:1b190c8ef4289a#2";

describe("marks", () => {
  it("round-trips through serialize/parse, in sorted order", () => {
    let m: Marks = {};
    m = markVerified(m, FP2, "2026-12-03T10:00:00.000Z", "  已与财政局确认 ");
    m = markVerified(m, FP, "2026-12-03T09:00:00.000Z");
    const text = serializeMarks(m);
    expect(text).toBe(`{"v":1,"marks":{"${FP2}":{"status":"verified","note":"已与财政局确认","at":"2026-12-03T10:00:00.000Z"},"${FP}":{"status":"verified","at":"2026-12-03T09:00:00.000Z"}}}`);
    expect(parseMarks(text)).toEqual({ marks: m, problems: [] });
    // The object Excel's settings give back, and a bare record, read the same.
    expect(parseMarks(JSON.parse(text)).marks).toEqual(m);
    expect(parseMarks(m).marks).toEqual(m);
    expect(reopen(m, FP)).toEqual({ [FP2]: m[FP2] });
  });

  it("drops invalid entries with a Chinese reason, never throws", () => {
    const r = parseMarks({ v: 1, marks: { [FP]: { status: "verified", at: "2026-12-03" }, "C7": { status: "verified", at: "2026-12-03" }, [FP2]: { status: "open", at: "x" } } });
    expect(Object.keys(r.marks)).toEqual([FP]);
    expect(r.problems).toEqual(["2 条已核实标记无效，已忽略"]);
    expect(parseMarks("{oops").problems[0]).toContain("不是有效的 JSON");
    expect(parseMarks([1, 2]).marks).toEqual({});
    expect(parseMarks(undefined)).toEqual({ marks: {}, problems: [] });
    expect(parseMarks({ v: 9, marks: {} }).problems[0]).toContain("更新的版本");
    fc.assert(fc.property(fc.jsonValue(), (v) => typeof parseMarks(v).problems.length === "number"));
    fc.assert(fc.property(fc.string(), (s) => typeof parseMarks(s).problems.length === "number"));
  });

  it("merges with the later mark winning", () => {
    const a = markVerified({}, FP, "2026-12-01T00:00:00Z", "旧");
    const b = markVerified({}, FP, "2026-12-02T00:00:00Z", "新");
    expect(mergeMarks(a, b)[FP].note).toBe("新");
    expect(mergeMarks(b, a)[FP].note).toBe("新");
    expect(isFingerprint("T1-1:081a9f60006f10#3")).toBe(true);
    expect(isFingerprint("公开01表!C7")).toBe(false);
    expect(() => markVerified({}, "C7", "2026-12-01")).toThrow();
  });
});

describe("judgeFindings", () => {
  it("folds marked findings, tells twins apart and lists marks of findings no longer reported", () => {
    const a = { rule: "N-residue", severity: "error" as const, message: "m", sheet: "情况说明", row: 3, text: "×××" };
    const b = { ...a, row: 9 };
    const fps = fingerprints([a, b]);
    const marks = markVerified(markVerified({}, fps[1], "2026-12-03T00:00:00Z"), "T1-1:00000000000000", "2026-12-01T00:00:00Z");
    const j = judgeFindings([a, b], marks);
    expect(j.open.map((x) => x.finding.row)).toEqual([3]);
    expect(j.verified.map((x) => [x.finding.row, x.fingerprint])).toEqual([[9, `${fingerprint(a)}#2`]]);
    expect(j.stale).toEqual(["T1-1:00000000000000"]);
  });
});
