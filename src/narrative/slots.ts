import bindingsData from "../data/rules/bindings.json";
import slotData from "../data/narrative/slots.json";
import type { AmountClaim, Claim, ExecutionClaim, ParsedNarrative } from "./types";

/**
 * Semantic slots of narrative claims, for the table-binding checker (DOMAIN §2.4). Section
 * numbers are the canonical Sichuan-2020 ids whatever the template (national 十 → "10.4",
 * 十一(n) → "10.n"). A slot with ":{…}" is a family; the part after ":" names the item.
 * `binding` says which table cell (or 补充数据 field) the value must equal.
 */
export interface SlotDef {
  slot: string;
  claim: Claim["kind"];
  description: string;
  binding: string;
}

export const NARRATIVE_SLOTS: SlotDef[] = [
  { slot: "1.total", claim: "amount", description: "收、支总计", binding: "T1 总计 (收入 = 支出)" },
  { slot: "1.incomeTotal / 1.expenseTotal", claim: "amount", description: "收入总计, 支出总计 stated apart (一)", binding: "T1 总计 (收入 = 支出)" },
  { slot: "1.beginBalance", claim: "amount", description: "年初结转和结余 (一)", binding: "T1 年初结转和结余" },
  { slot: "1.endBalance", claim: "amount", description: "年末结转和结余 (一)", binding: "T1 年末结转和结余" },
  { slot: "2.beginBalance", claim: "amount", description: "年初结转和结余 stated beside 本年收入 (二)", binding: "T1 年初结转和结余" },
  { slot: "3.endBalance", claim: "amount", description: "年末结转和结余 stated beside 本年支出 (三)", binding: "T1 年末结转和结余" },
  { slot: "4.beginBalance", claim: "amount", description: "年初财政拨款结转和结余 (四)", binding: "T4 年初财政拨款结转和结余" },
  { slot: "4.endBalance", claim: "amount", description: "年末财政拨款结转和结余 (四)", binding: "T4 年末财政拨款结转和结余 合计" },
  { slot: "1.change", claim: "change", description: "收、支总计 YoY (single Δ for both)", binding: "T1 总计 − 补充数据 上年 收入支出总计" },
  { slot: "1.incomeChange", claim: "change", description: "收入总计 YoY", binding: "T1 收入总计 − 上年" },
  { slot: "1.expenseChange", claim: "change", description: "支出总计 YoY", binding: "T1 支出总计 − 上年" },
  { slot: "2.incomeTotal", claim: "amount", description: "本年收入合计", binding: "T1 本年收入合计" },
  { slot: "2.item:{label}", claim: "amount", description: "an income source (label as written, e.g. 一般公共预算财政拨款收入)", binding: "T1 income row" },
  { slot: "2.share:{label}", claim: "share", description: "its share", binding: "row ÷ T1 本年收入合计" },
  { slot: "3.expenseTotal", claim: "amount", description: "本年支出合计", binding: "T3 合计.本年支出合计" },
  { slot: "3.item:{label}", claim: "amount", description: "基本支出 / 项目支出 / 上缴上级支出 / 经营支出 / 对附属单位补助支出", binding: "T3 合计 row column" },
  { slot: "3.share:{label}", claim: "share", description: "its share", binding: "column ÷ T3 本年支出合计" },
  { slot: "4.total", claim: "amount", description: "财政拨款收、支总计", binding: "T4 总计" },
  { slot: "4.incomeTotal / 4.expenseTotal", claim: "amount", description: "财政拨款收入总计, 支出总计 stated apart (四)", binding: "T4 总计" },
  { slot: "4.change", claim: "change", description: "财政拨款收、支总计 YoY", binding: "T4 总计 − 上年 财政拨款收入支出总计" },
  { slot: "4.incomeChange", claim: "change", description: "财政拨款收入总计 YoY", binding: "T4 收入总计 − 上年" },
  { slot: "4.expenseChange", claim: "change", description: "财政拨款支出总计 YoY", binding: "T4 支出总计 − 上年" },
  { slot: "5.1.gpb", claim: "amount", description: "一般公共预算财政拨款支出", binding: "T5 合计.小计" },
  { slot: "5.1.shareOfExpense", claim: "share", description: "占本年支出合计的%", binding: "T5 合计 ÷ T3 本年支出合计" },
  { slot: "5.1.change", claim: "change", description: "一般公共预算财政拨款支出 YoY", binding: "T5 合计 − 上年 一般公共预算财政拨款支出" },
  { slot: "5.2.total", claim: "amount", description: "一般公共预算财政拨款支出 (五(二) opening)", binding: "T5 合计.小计" },
  { slot: "5.2.item:{code}", claim: "amount", description: "a 类 (3-digit code, or the 类 name when unknown)", binding: "T5 类 row 小计" },
  { slot: "5.2.share:{code}", claim: "share", description: "its share", binding: "类 row ÷ T5 合计" },
  { slot: "5.3.total", claim: "amount", description: "一般公共预算支出决算数 (五(三) opening)", binding: "T5 合计.小计" },
  { slot: "5.3.budget", claim: "amount", description: "一般公共预算财政拨款支出年初预算 (national 五(三) opening)", binding: "补充数据 一般公共预算财政拨款支出决算（全年） 预算数" },
  { slot: "5.3.budget:{code}", claim: "amount", description: "a 项's 年初预算 (national 五(三) items)", binding: "补充数据 预算数 of the 项" },
  { slot: "5.3.exec", claim: "execution", description: "overall 完成预算%", binding: "T5 合计 ÷ Σ 项 budgets (补充数据 预算数)" },
  { slot: "5.3.item:{code}", claim: "amount", description: "a 项 (7-digit code via resolveSubject, else 类/款/项 name path)", binding: "T5 项 row 小计" },
  { slot: "5.3.exec:{code}", claim: "execution", description: "the 项's 完成预算%", binding: "T5 项 row ÷ 补充数据 预算数 of the 项" },
  { slot: "6.basic", claim: "amount", description: "一般公共预算财政拨款基本支出", binding: "T5 合计.基本支出 = T6 人员经费合计 + 公用经费合计" },
  { slot: "6.personnel", claim: "amount", description: "人员经费", binding: "T6 人员经费合计" },
  { slot: "6.public", claim: "amount", description: "(日常)公用经费", binding: "T6 公用经费合计" },
  { slot: "7.1.total", claim: "amount", description: "“三公”经费财政拨款支出决算", binding: "T7 决算.合计" },
  { slot: "7.1.budget", claim: "amount", description: "“三公”经费财政拨款支出年初预算 (national 七(一))", binding: "T7 预算.合计" },
  { slot: "7.1.exec", claim: "execution", description: "三公 完成预算%", binding: "T7 决算.合计 ÷ T7 预算.合计" },
  { slot: "7.1.change", claim: "change", description: "三公 合计 YoY", binding: "T7 决算.合计 − 补充数据 上年“三公”经费" },
  { slot: "7.2.item:{abroad|vehicle|reception}", claim: "amount", description: "三公 item in the 七(二) share list", binding: "T7 决算 item" },
  { slot: "7.2.share:{abroad|vehicle|reception}", claim: "share", description: "its share", binding: "item ÷ T7 决算.合计" },
  { slot: "7.2.{abroad|vehicle|reception}.total", claim: "amount", description: "item amount in its own paragraph", binding: "T7 决算 item" },
  { slot: "7.2.{abroad|vehicle|reception}.budget", claim: "amount", description: "item 年初预算, when written", binding: "T7 预算 of the item" },
  { slot: "7.2.{abroad|vehicle|reception}.exec", claim: "execution", description: "item 完成预算%", binding: "T7 决算 ÷ 预算 of the item" },
  { slot: "7.2.{abroad|vehicle|reception}.change", claim: "change", description: "item YoY", binding: "T7 item − 补充数据 上年" },
  { slot: "7.2.abroad.groups", claim: "count", description: "因公出国（境）团组", binding: "补充数据 团组数" },
  { slot: "7.2.abroad.people", claim: "count", description: "出国（境）人数", binding: "补充数据 人数" },
  { slot: "7.2.vehicle.purchase", claim: "amount", description: "公务用车购置支出", binding: "T7 公务用车购置费 决算" },
  { slot: "7.2.vehicle.operation", claim: "amount", description: "公务用车运行维护费支出", binding: "T7 公务用车运行费 决算" },
  { slot: "7.2.vehicle.bought", claim: "count", description: "更新购置公务用车 (辆)", binding: "补充数据" },
  { slot: "7.2.vehicle.fleet", claim: "count", description: "共有公务用车 (辆)", binding: "补充数据" },
  { slot: "7.2.reception.domestic", claim: "amount", description: "国内公务接待支出", binding: "T7 公务接待费 (国内)" },
  { slot: "7.2.reception.foreign", claim: "amount", description: "外事接待支出", binding: "T7 公务接待费 (外事)" },
  { slot: "7.2.reception.domestic.batches", claim: "count", description: "国内公务接待批次", binding: "补充数据" },
  { slot: "7.2.reception.domestic.persons", claim: "count", description: "国内公务接待人次", binding: "补充数据" },
  { slot: "7.2.reception.foreign.batches", claim: "count", description: "外事接待批次", binding: "补充数据" },
  { slot: "7.2.reception.foreign.persons", claim: "count", description: "外事接待人数", binding: "补充数据" },
  { slot: "8.total", claim: "amount", description: "政府性基金预算拨款支出", binding: "T8 合计 本年支出" },
  { slot: "9.total", claim: "amount", description: "国有资本经营预算拨款支出", binding: "T9 合计" },
  { slot: "10.1.total", claim: "amount", description: "机关运行经费支出", binding: "补充数据 机关运行经费" },
  { slot: "10.1.change", claim: "change", description: "机关运行经费 YoY", binding: "补充数据 上年" },
  { slot: "10.2.total", claim: "amount", description: "政府采购支出总额", binding: "补充数据" },
  { slot: "10.2.goods", claim: "amount", description: "货物", binding: "补充数据" },
  { slot: "10.2.works", claim: "amount", description: "工程", binding: "补充数据" },
  { slot: "10.2.services", claim: "amount", description: "服务", binding: "补充数据" },
  { slot: "10.2.sme", claim: "amount", description: "授予中小企业合同金额", binding: "补充数据" },
  { slot: "10.2.smeShare", claim: "share", description: "its share of 政府采购支出总额", binding: "sme ÷ total" },
  { slot: "10.2.micro", claim: "amount", description: "授予小微企业合同金额", binding: "补充数据" },
  { slot: "10.2.microShare", claim: "share", description: "its share of 政府采购支出总额", binding: "micro ÷ total" },
  { slot: "10.3.vehicles", claim: "count", description: "共有车辆", binding: "补充数据" },
  { slot: "10.3.vehicle:{label}", claim: "count", description: "车辆 by use (label as written)", binding: "补充数据" },
  { slot: "10.3.equipment50", claim: "count", description: "单价50万元以上通用设备", binding: "补充数据" },
  { slot: "10.3.equipment100", claim: "count", description: "单价100万元以上专用设备", binding: "补充数据" },
  { slot: "10.4.amount:{targets|monitor|selfEval}", claim: "amount", description: "budget of the projects counted just before, national 2024 十", binding: "补充数据" },
  { slot: "10.4.grade:{grade}", claim: "count", description: "projects graded 优/良/合格/不合格/中/差", binding: "补充数据" },
  { slot: "10.4.problems / rectified / rectifying", claim: "count", description: "问题 found in 自评, rectified, being rectified", binding: "补充数据" },
  { slot: "10.3.equipment100all", claim: "count", description: "单价100万元（含）以上设备（不含车辆）, national 2024", binding: "补充数据" },
  { slot: "10.4.count:priorEval", claim: "count", description: "事前绩效评估 projects", binding: "补充数据 绩效 counts" },
  { slot: "10.4.count:targets", claim: "count", description: "projects with 绩效目标", binding: "补充数据" },
  { slot: "10.4.count:monitor", claim: "count", description: "绩效监控 projects", binding: "补充数据" },
  { slot: "10.4.count:selfEval", claim: "count", description: "自评 projects", binding: "补充数据 绩效自评项目数 = number of forms" },
  { slot: "10.4.count:reported", claim: "count", description: "projects whose completion is reported", binding: "number of forms" },
  { slot: "10.4.count:achieved", claim: "count", description: "projects said to meet their targets", binding: "number of forms" },
  { slot: "10.4.count:projectEval", claim: "count", description: "项目支出绩效评价 organised", binding: "–" },
  { slot: "10.4.project:{name}.budget", claim: "amount", description: "project 全年预算数", binding: "绩效表 预算数" },
  { slot: "10.4.project:{name}.actual", claim: "amount", description: "project 执行数", binding: "绩效表 执行数" },
  { slot: "10.4.project:{name}.exec", claim: "execution", description: "project 完成预算%", binding: "绩效表 执行率 (P-8)" },
];

