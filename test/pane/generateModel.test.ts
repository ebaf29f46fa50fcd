import { docxFileName, fullText, markers, previewSections, sourceLabel, spanKind } from "../../taskpane/components/generateModel";
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
});
