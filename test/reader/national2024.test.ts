/** A workbook in the national 2024 layout, built from the labels of the blank template (templates/national-2024-blank-template.txt). */
import { readReport } from "../../src/reader/recognise";
import { fig, findRow, keyFigures, t05Items, wan2 } from "../../src/reader/figures";
import type { CellValue, MergeArea, SheetSnapshot } from "../../src/workbook/snapshot";

function sheet(name: string, rows: CellValue[][], merges: MergeArea[] = []): SheetSnapshot {
  return { name, origin: { row: 0, col: 0 }, values: rows, merges };
}
const m = (top: number, left: number, bottom: number, right: number): MergeArea => ({ top, left, bottom, right });
const N = null;

const LEI = ["一般公共服务支出", "外交支出", "国防支出", "公共安全支出", "教育支出", "科学技术支出", "文化旅游体育与传媒支出", "社会保障和就业支出", "卫生健康支出", "节能环保支出", "城乡社区支出", "农林水支出", "交通运输支出", "资源勘探工业信息等支出", "商业服务业等支出", "金融支出", "援助其他地区支出", "自然资源海洋气象等支出", "住房保障支出", "粮油物资储备支出", "国有资本经营预算支出", "灾害防治及应急管理支出", "其他支出", "抗疫特别国债安排的支出"];
const ORD = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四"];

function t01(): SheetSnapshot {
  const income = ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"];
  const incomeValues = [1000, 0, 0, 0, 250.5, 0, 0, 0];
  const rows: CellValue[][] = [
    ["上海市 XX 局 2024 年度部门决算表"],
    ["收入支出决算总表"],
    [N, N, N, "单位：万元"],
    ["收入", N, "支出"],
    ["项目", "决算数", "项目", "决算数"],
  ];
  for (let i = 0; i < 24; i++) {
    rows.push([i < 8 ? `${ORD[i]}、${income[i]}` : N, i < 8 ? incomeValues[i] : N, `${ORD[i]}、${LEI[i]}`, i === 4 ? 1150.5 : i === 7 ? 50 : null]);
  }
  rows.push(["本年收入合计", 1250.5, "本年支出合计", 1200.5]);
  rows.push(["使用非财政拨款结余", N, "结余分配", N]);
  rows.push(["年初结转和结余", 30, "年末结转和结余", 80]);
  rows.push(["总计", 1280.5, "总计", 1280.5]);
  rows.push(["注：本表反映部门本年度的总收支和年末结转结余情况。"]);
  return sheet("收入支出决算总表", rows, [m(3, 0, 3, 1), m(3, 2, 3, 3)]);
}

function t03(): SheetSnapshot {
  return sheet("支出决算表", [
    ["支出决算表"],
    [N, N, N, N, N, N, N, "单位：万元"],
    ["项目", N, "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"],
    ["功能分类科目编码", "科目名称"],
    [],
    ["合计", N, 1200.5, 700, 500.5],
    ["205", "教育支出", 1150.5, 700, 450.5],
    ["20502", "普通教育", 1150.5, 700, 450.5],
    ["2050205", "高等教育", 1150.5, 700, 450.5],
    ["208", "社会保障和就业支出", 50, 0, 50],
    ["注：本表反映部门本年度各项支出情况。"],
  ], [m(2, 0, 2, 1), m(2, 2, 3, 2), m(2, 3, 3, 3), m(2, 4, 3, 4), m(2, 5, 3, 5), m(2, 6, 3, 6), m(2, 7, 3, 7), m(5, 0, 5, 1)]);
}

function t04(): SheetSnapshot {
  const rows: CellValue[][] = [
    ["财政拨款收入支出决算总表"],
    [N, N, N, N, N, N, "单位：万元"],
    ["收入", N, "支出"],
    ["项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"],
    ["一、一般公共预算财政拨款", 1000, "一、一般公共服务支出"],
    ["二、政府性基金预算财政拨款", N, "二、外交支出"],
    ["三、国有资本经营预算财政拨款", N, "三、国防支出"],
    [N, N, "四、教育支出", 1000, 1000],
    ["本年收入合计", 1000, "本年支出合计", 1000, 1000],
    ["年初财政拨款结转和结余", 20, "年末财政拨款结转和结余", 20, 20],
    ["一、一般公共预算财政拨款", 20],
    ["二、政府性基金预算财政拨款", N],
    ["三、国有资本经营预算财政拨款", N],
    ["总计", 1020, "总计", 1020, 1020],
    ["注：本表反映部门本年度财政拨款总收支和结转结余情况。"],
  ];
  return sheet("财政拨款收入支出决算总表", rows, [m(2, 0, 2, 1), m(2, 2, 2, 6)]);
}

function t05(): SheetSnapshot {
  return sheet("一般公共预算财政拨款支出决算表", [
    ["一般公共预算财政拨款支出决算表"],
    [N, N, N, N, "单位：万元"],
    ["项目", N, "合计", "基本支出", "项目支出"],
    ["功能分类科目编码", "科目名称"],
    ["205", "教育支出", 1000, 700, 300],
    ["20502", "普通教育", 1000, 700, 300],
    ["2050205", "高等教育", 1000, 700, 300],
    ["合计", N, 1000, 700, 300],
    ["注：本表反映部门本年度一般公共预算财政拨款支出情况。"],
  ], [m(2, 0, 2, 1), m(2, 2, 3, 2), m(2, 3, 3, 3), m(2, 4, 3, 4), m(7, 0, 7, 1)]);
}

