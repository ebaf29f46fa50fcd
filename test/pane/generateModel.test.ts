import { copiedNotes, docxFileName, fullText, markerKind, markers, markerSummary, previewSections, sourceLabel, spanKind } from "../../taskpane/components/generateModel";
import { readXlsx } from "../../cli/adapters/xlsx";
import { generateNarrative } from "../../src/narrative/generate";
import { readReport } from "../../src/reader";
import * as path from "path";
import type { GeneratedNarrative } from "../../src/narrative/generateTypes";

const n: GeneratedNarrative = {
  template: "sichuan-2020",
  year: 2020,
  paragraphs: [
    { section: "0", style: "title", spans: [{ text: "第二部分 2020年度部门决算情况说明" }], text: "第二部分 2020年度部门决算情况说明" },
    { section: "1", style: "heading1", spans: [{ text: "一、收入支出决算总体情况说明" }], text: "一、收入支出决算总体情况说明" },
    {
      section: "1",
      style: "body",
      spans: [
        { text: "2020年度收入总计" },
        { text: "236.56", sources: [{ sheet: "公开01表", cell: "B30" }] },
        { text: "万元，主要原因是" },
        { text: "【请填写：收入减少的原因】", marker: true },
        { text: "。" },
      ],
      text: "2020年度收入总计236.56万元，主要原因是【请填写：收入减少的原因】。",
    },
    { section: "5.1", style: "heading2", spans: [{ text: "（一）总体情况" }], text: "（一）总体情况" },
    {
      section: "5.1",
      style: "body",
      spans: [{ text: "合计" }, { text: "198.78", sources: [{ sheet: "公开05表", cell: "C7" }, { sheet: "补充数据", cell: "D4" }] }, { text: "【请填写：原因】", marker: true }],
      text: "合计198.78【请填写：原因】",
    },
    { section: "5.2", style: "body", spans: [], text: "没有分段的文字" },
  ],
};

describe("generate tab model", () => {
  it("source labels", () => {
    expect(sourceLabel([{ sheet: "公开05表", cell: "C7" }])).toBe("来源：公开05表!C7");
    expect(sourceLabel([{ sheet: "公开05表", cell: "C7" }, { sheet: "补充数据", cell: "D4" }])).toBe("来源：公开05表!C7、补充数据!D4");
    expect(sourceLabel(undefined)).toBe("");
  });
  it("span kinds", () => {
    expect(n.paragraphs[2].spans.map(spanKind)).toEqual(["text", "number", "text", "marker", "text"]);
  });
  it("sections group consecutive paragraphs by top-level id", () => {
    expect(previewSections(n).map((s) => [s.id, s.paragraphs.map((p) => p.index)])).toEqual([
      ["0", [0]],
      ["1", [1, 2]],
      ["5.1", [3, 4, 5]],
    ]);
  });
  it("lists markers in order", () => {
    expect(markers(n)).toEqual([
      { paragraph: 2, span: 3, text: "【请填写：收入减少的原因】", section: "1" },
      { paragraph: 4, span: 2, text: "【请填写：原因】", section: "5.1" },
    ]);
  });
  it("full text, one paragraph per line", () => {
    expect(fullText(n)).toBe(
      "第二部分 2020年度部门决算情况说明\n一、收入支出决算总体情况说明\n2020年度收入总计236.56万元，主要原因是【请填写：收入减少的原因】。\n（一）总体情况\n合计198.78【请填写：原因】\n没有分段的文字\n",
    );
  });
  it("word file name without characters Windows forbids", () => {
    expect(docxFileName(n)).toBe("2020年度部门决算情况说明.docx");
    expect(docxFileName(n, "巴中市/互联网:信息办")).toBe("巴中市互联网信息办2020年度部门决算情况说明.docx");
  });

  it("markers counted by what they ask for, not called 原因 when most are not", () => {
    expect(markerKind("【请填写：公务用车保有量（轿车）】")).toBe("数字");
    expect(markerKind("【请填写：2023年财政拨款收、支总计决算数（补充数据“上年数”）】")).toBe("数字");
    expect(markerKind("【请填写：“互联网维护与整治经费”项目执行数小于预算数的原因（偏差原因）】")).toBe("原因");
    expect(markerKind("【请填写：一般公共服务支出（类）财政事务（款）信息化建设（项）的解释】")).toBe("名词解释");
    expect(markerKind("【请填写：国内公务接待的主要用途】")).toBe("文字说明");
    expect(markerKind("【请填写：本年支出合计（公开03表未找到）】")).toBe("表格");
    const marks = ["【请填写：公务用车购置数】", "【请填写：公务用车保有量】", "【请填写：收入减少的原因】"].map((text, i) => ({ paragraph: i, span: 0, text, section: "7" }));
    expect(markerSummary(marks)).toBe("有 3 处【请填写】需要您补充：补充数据中的数字（预算数、上年数、数量或金额） 2 处，增减变化或预算执行的原因 1 处。已在下方以黄色底纹标出：");
  });
  it("the example workbook's markers: the summary names each kind with its count", async () => {
    const snapshot = await readXlsx(path.resolve(__dirname, "..", "workbooks", "example-sichuan-2020.xlsx"));
    const g = generateNarrative(readReport(snapshot));
    const s = markerSummary(markers(g));
    expect(s).not.toContain("多为");
    const counted = [...s.split("：")[1].matchAll(/ (\d+) 处/g)].map((m) => Number(m[1]));
    expect(counted.reduce((a, b) => a + b, 0)).toBe(markers(g).length);
  });
  it("copied text with what the text rules found", () => {
    const g: GeneratedNarrative = {
      ...n,
      paragraphs: [{ section: "1", style: "body", spans: [{ text: "主要原因是" }, { text: "主要是主要是人员增加", copied: true, notes: ["“主要是主要是”重复，应为“主要是”"] }], text: "主要原因是主要是主要是人员增加" }],
    };
    expect(copiedNotes(g)).toEqual([{ paragraph: 0, span: 1, text: "主要是主要是人员增加", notes: ["“主要是主要是”重复，应为“主要是”"] }]);
    expect(copiedNotes(n)).toEqual([]);
  });
});
