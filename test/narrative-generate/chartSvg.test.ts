import { readXlsx } from "../../cli/adapters/xlsx";
import { chartSvg } from "../../src/export/chartSvg";
import { generateNarrative } from "../../src/narrative/generate";
import { readReport } from "../../src/reader";
import { WORKBOOKS } from "./helpers";

describe("charts drawn as SVG (the pane's preview)", () => {
  test("every chart of the example: its categories, its figures as printed, escaped text", async () => {
    const n = generateNarrative(readReport(await readXlsx(WORKBOOKS["example-sichuan-2020"])));
    expect(n.charts!.length).toBeGreaterThanOrEqual(4);
    for (const c of n.charts!) {
      const svg = chartSvg(c);
      expect(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")).toBe(true);
      expect(svg).toContain(`<title>${c.title.replace(/&/g, "&amp;")}</title>`);
      for (const s of c.series) for (const p of s.points) expect(svg).toContain(p.value);
      if (c.kind === "column") for (const cat of c.categories) expect(svg.replace(/<\/text>\n<text[^>]*>/g, "")).toContain(cat);
      expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    }
    const pie = n.charts!.find((c) => c.kind === "pie" && c.categories.length >= 2)!;
    const text = n.paragraphs.map((p) => p.text).join("\n");
    for (const m of chartSvg(pie).matchAll(/，(\d+\.\d{2})%/g)) expect(text).toContain(`占${m[1]}%`);
  });

  test("names with markup characters stay text", () => {
    const svg = chartSvg({ number: 7, title: "图7：<b>&", kind: "pie", section: "7.2", afterParagraph: 0, categories: ["<img src=x>", "b"], series: [{ name: "2020年", points: [{ value: "1.00", sources: [] }, { value: "3.00", sources: [] }] }], unit: "万元" });
    expect(svg).not.toContain("<img");
    expect(svg).toContain("&lt;img src=x&gt;");
    expect(svg).toContain("25.00%");
  });
});
