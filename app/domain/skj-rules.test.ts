import { describe, expect, it } from "vitest";
import golonganSeed from "~seeds/reference/golongan-pendidikan.json";
import settingsSeed from "~seeds/reference/settings.json";
import {
  EDUCATION,
  EDUCATION_LEVELS,
  GOLONGAN,
  GOLONGAN_CODES,
  SKJ_SUMMARY_MAX,
  SkjDocumentSchema,
  compareEducation,
  compareRank,
  skjDocumentJsonSchema,
  type SkjDocument,
} from "./skj-document";
import {
  RULES,
  expectedCompetencies,
  formatPath,
  hasBlockingErrors,
  standardLevelFor,
  validateSkj,
  type RuleCode,
  type RuleContext,
  type RuleResult,
  type RuleSettings,
} from "./skj-rules";
import { FUNCTIONAL_LEVEL_LABELS, GROUP_LABELS } from "./labels";
import type { FunctionalLevel, PositionGroup } from "./sotk";

// The context is built from the seeded settings, so the tests exercise the defaults the app ships with.
const seeded = (key: string): unknown => {
  const entry = settingsSeed.settings.find((s) => s.key === key);
  if (!entry) throw new Error(`setting ${key} missing from seeds/reference/settings.json`);
  return entry.value;
};
const settings: RuleSettings = {
  standardLevels: seeded("standardLevels") as RuleSettings["standardLevels"],
  minimumRankByEselon: seeded("minimumRankByEselon") as RuleSettings["minimumRankByEselon"],
  lowestEselonByGroup: seeded("lowestEselonByGroup") as RuleSettings["lowestEselonByGroup"],
  minimumEducationByGroup: seeded("minimumEducationByGroup") as RuleSettings["minimumEducationByGroup"],
  leadershipTrainingByGroup: seeded("leadershipTrainingByGroup") as RuleSettings["leadershipTrainingByGroup"],
  leadershipTrainingAliases: seeded("leadershipTrainingAliases") as RuleSettings["leadershipTrainingAliases"],
  minimumExperienceByGroup: seeded("minimumExperienceByGroup") as RuleSettings["minimumExperienceByGroup"],
};

const MANAGERIAL = [
  ["M.01", "Integritas"],
  ["M.02", "Kerja Sama"],
  ["M.03", "Komunikasi"],
  ["M.04", "Orientasi pada Hasil"],
  ["M.05", "Pelayanan Publik"],
  ["M.06", "Pengembangan Diri dan Orang Lain"],
  ["M.07", "Mengelola Perubahan"],
  ["M.08", "Pengambilan Keputusan"],
] as const;
// Published technical entries, T.OTDA first; seven of them so the >6 boundary can be reached.
const TECHNICAL = ["T.OTDA", "T.ANJAB", "T.KELEMBAGAAN", "T.TATALAKSANA", "T.ABK", "T.EVJAB", "T.RB"] as const;

const UNIT_BAGIAN = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN";
const UNIT_SUBBAG = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.SUBBAG-ANJAB";
const UNIT_UPTD = "UPTD.LATIHAN";

const context: RuleContext = {
  competencies: new Map<string, { type: "manajerial" | "sosial_kultural" | "teknis"; name: string; published: boolean }>([
    ...MANAGERIAL.map(([code, name]) => [code, { type: "manajerial" as const, name, published: true }] as const),
    ["SK.01", { type: "sosial_kultural", name: "Perekat Bangsa", published: true }],
    ...TECHNICAL.map(
      (code) =>
        [
          code,
          { type: "teknis" as const, name: code === "T.OTDA" ? "Advokasi Kebijakan Otonomi Daerah" : `Teknis ${code}`, published: true },
        ] as const,
    ),
    ["T.DRAF", { type: "teknis", name: "Manajemen Talenta", published: false }],
  ]),
  units: new Map([
    [UNIT_BAGIAN, { echelon: "III.a", name: "Bagian Kelembagaan dan Analisis Jabatan" }],
    [UNIT_SUBBAG, { echelon: "IV.a", name: "Subbagian Analisis Jabatan" }],
    [UNIT_UPTD, { echelon: null, name: "UPTD Balai Latihan" }],
  ]),
  settings,
  regionalGovernment: seeded("regionalGovernment") as boolean,
};
const pusat: Partial<RuleContext> = { regionalGovernment: false };

/** A complete, valid SKJ of an administrator in a unit of eselon III.a (lowest pangkat IV/a). */
function administrator(): SkjDocument {
  return {
    schemaVersion: 1,
    position: {
      code: "BIRO-ORG.KAB-KELEMBAGAAN",
      name: "Kepala Bagian Kelembagaan dan Analisis Jabatan",
      group: "administrator",
      functionalLevel: null,
      unitCode: UNIT_BAGIAN,
      governmentAffair: "Pemerintahan Umum",
      summary: "Memimpin penyiapan bahan perumusan kebijakan di bidang kelembagaan dan analisis jabatan.",
    },
    competencies: [
      ...MANAGERIAL.map(([code]) => ({ code, level: 3 })),
      { code: "SK.01", level: 3 },
      { code: "T.OTDA", level: 3 },
      { code: "T.ANJAB", level: 3 },
      { code: "T.KELEMBAGAAN", level: 3 },
    ],
    requirements: {
      rank: "IV/a",
      education: [{ level: "S-1", fields: ["Ilmu Pemerintahan", "Administrasi Negara"] }],
      training: { managerial: ["Pelatihan Kepemimpinan Administrator"], technical: ["Analisis Jabatan"], functional: [] },
      experience: [{ description: "Jabatan Pengawas di bidang kelembagaan", minYears: 3 }],
      performanceIndicators: ["Persentase perangkat daerah yang memiliki SKJ yang ditetapkan"],
    },
  };
}

/** The managerial and sociocultural rows at `level`, then the first `n` technical entries. */
function withTechnical(d: SkjDocument, n: number, codes: readonly string[] = TECHNICAL): void {
  d.competencies = [
    ...d.competencies.filter((c) => c.code.startsWith("M.") || c.code === "SK.01"),
    ...codes.slice(0, n).map((code) => ({ code, level: 3 })),
  ];
}
function setPosition(d: SkjDocument, group: PositionGroup | "" | null, functionalLevel: FunctionalLevel | "" | null = null): void {
  d.position.group = group;
  d.position.functionalLevel = functionalLevel;
}
const row = (d: SkjDocument, code: string) => {
  const found = d.competencies.find((c) => c.code === code);
  if (!found) throw new Error(`no row ${code}`);
  return found;
};

