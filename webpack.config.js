/*
 * One shared runtime: taskpane.html loads the pane, the ribbon commands and the custom
 * functions bundles (manifest: Runtime, FunctionFile and CustomFunctions Page all point at it).
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

module.exports = (env, argv) => {
  const dev = argv.mode !== "production";
  // Set ADDIN_BASE_URL (e.g. https://addin.example.gov.cn/juesuan/) to publish the manifest for a server.
  const baseUrl = process.env.ADDIN_BASE_URL || DEV_BASE_URL;
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "eval-source-map" : "source-map",
    entry: {
      taskpane: "./taskpane/index.tsx",
      commands: "./taskpane/commands.ts",
      functions: "./functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
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
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./functions/functions.ts" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./taskpane/taskpane.html",
        // The shared runtime page runs all three bundles; functions last so the pane renders first.
        chunks: ["taskpane", "commands", "functions"],
        chunksSortMode: "manual",
        templateParameters: { officeJs: dev ? "office-js/office.js" : OFFICE_JS_CDN },
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
