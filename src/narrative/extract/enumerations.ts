/**
 * Enumerations: the items after “其中：” / “其中” / “主要用于以下方面：” (until the sentence end or the next marker), with
 * the total before the marker; a run of “X万元，占Y%” without a marker (七(二)); lists written “A和B分别为X万元、Y万元，
 * 分别占p%、q%”; and a list whose items stand on numbered lines of their own after an intro ending in “：”.
 *
 * An item followed by “主要包括 …” (lists.json subListMarker) or by a bracket “（…）”, and an amount named again with
 * “中” (“人员经费中A Y万元、B Z万元”), has a nested list of its parts: those amounts are not
 * items of the outer list; the nested list is a list of its own (total: the item) unless it ends in “等” (partial,
 * lists.json partialTail). A partial list has `partial` set (../../checks/self/enumerations.ts then neither
 * foots it nor sums its shares).
 *
 * Depends on the amount and share claims of the paragraph (read from the claims array: the `figures` extractor,
 * token readers `amounts` and `shares`, runs before). ./classes.ts reads the enumerations this produces; for the
 * items of numbered lines after the first, this extractor makes their class claims itself (with ./classes.ts).
 */
import { D } from "../../money/decimal";
import listData from "../../data/narrative/lists.json";
import type { AmountClaim, Claim, EnumerationClaim, EnumerationItem, ShareClaim } from "../types";
import { classes } from "./classes";
import { classCode, classCore, cleanItemLabel, type Extractor, type ParagraphCtx, ownClaims, sentenceEnd, sentenceIndex, squeeze } from "./util";

/**
 * The 三公 item a list item names. A part of an item (“其中：公务用车购置支出0万元；公务用车运行维护支出7.50万元”,
 * “国内公务接待支出…；外事接待支出…”) is not that item: its key is the part's.
 */
const SANGONG_KEYS: [RegExp, string][] = [
  [/出国/, "abroad"],
  [/公务用车购置(?!及)/, "vehicle.purchase"],
  [/公务用车(?<!购置及)运行/, "vehicle.operation"],
  [/公务用车/, "vehicle"],
  [/国内(?:公务)?接待/, "reception.domestic"],
  [/外事接待|外宾接待|国（境）外.*接待/, "reception.foreign"],
  // “人均接待费用100元”: a figure of the item, not the item
  [/人均|平均|每批次|每人次/, "perCapita"],
  [/接待/, "reception"],
];

/** Sections whose list items get table slots (src/narrative/slots.ts): a nested list there is not made a list. */
const SLOT_SECTIONS = new Set(["2", "3", "5.2", "7.2"]);
const SUB_MARKER = new RegExp(listData.subListMarker, "gu");
const SUB_LEAD = new RegExp(`^(?:${listData.subListMarker})`, "u");
const PARTIAL_TAIL = new RegExp(listData.partialTail, "u");
const RESP_AMOUNTS = new RegExp(listData.respectivelyAmounts, "u");
const RESP_SHARES = listData.respectivelyShares.map((s) => new RegExp(s, "gu"));

function sangongKey(s: string): string | null {
  for (const [re, k] of SANGONG_KEYS) if (re.test(s)) return k;
  return null;
}

function shareOf(a: AmountClaim, shares: ShareClaim[]): ShareClaim | null {
  return shares.find((s) => s.of === a) ?? null;
}

function lastEnd(a: AmountClaim, shares: ShareClaim[]): number {
  return shareOf(a, shares)?.end ?? a.end;
}

function enumItem(a: AmountClaim, shares: ShareClaim[], canonical: string): EnumerationItem {
  const label = cleanItemLabel(a.label).replace(SUB_LEAD, "");
  let key = label;
  if (canonical === "5.2") key = classCode(label.replace(/（类）/g, "")) ?? classCore(label.replace(/（类）/g, ""));
  else if (canonical === "7.2") key = sangongKey(label) ?? label;
  return { label, key, amount: a, share: shareOf(a, shares) };
}

/** Where the number of an amount starts (its span starts at its label). */
function numStart(text: string, a: AmountClaim): number {
  const i = text.lastIndexOf(a.raw, a.end - a.raw.length);
  return i >= a.start ? i : a.start;
}

/** A nested list: the amounts after “主要包括” that follow an item's amount. */
interface SubList {
  parent: AmountClaim;
  items: AmountClaim[];
  partial: boolean;
  start: number;
  end: number;
  marker: string;
}

