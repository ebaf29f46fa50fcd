/*
 * One shared runtime: taskpane.html loads the pane, the ribbon commands and the custom
 * functions (manifest: Runtime, FunctionFile and CustomFunctions Page all point at it).
 * One page, one copy of the core: the three entries share one webpack runtime (runtime.js) and
 * every module two of them use goes once into shared.js; commands.js and functions.js keep only
 * their own code. The page runs commands first (its Office.actions.associate must come before
 * anything else), then the functions, then the pane.
 * What the first screen (检查) does not need is loaded on demand, in chunks of its own: generate.js (the
 * generator and its sentence templates; the pane's 生成 and the ribbon command load it), generate-tab.js
 * perf.js and recognition-tab.js (the 生成, 绩效 and 识别 tabs), docx.js (the Word writer), word-import.js (JSZip and the .docx
 * reader). A chunk the ribbon command may load (generate, docx) holds no pane UI: webpack puts into an
 * on-demand chunk whatever one of the entries that may load it lacks, and commands has no React. A module
 * two on-demand chunks both need, and the start load lacks, goes once into a chunk of its own
 * (cacheGroups.lazyShared, e.g. docx~generate.js), never into both: still one copy of the core.
 * functions.json is generated from the JSDoc in functions/functions.ts by
 * custom-functions-metadata-plugin, which also appends the CustomFunctions.associate calls.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_BASE_URL = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

/** The entries taskpane.html loads, in the order it runs them. */
const PAGE_ENTRIES = ["commands", "functions", "taskpane"];

/**
 * Where office.js loads from and talks to, as far as Microsoft documents or its issues report:
 * - script: the CDN itself; office.js then loads its host scripts (excel-win32-16.01.js,
 *   excel-web-16.00.js, office_strings.js, …) from the same origin (learn.microsoft.com, "Referencing
 *   the Office JavaScript API library"); https://ajax.aspnetcdn.com for the Microsoft Ajax library
 *   (OfficeDev/office-js #1005, office-js-docs-pr #721);
 * - connect: telemetry to https://browser.pipe.aria.microsoft.com (the same issues);
 * - style: excel-web-16.00.js applies inline styles (OfficeDev/office-js #1687): 'unsafe-inline'.
 */
const OFFICE_JS_ORIGINS = {
  script: [new URL(OFFICE_JS_CDN).origin, "https://ajax.aspnetcdn.com"],
  connect: [new URL(OFFICE_JS_CDN).origin, "https://browser.pipe.aria.microsoft.com"],
};

/**
 * Content-Security-Policy of the pages (a meta tag: Office serves the add-in from any static host).
 * Scripts only from the page's origin, plus office.js's origins (OFFICE_JS_ORIGINS) on the
 * production pane; Fluent UI (griffel) and office.js inject styles, hence 'unsafe-inline' for
 * styles only.
 */
