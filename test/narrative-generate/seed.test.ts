/**
 * bazhong-2020: the generated 第二部分 agrees with the seed wherever the seed is right and differs
 * exactly where it is wrong. Every seed sentence of 一 … 十(三) is either found verbatim (whitespace
 * removed) in the generated text, or listed below with what the generator writes instead and why
 * (十(四) with the performance forms, as `juesuan narrate` and the pane generate it):
 * a DOMAIN §6.2 item number, a §3 rule, or a datum the workbook does not hold.
 */
import * as fs from "fs";
import * as path from "path";
import { generateNarrative, narrativeText } from "../../src/narrative/generate";
import { describeFixtures, forms, model } from "./helpers";

const SEED = path.resolve(__dirname, "..", "..", "..", "shared", "seed", "000_66fc563714229e96.txt");

const squeeze = (s: string) => s.replace(/[\s\u3000]+/g, "");
const sentences = (t: string) => squeeze(t).split("。").filter(Boolean).map((s) => s + "。");

/** seed sentence → the generated sentence(s) replacing it (null: dropped) */
const DIFFERENCES: Record<string, { generated: string[] | null; why: string }> = {
  "收入支出决算总体情况说明。": { generated: ["一、收入支出决算总体情况说明。"], why: "#30 heading without 一、" },
  "与2019年相比，收入总计减少157.39万元，下降40.01%;支出总计减少148.94万元，下降40.01%。": {
    generated: ["与2019年相比，收、支总计各减少157.39万元，下降40.01%。"],
    why: "#1 收入总计 ≡ 支出总计: one Δ and rate for both; 148.94 is the GPB decrease; #35 half-width ;",
  },
  "与2019年相比，财政拨款收入总计减少157.39万元，下降40.01%;财政拨款支出总计减少148.94万元，下降40.01%。": {
    generated: ["与2019年相比，财政拨款收、支总计各减少157.39万元，下降40.01%。"],
    why: "#2 same contradiction in 四 (T4-4); #35",
  },
  "主要变动原因是人员变动,经费减少;项目经费减少。": { generated: ["主要变动原因是人员变动，经费减少；项目经费减少。"], why: "#35 half-width punctuation in the reason" },
  "（图1：收、支决算总计变动情况图）（柱状图）。": { generated: null, why: "#32 chart instruction → charts[0] (native chart spec)" },
  "（图2：收入决算结构图）（饼状图）。": { generated: null, why: "#32 → charts" },
  "（图3：支出决算结构图）（饼状图）。": { generated: null, why: "#32 → charts" },
  "（图4：财政拨款收、支决算总计变动情况）（柱状图）。": { generated: null, why: "#32 → charts" },
  "（图5：一般公共预算财政拨款支出决算变动情况）（柱状图）。": { generated: null, why: "#32 → charts" },
  "（图6：一般公共预算财政拨款支出决算结构）（饼状图）。": { generated: null, why: "#32 → charts" },
  "（图7：“三公”经费财政拨款支出结构）（饼状图）。": { generated: null, why: "#32 → charts" },
  "2020年一般公共预算财政拨款支出223.35万元，占本年支出合计的100%。": {
    generated: ["2020年一般公共预算财政拨款支出223.34万元，占本年支出合计的100%。"],
    why: "#3 223.35 → 223.34 (T05 合计); #4 the 100% is then right",
  },
  "2020年一般公共预算财政拨款支出223.35万元，主要用于以下方面:一般公共服务（类）支出198.78万元，占89%；教育支出（类）0万元，占0%；科学技术（类）支出0万元，占0%；文化旅游体育与传媒（类）支出0万元，占0%；社会保障和就业（类）支出8.8万元，占3.94%；卫生健康支出5.2万元，占2.33%；住房保障支出10.57万元，占4.73%。": {
    generated: ["2020年一般公共预算财政拨款支出223.34万元，主要用于以下方面：一般公共服务（类）支出198.77万元，占89.00%；社会保障和就业（类）支出8.8万元，占3.94%；卫生健康（类）支出5.2万元，占2.33%；住房保障（类）支出10.57万元，占4.73%。"],
    why: "#3 223.34; #5 198.78 → 198.77; #33 zero classes omitted; #34 89% → 89.00%; #18 uniform 类 rendering; #35 half-width colon",
  },
  "2020年一般公共预算支出决算数为223.34，完成预算100%。": {
    generated: ["2020年一般公共预算支出决算数为223.34万元，完成预算95.05%，决算数小于预算数的主要原因是【请填写：一般公共预算支出决算数小于预算数的原因】。"],
    why: "#6 unit 万元 missing; 223.34/234.98 = 95.05%, the reason is required and not in 补充数据 → marker",
  },
  "1.一般公共服务（类）宣传事务（款）一般行政管理事务（项）:支出决算为3.5万元，完成预算100%。": {
    generated: ["1.一般公共服务（类）宣传事务（款）一般行政管理事务（项）：支出决算为3.5万元，完成预算100%。"],
    why: "#35 half-width colon",
  },
  "一般公共服务（类）宣传事务（款）事业运行（项）:支出决算为72.71万元，完成预算100%。": {
    generated: ["2.一般公共服务（类）宣传事务（款）事业运行（项）：支出决算为72.71万元，完成预算100%。"],
    why: "#37 one number per 项; #35",
  },
  "一般公共服务（类）宣传事务（款）其他宣传事务支出（项）:支出决算为106.13万元，完成预算90.12%，决算数小于预算数的主要原因是项目未实施完成。": {
    generated: ["3.一般公共服务（类）宣传事务（款）其他宣传事务支出（项）：支出决算为106.13万元，完成预算90.12%，决算数小于预算数的主要原因是项目未实施完成。"],
    why: "#37; #35",
  },
  "2.一般公共服务（类）网信事务（款）其他网信事务支出（项）:支出决算为16.43万元，完成预算100%。": {
    generated: ["4.一般公共服务（类）网信事务（款）其他网信事务支出（项）：支出决算为16.43万元，完成预算100%。"],
    why: "#37; #35",
  },
  "3.社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）:支出决算为8.8万元，完成预算100%。": {
    generated: ["5.社会保障和就业（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）：支出决算为8.8万元，完成预算100%。"],
    why: "#37; #35",
  },
  "4.卫生健康（类）行政事业单位医疗（款）事业单位医疗（项）:支出决算为5.2万元，完成预算100%。": {
    generated: ["6.卫生健康（类）行政事业单位医疗（款）事业单位医疗（项）：支出决算为5.2万元，完成预算100%。"],
    why: "#37; #35",
  },
  "5.住房保障（类）住房改革支出（款）住房公积金（项）:支出决算为10.57万元，完成预算100%。": {
    generated: ["7.住房保障（类）住房改革支出（款）住房公积金（项）：支出决算为10.57万元，完成预算100%。"],
    why: "#37; #35",
  },
  "人员经费113.84万元，主要包括：基本工资、津贴补贴、奖金、伙食补助费、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、其他社会保障缴费、其他工资福利支出、离休费、退休费、抚恤金、生活补助、医疗费补助、奖励金、住房公积金、其他对个人和家庭的补助支出等。": {
    generated: ["人员经费113.84万元，主要包括：基本工资、津贴补贴、奖金、绩效工资、机关事业单位基本养老保险缴费、职业年金缴费、职工基本医疗保险缴费、其他社会保障缴费、住房公积金、其他工资福利支出、医疗费补助、奖励金。"],
    why: "§3.2 六: only the non-zero items of 公开06表 (the seed pastes the template list)",
  },
  "日常公用经费17.8万元，主要包括：办公费、印刷费、咨询费、手续费、水费、电费、邮电费、取暖费、物业管理费、差旅费、因公出国（境）费用、维修（护）费、租赁费、会议费、培训费、公务接待费、劳务费、委托业务费、工会经费、福利费、公务用车运行维护费、其他交通费、税金及附加费用、其他商品和服务支出、办公设备购置、专用设备购置、信息网络及软件购置更新、其他资本性支出等。": {
    generated: ["日常公用经费17.79万元，主要包括：办公费、印刷费、水费、电费、邮电费、差旅费、维修（护）费、会议费、培训费、公务接待费、工会经费、福利费、其他交通费用、其他商品和服务支出、办公设备购置。"],
    why: "#8 17.8 → 17.79 (公开06表 公用经费合计; 113.84 + 17.79 = 131.63); §3.2 六 non-zero items only",
  },
  "1.因公出国（境）经费支出0万元，完成预算0%。": { generated: ["1.因公出国（境）经费支出0万元，未安排预算，无此项支出。"], why: "#9 0/0 is not 0%" },
  "因公出国（境）支出决算比2019年增加/减少0万元，增长/下降0%。": { generated: ["因公出国（境）支出决算与2019年持平。"], why: "#10 unresolved alternatives → 持平" },
  "主要原因是2020年未安排因公出国（境）。": { generated: null, why: "§3.3: no reason is required for 持平, and 补充数据 gives none for 因公出国（境）费" },
  "2.公务用车购置及运行维护费支出0万元,完成预算0%。": { generated: ["2.公务用车购置及运行维护费支出0万元，未安排预算，无此项支出。"], why: "#11 0/0; half-width comma" },
  "公务用车购置及运行维护费支出决算比2019年增加/减少0万元，增长/下降0%。": { generated: ["公务用车购置及运行维护费支出决算与2019年持平。"], why: "#12 → 持平" },
  "主要原因是无公务用车。": { generated: null, why: "§3.3 持平 needs no reason; none in 补充数据" },
  "公务用车运行维护费支出0万元。": { generated: ["公务用车运行维护费支出0万元，无此项支出。"], why: "#13 amount 0: state 无此项支出" },
  "主要用于…（具体工作）等所需的公务用车燃料费、维修费、过路过桥费、保险费等支出。": { generated: null, why: "#13 placeholder deleted (amount 0)" },
  "公务接待费支出决算比2019年减少0.2万元，下降20%。": { generated: ["公务接待费支出决算比2019年减少0.2万元，下降20.00%。"], why: "§0 / #34: rates other than 0 and 100 keep 2 decimals" },
  "国内公务接待支出0.8万元，主要用于开展业务活动开支的交通费、住宿费、用餐费等。": {
    generated: ["国内公务接待支出0.8万元，主要用于【请填写：国内公务接待的主要用途】。"],
    why: "the purpose is not in the workbook (补充数据 国内公务接待费 主要原因 is empty) → marker, never invented",
  },
  "国内公务接待8批次，80人次（不包括陪同人员），共计支出0.8万元，具体内容包括：接待自媒体等开支共计0.8万元。": {
    generated: ["国内公务接待8批次，80人次（不包括陪同人员），共计支出0.8万元。"],
    why: "the content list is not in the workbook; counts 8/80 from 补充数据",
  },
  "2020年，市网信办机关运行经费支出0万元，与2019年决算数持平。": {
    generated: ["2020年，巴中市互联网信息办公室机关运行经费支出0万元，与2019年决算数持平。"],
    why: "the short name 市网信办 is not in the workbook: the unit name of the tables is used",
  },
  "2020年，市网信办政府采购支出总额0万元，其中：政府采购货物支出0万元、政府采购工程支出0万元、政府采购服务支出0万元。": {
    generated: ["2020年，巴中市互联网信息办公室政府采购支出总额0万元，其中：政府采购货物支出0万元、政府采购工程支出0万元、政府采购服务支出0万元。"],
    why: "unit name as above",
  },
  "授予中小企业合同金额0万元，占政府采购支出总额的0%，其中：授予小微企业合同金额0万元，占政府采购支出总额的0%。": {
    generated: ["授予中小企业合同金额0万元，其中：授予小微企业合同金额0万元。"],
    why: "§2.5: a share of a zero total is omitted (0/0)",
  },
  "截至2020年12月31日，市网信办共有车辆0辆，其中：主要领导干部用车0辆、机要通信用车0辆、应急保障用车0辆、其他用车0辆。": {
    generated: ["截至2020年12月31日，巴中市互联网信息办公室共有车辆0辆，其中：主要领导干部用车0辆、机要通信用车0辆、应急保障用车0辆、其他用车0辆。"],
    why: "unit name as above",
  },
};

