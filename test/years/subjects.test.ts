/**
 * 科目 by edition (issue 14): every name of src/data/subjects.json carries the years it is valid in and a
 * source; a name valid in the report's year is never “旧版科目名称”; a name the data does not know is
 * unknown, not outdated.
 */
import subjects from "../../src/data/subjects.json";
import renames from "../../src/data/names-renamed.json";
import { checkNarrativeText } from "../../src/checks/text";
import { parseNarrative } from "../../src/narrative/parse";
import {
  allRenames,
  namesValidIn,
  outdatedRenames,
  subjectEditions,
  subjectName,
  subjectSources,
  subjectStatus,
  validIn,
  type SubjectEntry,
  type Validity,
} from "../../src/reader/subjects";

const YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
const sources = subjectSources();

function outdatedIn(text: string[], year: number) {
  const paragraphs = text.map((t, i) => ({ row: i + 1, text: t }));
  const parsed = parseNarrative(paragraphs, { year, template: year >= 2023 ? "national-2024" : "sichuan-2020" });
  return checkNarrativeText(parsed, { year }).filter((f) => f.rule === "N-outdated-name");
}

describe("the 科目 data carries editions and sources", () => {
  const families = ["functional", "economic"] as const;
  const entries = families.flatMap((fam) => Object.entries((subjects as unknown as Record<string, Record<string, SubjectEntry>>)[fam]).map(([code, e]) => [fam, code, e] as const));

  test.each(entries)("%s %s: valid years, a known source, verified said", (_fam, _code, e) => {
    const ok = (v: Validity | undefined) => Array.isArray(v) && v.length === 2 && (v[0] === null || v[1] === null || v[0] <= v[1]);
    expect(ok(e.valid)).toBe(true);
    expect(Object.keys(sources)).toContain(e.source);
    expect(typeof e.verified).toBe("boolean");
    for (const a of e.aliases ?? []) {
      expect(ok(a.valid)).toBe(true);
      expect(Object.keys(sources)).toContain(a.source);
      expect(typeof a.verified).toBe("boolean");
      // an alias stops being valid the year before its rename
      expect(a.valid![1]).toBe(a.renamedIn - 1);
    }
    // a source that is not verified cannot make a fact verified
    if (e.verified) expect(sources[e.source!].verified).toBe(true);
  });

  it("every source names its document and whether it was verified", () => {
    for (const s of Object.values(sources)) {
      expect(s.title.length).toBeGreaterThan(4);
      expect(typeof s.verified).toBe("boolean");
    }
  });

  it("the editions cover 2019–2026, each with a known source", () => {
    const years = subjectEditions().map((e) => e.year);
    expect(years).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    for (const e of subjectEditions()) expect(Object.keys(sources)).toContain(e.source);
  });

  it("every text rename agrees with its code's alias in subjects.json", () => {
    for (const r of renames.renames) {
      const e = (subjects.functional as unknown as Record<string, SubjectEntry>)[r.code];
      expect(e).toBeDefined();
      expect(Object.keys(sources)).toContain(r.source);
      expect(e.aliases?.some((a) => a.renamedIn === r.since && (a.name === r.old || a.name.startsWith(r.old)))).toBe(true);
      expect(e.name.startsWith(r.new)).toBe(true);
      expect(r.oldValid[1]).toBe(r.since - 1);
    }
    expect(allRenames().length).toBe(renames.renames.length);
  });

  it("财预〔2025〕41号 is kept with its facts, verified", () => {
    const s = sources["mof-2025-41"];
    expect(s.title).toContain("财预〔2025〕41号");
    expect(s.verified).toBe(true);
    for (const code of ["22911", "23107", "2170404"]) {
      const e = (subjects.functional as unknown as Record<string, SubjectEntry>)[code];
      expect({ code, source: e.source, from: e.valid![0] }).toEqual({ code, source: "mof-2025-41", from: 2025 });
    }
    // what could not be verified says so
    const e22198 = (subjects.functional as unknown as Record<string, SubjectEntry>)["22198"];
    expect(e22198.verified).toBe(false);
    expect(e22198.name).toBe("超长期特别国债安排的支出");
  });
});

describe("status of a 科目 name in a report year", () => {
  it("2025 科目 are current in 2025 and 2026, not yet in 2024", () => {
    expect(subjectStatus("22911", "中央金融机构注资特别国债财务基金支出", 2025).kind).toBe("current");
    expect(subjectStatus("23107", "中央金融机构注资特别国债还本支出", 2026).kind).toBe("current");
    expect(subjectStatus("22198", "超长期特别国债安排的支出", 2025).kind).toBe("current");
    expect(subjectStatus("22911", "中央金融机构注资特别国债财务基金支出", 2024)).toMatchObject({ kind: "notYet", from: 2025 });
  });

  it("抗疫特别国债安排的支出 is a valid 类 name of the 2024 总表 list (and after)", () => {
    for (const y of [2020, 2024, 2025, 2026]) expect(subjectStatus("234", "抗疫特别国债安排的支出", y).kind).toBe("current");
    expect(namesValidIn(2024)).toContain("抗疫特别国债安排的支出");
  });

  it("an alias is current before its rename and outdated from it", () => {
    expect(subjectStatus("210", "医疗卫生与计划生育支出", 2018).kind).toBe("current");
    expect(subjectStatus("210", "医疗卫生与计划生育支出", 2019)).toMatchObject({ kind: "outdated", current: "卫生健康支出", renamedIn: 2019 });
    expect(subjectName("210", 2018)).toBe("医疗卫生与计划生育支出");
    expect(subjectName("210", 2025)).toBe("卫生健康支出");
  });

  it("a code or name the data does not know is unknown, never outdated", () => {
    expect(subjectStatus("2299999", "某项支出", 2025).kind).toBe("unknown");
    expect(subjectStatus("210", "卫生健康事务", 2025).kind).toBe("unknown");
  });
});

describe("旧版科目名称 in the text follows the edition of the report year", () => {
  test.each(YEARS)("no name valid in %i is reported as outdated", (year) => {
    const names = namesValidIn(year);
    expect(names.length).toBeGreaterThan(50);
    const text = ["五、一般公共预算财政拨款支出决算情况说明", ...names.map((n) => `${n}（项）支出1.00万元。`)];
    expect(outdatedIn(text, year).map((f) => f.message)).toEqual([]);
  });

  test.each(YEARS)("in %i only names renamed by then are outdated", (year) => {
    for (const r of renames.renames) {
      const found = outdatedIn(["名词解释", `${r.old}：反映有关支出。`], year);
      const expected = year >= r.since && !validIn(r.oldValid as Validity, year);
      expect({ old: r.old, year, outdated: found.length > 0 }).toEqual({ old: r.old, year, outdated: expected });
    }
  });

  it("a name the data does not know is not reported as outdated", () => {
    expect(outdatedIn(["中央金融机构注资特别国债财务基金支出100.00万元；数据资源管理事务20.00万元。"], 2025)).toEqual([]);
  });

  it("an old name inside a longer name valid in the year is that valid name (guards from the data)", () => {
    for (const y of YEARS) {
      for (const { rename, guards } of outdatedRenames(y)) {
        for (const g of guards) expect(outdatedIn([`${g}10.00万元。`], y).filter((f) => f.stated === rename.old)).toEqual([]);
      }
    }
  });
});