/** Where the “（” at `open` is closed (nested brackets counted), or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "（" || text[i] === "(") depth++;
    else if ((text[i] === "）" || text[i] === ")") && --depth === 0) return i;
  }
  return -1;
}

/** Where the innermost bracket around `pos` closes, or the text's length when `pos` stands in none. */
function bracketClose(text: string, pos: number): number {
  let best = text.length;
  for (let i = openAt(text, 0); i >= 0 && i < pos; i = openAt(text, i + 1)) {
    const c = closing(text, i);
    if (c > pos) best = Math.min(best, c);
  }
  return best;
}

/** The next opening bracket, full- or half-width (“(其中,一般公共预算…)” as typed with half-width punctuation). */
function openAt(text: string, from: number): number {
  const a = text.indexOf("（", from);
  const b = text.indexOf("(", from);
  return a < 0 ? b : b < 0 ? a : Math.min(a, b);
}

function subLists(text: string, amounts: AmountClaim[], shares: ShareClaim[]): SubList[] {
  const out: SubList[] = [];
  const push = (parent: AmountClaim, after: number, end: number, start: number, marker: string) => {
    const items = amounts.filter((a) => a !== parent && numStart(text, a) >= after && a.end <= end);
    if (!items.length) return;
    const last = items[items.length - 1];
    out.push({ parent, items, partial: PARTIAL_TAIL.test(text.slice(lastEnd(last, shares), end + 1)), start, end, marker });
  };
  // “A X万元（其中B Y万元，C Z万元）”: the bracket right after an item holds its parts
  for (let i = openAt(text, 0); i >= 0; i = openAt(text, i + 1)) {
    const parent = [...amounts].reverse().find((a) => a.end <= i);
    if (!parent || !/^[\s，,]*$/.test(text.slice(lastEnd(parent, shares), i))) continue;
    const close = closing(text, i);
    if (close < 0) continue;
    push(parent, i + 1, close, i, "（");
  }
  // “人员经费X万元，…。人员经费中A Y万元、B Z万元；”: the parts of an amount named again, with “中”
  for (const m of text.matchAll(/(?<=^|[。；;，,：:\s])([\u4e00-\u9fa5（）]{2,20}?)中(?=[\u4e00-\u9fa5])/gu)) {
    const name = m[1];
    const parent = amounts.find((a) => a.end <= m.index! && cleanItemLabel(a.label).replace(/^\d{4}年度?/u, "") === name);
    if (!parent) continue;
    const after = m.index! + m[0].length;
    const stopM = /[；;。！？!?]/.exec(text.slice(after));
    push(parent, after, stopM ? after + stopM.index : text.length, m.index!, "中");
  }
  if (!/包括|主要有/.test(text)) return out;
  for (const m of text.matchAll(SUB_MARKER)) {
    const p = m.index!;
    const parent = [...amounts].reverse().find((a) => a.end <= p);
    // the marker follows the parent's amount (or its share) directly: “人员经费X万元，（占p%，）主要包括”
    if (!parent || !/^[\s，,、]*$/.test(text.slice(lastEnd(parent, shares), p))) continue;
    const after = p + m[0].length;
    const stopM = /[；;。！？!?]/.exec(text.slice(after));
    const end = stopM ? after + stopM.index : text.length;
    push(parent, after, end, p, squeeze(m[0]));
  }
  return out;
}

/** A list written with “分别”: its amounts in order (labels set to the names before “分别为”), shares attached. */
interface Respectively {
  items: AmountClaim[];
  start: number;
  end: number;
}

const SEP = /^\s*(?:、|，|,|和|及|与|以及)\s*/u;

/** Names before “分别为” (“A和B”, “A、B、C”), split into n; null when they do not split so. */
function splitNames(s: string, n: number): string[] | null {
  let parts = s.split("、").map((x) => x.trim()).filter(Boolean);
  for (const sep of [/和|与/gu, /以及|及/gu]) {
    if (parts.length >= n) break;
    // split the last part at its first separators only (“本年收入和年初结转和结余” → 本年收入 | 年初结转和结余)
    const last = parts.pop() ?? "";
    const cuts = [...last.matchAll(sep)].slice(0, n - parts.length - 1);
    let from = 0;
    for (const c of cuts) {
      parts.push(last.slice(from, c.index).trim());
      from = c.index! + c[0].length;
    }
    parts.push(last.slice(from).trim());
    parts = parts.filter(Boolean);
  }
  return parts.length === n ? parts : null;
}

