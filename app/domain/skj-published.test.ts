import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";
import { legalBasisLabel, parseLegalBasis, PenetapanSchema } from "./penetapan";
import type { SkjDocument } from "./skj-document";
import {
  buildPublishedDocument,
  SkjPublishedDocumentSchema,
  skjPublishedJsonSchema,
  type PublicationFacts,
  type PublishedCompetencyTexts,
} from "./skj-published";

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
    { code: "T.ANJAB", level: 2 },
  ],
  requirements: {
    rank: "III/d",
    education: [{ level: "S-1", fields: ["Administrasi Negara"] }],
    training: { managerial: ["PKA"], technical: [], functional: [] },
    experience: [{ description: "Pengawas", minYears: 3 }],
    performanceIndicators: ["Indeks kelembagaan"],
  },
};

const levels = (prefix: string) =>
  [1, 2, 3, 4, 5].map((level) => ({
    level,
    description: `${prefix} level ${level}`,
    indicators: [`${prefix} ${level}.1`, `${prefix} ${level}.2`],
  }));
const texts = new Map<string, PublishedCompetencyTexts>([
  [
    "M.01",
    {
      type: "manajerial",
      name: "Integritas",
      definition: "Konsisten berperilaku selaras dengan nilai.",
      revision: 1,
      levels: levels("Integritas"),
    },
  ],
  ["T.ANJAB", { type: "teknis", name: "Analisis Jabatan", definition: "Menganalisis jabatan.", revision: 4, levels: levels("Anjab") }],
]);
const facts: PublicationFacts = {
  version: 1,
  publishedAt: "2026-03-01T02:03:04.005Z",
  effectiveDate: "2026-04-01",
  legalBasis: { kind: "Peraturan Gubernur", number: "12", year: 2026, title: "Standar Kompetensi Jabatan" },
  approvedBy: { name: "Reviewer Demo" },
  publishedBy: { name: "Admin Demo" },
  unit: {
    code: "U1",
    name: "Bagian Kelembagaan",
    echelon: "III.a",
    path: [
      { code: "SETDA", name: "Sekretariat Daerah" },
      { code: "U1", name: "Bagian Kelembagaan" },
    ],
  },
};
const HASH = `sha256:${"ab".repeat(32)}`;

describe("published SKJ document", () => {
  it("is built from the draft and the pinned dictionary texts, and parses", () => {
    const built = buildPublishedDocument(doc, texts, facts);
    if (!built.ok) throw new Error(built.message);
    const parsed = SkjPublishedDocumentSchema.safeParse({ ...built.document, contentHash: HASH });
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(built.document.competencies[1]).toEqual({
      code: "T.ANJAB",
      level: 2,
      type: "teknis",
      name: "Analisis Jabatan",
      definition: "Menganalisis jabatan.",
      levelDescription: "Anjab level 2",
      indicators: ["Anjab 2.1", "Anjab 2.2"],
      dictionaryRevision: 4,
    });
    // the draft document's own keys are all still there, unchanged
    expect(built.document.position).toEqual(doc.position);
    expect(built.document.requirements).toEqual(doc.requirements);
  });

  it("does not alias the dictionary's indicator lists", () => {
    const built = buildPublishedDocument(doc, texts, facts);
    if (!built.ok) throw new Error(built.message);
    built.document.competencies[0]!.indicators.push("tambahan");
    expect(texts.get("M.01")!.levels[2]!.indicators).toHaveLength(2);
  });

  it("refuses a competency without a pinned revision or without the chosen level", () => {
    const missing = buildPublishedDocument({ ...doc, competencies: [...doc.competencies, { code: "T.BARU", level: 3 }] }, texts, facts);
    expect(missing).toEqual({ ok: false, message: expect.stringContaining("T.BARU") });
    const noLevel = new Map(texts);
    noLevel.set("T.ANJAB", { ...texts.get("T.ANJAB")!, levels: levels("Anjab").filter((l) => l.level !== 2) });
    expect(buildPublishedDocument(doc, noLevel, facts)).toEqual({ ok: false, message: expect.stringContaining("level 2") });
  });

  it("rejects what the contract forbids: extra keys, e-mails in place of names, a bad hash, a wrong status", () => {
    const built = buildPublishedDocument(doc, texts, facts);
    if (!built.ok) throw new Error(built.message);
    const ok = { ...built.document, contentHash: HASH };
    expect(SkjPublishedDocumentSchema.safeParse(ok).success).toBe(true);
    expect(SkjPublishedDocumentSchema.safeParse({ ...ok, approvedBy: { name: "R", email: "r@demo.go.id" } }).success).toBe(false);
    expect(SkjPublishedDocumentSchema.safeParse({ ...ok, contentHash: "sha256:xyz" }).success).toBe(false);
    expect(SkjPublishedDocumentSchema.safeParse({ ...ok, status: "draf" }).success).toBe(false);
    expect(SkjPublishedDocumentSchema.safeParse({ ...ok, version: 0 }).success).toBe(false);
    expect(SkjPublishedDocumentSchema.safeParse({ ...ok, effectiveDate: "1 April 2026" }).success).toBe(false);
    expect(SkjPublishedDocumentSchema.safeParse({ ...ok, competencies: [{ code: "M.01", level: 3 }] }).success).toBe(false);
  });

  it("canonicalizes to the same bytes however the document was assembled", () => {
    const built = buildPublishedDocument(doc, texts, facts);
    if (!built.ok) throw new Error(built.message);
    const reversedKeys = Object.fromEntries(Object.entries(built.document).reverse());
    expect(canonicalJson(reversedKeys)).toBe(canonicalJson(built.document));
    expect(JSON.parse(canonicalJson(built.document))).toEqual(built.document);
  });

  it("has a JSON Schema generated from the zod schema, naming every published key", () => {
    const schema = skjPublishedJsonSchema() as {
      properties: Record<string, { properties?: Record<string, unknown> }>;
      required: string[];
      additionalProperties: boolean;
    };
    for (const key of [
      "schemaVersion",
      "position",
      "competencies",
      "requirements",
      "version",
      "status",
      "publishedAt",
      "effectiveDate",
      "legalBasis",
      "approvedBy",
      "publishedBy",
      "unit",
      "contentHash",
    ]) {
      expect(schema.required).toContain(key);
    }
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties.legalBasis!.properties!)).toEqual(["kind", "number", "year", "title"]);
    expect(JSON.stringify(schema.properties.competencies)).toContain("dictionaryRevision");
  });
});

