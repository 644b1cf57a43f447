import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FUZZ, skjDocument } from "../../tests/fixtures/skj-arbitraries";
import type { RichTextNode } from "./richtext";
import { plainTextToDoc } from "./richtext";
import type { SkjDocument } from "./skj-document";
import { describeSkjValue, mergeSkjDrafts, SKJ_FIELD_LABELS, skjValuePaths, type SkjDraftContent } from "./skj-merge";

const BASE: SkjDocument = {
  schemaVersion: 1,
  position: {
    code: "JAB-1",
    name: "Kepala Bagian Kelembagaan",
    group: "administrator",
    functionalLevel: null,
    unitCode: "SETDA.BIRO-ORG",
    governmentAffair: null,
    summary: "Memimpin bagian.",
  },
  competencies: [
    { code: "M.01", level: 3 },
    { code: "M.02", level: 3 },
    { code: "SK.01", level: 3 },
    { code: "T.OTDA", level: 2 },
  ],
  requirements: {
    rank: "III/d",
    education: [{ level: "S-1", fields: ["Administrasi Negara"] }],
    training: { managerial: ["PKA"], technical: [], functional: [] },
    experience: [{ description: "Pengawas", minYears: 2 }],
    performanceIndicators: ["Indikator A"],
  },
};

const content = (document: SkjDocument, summaryJson: RichTextNode | null = plainTextToDoc(document.position.summary)): SkjDraftContent => ({
  document,
  summaryJson,
});
type Edit = (d: SkjDocument) => void;
const edited = (...edits: Edit[]) => {
  const d = structuredClone(BASE);
  for (const e of edits) e(d);
  return d;
};
const merge = (mine: Edit[], theirs: Edit[], choices = {}) =>
  mergeSkjDrafts(content(BASE), content(edited(...mine)), content(edited(...theirs)), choices);

const rank =
  (r: SkjDocument["requirements"]["rank"]): Edit =>
  (d) =>
    void (d.requirements.rank = r);
const level =
  (code: string, l: number): Edit =>
  (d) =>
    void (d.competencies.find((c) => c.code === code)!.level = l);
const add =
  (code: string, l: number): Edit =>
  (d) =>
    void d.competencies.push({ code, level: l });
const drop =
  (code: string): Edit =>
  (d) =>
    void (d.competencies = d.competencies.filter((c) => c.code !== code));
const indicators =
  (...items: string[]): Edit =>
  (d) =>
    void (d.requirements.performanceIndicators = items);
const technicalTraining =
  (...items: string[]): Edit =>
  (d) =>
    void (d.requirements.training.technical = items);
const summary =
  (text: string): Edit =>
  (d) =>
    void (d.position.summary = text);

