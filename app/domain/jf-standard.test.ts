import { describe, expect, it } from "vitest";
import { REGULATION_CODES } from "./dictionary";
import {
  competenciesFromStandard,
  jfMatchKey,
  jfStandardCitation,
  JfStandardSchema,
  positionMatchKey,
  type JfStandard,
} from "./jf-standard";
import type { SkjDocument } from "./skj-document";
import { RULES, validateSkj, type RuleContext, type RuleSettings } from "./skj-rules";

// The group table says 2 everywhere for JF Penyelia; the standard says otherwise, so every assertion below
// tells which of the two the rules read.
const TABLE_LEVEL = 2;
const settings: RuleSettings = {
  standardLevels: { "fungsional:penyelia": Object.fromEntries(REGULATION_CODES.map((c) => [c, TABLE_LEVEL])) },
  minimumRankByEselon: {},
  lowestEselonByGroup: {},
  minimumEducationByGroup: {},
  leadershipTrainingByGroup: {},
  leadershipTrainingAliases: {} as RuleSettings["leadershipTrainingAliases"],
  minimumExperienceByGroup: {},
};

const standard: JfStandard = JfStandardSchema.parse({
  jf: "Perawat",
  jenjang: "Penyelia",
  instansiPembina: "Kementerian Kesehatan (contoh)",
  legalBasis: "Peraturan Contoh Nomor 1 Tahun 2026",
  levels: { "M.01": 3, "M.02": 3, "M.03": 3, "M.04": 3, "M.05": 4, "M.06": 3, "M.07": 3, "M.08": 3, "SK.01": 3 },
  technical: [
    { code: "T.ASUHAN", level: 4 },
    { code: "T.MUTU", level: 3 },
    { code: "T.TRIASE", level: 3 },
  ],
  example: true,
});

const UNIT = "DINKES.YANKEP";
const competencyNames: [string, string][] = [
  ...REGULATION_CODES.map((c): [string, string] => [c, c === "SK.01" ? "Perekat Bangsa" : `Manajerial ${c}`]),
  ["T.OTDA", "Advokasi Kebijakan Otonomi Daerah"],
  ["T.ASUHAN", "Asuhan Keperawatan"],
  ["T.MUTU", "Mutu Layanan Kesehatan"],
  ["T.TRIASE", "Triase"],
];
const context = (jfStandard: JfStandard | null): RuleContext => ({
  competencies: new Map(
    competencyNames.map(([code, name]) => [
      code,
      { type: code.startsWith("T.") ? "teknis" : code === "SK.01" ? "sosial_kultural" : "manajerial", name, published: true },
    ]),
  ),
  units: new Map([[UNIT, { echelon: null, name: "Seksi Pelayanan Keperawatan" }]]),
  settings,
  regionalGovernment: true,
  jfStandard,
});

const draftOf = (competencies: SkjDocument["competencies"]): SkjDocument => ({
  schemaVersion: 1,
  position: {
    code: "P",
    name: "Perawat Penyelia",
    group: "fungsional",
    functionalLevel: "penyelia",
    unitCode: UNIT,
    governmentAffair: "Kesehatan",
    summary: "Supervisi asuhan keperawatan.",
  },
  competencies,
  requirements: {
    rank: null,
    education: [],
    training: { managerial: [], technical: [], functional: [] },
    experience: [{ description: "Perawat Mahir", minYears: 2 }],
    performanceIndicators: ["Kepatuhan standar asuhan"],
  },
});

