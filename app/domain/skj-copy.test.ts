import { describe, expect, it } from "vitest";
import { COPY_PARTS, copyChanges, copyFromSource, copyNote, parseCopyParts, type CopyPart, type CopySource } from "./skj-copy";
import type { SkjDocument } from "./skj-document";

const EMPTY_REQUIREMENTS: SkjDocument["requirements"] = {
  rank: null,
  education: [],
  training: { managerial: [], technical: [], functional: [] },
  experience: [],
  performanceIndicators: [],
};

// a new pengawas draft: managerial levels of its own group, T.OTDA as a regional government adds it
const TARGET: SkjDocument = {
  schemaVersion: 1,
  position: {
    code: "DINKES.UMUM",
    name: "Kepala Subbagian Umum",
    group: "pengawas",
    functionalLevel: null,
    unitCode: "DINKES",
    governmentAffair: null,
    summary: "",
  },
  competencies: [
    { code: "M.01", level: 2 },
    { code: "M.02", level: 2 },
    { code: "SK.01", level: 2 },
    { code: "T.OTDA", level: 2 },
  ],
  requirements: EMPTY_REQUIREMENTS,
};

// an administrator's SKJ: higher managerial levels that must not travel
const SOURCE: CopySource = {
  summary: "Memimpin urusan umum dan kepegawaian.",
  competencies: [
    { code: "M.01", level: 3 },
    { code: "M.02", level: 3 },
    { code: "SK.01", level: 3 },
    { code: "T.ARSIP", level: 3 },
    { code: "T.KEPEG", level: 2 },
  ],
  requirements: {
    ...EMPTY_REQUIREMENTS,
    rank: "III/d",
    experience: [{ description: "Pelaksana di bidang umum", minYears: 4 }],
    importance: { rank: "mutlak" },
  },
};

describe("copying parts of a similar SKJ", () => {
  it("takes the technical competencies, requirements and ikhtisar, and keeps the target's own managerial levels and T.OTDA", () => {
    const copy = copyFromSource(TARGET, SOURCE, new Set(COPY_PARTS));
    expect(copy.competencies).toEqual([
      { code: "M.01", level: 2 },
      { code: "M.02", level: 2 },
      { code: "SK.01", level: 2 },
      { code: "T.OTDA", level: 2 },
      { code: "T.ARSIP", level: 3 },
      { code: "T.KEPEG", level: 2 },
    ]);
    expect(copy.requirements).toEqual(SOURCE.requirements);
    expect(copy.requirements).not.toBe(SOURCE.requirements);
    expect(copy.position).toEqual({ ...TARGET.position, summary: SOURCE.summary });
  });

  it("takes T.OTDA's level from the source when the source has it", () => {
    const source = { ...SOURCE, competencies: [...SOURCE.competencies, { code: "T.OTDA", level: 4 }] };
    const copy = copyFromSource(TARGET, source, new Set(["technical"]));
    expect(copy.competencies.filter((c) => c.code === "T.OTDA")).toEqual([{ code: "T.OTDA", level: 4 }]);
  });

  it("takes exactly the chosen parts", () => {
    expect(copyFromSource(TARGET, SOURCE, new Set())).toEqual(TARGET);
    const onlyRequirements = copyFromSource(TARGET, SOURCE, new Set(["requirements"]));
    expect(onlyRequirements.competencies).toEqual(TARGET.competencies);
    expect(onlyRequirements.position.summary).toBe("");
    expect(onlyRequirements.requirements.rank).toBe("III/d");
    const onlySummary = copyFromSource(TARGET, SOURCE, new Set(["summary"]));
    expect(onlySummary.requirements).toEqual(EMPTY_REQUIREMENTS);
    expect(onlySummary.competencies).toEqual(TARGET.competencies);
  });
});

describe("what a copy into the editor changes, per part", () => {
  const names = (code: string) => ({ "T.ARSIP": "Kearsipan", "T.KEPEG": "Kepegawaian", "T.LAMA": "Tata Naskah" })[code] ?? code;
  const target: SkjDocument = {
    ...TARGET,
    competencies: [...TARGET.competencies, { code: "T.LAMA", level: 1 }],
    requirements: { ...EMPTY_REQUIREMENTS, rank: "III/a" },
  };

  it("lists what is added, removed and replaced in each chosen part, and leaves the managerial levels out", () => {
    const parts = new Set(COPY_PARTS);
    const after = copyFromSource(target, SOURCE, parts);
    const changes = copyChanges(target, after, parts, names);
    expect(changes.map((p) => [p.part, p.label])).toEqual([
      ["technical", "Kompetensi teknis"],
      ["requirements", "Persyaratan jabatan"],
      ["summary", "Ikhtisar jabatan"],
    ]);
    expect(changes[0]!.changes).toEqual([
      { section: "kompetensi", label: "T.ARSIP Kearsipan", before: "—", after: "ditambahkan, level 3" },
      { section: "kompetensi", label: "T.KEPEG Kepegawaian", before: "—", after: "ditambahkan, level 2" },
      { section: "kompetensi", label: "T.LAMA Tata Naskah", before: "level 1", after: "dihapus" },
    ]);
    expect(changes[1]!.changes).toEqual([
      { section: "persyaratan", label: "Pangkat", before: "III/a", after: "III/d" },
      { section: "persyaratan", label: "Pengalaman kerja", before: "—", after: "Pelaksana di bidang umum (4 th)" },
      { section: "persyaratan", label: "Tingkat pentingnya: pangkat", before: "—", after: "Mutlak" },
    ]);
    expect(changes[2]!.changes).toEqual([{ section: "identitas", label: "Ikhtisar jabatan", before: "—", after: SOURCE.summary }]);
  });

  it("lists only the chosen parts, a chosen part that changes nothing with no changes", () => {
    const parts = new Set<CopyPart>(["summary"]);
    const same = { ...target, position: { ...target.position, summary: SOURCE.summary } };
    expect(copyChanges(same, copyFromSource(same, SOURCE, parts), parts)).toEqual([
      { part: "summary", label: "Ikhtisar jabatan", changes: [] },
    ]);
  });

  it("notes the source, its origin and the parts taken, in the order of the parts", () => {
    expect(copyNote("Kepala Bidang Mutasi", "versi 2 yang berlaku", new Set(["summary", "technical"]))).toBe(
      "Disalin dari Kepala Bidang Mutasi (versi 2 yang berlaku): kompetensi teknis, ikhtisar jabatan",
    );
  });

  it("reads the chosen parts from untrusted values, ignoring unknown ones", () => {
    expect([...parseCopyParts(["summary", "managerial", 3, "technical", "summary"])]).toEqual(["technical", "summary"]);
    expect(parseCopyParts([]).size).toBe(0);
  });
});