/**
 * 十(四) 预算绩效管理情况, to the first 项目绩效目标完成情况表: the counts from 补充数据, the 综述 of each
 * project from its form. The figures of the five summaries (budget, actual, rate) agree with the seed.
 */
const OWN_WORDS = "the department's own appraisal is not in the workbook → one marker (【请填写：部门整体支出绩效自评情况】), never invented";
const COPIED = "#23 a verbatim copy of 部门概况 (epidemic work), not an evaluation of the project; not in the workbook";
const PERF_DIFFERENCES: Record<string, { generated: string[] | null; why: string }> = {
  "根据预算绩效管理要求，市网信办在年初预算编制阶段，组织对互联网维护与整治经费项目开展了预算事前绩效评估，对7个项目编制了绩效目标，预算执行过程中，选取1个项目开展绩效监控，年终执行完毕后，对1个项目开展了绩效目标完成情况自评。": {
    generated: [
      "根据预算绩效管理要求，巴中市互联网信息办公室在年初预算编制阶段，组织对1个项目开展了预算事前绩效评估，对7个项目编制了绩效目标，预算执行过程中，选取1个项目开展绩效监控，年终执行完毕后，对【请填写：开展绩效自评的项目数（补充数据“绩效自评项目数”为1个，项目绩效表5张）】个项目开展了绩效目标完成情况自评。",
    ],
    why: "#20 补充数据 says 1 self-evaluated project, the workbook has 5 forms: the generator does not choose (marker; the checker reports P-11 on 补充数据); the project's name is not in 补充数据 (count 1); unit name as above",
  },
  "本部门按要求对2020年部门整体支出开展绩效自评，从评价情况来看，2020年我办及时、准确地完成预算编制，预算执行情况良好，支出管理规范，未出现因违规支出受到相关监督部门批评或处理的情况。": {
    generated: ["【请填写：部门整体支出绩效自评情况】。"],
    why: OWN_WORDS,
  },
  "本部门还自行组织了1个项目支出绩效评价，从评价情况来看，充分发挥网信优势，服务支撑疫情防控切实有力。": { generated: null, why: COPIED },
  "一是盯紧守牢网上阵地。": { generated: null, why: COPIED },
  "协调公安、卫健等部门核实不实信息120余条，发布辟谣信息50余条。": { generated: null, why: COPIED },
  "二是主动抢占舆论先机。": { generated: null, why: COPIED },
  "统筹全市网络媒体主动发布转载疫情防控相关信息36000余条，创作新媒体产品370余个。": { generated: null, why: COPIED },
  "三是全面汇聚行业合力。": { generated: null, why: COPIED },
  "四是全面汇聚行业合力。": { generated: null, why: `${COPIED}; #22 "三是" missing in (5)` },
  "积极组织互联网企业开展社区志愿服务，发放口罩、消毒液等紧缺物资。": { generated: null, why: COPIED },
  "发布《致全市网络媒体平台从业者、广大网民朋友的倡议书》等倡议3次，统筹自媒体创作宣传防疫抗疫新媒体产品700余个。": { generated: null, why: COPIED },
  "本部门在2020年度部门决算中反映“党建工作经费”“资料印刷费”“脱贫攻坚工作经费”“接待费”“互联网维护与整治经费”等7个项目绩效目标实际完成情况。": {
    generated: ["本部门在2020年度部门决算中反映“接待费”“脱贫攻坚工作经费”“党建工作经费”“资料印刷费”“互联网维护与整治经费”等5个项目绩效目标实际完成情况。"],
    why: "#20 N = the number of forms (5 named, summarised and tabled, not 7); the names in the order of the forms",
  },
  "通过科学细化绩效目标，严格执行预算标准，7个项目基本达到数量、质量、效益指标。": {
    generated: null,
    why: "#21 an appraisal the workbook does not support (84.51% execution; placeholder indicators #24–#28): not generated",
  },
  "通过项目实施，加强了单位的业务沟通，有效保障了工作交流期间基本接待开支。": {
    generated: ["通过项目实施，全面完成2020年度外来公务接待任务，不断提高巴中公务接待能力和水平。"],
    why: "the result is the form's 年度目标 实际完成情况 (绩效表1 E9); the seed's sentences are not in the workbook",
  },
  "接待过程中严格执行中央“八项规定”及省市有关规定精神，杜绝铺张浪费，既做到热情周到、又做到勤俭节约。": { generated: null, why: "not in the workbook (as above)" },
  "通过项目实施，提升了对脱贫帮扶联系村（南江县关坝镇贫困村和非贫困村）开展精准扶贫帮扶工作，确保帮扶对象不返贫。": {
    generated: ["通过项目实施，专题研究帮扶工作，定期组织干部职工进村入户开展帮扶，认真落实各项帮扶举措，助力关坝镇贫困村和非贫困村高质量按期脱贫。"],
    why: "the form's 实际完成情况 (绩效表2 E9)",
  },
  "通过项目实施，保障了我办2020年度办公资料印刷，正常运转。": {
    generated: ["通过项目实施，完成2020年全年办公资料印刷，保障2020年日常工作经费。"],
    why: "the form's 实际完成情况 (绩效表4 E9)",
  },
  "通过项目实施，保障了我办充分发挥网信优势，服务支撑疫情防控切实有力。": {
    generated: [
      "项目执行数小于预算数的主要原因：【请填写：“互联网维护与整治经费”项目执行数小于预算数的原因（偏差原因）】。",
      "通过项目实施，完成2020年巴中市互联网不良信息整治等费用。",
    ],
    why: "#7 84.51% (63.38/75 = 84.5067%) needs a reason and neither the form nor 补充数据 gives one → marker; #23 the seed's result is the copied 部门概况 text, the form's 实际完成情况 (绩效表5 E9) is used",
  },
};

