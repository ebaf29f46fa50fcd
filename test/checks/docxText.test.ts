/**
 * A 情况说明 in Word (.docx), as departments keep it: headings numbered by Word's automatic lists, not typed.
 * The docx reader writes the numbers out (一、 （一） 1.), so `check --text 说明.docx` finds what the same text
 * as .txt gives. The .docx is made here with the `docx` package from the repo's example workbook.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from "docx";
import JSZip from "jszip";
import { main } from "../../cli/main";
import type { CliIO } from "../../cli/io";
import { readXlsx } from "../../cli/adapters/xlsx";
import { chineseCounting, docxParagraphs } from "../../src/narrative/docxText";
import { findNarrativeSheet, paragraphsFromSheet } from "../../src/narrative/paragraphs";
import { buildSichuan2020 } from "../../scripts/examples/build";

function io(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIO = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), isTTY: false, cwd };
  return { cli, out: () => out.join(""), err: () => err.join("") };
}

const LEVELS: [RegExp, number][] = [
  [/^[一二三四五六七八九十]+、/, 0],
  [/^（[一二三四五六七八九十]+）/, 1],
  [/^\d+\.(?!\d)/, 2],
];

/** The narrative with its heading numbers taken out of the text and given to Word's numbering instead. */
async function docxOf(lines: string[], planted?: (s: string) => string): Promise<Buffer> {
  // Headings (一、 （一）) run through the document; each list of “1.” items is a list of its own (a new instance restarts at 1).
  let instance = 0;
  const children = lines.map((line) => {
    const text = planted ? planted(line) : line;
    for (const [re, level] of LEVELS) {
      const m = re.exec(text);
      if (!m) continue;
      const body = [new TextRun(text.slice(m[0].length))];
      if (level === 2) {
        if (/^1\./.test(m[0])) instance++;
        return new Paragraph({ numbering: { reference: "items", level: 0, instance }, children: body });
      }
      return new Paragraph({ numbering: { reference: "report", level }, children: body });
    }
    return new Paragraph({ children: [new TextRun(text)] });
  });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: "report",
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: "%1、", alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: "（%2）", alignment: AlignmentType.LEFT },
          ],
        },
        { reference: "items", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT }] },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

describe("情况说明 in Word (.docx)", () => {
  let dir: string;
  let lines: string[];
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-docx-"));
    const buf = await buildSichuan2020();
    fs.writeFileSync(path.join(dir, "book.xlsx"), buf);
    const snap = await readXlsx(buf);
    lines = paragraphsFromSheet(findNarrativeSheet(snap)!).map((p) => p.text);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("Chinese counting", () => {
    expect([1, 9, 10, 11, 20, 21, 99, 100, 105, 110].map(chineseCounting)).toEqual(["一", "九", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十"]);
  });

  test("automatic list numbers are written out, as the text had them", async () => {
    const zip = await JSZip.loadAsync(await docxOf(lines));
    const got = docxParagraphs({
      document: await zip.file("word/document.xml")!.async("string"),
      numbering: await zip.file("word/numbering.xml")?.async("string"),
    });
    expect(got).toEqual(lines);
  });

  test("check --text 说明.docx finds what the same text as .txt finds", async () => {
    // A planted decrease-as-increase in the 一 paragraph.
    const plant = (s: string) => (s.includes("收、支总计") && s.includes("减少") ? s.replace("减少", "增加") : s);
    fs.writeFileSync(path.join(dir, "说明.docx"), await docxOf(lines, plant));
    fs.writeFileSync(path.join(dir, "说明.txt"), lines.map(plant).join("\n"), "utf8");
    const viaDocx = io(dir);
    const viaTxt = io(dir);
    await main(["check", "book.xlsx", "--text", "说明.docx", "--json"], viaDocx.cli);
    await main(["check", "book.xlsx", "--text", "说明.txt", "--json"], viaTxt.cli);
    const strip = (j: { findings: { rule: string; row?: number; message: string }[] }) => j.findings.map((f) => `${f.rule}|${f.row}|${f.message}`);
    const a = JSON.parse(viaDocx.out());
    const b = JSON.parse(viaTxt.out());
    expect(strip(a)).toEqual(strip(b));
    expect(a.summary.error).toBeGreaterThan(0);
  });

  test(".doc, .pdf and damaged .docx are refused with what to do", async () => {
    fs.writeFileSync(path.join(dir, "old.doc"), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", "latin1"), Buffer.alloc(512)]));
    fs.writeFileSync(path.join(dir, "scan.pdf"), "%PDF-1.7\n...");
    for (const [file, said] of [["old.doc", /另存为 \.docx/], ["scan.pdf", /PDF/]] as const) {
      const t = io(dir);
      expect(await main(["check", "book.xlsx", "--text", file], t.cli)).toBe(2);
      expect(t.err()).toMatch(said);
    }
  });
});
