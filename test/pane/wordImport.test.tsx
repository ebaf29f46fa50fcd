/**
 * “导入 Word 情况说明…” in the 检查 tab: a .docx made with the `docx` package from the example workbook's own
 * 情况说明 (headings numbered by Word's automatic lists, not typed) is read as the browser reads it (bytes of
 * the picked file, JSZip, the pure paragraph reader), checked against the open workbook on the fake Excel
 * exactly like pasted text, and its findings are placed by the Word file's paragraphs (“Word 文件 第N段”).
 * Files that are no .docx (.doc, PDF, damaged, empty, an Excel workbook, too large) get a Chinese reason.
 */
import * as React from "react";
import { renderToString } from "react-dom/server";
import { FluentProvider, SSRProvider, webLightTheme } from "@fluentui/react-components";
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from "docx";
import { createHostServices } from "../../taskpane/hostServices";
import { forgetWorkbook, primeSheetNames } from "../../taskpane/excel";
import { CheckTab } from "../../taskpane/components/CheckTab";
import { errorMessage } from "../../taskpane/components/paneErrors";
import { ALL_SEVERITIES, findingTooltip, findingsView, locationText } from "../../taskpane/components/findingsModel";
import { MAX_WORD_BYTES, WORD_ACCEPT, loadWordNarrative, type PickedFile } from "../../taskpane/components/wordFile";
import { readWordNarrative } from "../../taskpane/wordImport";
import { reportText } from "../../src/checks/report";
import { JuesuanError } from "../../src/money/errors";
import { findNarrativeSheet, paragraphsFromSheet } from "../../src/narrative/paragraphs";
import type { PaneServices } from "../../taskpane/services";
import { createFakeExcel } from "../fake-excel";
import { example, snapshotOf } from "../helpers/fixtures";

const LEVELS: [RegExp, number][] = [
  [/^[一二三四五六七八九十]+、/, 0],
  [/^（[一二三四五六七八九十]+）/, 1],
];

