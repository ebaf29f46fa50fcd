/**
 * The Word file in the layout of GB/T 9704-2012 (党政机关公文格式): page, margins, line grid, fonts and
 * sizes per paragraph kind, black text, page numbers “— 1 —” in the footers, the charts 图1–图7 after
 * their paragraphs with their captions, the package's properties. Where LibreOffice is installed
 * (`soffice`, Debian's libreoffice-writer), the file is converted to PDF and the PDF's text read back:
 * it opens, has pages numbered “— N —” and the charts' captions.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import JSZip from "jszip";
import { readXlsx } from "../../cli/adapters/xlsx";
import { buildDocx, FONTS, LINE_PITCH, PAGE, pieLabels, SIZE } from "../../src/export/docx";
import { generateNarrative } from "../../src/narrative/generate";
import { readForms } from "../../src/perf";
import { readReport } from "../../src/reader";
import type { GeneratedNarrative } from "../../src/narrative/generateTypes";
import { WORKBOOKS } from "./helpers";

async function gen(name: string): Promise<GeneratedNarrative> {
  const snapshot = await readXlsx(WORKBOOKS[name]);
  return generateNarrative(readReport(snapshot), { forms: readForms(snapshot) });
}

async function parts(n: GeneratedNarrative) {
  const zip = await JSZip.loadAsync(await buildDocx(n));
  const read = (p: string) => zip.file(p)!.async("string");
  const footers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/footer\d+\.xml$/.test(f)).map(read));
  const charts = Object.keys(zip.files).filter((f) => /^word\/charts\/chart\d+\.xml$/.test(f));
  return { zip, document: await read("word/document.xml"), styles: await read("word/styles.xml"), core: await read("docProps/core.xml"), settings: await read("word/settings.xml"), footers, charts };
}

/** The paragraphs of document.xml with their run properties and text. */
function paragraphs(xml: string): { xml: string; text: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => ({ xml: m[0], text: m[0].replace(/<[^>]+>/g, "") }));
}

