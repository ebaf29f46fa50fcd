/**
 * Every rule id of the rule data has its own case file test/rules/cases/<id>.json with valid and invalid cases
 * (test/rules/runner.ts); the test fails for a rule without one.
 */
import * as fs from "fs";
import * as path from "path";
import tables from "../../src/data/rules/tables.json";
import text from "../../src/data/rules/text.json";
import bindings from "../../src/data/rules/bindings.json";
import recognition from "../../src/data/rules/recognition.json";
import perf from "../../src/data/perf/rules.json";
import backlog from "./backlog.json";
import { matches, runCase, type RuleCases } from "./runner";

const DIR = path.join(__dirname, "cases");
export const RULE_IDS = [
  ...new Set([
    ...tables.rules.map((r) => r.id),
    ...text.rules.map((r) => r.id),
    ...Object.keys(bindings.rules),
    ...Object.values(recognition.rules).map((r) => r.id),
    ...Object.keys(perf.rules),
  ]),
].sort();

describe("rule cases", () => {
  it("every rule in the data has a case file with valid and invalid cases", () => {
    const missing = RULE_IDS.filter((id) => {
      const f = path.join(DIR, `${id}.json`);
      if (!fs.existsSync(f)) return true;
      const c = JSON.parse(fs.readFileSync(f, "utf8")) as RuleCases;
      return !(c.valid?.length > 0 && c.invalid?.length > 0);
    });
    // The backlog (test/rules/backlog.json) lists rules whose cases are still to be written; it only shrinks.
    // (typed: an empty backlog's JSON array is inferred as never[])
    const pending: string[] = backlog.rules;
    expect(missing.filter((id) => !pending.includes(id))).toEqual([]);
    expect(pending.filter((id) => !missing.includes(id))).toEqual([]);
  });

  const files = fs.existsSync(DIR) ? fs.readdirSync(DIR).filter((n) => n.endsWith(".json")).sort() : [];
  describe.each(files)("%s", (file) => {
    const c = JSON.parse(fs.readFileSync(path.join(DIR, file), "utf8")) as RuleCases;
    it("names a rule of the data", () => {
      expect(RULE_IDS).toContain(c.rule);
      expect(file).toBe(`${c.rule}.json`);
    });
    for (const v of c.valid ?? []) {
      it(`valid: ${v.name}`, async () => {
        const found = (await runCase(v)).filter((f) => f.rule === c.rule);
        expect(found.map((f) => f.message)).toEqual([]);
      }, 30000);
    }
    for (const v of c.invalid ?? []) {
      it(`invalid: ${v.name}`, async () => {
        const all = await runCase(v);
        const hit = all.some((f) => matches(f, c.rule, v.expect));
        if (!hit) expect(all.filter((f) => f.rule === c.rule).map((f) => ({ row: f.row, cell: f.cell, severity: f.severity, message: f.message }))).toEqual([`a ${c.rule} finding like ${JSON.stringify(v.expect ?? {})}`]);
      }, 30000);
    }
  });
});
