/**
 * Round trip: the generated text of every workbook, read back by the narrative parser and checked by the
 * text and self-consistency checks, gives no error and no warning other than the 【请填写】 markers.
 * Runs when the parser and checkers (src/narrative/parse.ts, src/checks/text.ts, src/checks/narrativeSelf.ts) exist.
 */
import * as fs from "fs";
import * as path from "path";
import { generateNarrative } from "../../src/narrative/generate";
import { describeFixtures, EXAMPLE_NAMES, FIXTURE_NAMES, model } from "./helpers";

const SRC = path.resolve(__dirname, "..", "..", "src");
const READY = ["narrative/parse.ts", "checks/text.ts", "checks/narrativeSelf.ts"].every((f) => fs.existsSync(path.join(SRC, f)));
const d = READY ? describeFixtures : describe.skip;

type Finding = { rule: string; severity: string; message: string; text?: string };

async function badFindings(name: string): Promise<string[]> {
  const { parseNarrative } = require("../../src/narrative/parse");
  const { checkNarrativeText } = require("../../src/checks/text");
  const { checkNarrativeSelf } = require("../../src/checks/narrativeSelf");
  const n = generateNarrative(await model(name));
  const paragraphs = n.paragraphs.map((p, i) => ({ row: i + 1, text: p.text }));
  const parsed = parseNarrative(paragraphs, { year: n.year, template: n.template });
  const opts = { year: n.year, template: n.template, sheet: "情况说明（生成）" };
  const findings: Finding[] = [...checkNarrativeText(parsed, opts), ...checkNarrativeSelf(parsed, opts)];
  return findings
    .filter((f) => (f.severity === "error" || f.severity === "warning") && !/【请填写/.test(`${f.text ?? ""}${f.message}`))
    .map((f) => `${f.rule}: ${f.message}`);
}

const NATIONAL = "example-national-2024";

d("generated text passes the narrative checks", () => {
  test.each([...FIXTURE_NAMES, ...EXAMPLE_NAMES.filter((n) => n !== NATIONAL)])("%s", async (name) => {
    expect(await badFindings(name)).toEqual([]);
  });

  // Known parser gap (not the generator's): the national 2024 sentence "一般公共预算财政拨款支出年初预算为X万元，
  // 支出决算为Y万元，完成年初预算的r%" (the blank template's own wording) is read with X as the 五(三) total, and
  // each item's "年初预算为X万元" as its amount (N-same-quantity, N-exec-overall). Remove `.failing` when fixed.
  test.failing(NATIONAL, async () => {
    expect(await badFindings(NATIONAL)).toEqual([]);
  });
});
