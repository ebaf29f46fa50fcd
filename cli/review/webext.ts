/**
 * Add-in settings saved in an .xlsx. Office keeps an add-in's document settings (Office.Settings and
 * Excel's workbook.settings, where the pane stores its 已核实 marks under "juesuan.marks") in the
 * package part xl/webextensions/webextension*.xml, one <we:property name value/> per setting, the value
 * being the setting's JSON ([MS-OWEXML] 2.3.x CT_OsfWebExtensionProperty; observed in files, SheetJS/sheetjs
 * #1952). ExcelJS does not read these parts, so they are read here with JSZip (an ExcelJS dependency).
 */
import JSZip from "jszip";

const MARKER = Buffer.from("xl/webextensions/webextension", "utf8");

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|quot|amp|lt|gt|apos);/g, (_m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ quot: '"', amp: "&", lt: "<", gt: ">", apos: "'" } as Record<string, string>)[e];
  });
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? unescapeXml(m[2] ?? m[3] ?? "") : undefined;
}

/** Properties of one webextension part: name → parsed JSON value (the raw text when it is not JSON). */
export function propertiesOf(xml: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of xml.matchAll(/<(?:[\w.-]+:)?property\b([^>]*?)\/?>/g)) {
    const name = attr(m[1], "name");
    const value = attr(m[1], "value");
    if (name === undefined || value === undefined) continue;
    try {
      out[name] = JSON.parse(value);
    } catch {
      out[name] = value;
    }
  }
  return out;
}

/**
 * The add-in settings of an .xlsx package, or undefined when it has none. Never throws: a package whose
 * parts cannot be read has no settings here (the workbook reader reports the file's own problems).
 */
export async function readAddinSettings(bytes: Uint8Array): Promise<Record<string, unknown> | undefined> {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Part names are stored uncompressed in the zip headers: most files are answered without unzipping.
  if (buf.indexOf(MARKER) < 0) return undefined;
  try {
    const zip = await JSZip.loadAsync(buf);
    const parts = Object.keys(zip.files).filter((n) => /^xl\/webextensions\/webextension\d*\.xml$/i.test(n)).sort();
    if (parts.length === 0) return undefined;
    const out: Record<string, unknown> = {};
    for (const p of parts) Object.assign(out, propertiesOf(await zip.files[p].async("string")));
    return Object.keys(out).length > 0 ? out : undefined;
  } catch {
    return undefined;
  }
}
