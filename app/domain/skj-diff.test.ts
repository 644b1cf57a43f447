import { describe, expect, it } from "vitest";
import { diffSkjDocuments } from "./skj-diff";
import type { SkjDocument } from "./skj-document";

const doc: SkjDocument = {
  schemaVersion: 1,
  position: {
    code: "P1",
    name: "Kepala Bagian",
    group: "administrator",
    functionalLevel: null,
    unitCode: "U1",
    governmentAffair: "Pemerintahan Umum",
    summary: "Memimpin.",
  },
  competencies: [
    { code: "M.01", level: 3 },
    { code: "T.ANJAB", level: 3 },
  ],
  requirements: {
    rank: "III/d",
    education: [{ level: "S-1", fields: ["Administrasi Negara"] }],
    training: { managerial: ["PKA"], technical: [], functional: [] },
    experience: [{ description: "Pengawas", minYears: 3 }],
    performanceIndicators: ["Indeks kelembagaan"],
  },
};

describe("SKJ document diff", () => {
  it("finds nothing between equal documents", () => {
    expect(diffSkjDocuments(doc, structuredClone(doc))).toEqual([]);
  });

  it("reports identity, competency and requirement changes", () => {
    const after = structuredClone(doc);
    after.position.summary = "Memimpin dan mengoordinasikan.";
    after.competencies = [
      { code: "M.01", level: 4 },
      { code: "T.ABK", level: 2 },
    ];
    after.requirements.rank = "IV/a";
    const names: Record<string, string> = { "M.01": "Integritas", "T.ANJAB": "Analisis Jabatan", "T.ABK": "Analisis Beban Kerja" };
    expect(diffSkjDocuments(doc, after, (c) => names[c]!)).toEqual([
      { section: "identitas", label: "Ikhtisar jabatan", before: "Memimpin.", after: "Memimpin dan mengoordinasikan." },
      { section: "kompetensi", label: "M.01 Integritas", before: "level 3", after: "level 4" },
      { section: "kompetensi", label: "T.ABK Analisis Beban Kerja", before: "—", after: "ditambahkan, level 2" },
      { section: "kompetensi", label: "T.ANJAB Analisis Jabatan", before: "level 3", after: "dihapus" },
      { section: "persyaratan", label: "Pangkat", before: "III/d", after: "IV/a" },
    ]);
  });
});

describe("SKJ document diff of the §7.2 additions", () => {
  it("reports a printed job code and importance choices, and nothing for a version-1 document against an empty upgrade", () => {
    const after = structuredClone(doc);
    after.position.jobCode = "800.1.3.2";
    after.requirements.importance = { experience: "mutlak" };
    expect(diffSkjDocuments(doc, after)).toEqual([
      { section: "identitas", label: "Kode jabatan (cetak)", before: "—", after: "800.1.3.2" },
      { section: "persyaratan", label: "Tingkat pentingnya: pengalaman kerja", before: "—", after: "Mutlak" },
    ]);
    const upgraded = structuredClone(doc);
    upgraded.position.jobCode = null;
    upgraded.requirements.importance = {};
    expect(diffSkjDocuments(doc, upgraded)).toEqual([]);
  });
});
