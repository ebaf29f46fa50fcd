/** Chart markers (“（图1：收入决算结构图（饼状图））” and the like, pattern terms.chartPattern). */
import { asciiDigits, CHART_RE, type Extractor } from "./util";

export const charts: Extractor = {
  name: "charts",
  extract(ctx, claims) {
    const { text, span } = ctx;
    CHART_RE.lastIndex = 0;
    for (const m of text.matchAll(CHART_RE)) {
      claims.push({
        kind: "chart",
        ...span(m.index!, m.index! + m[0].length),
        number: Number(asciiDigits(m[1])),
        title: m[2].trim(),
        chartType: m[3] ?? null,
      });
    }
  },
};
