import { EXTRACTORS, TOKEN_READERS } from "../../src/narrative/extract";
import { amounts } from "../../src/narrative/extract/amounts";
import { changes, flatChanges } from "../../src/narrative/extract/changes";
import { charts } from "../../src/narrative/extract/charts";
import { classes } from "../../src/narrative/extract/classes";
import { counts } from "../../src/narrative/extract/counts";
import { enumerations } from "../../src/narrative/extract/enumerations";
import { enumMarkers } from "../../src/narrative/extract/enumMarkers";
import { executions } from "../../src/narrative/extract/executions";
import { projects } from "../../src/narrative/extract/projects";
import { reasons } from "../../src/narrative/extract/reasons";
import { shares } from "../../src/narrative/extract/shares";
import { subjects } from "../../src/narrative/extract/subjects";
import { type ParagraphCtx, sentenceStarts } from "../../src/narrative/extract/util";
import { parseNarrative } from "../../src/narrative/parse";
import type { Claim, ParsedParagraph } from "../../src/narrative/types";

/** Runs the registered extractors on one body paragraph of section `canonical`, as parseBody does. */
function run(text: string, canonical: string, claims: Claim[] = []): Claim[] {
  const paragraph: ParsedParagraph = { row: 1, text, kind: "body", section: canonical, canonical, part: "report" };
  const base = { row: 1, section: canonical, canonical };
  const ctx: ParagraphCtx = {
    paragraph,
    text,
    bodyStart: 0,
    starts: sentenceStarts(text),
    base,
    span: (start, end) => ({ ...base, start, end, text: text.slice(start, end).trim() }),
    options: {},
    sectionAmounts: [],
    first: claims.length,
  };
  for (const x of EXTRACTORS) x.extract(ctx, claims);
  return claims.slice(ctx.first);
}
const kinds = (cs: Claim[]) => cs.map((c) => c.kind);

describe("claim extractors", () => {
  test("every extractor module is registered, once, in its place", () => {
    expect(EXTRACTORS.map((x) => x.name)).toEqual([
      "charts",
      "enumMarkers",
      "figures",
      "flatChanges",
      "reasons",
      "enumerations",
      "classes",
      "subjects",
      "projects",
    ]);
    for (const x of [charts, enumMarkers, flatChanges, reasons, enumerations, classes, subjects, projects]) expect(EXTRACTORS).toContain(x);
    expect([...TOKEN_READERS]).toEqual([changes, executions, shares, amounts, counts]);
  });

  test("amounts, a change with its rate, and the reason", () => {
    const cs = run("2020年度支出总计100.00万元，比上年增加10.00万元，增长11.11%。主要原因是人员增加。", "1");
    expect(kinds(cs)).toEqual(["amount", "change", "reason"]);
    expect(cs[1]).toMatchObject({ direction: "increase", rateDirection: "increase", current: cs[0] });
    expect(cs[1]).toMatchObject({ text: "比上年增加10.00万元，增长11.11%" });
  });

  test("shares of the amounts before them make an unmarked enumeration", () => {
    const cs = run("基本支出60.00万元，占60.00%；项目支出40.00万元，占40.00%。", "7.2");
    expect(kinds(cs)).toEqual(["amount", "share", "amount", "share", "enumeration"]);
    expect(cs[1]).toMatchObject({ of: cs[0] });
  });

  test("chart marker, 一是/二是, a count and a flat change", () => {
    const cs = run("一是公务用车保有量3辆；二是与上年持平。（图1：收入结构）", "7");
    expect(kinds(cs)).toEqual(["chart", "enumMarkers", "count", "change"]);
    expect(cs[3]).toMatchObject({ direction: "flat" });
  });

  test("五(二): an enumeration after 其中 and the class renderings of its items", () => {
    const cs = run("一般公共预算财政拨款支出100.00万元，其中：一般公共服务（类）支出60.00万元，占60.00%；教育（类）支出40.00万元，占40.00%。", "5.2");
    expect(kinds(cs)).toEqual(["amount", "amount", "share", "amount", "share", "enumeration", "class", "class"]);
  });

  test("五(三): a 科目 path with its amount and execution rate", () => {
    const cs = run("一般公共服务（类）人大事务（款）行政运行（项）：支出决算为10.00万元，完成年初预算的100.00%。", "5.3");
    expect(kinds(cs)).toEqual(["amount", "execution", "subject"]);
    expect(cs[2]).toMatchObject({ lei: "一般公共服务", amount: cs[0], execution: cs[1] });
  });

  test("a project's 综述 with its budget, actual and rate", () => {
    const cs = run("（1）“档案数字化”项目绩效目标完成情况综述。项目年初预算为10.00万元，执行数为9.00万元，完成预算的90.00%。", "10.4");
    expect(kinds(cs)).toEqual(["amount", "amount", "execution", "project"]);
    expect(cs[3]).toMatchObject({ index: 1, name: "档案数字化", budget: cs[0], actual: cs[1], execution: cs[2] });
  });

  test("parseNarrative's claims of a body paragraph are the extractors' claims", () => {
    const text = "2020年度支出总计100.00万元，比上年增加10.00万元，增长11.11%。主要原因是人员增加。";
    const parsed = parseNarrative([{ row: 1, text: "一、收入支出决算总体情况说明" }, { row: 2, text }], { year: 2020 });
    expect(kinds(parsed.claims)).toEqual(kinds(run(text, "1")));
  });
});
