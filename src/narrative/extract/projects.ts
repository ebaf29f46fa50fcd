/**
 * （k）“项目”项目绩效目标完成情况综述: the project claim of the paragraph, with its budget, actual and execution rate.
 *
 * Depends on the amount and execution claims of the paragraph (read from the claims array: the `figures` extractor,
 * token readers `amounts` and `executions`, runs before).
 */
import { type Extractor, ownClaims } from "./util";

export const projects: Extractor = {
  name: "projects",
  extract(ctx, claims) {
    const { text, span } = ctx;
    const pm = /^\s*[（(]\s*(\d+)\s*[）)]\s*[“"]([^”"]+)[”"]\s*项目/.exec(text);
    if (!(pm && /综述|完成情况/.test(text))) return;
    const amounts = ownClaims(ctx, claims, "amount");
    claims.push({
      kind: "project",
      ...span(0, text.length),
      index: Number(pm[1]),
      name: pm[2],
      budget: amounts.find((a) => a.role === "budget") ?? null,
      actual: amounts.find((a) => a.role !== "budget" && /执行数?为?$|支出决算为?$|决算数?为?$/.test(a.label)) ?? null,
      execution: ownClaims(ctx, claims, "execution")[0] ?? null,
    });
  },
};