interface SlotRule {
  section: string;
  kind: string;
  match: string;
  slot: string;
  /** The rule does not apply when the sentence before the claim matches this (e.g. a 预留 or 中小企业 qualifier). */
  notContext?: string;
}
const RULES: (SlotRule & { re: RegExp; notRe?: RegExp })[] = (slotData.rules as SlotRule[]).map((r) => ({
  ...r,
  re: new RegExp(r.match, "u"),
  notRe: r.notContext ? new RegExp(r.notContext, "u") : undefined,
}));

export interface SameQuantityDef {
  id: string;
  name: string;
  slots: string[];
  derived?: string;
  /**
   * The figures of these slots may each be right for what the text means by them (收入总计 and 支出总计 written for
   * 本年收入合计 and 本年支出合计): a difference between them is at most this weight, with `note` added.
   */
  pair?: { slots: [string, string]; severity: "warning"; note: string };
}
export interface FootDef {
  id: string;
  name: string;
  total: string;
  parts?: string[];
  partsPrefix?: string;
}
export const SAME_QUANTITY: SameQuantityDef[] = slotData.sameQuantity as SameQuantityDef[];
export const FOOTS: FootDef[] = slotData.foots as FootDef[];

const SANGONG: [RegExp, string][] = [
  [/出国/, "abroad"],
  [/公务用车/, "vehicle"],
  [/接待/, "reception"],
];

