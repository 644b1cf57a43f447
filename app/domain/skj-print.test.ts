import { describe, expect, it } from "vitest";
import type { SkjDocument } from "./skj-document";
import { identityLines, printSignature, skjPrintModel, type PrintLevelTexts } from "./skj-print";

// a version-1 document: no jobCode, no importance
const V1: SkjDocument = {
  schemaVersion: 1,
  position: {
    code: "SETDA.KABAG",
    name: "Kepala Bagian Kelembagaan",
    group: "administrator",
    functionalLevel: null,
    unitCode: "SETDA",
    governmentAffair: "Pemerintahan Umum",
    summary: "Memimpin.",
  },
  competencies: [
    { code: "T.ANJAB", level: 3 },
    { code: "M.01", level: 3 },
    { code: "SK.01", level: 3 },
  ],
  requirements: {
    rank: "III/d",
    education: [
      { level: "S-1", fields: ["Administrasi Negara"] },
      { level: "D-IV", fields: ["Administrasi Negara", "Manajemen"] },
    ],
    training: { managerial: ["Diklat PIM III"], technical: ["Analisis Jabatan"], functional: [] },
    experience: [{ description: "Pengawas", minYears: 2 }],
    performanceIndicators: ["Indeks kelembagaan"],
  },
};

const texts = new Map<string, PrintLevelTexts>([
  [
    "M.01",
    {
      code: "M.01",
      type: "manajerial",
      name: "Integritas",
      levels: [{ level: 3, description: "Konsisten.", indicators: ["Satu", "Dua"] }],
    },
  ],
  [
    "SK.01",
    {
      code: "SK.01",
      type: "sosial_kultural",
      name: "Perekat Bangsa",
      levels: [{ level: 3, description: "Mendorong.", indicators: ["Tiga"] }],
    },
  ],
  [
    "T.ANJAB",
    { code: "T.ANJAB", type: "teknis", name: "Analisis Jabatan", levels: [{ level: 3, description: "Menyusun.", indicators: ["Empat"] }] },
  ],
]);

describe("the print model (§7.3)", () => {
  it("groups competencies as A. Manajerial, B. Sosial Kultural, C. Teknis with indicators numbered <level>.<n>", () => {
    const m = skjPrintModel(V1, texts, "Sekretariat Daerah", false);
    expect(m.groups.map((g) => [g.title, g.rows.map((r) => r.code)])).toEqual([
      ["A. Manajerial", ["M.01"]],
      ["B. Sosial Kultural", ["SK.01"]],
      ["C. Teknis", ["T.ANJAB"]],
    ]);
    expect(m.groups[0]!.rows[0]!.indicators.map((i) => i.number)).toEqual(["3.1", "3.2"]);
  });

  it("lists the requirement rows in the lampiran order, each with its texts", () => {
    const m = skjPrintModel(V1, texts, "", false);
    expect(m.requirements.map((r) => `${r.no} ${r.label}`)).toEqual([
      "1. Pendidikan",
      "a. Jenjang",
      "b. Bidang Ilmu",
      "2. Pelatihan",
      "a. Manajerial",
      "b. Teknis",
      "c. Fungsional",
      "3. Pengalaman Kerja",
      "4. Pangkat",
      "5. Indikator Kinerja Jabatan",
    ]);
    const items = m.requirements.flatMap((r) => (r.kind === "row" ? [r.items] : []));
    expect(items).toEqual([
      ["S-1", "D-IV"],
      ["Administrasi Negara", "Manajemen"],
      ["Diklat PIM III"],
      ["Analisis Jabatan"],
      [],
      ["Pengawas (paling singkat 2 tahun)"],
      ["Penata Tingkat I (III/d)"],
      ["Indeks kelembagaan"],
    ]);
  });

  it("leaves every importance cell empty and Kode Jabatan blank for a version-1 document, never printing the register key", () => {
    const m = skjPrintModel(V1, texts, "", false);
    expect(m.requirements.flatMap((r) => (r.kind === "row" ? [r.importance] : []))).toEqual(Array(8).fill(null));
    expect(identityLines(m.identity)).toEqual([
      ["Nama Jabatan", "Kepala Bagian Kelembagaan"],
      ["Kelompok Jabatan", "Jabatan Administrator"],
      ["Urusan Pemerintahan", "Pemerintahan Umum"],
      ["Kode Jabatan", ""],
    ]);
  });

  it("carries the chosen importance of each row and the printed job code", () => {
    const doc = structuredClone(V1);
    doc.position.jobCode = "800.1.3.2 Kelembagaan";
    doc.requirements.importance = { educationFields: "penting", trainingManagerial: "mutlak", performanceIndicators: "perlu" };
    const m = skjPrintModel(doc, texts, "", false);
    expect(m.requirements.flatMap((r) => (r.kind === "row" ? [[r.label, r.importance]] : []))).toEqual([
      ["Jenjang", null],
      ["Bidang Ilmu", "penting"],
      ["Manajerial", "mutlak"],
      ["Teknis", null],
      ["Fungsional", null],
      ["Pengalaman Kerja", null],
      ["Pangkat", null],
      ["Indikator Kinerja Jabatan", "perlu"],
    ]);
    expect(identityLines(m.identity).at(-1)).toEqual(["Kode Jabatan", "800.1.3.2 Kelembagaan"]);
  });

  it("signs at the instance's place with the date in words; without a signer's office the head of the instance signs", () => {
    const instance = {
      kind: "kabupaten",
      name: "Kabupaten Contoh",
      headTitle: "Bupati Contoh",
      place: "Baturaja",
      regionalGovernment: true,
    } as const;
    expect(printSignature({ signerTitle: "Pj. Bupati Contoh", signerName: "Nama", signedDate: "2026-03-02" }, instance)).toEqual({
      place: "Baturaja",
      signedOn: "2 Maret 2026",
      title: "Pj. Bupati Contoh",
      name: "Nama",
    });
    expect(printSignature({ signerTitle: null, signerName: null, signedDate: null }, instance)).toEqual({
      place: "Baturaja",
      signedOn: null,
      title: "Bupati Contoh",
      name: null,
    });
  });
});
