/** Counts: the token reader `counts` (“公务用车12辆”, “接待3批次”), whole numbers with a count unit. */
import type { CountClaim } from "../types";
import type { TokenReader } from "./tokens";
import { squeeze } from "./util";

export const counts: TokenReader = {
  name: "counts",
  read(ctx, claims) {
    const t = ctx.token;
    if (!(t.kind === "count" && /^\d+$/.test(t.raw.replace(/[^\d.]/g, "")))) return 0;
    const c: CountClaim = {
      kind: "count",
      ...ctx.span(t.labelStart, t.end),
      label: t.clauseLabel,
      context: `${t.clauseLabel}${squeeze(t.raw)}${t.tail}`,
      value: t.value.toNumber(),
      unit: t.unit ?? "",
    };
    claims.push(c);
    return 1;
  },
};