describe("national JF standard", () => {
  it("starts a draft with the standard's levels, T.OTDA in a regional government, then its technical competencies", () => {
    const rows = competenciesFromStandard(standard, true);
    expect(rows.find((r) => r.code === "M.05")).toEqual({ code: "M.05", level: 4 });
    expect(rows.map((r) => r.code).slice(REGULATION_CODES.length)).toEqual(["T.OTDA", "T.ASUHAN", "T.MUTU", "T.TRIASE"]);
    expect(rows.find((r) => r.code === "T.ASUHAN")?.level).toBe(4);
    expect(competenciesFromStandard(standard, false).some((r) => r.code === "T.OTDA")).toBe(false);
  });

  it("matches a functional position by '<JF> <jenjang>' ignoring case, spacing and punctuation", () => {
    expect(positionMatchKey({ name: "PERAWAT  penyelia", group: "fungsional", functionalLevel: "penyelia" })).toBe(
      jfMatchKey("Perawat", "penyelia"),
    );
    expect(positionMatchKey({ name: "Perawat Penyelia", group: "pelaksana", functionalLevel: null })).toBeNull();
    expect(jfMatchKey("Analis Sumber Daya Manusia Aparatur", "ahli_pertama")).toBe("analis sumber daya manusia aparatur ahli pertama");
  });

  it("reads the jenjang as the regulation writes it and refuses an unknown one in Indonesian", () => {
    expect(standard.jenjang).toBe("penyelia");
    const bad = JfStandardSchema.safeParse({ ...standard, jenjang: "Senior" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(/^Jenjang tidak dikenal\. Pilihan: Ahli Utama/);
  });

  it("refuses a technical competency listed twice and a managerial code among the technical ones", () => {
    const twice = JfStandardSchema.safeParse({ ...standard, technical: [...standard.technical, { code: "T.MUTU", level: 2 }] });
    expect(twice.error?.issues.map((i) => i.message)).toEqual(["Kompetensi T.MUTU tercantum lebih dari sekali."]);
    const managerial = JfStandardSchema.safeParse({ ...standard, technical: [{ code: "M.01", level: 3 }] });
    expect(managerial.error?.issues[0]?.message).toBe("Kode ini milik kamus peraturan dan tidak dapat dipakai.");
  });

  it("cites its legal basis and says when it is an example or unverified", () => {
    expect(jfStandardCitation(standard)).toBe(
      "Standar nasional JF Perawat Penyelia: Peraturan Contoh Nomor 1 Tahun 2026 (CONTOH — bukan teks resmi; belum diverifikasi)",
    );
    expect(jfStandardCitation({ ...standard, example: false, verified: true })).toBe(
      "Standar nasional JF Perawat Penyelia: Peraturan Contoh Nomor 1 Tahun 2026",
    );
  });
});

describe("rules with a national JF standard", () => {
  const fromStandard = () => competenciesFromStandard(standard, true);

  it("accepts the draft the standard starts, although the group table says otherwise", () => {
    expect(validateSkj(draftOf(fromStandard()), context(standard))).toEqual([]);
    // the same document without the standard breaks the group table's levels
    expect(validateSkj(draftOf(fromStandard()), context(null)).filter((r) => r.rule === "SKJ-MANAJERIAL-LEVEL")).toHaveLength(
      REGULATION_CODES.length - 1,
    );
  });

  it("reads the managerial and socio-cultural levels from the standard and cites its legal basis", () => {
    const rows = fromStandard().map((r) => (r.code === "M.05" || r.code === "SK.01" ? { ...r, level: TABLE_LEVEL } : r));
    const results = validateSkj(draftOf(rows), context(standard));
    expect(results.map((r) => [r.rule, r.path])).toEqual([
      ["SKJ-MANAJERIAL-LEVEL", "competencies[4].level"],
      ["SKJ-SOSIOKULTURAL", "competencies[8].level"],
    ]);
    expect(results[0]!.message).toBe(
      "Level Manajerial M.05 (M.05) harus 4, standar nasional JF Perawat Penyelia (Peraturan Contoh Nomor 1 Tahun 2026); tertulis 2.",
    );
    for (const r of results) expect(r.citation).toBe(jfStandardCitation(standard));
  });

  it("warns, citing the standard, when a technical competency of the standard is removed", () => {
    const rows = fromStandard().filter((r) => r.code !== "T.MUTU");
    const results = validateSkj(draftOf(rows), context(standard));
    // T.OTDA, T.ASUHAN and T.TRIASE remain: three, so the minimum rule stays quiet and only the warning fires
    expect(results.map((r) => r.rule)).toEqual(["SKJ-STANDAR-JF"]);
    const warning = results.find((r) => r.rule === "SKJ-STANDAR-JF")!;
    expect(warning).toMatchObject({ severity: "warning", path: "competencies", citation: jfStandardCitation(standard) });
    expect(warning.message).toBe(
      "Kompetensi teknis Mutu Layanan Kesehatan (T.MUTU) level 3 ditetapkan standar nasional JF Perawat Penyelia (Peraturan Contoh Nomor 1 Tahun 2026) tetapi tidak tercantum; cantumkan kembali atau tulis alasannya saat mengajukan.",
    );
  });

  it("does not warn about a technical level changed from the standard's, only about a removal", () => {
    const rows = fromStandard().map((r) => (r.code === "T.ASUHAN" ? { ...r, level: 2 } : r));
    expect(validateSkj(draftOf(rows), context(standard))).toEqual([]);
  });

  it("lists SKJ-STANDAR-JF as a warning rule", () => {
    expect(RULES.find((r) => r.code === "SKJ-STANDAR-JF")?.severity).toBe("warning");
  });
});