function matchRule(canonical: string, kind: string, text: string, ctx: string | null, sentence = ""): string | undefined {
  for (const r of RULES) {
    if (r.section !== canonical || r.kind !== kind) continue;
    if (!r.re.test(text)) continue;
    if (r.notRe && r.notRe.test(sentence)) continue;
    if (r.slot.includes("{ctx}") && !ctx) continue;
    // {1} is the rule's first capture group (“绩效评级为“优”的项目” → 优).
    return r.slot.replace("{ctx}", ctx ?? "").replace("{label}", text.replace(/\d.*$/, "")).replace("{1}", r.re.exec(text)?.[1] ?? "");
  }
  return undefined;
}

/** The parts of 二 (income sources) and 三 (expense kinds) the bindings map to table columns (rule data maps). */
const KNOWN_PARTS: Record<string, Set<string>> = {
  "2": new Set(Object.keys(bindingsData.maps.income)),
  "3": new Set(Object.keys(bindingsData.maps.expense)),
};

/** The change slot of each current amount (bindings.json changes, the first listed when several share it). */
const CHANGE_OF_CURRENT = new Map<string, string>();
for (const [slot, b] of Object.entries(bindingsData.changes as Record<string, { current: string }>)) if (!CHANGE_OF_CURRENT.has(b.current)) CHANGE_OF_CURRENT.set(b.current, slot);