type Case = {
  rule: RuleCode;
  name: string;
  change?: (d: SkjDocument) => void;
  ctx?: Partial<RuleContext>;
  /** The paths of the expected results of `rule`, in order; [] = the rule must not fire. */
  paths: string[];
  message?: RegExp;
  /** The citation of each result when it is not the rule's own (a national JF standard cites its act). */
  citation?: string;
};

// A national JF standard at level 3 throughout, as the administrator document below is; the rules read it in
// place of the group table whenever the context carries one.
const jfStandard: RuleContext["jfStandard"] = {
  jf: "Analis Kelembagaan",
  jenjang: "ahli_muda",
  legalBasis: "Peraturan Contoh Nomor 1 Tahun 2026",
  levels: { "M.01": 3, "M.02": 3, "M.03": 3, "M.04": 3, "M.05": 3, "M.06": 3, "M.07": 3, "M.08": 3, "SK.01": 3 },
  technical: [
    { code: "T.ANJAB", level: 3 },
    { code: "T.RB", level: 2 },
  ],
  verified: false,
  example: true,
};
const jfCitation =
  "Standar nasional JF Analis Kelembagaan Ahli Muda: Peraturan Contoh Nomor 1 Tahun 2026 (CONTOH — bukan teks resmi; belum diverifikasi)";