function t06(): SheetSnapshot {
  return sheet("一般公共预算财政拨款基本支出决算表", [
    ["一般公共预算财政拨款基本支出决算表"],
    [N, N, N, N, N, "单位：万元"],
    ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"],
    ["301", "工资福利支出", 600, "302", "商品和服务支出", 100],
    ["30101", "基本工资", 600, "30201", "办公费", 100],
    ["人员经费合计", N, 600, "公用经费合计", N, 100],
    ["注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。"],
  ]);
}

function t07(): SheetSnapshot {
  return sheet("财政拨款三公经费支出决算表", [
    ["财政拨款“三公”经费支出决算表"],
    [N, N, N, N, N, N, N, N, N, N, N, "单位：万元"],
    ["财政拨款“三公”经费"],
    ["合计", N, "因公出国（境）费", N, "公务用车购置及运行维护费", N, N, N, N, N, "公务接待费"],
    [N, N, N, N, "小计", N, "公务用车购置费", N, "公务用车运行维护费"],
    ["预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数", "预算数", "决算数"],
    [12, 9.5, 0, 0, 8, 6.5, 0, 0, 8, 6.5, 4, 3],
    ["注：本表反映部门本年度“三公”经费支出预决算情况。"],
  ], [m(2, 0, 2, 11), m(3, 0, 4, 1), m(3, 2, 4, 3), m(3, 4, 3, 9), m(4, 4, 4, 5), m(4, 6, 4, 7), m(4, 8, 4, 9), m(3, 10, 4, 11)]);
}

function fundLike(name: string, title: string): SheetSnapshot {
  return sheet(name, [
    [title],
    [N, N, N, N, N, N, N, "单位：万元"],
    ["项目", N, "年初结转和结余", "本年收入", "本年支出", N, N, "年末结转和结余"],
    ["功能分类科目编码", "科目名称", N, N, "合计", "基本支出", "项目支出"],
    ["合计"],
    ["注：本表反映部门本年度国有资本经营预算财政拨款收入支出及结转和结余情况。"],
    ["无国有资本经营预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明："],
    ["说明：上海市 XX 局本年度没有相关收入和支出，故本表无数据。"],
  ], [m(2, 0, 2, 1), m(2, 2, 3, 2), m(2, 3, 3, 3), m(2, 4, 2, 6), m(2, 7, 3, 7), m(4, 0, 4, 1)]);
}

function t02(): SheetSnapshot {
  return sheet("收入决算表", [
    ["收入决算表"],
    [N, N, N, N, N, N, N, N, "单位：万元"],
    ["项目", N, "本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"],
    ["功能分类科目编码", "科目名称"],
    ["合计", N, 1250.5, 1000, 0, 250.5],
    ["205", "教育支出", 1200.5, 950, 0, 250.5],
    ["208", "社会保障和就业支出", 50, 50],
  ], [m(2, 0, 2, 1), m(4, 0, 4, 1)]);
}

describe("national 2024 layout", () => {
  const model = readReport({
    sheets: [t01(), t02(), t03(), t04(), t05(), t06(), t07(), fundLike("政府性基金", "政府性基金预算财政拨款收入支出决算表"), fundLike("国有资本", "国有资本经营预算财政拨款收入支出决算表")],
  });

  test("all nine tables are recognised and the template is national-2024", () => {
    expect(model.recognition.missing).toEqual([]);
    expect(model.template).toBe("national-2024");
    expect(model.year).toBe(2024);
    expect(model.recognition.unclassifiedRows).toEqual([]);
  });

  test("key figures", () => {
    const k = keyFigures(model);
    const s = (n: string) => (k[n] ? wan2(k[n]!.value) : null);
    expect(s("收入总计")).toBe("1280.50");
    expect(s("本年收入合计")).toBe("1250.50");
    expect(s("本年支出合计")).toBe("1200.50");
    expect(s("基本支出")).toBe("700.00");
    expect(s("财政拨款收入支出总计")).toBe("1020.00");
    expect(s("一般公共预算财政拨款支出")).toBe("1000.00");
    expect(s("人员经费")).toBe("600.00");
    expect(s("公用经费")).toBe("100.00");
    expect(s("三公经费预算")).toBe("12.00");
    expect(s("三公经费决算")).toBe("9.50");
    expect(s("使用非财政拨款结余")).toBe("0.00");
  });

  test("T07 paired 预算数/决算数 columns", () => {
    const t = model.tables.T07!;
    const f = (c: string) => wan2(fig(t, "data", c)!.wan);
    expect([f("budgetCar"), f("finalCar"), f("budgetCarRun"), f("finalCarRun"), f("budgetReception"), f("finalReception")]).toEqual(["8.00", "6.50", "8.00", "6.50", "4.00", "3.00"]);
    expect(t.columns).toHaveLength(12);
  });

  test("T01 expense 类 from names, T04 sub-rows, T05 合计 at the bottom, T09 收入支出 columns", () => {
    expect(wan2(fig(model.tables.T01, "205", "amount")!.wan)).toBe("1150.50");
    expect(findRow(model.tables.T01, "234")).toBeDefined();
    expect(wan2(fig(model.tables.T04, "beginGpb", "amount")!.wan)).toBe("20.00");
    expect(wan2(fig(model.tables.T04, "gpbIncome", "amount")!.wan)).toBe("1000.00");
    expect(t05Items(model).map((i) => [i.code, i.name])).toEqual([["2050205", "高等教育"]]);
    expect(model.tables.T09!.columns.map((c) => c.key)).toEqual(["begin", "income", "total", "basic", "project", "end"]);
    expect(model.tables.T09!.emptyNote).toMatch(/本表无数据/);
    expect(model.tables.T02!.columns.map((c) => c.key)).toEqual(["total", "fiscal", "upper", "career", "business", "subsidiary", "other"]);
  });
});