describe("mergeSkjDrafts: changes on one side or both", () => {
  const cases: { name: string; mine: Edit[]; theirs: Edit[]; expected: Edit[]; conflicts: string[]; fromTheirs: string[] }[] = [
    { name: "nobody changed anything", mine: [], theirs: [], expected: [], conflicts: [], fromTheirs: [] },
    { name: "only I changed the rank", mine: [rank("IV/a")], theirs: [], expected: [rank("IV/a")], conflicts: [], fromTheirs: [] },
    {
      name: "only they changed the rank",
      mine: [],
      theirs: [rank("IV/b")],
      expected: [rank("IV/b")],
      conflicts: [],
      fromTheirs: ["requirements.rank"],
    },
    {
      name: "both set the rank to the same value",
      mine: [rank("IV/a")],
      theirs: [rank("IV/a")],
      expected: [rank("IV/a")],
      conflicts: [],
      fromTheirs: [],
    },
    {
      name: "both changed the rank differently",
      mine: [rank("IV/a")],
      theirs: [rank("IV/b")],
      expected: [rank("IV/a")],
      conflicts: ["requirements.rank"],
      fromTheirs: [],
    },
    {
      name: "I changed the rank, they cleared it",
      mine: [rank("IV/a")],
      theirs: [rank(null)],
      expected: [rank("IV/a")],
      conflicts: ["requirements.rank"],
      fromTheirs: [],
    },
    {
      name: "different requirement fields on each side",
      mine: [rank("IV/a")],
      theirs: [indicators("Indikator B")],
      expected: [rank("IV/a"), indicators("Indikator B")],
      conflicts: [],
      fromTheirs: ["requirements.performanceIndicators"],
    },
    {
      name: "each of the three training lists is its own field",
      mine: [(d) => void (d.requirements.training.managerial = ["PKA", "PKN"])],
      theirs: [technicalTraining("Analisis Jabatan")],
      expected: [(d) => void (d.requirements.training.managerial = ["PKA", "PKN"]), technicalTraining("Analisis Jabatan")],
      conflicts: [],
      fromTheirs: ["requirements.training.technical"],
    },
    {
      name: "a list is one field: both edited the indicators differently",
      mine: [indicators("Indikator A", "Indikator C")],
      theirs: [indicators("Indikator A", "Indikator D")],
      expected: [indicators("Indikator A", "Indikator C")],
      conflicts: ["requirements.performanceIndicators"],
      fromTheirs: [],
    },
    {
      name: "education and experience rows compared as whole lists",
      mine: [(d) => void (d.requirements.education[0]!.fields = ["Ilmu Pemerintahan"])],
      theirs: [(d) => void (d.requirements.experience[0]!.minYears = 3)],
      expected: [
        (d) => void (d.requirements.education[0]!.fields = ["Ilmu Pemerintahan"]),
        (d) => void (d.requirements.experience[0]!.minYears = 3),
      ],
      conflicts: [],
      fromTheirs: ["requirements.experience"],
    },
    {
      name: "the summary changed on their side only",
      mine: [rank("IV/a")],
      theirs: [summary("Memimpin bagian kelembagaan.")],
      expected: [rank("IV/a"), summary("Memimpin bagian kelembagaan.")],
      conflicts: [],
      fromTheirs: ["position.summary"],
    },
    {
      name: "the summary changed on both sides",
      mine: [summary("Versi saya.")],
      theirs: [summary("Versi lain.")],
      expected: [summary("Versi saya.")],
      conflicts: ["position.summary"],
      fromTheirs: [],
    },
    {
      name: "levels of different competency rows",
      mine: [level("M.01", 4)],
      theirs: [level("M.02", 2)],
      expected: [level("M.01", 4), level("M.02", 2)],
      conflicts: [],
      fromTheirs: ["competencies:M.02"],
    },
    {
      name: "the same competency row re-levelled differently",
      mine: [level("M.01", 4)],
      theirs: [level("M.01", 2)],
      expected: [level("M.01", 4)],
      conflicts: ["competencies:M.01"],
      fromTheirs: [],
    },
    {
      name: "each side added a different technical competency",
      mine: [add("T.ANJAB", 3)],
      theirs: [add("T.ABK", 2)],
      expected: [add("T.ANJAB", 3), add("T.ABK", 2)],
      conflicts: [],
      fromTheirs: ["competencies:T.ABK"],
    },
    {
      name: "both added the same competency at different levels",
      mine: [add("T.ANJAB", 3)],
      theirs: [add("T.ANJAB", 4)],
      expected: [add("T.ANJAB", 3)],
      conflicts: ["competencies:T.ANJAB"],
      fromTheirs: [],
    },
    {
      name: "they removed a row I did not touch",
      mine: [rank("IV/a")],
      theirs: [drop("T.OTDA")],
      expected: [rank("IV/a"), drop("T.OTDA")],
      conflicts: [],
      fromTheirs: ["competencies:T.OTDA"],
    },
    {
      name: "I removed a row they re-levelled",
      mine: [drop("T.OTDA")],
      theirs: [level("T.OTDA", 3)],
      expected: [drop("T.OTDA")],
      conflicts: ["competencies:T.OTDA"],
      fromTheirs: [],
    },
    {
      name: "both removed the same row",
      mine: [drop("T.OTDA")],
      theirs: [drop("T.OTDA")],
      expected: [drop("T.OTDA")],
      conflicts: [],
      fromTheirs: [],
    },
  ];

  it.each(cases)("$name", ({ mine, theirs, expected, conflicts, fromTheirs }) => {
    const result = merge(mine, theirs);
    expect(result.conflicts.map((c) => c.id)).toEqual(conflicts);
    expect(result.fromTheirs.map((c) => c.id)).toEqual(fromTheirs);
    expect(result.content.document).toEqual(edited(...expected));
  });
});

