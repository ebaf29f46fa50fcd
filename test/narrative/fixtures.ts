import * as fs from "fs";
import * as path from "path";
import { readXlsx } from "../../cli/adapters/xlsx";
import { findNarrativeSheet, paragraphsFromSheet } from "../../src/narrative/paragraphs";
import type { NarrativeParagraph } from "../../src/narrative/types";

export const FIXTURES = path.resolve(__dirname, "../../../shared/fixtures");
export const HAVE_FIXTURES = fs.existsSync(FIXTURES);

/** Column A of the 情况说明 sheet of a fixture workbook. */
export async function narrativeOf(file: string): Promise<NarrativeParagraph[]> {
  const wb = await readXlsx(path.join(FIXTURES, file));
  const sheet = findNarrativeSheet(wb);
  if (!sheet) throw new Error(`no 情况说明 sheet in ${file}`);
  return paragraphsFromSheet(sheet);
}