describe("the Word file (GB/T 9704-2012)", () => {
  test.each(["example-sichuan-2020", "example-national-2024"])("%s: page, grid, fonts, sizes, black text", async (name) => {
    const n = await gen(name);
    const { document, core, styles } = await parts(n);
    // A4, margins 37/35/28/26 mm, 22 lines of 28.95 pt
    expect(document).toContain(`<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"`);
    expect(PAGE.margin).toMatchObject({ top: 2098, bottom: 1984, left: 1587, right: 1474 });
    expect(document).toMatch(new RegExp(`<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"`));
    expect(document).toMatch(new RegExp(`<w:docGrid w:type="lines" w:linePitch="${LINE_PITCH}"`));
    // no built-in (blue) heading styles; every run black
    expect(document).not.toMatch(/w:pStyle w:val="(Heading|Title)/);
    const colors = [...document.matchAll(/<w:color w:val="([0-9A-Fa-f]{6})"/g)].map((m) => m[1]);
    expect(new Set(colors)).toEqual(new Set(["000000"]));
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');

    const ps = paragraphs(document);
    const byText = (t: string) => ps.find((p) => p.text === t)!;
    const title = byText(n.paragraphs.find((p) => p.style === "title")!.text);
    expect(title.xml).toContain(`w:eastAsia="${FONTS.title}"`);
    expect(title.xml).toContain(`<w:sz w:val="${SIZE.title}"/>`);
    expect(title.xml).toContain('<w:jc w:val="center"/>');
    const h1 = byText(n.paragraphs.find((p) => p.style === "heading1")!.text);
    expect(h1.xml).toContain(`w:eastAsia="${FONTS.heading1}"`);
    expect(h1.xml).toContain(`<w:sz w:val="${SIZE.text}"/>`);
    const h2 = byText(n.paragraphs.find((p) => p.style === "heading2")!.text);
    expect(h2.xml).toContain(`w:eastAsia="${FONTS.heading2}"`);
    const body = ps.find((p) => p.text === n.paragraphs.find((x) => x.style === "body" && x.spans.length > 2)!.text)!;
    expect(body.xml).toContain(`w:eastAsia="${FONTS.text}"`);
    expect(body.xml).toContain(`<w:sz w:val="32"/>`);
    expect(body.xml).toContain('w:firstLine="640"');
    // every generated paragraph is in the document, in order
    const texts = ps.map((p) => p.text);
    let at = 0;
    for (const p of n.paragraphs) {
      const i = texts.indexOf(p.text, at);
      expect(i).toBeGreaterThanOrEqual(at);
      at = i + 1;
    }
    expect(texts.join("\n")).not.toContain("预算口径");
    // properties
    expect(core).toContain("<dc:creator>决算助手</dc:creator>");
    expect(core).toContain("<cp:lastModifiedBy>决算助手</cp:lastModifiedBy>");
    expect(core).not.toContain("Un-named");
  });

  test("page numbers “— N —”: odd pages right, even pages left", async () => {
    const { footers, settings } = await parts(await gen("example-sichuan-2020"));
    expect(settings).toContain("<w:evenAndOddHeaders/>");
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      const text = f.replace(/<w:instrText[^>]*>[^<]*<\/w:instrText>/g, "N").replace(/<[^>]+>/g, "");
      expect(text).toBe("— N —");
      expect(f).toMatch(/PAGE/);
      expect(f).toContain(`<w:sz w:val="${SIZE.pageNumber}"/>`);
    }
    expect(footers.map((f) => /<w:jc w:val="(right|left)"\/>/.exec(f)![1]).sort()).toEqual(["left", "right"]);
  });

  test("the charts stand after their paragraphs, with their figures and captions", async () => {
    const n = await gen("example-sichuan-2020");
    expect(n.charts!.length).toBeGreaterThanOrEqual(4);
    const { zip, document, charts } = await parts(n);
    expect(charts).toHaveLength(n.charts!.length);
    const ps = paragraphs(document);
    const texts = ps.map((p) => p.text);
    for (const c of n.charts!) {
      const caption = texts.indexOf(c.title);
      expect(caption).toBeGreaterThan(0);
      // the chart is the paragraph just above its caption, after the paragraph it belongs to
      expect(ps[caption - 1].xml).toContain("drawingml/2006/chart");
      const before = texts.lastIndexOf(n.paragraphs[c.afterParagraph].text, caption);
      expect(before).toBeGreaterThanOrEqual(0);
      expect(before).toBeLessThan(caption - 1);
    }
    // the figures: every point's value is in a chart part, and a pie's labels are the text's shares
    const xml = (await Promise.all(charts.map((f) => zip.file(f)!.async("string")))).join("\n");
    for (const c of n.charts!) for (const s of c.series) for (const p of s.points) expect(xml).toContain(Number(p.value).toString());
    const pie = n.charts!.find((c) => c.kind === "pie" && c.categories.length >= 2)!;
    const text = n.paragraphs.map((p) => p.text).join("\n");
    for (const l of pieLabels(pie, "trim")) {
      expect(xml).toContain(l);
      expect(text).toContain(`占${l}`);
    }
  });

  const soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].find((p) => fs.existsSync(p));
  (soffice ? test : test.skip)("LibreOffice converts it to PDF: numbered pages and the charts' captions", async () => {
    const n = await gen("example-sichuan-2020");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-docx-"));
    const file = path.join(dir, "情况说明.docx");
    fs.writeFileSync(file, await buildDocx(n));
    execFileSync(soffice!, ["--headless", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", "--outdir", dir, file], { stdio: "ignore", timeout: 120000 });
    const pdf = path.join(dir, "情况说明.pdf");
    expect(fs.existsSync(pdf)).toBe(true);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    const pages = text.split("\f").filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(3);
    // pdftotext may drop the spaces around the number
    pages.forEach((p, i) => expect(p).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`)));
    for (const c of n.charts!) expect(text.replace(/\s+/g, "")).toContain(c.title.replace(/\s+/g, ""));
    fs.rmSync(dir, { recursive: true, force: true });
  }, 150000);
});
