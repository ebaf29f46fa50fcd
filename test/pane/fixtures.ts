/** Hand-built findings and a recognition report for the pane's pure-logic tests. */
import type { Finding } from "../../src/findings";
import type { RecognitionReport } from "../../src/model/types";

export const recognition: RecognitionReport = {
  tables: [
    { key: "T01", sheet: "公开01表", unit: "万元", cell: "A1", title: "收入支出决算总表" },
    { key: "T05", sheet: "一般公共预算支出表", unit: "万元", cell: "A1", title: "一般公共预算财政拨款支出决算表" },
    { key: "T07", sheet: "三公", unit: "万元", cell: "A1", title: "“三公”经费表", byOverride: true },
  ],
  missing: ["T08", "T09"],
  unclassifiedRows: [{ sheet: "公开01表", row: 40, label: "备注" }],
  unknownSupplementLabels: [{ sheet: "补充数据", row: 9, label: "其他项目" }],
  narrative: { sheet: "情况说明", paragraphs: 80 },
  supplement: { sheet: "补充数据", unit: "万元", rows: 30 },
  forms: [{ sheet: "绩效1", cell: "A1", title: "项目绩效目标完成情况表" }],
  messages: ["公开08表本年无数据，未找到。"],
};

export const sections = [
  { row: 3, title: "第二部分 2020年度部门决算情况说明" },
  { row: 4, title: "一、收入支出决算总体情况说明" },
  { row: 10, title: "二、收入决算情况说明" },
];

export const findings: Finding[] = [
  { rule: "N-yoy-direction", severity: "error", message: "“减少”与数值方向不符", sheet: "情况说明", row: 12, text: "收入总计增加157.39万元" },
  { rule: "T5-1", severity: "warning", message: "合计与明细差0.01万元", sheet: "一般公共预算支出表", cell: "C7", stated: "223.35", expected: "223.34", difference: "0.01" },
  { rule: "T1-3", severity: "error", message: "本年支出合计 ≠ 各类支出之和", sheet: "公开01表", cell: "D20", stated: "198.78", expected: "198.77", difference: "0.01" },
  { rule: "T1-1", severity: "info", message: "尾差", sheet: "公开01表", cell: "B9" },
  { rule: "S-1", severity: "warning", message: "补充数据缺少原因", sheet: "补充数据", cell: "E5" },
  { rule: "N-residue", severity: "warning", message: "模板残留“增加/减少”", sheet: "情况说明", row: 5, text: "增加/减少" },
  { rule: "P-4", severity: "error", message: "三级指标为占位符“指标1”", sheet: "绩效1", cell: "C12" },
  { rule: "X-1", severity: "info", message: "未找到公开08表，相关检查已跳过" },
  { rule: "N-unit", severity: "warning", message: "金额缺少单位", row: 2, text: "支出100" },
];
