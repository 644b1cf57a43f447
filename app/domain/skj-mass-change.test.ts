import { describe, expect, it } from "vitest";
import type { SkjDocument } from "./skj-document";
import {
  applyMassChange,
  describeMassChange,
  massChangeFromForm,
  massChangeProblem,
  MassChangeSchema,
  type MassChange,
  type MassChangeOutcome,
} from "./skj-mass-change";

const NAMES: Record<string, string> = {
  "T.ANJAB": "Analisis Jabatan",
  "T.ARSIP": "Pengelolaan Kearsipan",
  "T.OTDA": "Advokasi Kebijakan Otonomi Daerah",
};
const ctx = { regionalGovernment: true, nameOf: (code: string) => NAMES[code] ?? code };

const DRAFT: SkjDocument = {
  schemaVersion: 1,
  position: {
    code: "SETDA.ANALIS",
    name: "Analis Kebijakan",
    group: "fungsional",
    functionalLevel: "ahli_muda",
    unitCode: "SETDA",
    governmentAffair: null,
    summary: "Menganalisis kebijakan.",
  },
  competencies: [
    { code: "M.01", level: 3 },
    { code: "SK.01", level: 3 },
    { code: "T.OTDA", level: 3 },
    { code: "T.KELEMBAGAAN", level: 2 },
    { code: "T.KEPEG", level: 2 },
  ],
  requirements: {
    rank: "III/c",
    education: [{ level: "S-1", fields: ["Administrasi Negara"] }],
    training: { managerial: [], technical: ["Analisis Jabatan"], functional: [] },
    experience: [],
    performanceIndicators: ["Rekomendasi kebijakan tersusun"],
  },
};

const change = (input: unknown): MassChange => MassChangeSchema.parse(input);
const documentOf = (outcome: MassChangeOutcome) => {
  if (!outcome.changed) throw new Error(`expected a change, got: ${outcome.reason}`);
  return outcome.document;
};
const reasonOf = (outcome: MassChangeOutcome) => (outcome.changed ? null : outcome.reason);

