/** An amount written without its unit (“支出决算为1234.56，”), or with “万” for “万元” (“0.39万（含…）”, 信息). */
import type { Finding } from "../../findings";
import { narrativeFinding } from "../../narrative/catalogue";
import type { TextRule } from "./textRule";

export const missingUnit: TextRule = {
  ids: ["N-missing-unit", "N-unit-wan"],
  check(ctx) {
    const out: Finding[] = [];
    if (!ctx.parsed) return out;
    for (const c of ctx.parsed.claims) {
      if (c.kind === "amount" && /\d\s*万$/u.test(c.raw) && ctx.on("N-unit-wan")) {
        out.push(narrativeFinding("N-unit-wan", ctx.sheet, { row: c.row, text: c.text, slots: { stated: c.raw }, stated: c.raw, expected: `${c.raw}元` }));
        continue;
      }
      if (c.kind !== "amount" || c.unit !== null || !ctx.on("N-missing-unit")) continue;
      // “支出决算为0”: nothing is misread without the unit — 信息.
      out.push(narrativeFinding("N-missing-unit", ctx.sheet, { row: c.row, text: c.text, slots: { stated: c.raw }, stated: c.raw, expected: `${c.raw}万元`, ...(c.value.isZero() ? { severity: "info" as const } : {}) }));
    }
    return out;
  },
};