const cases: Case[] = [
  // SKJ-SCHEMA (more in the "schema failures" block below)
  {
    rule: "SKJ-SCHEMA",
    name: "fires on an unknown group",
    change: (d) => void ((d.position as { group: unknown }).group = "manager"),
    paths: ["position.group"],
  },
  { rule: "SKJ-SCHEMA", name: "does not fire on a valid document", paths: [] },
  {
    rule: "SKJ-SCHEMA",
    name: "accepts a printed job code with spaces, an empty one, and importance choices (§7.2)",
    change: (d) => {
      d.position.jobCode = "800.1.3.2 Kepala Bagian";
      d.requirements.importance = { educationLevel: "mutlak", experience: "penting", rank: "perlu" };
    },
    paths: [],
  },
  { rule: "SKJ-SCHEMA", name: "accepts an empty printed job code", change: (d) => void (d.position.jobCode = ""), paths: [] },
  {
    rule: "SKJ-SCHEMA",
    name: "fires on a printed job code over 100 characters",
    change: (d) => void (d.position.jobCode = "x".repeat(101)),
    paths: ["position.jobCode"],
    message: /Kode jabatan \(cetak\) maksimal 100 karakter/,
  },
  {
    rule: "SKJ-SCHEMA",
    name: "fires on an importance outside mutlak/penting/perlu, at its row",
    change: (d) => void (d.requirements.importance = { trainingTechnical: "wajib" as never }),
    paths: ["requirements.importance.trainingTechnical"],
    message: /mutlak, penting, perlu/,
  },
  {
    rule: "SKJ-SCHEMA",
    name: "fires on an unknown importance row",
    change: (d) => void (d.requirements.importance = { golongan: "mutlak" } as never),
    paths: ["requirements.importance.golongan"],
  },

  // SKJ-KOMPETENSI-TIDAK-DIKENAL
  {
    rule: "SKJ-KOMPETENSI-TIDAK-DIKENAL",
    name: "fires on a code absent from the dictionary",
    change: (d) => void (row(d, "T.KELEMBAGAAN").code = "T.TIDAK-ADA"),
    paths: ["competencies[11].code"],
    message: /"T\.TIDAK-ADA" tidak ada dalam kamus/,
  },
  {
    rule: "SKJ-KOMPETENSI-TIDAK-DIKENAL",
    name: "fires on an unpublished entry",
    change: (d) => void (row(d, "T.KELEMBAGAAN").code = "T.DRAF"),
    paths: ["competencies[11].code"],
    message: /Manajemen Talenta \(T\.DRAF\) belum diterbitkan/,
  },
  {
    rule: "SKJ-KOMPETENSI-TIDAK-DIKENAL",
    name: "fires on a row with no code chosen",
    change: (d) => void d.competencies.push({ code: " ", level: 3 }),
    paths: ["competencies[12].code"],
    message: /baris 13 belum dipilih/,
  },
  {
    rule: "SKJ-KOMPETENSI-TIDAK-DIKENAL",
    name: "is case-sensitive about codes",
    change: (d) => void (row(d, "T.ANJAB").code = "t.anjab"),
    paths: ["competencies[10].code"],
  },
  { rule: "SKJ-KOMPETENSI-TIDAK-DIKENAL", name: "does not fire when every code is published", paths: [] },

  // SKJ-KOMPETENSI-GANDA
  {
    rule: "SKJ-KOMPETENSI-GANDA",
    name: "fires on the second occurrence only",
    change: (d) => void d.competencies.push({ code: "T.ANJAB", level: 3 }),
    paths: ["competencies[12].code"],
    message: /pertama pada baris 11/,
  },
  {
    rule: "SKJ-KOMPETENSI-GANDA",
    name: "fires on each later occurrence",
    change: (d) => void d.competencies.push({ code: "M.01", level: 3 }, { code: "M.01", level: 3 }),
    paths: ["competencies[12].code", "competencies[13].code"],
  },
  { rule: "SKJ-KOMPETENSI-GANDA", name: "does not fire when every code appears once", paths: [] },

  // SKJ-LEVEL-RENTANG
  {
    rule: "SKJ-LEVEL-RENTANG",
    name: "fires on 0, 6, a fraction and a negative level",
    change: (d) => {
      row(d, "T.OTDA").level = 0;
      row(d, "T.ANJAB").level = 6;
      row(d, "T.KELEMBAGAAN").level = 2.5;
      row(d, "M.02").level = -1;
    },
    paths: ["competencies[1].level", "competencies[9].level", "competencies[10].level", "competencies[11].level"],
  },
  {
    rule: "SKJ-LEVEL-RENTANG",
    name: "names the competency and writes a decimal comma",
    change: (d) => void (row(d, "T.OTDA").level = 3.5),
    paths: ["competencies[9].level"],
    message: /Advokasi Kebijakan Otonomi Daerah \(T\.OTDA\).*tertulis 3,5\./,
  },
  {
    rule: "SKJ-LEVEL-RENTANG",
    name: "does not fire on the boundaries 1 and 5",
    change: (d) => {
      row(d, "T.ANJAB").level = 1;
      row(d, "T.KELEMBAGAAN").level = 5;
    },
    paths: [],
  },

  // SKJ-MANAJERIAL-LENGKAP
  {
    rule: "SKJ-MANAJERIAL-LENGKAP",
    name: "fires once per missing managerial competency, by name",
    change: (d) => void (d.competencies = d.competencies.filter((c) => c.code !== "M.03" && c.code !== "M.08")),
    paths: ["competencies", "competencies"],
    message: /Komunikasi \(M\.03\)/,
  },
  { rule: "SKJ-MANAJERIAL-LENGKAP", name: "does not fire with all eight", paths: [] },

  // SKJ-MANAJERIAL-LEVEL (every group's standard level: see the block below)
  {
    rule: "SKJ-MANAJERIAL-LEVEL",
    name: "fires on a level below the standard",
    change: (d) => void (row(d, "M.01").level = 2),
    paths: ["competencies[0].level"],
    message: /^Level Integritas \(M\.01\) harus 3, standar level Jabatan Administrator; tertulis 2\.$/,
  },
  {
    rule: "SKJ-MANAJERIAL-LEVEL",
    name: "fires on a level above the standard",
    change: (d) => void (row(d, "M.08").level = 4),
    paths: ["competencies[7].level"],
  },
  {
    rule: "SKJ-MANAJERIAL-LEVEL",
    name: "does not fire while the group is not chosen",
    change: (d) => {
      row(d, "M.01").level = 2;
      setPosition(d, null);
    },
    paths: [],
  },
  {
    rule: "SKJ-MANAJERIAL-LEVEL",
    name: "does not fire for fungsional without jenjang",
    change: (d) => setPosition(d, "fungsional", null),
    paths: [],
  },
  { rule: "SKJ-MANAJERIAL-LEVEL", name: "does not fire at the standard level", paths: [] },

  // SKJ-SOSIOKULTURAL
  {
    rule: "SKJ-SOSIOKULTURAL",
    name: "fires when SK.01 is missing",
    change: (d) => void (d.competencies = d.competencies.filter((c) => c.code !== "SK.01")),
    paths: ["competencies"],
    message: /Perekat Bangsa \(SK\.01\)/,
  },
  {
    rule: "SKJ-SOSIOKULTURAL",
    name: "fires when SK.01 is off the standard",
    change: (d) => void (row(d, "SK.01").level = 4),
    paths: ["competencies[8].level"],
    message: /harus 3, standar level Jabatan Administrator; tertulis 4/,
  },
  { rule: "SKJ-SOSIOKULTURAL", name: "does not fire at the standard level", paths: [] },

  // SKJ-TEKNIS-MIN / SKJ-TEKNIS-MAX: the boundaries 2/3/6/7
  {
    rule: "SKJ-TEKNIS-MIN",
    name: "fires with 2 technical competencies",
    change: (d) => withTechnical(d, 2),
    paths: ["competencies"],
    message: /Baru 2 kompetensi teknis/,
  },
  { rule: "SKJ-TEKNIS-MIN", name: "does not fire with 3", change: (d) => withTechnical(d, 3), paths: [] },
  { rule: "SKJ-TEKNIS-MIN", name: "does not fire with 6", change: (d) => withTechnical(d, 6), paths: [] },
  { rule: "SKJ-TEKNIS-MIN", name: "fires with 0", change: (d) => withTechnical(d, 0), paths: ["competencies"] },
  {
    rule: "SKJ-TEKNIS-MIN",
    name: "does not count an unknown code",
    change: (d) => withTechnical(d, 3, ["T.OTDA", "T.ANJAB", "T.TIDAK-ADA"]),
    paths: ["competencies"],
    message: /tidak dihitung/,
  },
  {
    rule: "SKJ-TEKNIS-MIN",
    name: "does not count an unpublished entry",
    change: (d) => withTechnical(d, 3, ["T.OTDA", "T.ANJAB", "T.DRAF"]),
    paths: ["competencies"],
  },
  {
    rule: "SKJ-TEKNIS-MIN",
    name: "counts a duplicated code once",
    change: (d) => withTechnical(d, 3, ["T.OTDA", "T.ANJAB", "T.ANJAB"]),
    paths: ["competencies"],
  },
  {
    rule: "SKJ-TEKNIS-MIN",
    name: "does not count managerial rows",
    change: (d) => withTechnical(d, 2),
    paths: ["competencies"],
    message: /Baru 2 /,
  },
  {
    rule: "SKJ-TEKNIS-MAX",
    name: "fires with 7 technical competencies",
    change: (d) => withTechnical(d, 7),
    paths: ["competencies"],
    message: /Tercantum 7 kompetensi teknis; paling banyak 6/,
  },
  { rule: "SKJ-TEKNIS-MAX", name: "does not fire with 6", change: (d) => withTechnical(d, 6), paths: [] },
  { rule: "SKJ-TEKNIS-MAX", name: "does not fire with 3", change: (d) => withTechnical(d, 3), paths: [] },

  // SKJ-TEKNIS-OTDA: daerah vs pusat
  {
    rule: "SKJ-TEKNIS-OTDA",
    name: "fires in a regional government without T.OTDA",
    change: (d) => withTechnical(d, 3, ["T.ANJAB", "T.KELEMBAGAAN", "T.TATALAKSANA"]),
    paths: ["competencies"],
    message: /pemerintah daerah.*Advokasi Kebijakan Otonomi Daerah \(T\.OTDA\)/,
  },
  {
    rule: "SKJ-TEKNIS-OTDA",
    name: "does not fire in a central government (pusat) without T.OTDA",
    change: (d) => withTechnical(d, 3, ["T.ANJAB", "T.KELEMBAGAAN", "T.TATALAKSANA"]),
    ctx: pusat,
    paths: [],
  },
  { rule: "SKJ-TEKNIS-OTDA", name: "does not fire in a regional government with T.OTDA", paths: [] },
  { rule: "SKJ-TEKNIS-OTDA", name: "does not fire in pusat with T.OTDA", ctx: pusat, paths: [] },

  // SKJ-IDENTITAS
  {
    rule: "SKJ-IDENTITAS",
    name: "fires on a whitespace-only name",
    change: (d) => void (d.position.name = "  \t"),
    paths: ["position.name"],
  },
  { rule: "SKJ-IDENTITAS", name: "fires on a null group", change: (d) => setPosition(d, null), paths: ["position.group"] },
  { rule: "SKJ-IDENTITAS", name: "fires on an empty group", change: (d) => setPosition(d, ""), paths: ["position.group"] },
  {
    rule: "SKJ-IDENTITAS",
    name: "fires on an empty unit",
    change: (d) => void (d.position.unitCode = ""),
    paths: ["position.unitCode"],
    message: /belum dipilih/,
  },
  {
    rule: "SKJ-IDENTITAS",
    name: "fires on an unknown unit",
    change: (d) => void (d.position.unitCode = "DINAS-FIKTIF"),
    paths: ["position.unitCode"],
    message: /"DINAS-FIKTIF" tidak terdaftar dalam SOTK/,
  },
  {
    rule: "SKJ-IDENTITAS",
    name: "fires on a blank summary",
    change: (d) => void (d.position.summary = "\n \n"),
    paths: ["position.summary"],
  },
  {
    rule: "SKJ-IDENTITAS",
    name: "fires once per empty field",
    change: (d) => {
      d.position.name = "";
      setPosition(d, null);
      d.position.unitCode = " ";
      d.position.summary = "";
    },
    paths: ["position.name", "position.group", "position.unitCode", "position.summary"],
  },
  { rule: "SKJ-IDENTITAS", name: "does not fire on a complete identity", paths: [] },

  // SKJ-JENJANG-FUNGSIONAL: both ways
  {
    rule: "SKJ-JENJANG-FUNGSIONAL",
    name: "fires on fungsional without jenjang",
    change: (d) => setPosition(d, "fungsional", null),
    paths: ["position.functionalLevel"],
  },
  {
    rule: "SKJ-JENJANG-FUNGSIONAL",
    name: "fires on fungsional with an empty jenjang",
    change: (d) => setPosition(d, "fungsional", ""),
    paths: ["position.functionalLevel"],
  },
  {
    rule: "SKJ-JENJANG-FUNGSIONAL",
    name: "does not fire on fungsional with jenjang",
    change: (d) => setPosition(d, "fungsional", "ahli_muda"),
    paths: [],
  },
  {
    rule: "SKJ-JENJANG-FUNGSIONAL",
    name: "fires on a jenjang without fungsional",
    change: (d) => setPosition(d, "administrator", "ahli_muda"),
    paths: ["position.functionalLevel"],
    message: /Ahli Muda hanya untuk jabatan fungsional.*Jabatan Administrator/,
  },
  { rule: "SKJ-JENJANG-FUNGSIONAL", name: "does not fire on a structural position without jenjang", paths: [] },

  // SKJ-PANGKAT-MIN
  {
    rule: "SKJ-PANGKAT-MIN",
    name: "fires below the unit's eselon III.a (IV/a)",
    change: (d) => void (d.requirements.rank = "III/d"),
    paths: ["requirements.rank"],
    message: /Penata Tingkat I \(III\/d\).*eselon III\.a.*Pembina \(IV\/a\)/,
  },
  { rule: "SKJ-PANGKAT-MIN", name: "does not fire at the unit's minimum", paths: [] },
  { rule: "SKJ-PANGKAT-MIN", name: "does not fire above the minimum", change: (d) => void (d.requirements.rank = "IV/e"), paths: [] },
  {
    rule: "SKJ-PANGKAT-MIN",
    name: "fires when the rank is empty",
    change: (d) => void (d.requirements.rank = null),
    paths: ["requirements.rank"],
    message: /belum diisi/,
  },
  {
    rule: "SKJ-PANGKAT-MIN",
    name: "uses the group's lowest eselon (III.b → III/d) for a unit without eselon: III/d passes",
    change: (d) => {
      d.position.unitCode = UNIT_UPTD;
      d.requirements.rank = "III/d";
    },
    paths: [],
  },
  {
    rule: "SKJ-PANGKAT-MIN",
    name: "uses the group's lowest eselon for a unit without eselon: III/c fires",
    change: (d) => {
      d.position.unitCode = UNIT_UPTD;
      d.requirements.rank = "III/c";
    },
    paths: ["requirements.rank"],
    message: /eselon III\.b, eselon terendah Jabatan Administrator/,
  },
  {
    rule: "SKJ-PANGKAT-MIN",
    name: "uses the pengawas unit's eselon IV.a (III/c)",
    change: (d) => {
      setPosition(d, "pengawas");
      d.position.unitCode = UNIT_SUBBAG;
      d.requirements.rank = "III/b";
    },
    paths: ["requirements.rank"],
  },
  {
    rule: "SKJ-PANGKAT-MIN",
    name: "skips pelaksana even in a unit with an eselon",
    change: (d) => {
      setPosition(d, "pelaksana");
      d.requirements.rank = "II/a";
    },
    paths: [],
  },
  {
    rule: "SKJ-PANGKAT-MIN",
    name: "skips fungsional",
    change: (d) => {
      setPosition(d, "fungsional", "ahli_pertama");
      d.requirements.rank = null;
    },
    paths: [],
  },

  // SKJ-PENDIDIKAN-MIN
  {
    rule: "SKJ-PENDIDIKAN-MIN",
    name: "fires on D-III for an administrator (S-1)",
    change: (d) => void (d.requirements.education = [{ level: "D-III", fields: [] }]),
    paths: ["requirements.education[0].level"],
    message: /D-III.*S-1\/D-IV/,
  },
  {
    rule: "SKJ-PENDIDIKAN-MIN",
    name: "accepts D-IV where S-1 is the minimum",
    change: (d) => void (d.requirements.education = [{ level: "D-IV", fields: [] }]),
    paths: [],
  },
  {
    rule: "SKJ-PENDIDIKAN-MIN",
    name: "reads the highest level listed",
    change: (d) =>
      void (d.requirements.education = [
        { level: "D-III", fields: [] },
        { level: "S-2", fields: [] },
      ]),
    paths: [],
  },
  {
    rule: "SKJ-PENDIDIKAN-MIN",
    name: "points at the highest row when all are too low",
    change: (d) =>
      void (d.requirements.education = [
        { level: "SMA", fields: [] },
        { level: "D-III", fields: [] },
      ]),
    paths: ["requirements.education[1].level"],
  },
  {
    rule: "SKJ-PENDIDIKAN-MIN",
    name: "fires when no education is listed",
    change: (d) => void (d.requirements.education = []),
    paths: ["requirements.education"],
    message: /belum diisi/,
  },
  {
    rule: "SKJ-PENDIDIKAN-MIN",
    name: "accepts D-III for a pengawas",
    change: (d) => {
      setPosition(d, "pengawas");
      d.requirements.education = [{ level: "D-III", fields: [] }];
    },
    paths: [],
  },
  {
    rule: "SKJ-PENDIDIKAN-MIN",
    name: "reads fungsional:<jenjang> (terampil: D-III)",
    change: (d) => {
      setPosition(d, "fungsional", "terampil");
      d.requirements.education = [{ level: "SMA", fields: [] }];
    },
    paths: ["requirements.education[0].level"],
    message: /Jabatan Fungsional Terampil/,
  },
  {
    rule: "SKJ-PENDIDIKAN-MIN",
    name: "skips a jenjang without a minimum (pemula)",
    change: (d) => {
      setPosition(d, "fungsional", "pemula");
      d.requirements.education = [{ level: "SMA", fields: [] }];
    },
    paths: [],
  },
  {
    rule: "SKJ-PENDIDIKAN-MIN",
    name: "skips pelaksana",
    change: (d) => {
      setPosition(d, "pelaksana");
      d.requirements.education = [];
    },
    paths: [],
  },

  // SKJ-PELATIHAN-MANAJERIAL: short and long names, Tingkat I vs II
  { rule: "SKJ-PELATIHAN-MANAJERIAL", name: "accepts the long name for an administrator", paths: [] },
  {
    rule: "SKJ-PELATIHAN-MANAJERIAL",
    name: "accepts PKA",
    change: (d) => void (d.requirements.training.managerial = ["pka angkatan XII"]),
    paths: [],
  },
  {
    rule: "SKJ-PELATIHAN-MANAJERIAL",
    name: "fires without leadership training",
    change: (d) => void (d.requirements.training.managerial = []),
    paths: ["requirements.training.managerial"],
    message: /Jabatan Administrator, PKA \(Pelatihan Kepemimpinan Administrator\)/,
  },
  {
    rule: "SKJ-PELATIHAN-MANAJERIAL",
    name: "fires on another group's training",
    change: (d) => void (d.requirements.training.managerial = ["Pelatihan Kepemimpinan Pengawas"]),
    paths: ["requirements.training.managerial"],
  },
  {
    rule: "SKJ-PELATIHAN-MANAJERIAL",
    name: "does not read the technical list",
    change: (d) => void (d.requirements.training = { managerial: [], technical: ["PKA"], functional: [] }),
    paths: ["requirements.training.managerial"],
  },
  ...(
    [
      ["jpt_pratama", "PKN Tingkat II", []],
      ["jpt_pratama", "Pelatihan Kepemimpinan Nasional Tingkat II", []],
      ["jpt_pratama", "PKN Tk. 2", []],
      // a higher tier than required is accepted
      ["jpt_pratama", "PKN Tingkat I", []],
      ["jpt_pratama", "Pelatihan Kepemimpinan Nasional Tingkat I", []],
      ["administrator", "PKN Tingkat II", []],
      // real spellings of earlier years
      ["jpt_pratama", "Pelatihan Kepemimpinan Pratama", []],
      ["jpt_pratama", "Diklatpim Tk. II", []],
      ["administrator", "Diklat PIM III", []],
      ["administrator", "Diklat PIM Tingkat III Angkatan 45 Tahun 2012", []],
      ["administrator", "DIKLATPIM III", []],
      ["administrator", "Diklat PIM IV", ["requirements.training.managerial"]],
      ["pengawas", "Diklatpim Tingkat IV", []],
      ["pengawas", "Diklat Kepemimpinan Tingkat 4", []],
      ["jpt_madya", "Diklatpim II", ["requirements.training.managerial"]],
      ["jpt_utama", "PKN Tingkat I", []],
      ["jpt_madya", "Pelatihan Kepemimpinan Nasional Tingkat I Angkatan XL", []],
      ["jpt_utama", "PKN Tingkat II", ["requirements.training.managerial"]],
      ["jpt_madya", "Pelatihan Kepemimpinan Nasional Tingkat II", ["requirements.training.managerial"]],
      ["pengawas", "PKP", []],
      ["pengawas", "PKA", []],
      ["pengawas", "Pelatihan Teknis Pengawasan", ["requirements.training.managerial"]],
      ["pelaksana", null, []],
      ["fungsional", null, []],
    ] as const
  ).map(
    ([group, training, paths]): Case => ({
      rule: "SKJ-PELATIHAN-MANAJERIAL",
      name: `${group} with ${training ?? "no training"}`,
      change: (d) => {
        setPosition(d, group, group === "fungsional" ? "ahli_madya" : null);
        d.requirements.training.managerial = training ? [training] : [];
      },
      paths: [...paths],
    }),
  ),

  // SKJ-PENGALAMAN
  {
    rule: "SKJ-PENGALAMAN",
    name: "fires without experience",
    change: (d) => void (d.requirements.experience = []),
    paths: ["requirements.experience"],
  },
  {
    rule: "SKJ-PENGALAMAN",
    name: "fires when every description is blank",
    change: (d) => void (d.requirements.experience = [{ description: "  ", minYears: 2 }]),
    paths: ["requirements.experience"],
  },
  {
    rule: "SKJ-PENGALAMAN",
    name: "does not fire with one stated experience",
    change: (d) => void d.requirements.experience.push({ description: "", minYears: null }),
    paths: [],
  },

  // SKJ-PENGALAMAN-PP (contract §7.7): the longest described experience must reach the group's minimum
  { rule: "SKJ-PENGALAMAN-PP", name: "accepts the administrator's 3 years", paths: [] },
  {
    rule: "SKJ-PENGALAMAN-PP",
    name: "fires on 2 years for an administrator, naming the article",
    change: (d) => void (d.requirements.experience = [{ description: "Jabatan Pengawas", minYears: 2 }]),
    paths: ["requirements.experience"],
    message:
      /paling singkat 3 tahun, syarat Jabatan Administrator menurut PP 11\/2017 jo\. PP 17\/2020 \(PP 11\/2017 Pasal 54 ayat \(1\).*yang terlama tercantum 2 tahun\.$/,
  },
  {
    rule: "SKJ-PENGALAMAN-PP",
    name: "fires without experience",
    change: (d) => void (d.requirements.experience = []),
    paths: ["requirements.experience"],
  },
  {
    rule: "SKJ-PENGALAMAN-PP",
    name: "does not count years without a description",
    change: (d) =>
      void (d.requirements.experience = [
        { description: "Jabatan Pengawas", minYears: 1 },
        { description: " ", minYears: 10 },
      ]),
    paths: ["requirements.experience"],
  },
  {
    rule: "SKJ-PENGALAMAN-PP",
    name: "takes the longest of several rows",
    change: (d) =>
      void (d.requirements.experience = [
        { description: "Pelaksana", minYears: 1 },
        { description: "Pengawas", minYears: 4 },
      ]),
    paths: [],
  },
  ...(
    [
      ["jpt_pratama", 4, ["requirements.experience"]],
      ["jpt_pratama", 5, []],
      ["jpt_utama", 9, ["requirements.experience"]],
      ["jpt_madya", 7, []],
      ["pengawas", 3, ["requirements.experience"]],
      ["pengawas", 4, []],
      ["pelaksana", null, []],
      ["fungsional", null, []],
    ] as const
  ).map(
    ([group, years, paths]): Case => ({
      rule: "SKJ-PENGALAMAN-PP",
      name: `${group} with ${years ?? "no"} years`,
      change: (d) => {
        setPosition(d, group, group === "fungsional" ? "ahli_madya" : null);
        d.requirements.experience = years === null ? [] : [{ description: "Pengalaman terkait", minYears: years }];
      },
      paths: [...paths],
    }),
  ),
  {
    rule: "SKJ-PENGALAMAN-PP",
    name: "is silent for a group whose minimum the admin left empty",
    change: (d) => void (d.requirements.experience = [{ description: "Pengawas", minYears: 1 }]),
    ctx: {
      settings: {
        ...context.settings,
        minimumExperienceByGroup: { ...context.settings.minimumExperienceByGroup, administrator: { article: "", text: "" } },
      },
    },
    paths: [],
  },

  // SKJ-STANDAR-JF and the levels read from a national JF standard
  {
    rule: "SKJ-STANDAR-JF",
    name: "fires for each technical competency of the standard that is not listed",
    ctx: { jfStandard },
    paths: ["competencies"],
    message:
      /Teknis T\.RB \(T\.RB\) level 2 ditetapkan standar nasional JF Analis Kelembagaan Ahli Muda \(Peraturan Contoh Nomor 1 Tahun 2026\)/,
    citation: jfCitation,
  },
  {
    rule: "SKJ-STANDAR-JF",
    name: "does not fire when every technical competency of the standard is listed",
    change: (d) => void d.competencies.push({ code: "T.RB", level: 2 }),
    ctx: { jfStandard },
    paths: [],
  },
  {
    rule: "SKJ-STANDAR-JF",
    name: "does not fire without a standard",
    change: (d) => void (d.competencies = d.competencies.filter((c) => c.code !== "T.ANJAB")),
    paths: [],
  },
  {
    rule: "SKJ-MANAJERIAL-LEVEL",
    name: "reads the level from the national JF standard and cites its act",
    change: (d) => void (row(d, "M.02").level = 2),
    ctx: { jfStandard: { ...jfStandard!, levels: { ...jfStandard!.levels, "M.02": 4 } } },
    paths: ["competencies[1].level"],
    message:
      /^Level Kerja Sama \(M\.02\) harus 4, standar nasional JF Analis Kelembagaan Ahli Muda \(Peraturan Contoh Nomor 1 Tahun 2026\); tertulis 2\.$/,
    citation: jfCitation,
  },
  {
    rule: "SKJ-SOSIOKULTURAL",
    name: "reads the level from the national JF standard and cites its act",
    ctx: { jfStandard: { ...jfStandard!, levels: { ...jfStandard!.levels, "SK.01": 2 } } },
    paths: ["competencies[8].level"],
    message: /harus 2, standar nasional JF/,
    citation: jfCitation,
  },

  // SKJ-INDIKATOR-KINERJA
  {
    rule: "SKJ-INDIKATOR-KINERJA",
    name: "fires without indicators",
    change: (d) => void (d.requirements.performanceIndicators = []),
    paths: ["requirements.performanceIndicators"],
  },
  {
    rule: "SKJ-INDIKATOR-KINERJA",
    name: "fires when every indicator is blank",
    change: (d) => void (d.requirements.performanceIndicators = ["", "   "]),
    paths: ["requirements.performanceIndicators"],
  },
  {
    rule: "SKJ-INDIKATOR-KINERJA",
    name: "does not fire with one indicator",
    change: (d) => void d.requirements.performanceIndicators.push(" "),
    paths: [],
  },
];

function run(d: unknown, ctx: Partial<RuleContext> = {}): RuleResult[] {
  return validateSkj(d, { ...context, ...ctx });
}

describe("validateSkj: every rule", () => {
  it.each(cases)("$rule $name", ({ rule, change, ctx, paths, message, citation }) => {
    const d = administrator();
    change?.(d);
    const results = run(d, ctx);
    if (rule !== "SKJ-SCHEMA") expect(results.filter((r) => r.rule === "SKJ-SCHEMA")).toEqual([]);
    const hits = results.filter((r) => r.rule === rule);
    expect(hits.map((r) => r.path)).toEqual(paths);
    const definition = RULES.find((r) => r.code === rule)!;
    for (const hit of hits)
      expect(hit).toMatchObject({
        severity: definition.severity,
        citation: citation ?? definition.citation,
        message: expect.stringMatching(/\S/),
      });
    if (message) expect(hits[0]?.message).toMatch(message);
  });

  it("has, for every rule, a case where it fires and one where it does not", () => {
    for (const { code } of RULES) {
      expect(
        cases.some((c) => c.rule === code && c.paths.length > 0),
        `${code} fires`,
      ).toBe(true);
      expect(
        cases.some((c) => c.rule === code && c.paths.length === 0),
        `${code} silent`,
      ).toBe(true);
    }
  });

  it("gives zero results for a full valid administrator document", () => {
    expect(run(administrator())).toEqual([]);
  });

  it("gives zero results for a valid document of a central government without T.OTDA", () => {
    const d = administrator();
    withTechnical(d, 3, ["T.ANJAB", "T.KELEMBAGAAN", "T.TATALAKSANA"]);
    expect(run(d, pusat)).toEqual([]);
  });

  it("lists results in the order of RULES", () => {
    const d = administrator();
    d.requirements.performanceIndicators = [];
    d.position.name = "";
    row(d, "M.01").level = 9;
    const order = RULES.map((r) => r.code as string);
    const seen = run(d).map((r) => order.indexOf(r.rule));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.length).toBe(4); // LEVEL-RENTANG, MANAJERIAL-LEVEL, IDENTITAS, INDIKATOR-KINERJA
  });
});