function respectively(ctx: ParagraphCtx, claims: Claim[], amounts: AmountClaim[], shares: ShareClaim[]): Respectively[] {
  const { text, starts } = ctx;
  const out: Respectively[] = [];
  if (!text.includes("分别")) return out;
  const inSentence = (a: AmountClaim, pos: number) => sentenceIndex(starts, a.start) === sentenceIndex(starts, pos);
  // “A和B分别为X万元、Y万元”
  for (let k = 0; k < amounts.length; k++) {
    const a = amounts[k];
    const ns = numStart(text, a);
    const head = text.slice(a.start, ns);
    const rm = RESP_AMOUNTS.exec(head);
    if (!rm) continue;
    const run = [a];
    for (let j = k + 1; j < amounts.length; j++) {
      const b = amounts[j];
      const gap = text.slice(run[run.length - 1].end, numStart(text, b));
      if (!SEP.test(gap) || gap.replace(SEP, "") !== "") break;
      run.push(b);
    }
    if (run.length < 2) continue;
    // the names stand from the clause start (a label stops at “、”) to “分别”
    const at = a.start + rm.index;
    const clause = Math.max(...["，", ",", "。", "；", ";", "：", ":"].map((c) => text.lastIndexOf(c, at - 1))) + 1;
    const names = splitNames(cleanItemLabel(text.slice(clause, at).trim()).replace(/^\d{4}年度?/u, ""), run.length);
    if (names) run.forEach((x, i) => (x.label = names[i]));
    out.push({ items: run, start: a.start, end: run[run.length - 1].end });
    k += run.length - 1;
  }
  // “…，分别占p%、q%”: the shares of the amounts before, in order
  for (const re of RESP_SHARES) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      let p = m.index! + m[0].length;
      const pcts: { raw: string; start: number; end: number }[] = [];
      for (;;) {
        const pm = /^(\d+(?:\.\d+)?)\s*[%％]/.exec(text.slice(p));
        if (!pm) break;
        pcts.push({ raw: pm[1], start: p, end: p + pm[0].length });
        p += pm[0].length;
        const sm = SEP.exec(text.slice(p));
        if (!sm || !/^\s*\d/.test(text.slice(p + sm[0].length))) break;
        p += sm[0].length;
      }
      if (pcts.length < 2) continue;
      const before = amounts.filter((a) => a.end <= m.index! && inSentence(a, m.index!) && a.role !== "budget");
      const resp = out.find((r) => r.end <= m.index! && r.items.length === pcts.length && inSentence(r.items[0], m.index!));
      const items = resp ? resp.items : before.slice(-pcts.length);
      if (items.length !== pcts.length || items.some((a) => shareOf(a, shares) && !pcts.some((x) => x.start <= shareOf(a, shares)!.end && shareOf(a, shares)!.start <= x.end))) continue;
      const den = (m.groups?.den ?? "").trim();
      items.forEach((a, i) => {
        const x = pcts[i];
        // the share token the figures extractor read (“分别占59.94%” as a share of “分别”), else a new claim
        const old = shares.find((s) => s.start < x.end && s.end >= x.end);
        const sh: ShareClaim = old ?? ({ kind: "share", ...ctx.span(x.start, x.end) } as ShareClaim);
        Object.assign(sh, { label: cleanItemLabel(a.label), denominator: den, value: new D(x.raw), decimals: x.raw.includes(".") ? x.raw.split(".")[1].length : 0, raw: `${x.raw}%`, of: a });
        delete sh.subject;
        if (!old) {
          claims.push(sh);
          shares.push(sh);
        }
      });
      if (!resp) out.push({ items, start: items[0].start, end: pcts[pcts.length - 1].end });
      else resp.end = pcts[pcts.length - 1].end;
    }
  }
  return out;
}

/** The last paragraph seen per parse (keyed by its claims array), for lists on numbered lines. */
interface LineState {
  row: number;
  section: string;
  /** The paragraph ends in “：” (an intro); its last amount is the list's total. */
  intro: boolean;
  total: AmountClaim | null;
  /** The list the previous line added to. */
  list: EnumerationClaim | null;
  /** The line ends in a list separator (“；”, “，”): the list goes on in the next line. */
  open: boolean;
}
const LINES = new WeakMap<Claim[], LineState>();
/**
 * Sections whose lists may stand on numbered lines (one figure a line; 五（三）'s items are subjects, 七（二）'s lines
 * paragraphs of several figures); “5”: 五 when its sub-heading was not recognised.
 */
