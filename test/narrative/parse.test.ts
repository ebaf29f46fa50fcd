import { parseNarrative } from "../../src/narrative/parse";
import type { Claim, ParsedNarrative } from "../../src/narrative/types";

const P = (...texts: string[]) => texts.map((text, i) => ({ row: i + 1, text }));
const claimsOf = <K extends Claim["kind"]>(p: ParsedNarrative, kind: K) => p.claims.filter((c): c is Extract<Claim, { kind: K }> => c.kind === kind);
const bySlot = (p: ParsedNarrative, slot: string) => p.claims.find((c) => c.slot === slot);

describe("sections", () => {
  test("Sichuan outline, including the seed's unnumbered first heading and 名词解释", () => {
    const p = parseNarrative(
      P("第二部分 2020年度部门决算情况说明", "收入支出决算总体情况说明", "2020年度收、支总计236.01万元。", " 二、收入决算情况说明", "五、一般公共预算财政拨款支出决算情况说明",
        " （三）一般公共预算财政拨款支出决算具体情况", "十、其他重要事项的情况说明", "（四）预算绩效管理情况。", "对7个项目编制了绩效目标。", "名词解释", "1.财政拨款收入：指…"),
    );
    expect(p.year).toBe(2020);
    expect(p.template).toBe("sichuan-2020");
    expect(p.paragraphs.map((x) => x.section)).toEqual(["report", "1", "1", "2", "5", "5.3", "10", "10.4", "10.4", "glossary", "glossary"]);
    expect(p.sections[0]).toMatchObject({ id: "1" });
    expect(p.sections[0].numbering).toBeUndefined();
    expect(p.parts.find((x) => x.part === "glossary")).toMatchObject({ row: 10, numbered: false });
  });

  test("national 2024 outline maps 十 and 十一 to canonical 10.4 and 10.x", () => {
    const p = parseNarrative(P("第三部分 上海市XX局2024年度部门决算情况说明", "十、预算绩效管理情况", "对5个项目开展了绩效目标完成情况自评。", "十一、其他重要事项的情况说明", "（一）机关运行经费支出情况", "机关运行经费支出12.00万元，与2023年度持平。", "第四部分 名词解释", "一、财政拨款收入：指…"));
    expect(p.template).toBe("national-2024");
    expect(p.paragraphs.map((x) => `${x.section}/${x.canonical}`)).toEqual([
      "report/report", "10/10.4", "10/10.4", "11/10", "11.1/10.1", "11.1/10.1", "glossary/glossary", "glossary/glossary",
    ]);
    expect(bySlot(p, "10.4.count:selfEval")).toMatchObject({ value: 5 });
    expect(bySlot(p, "10.1.total")).toMatchObject({ label: "机关运行经费支出" });
    expect(bySlot(p, "10.1.change")).toMatchObject({ direction: "flat", priorYear: 2023 });
    expect(claimsOf(p, "glossary")[0]).toMatchObject({ index: 1, separator: "、", term: "财政拨款收入" });
  });
});