describe("standard levels of every group and jenjang", () => {
  const keys = Object.keys(settings.standardLevels);
  const label = (key: string) => {
    const [group, level] = key.split(":");
    return level ? `${GROUP_LABELS.fungsional} ${FUNCTIONAL_LEVEL_LABELS[level]}` : GROUP_LABELS[group!];
  };

  it("covers the six non-fungsional groups and the eight jenjang", () => {
    expect(keys.sort()).toEqual(
      [
        ...["jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas", "pelaksana"],
        ...["ahli_utama", "ahli_madya", "ahli_muda", "ahli_pertama", "penyelia", "mahir", "terampil", "pemula"].map(
          (l) => `fungsional:${l}`,
        ),
      ].sort(),
    );
  });

  describe.each(keys)("%s", (key) => {
    const [group, functionalLevel = null] = key.split(":") as [PositionGroup, FunctionalLevel?];
    const draft = () => {
      const d = administrator();
      setPosition(d, group, functionalLevel);
      d.competencies = [
        ...expectedCompetencies(group, functionalLevel, settings, true),
        { code: "T.ANJAB", level: 2 },
        { code: "T.KELEMBAGAAN", level: 2 },
      ];
      return d;
    };
    const levelRules = (d: SkjDocument) => run(d).filter((r) => r.rule === "SKJ-MANAJERIAL-LEVEL" || r.rule === "SKJ-SOSIOKULTURAL");

    it("accepts the standard levels from the settings", () => {
      expect(levelRules(draft())).toEqual([]);
    });

    it.each([...MANAGERIAL.map(([c]) => c), "SK.01"])("refuses %s one level off", (code) => {
      const d = draft();
      const standard = settings.standardLevels[key]![code]!;
      const i = d.competencies.findIndex((c) => c.code === code);
      d.competencies[i]!.level = standard === 5 ? 4 : standard + 1;
      const hits = levelRules(d);
      expect(hits.map((r) => [r.rule, r.path])).toEqual([
        [code === "SK.01" ? "SKJ-SOSIOKULTURAL" : "SKJ-MANAJERIAL-LEVEL", `competencies[${i}].level`],
      ]);
      expect(hits[0]!.message).toContain(`harus ${standard}, standar level ${label(key)}`);
    });
  });

  it("reads each competency's own cell (fungsional:terampil has M.01 2 but M.03 1)", () => {
    const d = administrator();
    setPosition(d, "fungsional", "terampil");
    d.competencies = [
      ...expectedCompetencies("fungsional", "terampil", settings, true),
      { code: "T.ANJAB", level: 2 },
      { code: "T.KELEMBAGAAN", level: 2 },
    ];
    row(d, "M.03").level = 2;
    const hits = run(d).filter((r) => r.rule === "SKJ-MANAJERIAL-LEVEL");
    expect(hits.map((r) => r.message)).toEqual(["Level Komunikasi (M.03) harus 1, standar level Jabatan Fungsional Terampil; tertulis 2."]);
  });

  it("standardLevelFor reads the group or fungsional:<jenjang> key", () => {
    expect(standardLevelFor(settings, "administrator", null, "M.01")).toBe(3);
    expect(standardLevelFor(settings, "jpt_utama", null, "SK.01")).toBe(5);
    expect(standardLevelFor(settings, "fungsional", "terampil", "M.03")).toBe(1);
    expect(standardLevelFor(settings, "fungsional", "terampil", "M.01")).toBe(2);
    expect(standardLevelFor(settings, "fungsional", null, "M.01")).toBeNull();
    expect(standardLevelFor(settings, null, null, "M.01")).toBeNull();
    expect(standardLevelFor(settings, "administrator", null, "T.OTDA")).toBeNull();
  });
});

