import JSZip from "jszip";
import { D, sum } from "../../src/money/decimal";
import { generateNarrative, narrativeText } from "../../src/narrative/generate";
import { buildDocx } from "../../src/export/docx";
import type { GeneratedNarrative } from "../../src/narrative/generateTypes";
import { describeFixtures, EXAMPLE_NAMES, FIXTURE_NAMES, forms, golden, model } from "./helpers";

async function gen(name: string, template?: "sichuan-2020" | "national-2024"): Promise<GeneratedNarrative> {
  return generateNarrative(await model(name), { ...(template ? { template } : {}), forms: await forms(name) });
}

function invariants(n: GeneratedNarrative, sheets: string[]) {
  const spans = n.paragraphs.flatMap((p) => p.spans);
  // every number span carries at least one source, on a real sheet
  for (const s of spans.filter((x) => x.kind)) {
    expect(s.sources?.length).toBeGreaterThan(0);
    for (const src of s.sources!) {
      expect(sheets).toContain(src.sheet);
      expect(src.cell).toMatch(/^[A-Z]+\d+$/);
    }
  }
  // a paragraph's text is its spans joined
  for (const p of n.paragraphs) expect(p.text).toBe(p.spans.map((s) => s.text).join(""));
  const text = narrativeText(n);
  // no template alternatives, placeholders or chart instructions survive
  expect(text).not.toMatch(/增加\/减少|增长\/下降|大于\/小于|（增加）|（减少）|（下降）|（增长）|×××|XXX|…（|（图\d|（如持平/);
  // markers only as marker spans
  const markerText = spans.filter((s) => s.marker).map((s) => s.text);
  expect((text.match(/【请填写：[^】]*】/g) ?? []).length).toBe(markerText.length);
  for (const m of markerText) expect(m).toMatch(/^【请填写：[^】]+】$/);
  // every listed share series sums to exactly 100 (largest remainder)
  for (const p of n.paragraphs) {
    const shares = [...p.text.matchAll(/占(\d+(?:\.\d+)?)%/g)].map((m) => new D(m[1]));
    if (shares.length > 1 && !/占本年支出合计|占政府采购/.test(p.text) && shares.some((s) => !s.isZero())) {
      expect(sum(shares).toFixed(2)).toBe("100.00");
    }
  }
}

