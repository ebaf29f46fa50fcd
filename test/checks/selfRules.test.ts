/**
 * The self rules of the 情况说明 (src/checks/self): every module's ids are rule ids of the rule data, and every finding
 * a module emits on the rule cases of those ids, on a few edits of the examples (EXTRA) and on the example workbooks carries an id that module declares
 * (and each declared id is emitted by its module somewhere, so no declaration is stale).
 */
import * as fs from "fs";
import * as path from "path";
import { readXlsx } from "../../cli/adapters/xlsx";
import { checkWorkbook } from "../../src/checks";
import { NARRATIVE_SELF_RULES, type SelfRule } from "../../src/checks/self";
import bindings from "../../src/data/rules/bindings.json";
import recognition from "../../src/data/rules/recognition.json";
import tables from "../../src/data/rules/tables.json";
import text from "../../src/data/rules/text.json";
import { runCase, type RuleCase, type RuleCases } from "../rules/runner";

const RULE_DATA_IDS = new Set([...tables.rules.map((r) => r.id), ...text.rules.map((r) => r.id), ...Object.keys(bindings.rules), ...Object.values(recognition.rules).map((r) => r.id)]);
const SELF_IDS = [...new Set(NARRATIVE_SELF_RULES.flatMap((r) => r.ids))].sort();
const CASES = path.join(__dirname, "../rules/cases");
const WORKBOOKS = path.join(__dirname, "../workbooks");

/** Cases for what the rule case files leave to another module of the same id (one edit of the Sichuan example each). */
const EXTRA: RuleCase[] = [
  // 五（一）share of the 本年支出合计 (./shares.ts, not a list's share)
  { name: "五（一）share", base: "sichuan-2020", edits: [{ replace: ["占本年支出合计的100.00%", "占本年支出合计的90.00%"] }] },
  // a change whose rate word contradicts its amount word (./yoy.ts, not an execution's comparison)
  { name: "YoY direction words", base: "sichuan-2020", edits: [{ replace: ["比2019年减少0.20万元，下降20.00%", "比2019年减少0.20万元，增长20.00%"] }] },
  // 基本支出 of 六 against 人员经费 + 日常公用经费 in their own paragraphs, 0.01 off (./foot.ts, not a list's total)
  { name: "基本支出 tail across paragraphs", base: "sichuan-2020", edits: [{ replace: ["人员经费113.84万元", "人员经费113.85万元"] }] },
  // 自评 count against the number of project summaries (./projectCounts.ts)
  { name: "自评 count", base: "sichuan-2020", edits: [{ replace: ["对5个项目开展了绩效目标完成情况自评", "对4个项目开展了绩效目标完成情况自评"] }] },
];

const nameOf = (r: SelfRule) => `${NARRATIVE_SELF_RULES.indexOf(r)}:${r.ids.join(",")}`;

describe("narrative self rules", () => {
  it("each module declares ids of the rule data, self rules of the narrative catalogue, each once", () => {
    for (const rule of NARRATIVE_SELF_RULES) {
      expect(rule.ids.length).toBeGreaterThan(0);
      expect(new Set(rule.ids).size).toBe(rule.ids.length);
      expect(rule.ids.filter((id) => !RULE_DATA_IDS.has(id))).toEqual([]);
      // narrativeFinding builds them from src/data/rules/text.json
      expect(rule.ids.filter((id) => text.rules.find((r) => r.id === id)?.group !== "self")).toEqual([]);
    }
  });

  it("every emitted id is declared by the module emitting it, and every declared id is emitted by its module", async () => {
    const emitted = new Map<SelfRule, Set<string>>(NARRATIVE_SELF_RULES.map((r) => [r, new Set<string>()]));
    const checks = NARRATIVE_SELF_RULES.map((r) => r.check);
    // Each module's check records what it emits, while the corpus runs through checkWorkbook as usual.
    NARRATIVE_SELF_RULES.forEach((rule, i) => {
      rule.check = (ctx) => {
        const out = checks[i](ctx);
        for (const f of out) emitted.get(rule)!.add(f.rule);
        return out;
      };
    });
    try {
      for (const id of SELF_IDS) {
        const file = path.join(CASES, `${id}.json`);
        if (!fs.existsSync(file)) continue;
        const cases = JSON.parse(fs.readFileSync(file, "utf8")) as RuleCases;
        for (const c of [...cases.valid, ...cases.invalid]) await runCase(c);
      }
      for (const c of EXTRA) await runCase(c);
      for (const f of fs.readdirSync(WORKBOOKS).filter((x) => x.endsWith(".xlsx")).sort()) checkWorkbook(await readXlsx(path.join(WORKBOOKS, f)));
    } finally {
      NARRATIVE_SELF_RULES.forEach((rule, i) => (rule.check = checks[i]));
    }
    const undeclared = NARRATIVE_SELF_RULES.flatMap((r) => [...emitted.get(r)!].filter((id) => !r.ids.includes(id)).map((id) => `${nameOf(r)} emits ${id}`));
    expect(undeclared).toEqual([]);
    const stale = NARRATIVE_SELF_RULES.flatMap((r) => r.ids.filter((id) => !emitted.get(r)!.has(id)).map((id) => `${nameOf(r)} never emits ${id}`));
    expect(stale).toEqual([]);
  }, 120_000);
});