function csp(office = null) {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...(office ? office.script : [])].join(" "),
    "style-src 'self' 'unsafe-inline'",
    ["connect-src 'self'", ...(office ? office.connect : [])].join(" "),
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** Puts the CSP meta tag right after <meta charset>, ahead of every script tag (office.js included). */
class CspMetaPlugin {
  constructor(policies) {
    this.policies = policies; // output file name → policy
  }
  apply(compiler) {
    compiler.hooks.compilation.tap("CspMetaPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap("CspMetaPlugin", (data) => {
        const policy = this.policies[data.outputName];
        if (!policy || /http-equiv=["']?Content-Security-Policy/i.test(data.html)) return data;
        const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
        const at = data.html.search(/<meta charset[^>]*>/i);
        if (at < 0) throw new Error(`${data.outputName}: no <meta charset> to put the CSP after`);
        const end = data.html.indexOf(">", at) + 1;
        data.html = data.html.slice(0, end) + tag + data.html.slice(end);
        return data;
      });
    });
  }
}

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  // Set ADDIN_BASE_URL (e.g. https://addin.example.gov.cn/juesuan/) to publish the manifest for a server.
  const baseUrl = process.env.ADDIN_BASE_URL || DEV_BASE_URL;
  return {
    mode: dev ? "development" : "production",
    // No eval-based source maps: the pages' Content-Security-Policy forbids eval, in development too.
    devtool: "source-map",
    entry: {
      taskpane: "./taskpane/index.tsx",
      commands: "./taskpane/commands.ts",
      functions: "./functions/functions.ts",
      // The preview without Excel: the real pane against the simulated Excel (preview/preview.tsx).
      preview: "./preview/preview.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      // Chunks loaded on demand (generate.js, generate-tab.js, perf.js, docx.js, word-import.js: see the top comment; each
      // named by webpackChunkName where it is imported) sit next to the pages: relative to the page, so that the
      // shared runtime needs no document.currentScript (the custom functions may run without a DOM).
      publicPath: "",
      clean: true,
    },
    // fs: only the CLI's readXlsx(path) uses it; the preview reuses the same adapter on bytes.
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"], fallback: { fs: false } },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext", moduleResolution: "node", sourceMap: true } },
          },
        },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
        // The example workbooks the preview opens by default.
        { test: /\.xlsx$/, type: "asset/resource", generator: { filename: "workbooks/[name][ext]" } },
      ],
    },
    performance: { hints: false },
    optimization: {
      // One runtime for the page's three entries (one module registry), its own for the preview.
      runtimeChunk: { name: (entry) => (PAGE_ENTRIES.includes(entry.name) ? "runtime" : `runtime-${entry.name}`) },
      splitChunks: {
        cacheGroups: {
          default: false,
          defaultVendors: false,
          shared: {
            name: "shared",
            chunks: (chunk) => PAGE_ENTRIES.includes(chunk.name),
            minChunks: 2,
            enforce: true,
            reuseExistingChunk: true,
          },
          // Modules that two or more on-demand chunks need (e.g. the generator's sentence templates, used by
          // generate.js and docx.js): one chunk per set of chunks sharing them, named after that set.
          lazyShared: {
            chunks: "async",
            minChunks: 2,
            enforce: true,
            reuseExistingChunk: true,
            name: (module, chunks) => chunks.map((c) => c.name).sort().join("~"),
          },
        },
      },
    },
    plugins: [
      new CspMetaPlugin({ "taskpane.html": csp(dev ? null : OFFICE_JS_ORIGINS) }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./functions/functions.ts" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./taskpane/taskpane.html",
        // The shared runtime page runs all three entries: commands first (see the top comment).
        chunks: PAGE_ENTRIES,
        chunksSortMode: "manual",
        templateParameters: { officeJs: dev ? "office-js/office.js" : OFFICE_JS_CDN },
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./preview/preview.html",
        chunks: ["preview"],
        // The preview never loads office.js: its CSP allows scripts from its own origin only.
        templateParameters: { csp: csp() },
      }),
      new HtmlWebpackPlugin({
        filename: "notice.html",
        template: "./taskpane/notice.html",
        chunks: [],
        templateParameters: { officeJs: dev ? "office-js/office.js" : OFFICE_JS_CDN },
      }),
      new CopyWebpackPlugin({
        patterns: [
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              baseUrl === DEV_BASE_URL ? content : content.toString().split(DEV_BASE_URL).join(baseUrl),
          },
          { from: "taskpane/assets/*.png", to: "assets/[name][ext]" },
          // Only these two files: copying the whole 33 MB dist folder makes the build ten times slower.
          ...["office.js", "o15apptofilemappingtable.js"].map((f) => ({
            from: path.join(OFFICE_JS_DIR, f),
            to: `office-js/${f}`,
            info: { minimized: true },
          })),
        ],
      }),
    ],
    devServer: {
      host: "127.0.0.1",
      port: 3000,
      server: "http",
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      client: { overlay: false },
    },
  };
};

module.exports.csp = csp;
module.exports.OFFICE_JS_ORIGINS = OFFICE_JS_ORIGINS;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.PAGE_ENTRIES = PAGE_ENTRIES;
