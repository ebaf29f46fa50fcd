/**
 * Enumeration lists written in other provinces' manners, against the Sichuan example workbook: nested “主要包括” lists,
 * partial lists (“等”, “其中主要项目”), “分别为…分别占…”, a bare “其中”, and lists on numbered lines. Correct texts
 * must raise no list finding; each wrong figure must be found.
 */
import { checkNarrativeSelf } from "../../src/checks/narrativeSelf";
import type { Finding } from "../../src/findings";
import { parseNarrative } from "../../src/narrative/parse";
import { runCase } from "../rules/runner";

const LIST_RULES = ["N-foot", "N-foot-tail", "N-share-sum", "N-share-rate", "N-same-quantity", "N-exec-overall", "N-1"];
const serious = (fs: Finding[]) => fs.filter((f) => LIST_RULES.includes(f.rule) && f.severity !== "info");
const show = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.row}: ${f.message}`);

/** Against the workbook (text pasted as the CLI's --text). */
const full = async (text: string[]) => serious(await runCase({ name: "list", base: "sichuan-2020", text }));
/** The text alone, one paragraph a line (no line joining). */
const self = (text: string[]) => serious(checkNarrativeSelf(parseNarrative(text.map((t, i) => ({ row: i + 1, text: t })))));

const BASIC = "六、一般公共预算财政拨款基本支出决算情况说明";
const STRUCT = ["五、一般公共预算财政拨款支出决算情况说明", "（二）一般公共预算财政拨款支出决算结构情况"];
const ITEMS = ["五、一般公共预算财政拨款支出决算情况说明", "（三）一般公共预算财政拨款支出决算具体情况"];
const SANGONG = ["七、“三公”经费财政拨款支出决算情况说明", "（二）“三公”经费财政拨款支出决算具体情况说明"];

describe("enumeration lists: correct texts raise nothing", () => {
  const valid: [string, string[]][] = [
    ["nested “主要包括 … 等” lists: the foot is over the top-level items", [BASIC, "2020年度一般公共预算财政拨款基本支出131.63万元，其中：人员经费113.84万元，主要包括基本工资26.94万元、绩效工资35.43万元等；公用经费17.79万元，主要包括办公费3.26万元等。"]],
    ["a nested list without “等” that foots with its item", [BASIC, "2020年一般公共预算财政拨款基本支出131.63万元，其中：人员经费113.84万元，包括工资福利支出111.89万元、对个人和家庭的补助1.95万元；公用经费17.79万元。"]],
    ["nested lists with shares of the items", [BASIC, "2020年度一般公共预算财政拨款基本支出131.63万元，其中：人员经费113.84万元，占86.48%，主要包括基本工资26.94万元、津贴补贴13.28万元等；公用经费17.79万元，占13.52%，主要包括办公费3.26万元、差旅费2.47万元等。"]],
    [
      "五（三）“其中主要项目：” lists only some 项",
      [
        ...ITEMS,
        "2020年一般公共预算支出决算数为223.34万元，完成预算95.05%，决算数小于预算数的主要原因是项目未实施完成。其中主要项目：",
        "1.一般公共服务（类）宣传事务（款）事业运行（项）：支出决算为72.71万元，完成预算100%。",
        "2.一般公共服务（类）宣传事务（款）其他宣传事务支出（项）：支出决算为106.13万元，完成预算90.12%，决算数小于预算数的主要原因是项目未实施完成。",
      ],
    ],
    [
      "五（三）“其余项级科目均完成预算100%”",
      [
        ...ITEMS,
        "2020年一般公共预算支出决算数为223.34万元，完成预算95.05%，决算数小于预算数的主要原因是项目未实施完成。其中：",
        "1.一般公共服务（类）宣传事务（款）其他宣传事务支出（项）：支出决算为106.13万元，完成预算90.12%，主要原因是项目未实施完成；其余项级科目均完成预算100%。",
      ],
    ],
    ["“A和B分别为X万元、Y万元，分别占p%、q%”", ["三、支出决算情况说明", "2020年本年支出合计223.34万元，基本支出和项目支出分别为131.63万元、91.71万元，分别占58.94%、41.06%。"]],
    ["“A X万元、B Y万元，分别占p%和q%”", ["三、支出决算情况说明", "2020年本年支出合计223.34万元，基本支出131.63万元、项目支出91.71万元，分别占58.94%和41.06%。"]],
    ["“其中：…，分别占…” after the total's sentence", [BASIC, "2020年度一般公共预算财政拨款基本支出131.63万元。其中：人员经费113.84万元，公用经费17.79万元，分别占86.48%、13.52%。"]],
    ["“主要用于：…，分别占…” (五（二）)", [...STRUCT, "2020年一般公共预算财政拨款支出223.34万元，主要用于：一般公共服务（类）198.77万元、社会保障和就业（类）8.8万元、卫生健康（类）5.2万元、住房保障（类）10.57万元，分别占89.00%、3.94%、2.33%、4.73%。"]],
    ["三公 items “分别为”", [...SANGONG, "因公出国（境）费、公务用车购置及运行维护费、公务接待费分别为0万元、0万元、0.80万元。"]],
    ["a bracket of an item's parts (五（二）款 in “（…）”)", [...STRUCT, "2020年一般公共预算财政拨款支出223.34万元，其中一般公共服务（类）支出198.77万元，占89.00%（宣传事务（款）182.34万元，网信事务（款）16.43万元）；社会保障和就业（类）支出8.8万元，占3.94%；卫生健康（类）支出5.2万元，占2.33%；住房保障（类）支出10.57万元，占4.73%。"]],
    ["“人员经费中…” parts that foot", [BASIC, "2020年一般公共预算财政拨款基本支出131.63万元，其中：人员经费113.84万元，日常公用经费17.79万元。人员经费中工资福利支出111.89万元、对个人和家庭的补助1.95万元；日常公用经费中商品和服务支出16.53万元、资本性支出1.26万元。"]],
    ["“分别为” with “和” inside a name", ["一、收入支出决算总体情况说明", "2020年度收入总计236.01万元，本年收入和年初结转和结余分别为215.04万元、20.97万元。"]],
    ["“其中A、B和C分别为…，分别占…” (三公)", ["七、“三公”经费财政拨款支出决算情况说明", "（一）“三公”经费财政拨款支出决算总体情况说明", "2020年“三公”经费财政拨款支出0.80万元，其中因公出国（境）费、公务用车购置及运行维护费和公务接待费分别为0万元、0万元、0.80万元，分别占0%、0%、100%。"]],
    ["a bare “其中” with its share", ["二、收入决算情况说明", "2020年本年收入合计215.04万元，其中一般公共预算财政拨款收入215.04万元，占100%。"]],
  ];
  test.each(valid)("%s", async (_name, text) => {
    expect(show(await full(text))).toEqual([]);
  });

  test("names before “分别为” label the items", () => {
    const p = parseNarrative([{ row: 1, text: "一、收入支出决算总体情况说明" }, { row: 2, text: "2020年度收入总计236.01万元，本年收入和年初结转和结余分别为215.04万元、20.97万元。" }]);
    const e = p.claims.find((c) => c.kind === "enumeration");
    expect(e && e.kind === "enumeration" && e.items.map((i) => i.label)).toEqual(["本年收入", "年初结转和结余"]);
  });

  test("五（二）classes on numbered lines", () => {
    const text = [
      ...STRUCT,
      "2020年一般公共预算财政拨款支出223.34万元，主要用于以下方面：",
      "1.一般公共服务（类）支出198.77万元，占89.00%；",
      "2.社会保障和就业（类）支出8.8万元，占3.94%；",
      "3.卫生健康（类）支出5.20万元，占2.33%；",
      "4.住房保障（类）支出10.57万元，占4.73%。",
    ];
    expect(show(self(text))).toEqual([]);
    const p = parseNarrative(text.map((t, i) => ({ row: i + 1, text: t })));
    const lists = p.claims.filter((c) => c.kind === "enumeration");
    expect(lists).toHaveLength(1);
    expect(p.claims.filter((c) => c.kind === "class").map((c) => c.row)).toEqual([4, 5, 6, 7]);
  });
});

describe("enumeration lists: wrong figures are found", () => {
  test("a nested list without “等” that does not foot with its item", async () => {
    const fs = await full([BASIC, "2020年一般公共预算财政拨款基本支出131.63万元，其中：人员经费113.84万元，包括工资福利支出111.89万元、对个人和家庭的补助2.95万元；公用经费17.79万元。"]);
    expect(fs.map((f) => f.rule)).toContain("N-foot");
    expect(fs.find((f) => f.rule === "N-foot")!.message).toContain("人员经费113.84");
  });

  test("“人员经费中…” parts that do not foot", async () => {
    const fs = await full([BASIC, "2020年一般公共预算财政拨款基本支出131.63万元，其中：人员经费113.84万元，日常公用经费17.79万元。人员经费中工资福利支出111.89万元、对个人和家庭的补助2.95万元；日常公用经费中商品和服务支出16.53万元、资本性支出1.26万元。"]);
    expect(fs.filter((f) => f.rule === "N-foot").map((f) => f.message)).toEqual([expect.stringContaining("人员经费113.84万元 ≠ 工资福利支出111.89 + 对个人和家庭的补助2.95")]);
  });

  test("“分别占” a wrong share, adding up to 101%", async () => {
    const fs = await full(["三、支出决算情况说明", "2020年本年支出合计223.34万元，基本支出和项目支出分别为131.63万元、91.71万元，分别占59.94%、41.06%。"]);
    expect(fs.map((f) => f.rule)).toEqual(expect.arrayContaining(["N-share-sum", "N-share-rate"]));
  });

  test("“分别占” shares adding up to 99%", async () => {
    const fs = await full(["三、支出决算情况说明", "2020年本年支出合计223.34万元，基本支出131.63万元、项目支出91.71万元，分别占58.94%、40.06%。"]);
    expect(fs.map((f) => f.rule)).toContain("N-share-sum");
  });

  test("三公 items “分别为”: 公务接待费 off the table", async () => {
    const fs = await full([...SANGONG, "因公出国（境）费、公务用车购置及运行维护费、公务接待费分别为0万元、0万元、0.90万元。"]);
    expect(fs.some((f) => f.rule === "N-1" && f.message.includes("公务接待费") && f.severity === "error")).toBe(true);
  });

  test("五（二）classes on numbered lines: a wrong amount and its share", () => {
    const fs = self([
      ...STRUCT,
      "2020年一般公共预算财政拨款支出223.34万元，主要用于以下方面：",
      "1.一般公共服务（类）支出198.77万元，占89.00%；",
      "2.社会保障和就业（类）支出8.8万元，占3.94%；",
      "3.卫生健康（类）支出5.02万元，占2.33%；",
      "4.住房保障（类）支出10.57万元，占4.73%。",
    ]);
    expect(fs.some((f) => f.rule === "N-share-rate" && f.row === 6)).toBe(true);
    expect(fs.some((f) => f.rule === "N-foot")).toBe(true);
  });

  test("a bare “其中” with a share of 101%", async () => {
    const fs = await full(["二、收入决算情况说明", "2020年本年收入合计215.04万元，其中一般公共预算财政拨款收入215.04万元，占101%。"]);
    expect(fs.map((f) => f.rule)).toContain("N-share-rate");
  });

  test("五（三）after a plain “其中：” still foots (no partial wording)", async () => {
    const fs = await full([
      ...ITEMS,
      "2020年一般公共预算支出决算数为223.34万元，完成预算95.05%，决算数小于预算数的主要原因是项目未实施完成。其中：",
      "1.一般公共服务（类）宣传事务（款）事业运行（项）：支出决算为72.71万元，完成预算100%。",
      "2.一般公共服务（类）宣传事务（款）其他宣传事务支出（项）：支出决算为106.13万元，完成预算100%。",
    ]);
    expect(fs.map((f) => f.rule)).toContain("N-foot");
  });
});
