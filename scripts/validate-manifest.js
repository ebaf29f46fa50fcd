#!/usr/bin/env node
/*
 * Offline structural validation of the XML add-in manifest (the official validator calls an
 * online service). Microsoft's current manifest XSDs are published only inside the [MS-OWEMXML]
 * specification; the copies in OfficeDev/office-js-docs-pr are an older snapshot without
 * <Runtimes> (shared runtime), so validating against them would reject a correct manifest.
 * This script therefore checks, with its own small XML parser and no dependencies:
 *  - well-formed XML (one root, matching tags, quoted unique attributes, known entities);
 *  - the OfficeApp/TaskPaneApp structure, element order, Id GUID, Version format, lengths;
 *  - https URLs everywhere; every resid resolves to a resource of the right kind;
 *  - a zh-CN override (or zh-CN default) for every user-visible string;
 *  - the shared runtime, the custom-functions extension point and its namespace (JS);
 *  - ExecuteFunction names registered with Office.actions.associate in taskpane/commands.ts.
 * Usage: node scripts/validate-manifest.js [manifest.xml] [--commands taskpane/commands.ts] [--namespace JS]
 * Exit code 0 when valid, 1 when not (messages in Chinese and English).
 */
"use strict";
const fs = require("fs");
const path = require("path");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  xml: "http://www.w3.org/XML/1998/namespace",
};

class XmlError extends Error {}

/** Parses XML into { name, prefix, local, ns, attrs: [{name, value, line}], children, text, line }. */
function parseXml(src) {
  let i = 0;
  let line = 1;
  const text = src.replace(/^\uFEFF/, "");
  const fail = (zh, en) => {
    throw new XmlError(`第${line}行：${zh} / line ${line}: ${en}`);
  };
  const advance = (n) => {
    for (let k = 0; k < n; k++) if (text.charCodeAt(i + k) === 10) line++;
    i += n;
  };
  const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?/;
  const decode = (s) => {
    if (/&(?!(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);)/.test(s)) fail("“&”未转义（应写作 &amp;）", "unescaped '&' (write &amp;)");
    return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);?/g, (m, e) => {
      if (!m.endsWith(";")) fail("“&”未转义", "unescaped '&'");
      if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      const map = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
      if (!(e in map)) fail(`未知实体 &${e};`, `unknown entity &${e};`);
      return map[e];
    });
  };
  const skipMisc = () => {
    for (;;) {
      const ws = /^\s*/.exec(text.slice(i))[0];
      advance(ws.length);
      if (text.startsWith("<!--", i)) {
        const end = text.indexOf("-->", i + 4);
        if (end < 0) fail("注释未结束", "unterminated comment");
        advance(end + 3 - i);
      } else if (text.startsWith("<?", i)) {
        const end = text.indexOf("?>", i);
        if (end < 0) fail("处理指令未结束", "unterminated processing instruction");
        advance(end + 2 - i);
      } else if (text.startsWith("<!DOCTYPE", i)) {
        fail("清单不应包含 DOCTYPE", "a manifest must not contain a DOCTYPE");
      } else return;
    }
  };
  const parseElement = (parentScope) => {
    const startLine = line;
    advance(1); // "<"
    const m = NAME.exec(text.slice(i));
    if (!m) fail("元素名无效", "invalid element name");
    const name = m[0];
    advance(name.length);
    const attrs = [];
    for (;;) {
      const ws = /^\s*/.exec(text.slice(i))[0];
      advance(ws.length);
      if (text.startsWith("/>", i) || text[i] === ">") break;
      if (!ws) fail(`元素<${name}>的属性之间缺少空格`, `missing whitespace between attributes of <${name}>`);
      const a = NAME.exec(text.slice(i));
      if (!a) fail(`元素<${name}>中有无效的属性`, `invalid attribute in <${name}>`);
      advance(a[0].length);
      const eq = /^\s*=\s*/.exec(text.slice(i));
      if (!eq) fail(`属性${a[0]}缺少“=”`, `attribute ${a[0]} lacks '='`);
      advance(eq[0].length);
      const q = text[i];
      if (q !== '"' && q !== "'") fail(`属性${a[0]}的值未加引号`, `value of attribute ${a[0]} is not quoted`);
      const end = text.indexOf(q, i + 1);
      if (end < 0) fail(`属性${a[0]}的值未结束`, `unterminated value of attribute ${a[0]}`);
      const raw = text.slice(i + 1, end);
      if (raw.includes("<")) fail(`属性${a[0]}的值含“<”`, `'<' in the value of attribute ${a[0]}`);
      if (attrs.some((x) => x.name === a[0])) fail(`元素<${name}>的属性${a[0]}重复`, `duplicate attribute ${a[0]} on <${name}>`);
      attrs.push({ name: a[0], value: decode(raw), line });
      advance(end + 1 - i);
    }
    const scope = Object.assign({}, parentScope);
    for (const a of attrs) {
      if (a.name === "xmlns") scope[""] = a.value;
      else if (a.name.startsWith("xmlns:")) scope[a.name.slice(6)] = a.value;
    }
    const [prefix, local] = name.includes(":") ? name.split(":") : ["", name];
    if (!(prefix in scope)) fail(`前缀“${prefix}”未声明`, `undeclared prefix '${prefix}'`);
    const el = { name, prefix, local, ns: scope[prefix], attrs, children: [], text: "", line: startLine, scope };
    if (text.startsWith("/>", i)) {
      advance(2);
      return el;
    }
    advance(1);
    for (;;) {
      if (i >= text.length) fail(`元素<${name}>未闭合`, `element <${name}> is not closed`);
      if (text.startsWith("</", i)) {
        const close = /^<\/([^\s>]+)\s*>/.exec(text.slice(i));
        if (!close || close[1] !== name) {
          fail(`结束标签与<${name}>（第${startLine}行）不匹配`, `closing tag does not match <${name}> (line ${startLine})`);
        }
        advance(close[0].length);
        return el;
      }
      if (text.startsWith("<!--", i)) {
        const end = text.indexOf("-->", i + 4);
        if (end < 0) fail("注释未结束", "unterminated comment");
        advance(end + 3 - i);
      } else if (text.startsWith("<![CDATA[", i)) {
        const end = text.indexOf("]]>", i);
        if (end < 0) fail("CDATA 未结束", "unterminated CDATA");
        el.text += text.slice(i + 9, end);
        advance(end + 3 - i);
      } else if (text[i] === "<") {
        el.children.push(parseElement(scope));
      } else {
        const end = text.indexOf("<", i);
        const chunk = text.slice(i, end < 0 ? text.length : end);
        if (chunk.includes(">") && /\]\]>/.test(chunk)) fail("文本中出现“]]>”", "']]>' in text");
        el.text += decode(chunk);
        advance(chunk.length);
      }
    }
  };
  skipMisc();
  if (text[i] !== "<") fail("缺少根元素", "no root element");
  const root = parseElement({ xml: NS.xml });
  skipMisc();
  if (i < text.length) fail("根元素之后还有内容", "content after the root element");
  return root;
}