describe("penetapan", () => {
  const valid = {
    kind: "Peraturan Gubernur",
    number: "12",
    year: "2026",
    title: "Standar Kompetensi Jabatan",
    signedDate: "2026-03-01",
    effectiveDate: "",
    signerTitle: "Gubernur",
    signerName: "",
  };

  it("accepts a form submission, turning blanks into null and the year into a number", () => {
    expect(PenetapanSchema.parse(valid)).toEqual({ ...valid, year: 2026, effectiveDate: null, signerName: null });
  });

  it("explains in Indonesian what is wrong", () => {
    const result = PenetapanSchema.safeParse({ ...valid, kind: "Surat Edaran", number: " ", year: "20x6", signedDate: "2026-02-30" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages.kind).toMatch(/^Jenis penetapan harus salah satu dari/);
    expect(messages.number).toBe("Nomor wajib diisi.");
    expect(messages.year).toBe("Tahun harus berupa angka.");
    expect(messages.signedDate).toMatch(/tanggal yang benar/);
  });

  it("reads a citation into its parts, with the usual spellings and abbreviations", () => {
    expect(parseLegalBasis("Peraturan Gubernur Nomor 12 Tahun 2026")).toEqual({
      kind: "Peraturan Gubernur",
      number: "12",
      year: 2026,
      title: null,
    });
    expect(parseLegalBasis("peraturan walikota nomor 7 tahun 2025 tentang SKJ Dinas Kesehatan")).toEqual({
      kind: "Peraturan Wali Kota",
      number: "7",
      year: 2025,
      title: "SKJ Dinas Kesehatan",
    });
    expect(parseLegalBasis("Kepgub Nomor 188.44/123/2026 Tahun 2026")).toEqual({
      kind: "Keputusan Gubernur",
      number: "188.44/123/2026",
      year: 2026,
      title: null,
    });
    expect(parseLegalBasis("Surat Edaran Nomor 1 Tahun 2026")).toBeNull();
    expect(parseLegalBasis("Pergub 12/2026")).toBeNull();
    expect(legalBasisLabel({ kind: "Peraturan Bupati", number: "3", year: 2026, title: "SKJ" })).toBe(
      "Peraturan Bupati Nomor 3 Tahun 2026 tentang SKJ",
    );
  });
});