describe("expectedCompetencies", () => {
  it("pre-fills M.01…M.08, SK.01 and, in a regional government, T.OTDA at the SK.01 level", () => {
    expect(expectedCompetencies("administrator", null, settings, true)).toEqual([
      ...MANAGERIAL.map(([code]) => ({ code, level: 3 })),
      { code: "SK.01", level: 3 },
      { code: "T.OTDA", level: 3 },
    ]);
    expect(expectedCompetencies("fungsional", "terampil", settings, true).map((c) => c.level)).toEqual([2, 2, 1, 1, 1, 1, 1, 1, 2, 2]);
  });

  it("leaves T.OTDA out in a central government", () => {
    const rows = expectedCompetencies("pengawas", null, settings, false);
    expect(rows.map((c) => c.code)).toEqual([...MANAGERIAL.map(([code]) => code), "SK.01"]);
    expect(rows.every((c) => c.level === 2)).toBe(true);
  });
});

describe("schema failures", () => {
  it("gives one SKJ-SCHEMA error per path and runs no other rule", () => {
    const d = administrator() as unknown as Record<string, any>;
    d.position.group = "manager";
    d.position.extra = 1;
    d.competencies[3].code = 42;
    d.competencies[3].level = "3";
    delete d.requirements.rank;
    d.requirements.performanceIndicators = []; // would be SKJ-INDIKATOR-KINERJA on a valid shape
    d.position.name = ""; // would be SKJ-IDENTITAS
    const results = run(d);
    expect(results.every((r) => r.rule === "SKJ-SCHEMA" && r.severity === "error" && r.citation === "—")).toBe(true);
    expect(results.map((r) => r.path).sort()).toEqual(
      ["competencies[3].code", "competencies[3].level", "position.extra", "position.group", "requirements.rank"].sort(),
    );
    expect(results.find((r) => r.path === "position.extra")!.message).toMatch(/Kolom "extra" tidak dikenal/);
    expect(results.find((r) => r.path === "competencies[3].level")!.message).toBe("Level kompetensi harus berupa angka.");
    expect(results.find((r) => r.path === "requirements.rank")!.message).toMatch(/wajib ada/);
  });

  it.each([[null], [[]], ["SKJ"], [42]])('refuses %j as a whole with path ""', (input) => {
    expect(run(input)).toEqual([
      { rule: "SKJ-SCHEMA", severity: "error", path: "", message: "Dokumen SKJ harus berupa objek JSON.", citation: "—" },
    ]);
  });

  it("requires schemaVersion 1", () => {
    const d = { ...administrator(), schemaVersion: 2 };
    expect(run(d).map((r) => [r.rule, r.path, r.message])).toEqual([["SKJ-SCHEMA", "schemaVersion", "schemaVersion harus 1."]]);
  });

  it("accepts any number as a level so SKJ-LEVEL-RENTANG can report it", () => {
    const d = administrator();
    row(d, "T.ANJAB").level = 99.5;
    expect(SkjDocumentSchema.safeParse(d).success).toBe(true);
  });

  it("refuses a 1 MB summary", () => {
    const d = administrator();
    d.position.summary = "a".repeat(1024 * 1024);
    expect(SkjDocumentSchema.safeParse(d).success).toBe(false);
    expect(run(d).map((r) => [r.rule, r.path, r.message])).toEqual([
      ["SKJ-SCHEMA", "position.summary", "Ikhtisar jabatan maksimal 20.000 karakter."],
    ]);
    d.position.summary = "a".repeat(SKJ_SUMMARY_MAX);
    expect(SkjDocumentSchema.safeParse(d).success).toBe(true);
  });

  it("bounds the number of results for a huge broken payload", () => {
    const d = administrator() as unknown as Record<string, any>;
    // 50 rows (the maximum) × 5 problems each: 250 issues.
    d.competencies = Array.from({ length: 50 }, () => ({ code: 1, level: "x", a: 1, b: 2, c: 3 }));
    const results = run(d);
    expect(results.length).toBe(101);
    expect(results.at(-1)).toMatchObject({
      rule: "SKJ-SCHEMA",
      path: "",
      message: "Masih ada 150 kesalahan bentuk lain; perbaiki yang tercantum terlebih dahulu.",
    });
  });

  it("refuses more than the maximum number of rows without inspecting each", () => {
    const d = administrator() as unknown as Record<string, any>;
    d.competencies = Array.from({ length: 10_000 }, () => ({ code: "M.01", level: "x" }));
    expect(run(d).map((r) => r.path)).toEqual(["competencies"]);
  });

  it("formats paths as dotted keys with bracketed indexes", () => {
    expect(formatPath([])).toBe("");
    expect(formatPath(["competencies", 3, "code"])).toBe("competencies[3].code");
    expect(formatPath(["position", "a b"])).toBe('position["a b"]');
  });
});