describeFixtures("generateNarrative on the fixtures", () => {
  test.each([...FIXTURE_NAMES, ...EXAMPLE_NAMES])("%s: golden text, sources, shares, no residue", async (name) => {
    const m = await model(name);
    const f = await forms(name);
    const n = generateNarrative(m, { forms: f });
    expect(narrativeText(n)).toBe(golden(name, narrativeText(n)));
    const sheets = [...Object.values(m.tables).map((t) => t!.sheet), ...(m.supplement ? [m.supplement.sheet] : []), ...f.map((x) => x.sheet)];
    invariants(n, sheets);
    // deterministic
    expect(generateNarrative(m, { forms: f })).toEqual(n);
  });

  test("the 元 workbook gives the same text as the 万元 one", async () => {
    expect(narrativeText(await gen("bazhong-2020-yuan"))).toBe(narrativeText(await gen("bazhong-2020")));
    expect(narrativeText(await gen("example-sichuan-2020-yuan"))).toBe(narrativeText(await gen("example-sichuan-2020")));
  });

  test("template override: the Sichuan workbook in the national outline", async () => {
    const n = await gen("bazhong-2020", "national-2024");
    expect(n.template).toBe("national-2024");
    const headings = n.paragraphs.filter((p) => p.style === "heading1").map((p) => p.text);
    expect(headings).toEqual([
      "一、收入支出决算总体情况说明", "二、收入决算情况说明", "三、支出决算情况说明", "四、财政拨款收入支出决算总体情况说明",
      "五、一般公共预算财政拨款支出决算情况说明", "六、一般公共预算财政拨款基本支出决算情况说明", "七、财政拨款“三公”经费支出决算情况说明",
      "八、政府性基金预算财政拨款收入支出决算情况说明", "九、国有资本经营预算财政拨款收入支出决算情况说明", "十、预算绩效管理情况", "十一、其他重要事项的情况说明",
    ]);
    const text = narrativeText(n);
    expect(text).toContain("完成年初预算的95.05%");
    expect(text).toContain("一般公共服务支出（类）198.77万元，占89.00%");
    // national: items not involved are not listed
    expect(text).not.toContain("事业收入0.00万元");
    expect(n.charts).toEqual([]);
  });

  test("Sichuan outline: 一…十 and the 名词解释 entries for every 项 of 五(三)", async () => {
    const n = await gen("bazhong-2020");
    const headings = n.paragraphs.filter((p) => p.style === "heading1").map((p) => p.text.slice(0, 2));
    expect(headings).toEqual(["一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、"]);
    const items = n.paragraphs.filter((p) => p.section === "5.3" && /^\d+\./.test(p.text)).map((p) => p.text.split("：")[0].replace(/^\d+\./, ""));
    expect(items).toHaveLength(7);
    const glossary = n.paragraphs.filter((p) => p.section === "glossary" && p.style === "body").map((p) => p.text);
    for (const it of items) expect(glossary.some((g) => g.replace(/^\d+\./, "").startsWith(`${it}：`))).toBe(true);
    // names of the 2020 edition (DOMAIN §6.2 #16, #17)
    expect(glossary.join("")).not.toMatch(/行政事业单位离退休（款）|医疗卫生与计划生育/);
  });

  test("charts 图1–图7 with data and sources; all-zero charts omitted", async () => {
    const n = await gen("bazhong-2020");
    const charts = n.charts!;
    expect(charts.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const c1 = charts[0];
    expect(c1.kind).toBe("column");
    expect(c1.series.map((s) => s.name)).toEqual(["2019年", "2020年"]);
    expect(c1.series.map((s) => s.points.map((p) => p.value))).toEqual([["393.40", "393.40"], ["236.01", "236.01"]]);
    const c6 = charts.find((c) => c.number === 6)!;
    expect(c6.kind).toBe("pie");
    expect(c6.categories).toEqual(["一般公共服务（类）", "社会保障和就业（类）", "卫生健康（类）", "住房保障（类）"]);
    expect(c6.series[0].points.map((p) => p.value)).toEqual(["198.77", "8.80", "5.20", "10.57"]);
    for (const c of charts) {
      expect(n.paragraphs[c.afterParagraph].section).toBe(c.section);
      for (const s of c.series) for (const p of s.points) expect(p.sources.length).toBeGreaterThan(0);
    }
    // 图7 keeps its zero slices (出国, 公车) but is not all-zero
    expect(charts[6].series[0].points.map((p) => p.value)).toEqual(["0.00", "0.00", "0.80"]);
  });

  test("十(四) from the performance forms: one 综述 per form, every number from the form's cells", async () => {
    const f = await forms("bazhong-2020");
    const n = generateNarrative(await model("bazhong-2020"), { forms: f });
    const summaries = n.paragraphs.filter((p) => p.section === "10.4" && /^（\d+）“/.test(p.text));
    expect(summaries.map((p) => p.text.slice(0, p.text.indexOf("”") + 1))).toEqual(f.map((x, i) => `（${i + 1}）“${x.name.text}”`));
    for (const [i, p] of summaries.entries()) {
      const cells = (k: string) => p.spans.filter((s) => s.kind === k).map((s) => s.sources!.map((c) => `${c.sheet}!${c.cell}`).join("+"));
      const form = f[i];
      const b = `${form.budget.source!.sheet}!${form.budget.source!.cell}`;
      const a = `${form.actual.source!.sheet}!${form.actual.source!.cell}`;
      expect(cells("amount")).toEqual([b, a]);
      expect(cells("percent")).toEqual([`${b}+${a}`]);
    }
    const reported = n.paragraphs.find((p) => p.text.startsWith("本部门在2020年度部门决算中反映"))!;
    expect(reported.spans.find((s) => s.kind === "count")!.sources).toHaveLength(5);
    // the 偏差原因 of the form, when written, replaces the marker (with its cell)
    const withReason = f.map((x, i) =>
      i === 4 ? { ...x, indicators: x.indicators.map((ind, k) => (k === 0 ? { ...ind, reason: "部分整治任务延至下年实施", cells: { ...ind.cells, reason: { sheet: x.sheet, cell: "H12" } } } : ind)) } : x,
    );
    const n2 = generateNarrative(await model("bazhong-2020"), { forms: withReason });
    const p5 = n2.paragraphs.find((p) => p.text.startsWith("（5）"))!;
    expect(p5.text).toContain("完成预算的84.51%。项目执行数小于预算数的主要原因：部分整治任务延至下年实施。通过项目实施，");
    expect(p5.spans.find((s) => s.text === "部分整治任务延至下年实施")!.sources).toEqual([{ sheet: f[4].sheet, cell: "H12" }]);
    expect(p5.spans.some((s) => s.marker)).toBe(false);
    // without forms (or with none), a marker stands for the project part
    const none = narrativeText(generateNarrative(await model("bazhong-2020"), { forms: [] }));
    expect(none).toContain("【请填写：部门整体支出绩效自评情况及各项目绩效目标完成情况综述（见项目绩效目标完成情况表）】");
    expect(none).not.toContain("综述。项目全年预算数");
  });

  test("number style is a template setting; options override it", async () => {
    const m = await model("bazhong-2020");
    const fixed = narrativeText(generateNarrative(m, { numberStyle: "fixed2" }));
    expect(fixed).toContain("一般公共服务（类）支出198.77万元，占89.00%；社会保障和就业（类）支出8.80万元，占3.94%");
    expect(fixed).toContain("1.一般公共服务（类）宣传事务（款）一般行政管理事务（项）：支出决算为3.50万元，完成预算100.00%。");
  });

  test("docx: a zip package with the headings and paragraphs", async () => {
    const n = await gen("bazhong-2020");
    const bytes = await buildDocx(n);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe("PK");
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("word/document.xml")!.async("string");
    const plain = xml.replace(/<[^>]+>/g, "");
    for (const h of ["第二部分 2020年度部门决算情况说明", "一、收入支出决算总体情况说明", "（三）国有资产占有使用情况", "第三部分 名词解释"]) expect(plain).toContain(h);
    expect(plain).toContain("收、支总计各减少157.39万元，下降40.01%");
  });
});

describe("generateNarrative errors", () => {
  test("unknown template and unknown year give Chinese messages", () => {
    const m = { template: "sichuan-2020", tables: {}, forms: [], recognition: { tables: [], missing: [], unclassifiedRows: [], unknownSupplementLabels: [], forms: [], messages: [] } } as never;
    expect(() => generateNarrative(m)).toThrow(/无法确定决算年度/);
    expect(() => generateNarrative(m, { template: "foo" as never, year: 2020 })).toThrow(/未知的情况说明模板/);
  });

  test("an empty workbook model gives markers, not invented numbers", () => {
    const m = { year: 2020, template: "sichuan-2020", tables: {}, forms: [], recognition: { tables: [], missing: [], unclassifiedRows: [], unknownSupplementLabels: [], forms: [], messages: [] } } as never;
    const n = generateNarrative(m);
    const spans = n.paragraphs.flatMap((p) => p.spans);
    expect(spans.filter((s) => s.kind)).toEqual([]);
    expect(spans.filter((s) => s.marker).length).toBeGreaterThan(5);
  });
});