const attr = (el, name) => {
  const a = el.attrs.find((x) => x.name === name);
  return a ? a.value : undefined;
};
/** The value of xsi:type, resolved to its local name. */
const xsiType = (el) => {
  const a = el.attrs.find((x) => x.name.includes(":") && el.scope[x.name.split(":")[0]] === NS.xsi && x.name.endsWith(":type"));
  return a ? a.value.replace(/^.*:/, "") : undefined;
};
const kids = (el, local, ns) => el.children.filter((c) => c.local === local && (!ns || c.ns === ns));
const kid = (el, local, ns) => kids(el, local, ns)[0];
const walk = (el, f) => {
  f(el);
  el.children.forEach((c) => walk(c, f));
};

const GUID = /^(\{[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
const VERSION = /^[0-9]{1,5}(\.[0-9]{1,5}){0,3}$/;
const CULTURE = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,2}$/;
const CJK = /[\u3400-\u9fff]/;
const ORDER = [
  "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
  "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions",
  "AllowSnapshot", "VersionOverrides",
];
const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];

/**
 * Validates manifest text. Returns { errors: string[], warnings: string[], checks: number };
 * every message is "中文 / English".
 */
function validateManifest(xmlText, options = {}) {
  const errors = [];
  const warnings = [];
  let checks = 0;
  const check = (cond, zh, en) => {
    checks++;
    if (!cond) errors.push(`${zh} / ${en}`);
    return Boolean(cond);
  };
  const expectedNamespace = options.namespace ?? "JS";
  let root;
  try {
    root = parseXml(xmlText);
  } catch (e) {
    if (e instanceof XmlError) return { errors: [`XML 格式错误：${e.message} / XML is not well-formed`], warnings, checks: 1 };
    throw e;
  }
  if (!check(root.local === "OfficeApp" && root.ns === NS.app, "根元素应为 appforoffice/1.1 命名空间中的 <OfficeApp>", "the root must be <OfficeApp> in the appforoffice/1.1 namespace")) {
    return { errors, warnings, checks };
  }
  check(xsiType(root) === "TaskPaneApp", "<OfficeApp> 的 xsi:type 应为 TaskPaneApp", "<OfficeApp> xsi:type must be TaskPaneApp");

  // Top-level children: known names, XSD order, required ones.
  const names = root.children.filter((c) => c.ns === NS.app || c.local === "VersionOverrides").map((c) => c.local);
  let last = -1;
  for (const n of names) {
    const k = ORDER.indexOf(n);
    if (!check(k >= 0, `<OfficeApp> 下有未知元素 <${n}>`, `unknown element <${n}> under <OfficeApp>`)) continue;
    check(k > last, `<${n}> 的位置不符合架构规定的顺序`, `<${n}> is out of the schema's order`);
    last = Math.max(last, k);
  }
  for (const n of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "DefaultSettings"]) {
    check(names.filter((x) => x === n).length === 1, `缺少 <${n}>（或出现多次）`, `<${n}> is missing or repeated`);
  }
  const textOf = (n) => (kid(root, n, NS.app)?.text ?? "").trim();
  check(GUID.test(textOf("Id")), `<Id> “${textOf("Id")}” 不是 GUID`, `<Id> is not a GUID`);
  check(VERSION.test(textOf("Version")), `<Version> “${textOf("Version")}” 格式应为 n.n.n.n`, "<Version> must look like n.n.n.n");
  check(textOf("ProviderName").length > 0, "<ProviderName> 不能为空", "<ProviderName> must not be empty");
  const defaultLocale = textOf("DefaultLocale");
  check(CULTURE.test(defaultLocale), `<DefaultLocale> “${defaultLocale}” 不是有效的区域名称`, "<DefaultLocale> is not a culture name");
  const zhDefault = defaultLocale.toLowerCase() === "zh-cn";

  const localeAware = (n, max) => {
    const el = kid(root, n, NS.app);
    if (!el) return;
    const v = attr(el, "DefaultValue");
    check(v && v.length <= max, `<${n}> 需要 DefaultValue（最多${max}个字符）`, `<${n}> needs a DefaultValue of at most ${max} characters`);
    const zh = kids(el, "Override", NS.app).find((o) => (attr(o, "Locale") || "").toLowerCase() === "zh-cn");
    for (const o of kids(el, "Override", NS.app)) {
      check(CULTURE.test(attr(o, "Locale") || ""), `<${n}> 的 Override 区域名称无效`, `invalid Locale in an Override of <${n}>`);
      check(attr(o, "Value"), `<${n}> 的 Override 缺少 Value`, `an Override of <${n}> lacks a Value`);
    }
    if (max <= 250) {
      const zhValue = zhDefault ? v : zh && attr(zh, "Value");
      check(zhValue && CJK.test(zhValue), `<${n}> 缺少中文（zh-CN）文字`, `<${n}> has no zh-CN text`);
    }
  };
  localeAware("DisplayName", 125);
  localeAware("Description", 250);

  // URLs: https everywhere.
  const urls = [];
  for (const n of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) {
    const el = kid(root, n, NS.app);
    if (el) urls.push([n, attr(el, "DefaultValue")]);
  }
  const defaultSettings = kid(root, "DefaultSettings", NS.app);
  const src = defaultSettings && kid(defaultSettings, "SourceLocation", NS.app);
  check(src && attr(src, "DefaultValue"), "<DefaultSettings> 缺少 <SourceLocation DefaultValue>", "<DefaultSettings> lacks <SourceLocation DefaultValue>");
  if (src) urls.push(["DefaultSettings/SourceLocation", attr(src, "DefaultValue")]);
  const domains = kid(root, "AppDomains", NS.app);
  if (domains) kids(domains, "AppDomain", NS.app).forEach((d) => urls.push(["AppDomain", d.text.trim()]));

  const hosts = kid(root, "Hosts", NS.app);
  check(hosts && kids(hosts, "Host", NS.app).some((h) => attr(h, "Name") === "Workbook"), "<Hosts> 中应有 <Host Name=\"Workbook\"/>（Excel）", "<Hosts> must contain <Host Name=\"Workbook\"/> (Excel)");
  check(PERMISSIONS.includes(textOf("Permissions")), `<Permissions> 应为 ${PERMISSIONS.join("、")} 之一`, `<Permissions> must be one of ${PERMISSIONS.join(", ")}`);

  // VersionOverrides.
  const vo = kid(root, "VersionOverrides");
  const result = () => {
    for (const [where, u] of urls) {
      check(typeof u === "string" && /^https:\/\/[^\s]+$/.test(u), `${where} 的地址“${u ?? ""}”必须是 https 网址`, `${where} URL "${u ?? ""}" must be an https URL`);
    }
    return { errors, warnings, checks };
  };
  if (!check(vo && vo.ns === NS.ov, "缺少 taskpaneappversionoverrides 命名空间中的 <VersionOverrides>", "<VersionOverrides> in the taskpaneappversionoverrides namespace is missing")) {
    return result();
  }
  check(xsiType(vo) === "VersionOverridesV1_0", "<VersionOverrides> 的 xsi:type 应为 VersionOverridesV1_0", "<VersionOverrides> xsi:type must be VersionOverridesV1_0");

  // Resources.
  const resources = kid(vo, "Resources", NS.ov);
  const res = { Images: new Map(), Urls: new Map(), ShortStrings: new Map(), LongStrings: new Map() };
  const limits = { ShortStrings: 125, LongStrings: 250 };
  if (check(resources, "<VersionOverrides> 缺少 <Resources>", "<VersionOverrides> lacks <Resources>")) {
    for (const kind of Object.keys(res)) {
      const group = kid(resources, kind, NS.bt);
      if (!group) continue;
      for (const r of group.children) {
        const id = attr(r, "id");
        const v = attr(r, "DefaultValue");
        check(id && id.length <= 32, `<bt:${kind}> 中第${r.line}行的资源 id 缺失或超过32个字符`, `resource at line ${r.line} in <bt:${kind}> has no id or one longer than 32 characters`);
        check(id && ![...Object.values(res)].some((m) => m.has(id)), `资源 id “${id}” 重复`, `duplicate resource id "${id}"`);
        check(v, `资源“${id}”缺少 DefaultValue`, `resource "${id}" lacks a DefaultValue`);
        if (id) res[kind].set(id, { el: r, used: false });
        if (kind === "Images" || kind === "Urls") urls.push([`资源 ${id}`, v]);
        if (limits[kind]) {
          check(!v || v.length <= limits[kind], `资源“${id}”超过${limits[kind]}个字符`, `resource "${id}" is longer than ${limits[kind]} characters`);
          const zh = kids(r, "Override", NS.bt).find((o) => (attr(o, "Locale") || "").toLowerCase() === "zh-cn");
          const zhValue = zh ? attr(zh, "Value") : undefined;
          check(zh && zhValue, `字符串资源“${id}”缺少 zh-CN 的 <bt:Override>`, `string resource "${id}" has no zh-CN <bt:Override>`);
          if (zhValue && id !== "Functions.Namespace" && !/Namespace$/.test(id)) {
            check(CJK.test(zhValue), `字符串资源“${id}”的 zh-CN 文字不是中文`, `the zh-CN text of "${id}" is not Chinese`);
          }
          if (zhValue) check(zhValue.length <= limits[kind], `字符串资源“${id}”的 zh-CN 文字过长`, `the zh-CN text of "${id}" is too long`);
        }
      }
    }
  }
  const KIND_OF = {
    Label: "ShortStrings", Title: "ShortStrings", Namespace: "ShortStrings", Description: "LongStrings",
    SourceLocation: "Urls", FunctionFile: "Urls", LearnMoreUrl: "Urls", Runtime: "Urls", Image: "Images",
  };
  walk(vo, (e) => {
    const resid = attr(e, "resid");
    if (resid === undefined) return;
    const kind = KIND_OF[e.local];
    const entry = kind && res[kind].get(resid);
    check(entry, `第${e.line}行 <${e.local}> 引用的资源“${resid}”不存在于 <bt:${kind ?? "?"}>`, `resid "${resid}" on <${e.local}> (line ${e.line}) is not defined in <bt:${kind ?? "?"}>`);
    if (entry) entry.used = true;
  });
  for (const [kind, m] of Object.entries(res)) {
    for (const [id, v] of m) if (!v.used) warnings.push(`资源“${id}”（bt:${kind}）未被使用 / resource "${id}" is never referenced`);
  }

  // Requirement sets.
  const voSets = new Map();
  const voReq = kid(vo, "Requirements", NS.ov);
  if (voReq) walk(voReq, (e) => e.local === "Set" && voSets.set(attr(e, "Name"), attr(e, "MinVersion")));
  for (const [n, v] of voSets) {
    check(n && (v === undefined || /^\d+\.\d+$/.test(v)), `要求集“${n}”的 MinVersion 格式错误`, `requirement set "${n}" has a malformed MinVersion`);
  }

  // Hosts, runtimes, extension points.
  const voHosts = kid(vo, "Hosts", NS.ov);
  const host = voHosts && kids(voHosts, "Host", NS.ov).find((h) => xsiType(h) === "Workbook");
  if (!check(host, "<VersionOverrides> 中缺少 xsi:type=\"Workbook\" 的 <Host>", "<VersionOverrides> has no <Host xsi:type=\"Workbook\">")) return result();
  const runtimes = kid(host, "Runtimes", NS.ov);
  const runtime = runtimes && kid(runtimes, "Runtime", NS.ov);
  const sharedUrl = runtime && attr(runtime, "resid");
  if (runtime) {
    check(attr(runtime, "lifetime") === "long", "共享运行时 <Runtime> 应声明 lifetime=\"long\"", "the shared <Runtime> must declare lifetime=\"long\"");
    check(voSets.has("SharedRuntime"), "使用 <Runtimes> 时须在 <VersionOverrides> 的 <Requirements> 中声明 SharedRuntime 要求集", "using <Runtimes> requires the SharedRuntime set in the <Requirements> of <VersionOverrides>");
  }
  let customFunctions = null;
  const all = kid(host, "AllFormFactors", NS.ov);
  if (all) customFunctions = kids(all, "ExtensionPoint", NS.ov).find((e) => xsiType(e) === "CustomFunctions");
  if (options.requireCustomFunctions !== false) {
    if (check(customFunctions, "缺少自定义函数扩展点（AllFormFactors/ExtensionPoint xsi:type=\"CustomFunctions\"）", "the CustomFunctions extension point is missing")) {
      for (const n of ["Script", "Page", "Metadata"]) {
        const el = kid(customFunctions, n, NS.ov);
        check(el && kid(el, "SourceLocation", NS.ov), `自定义函数缺少 <${n}><SourceLocation>`, `custom functions lack <${n}><SourceLocation>`);
      }
      const nsEl = kid(customFunctions, "Namespace", NS.ov);
      const nsRes = nsEl && res.ShortStrings.get(attr(nsEl, "resid"));
      const nsValue = nsRes && attr(nsRes.el, "DefaultValue");
      check(nsValue === expectedNamespace, `自定义函数命名空间应为“${expectedNamespace}”（现为“${nsValue ?? ""}”）`, `the custom functions namespace must be "${expectedNamespace}" (found "${nsValue ?? ""}")`);
      check(voSets.has("CustomFunctionsRuntime"), "使用自定义函数须声明 CustomFunctionsRuntime 要求集", "custom functions require the CustomFunctionsRuntime requirement set");
      if (sharedUrl) {
        const page = kid(customFunctions, "Page", NS.ov);
        const pageSrc = page && kid(page, "SourceLocation", NS.ov);
        check(pageSrc && attr(pageSrc, "resid") === sharedUrl, "自定义函数的 <Page> 应指向共享运行时页面", "the custom functions <Page> must be the shared runtime page");
      }
    }
  }
  const desktop = kid(host, "DesktopFormFactor", NS.ov);
  const functionNames = [];
  let taskpaneButtons = 0;
  if (check(desktop, "缺少 <DesktopFormFactor>", "<DesktopFormFactor> is missing")) {
    const ff = kid(desktop, "FunctionFile", NS.ov);
    if (sharedUrl) {
      check(ff && attr(ff, "resid") === sharedUrl, "<FunctionFile> 应指向共享运行时页面", "<FunctionFile> must be the shared runtime page");
    }
    const ids = new Set();
    walk(desktop, (e) => {
      if (e.local === "Group" || e.local === "Control") {
        const id = attr(e, "id");
        check(id && id.length <= 125, `第${e.line}行 <${e.local}> 缺少 id`, `<${e.local}> at line ${e.line} lacks an id`);
        check(!ids.has(id), `控件 id “${id}” 重复`, `duplicate control id "${id}"`);
        ids.add(id);
      }
      if (e.local === "Group") {
        check(kid(e, "Label", NS.ov) && kid(e, "Icon", NS.ov) && kids(e, "Control", NS.ov).length > 0, `组“${attr(e, "id")}”需要 Label、Icon 和至少一个 Control`, `group "${attr(e, "id")}" needs a Label, an Icon and a Control`);
      }
      if (e.local === "Control") {
        const type = xsiType(e);
        check(type === "Button" || type === "Menu", `控件“${attr(e, "id")}”的 xsi:type 应为 Button 或 Menu`, `control "${attr(e, "id")}" must be a Button or Menu`);
        const tip = kid(e, "Supertip", NS.ov);
        check(kid(e, "Label", NS.ov) && tip && kid(tip, "Title", NS.ov) && kid(tip, "Description", NS.ov), `控件“${attr(e, "id")}”需要 Label 和 Supertip（Title、Description）`, `control "${attr(e, "id")}" needs a Label and a Supertip with Title and Description`);
        const icon = kid(e, "Icon", NS.ov);
        const sizes = icon ? kids(icon, "Image", NS.bt).map((im) => attr(im, "size")) : [];
        check(["16", "32", "80"].every((s) => sizes.includes(s)), `控件“${attr(e, "id")}”需要16、32、80像素的图标`, `control "${attr(e, "id")}" needs 16, 32 and 80 px icons`);
        const action = kid(e, "Action", NS.ov);
        if (type === "Button" && check(action, `按钮“${attr(e, "id")}”缺少 <Action>`, `button "${attr(e, "id")}" lacks an <Action>`)) {
          const at = xsiType(action);
          if (at === "ExecuteFunction") {
            const fn = kid(action, "FunctionName", NS.ov);
            const name = fn ? fn.text.trim() : "";
            check(/^[A-Za-z_$][\w$]*$/.test(name), `按钮“${attr(e, "id")}”的 FunctionName 无效`, `button "${attr(e, "id")}" has an invalid FunctionName`);
            functionNames.push(name);
          } else if (at === "ShowTaskpane") {
            taskpaneButtons++;
            check(kid(action, "SourceLocation", NS.ov), `按钮“${attr(e, "id")}”的 ShowTaskpane 缺少 SourceLocation`, `ShowTaskpane of "${attr(e, "id")}" lacks a SourceLocation`);
          } else {
            check(false, `按钮“${attr(e, "id")}”的动作类型“${at}”无效`, `button "${attr(e, "id")}" has an unknown action type "${at}"`);
          }
        }
      }
    });
    check(taskpaneButtons > 0, "功能区中应有打开任务窗格的按钮（ShowTaskpane）", "the ribbon needs a button that opens the task pane (ShowTaskpane)");
  }
  if (functionNames.length > 0) {
    const commandsFile = options.commandsFile;
    let source = "";
    try {
      source = commandsFile ? fs.readFileSync(commandsFile, "utf8") : "";
    } catch {
      source = "";
    }
    check(source, `找不到命令文件“${commandsFile}”`, `commands file "${commandsFile}" not found`);
    for (const name of functionNames) {
      const re = new RegExp(`Office\\.actions\\.associate\\(\\s*["'\`]${name}["'\`]`);
      check(!source || re.test(source), `FunctionName “${name}” 没有在 ${path.basename(commandsFile || "commands.ts")} 中用 Office.actions.associate 注册`, `FunctionName "${name}" is not registered with Office.actions.associate in ${path.basename(commandsFile || "commands.ts")}`);
    }
  }
  return result();
}

function main(argv) {
  const args = argv.slice();
  const opt = (flag) => {
    const k = args.indexOf(flag);
    if (k < 0) return undefined;
    const v = args[k + 1];
    args.splice(k, 2);
    return v;
  };
  const root = path.resolve(__dirname, "..");
  const commandsFile = opt("--commands") ?? path.join(root, "taskpane", "commands.ts");
  const namespace = opt("--namespace") ?? "JS";
  const file = args[0] ?? path.join(root, "manifest.xml");
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    process.stderr.write(`清单校验失败：找不到文件 ${file} / Manifest validation failed: cannot read ${file}\n`);
    return 1;
  }
  const r = validateManifest(text, { commandsFile, namespace });
  for (const w of r.warnings) process.stdout.write(`提示 / warning: ${w}\n`);
  if (r.errors.length > 0) {
    process.stderr.write(`清单校验失败 / Manifest validation failed: ${file}\n`);
    for (const e of r.errors) process.stderr.write(`  - ${e}\n`);
    return 1;
  }
  process.stdout.write(`清单校验通过 / Manifest is valid: ${path.relative(process.cwd(), file) || file}（${r.checks} 项检查 / checks）\n`);
  return 0;
}

module.exports = { validateManifest, parseXml };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
