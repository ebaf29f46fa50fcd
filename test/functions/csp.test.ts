/**
 * The production pane's Content-Security-Policy against the origins office.js is documented (or
 * reported in OfficeDev/office-js issues) to load from and talk to: each must be allowed by the
 * directive the browser applies to that kind of request, and nothing else is opened up.
 */
import * as path from "path";

// webpack.config.js is CommonJS and exports the policy builder next to the config function.
const config = require(path.resolve(__dirname, "../../webpack.config.js")) as {
  csp: (office: { script: string[]; connect: string[] } | null) => string;
  OFFICE_JS_ORIGINS: { script: string[]; connect: string[] };
  OFFICE_JS_CDN: string;
};

/** The source list of a directive, falling back to default-src as browsers do. */
function sources(policy: string, directive: string): string[] {
  const parts = new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map((d) => [d[0], d.slice(1)] as const),
  );
  return parts.get(directive) ?? parts.get("default-src") ?? [];
}

/** Does a source list allow a URL (host sources with scheme, 'self' never matches a foreign origin)? */
function allows(list: string[], url: string): boolean {
  const u = new URL(url);
  return list.some((s) => {
    if (s === "*") return true;
    if (s.startsWith("'")) return false;
    const m = /^(https?:)\/\/(\*\.)?([^/:]+)(:\*|:\d+)?/.exec(s);
    if (!m) return false;
    if (m[1] !== u.protocol) return false;
    return m[2] ? u.hostname.endsWith(`.${m[3]}`) : u.hostname === m[3];
  });
}

const policy = config.csp(config.OFFICE_JS_ORIGINS);

describe("the pane's CSP lets office.js work", () => {
  test.each([
    // office.js itself and the host scripts it loads from its own folder (learn.microsoft.com, referencing the library)
    ["script-src", config.OFFICE_JS_CDN],
    ["script-src", "https://appsforoffice.microsoft.com/lib/1/hosted/excel-win32-16.01.js"],
    ["script-src", "https://appsforoffice.microsoft.com/lib/1/hosted/excel-web-16.00.js"],
    ["script-src", "https://appsforoffice.microsoft.com/lib/1/hosted/zh-cn/office_strings.js"],
    // the Microsoft Ajax library and telemetry (OfficeDev/office-js #1005, office-js-docs-pr #721)
    ["script-src", "https://ajax.aspnetcdn.com/ajax/4.0/1/MicrosoftAjax.js"],
    ["connect-src", "https://browser.pipe.aria.microsoft.com/Collector/3.0/"],
  ])("%s allows %s", (directive, url) => {
    expect(allows(sources(policy, directive), url)).toBe(true);
  });

  test("excel-web-16.00.js applies inline styles (OfficeDev/office-js #1687): style-src has 'unsafe-inline'; scripts never do", () => {
    expect(sources(policy, "style-src")).toContain("'unsafe-inline'");
    expect(sources(policy, "script-src")).not.toContain("'unsafe-inline'");
    expect(sources(policy, "script-src")).not.toContain("'unsafe-eval'");
  });

  test("nothing else is opened: other origins, plugins and foreign base URLs stay blocked", () => {
    expect(allows(sources(policy, "script-src"), "https://evil.example.com/x.js")).toBe(false);
    expect(allows(sources(policy, "connect-src"), "https://evil.example.com/")).toBe(false);
    expect(sources(policy, "object-src")).toEqual(["'none'"]);
    expect(sources(policy, "base-uri")).toEqual(["'self'"]);
  });

  test("the preview (no office.js) allows its own origin only", () => {
    const preview = config.csp(null);
    expect(allows(sources(preview, "script-src"), config.OFFICE_JS_CDN)).toBe(false);
    expect(sources(preview, "connect-src")).toEqual(["'self'"]);
  });
});