describe("mergeSkjDrafts: resolving conflicts", () => {
  it("takes the other side of exactly the fields chosen, keeps mine elsewhere, and reports each side's value", () => {
    const mine = [rank("IV/a"), level("M.01", 4), indicators("Saya")];
    const theirs = [rank("IV/b"), level("M.01", 2), indicators("Lain"), technicalTraining("Dari tab lain")];
    const result = merge(mine, theirs, { "requirements.rank": "theirs", "competencies:M.01": "mine" });
    expect(result.conflicts.map((c) => [c.id, c.section, c.label])).toEqual([
      ["requirements.rank", "persyaratan", "Pangkat/golongan ruang minimal"],
      ["requirements.performanceIndicators", "persyaratan", "Indikator kinerja jabatan"],
      ["competencies:M.01", "kompetensi", "M.01"],
    ]);
    expect(result.conflicts[0]).toMatchObject({ base: "III/d", mine: "IV/a", theirs: "IV/b" });
    expect(result.content.document).toEqual(edited(rank("IV/b"), level("M.01", 4), indicators("Saya"), technicalTraining("Dari tab lain")));
  });

  it("restores a row I removed when I take the other side's version of it", () => {
    const result = merge([drop("T.OTDA")], [level("T.OTDA", 3)], { "competencies:T.OTDA": "theirs" });
    expect(result.content.document.competencies).toContainEqual({ code: "T.OTDA", level: 3 });
  });

  it("moves the summary's rich text with its plain text, and counts a formatting-only change as a change", () => {
    const bold: RichTextNode = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Memimpin bagian.", marks: [{ type: "bold" }] }] }],
    };
    const theirs = content(edited(), bold);
    const onlyTheirs = mergeSkjDrafts(content(BASE), content(edited(rank("IV/a"))), theirs);
    expect(onlyTheirs.fromTheirs.map((f) => f.id)).toEqual(["position.summary"]);
    expect(onlyTheirs.content.summaryJson).toEqual(bold);

    const both = mergeSkjDrafts(content(BASE), content(edited(summary("Versi saya."))), content(edited(summary("Versi lain."))), {
      "position.summary": "theirs",
    });
    expect(both.content.document.position.summary).toBe("Versi lain.");
    expect(both.content.summaryJson).toEqual(plainTextToDoc("Versi lain."));
  });

  it("without a known base, every difference is a conflict and nothing is taken silently", () => {
    const result = mergeSkjDrafts(null, content(edited(rank("IV/a"))), content(edited(indicators("Lain"), add("T.ABK", 2))));
    expect(result.conflicts.map((c) => c.id)).toEqual(["requirements.rank", "requirements.performanceIndicators", "competencies:T.ABK"]);
    expect(result.fromTheirs).toEqual([]);
  });

  it("keeps both rows of a code listed twice instead of folding them", () => {
    const twice = edited(add("M.01", 5));
    const result = mergeSkjDrafts(content(twice), content(twice), content(edited(add("M.01", 5), level("M.02", 4))));
    expect(result.content.document.competencies.filter((c) => c.code === "M.01")).toHaveLength(2);
  });

  it("never changes its inputs", () => {
    const mine = content(edited(rank("IV/a")));
    const theirs = content(edited(rank("IV/b"), add("T.ABK", 2)));
    const snapshot = structuredClone([mine, theirs]);
    mergeSkjDrafts(content(BASE), mine, theirs, { "requirements.rank": "theirs" }).content.document.competencies.push({
      code: "X",
      level: 1,
    });
    expect([mine, theirs]).toEqual(snapshot);
  });
});

describe("merge fields follow the schema", () => {
  it("has a label for every value field of the document schema, and no label for a field the schema lacks", () => {
    expect(skjValuePaths().map((p) => p.join("."))).toEqual(Object.keys(SKJ_FIELD_LABELS));
  });

  it("shows each side's value as the analyst would read it", () => {
    expect(describeSkjValue({ id: "requirements.rank" }, "IV/a")).toBe("Pembina (IV/a)");
    expect(describeSkjValue({ id: "requirements.rank" }, null)).toBe("(kosong)");
    expect(describeSkjValue({ id: "requirements.education" }, BASE.requirements.education)).toBe("S-1: Administrasi Negara");
    expect(describeSkjValue({ id: "requirements.experience" }, BASE.requirements.experience)).toBe("Pengawas (minimal 2 tahun)");
    expect(describeSkjValue({ id: "requirements.performanceIndicators" }, ["A", "B"])).toBe("A; B");
    expect(describeSkjValue({ id: "requirements.training.functional" }, [])).toBe("(kosong)");
    expect(describeSkjValue({ id: "position.summary" }, { text: "Ringkas.", rich: null })).toBe("Ringkas.");
    expect(describeSkjValue({ id: "competencies:M.01", code: "M.01" }, { code: "M.01", level: 4 })).toBe("level 4");
    expect(describeSkjValue({ id: "competencies:M.01", code: "M.01" }, undefined)).toBe("tidak ada (dihapus)");
  });
});

