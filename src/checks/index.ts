import recognitionRules from "../data/rules/recognition.json";
import type { Finding, Severity } from "../findings";
import { fill } from "../money/wording";
import { summarise } from "../findings";
import type { NarrativeParagraph, ReportModel, TableOverrides } from "../model/types";
import { TABLE_KEYS } from "../model/types";
import { parseNarrative } from "../narrative/parse";
import { paragraphsFromText } from "../narrative/paragraphs";
import { checkForms, perfContextFromModel, readForms } from "../perf";
import { parseOverrides, readReport, readerFindings } from "../reader";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { checkBindings } from "./bindings";
import { checkNarrativeSelf } from "./narrativeSelf";
import { checkTables } from "./tables";
import { checkNarrativeText } from "./text";
import { runReportRules } from "./rules";
import { ruleApplies } from "../narrative/catalogue";
import { TABLE_DEFS, tableDisplayName } from "../reader/defs";
import { titleKey } from "../reader/labels";
import { a1 } from "../workbook/snapshot";
import type { TableKey } from "../model/types";

export interface CheckOptions {
  /** Check this text as the narrative instead of the workbook's 情况说明 sheet (rows = line numbers). */
  narrativeText?: string;
  /** Name shown for pasted text in findings. */
  narrativeTextName?: string;
  overrides?: TableOverrides;
  /** Also report every finding of the performance forms (their own tab and `juesuan perf`); by default only the rules that tie forms to the narrative (P-8, P-11). */
  includeForms?: boolean;
}

/** Form rules that compare the forms with the narrative; the others belong to the 绩效 checks. */
const NARRATIVE_FORM_RULES = new Set(["P-8", "P-11"]);

export interface CheckResult {
  model: ReportModel;
  findings: Finding[];
  summary: { error: number; warning: number; info: number };
}

const PASTED = recognitionRules.pastedTextName;

/** Keeps the first of findings that report the same rule at the same place. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    // P-11 is decided by both the narrative and the form checks; one finding per paragraph is enough.
    const text = f.rule === "P-11" ? "" : (f.text ?? "");
    const k = `${f.rule}|${f.sheet ?? ""}|${f.cell ?? ""}|${f.row ?? ""}|${text}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

const RANK = { error: 2, warning: 1, info: 0 } as const;
const numbersIn = (s: string) => (s.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);

/**
 * A narrative-vs-table finding adds nothing when the narrative's own checks already reported
 * the same stated figure in the same paragraph at least as severely (e.g. 223.35 vs 223.34).
 */
function withoutRestated(bindings: Finding[], narrative: Finding[]): Finding[] {
  return bindings.filter((b) => {
    const stated = b.stated !== undefined ? Number(b.stated) : NaN;
    // The same stated figure (its own `stated`, not any number of the message) reported on the same paragraph.
    return !narrative.some(
      (n) => n.row === b.row && n.sheet === b.sheet && RANK[n.severity] >= RANK[b.severity] && n.stated !== undefined && numbersIn(n.stated).some((x) => x === stated),
    );
  });
}

type RecognitionRule = keyof typeof recognitionRules.rules;

function recognitionFinding(key: RecognitionRule, slots: Record<string, string | number> = {}, place: Partial<Finding> = {}): Finding {
  const r = recognitionRules.rules[key];
  return { rule: r.id, severity: r.severity as Severity, message: fill(r.message, slots), ...place };
}

/**
 * Where the workbook's own 目录 (a contents sheet, or a 目录 block at the top of a sheet) lists a table: the cell
 * naming it. A missing table that the 目录 still lists is said with that place.
 */
function tocEntry(snapshot: WorkbookSnapshot, key: TableKey): string | null {
  const keys = TABLE_DEFS[key].titleKeys;
  for (const sheet of snapshot.sheets) {
    const named = sheet.name.includes("目录");
    let inToc = named;
    for (let r = 0; r < sheet.values.length && r < 200; r++) {
      const line = sheet.values[r];
      for (let c = 0; c < line.length && c < 20; c++) {
        const v = line[c];
        if (typeof v !== "string") continue;
        const t = titleKey(v);
        if (!inToc && /^目录$/.test(t)) inToc = true;
        // An entry is the title itself, less its number and page (“三、支出决算表……5”): “一般公共预算财政拨款支出决算表”
        // is not an entry of 支出决算表.
        const entry = t.replace(/^(?:第?[一二三四五六七八九十\d]+[、.．)）]?|[（(][一二三四五六七八九十\d]+[)）])/u, "").replace(/[.…·\-—\d\s]+$/u, "");
        if (inToc && keys.includes(entry)) return `工作表“${sheet.name}”${a1(sheet.origin.row + r, sheet.origin.col + c)}`;
      }
    }
  }
  return null;
}