const LINE_SECTIONS = new Set(["2", "3", "5", "5.2"]);

export const enumerations: Extractor = {
  name: "enumerations",
  extract(ctx, claims) {
    const { text, span, starts } = ctx;
    const canonical = ctx.paragraph.canonical;
    const amounts = ownClaims(ctx, claims, "amount");
    const shares = ownClaims(ctx, claims, "share");
    const resp = respectively(ctx, claims, amounts, shares);
    const subs = subLists(text, amounts, shares);
    const nested = new Set(subs.flatMap((s) => s.items));

    // after 其中：/其中/主要用于以下方面：, until the sentence end or the next marker
    const markerRe = /(其中\s*[：:，,]|其中(?![主要包括]|[\s：:，,])(?=[\u4e00-\u9fa5])|主要用于以下方面\s*[：:]?|主要用于\s*[：:])/gu;
    const markers = text.includes("其中") || text.includes("主要用于") ? [...text.matchAll(markerRe)] : [];
    const claimedItems = new Set<AmountClaim>();
    for (let k = 0; k < markers.length; k++) {
      const ms = markers[k].index!;
      const me = ms + markers[k][0].length;
      // a marker inside brackets (“财政拨款收入X万元(其中,一般公共预算…万元,…)”) lists up to the closing bracket
      const stop = Math.min(sentenceEnd(text, me), k + 1 < markers.length ? markers[k + 1].index! : text.length, bracketClose(text, ms));
      // (an item's label may start before the marker's end: “其中一般公共预算财政拨款收入X万元”)
      // “…支出223.34万元（其中：A x万元，占p%；B …）”: a bracket that opens with the marker is this list, not parts of
      // an item nested in another list
      const bracket = subs.find((s) => s.marker === "（" && /^[（(]\s*$/u.test(text.slice(s.start, ms)));
      const inList = amounts.filter((a) => numStart(text, a) >= me && a.start < stop && (!nested.has(a) || bracket?.items.includes(a)));
      // “其中：A支出决算为x万元，完成预算y万元的r%；B…”: the budgets (and prior-year amounts) written with the items are
      // not items, nor the total of a list of 决算数 — the list holds the figures of its first item's kind.
      const kind = (a: AmountClaim) => (a.role === "budget" || a.role === "prior" ? a.role : "");
      const itemsA = inList.filter((a) => kind(a) === kind(inList[0]));
      const before = amounts.filter((a) => a.end <= ms && sentenceIndex(starts, a.start) === sentenceIndex(starts, ms) && (!inList.length || kind(a) === kind(inList[0])));
      const total = before.length ? before[before.length - 1] : null;
      if (itemsA.length < 2 && !(itemsA.length === 1 && total)) continue;
      const items = itemsA.map((a) => enumItem(a, shares, canonical));
      itemsA.forEach((a) => claimedItems.add(a));
      const last = itemsA[itemsA.length - 1];
      const tailEnd = subs.find((s) => s.parent === last)?.end ?? lastEnd(last, shares);
      const partial = PARTIAL_TAIL.test(text.slice(tailEnd, stop));
      claims.push({
        kind: "enumeration",
        ...span(total ? total.start : ms, lastEnd(last, shares)),
        marker: squeeze(markers[k][0]),
        ...(partial ? { partial: true } : {}),
        total,
        items,
      });
    }

    // nested lists (“人员经费X万元，包括A Y万元、B Z万元”) of their own, unless partial (“…等”)
    if (!SLOT_SECTIONS.has(canonical)) {
      for (const s of subs) {
        if (s.partial || s.items.length < 2) continue;
        s.items.forEach((a) => claimedItems.add(a));
        // a part's label without the words that open the nested list (“包括”, “人员经费中”)
        const lead = s.marker === "中" ? text.slice(s.start, text.indexOf("中", s.start) + 1) : "";
        for (const a of s.items) a.label = (lead && a.label.startsWith(lead) ? a.label.slice(lead.length) : a.label).replace(SUB_LEAD, "");
        claims.push({
          kind: "enumeration",
          ...span(s.parent.start, lastEnd(s.items[s.items.length - 1], shares)),
          marker: s.marker,
          total: s.parent,
          items: s.items.map((a) => enumItem(a, shares, canonical)),
        });
      }
    } else nested.forEach((a) => claimedItems.add(a));

    // “A和B分别为X万元、Y万元（，分别占p%、q%）” outside a marker list: the total is the amount just before it
    for (const r of resp) {
      if (r.items.some((a) => claimedItems.has(a))) continue;
      const first = r.items[0];
      const prev = [...amounts].reverse().find((a) => a.end <= first.start);
      const total =
        prev && prev.role !== "budget" && !shareOf(prev, shares) && sentenceIndex(starts, prev.start) === sentenceIndex(starts, first.start) && /^[\s，,]*$/.test(text.slice(prev.end, first.start))
          ? prev
          : null;
      r.items.forEach((a) => claimedItems.add(a));
      claims.push({
        kind: "enumeration",
        ...span(total ? total.start : r.start, r.end),
        marker: "分别",
        total,
        items: r.items.map((a) => enumItem(a, shares, canonical)),
      });
    }

    // a run of "X万元，占Y%" without a marker (七(二)); an item whose share names its base (“占一般公共预算财政拨款支出的
    // 89.00%”, the first of the run) is one of the run too: the run's base is then the sum of all its items
    const bySentence = new Map<number, AmountClaim[]>();
    for (const a of amounts) {
      if (claimedItems.has(a)) continue;
      if (!shares.some((s) => s.of === a)) continue;
      const k = sentenceIndex(starts, a.start);
      bySentence.set(k, [...(bySentence.get(k) ?? []), a]);
    }
    for (const list of bySentence.values()) {
      if (list.length < 2) continue;
      list.forEach((a) => claimedItems.add(a));
      claims.push({
        kind: "enumeration",
        ...span(list[0].start, shares.find((s) => s.of === list[list.length - 1])?.end ?? list[list.length - 1].end),
        marker: "",
        total: null,
        items: list.map((a) => enumItem(a, shares, canonical)),
      });
    }

    numberedLines(ctx, claims, amounts, shares, claimedItems);
  },
};

/**
 * “…支出223.34万元，主要用于以下方面：” then “1.A（类）支出X万元，占p%；” “2.B…” on lines of their own: one list, its
 * total the intro's last amount. A line is an item when it is numbered (or, unnumbered, follows the intro or an item
 * line ending in a separator), of the same section, and has one amount (besides a 预算数) that no list of its own took.
 */
function numberedLines(ctx: ParagraphCtx, claims: Claim[], amounts: AmountClaim[], shares: ShareClaim[], claimed: Set<AmountClaim>): void {
  const p = ctx.paragraph;
  const prev = LINES.get(claims);
  const own = amounts.filter((a) => a.role !== "budget");
  const trimmed = ctx.text.trim();
  const state: LineState = { row: p.row, section: p.section, intro: /[：:]$/.test(trimmed), total: own.length ? own[own.length - 1] : null, list: null, open: /[；;，,、]$/u.test(trimmed) };
  LINES.set(claims, state);
  // Numbered lines, or unnumbered ones typed one item a line (“一般公共服务支出198.77万元，占89.00%；”) right after
  // the intro or after an item line that ends in a separator.
  const itemLine = !!p.numbering || (!!prev && (prev.intro || (prev.list !== null && prev.open)) && /[；;，,、。.]$/u.test(trimmed));
  const continues = prev && prev.section === p.section && (prev.intro || prev.list) && itemLine;
  if (!continues || own.length !== 1 || claimed.has(own[0]) || !LINE_SECTIONS.has(p.canonical)) return;
  const a = own[0];
  const item = enumItem(a, shares, p.canonical);
  if (prev.list) {
    prev.list.items.push(item);
    state.list = prev.list;
    // ./classes.ts makes class claims of the lists of its own row only: this item's, made here
    if (p.canonical === "5.2") {
      const tmp: Claim[] = [{ ...prev.list, ...ctx.base, items: [item] }];
      classes.extract({ ...ctx, first: 0 }, tmp);
      claims.push(...tmp.slice(1));
    }
    return;
  }
  const list: EnumerationClaim = { kind: "enumeration", ...ctx.span(a.start, lastEnd(a, shares)), marker: "：", total: prev.intro ? prev.total : null, items: [item] };
  claims.push(list);
  state.list = list;
}
