import * as fs from "fs";
import * as path from "path";
import guidance from "../../src/data/rules/guidance.json";
import { checkWorkbook } from "../../src/checks";
import type { Finding } from "../../src/findings";
import { familyOf, fillAction, guidanceFor, hasOwnGuidance, placeOf, RULE_IDS } from "../../src/review/guidance";
import { example, HAS_SHARED, SHARED_FIXTURES, snapshotOf } from "../helpers/fixtures";
import { plant } from "./helpers";

const f = (rule: string, extra: Partial<Finding> = {}): Finding => ({ rule, severity: "error", message: "m", ...extra });

describe("guidance", () => {
  it("every rule id of the rule data has guidance of its own, with a basis and an action", () => {
    expect(RULE_IDS.length).toBeGreaterThan(100);
    expect(RULE_IDS.filter((id) => !hasOwnGuidance(id))).toEqual([]);
    for (const id of RULE_IDS) {
      const g = guidanceFor(f(id));
      expect(g.basis).not.toBe("");
      expect(g.action).not.toMatch(/[{}]/);
      expect(g.domain).toMatch(/^§\d/);
    }
  });

  it("lists no rule the data does not have, and each family has a fallback", () => {
    expect(Object.keys(guidance.rules).filter((id) => !RULE_IDS.includes(id))).toEqual([]);
    for (const id of RULE_IDS) expect(Object.keys(guidance.families)).toContain(familyOf(id));
    const g = guidanceFor(f("X-99", { sheet: "公开01表", cell: "C7", stated: "1.00", expected: "2.00" }));
    expect(g.specific).toBe(false);
    expect(g.action).toBe("请核对两表：公开01表C7为1.00，对应表为2.00，改正有误的一方使两表一致");
    expect(guidanceFor(f("Z-1")).action).toBe(guidance.fallback);
  });

  it("fills the templates from the finding's figures", () => {
    expect(guidanceFor(f("N-4", { sheet: "情况说明", row: 3, stated: "增长", expected: "下降" })).action).toBe("请将文中“增长”改为“下降”（按本年数与上年数的实际变化）");
    expect(guidanceFor(f("X-11", { sheet: "公开05表", cell: "E7", stated: "223.34", expected: "224.34" })).action).toContain("请将公开05表合计由223.34改为224.34");
    // Units are added once: N-3's stated has no %, N-exec-rate's has one.
    expect(guidanceFor(f("N-3", { stated: "100.00", expected: "100.47" })).action).toContain("“100.00%”改为“100.47%”");
    expect(guidanceFor(f("N-exec-rate", { stated: "95%", expected: "95.05%" })).action).toContain("“完成预算95%”改为“完成预算95.05%”");
    expect(guidanceFor(f("N-1", { stated: "215.04", expected: "216.04" })).action).toContain("“215.04万元”改为“216.04万元”");
  });

  it("takes the next template when a slot is missing, and the 尾差 wording for an info finding", () => {
    expect(fillAction("请将{stated}改为{expected}", { stated: "1" })).toBeNull();
    expect(guidanceFor(f("N-8")).action).toBe("请按决算数与预算数的大小改正比较用词");
    expect(guidanceFor(f("T1-1", { severity: "info", sheet: "公开01表", cell: "C33", stated: "1.00", expected: "1.01" })).action).toMatch(/^属四舍五入尾差/);
    expect(guidanceFor(f("P-1")).basisText).toContain("（依据：财政部《项目支出绩效评价管理办法》（财预〔2020〕10号））");
    expect(placeOf(f("N-1", { sheet: "情况说明", row: 12 }))).toBe("情况说明第12行");
  });

  it("every finding of the planted example gets a filled action", async () => {
    const s = await snapshotOf(example("example-sichuan-2020.xlsx"));
    plant(s);
    for (const x of checkWorkbook(s).findings) {
      const g = guidanceFor(x);
      expect(g.specific).toBe(true);
      expect(g.action).not.toBe(guidance.fallback);
    }
  });

  (HAS_SHARED ? it : it.skip)("every DOMAIN section named exists in ../shared/DOMAIN.md", () => {
    const domain = fs.readFileSync(path.join(SHARED_FIXTURES, "..", "DOMAIN.md"), "utf8");
    const headings = new Set([...domain.matchAll(/^#{2,3} (\d+(?:\.\d+)?)\.? /gm)].map((m) => m[1]));
    const named = new Set<string>();
    for (const e of [...Object.values(guidance.rules), ...Object.values(guidance.families)] as { domain?: string }[]) {
      for (const m of (e.domain ?? "").matchAll(/§(\d+(?:\.\d+)?)/g)) named.add(m[1]);
    }
    expect([...named].filter((s) => !headings.has(s))).toEqual([]);
  });
});
