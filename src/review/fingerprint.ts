/**
 * A stable identity for a finding, so that a finding judged once (已核实) stays judged on the next run.
 *
 * fingerprint = rule id + what the finding is about (its subject) + the figures it compared. Never the
 * cell address or sheet row alone: inserting rows above a table or editing an unrelated cell leaves the
 * fingerprint unchanged, while a change of a compared figure makes the finding new again.
 *
 * The subject is `finding.subject` when the check sets it (e.g. "T05/2010101/total"), else it is derived:
 * the sheet, the message with cell addresses, sheet rows and figures masked, and, for a narrative finding,
 * the claim as written (addresses masked). The figures are `stated`, `expected` and the figures masked out
 * of the message, in order, so nothing the message compares is lost.
 *
 * Pure: no Node or DOM API (the pane and the CLI both use it).
 */
import type { Finding } from "../findings";

export interface FingerprintParts {
  rule: string;
  subject: string;
  figures: string[];
}

/** Sheet-qualified or bare A1 references and ranges: 公开05表!F25, 'Sheet 1'!$A$1:B2, F25. */
const ADDRESS =
  /(?:(?:'[^']+'|[^\s!“”"'‘’（）()，,：:；;、。=＝]{1,31})!)?(?<![A-Za-z0-9_$])\$?[A-Z]{1,3}\$?[1-9]\d{0,6}(?::\$?[A-Z]{1,3}\$?[1-9]\d{0,6})?(?![A-Za-z0-9_])/g;
/** Sheet rows: 第12行, 第5、6行, 第5–9行, 第3,4行 (a position, not an identity). */
const SHEET_ROWS = /第\s*\d+(?:\s*[、，,\-–—~至]\s*\d+)*\s*行/g;
/**
 * Figures: numbers with a decimal part or thousands separators, or followed by a unit of amount or rate.
 * Plain integers stay in the subject: they are 科目 codes (3/5/7 digits), years, counts.
 */
const FIGURE = /[-−+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?=\s*(?:万元|元|%|％|个百分点))|[-−+]?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+|[-−+]?\d{1,3}(?:,\d{3})+/g;

const squash = (s: string) => s.replace(/\s+/g, "");

/** The message with places masked ("@" for an address, "第#行" for sheet rows) and figures ("#") taken out. */
export function maskMessage(message: string): { masked: string; figures: string[] } {
  const figures: string[] = [];
  // Rows first (第5、6行), then figures, then addresses (a sheet name before "!" may hold digits); spaces last,
  // as a quoted sheet name may hold them.
  const masked = message
    .replace(SHEET_ROWS, "第#行")
    .replace(FIGURE, (m) => {
      figures.push(normaliseFigure(m));
      return "#";
    })
    .replace(ADDRESS, "@");
  return { masked: squash(masked), figures };
}

/** "2,940.05" → "2940.05", "−3" → "-3", "+5" → "5": the same figure however printed. */
export function normaliseFigure(s: string): string {
  return s.trim().replace(/,/g, "").replace(/^−/, "-").replace(/^\+/, "");
}

/** What goes into a finding's fingerprint (exported for tests and for showing why two findings are one). */
export function fingerprintParts(f: Finding): FingerprintParts {
  const figures: string[] = [];
  if (f.stated !== undefined) figures.push(`s=${normaliseFigure(f.stated)}`);
  if (f.expected !== undefined) figures.push(`e=${normaliseFigure(f.expected)}`);
  if (f.subject) return { rule: f.rule, subject: f.subject, figures };
  const { masked, figures: inMessage } = maskMessage(f.message);
  const parts = [(f.sheet ?? "").trim(), masked];
  // A narrative finding is about its claim: two equal messages on different lines stay two findings.
  if (f.text) parts.push(squash(f.text.replace(ADDRESS, "@")));
  figures.push(...inMessage);
  return { rule: f.rule, subject: parts.join("|"), figures };
}

/** cyrb53: a fast 53-bit string hash (public domain, bryc); deterministic across hosts. */
function hash53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, "0");
}

/**
 * The fingerprint of one finding, e.g. "T5-2:0a1b2c3d4e5f67". Two findings that agree in rule, subject and
 * figures share it; use `fingerprints` for a whole run to tell such twins apart.
 */
export function fingerprint(f: Finding): string {
  const p = fingerprintParts(f);
  return `${p.rule}:${hash53(JSON.stringify([p.rule, p.subject, p.figures]))}`;
}

/**
 * Fingerprints of one run's findings, in order. A finding whose fingerprint an earlier finding of the run
 * already has gets "#2", "#3"… (the order of the checks, which follows the sheets, so it survives row
 * insertions); the first keeps the plain `fingerprint(f)`.
 */
export function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = fingerprint(f);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}
