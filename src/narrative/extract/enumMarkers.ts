/** 一是、二是…: the sequence of enumeration markers of a paragraph, when it has two or more (kind "enumMarkers"). */
import { cnNumber, type Extractor } from "./util";

export const enumMarkers: Extractor = {
  name: "enumMarkers",
  extract(ctx, claims) {
    const { text, span } = ctx;
    const shi = text.includes("是") ? [...text.matchAll(/(^|[。；;，,：:\s])([一二三四五六七八九十]+)是/gu)] : [];
    if (shi.length < 2) return;
    claims.push({
      kind: "enumMarkers",
      ...span(shi[0].index! + shi[0][1].length, shi[shi.length - 1].index! + shi[shi.length - 1][0].length),
      values: shi.map((m) => cnNumber(m[2])),
      markers: shi.map((m) => m[2] + "是"),
    });
  },
};