describe("mergeSkjDrafts properties", () => {
  const side = skjDocument.map((d) => content(d));

  it("with no concurrent change, returns the side that changed", () => {
    fc.assert(
      fc.property(side, side, (base, changed) => {
        expect(mergeSkjDrafts(base, base, changed).content).toEqual(changed);
        expect(mergeSkjDrafts(base, changed, base).content).toEqual(changed);
        expect(mergeSkjDrafts(base, base, changed).conflicts).toEqual([]);
      }),
      FUZZ,
    );
  });

  it("merge(base, x, x) = x without a conflict", () => {
    fc.assert(
      fc.property(side, side, (base, x) => {
        const result = mergeSkjDrafts(base, x, x);
        expect(result.content).toEqual(x);
        expect(result.conflicts).toEqual([]);
      }),
      FUZZ,
    );
  });

  it("each conflict resolves to the side chosen: the result then agrees with that side on the field", () => {
    // one row per code: a duplicated code's "#2" key would shift once the first row is resolved away
    const distinctCodes = side.map((c) => ({
      ...c,
      document: { ...c.document, competencies: [...new Map(c.document.competencies.map((r) => [r.code, r])).values()] },
    }));
    fc.assert(
      fc.property(
        distinctCodes,
        distinctCodes,
        distinctCodes,
        fc.constantFrom("mine" as const, "theirs" as const),
        (base, mine, theirs, pick) => {
          const first = mergeSkjDrafts(base, mine, theirs);
          const choices = Object.fromEntries(first.conflicts.map((c) => [c.id, pick]));
          const resolved = mergeSkjDrafts(base, mine, theirs, choices);
          const chosen = pick === "mine" ? mine : theirs;
          for (const c of first.conflicts) {
            const again = mergeSkjDrafts(base, resolved.content, chosen).conflicts.find((x) => x.id === c.id);
            expect(again).toBeUndefined();
          }
        },
      ),
      FUZZ,
    );
  });
});

describe("merge of the §7.2 additions", () => {
  const content = (document: SkjDocument) => ({ document, summaryJson: null });
  it("merges importance row by row and keeps a version-1 document free of the new keys", () => {
    const base = structuredClone(BASE);
    const mine = structuredClone(BASE);
    mine.requirements.importance = { rank: "mutlak" };
    const theirs = structuredClone(BASE);
    theirs.requirements.importance = { experience: "perlu" };
    theirs.position.jobCode = "800.1.3.2";
    const merged = mergeSkjDrafts(content(base), content(mine), content(theirs));
    expect(merged.conflicts).toEqual([]);
    expect(merged.content.document.requirements.importance).toEqual({ rank: "mutlak", experience: "perlu" });
    expect(merged.content.document.position.jobCode).toBe("800.1.3.2");

    const untouched = mergeSkjDrafts(content(base), content(structuredClone(BASE)), content(structuredClone(BASE))).content.document;
    expect(JSON.stringify(untouched)).toBe(JSON.stringify(BASE));
  });

  it("reports both sides choosing a different importance for the same row as a conflict, named in Indonesian", () => {
    const mine = structuredClone(BASE);
    mine.requirements.importance = { trainingTechnical: "mutlak" };
    const theirs = structuredClone(BASE);
    theirs.requirements.importance = { trainingTechnical: "perlu" };
    const { conflicts } = mergeSkjDrafts(content(BASE), content(mine), content(theirs));
    expect(conflicts.map((c) => [c.label, describeSkjValue(c, c.mine), describeSkjValue(c, c.theirs)])).toEqual([
      ["Tingkat pentingnya: pelatihan teknis", "Mutlak", "Perlu"],
    ]);
  });
});