describeFixtures("bazhong-2020 against the seed's 第二部分", () => {
  test("agrees where the seed is right, differs exactly where it is wrong", async () => {
    const seed = fs.readFileSync(SEED, "utf8").split(/\r?\n/);
    const start = seed.findIndex((l) => l.trim() === "第二部分 2020年度部门决算情况说明");
    const end = seed.findIndex((l) => l.includes("（四）预算绩效管理情况"));
    const perfEnd = seed.findIndex((l, i) => i > end && l.includes("项目绩效目标完成情况表"));
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    expect(perfEnd).toBeGreaterThan(end);
    const n = generateNarrative(await model("bazhong-2020"), { forms: await forms("bazhong-2020") });
    const gen = new Set(narrativeText(n).split("\n").flatMap(sentences));
    const used = new Set<string>();
    const problems: string[] = [];
    for (const line of seed.slice(start + 1, end)) {
      for (const s of sentences(line)) {
        const diff = DIFFERENCES[s];
        if (diff) {
          used.add(s);
          if (gen.has(s)) problems.push(`seed sentence listed as wrong but generated verbatim: ${s}`);
          for (const g of diff.generated ?? []) if (!gen.has(g)) problems.push(`expected generated sentence missing (${diff.why}): ${g}`);
        } else if (!gen.has(s)) problems.push(`seed sentence not generated and not explained: ${s}`);
      }
    }
    for (const k of Object.keys(DIFFERENCES)) if (!used.has(k)) problems.push(`difference not found in the seed: ${k}`);
    // 十(四): counts, the "反映…等N个项目" sentence and one 综述 per form
    for (const line of seed.slice(end, perfEnd)) {
      for (const s of sentences(line)) {
        const diff = PERF_DIFFERENCES[s];
        if (diff) {
          used.add(s);
          if (gen.has(s)) problems.push(`seed sentence listed as wrong but generated verbatim: ${s}`);
          for (const g of diff.generated ?? []) if (!gen.has(g)) problems.push(`expected generated sentence missing (${diff.why}): ${g}`);
        } else if (!gen.has(s)) problems.push(`seed sentence not generated and not explained: ${s}`);
      }
    }
    for (const k of Object.keys(PERF_DIFFERENCES)) if (!used.has(k)) problems.push(`difference not found in the seed: ${k}`);
    expect(problems).toEqual([]);
    // the charts replacing the seven instructions (#32)
    expect(n.charts!.map((c) => c.title)).toEqual([
      "图1：收、支决算总计变动情况图", "图2：收入决算结构图", "图3：支出决算结构图", "图4：财政拨款收、支决算总计变动情况",
      "图5：一般公共预算财政拨款支出决算变动情况", "图6：一般公共预算财政拨款支出决算结构", "图7：“三公”经费财政拨款支出结构",
    ]);
  });
});