describe("JSON Schema", () => {
  it("is generated from the zod schema", () => {
    const schema = skjDocumentJsonSchema() as any;
    expect(schema.type).toBe("object");
    expect(Object.keys(schema.properties)).toEqual(["schemaVersion", "position", "competencies", "requirements"]);
    expect(schema.required).toEqual(["schemaVersion", "position", "competencies", "requirements"]);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.position.properties.summary.maxLength).toBe(SKJ_SUMMARY_MAX);
    expect(JSON.stringify(schema.properties.position.properties.group)).toContain('"jpt_utama"');
    expect(schema.properties.requirements.properties.training.required).toEqual(["managerial", "technical", "functional"]);
    expect(JSON.stringify(schema.properties.requirements.properties.rank)).toContain('"IV/e"');
  });
});

describe("golongan and education", () => {
  it("copies the seeded pangkat names in order", () => {
    expect(GOLONGAN).toEqual(golonganSeed.golongan.map((g) => ({ code: g.code, pangkat: g.pangkat })));
    expect(EDUCATION).toEqual(golonganSeed.educationLevels.map((e) => ({ code: e.code, name: e.name })));
  });

  it("compares golongan by their order", () => {
    expect(GOLONGAN_CODES).toHaveLength(17);
    expect(compareRank("III/d", "IV/a")).toBeLessThan(0);
    expect(compareRank("IV/a", "IV/a")).toBe(0);
    expect(compareRank("IV/e", "I/a")).toBeGreaterThan(0);
    expect([...GOLONGAN_CODES].reverse().sort(compareRank)).toEqual([...GOLONGAN_CODES]);
  });

  it("compares education by their order, with D-IV equal to S-1", () => {
    expect(EDUCATION_LEVELS).toEqual(["SD", "SMP", "SMA", "D-I", "D-II", "D-III", "D-IV", "S-1", "S-2", "S-3"]);
    expect(compareEducation("D-III", "D-IV")).toBeLessThan(0);
    expect(compareEducation("D-IV", "S-1")).toBe(0);
    expect(compareEducation("S-2", "S-1")).toBeGreaterThan(0);
    expect(compareEducation("SD", "S-3")).toBeLessThan(0);
  });
});