describe("a mass change laid over one draft", () => {
  it("adds a technical competency at the chosen level after the others, leaving the rest as it was", () => {
    const after = documentOf(applyMassChange(DRAFT, change({ kind: "addTechnical", code: "T.ANJAB", level: 3 }), ctx));
    expect(after.competencies).toEqual([...DRAFT.competencies, { code: "T.ANJAB", level: 3 }]);
    expect(after.requirements).toEqual(DRAFT.requirements);
    expect(DRAFT.competencies).toHaveLength(5);
  });

  it("skips a draft that already has the competency, naming its level", () => {
    expect(reasonOf(applyMassChange(DRAFT, change({ kind: "addTechnical", code: "T.KEPEG", level: 4 }), ctx))).toBe(
      "Sudah memuat T.KEPEG (level 2).",
    );
  });

  it("skips a draft whose sixth technical competency is already there, and adds to one with five", () => {
    const five = { ...DRAFT, competencies: [...DRAFT.competencies, { code: "T.A", level: 2 }, { code: "T.B", level: 2 }] };
    const six = { ...five, competencies: [...five.competencies, { code: "T.C", level: 2 }] };
    expect(applyMassChange(five, change({ kind: "addTechnical", code: "T.ANJAB", level: 3 }), ctx).changed).toBe(true);
    expect(reasonOf(applyMassChange(six, change({ kind: "addTechnical", code: "T.ANJAB", level: 3 }), ctx))).toBe(
      "Sudah memuat 6 kompetensi teknis; menambah satu lagi melebihi batas 6.",
    );
  });

  it("replaces a technical competency in its own row, with the new level", () => {
    const after = documentOf(
      applyMassChange(DRAFT, change({ kind: "replaceTechnical", from: "T.KELEMBAGAAN", code: "T.ANJAB", level: 4 }), ctx),
    );
    expect(after.competencies.map((c) => `${c.code}:${c.level}`)).toEqual(["M.01:3", "SK.01:3", "T.OTDA:3", "T.ANJAB:4", "T.KEPEG:2"]);
  });

  it("skips replacing what the draft lacks, or into a competency it already has", () => {
    expect(reasonOf(applyMassChange(DRAFT, change({ kind: "replaceTechnical", from: "T.ARSIP", code: "T.ANJAB", level: 3 }), ctx))).toBe(
      "Tidak memuat Pengelolaan Kearsipan (T.ARSIP).",
    );
    expect(
      reasonOf(applyMassChange(DRAFT, change({ kind: "replaceTechnical", from: "T.KELEMBAGAAN", code: "T.KEPEG", level: 3 }), ctx)),
    ).toBe("Sudah memuat T.KEPEG; penggantian akan membuatnya ganda.");
  });

  it("replacing a competency by itself changes its level, and skips a draft already at that level", () => {
    expect(
      documentOf(
        applyMassChange(DRAFT, change({ kind: "replaceTechnical", from: "T.KEPEG", code: "T.KEPEG", level: 3 }), ctx),
      ).competencies.at(-1),
    ).toEqual({ code: "T.KEPEG", level: 3 });
    expect(reasonOf(applyMassChange(DRAFT, change({ kind: "replaceTechnical", from: "T.KEPEG", code: "T.KEPEG", level: 2 }), ctx))).toBe(
      "T.KEPEG sudah level 2.",
    );
  });

  it("refuses to replace T.OTDA by another entry in a regional government, but not elsewhere", () => {
    const otda = change({ kind: "replaceTechnical", from: "T.OTDA", code: "T.ANJAB", level: 3 });
    expect(massChangeProblem(otda, ctx)).toBe(
      "Advokasi Kebijakan Otonomi Daerah (T.OTDA) wajib bagi pemerintah daerah dan tidak dapat diganti dengan kompetensi lain.",
    );
    expect(massChangeProblem(otda, { ...ctx, regionalGovernment: false })).toBeNull();
    expect(massChangeProblem(change({ kind: "replaceTechnical", from: "T.OTDA", code: "T.OTDA", level: 4 }), ctx)).toBeNull();
  });

  it("sets the education level of every row, and gives a draft without education its first row", () => {
    const two = {
      ...DRAFT,
      requirements: {
        ...DRAFT.requirements,
        education: [
          { level: "S-1" as const, fields: ["Hukum"] },
          { level: "D-IV" as const, fields: [] },
        ],
      },
    };
    expect(documentOf(applyMassChange(two, change({ kind: "educationLevel", value: "S-2" }), ctx)).requirements.education).toEqual([
      { level: "S-2", fields: ["Hukum"] },
      { level: "S-2", fields: [] },
    ]);
    const none = { ...DRAFT, requirements: { ...DRAFT.requirements, education: [] } };
    expect(documentOf(applyMassChange(none, change({ kind: "educationLevel", value: "S-1" }), ctx)).requirements.education).toEqual([
      { level: "S-1", fields: [] },
    ]);
  });

  it("sets the fields of study only where an education level exists", () => {
    expect(
      documentOf(applyMassChange(DRAFT, change({ kind: "educationFields", value: ["Ilmu Pemerintahan", "Hukum"] }), ctx)).requirements
        .education,
    ).toEqual([{ level: "S-1", fields: ["Ilmu Pemerintahan", "Hukum"] }]);
    const none = { ...DRAFT, requirements: { ...DRAFT.requirements, education: [] } };
    expect(reasonOf(applyMassChange(none, change({ kind: "educationFields", value: ["Hukum"] }), ctx))).toMatch(
      /^Belum ada jenjang pendidikan/,
    );
  });

  it("replaces a training list, the experience, the rank and the performance indicators", () => {
    const r = (input: unknown) => documentOf(applyMassChange(DRAFT, change(input), ctx)).requirements;
    expect(r({ kind: "trainingFunctional", value: ["Diklat Fungsional Analis Kebijakan"] }).training).toEqual({
      managerial: [],
      technical: ["Analisis Jabatan"],
      functional: ["Diklat Fungsional Analis Kebijakan"],
    });
    expect(r({ kind: "trainingTechnical", value: [] }).training.technical).toEqual([]);
    expect(r({ kind: "experience", value: [{ description: "Analis di bidang kelembagaan", minYears: 2 }] }).experience).toEqual([
      { description: "Analis di bidang kelembagaan", minYears: 2 },
    ]);
    expect(r({ kind: "rank", value: "III/d" }).rank).toBe("III/d");
    expect(r({ kind: "performanceIndicators", value: ["Kajian kebijakan selesai tepat waktu"] }).performanceIndicators).toEqual([
      "Kajian kebijakan selesai tepat waktu",
    ]);
  });

  it("sets and clears the importance of one requirement row, keeping the others", () => {
    const marked = documentOf(applyMassChange(DRAFT, change({ kind: "importance", row: "rank", value: "mutlak" }), ctx));
    expect(marked.requirements.importance).toEqual({ rank: "mutlak" });
    const both = documentOf(applyMassChange(marked, change({ kind: "importance", row: "experience", value: "perlu" }), ctx));
    expect(both.requirements.importance).toEqual({ rank: "mutlak", experience: "perlu" });
    expect(
      documentOf(applyMassChange(both, change({ kind: "importance", row: "rank", value: null }), ctx)).requirements.importance,
    ).toEqual({ experience: "perlu" });
  });

  it("skips a draft that already holds the value, so no empty revision is made", () => {
    expect(reasonOf(applyMassChange(DRAFT, change({ kind: "rank", value: "III/c" }), ctx))).toBe(
      "Isinya sudah sama; tidak ada yang diubah.",
    );
    expect(reasonOf(applyMassChange(DRAFT, change({ kind: "importance", row: "rank", value: null }), ctx))).toBe(
      "Isinya sudah sama; tidak ada yang diubah.",
    );
  });
});