/** What the recogniser could not find, as findings (the full report stays in model.recognition). */
function recognitionFindings(model: ReportModel, hasNarrative: boolean, snapshot?: WorkbookSnapshot, yearKnown = model.year !== undefined): Finding[] {
  const out: Finding[] = [];
  const found = TABLE_KEYS.filter((k) => model.tables[k]);
  if (found.length > 0) {
    // A table absent from a workbook that holds most of the set is missing from the report (error); with only a
    // few tables present the workbook may be a partial one, and the absence is only said.
    const key = found.length >= 5 ? "missingRequiredTable" : "missingTable";
    for (const k of model.recognition.missing) {
      const f = recognitionFinding(key, { table: tableDisplayName(k) });
      const toc = key === "missingRequiredTable" && snapshot ? tocEntry(snapshot, k) : null;
      out.push(toc ? { ...f, message: `${f.message}${fill(recognitionRules.tocListed, { place: toc })}` } : f);
    }
  } else {
    out.push(recognitionFinding(hasNarrative ? "noTables" : "nothingToCheck"));
  }
  if (!model.supplement && found.length > 0) out.push(recognitionFinding("noSupplement"));
  if (found.length > 0 && !yearKnown) out.push(recognitionFinding("noYear"));
  const units = new Map<string, TableKey[]>();
  for (const k of found) units.set(model.tables[k]!.unit, [...(units.get(model.tables[k]!.unit) ?? []), k]);
  if (units.size > 1) {
    const list = [...units.entries()].map(([u, ks]) => `${ks.map((k) => TABLE_DEFS[k].name).join("、")}为${u}`).join("；");
    out.push(recognitionFinding("mixedUnits", { list }));
  }
  for (const u of model.recognition.unknownSupplementLabels) {
    out.push(recognitionFinding("unknownSupplementLabel", { row: u.row, label: u.label }, { sheet: u.sheet, cell: `A${u.row}` }));
  }
  if (!hasNarrative && found.length > 0) out.push(recognitionFinding("noNarrative"));
  return out;
}

/**
 * Runs every check on a workbook snapshot: the tables' arithmetic (within, between, 补充数据),
 * the narrative against the tables and against itself, its wording, and the performance forms.
 */
export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions = {}): CheckResult {
  const overrides = options.overrides ?? parseOverrides(snapshot.settings);
  const model = readReport(snapshot, { overrides });
  const findings: Finding[] = [];

  let paragraphs: NarrativeParagraph[] | undefined;
  let sheet = model.narrative?.sheet ?? "情况说明";
  if (options.narrativeText !== undefined) {
    paragraphs = paragraphsFromText(options.narrativeText);
    sheet = options.narrativeTextName ?? PASTED;
    // The recognition report says which 情况说明 was checked: the text given, not the workbook's own sheet.
    const own = model.recognition.narrative;
    const line = `情况说明：检查的是“${sheet}”中的文本（${paragraphs.length}段）${own ? `，未使用工作表“${own.sheet}”中的情况说明` : ""}`;
    const at = model.recognition.messages.findIndex((m) => m.startsWith("已读取情况说明") || m === "未找到情况说明工作表");
    if (at >= 0) model.recognition.messages[at] = line;
    else model.recognition.messages.push(line);
  } else if (model.narrative) {
    paragraphs = model.narrative.paragraphs;
  }
  let parsed: ReturnType<typeof parseNarrative> | undefined;
  if (paragraphs && paragraphs.length > 0) {
    // No table title and no year decided the template: the narrative's own outline (十、预算绩效管理, 十一、…) may.
    const undecided = (model.templateBy ?? "default") === "default";
    parsed = parseNarrative(paragraphs, { year: model.year, template: undecided ? undefined : model.template });
    if (undecided && parsed.template !== model.template && parsed.template === "national-2024") {
      model.template = parsed.template;
      model.templateBy = "narrative";
    } else if (parsed.template !== model.template) {
      parsed = parseNarrative(paragraphs, { year: model.year, template: model.template });
    }
  }
  findings.push(...checkTables(model));
  if (parsed) {
    const opts = { sheet, year: model.year ?? parsed.year ?? undefined, template: model.template, pasted: options.narrativeText !== undefined };
    const own = [...checkNarrativeText(parsed, opts), ...checkNarrativeSelf(parsed, opts)];
    findings.push(...own);
    if (TABLE_KEYS.some((k) => model.tables[k])) findings.push(...withoutRestated(checkBindings(parsed, model, sheet), own));
  }
  {
    const year = model.year ?? parsed?.year ?? null;
    const template = model.template ?? parsed?.template ?? "sichuan-2020";
    findings.push(
      ...runReportRules({ model, snapshot, parsed, sheet, year, template, excerpt: options.narrativeText !== undefined, on: (id) => ruleApplies(id, year, template) }),
    );
  }

  const forms = readForms(snapshot);
  const hasText = Boolean(paragraphs && paragraphs.length);
  if (forms.length > 0 && (hasText || options.includeForms)) {
    const context = perfContextFromModel(model);
    if (paragraphs) context.paragraphs = paragraphs.map((p) => ({ ...p, sheet }));
    const formFindings = checkForms(forms, context).all;
    findings.push(...(options.includeForms ? formFindings : formFindings.filter((f) => NARRATIVE_FORM_RULES.has(f.rule))));
  }

  findings.push(...recognitionFindings(model, hasText, snapshot, (model.year ?? parsed?.year ?? null) !== null), ...readerFindings(model));
  const all = dedupe(findings);
  return { model, findings: all, summary: summarise(all) };
}