describe("RULES", () => {
  it("holds exactly the codes and severities of contract §4, in its order", () => {
    expect(RULES.map((r) => [r.code, r.severity])).toEqual([
      ["SKJ-SCHEMA", "error"],
      ["SKJ-KOMPETENSI-TIDAK-DIKENAL", "error"],
      ["SKJ-KOMPETENSI-GANDA", "error"],
      ["SKJ-LEVEL-RENTANG", "error"],
      ["SKJ-MANAJERIAL-LENGKAP", "error"],
      ["SKJ-MANAJERIAL-LEVEL", "error"],
      ["SKJ-SOSIOKULTURAL", "error"],
      ["SKJ-TEKNIS-MIN", "error"],
      ["SKJ-TEKNIS-MAX", "error"],
      ["SKJ-TEKNIS-OTDA", "error"],
      ["SKJ-IDENTITAS", "error"],
      ["SKJ-JENJANG-FUNGSIONAL", "error"],
      ["SKJ-PANGKAT-MIN", "warning"],
      ["SKJ-PENDIDIKAN-MIN", "warning"],
      ["SKJ-PELATIHAN-MANAJERIAL", "warning"],
      ["SKJ-PENGALAMAN", "warning"],
      ["SKJ-PENGALAMAN-PP", "warning"],
      ["SKJ-INDIKATOR-KINERJA", "warning"],
      // an addition to contract §4 (issue 17 item 4)
      ["SKJ-STANDAR-JF", "warning"],
    ]);
  });

  it("cites the contract's basis", () => {
    const citation = (code: RuleCode) => RULES.find((r) => r.code === code)!.citation;
    expect(
      ["SKJ-SCHEMA", "SKJ-KOMPETENSI-TIDAK-DIKENAL", "SKJ-KOMPETENSI-GANDA", "SKJ-JENJANG-FUNGSIONAL"].map((c) => citation(c as RuleCode)),
    ).toEqual(["—", "—", "—", "—"]);
    expect(citation("SKJ-LEVEL-RENTANG")).toBe("Permenpan RB 38/2017");
    expect(citation("SKJ-TEKNIS-OTDA")).toBe("Pedoman KemenPANRB untuk pemerintah daerah");
    expect(citation("SKJ-PANGKAT-MIN")).toBe("Tabel kebiasaan PP 100/2000 jo. PP 13/2002 (pengaturan pangkat minimum; tidak mengikat)");
    expect(citation("SKJ-TEKNIS-MAX")).toBe(citation("SKJ-TEKNIS-MIN"));
    for (const r of RULES) expect(r.description).toMatch(/\S/);
  });

  it("hasBlockingErrors is true only when an error rule fires", () => {
    const d = administrator();
    expect(hasBlockingErrors(run(d))).toBe(false);
    d.requirements.experience = [];
    expect(run(d).map((r) => r.severity)).toEqual(["warning", "warning"]);
    expect(hasBlockingErrors(run(d))).toBe(false);
    d.position.summary = "";
    expect(hasBlockingErrors(run(d))).toBe(true);
  });
});
