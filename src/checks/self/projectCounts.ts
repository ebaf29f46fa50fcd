/**
 * The 十（四）project counts (P-11): the number of projects the text says were self-evaluated, reported and
 * achieved equals the number of project summaries it gives; and no more projects had a 事前绩效评估 or 绩效监控
 * than had 绩效目标 (P-11-order).
 */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import type { CountClaim } from "../../narrative/types";
import type { SelfRule } from "./selfRule";

export const projectCounts: SelfRule = {
  ids: ["P-11", "P-11-order"],
  check({ parsed, sheet, on }) {
    const out: Finding[] = [];
    const claims = parsed.claims;
    const n = claims.filter((c) => c.kind === "project").length;
    const counts = claims.filter((c): c is CountClaim => c.kind === "count" && !!c.slot && c.slot.startsWith("10.4.count:"));
    if (n && on("P-11")) {
      const reported = new Set<string>();
      for (const c of counts) {
        const k = c.slot!.slice("10.4.count:".length);
        if (!["selfEval", "reported", "achieved"].includes(k) || c.value === n) continue;
        const key = `${c.row}|${c.value}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const label = k === "selfEval" ? "文中称对" : k === "reported" ? "文中称反映了" : "文中称";
        out.push(
          narrativeFinding("P-11", sheet, {
            row: c.row,
            text: c.context,
            slots: { label, stated: c.value, expected: n },
            stated: String(c.value),
            expected: String(n),
          }),
        );
      }
    }
    if (on("P-11-order")) {
      const get = (k: string) => counts.find((c) => c.slot === `10.4.count:${k}`);
      const targets = get("targets");
      for (const [k, name] of [
        ["priorEval", "事前绩效评估"],
        ["monitor", "绩效监控"],
      ] as const) {
        const c = get(k);
        if (c && targets && c.value > targets.value)
          out.push(narrativeFinding("P-11-order", sheet, { row: c.row, text: c.context, slots: { detail: `开展${name}的项目（${c.value}个）多于编制绩效目标的项目（${targets.value}个）` } }));
      }
    }
    return out;
  },
};
