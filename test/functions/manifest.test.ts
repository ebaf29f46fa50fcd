/** `npm run validate` on the real manifest and on broken copies of it. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const SCRIPT = path.join(ROOT, "scripts", "validate-manifest.js");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const { validateManifest } = require(SCRIPT) as {
  validateManifest: (xml: string, o?: { commandsFile?: string }) => { errors: string[]; warnings: string[] };
};
const COMMANDS = path.join(ROOT, "taskpane", "commands.ts");

function run(xml: string, extra: string[] = []): { status: number | null; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
  const file = path.join(dir, "manifest.xml");
  fs.writeFileSync(file, xml);
  const r = spawnSync(process.execPath, [SCRIPT, file, ...extra], { encoding: "utf8" });
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: r.status, out: r.stdout + r.stderr };
}

function broken(from: string | RegExp, to: string): string {
  const out = MANIFEST.replace(from, to);
  expect(out).not.toBe(MANIFEST);
  return out;
}

test("the real manifest is valid", () => {
  const r = run(MANIFEST);
  expect(r.out).toContain("清单校验通过");
  expect(r.status).toBe(0);
  expect(validateManifest(MANIFEST, { commandsFile: COMMANDS }).warnings).toEqual([]);
});

test("the manifest declares what the add-in relies on", () => {
  expect(MANIFEST).toMatch(/<bt:Set Name="SharedRuntime" MinVersion="1.1"\/>/);
  expect(MANIFEST).toMatch(/<bt:Set Name="CustomFunctionsRuntime"/);
  expect(MANIFEST).toMatch(/<bt:Set Name="ExcelApi" MinVersion="1.13"\/>/);
  expect(MANIFEST).toMatch(/<FunctionName>generateNarrative<\/FunctionName>/);
  expect(MANIFEST).toMatch(/DefaultValue="生成情况说明"/);
});

const cases: Array<[string, string | RegExp, string, RegExp]> = [
  ["not well-formed", "</Hosts>", "</Host>", /XML 格式错误.*not well-formed/],
  ["unescaped ampersand", "<ProviderName>决算助手", "<ProviderName>决算&助手", /未转义/],
  ["Id not a GUID", /<Id>[^<]+<\/Id>/, "<Id>not-a-guid</Id>", /不是 GUID.*not a GUID/],
  ["bad version", "<Version>0.1.0.0</Version>", "<Version>v1</Version>", /Version/],
  ["http URL", 'id="Functions.Script.Url" DefaultValue="https://', 'id="Functions.Script.Url" DefaultValue="http://', /https/],
  ["missing resource", '<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>', /Group\.Missing.*不存在/],
  ["missing zh-CN override", '<bt:Override Locale="zh-CN" Value="打开决算助手"/>', "", /zh-CN/],
  ["English zh-CN override", 'Locale="zh-CN" Value="生成情况说明"', 'Locale="zh-CN" Value="Generate"', /不是中文/],
  ["wrong namespace", 'id="Functions.Namespace" DefaultValue="JS"', 'id="Functions.Namespace" DefaultValue="XX"', /命名空间应为“JS”/],
  ["short-lived runtime", 'lifetime="long"', 'lifetime="short"', /lifetime/],
  ["unregistered command", "<FunctionName>generateNarrative</FunctionName>", "<FunctionName>doesNotExist</FunctionName>", /doesNotExist.*Office\.actions\.associate/],
  ["no SharedRuntime set", '<bt:Set Name="SharedRuntime" MinVersion="1.1"/>\n', "", /SharedRuntime/],
  ["element order", /(<ProviderName>[^<]*<\/ProviderName>)\s*(<DefaultLocale>[^<]*<\/DefaultLocale>)/, "$2$1", /顺序/],
  ["no task pane button", 'xsi:type="ShowTaskpane"', 'xsi:type="ShowTaskPaneX"', /ShowTaskpane/],
];

test.each(cases)("a broken manifest fails: %s", (_name, from, to, message) => {
  const r = run(broken(from, to));
  expect(r.status).toBe(1);
  expect(r.out).toContain("清单校验失败 / Manifest validation failed");
  expect(r.out).toMatch(message);
});

test("a missing file fails with a bilingual message", () => {
  const r = spawnSync(process.execPath, [SCRIPT, path.join(os.tmpdir(), "no-such-manifest.xml")], { encoding: "utf8" });
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/找不到文件.*cannot read/);
});