/** Sets `slot` on every claim whose meaning is identifiable. Called by parseNarrative. */
/** A label ending inside an open “（”: “…共8批次（其中外事接待”. */
const inParenthesis = (label: string) => {
  const open = label.lastIndexOf("（");
  return open >= 0 && !label.includes("）", open);
};

export function assignSlots(parsed: ParsedNarrative): void {
  const textByRow = new Map(parsed.paragraphs.map((p) => [p.row, p.text]));
  /** The sentence of a claim up to the claim (from the last 。；; before it). */
  const sentenceBefore = (c: Claim): string => {
    const t = textByRow.get(c.row) ?? "";
    const head = t.slice(0, c.start);
    const cut = Math.max(head.lastIndexOf("。"), head.lastIndexOf("；"), head.lastIndexOf(";"));
    return head.slice(cut + 1);
  };
  // 七(二): which 三公 item each paragraph speaks of, carried from its numbered paragraph
  const ctxByRow = new Map<number, string | null>();
  let ctx: string | null = null;
  for (const p of parsed.paragraphs) {
    if (p.canonical !== "7.2") {
      ctx = null;
      continue;
    }
    if (p.numbering && p.numbering.style === "arabic") {
      ctx = null;
      for (const [re, k] of SANGONG) if (re.test(p.text)) { ctx = k; break; }
    }
    ctxByRow.set(p.row, ctx);
  }
  const enumerated = new Set<Claim>();
  for (const c of parsed.claims) {
    if (c.kind !== "enumeration") continue;
    const sec = c.canonical;
    if (!["2", "3", "5.2", "7.2"].includes(sec)) continue;
    for (const it of c.items) {
      if (sec === "7.2" && !["abroad", "vehicle", "reception"].includes(it.key)) continue;
      it.amount.slot = `${sec}.item:${it.key}`;
      enumerated.add(it.amount);
      if (it.share) {
        it.share.slot = `${sec}.share:${it.key}`;
        enumerated.add(it.share);
      }
    }
  }
  // “其中：基本支出占59.94%；项目支出占40.06%”: a share naming its part without an amount is the share of that part
  // of 二/三's total, when the part is one the bindings know (the 补充数据-free table figures); else it has no slot.
  for (const c of parsed.claims) {
    if (c.kind !== "share" || !c.subject || c.of || c.denominator !== "" || !["2", "3"].includes(c.canonical)) continue;
    const key = c.subject.replace(/^\d{4}年度?/u, "").trim();
    if (KNOWN_PARTS[c.canonical].has(key)) {
      c.slot = `${c.canonical}.share:${key}`;
      enumerated.add(c);
    }
  }
  // 五(三): a numbered item paragraph (“1.…（项）：支出决算为…”, “（2）…”) speaks of one 项. When the parser did not
  // recognise its 科目 (the subject claim below then gives its slots), its figures are of an unknown 项 — never the
  // section's total.
  // A paragraph of 五(三) after a numbered item and without a number of its own continues that item (“主要用于：” /
  // “年初预算为…，支出决算为…” broken over rows as pasted from Word or a PDF): its figures are the item's too.
  const ITEM_START = /^\s*(?:[（(]\s*\d+\s*[)）]|[①-⑳]|\d{1,2}\s*[.．、](?!\d{1,2}(?:\D|$)))/u;
  const itemRows = new Set<number>();
  {
    let inItems = false;
    for (const p of parsed.paragraphs) {
      if (p.kind === "empty") continue;
      if (p.canonical !== "5.3" || p.kind === "heading") {
        inItems = false;
        continue;
      }
      if (ITEM_START.test(p.text)) inItems = true;
      if (inItems) itemRows.add(p.row);
    }
  }
  const itemRow = (c: Claim) => c.canonical === "5.3" && itemRows.has(c.row);
  // “主要原因：项目支出增加，较上年增加1133.95万元，主要由于…”: a change inside a reason explains the change before it;
  // it is not the section's own year-on-year change.
  const reasons = parsed.claims.filter((r) => r.kind === "reason");
  const inReason = (c: Claim) => reasons.some((r) => r.row === c.row && r.start <= c.start && c.start < r.end);
  for (const c of parsed.claims) {
    if (enumerated.has(c)) continue;
    if ((c.kind === "amount" || c.kind === "execution") && itemRow(c)) continue;
    // 五(三) after “其中” in the same paragraph: the figures are of the items listed (“其中：其他宣传事务支出（项）支出决算为…，
    // 完成预算90.12%；其余项级科目均完成预算100%”), never the section's total.
    if ((c.kind === "amount" || c.kind === "execution") && c.canonical === "5.3" && /其中/u.test((textByRow.get(c.row) ?? "").slice(0, c.start))) continue;
    const cx = ctxByRow.get(c.row) ?? null;
    switch (c.kind) {
      case "amount":
        // the prior year's amount (“比2019年度372.28万元减少…”) is never a figure of the report's year
        if (c.role === "prior") break;
        c.slot = matchRule(c.canonical, c.role === "budget" ? "budget" : "amount", c.label, cx, sentenceBefore(c));
        break;
      case "share":
        if (c.canonical === "10.2" && c.of) {
          const s = matchRule("10.2", "amount", c.of.label, null);
          // Of the procurement total, unless the text names another base (“占授予中小企业合同金额的60%”).
          const ofTotal = c.denominator === "" || /政府采购/u.test(c.denominator);
          if ((s === "10.2.sme" || s === "10.2.micro") && ofTotal) c.slot = `${s}Share`;
        } else if (c.canonical === "10.2" && c.subject && c.denominator === "") {
          // “中小企业占比80.00%”: a share naming its part, of the procurement total.
          const s = matchRule("10.2", "amount", c.subject, null);
          if (s === "10.2.sme" || s === "10.2.micro") c.slot = `${s}Share`;
        } else c.slot = matchRule(c.canonical, "share", c.label, cx);
        break;
      case "change":
        if (inReason(c)) break;
        // A comparison with another year than the prior one (“比2019年（疫情前）减少…”) is not the year-on-year change.
        if (c.priorYear !== null && parsed.year !== null && c.priorYear !== parsed.year - 1) break;
        // Nor is a comparison with the budget (“比年初预算减少…”, “与预算数相比”): that is the 决算 against its 预算.
        if (c.against === "budget" || /(比|较|与|同|相对于?)(年初|全年|调整后?)?预算(数)?/u.test(`${c.subject}${textByRow.get(c.row)?.slice(Math.max(0, c.start - 12), c.start) ?? ""}`)) break;
        // “收、支总计236.01万元，较2019年减少157.39万元”: a change that does not name its subject is the change of the
        // amount just stated before it in the same paragraph.
        {
          const follows = c.current && c.current.row === c.row && c.current.start < c.start ? c.current : null;
          c.slot = matchRule(c.canonical, "change", c.subject || (follows ? follows.label : "."), cx);
          // “支出决算为0.8万元，完成年初预算的100%。比2023年度减少了0.2万元，降幅为25%”: a change naming no subject,
          // after an amount of its paragraph whose quantity is known, is the change of that quantity (bindings.json
          // changes: the change whose current it is).
          if (!c.slot && !c.subject && follows?.slot) c.slot = CHANGE_OF_CURRENT.get(follows.slot);
        }
        break;
      case "execution":
        // “其余项目支出决算均与年初预算一致，完成年初预算的100%”: the rate of the items not named, not the section's
        if (/^\s*(?:其余|其他各?项|其他项目)/u.test(sentenceBefore(c))) break;
        c.slot = matchRule(c.canonical, "execution", `${c.actual?.label ?? ""}${c.text}`, cx);
        break;
      case "count": {
        // “共8批次（其中外事接待0批次）”: a count inside an open parenthesis is of what the parenthesis names.
        const open = c.label.lastIndexOf("（");
        c.slot = matchRule(c.canonical, "count", inParenthesis(c.label) ? c.context.slice(open + 1) : c.context, cx);
        if (c.slot?.startsWith("10.3.vehicle:")) c.slot = `10.3.vehicle:${c.label}`;
        break;
      }
      default:
        break;
    }
  }
  // “国内公务接待费0.80万元，接待8批次、80人次；外事接待费0万元，接待0批次、0人次”: a reception count is 国内 or 外事
  // by the clause it stands in (back to the last ；/。), when that clause says which.
  for (const c of parsed.claims) {
    if (c.kind !== "count" || c.canonical !== "7.2" || !/^(批次|人次|人)$/u.test(c.unit)) continue;
    if (c.slot && !/^7\.2\.reception\./u.test(c.slot)) continue;
    const text = textByRow.get(c.row) ?? "";
    // to the count's end: its own label says whose it is (“国内公务接待共8批次80人次，外事接待0批次”)
    const before = text.slice(0, c.end);
    if (inParenthesis(c.label)) continue;
    // Closed parentheses (“共8批次（其中外事接待0批次），80人次”) speak of their own counts.
    const clause = before.slice(Math.max(before.lastIndexOf("；"), before.lastIndexOf(";"), before.lastIndexOf("。")) + 1).replace(/[（(][^（）()]*[）)]/gu, "");
    if (!/接待/u.test(clause)) continue;
    // the one named last before the count (“外事接待0批次，国内公务接待8批次”)
    const lastOf = (re: RegExp) => Math.max(-1, ...[...clause.matchAll(re)].map((m) => m.index!));
    const foreign = lastOf(/外事|外宾/gu);
    const domestic = lastOf(/国内/gu);
    const who = foreign < 0 && domestic < 0 ? null : foreign > domestic ? "foreign" : "domestic";
    if (who) c.slot = `7.2.reception.${who}.${c.unit === "批次" ? "batches" : "persons"}`;
  }
  // "接待外宾0批次，0人次": a bare 人/人次 count belongs to the batches counted just before it
  let prevCount: Claim | null = null;
  for (const c of parsed.claims) {
    if (c.kind !== "count" || inParenthesis(c.label)) continue;
    if (
      c.slot && /^7\.2\.reception\.(domestic|foreign)\.persons$/.test(c.slot) &&
      prevCount?.kind === "count" && prevCount.row === c.row && prevCount.slot?.endsWith(".batches")
    ) {
      c.slot = prevCount.slot.replace(/\.batches$/, ".persons");
    }
    prevCount = c;
  }
  // 十 预算绩效管理 (national template): “编报绩效目标的项目7个，涉及预算金额85.60万元” — the amount that follows a
  // project count in the same paragraph is the budget of those projects.
  let lastPerfCount: Claim | null = null;
  for (const c of parsed.claims) {
    if (c.canonical !== "10.4") continue;
    if (c.kind === "count" && c.slot && /^10\.4\.count:(targets|monitor|selfEval)$/.test(c.slot)) lastPerfCount = c;
    else if (c.kind === "amount" && !c.slot && lastPerfCount && lastPerfCount.row === c.row && /涉及(预算)?(资金|金额)/.test(c.label)) {
      c.slot = `10.4.amount:${lastPerfCount.slot!.slice("10.4.count:".length)}`;
      lastPerfCount = null;
    }
  }
  // A 五(三) item written as its 科目 path alone, its figures in the next paragraph (“1、…（项）。” then
  // “年初预算为A万元，支出决算为B万元，完成年初预算的r%。”): those figures are the item's, not the section's.
  const body = parsed.paragraphs.filter((p) => p.kind !== "empty");
  const subjectRows = new Set(parsed.claims.filter((c) => c.kind === "subject").map((c) => c.row));
  for (const c of parsed.claims) {
    if (c.kind !== "subject" || c.canonical !== "5.3" || c.amount || c.budget || c.execution) continue;
    const next = body[body.findIndex((p) => p.row === c.row) + 1];
    if (!next || next.kind !== "body" || next.canonical !== "5.3" || next.numbering || subjectRows.has(next.row)) continue;
    const mine = parsed.claims.filter((x) => x.row === next.row);
    const amounts = mine.filter((x): x is AmountClaim => x.kind === "amount");
    c.amount = amounts.find((x) => x.role !== "budget") ?? null;
    c.budget = amounts.find((x) => x.role === "budget") ?? null;
    c.execution = mine.find((x): x is ExecutionClaim => x.kind === "execution") ?? null;
  }
  // 五(三) items and project summaries override the generic section slots
  for (const c of parsed.claims) {
    if (c.kind === "subject" && c.canonical === "5.3") {
      const key = c.code ?? `${c.lei.replace(/支出$/, "")}/${c.kuan}/${c.xiang}`;
      if (c.amount) c.amount.slot = `5.3.item:${key}`;
      if (c.budget) c.budget.slot = `5.3.budget:${key}`;
      // Another budget of the item (“调整预算为X万元”) is not the section's 年初预算.
      for (const x of parsed.claims) if (x.kind === "amount" && x.role === "budget" && x !== c.budget && x.row === c.row && x.start > c.end && x.slot === "5.3.budget") x.slot = undefined;
      if (c.execution) c.execution.slot = `5.3.exec:${key}`;
    }
    if (c.kind === "project") {
      if (c.budget) c.budget.slot = `10.4.project:${c.name}.budget`;
      if (c.actual) c.actual.slot = `10.4.project:${c.name}.actual`;
      if (c.execution) c.execution.slot = `10.4.project:${c.name}.exec`;
    }
  }
  // only the first amount of a paragraph-level total slot keeps it when a paragraph repeats the label
  const seen = new Map<string, Claim>();
  for (const c of parsed.claims) {
    if (c.kind !== "amount" || !c.slot) continue;
    const key = `${c.row}|${c.slot}`;
    if (seen.has(key)) c.slot = undefined;
    else seen.set(key, c);
  }
}