/** The lines as a Word document whose 一、/（一） headings are Word's automatic numbering (taken out of the text). */
async function docxOf(lines: string[]): Promise<Uint8Array> {
  const children = lines.map((text) => {
    for (const [re, level] of LEVELS) {
      const m = re.exec(text);
      if (m) return new Paragraph({ numbering: { reference: "report", level }, children: [new TextRun(text.slice(m[0].length))] });
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
      ],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A picked file as the input hands it over: name, size, arrayBuffer(). */
const picked = (name: string, bytes: Uint8Array): PickedFile => ({
  name,
  size: bytes.length,
  arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
});

async function refusedWith(bytes: Uint8Array, name: string): Promise<string> {
  const e = await loadWordNarrative(picked(name, bytes)).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(JuesuanError);
  return errorMessage(e, "导入 Word 情况说明");
}

describe("导入 Word 情况说明", () => {
  let lines: string[];
  let plantedAt: number;
  let services: PaneServices;
  let docx: Uint8Array;

  beforeAll(async () => {
    const snapshot = await snapshotOf(example("example-sichuan-2020.xlsx"));
    lines = paragraphsFromSheet(findNarrativeSheet(snapshot)!).map((p) => p.text);
    // A planted decrease-as-increase in the 收、支总计 paragraph.
    plantedAt = lines.findIndex((s) => s.includes("收、支总计") && s.includes("减少"));
    expect(plantedAt).toBeGreaterThan(0);
    lines[plantedAt] = lines[plantedAt].replace("减少", "增加");
    docx = await docxOf(lines);
    const fake = createFakeExcel(snapshot);
    services = createHostServices({ excel: fake.Excel, copy: async () => undefined });
    forgetWorkbook(fake.Excel);
    await primeSheetNames(fake.Excel);
  });

  it("reads the paragraphs with Word's list numbers written out, each paragraph's first line kept", async () => {
    const n = await loadWordNarrative(picked("情况说明.docx", docx));
    expect(n.text.split("\n")).toEqual(lines);
    expect(n.paragraphs).toBe(lines.length);
    expect(n.rows).toEqual(lines.map((_, i) => i + 1));
    expect(n.text).toMatch(/^.*\n一、/m);
  });

  it("checks the Word text against the workbook exactly like the same text pasted; findings say Word 文件 第N段", async () => {
    const n = await loadWordNarrative(picked("情况说明.docx", docx));
    const viaWord = await services.runCheck({ narrativeText: n.text, narrativeSource: { kind: "word", name: "情况说明.docx", rows: n.rows } });
    const viaPaste = await services.runCheck({ narrativeText: lines.join("\n") });
    const strip = (fs: { rule: string; row?: number; message: string }[]) => fs.map((f) => `${f.rule}|${f.row}|${f.message}`);
    expect(strip(viaWord.findings)).toEqual(strip(viaPaste.findings));
    expect(viaWord.fingerprints).toEqual(viaPaste.fingerprints);
    expect(viaWord.pasted?.label).toBe("Word 文件");

    const planted = viaWord.findings.find((f) => f.severity === "error" && f.row === plantedAt + 1);
    expect(planted).toBeDefined();
    expect(locationText(planted!, viaWord.recognition, viaWord.pasted)).toBe(`Word 文件 第${plantedAt + 1}段`);
    expect(locationText(planted!, viaPaste.recognition, viaPaste.pasted)).toMatch(/^粘贴的文本 第\d+段$/);
    expect(findingTooltip(planted!, viaWord.pasted)).toMatch(new RegExp(`^此问题在Word 文件第${plantedAt + 1}段，无法在工作表中定位`));
    const view = findingsView(viaWord.findings, ALL_SEVERITIES, { recognition: viaWord.recognition, pasted: viaWord.pasted, sections: viaWord.narrativeSections, order: "place" });
    expect(view.groups.some((g) => g.kind === "narrative" && g.title.startsWith("Word 文件"))).toBe(true);
    const report = reportText(viaWord.findings, viaWord.recognition, { pasted: viaWord.pasted, sections: viaWord.narrativeSections });
    expect(report).toContain(`Word 文件 第${plantedAt + 1}段`);
    expect(report).not.toContain("粘贴的文本");
  });

  it("places a finding by the Word paragraph when a paragraph holds line breaks", async () => {
    const n = await readWordNarrative(await docxOf(["第一段", "第二段"]), "a.docx");
    expect(n.rows).toEqual([1, 2]);
    const withBreak = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun("甲"), new TextRun({ text: "乙", break: 1 })] }), new Paragraph("丙")] }] });
    const m = await readWordNarrative(new Uint8Array(await Packer.toBuffer(withBreak)), "b.docx");
    expect(m.text).toBe("甲\n乙\n丙");
    expect(m.rows).toEqual([1, 3]);
    expect(m.paragraphs).toBe(2);
  });

  it("says in Chinese what a file that is no .docx is, and what to do", async () => {
    const doc = new Uint8Array(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", "latin1"), Buffer.alloc(512)]));
    expect(await refusedWith(doc, "旧说明.doc")).toMatch(/^导入 Word 情况说明失败：“旧说明\.doc”是旧版 Word 文档（\.doc）.*另存为/);
    const encrypted = new Uint8Array(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", "latin1")]));
    expect(await refusedWith(encrypted, "加密.docx")).toMatch(/打开密码/);
    expect(await refusedWith(new Uint8Array(Buffer.from("%PDF-1.7\n1 0 obj")), "扫描件.pdf")).toMatch(/“扫描件\.pdf”是 PDF 文件/);
    expect(await refusedWith(new Uint8Array(0), "空.docx")).toMatch(/空文件/);
    // a .docx cut short (a download that stopped) and a zip of something else
    expect(await refusedWith(docx.slice(0, Math.floor(docx.length / 2)), "半个.docx")).toMatch(/已损坏或不是完整的 Word 文档/);
    expect(await refusedWith(new Uint8Array(Buffer.from("PK\u0003\u0004 not really a zip")), "坏.docx")).toMatch(/已损坏/);
    const xlsx = new Uint8Array(require("fs").readFileSync(example("example-sichuan-2020.xlsx")));
    expect(await refusedWith(xlsx, "报表.docx")).toMatch(/是 Excel 工作簿，不是 Word 文档/);
    expect(await refusedWith(new Uint8Array(Buffer.from("一、收入支出决算总体情况说明", "utf8")), "说明.txt")).toMatch(/不是 Word 文档（\.docx）.*粘贴情况说明文本/);
    // a document without text
    const empty = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("")] }] })));
    expect(await refusedWith(empty, "空白.docx")).toMatch(/“空白\.docx”中没有文字/);
    // too large to be a 情况说明: refused before it is read
    const huge: PickedFile = { name: "大.docx", size: MAX_WORD_BYTES + 1, arrayBuffer: () => Promise.reject(new Error("must not be read")) };
    await expect(loadWordNarrative(huge)).rejects.toThrow(/超过 50 MB/);
    // a file that went away between picking and reading
    const gone: PickedFile = { name: "丢失.docx", size: 10, arrayBuffer: () => Promise.reject(new Error("NotReadableError")) };
    await expect(loadWordNarrative(gone)).rejects.toThrow(/无法读取“丢失\.docx”/);
  });

  it("offers the import in the 检查 tab: a labelled button and a file input for .docx", () => {
    const reject = () => Promise.reject(new Error("不应调用"));
    const services: PaneServices = {
      runCheck: reject, navigate: reject, generate: reject, writeGenerated: reject, buildDocx: reject,
      loadForms: reject, saveForm: reject, insertBlankForm: reject, saveOverrides: reject, copyText: reject,
    };
    const out = renderToString(
      <SSRProvider>
        <FluentProvider theme={webLightTheme}>
          <CheckTab services={services} outcome={null} onOutcome={() => undefined} />
        </FluentProvider>
      </SSRProvider>,
    );
    expect(out).toMatch(/<button[^>]*data-testid="check-import-word"[^>]*>[\s\S]*?导入 Word 情况说明…/);
    expect(out).toMatch(/<input[^>]*type="file"/);
    expect(out).toContain(`accept="${WORD_ACCEPT}"`);
    expect(out).toContain('id="check-word-hint"');
  });
});