describe("the change's own checks, from the document's schema", () => {
  const problem = (input: unknown) => {
    const parsed = MassChangeSchema.safeParse(input);
    return parsed.success ? null : parsed.error.issues[0]!.message;
  };

  it("names what is wrong in Indonesian", () => {
    expect(problem({ kind: "addTechnical", code: "", level: 3 })).toBe("Kompetensi yang ditambahkan wajib dipilih dari kamus.");
    expect(problem({ kind: "addTechnical", code: "M.01", level: 3 })).toMatch(/harus kompetensi teknis/);
    expect(problem({ kind: "addTechnical", code: "T.ANJAB", level: 6 })).toBe("Level harus 1–5.");
    expect(problem({ kind: "rank", value: "V/a" })).toMatch(/^Pangkat\/golongan ruang harus salah satu dari/);
    expect(problem({ kind: "educationLevel", value: "S-4" })).toMatch(/^Jenjang pendidikan harus salah satu dari/);
    expect(problem({ kind: "experience", value: [{ description: "Analis", minYears: -1 }] })).toBe("Lama pengalaman tidak boleh negatif.");
    expect(problem({ kind: "performanceIndicators", value: Array.from({ length: 51 }, () => "x") })).toBe(
      "Indikator kinerja jabatan paling banyak 50 butir.",
    );
    expect(problem({ kind: "unknown" })).toBe("Jenis perubahan wajib dipilih.");
  });
});

describe("the note a changed draft's history shows", () => {
  it("says what was done, with the competency's name and level", () => {
    expect(describeMassChange(change({ kind: "addTechnical", code: "T.ANJAB", level: 3 }), ctx)).toBe(
      "Perubahan massal: tambah Analisis Jabatan (T.ANJAB) level 3",
    );
    expect(describeMassChange(change({ kind: "replaceTechnical", from: "T.ARSIP", code: "T.ANJAB", level: 2 }), ctx)).toBe(
      "Perubahan massal: ganti Pengelolaan Kearsipan (T.ARSIP) dengan Analisis Jabatan (T.ANJAB) level 2",
    );
    expect(describeMassChange(change({ kind: "rank", value: "III/c" }), ctx)).toBe("Perubahan massal: pangkat menjadi Penata (III/c)");
    expect(describeMassChange(change({ kind: "trainingManagerial", value: [] }), ctx)).toBe(
      "Perubahan massal: pelatihan manajerial menjadi: dikosongkan",
    );
    expect(describeMassChange(change({ kind: "importance", row: "experience", value: "penting" }), ctx)).toBe(
      "Perubahan massal: tingkat pentingnya pengalaman kerja menjadi Penting",
    );
  });
});

describe("the page's form read as a change", () => {
  const read = (fields: Record<string, string>) => MassChangeSchema.safeParse(massChangeFromForm((name) => fields[name] ?? null));

  it("takes one item per line without blank lines, and gives every experience line the years", () => {
    expect(read({ jenis: "trainingTechnical", daftar: " Analisis Jabatan \r\n\n Evaluasi Jabatan\n" }).data).toEqual({
      kind: "trainingTechnical",
      value: ["Analisis Jabatan", "Evaluasi Jabatan"],
    });
    expect(read({ jenis: "experience", pengalaman: "Pelaksana bidang SDM\nAnalis kepegawaian", tahun: "2" }).data).toEqual({
      kind: "experience",
      value: [
        { description: "Pelaksana bidang SDM", minYears: 2 },
        { description: "Analis kepegawaian", minYears: 2 },
      ],
    });
    expect(read({ jenis: "experience", pengalaman: "Pelaksana", tahun: "" }).data).toEqual({
      kind: "experience",
      value: [{ description: "Pelaksana", minYears: null }],
    });
  });

  it("reads an empty choice as clearing, and an empty level as not chosen", () => {
    expect(read({ jenis: "rank", pangkat: "" }).data).toEqual({ kind: "rank", value: null });
    expect(read({ jenis: "importance", baris: "rank", tingkat: "" }).data).toEqual({ kind: "importance", row: "rank", value: null });
    expect(read({ jenis: "addTechnical", kompetensi: "T.ANJAB", level: "" }).error?.issues[0]?.message).toBe("Level wajib dipilih (1–5).");
    expect(read({ jenis: "replaceTechnical", kompetensi: "T.ANJAB", level: "2" }).error?.issues[0]?.message).toBe(
      "Kompetensi yang diganti wajib dipilih dari kamus.",
    );
  });
});
