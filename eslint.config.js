/*
 * Flat config (eslint 9): eslint recommended + typescript-eslint recommended + the Office
 * add-in rules of eslint-plugin-office-addins (load/sync discipline of Excel.run code).
 * The plugin's own "recommended" config also turns on prettier formatting; this repo does not
 * use prettier, so only its office-addins rules are taken.
 */
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");

const officeRules = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((c) => Object.entries(c.rules ?? {}))
    .filter(([name]) => name.startsWith("office-addins/")),
);

module.exports = tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "build-tsc/**", "test-artifacts/**", "coverage/**", ".tmp/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,cjs,mjs}"],
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: {
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
        OfficeExtension: "readonly",
      },
    },
    rules: {
      ...officeRules,
      "no-eval": "error",
      // Chinese text legitimately contains U+3000 (ideographic space) in strings and patterns.
      "no-irregular-whitespace": ["error", { skipStrings: true, skipTemplates: true, skipRegExps: true, skipComments: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // Excel hands custom functions and adapters untyped values; `any` is sometimes the honest type.
      "@typescript-eslint/no-explicit-any": "warn",
    },
  },
  {
    // Node scripts, configs and the CLI entry are CommonJS.
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly",
        Buffer: "readonly", setTimeout: "readonly", URL: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Custom functions run in Excel's JS runtime: no Excel.run (it is not available to
    // functions without a shared runtime), no DOM, no floating globals.
    files: ["functions/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "document", "window", "localStorage"],
      "no-restricted-properties": ["error", { object: "Excel", property: "run", message: "自定义函数中不要调用 Excel.run（Do not call Excel.run in custom functions)." }],
    },
  },
  {
    files: ["test/**/*.{ts,tsx}", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-require-imports": "off" },
  },
);