describe("claims", () => {
  const sec = (h: string, ...body: string[]) => parseNarrative(P(h, ...body), { year: 2020 });

  test("labelled amounts and YoY changes with direction words", () => {
    const p = sec("一、收入支出决算总体情况说明", "2020年度收、支总计236.01万元。与2019年相比，收入总计减少157.39万元，下降40.01%;支出总计减少148.94万元，下降40.01%。主要变动原因是人员变动。");
    expect(bySlot(p, "1.total")).toMatchObject({ kind: "amount", unit: "万元", row: 2 });
    expect((bySlot(p, "1.total") as { value: { toString(): string } }).value.toString()).toBe("236.01");
    const inc = bySlot(p, "1.incomeChange") as Extract<Claim, { kind: "change" }>;
    expect(inc).toMatchObject({ direction: "decrease", rateDirection: "decrease", priorYear: 2019, text: "收入总计减少157.39万元，下降40.01%" });
    expect(inc.amount!.toString()).toBe("157.39");
    expect(inc.current!.value.toString()).toBe("236.01");
    expect(bySlot(p, "1.expenseChange")).toMatchObject({ subject: "支出总计" });
    expect(claimsOf(p, "reason")[0].reason).toBe("人员变动");
  });

  test("“其中” enumeration with shares", () => {
    const p = sec("三、支出决算情况说明", "2020年本年支出合计223.34万元，其中：基本支出131.63万元，占58.94%；项目支出91.71万元，占41.06%；上缴上级支出0万元，占0%。");
    const e = claimsOf(p, "enumeration")[0];
    expect(e.total!.value.toString()).toBe("223.34");
    expect(e.items.map((i) => [i.label, i.amount.value.toString(), i.share!.value.toString()])).toEqual([
      ["基本支出", "131.63", "58.94"], ["项目支出", "91.71", "41.06"], ["上缴上级支出", "0", "0"],
    ]);
    expect(bySlot(p, "3.item:基本支出")).toBeDefined();
    expect(bySlot(p, "3.share:项目支出")).toMatchObject({ kind: "share" });
  });

  test("五(二) classes get their 类 code and rendering", () => {
    const p = sec("（二）一般公共预算财政拨款支出决算结构情况", "2020年一般公共预算财政拨款支出223.35万元，主要用于以下方面:一般公共服务（类）支出198.78万元，占89%；卫生健康支出5.2万元，占2.33%；医疗卫生与计划生育（类）支出1万元，占0.45%。");
    // the heading is level 2 without a parent: still recognised by its title
    expect(p.paragraphs[1].canonical).toBe("5.2");
    expect(bySlot(p, "5.2.total")).toBeDefined();
    expect(bySlot(p, "5.2.item:201")).toMatchObject({ raw: "198.78万元" });
    const cls = claimsOf(p, "class");
    expect(cls.map((c) => [c.core, c.form, c.code])).toEqual([
      ["一般公共服务", "X（类）支出", "201"], ["卫生健康", "X支出", "210"], ["卫生健康", "X（类）支出", "210"],
    ]);
  });

  test("a number with a missing unit, execution rates with comparison and reason, 科目 paths", () => {
    const p = sec("（三）一般公共预算财政拨款支出决算具体情况",
      "2020年一般公共预算支出决算数为223.34，完成预算100%。其中：",
      "1.一般公共服务（类）宣传事务（款）事业运行（项）: 支出决算为72.71万元，完成预算100%。一般公共服务（类）宣传事务（款） 其他宣传事务支出（项）: 支出决算为106.13万元，完成预算90.12%，决算数小于预算数的主要原因是项目未实施完成。");
    expect(bySlot(p, "5.3.total")).toMatchObject({ unit: null, raw: "223.34" });
    expect(bySlot(p, "5.3.exec")).toMatchObject({ comparison: null, reason: null });
    const subj = claimsOf(p, "subject");
    expect(subj.map((s) => [s.lei, s.kuan, s.xiang])).toEqual([["一般公共服务", "宣传事务", "事业运行"], ["一般公共服务", "宣传事务", "其他宣传事务支出"]]);
    expect(subj[0].execution).toMatchObject({ comparison: null, reason: null });
    expect(subj[1].execution).toMatchObject({ comparison: "under", reason: "主要原因是项目未实施完成。" });
    expect(subj[1].amount!.slot).toBe("5.3.item:一般公共服务/宣传事务/其他宣传事务支出");
    const withCodes = parseNarrative(p.paragraphs, { resolveSubject: (_l, _k, x) => (x === "其他宣传事务支出" ? "2013399" : undefined) });
    expect(claimsOf(withCodes, "subject")[1].amount!.slot).toBe("5.3.item:2013399");
  });

  test("七(二): YoY with residue, flat, counts and the item context", () => {
    const p = sec("（二）“三公”经费财政拨款支出决算具体情况说明",
      "1.因公出国（境）经费支出0万元，完成预算0%。全年安排因公出国（境）团组0次，出国（境）0人。因公出国（境）支出决算比2019年增加/减少0万元，增长/下降0%。",
      "3.公务接待费支出0.8万元，完成预算100%。公务接待费支出决算比2019年减少0.2万元，下降20%。其中：",
      "国内公务接待支出0.8万元。国内公务接待8批次，80人次（不包括陪同人员），共计支出0.8万元。");
    expect(bySlot(p, "7.2.abroad.change")).toMatchObject({ residue: true, direction: "ambiguous" });
    expect(bySlot(p, "7.2.abroad.exec")).toMatchObject({ kind: "execution" });
    expect(bySlot(p, "7.2.abroad.groups")).toMatchObject({ value: 0, unit: "次" });
    expect(bySlot(p, "7.2.reception.change")).toMatchObject({ direction: "decrease", subject: "公务接待费支出决算", priorYear: 2019 });
    expect(bySlot(p, "7.2.reception.domestic.batches")).toMatchObject({ value: 8 });
    expect(bySlot(p, "7.2.reception.domestic.persons")).toMatchObject({ value: 80 });
  });

  test("flat: 与2019年决算数持平", () => {
    const p = sec("（一）机关运行经费支出情况", "2020年，市网信办机关运行经费支出0万元，与2019年决算数持平。主要原因是本单位是事业单位。");
    expect(claimsOf(p, "change")[0]).toMatchObject({ direction: "flat", priorYear: 2019, slot: "10.1.change" });
  });

  test("十(四): counts, 一是/二是/四是 markers, chart markers and project summaries", () => {
    const p = sec("（四）预算绩效管理情况。",
      "市网信办对7个项目编制了绩效目标，选取1个项目开展绩效监控，对1个项目开展了绩效目标完成情况自评。",
      "（5）“互联网维护与整治经费”项目绩效目标完成情况综述。项目全年预算数75万元，执行数为63.38万元，完成预算的84.51%。一是盯紧。二是抢占。四是汇聚。",
      "（图1：收、支决算总计变动情况图）（柱状图）");
    expect(p.paragraphs[0].canonical).toBe("10.4");
    expect(bySlot(p, "10.4.count:targets")).toMatchObject({ value: 7 });
    expect(bySlot(p, "10.4.count:monitor")).toMatchObject({ value: 1 });
    expect(bySlot(p, "10.4.count:selfEval")).toMatchObject({ value: 1 });
    const proj = claimsOf(p, "project")[0];
    expect(proj).toMatchObject({ index: 5, name: "互联网维护与整治经费" });
    expect(proj.budget!.value.toString()).toBe("75");
    expect(proj.actual!.value.toString()).toBe("63.38");
    expect(proj.execution!.rate.toString()).toBe("84.51");
    expect(claimsOf(p, "enumMarkers")[0].values).toEqual([1, 2, 4]);
    expect(claimsOf(p, "chart")[0]).toMatchObject({ number: 1, chartType: "柱状图", title: "收、支决算总计变动情况图" });
    expect(p.paragraphs[3].kind).toBe("chart");
  });

  test("glossary entries carry their 科目 path", () => {
    const p = parseNarrative(P("名词解释", "12. 医疗卫生与计划生育（类）行政事业单位医疗（款）事业单位医疗（项）: 反映…", "8、年末结转和结余：指…"));
    const g = claimsOf(p, "glossary");
    expect(g[0].subject).toMatchObject({ lei: "医疗卫生与计划生育", kuan: "行政事业单位医疗", xiang: "事业单位医疗" });
    expect(g[1]).toMatchObject({ index: 8, separator: "、" });
  });

  test("thresholds, dates, book titles and 附件 numbers are not amounts", () => {
    const p = sec("（三）国有资产占有使用情况", "截至2020年12月31日，共有车辆0辆。单价50万元以上通用设备0台（套）。《×××2020年部门整体支出绩效评价报告》见附件（附件1）。");
    expect(claimsOf(p, "amount")).toHaveLength(0);
    expect(bySlot(p, "10.3.equipment50")).toMatchObject({ value: 0 });
    expect(bySlot(p, "10.3.vehicles")).toMatchObject({ value: 0 });
  });

  test("bad input yields an empty parse, not an exception", () => {
    expect(parseNarrative([]).claims).toEqual([]);
    expect(() => parseNarrative([{ row: 1, text: null as unknown as string }, null as never])).not.toThrow();
    expect(() => parseNarrative(undefined as never)).not.toThrow();
  });
});
