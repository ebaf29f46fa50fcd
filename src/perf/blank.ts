import labels from "../data/perf/labels.json";
import type { MergeArea } from "../workbook/snapshot";
import { hierarchyFor } from "./standards";

/** A blank standard form: values row by row from A1 (null = empty cell), merges 0-based from A1. */
export interface BlankForm {
  values: (string | null)[][];
  merges: MergeArea[];
  /** Where the user types (0-based row/col from A1): project fields and the grid body rows. */
  inputs: {
    name: { row: number; col: number };
    budgetUnit: { row: number; col: number };
    budget: { row: number; col: number };
    actual: { row: number; col: number };
    budgetFiscal: { row: number; col: number };
    actualFiscal: { row: number; col: number };
    budgetOther: { row: number; col: number };
    actualOther: { row: number; col: number };
    goalTarget: { row: number; col: number };
    goalActual: { row: number; col: number };
    gridRows: { first: number; last: number };
  };
  /** The indicator hierarchy the pre-filled 一级/二级 follow. */
  basis: string;
}

const two = (a: string) => (/(数量|质量|时效|成本)$/.test(a) ? `${a}指标` : a);

/**
 * The Sichuan 项目绩效目标完成情况表 as a 6-column sheet (the layout of the fixtures), with one grid row per
 * standard 二级 of the year's hierarchy (财预〔2020〕10号 up to 2020, 财预〔2021〕101号 from 2021) and the 一级
 * column merged over its rows. The pane writes it to a new sheet for another project.
 */
export function blankFormCells(year: number): BlankForm {
  const version = hierarchyFor(year);
  const W = 6;
  const row = (...cells: (string | null)[]) => {
    const r: (string | null)[] = new Array(W).fill(null);
    cells.forEach((c, i) => (r[i] = c));
    return r;
  };
  const values: (string | null)[][] = [
    row(labels.titles[0]),
    row(`(${year}年度)`),
    row("项目名称"),
    row("预算单位"),
    row("预算执行情况(万元)", "预算数:", null, "执行数:"),
    row(null, "其中-财政拨款:", null, "其中-财政拨款:"),
    row(null, "其它资金:", null, "其它资金:"),
    row("年度目标完成情况", "预期目标", null, null, "实际完成目标"),
    row(),
    row("绩效指标完成情况", "一级指标", "二级指标", "三级指标", "预期指标值(包含数字及文字描述)", "实际完成指标值(包含数字及文字描述)"),
  ];
  const m = (top: number, left: number, bottom: number, right: number): MergeArea => ({ top, left, bottom, right });
  const merges: MergeArea[] = [m(0, 0, 0, 5), m(1, 0, 1, 5), m(2, 1, 2, 5), m(3, 1, 3, 5), m(4, 0, 6, 0), m(4, 4, 4, 5), m(5, 4, 5, 5), m(6, 4, 6, 5), m(7, 0, 8, 0), m(7, 1, 7, 3), m(7, 4, 7, 5), m(8, 1, 8, 3), m(8, 4, 8, 5)];
  const first = values.length;
  for (const l1 of version.level1) {
    const top = values.length;
    l1.level2.forEach((l2, i) => values.push(row(null, i === 0 ? l1.name : null, two(l2))));
    if (l1.level2.length > 1) merges.push(m(top, 1, values.length - 1, 1));
  }
  const last = values.length - 1;
  merges.push(m(first - 1, 0, last, 0));
  return {
    values,
    merges,
    inputs: {
      name: { row: 2, col: 1 },
      budgetUnit: { row: 3, col: 1 },
      budget: { row: 4, col: 2 },
      actual: { row: 4, col: 4 },
      budgetFiscal: { row: 5, col: 2 },
      actualFiscal: { row: 5, col: 4 },
      budgetOther: { row: 6, col: 2 },
      actualOther: { row: 6, col: 4 },
      goalTarget: { row: 8, col: 1 },
      goalActual: { row: 8, col: 4 },
      gridRows: { first, last },
    },
    basis: version.basis,
  };
}
