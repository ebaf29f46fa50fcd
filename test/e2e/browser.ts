/**
 * Debian's chromium under playwright-core, set up for a closed network: the launch flags below, a
 * fresh profile, and every request of every page intercepted — anything not addressed to
 * 127.0.0.1/localhost is refused and recorded (office.js from Microsoft's CDN is refused too, as
 * there is no network, but not counted as a violation). CSP violations, page errors and dialogs
 * are recorded per page.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--lang=zh-CN",
];
const OFFICE_JS = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js$/;

export interface PageLog {
  /** Requests to other hosts (the test fails on any). */
  offHost: string[];
  /** office.js requests (refused: no network here). */
  officeJs: string[];
  /** Console messages and securitypolicyviolation events that report a CSP violation. */
  csp: string[];
  pageErrors: string[];
  consoleErrors: string[];
  dialogs: string[];
}

export interface Browser {
  context: BrowserContext;
  newPage(): Promise<{ page: Page; log: PageLog }>;
  close(): Promise<void>;
}

export function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`找不到 chromium（${CHROMIUM}）：请先安装 apt-get install -y chromium fonts-noto-cjk`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "juesuan-e2e-profile-"));
  // --user-data-dir is given through launchPersistentContext (playwright refuses it in args).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 800 },
    locale: "zh-CN",
    acceptDownloads: true,
  });
  const logs = new WeakMap<Page, PageLog>();
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    const u = new URL(url);
    const log = logs.get(route.request().frame().page());
    if (u.protocol === "data:" || u.protocol === "blob:") return route.continue();
    if ((u.protocol === "http:" || u.protocol === "ws:") && (u.hostname === "127.0.0.1" || u.hostname === "localhost")) return route.continue();
    if (OFFICE_JS.test(url)) log?.officeJs.push(url);
    else log?.offHost.push(url);
    return route.abort("internetdisconnected");
  });
  await context.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return {
    context,
    async newPage() {
      const page = await context.newPage();
      const log: PageLog = { offHost: [], officeJs: [], csp: [], pageErrors: [], consoleErrors: [], dialogs: [] };
      logs.set(page, log);
      page.on("console", (m) => {
        const t = m.text();
        if (/Content Security Policy|Content-Security-Policy/i.test(t)) log.csp.push(t);
        else if (m.type() === "error") log.consoleErrors.push(t);
      });
      page.on("pageerror", (e) => log.pageErrors.push(String(e)));
      page.on("dialog", (d) => {
        log.dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss();
      });
      return { page, log };
    },
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** CSP violations seen by the page itself (securitypolicyviolation events), plus the console's. */
export async function cspViolations(page: Page, log: PageLog): Promise<string[]> {
  const own = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch(() => []);
  return [...log.csp, ...own];
}
