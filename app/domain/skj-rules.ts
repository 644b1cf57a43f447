// The SKJ rules engine (contract §4). Pure: the editor runs it live in the browser and the server runs it on
// every save and submission, so both always agree.
//
// Paths: every result names the place it concerns in one JSON-path-like notation, without the "$" root:
// object keys joined by ".", array indexes in brackets, e.g. `position.group`, `competencies[3].code`,
// `requirements.education[0].level`; a key that is not a plain identifier is quoted, `position["a b"]`; the
// whole document is "". Rules about something absent point at the enclosing list (e.g. a missing M.01 →
// `competencies`), so the editor can jump to the section where it must be added.
//
// Results come in the order of RULES, and within a rule in document order, so the panel reads top-down.
import type { z } from "zod";
import { MANDATORY_TECHNICAL_CODE, REGULATION_CODES, type CompetencyType } from "./dictionary";
import { FUNCTIONAL_LEVEL_LABELS, GROUP_LABELS } from "./labels";
import { jfStandardCitation, jfStandardTitle, type JfStandardRef } from "./jf-standard";
import { equivalentTrainingNames, meetsLeadershipTraining, type TrainingAliases } from "./leadership-training";
import {
  SkjDocumentSchema,
  compareEducation,
  compareRank,
  golonganLabel,
  isEducationLevel,
  isGolongan,
  type EducationLevel,
  type SkjCompetency,
  type SkjDocument,
} from "./skj-document";
import { positionEchelon, type FunctionalLevel, type PositionGroup } from "./sotk";

const BASIS_PERMENPAN = "Permenpan RB 38/2017";
const BASIS_TEKNIS = "Permenpan RB 38/2017; Pedoman KemenPANRB";
// "idem" in the contract refers to the customary-table row; each rule names the setting it reads.
const customary = (setting: string) => `Tabel kebiasaan PP 100/2000 jo. PP 13/2002 (pengaturan ${setting}; tidak mengikat)`;
const NO_BASIS = "—";

export const RULES = [
  { code: "SKJ-SCHEMA", severity: "error", citation: NO_BASIS, description: "Kolom dokumen tidak ada atau jenis isinya salah." },
  {
    code: "SKJ-KOMPETENSI-TIDAK-DIKENAL",
    severity: "error",
    citation: NO_BASIS,
    description: "Kode kompetensi bukan entri kamus yang sudah diterbitkan.",
  },
  { code: "SKJ-KOMPETENSI-GANDA", severity: "error", citation: NO_BASIS, description: "Kode kompetensi tercantum lebih dari sekali." },
  { code: "SKJ-LEVEL-RENTANG", severity: "error", citation: BASIS_PERMENPAN, description: "Level kompetensi bukan bilangan bulat 1–5." },
  {
    code: "SKJ-MANAJERIAL-LENGKAP",
    severity: "error",
    citation: BASIS_PERMENPAN,
    description: "Kedelapan kompetensi manajerial (M.01–M.08) belum lengkap.",
  },
  {
    code: "SKJ-MANAJERIAL-LEVEL",
    severity: "error",
    citation: `${BASIS_PERMENPAN} (pengaturan standar level)`,
    description: "Level kompetensi manajerial berbeda dari standar level kelompok/jenjang jabatan.",
  },
  {
    code: "SKJ-SOSIOKULTURAL",
    severity: "error",
    citation: BASIS_PERMENPAN,
    description: "Perekat Bangsa (SK.01) tidak ada atau tidak pada standar level.",
  },
  { code: "SKJ-TEKNIS-MIN", severity: "error", citation: BASIS_TEKNIS, description: "Kompetensi teknis kurang dari 3." },
  { code: "SKJ-TEKNIS-MAX", severity: "error", citation: BASIS_TEKNIS, description: "Kompetensi teknis lebih dari 6." },
  {
    code: "SKJ-TEKNIS-OTDA",
    severity: "error",
    citation: "Pedoman KemenPANRB untuk pemerintah daerah",
    description: "Pemerintah daerah: Advokasi Kebijakan Otonomi Daerah (T.OTDA) belum dicantumkan.",
  },
  {
    code: "SKJ-IDENTITAS",
    severity: "error",
    citation: BASIS_PERMENPAN,
    description: "Nama jabatan, kelompok jabatan, unit kerja atau ikhtisar kosong, atau unit kerja tidak dikenal.",
  },
  {
    code: "SKJ-JENJANG-FUNGSIONAL",
    severity: "error",
    citation: NO_BASIS,
    description: "Jenjang diisi untuk jabatan nonfungsional, atau kosong untuk jabatan fungsional.",
  },
  {
    code: "SKJ-PANGKAT-MIN",
    severity: "warning",
    citation: customary("pangkat minimum"),
    description: "Pangkat di bawah pangkat terendah yang lazim untuk eselon jabatan.",
  },
  {
    code: "SKJ-PENDIDIKAN-MIN",
    severity: "warning",
    citation: customary("pendidikan minimum"),
    description: "Jenjang pendidikan di bawah pendidikan minimum kelompok jabatan.",
  },
  {
    code: "SKJ-PELATIHAN-MANAJERIAL",
    severity: "warning",
    citation: customary("pelatihan kepemimpinan"),
    description:
      "Jabatan struktural tanpa pelatihan kepemimpinannya (PKN Tingkat I/II, PKA, PKP, atau nama lama yang setara) atau yang lebih tinggi.",
  },
  { code: "SKJ-PENGALAMAN", severity: "warning", citation: BASIS_PERMENPAN, description: "Pengalaman kerja belum dicantumkan." },
  {
    code: "SKJ-PENGALAMAN-PP",
    severity: "warning",
    citation: "PP 11/2017 jo. PP 17/2020 (pengaturan pengalaman minimum)",
    description: "Tidak ada pengalaman tercantum yang mencapai lama minimum menurut PP 11/2017 jo. PP 17/2020 untuk kelompok jabatan.",
  },
  {
    code: "SKJ-INDIKATOR-KINERJA",
    severity: "warning",
    citation: BASIS_PERMENPAN,
    description: "Indikator kinerja jabatan belum dicantumkan.",
  },
  {
    code: "SKJ-STANDAR-JF",
    severity: "warning",
    citation: "Standar nasional JF yang ditetapkan instansi pembina",
    description: "Kompetensi teknis yang ditetapkan standar nasional JF jabatan ini tidak tercantum.",
  },
] as const satisfies readonly { code: string; severity: "error" | "warning"; citation: string; description: string }[];

export type RuleDefinition = (typeof RULES)[number];
export type RuleCode = RuleDefinition["code"];
export type RuleSeverity = "error" | "warning";

export type RuleResult = { rule: RuleCode; severity: RuleSeverity; path: string; message: string; citation: string };

/** The settings tables of seeds/reference/settings.json, as an admin may have edited them. */
export type RuleSettings = {
  /** "jpt_utama" … "pelaksana" and "fungsional:<level>" → {"M.01": n, …, "SK.01": n}. */
  standardLevels: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Eselon ("I.a" …) → lowest golongan ("IV/d" …). */
  minimumRankByEselon: Readonly<Record<string, string>>;
  /** Structural group → its lowest eselon, used when the unit has none. */
  lowestEselonByGroup: Readonly<Record<string, string>>;
  /** Keyed like standardLevels → education level ("S-1" …). */
  minimumEducationByGroup: Readonly<Record<string, string>>;
  /** Structural group → the name of its leadership training ("PKA" …). */
  leadershipTrainingByGroup: Readonly<Record<string, string>>;
  /** Tier ("pkn_i" … "pkp") → the names a training of that tier is written with. */
  leadershipTrainingAliases: TrainingAliases;
  /** Structural group → the minimum years of experience (absent: no minimum), the article and its quoted text. */
  minimumExperienceByGroup: Readonly<Record<string, MinimumExperience>>;
};

export type MinimumExperience = { years?: number; article?: string; text?: string };

export type RuleContext = {
  competencies: ReadonlyMap<string, { type: CompetencyType; name: string; published: boolean }>;
  units: ReadonlyMap<string, { echelon: string | null; name: string }>;
  settings: RuleSettings;
  regionalGovernment: boolean;
  /** The national standard of the position's JF and jenjang; its levels replace the group table's. */
  jfStandard?: JfStandardRef | null;
};

type GroupValue = PositionGroup | "" | null;
type FunctionalLevelValue = FunctionalLevel | "" | null;

const RULE_BY_CODE = new Map<RuleCode, RuleDefinition>(RULES.map((r) => [r.code, r]));
const MANAGERIAL_CODES = REGULATION_CODES.filter((c) => c.startsWith("M."));
const SOCIOCULTURAL_CODE = "SK.01";
// Names of contract §2, for messages when the dictionary passed in does not hold the entry.
const FIXED_NAMES: Readonly<Record<string, string>> = {
  "M.01": "Integritas",
  "M.02": "Kerja Sama",
  "M.03": "Komunikasi",
  "M.04": "Orientasi pada Hasil",
  "M.05": "Pelayanan Publik",
  "M.06": "Pengembangan Diri dan Orang Lain",
  "M.07": "Mengelola Perubahan",
  "M.08": "Pengambilan Keputusan",
  "SK.01": "Perekat Bangsa",
  [MANDATORY_TECHNICAL_CODE]: "Advokasi Kebijakan Otonomi Daerah",
};
const TECHNICAL_MIN = 3;
export const TECHNICAL_MAX = 6;
const LEVEL_MIN = 1;
const LEVEL_MAX = 5;
// Enough to fix a broken document; a payload with thousands of bad items should not produce thousands of results.
const SCHEMA_RESULTS_MAX = 100;
// Used by expectedCompetencies when the settings hold no standard level; the analyst sets the real one.
const PREFILL_LEVEL_FALLBACK = LEVEL_MIN;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Formats a path in the notation described at the top of this file. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else {
      const key = String(segment);
      out += IDENTIFIER.test(key) ? (out ? `.${key}` : key) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

export function hasBlockingErrors(results: readonly Pick<RuleResult, "severity">[]): boolean {
  return results.some((r) => r.severity === "error");
}

/** The settings key of a position: its group, or "fungsional:<level>"; null while it cannot be told. */
export function standardLevelKey(group: GroupValue, functionalLevel: FunctionalLevelValue): string | null {
  if (!group) return null;
  if (group === "fungsional") return functionalLevel ? `fungsional:${functionalLevel}` : null;
  return group;
}

/** The standard level of `code` for the position's group or functional level; null when the settings have none. */
export function standardLevelFor(
  settings: RuleSettings,
  group: GroupValue,
  functionalLevel: FunctionalLevelValue,
  code: string,
): number | null {
  const key = standardLevelKey(group, functionalLevel);
  const level = key ? settings.standardLevels[key]?.[code] : undefined;
  return typeof level === "number" && Number.isFinite(level) ? level : null;
}

/** The competency rows a new draft starts with: M.01…M.08 and SK.01 at their standard level, plus T.OTDA in a regional government. */
export function expectedCompetencies(
  group: GroupValue,
  functionalLevel: FunctionalLevelValue,
  settings: RuleSettings,
  regionalGovernment: boolean,
): SkjCompetency[] {
  const at = (code: string) => standardLevelFor(settings, group, functionalLevel, code) ?? PREFILL_LEVEL_FALLBACK;
  const rows: SkjCompetency[] = [...MANAGERIAL_CODES, SOCIOCULTURAL_CODE].map((code) => ({ code, level: at(code) }));
  // T.OTDA has no standard level of its own; the SK.01 level is a sensible start the analyst can change.
  if (regionalGovernment) rows.push({ code: MANDATORY_TECHNICAL_CODE, level: at(SOCIOCULTURAL_CODE) });
  return rows;
}

/** The group's minimum experience when the settings give it a number of years; the editor shows it as a hint. */
export function minimumExperienceFor(settings: RuleSettings, group: GroupValue): (MinimumExperience & { years: number }) | null {
  const minimum = group ? settings.minimumExperienceByGroup?.[group] : undefined;
  return minimum && typeof minimum.years === "number" && minimum.years > 0 ? { ...minimum, years: minimum.years } : null;
}

/** Every rule of contract §4 over `input`; a document of the wrong shape gets only its SKJ-SCHEMA results. */
export function validateSkj(input: unknown, context: RuleContext): RuleResult[] {
  const parsed = SkjDocumentSchema.safeParse(input);
  if (!parsed.success) return schemaResults(parsed.error);
  return evaluate(parsed.data, context);
}

function result(code: RuleCode, path: string, message: string, citation?: string): RuleResult {
  const rule = RULE_BY_CODE.get(code)!;
  return { rule: code, severity: rule.severity, path, message, citation: citation ?? rule.citation };
}

/**
 * Where a managerial or socio-cultural standard level comes from: the national standard of the JF when the
 * position has one, else the group table of the settings. `label` and `citation` name that source.
 */
export function standardLevelSource(
  context: Pick<RuleContext, "settings" | "jfStandard">,
  group: GroupValue,
  functionalLevel: FunctionalLevelValue,
): { levelOf: (code: string) => number | null; label: string; citation: string | null } {
  const standard = context.jfStandard;
  if (standard) {
    return {
      levelOf: (code) => standard.levels[code as keyof typeof standard.levels] ?? null,
      label: `standar nasional JF ${jfStandardTitle(standard)} (${standard.legalBasis})`,
      citation: jfStandardCitation(standard),
    };
  }
  return {
    levelOf: (code) => standardLevelFor(context.settings, group, functionalLevel, code),
    label: `standar level ${positionLabel(group, functionalLevel)}`,
    citation: null,
  };
}

function schemaResults(error: z.ZodError): RuleResult[] {
  const out: RuleResult[] = [];
  let dropped = 0;
  const add = (path: string, message: string) => {
    if (out.length < SCHEMA_RESULTS_MAX) out.push(result("SKJ-SCHEMA", path, message));
    else dropped++;
  };
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      // One result per stray key, so the path points at the key itself.
      for (const key of issue.keys)
        add(formatPath([...issue.path, key]), `Kolom "${key}" tidak dikenal dalam dokumen SKJ; hapus kolom ini atau periksa ejaannya.`);
    } else if (issue.path.length === 0 && issue.code === "invalid_type") {
      add("", "Dokumen SKJ harus berupa objek JSON.");
    } else {
      add(formatPath(issue.path), issue.message);
    }
  }
  if (dropped > 0)
    out.push(result("SKJ-SCHEMA", "", `Masih ada ${dropped} kesalahan bentuk lain; perbaiki yang tercantum terlebih dahulu.`));
  return out;
}

function evaluate(doc: SkjDocument, ctx: RuleContext): RuleResult[] {
  const out: RuleResult[] = [];
  const push = (code: RuleCode, path: string, message: string, citation?: string) => out.push(result(code, path, message, citation));
  const { position, competencies, requirements } = doc;
  const { settings } = ctx;
  const label = positionLabel(position.group, position.functionalLevel);
  const nameOf = (code: string) => competencyLabel(code, ctx);

  // The first row of each code is the one the level rules read; later rows are SKJ-KOMPETENSI-GANDA.
  const firstIndex = new Map<string, number>();
  competencies.forEach((c, i) => {
    if (!firstIndex.has(c.code)) firstIndex.set(c.code, i);
  });
  const known = (code: string) => {
    const entry = ctx.competencies.get(code);
    return entry?.published ? entry : undefined;
  };

  // SKJ-KOMPETENSI-TIDAK-DIKENAL
  competencies.forEach((c, i) => {
    const path = `competencies[${i}].code`;
    const entry = ctx.competencies.get(c.code);
    if (!c.code.trim())
      push("SKJ-KOMPETENSI-TIDAK-DIKENAL", path, `Kompetensi pada baris ${i + 1} belum dipilih; pilih kompetensi dari kamus.`);
    else if (!entry)
      push(
        "SKJ-KOMPETENSI-TIDAK-DIKENAL",
        path,
        `Kode kompetensi "${c.code}" tidak ada dalam kamus kompetensi; pilih dari kamus atau usulkan entri baru.`,
      );
    else if (!entry.published)
      push(
        "SKJ-KOMPETENSI-TIDAK-DIKENAL",
        path,
        `Kompetensi ${nameOf(c.code)} belum diterbitkan dalam kamus; SKJ hanya boleh memuat kompetensi yang sudah diterbitkan.`,
      );
  });

  // SKJ-KOMPETENSI-GANDA
  competencies.forEach((c, i) => {
    const first = firstIndex.get(c.code)!;
    if (first !== i)
      push(
        "SKJ-KOMPETENSI-GANDA",
        `competencies[${i}].code`,
        `Kompetensi ${nameOf(c.code)} tercantum lebih dari sekali (pertama pada baris ${first + 1}); hapus baris ini.`,
      );
  });

  // SKJ-LEVEL-RENTANG
  competencies.forEach((c, i) => {
    if (!isValidLevel(c.level))
      push(
        "SKJ-LEVEL-RENTANG",
        `competencies[${i}].level`,
        `Level ${nameOf(c.code)} harus bilangan bulat ${LEVEL_MIN} sampai ${LEVEL_MAX}; tertulis ${formatNumber(c.level)}.`,
      );
  });

  // SKJ-MANAJERIAL-LENGKAP
  for (const code of MANAGERIAL_CODES) {
    if (!firstIndex.has(code))
      push(
        "SKJ-MANAJERIAL-LENGKAP",
        "competencies",
        `Kompetensi manajerial ${nameOf(code)} belum dicantumkan; SKJ wajib memuat kedelapan kompetensi manajerial.`,
      );
  }

  // SKJ-MANAJERIAL-LEVEL: silent while the group or jenjang is unknown, which SKJ-IDENTITAS/SKJ-JENJANG-FUNGSIONAL report.
  const source = standardLevelSource(ctx, position.group, position.functionalLevel);
  for (const code of MANAGERIAL_CODES) {
    const i = firstIndex.get(code);
    const standard = source.levelOf(code);
    if (i === undefined || standard === null) continue;
    const level = competencies[i]!.level;
    if (level !== standard)
      push(
        "SKJ-MANAJERIAL-LEVEL",
        `competencies[${i}].level`,
        `Level ${nameOf(code)} harus ${formatNumber(standard)}, ${source.label}; tertulis ${formatNumber(level)}.`,
        source.citation ?? undefined,
      );
  }

  // SKJ-SOSIOKULTURAL
  {
    const i = firstIndex.get(SOCIOCULTURAL_CODE);
    const standard = source.levelOf(SOCIOCULTURAL_CODE);
    if (i === undefined)
      push("SKJ-SOSIOKULTURAL", "competencies", `Kompetensi sosial kultural ${nameOf(SOCIOCULTURAL_CODE)} belum dicantumkan.`);
    else if (standard !== null && competencies[i]!.level !== standard)
      push(
        "SKJ-SOSIOKULTURAL",
        `competencies[${i}].level`,
        `Level ${nameOf(SOCIOCULTURAL_CODE)} harus ${formatNumber(standard)}, ${source.label}; tertulis ${formatNumber(competencies[i]!.level)}.`,
        source.citation ?? undefined,
      );
  }

  // SKJ-TEKNIS-MIN / -MAX: distinct published technical entries; an unknown code cannot be counted as technical.
  let technical = 0;
  for (const code of firstIndex.keys()) if (known(code)?.type === "teknis") technical++;
  const uncounted = [...firstIndex.keys()].some((code) => code.trim() && !known(code));
  if (technical < TECHNICAL_MIN)
    push(
      "SKJ-TEKNIS-MIN",
      "competencies",
      `Baru ${technical} kompetensi teknis yang tercantum; SKJ memerlukan paling sedikit ${TECHNICAL_MIN} kompetensi teknis` +
        (uncounted ? " (kode yang tidak dikenal atau belum diterbitkan tidak dihitung)." : "."),
    );
  if (technical > TECHNICAL_MAX)
    push(
      "SKJ-TEKNIS-MAX",
      "competencies",
      `Tercantum ${technical} kompetensi teknis; paling banyak ${TECHNICAL_MAX}. Pertahankan yang paling menentukan keberhasilan jabatan.`,
    );

  // SKJ-TEKNIS-OTDA
  if (ctx.regionalGovernment && !firstIndex.has(MANDATORY_TECHNICAL_CODE))
    push(
      "SKJ-TEKNIS-OTDA",
      "competencies",
      `Instansi ini pemerintah daerah, sehingga SKJ wajib memuat kompetensi teknis ${nameOf(MANDATORY_TECHNICAL_CODE)}.`,
    );

  // SKJ-IDENTITAS
  if (!position.name.trim()) push("SKJ-IDENTITAS", "position.name", "Nama jabatan belum diisi.");
  if (!position.group) push("SKJ-IDENTITAS", "position.group", "Kelompok jabatan belum dipilih.");
  const unit = ctx.units.get(position.unitCode);
  if (!position.unitCode.trim()) push("SKJ-IDENTITAS", "position.unitCode", "Unit kerja belum dipilih.");
  else if (!unit)
    push(
      "SKJ-IDENTITAS",
      "position.unitCode",
      `Unit kerja dengan kode "${position.unitCode}" tidak terdaftar dalam SOTK; pilih unit kerja yang terdaftar.`,
    );
  if (!position.summary.trim()) push("SKJ-IDENTITAS", "position.summary", "Ikhtisar jabatan belum diisi.");

  // SKJ-JENJANG-FUNGSIONAL
  if (position.group === "fungsional" && !position.functionalLevel)
    push(
      "SKJ-JENJANG-FUNGSIONAL",
      "position.functionalLevel",
      "Jenjang jabatan fungsional belum dipilih; setiap jabatan fungsional mempunyai jenjang (Ahli Utama sampai Pemula).",
    );
  if (position.group !== "fungsional" && position.functionalLevel)
    push(
      "SKJ-JENJANG-FUNGSIONAL",
      "position.functionalLevel",
      `Jenjang ${FUNCTIONAL_LEVEL_LABELS[position.functionalLevel] ?? position.functionalLevel} hanya untuk jabatan fungsional, sedangkan kelompok jabatan ini ${position.group ? label : "belum dipilih"}; kosongkan jenjang atau ubah kelompok jabatan.`,
    );

  // SKJ-PANGKAT-MIN: a structural position holds its unit's eselon; otherwise the group's lowest eselon.
  if (position.group) {
    const unitEselon = positionEchelon(position.group, unit?.echelon ?? null);
    const eselon = unitEselon ?? settings.lowestEselonByGroup[position.group] ?? null;
    const minimum = eselon ? settings.minimumRankByEselon[eselon] : undefined;
    if (isGolongan(minimum)) {
      const basis = unitEselon && unit ? `eselon ${eselon} (${unit.name})` : `eselon ${eselon}, eselon terendah ${label}`;
      const rank = requirements.rank;
      if (!rank)
        push(
          "SKJ-PANGKAT-MIN",
          "requirements.rank",
          `Pangkat/golongan belum diisi; pangkat terendah yang lazim untuk ${basis} adalah ${golonganLabel(minimum)}.`,
        );
      else if (compareRank(rank, minimum) < 0)
        push(
          "SKJ-PANGKAT-MIN",
          "requirements.rank",
          `Pangkat ${golonganLabel(rank)} di bawah pangkat terendah yang lazim untuk ${basis}, yaitu ${golonganLabel(minimum)}.`,
        );
    }
  }

  // SKJ-PENDIDIKAN-MIN: the highest level listed is what a candidate must reach.
  {
    const key = standardLevelKey(position.group, position.functionalLevel);
    const minimum = key ? settings.minimumEducationByGroup[key] : undefined;
    if (isEducationLevel(minimum)) {
      let top: { level: EducationLevel; index: number } | null = null;
      for (const [index, e] of requirements.education.entries()) {
        if (!top || compareEducation(e.level, top.level) > 0) top = { level: e.level, index };
      }
      const minText = educationText(minimum);
      if (!top)
        push(
          "SKJ-PENDIDIKAN-MIN",
          "requirements.education",
          `Kualifikasi pendidikan belum diisi; pendidikan minimum ${label} adalah ${minText}.`,
        );
      else if (compareEducation(top.level, minimum) < 0)
        push(
          "SKJ-PENDIDIKAN-MIN",
          `requirements.education[${top.index}].level`,
          `Jenjang pendidikan tertinggi yang tercantum, ${top.level}, di bawah pendidikan minimum ${label}, yaitu ${minText}.`,
        );
    }
  }

  // SKJ-PELATIHAN-MANAJERIAL
  {
    const required = position.group ? settings.leadershipTrainingByGroup[position.group]?.trim() : undefined;
    if (required) {
      if (!meetsLeadershipTraining(requirements.training.managerial, required, settings.leadershipTrainingAliases)) {
        const [longName, ...others] = equivalentTrainingNames(required, settings.leadershipTrainingAliases);
        push(
          "SKJ-PELATIHAN-MANAJERIAL",
          "requirements.training.managerial",
          `Pelatihan kepemimpinan untuk ${label}, ${required}${longName ? ` (${longName})` : ""}, belum tercantum pada pelatihan manajerial` +
            (others.length
              ? `; nama lain yang setara, seperti ${others.slice(0, 3).join(", ")}, dan pelatihan yang lebih tinggi juga diterima.`
              : "."),
        );
      }
    }
  }

  // SKJ-PENGALAMAN: a row with a blank description states nothing.
  if (!requirements.experience.some((e) => e.description.trim()))
    push(
      "SKJ-PENGALAMAN",
      "requirements.experience",
      "Pengalaman kerja belum diisi; cantumkan pengalaman yang diperlukan beserta lamanya.",
    );

  // SKJ-PENGALAMAN-PP: a row counts when it says what the experience is; the longest one must reach the minimum.
  {
    const minimum = minimumExperienceFor(settings, position.group);
    if (minimum) {
      const longest = Math.max(0, ...requirements.experience.filter((e) => e.description.trim()).map((e) => e.minYears ?? 0));
      if (longest < minimum.years)
        push(
          "SKJ-PENGALAMAN-PP",
          "requirements.experience",
          `Tidak ada pengalaman yang tercantum selama paling singkat ${formatNumber(minimum.years)} tahun, syarat ${label} menurut PP 11/2017 jo. PP 17/2020` +
            (minimum.article?.trim() ? ` (${minimum.article.trim()})` : "") +
            (longest > 0 ? `; yang terlama tercantum ${formatNumber(longest)} tahun.` : "."),
        );
    }
  }

  // SKJ-INDIKATOR-KINERJA
  if (!requirements.performanceIndicators.some((p) => p.trim()))
    push(
      "SKJ-INDIKATOR-KINERJA",
      "requirements.performanceIndicators",
      "Indikator kinerja jabatan belum diisi; cantumkan paling sedikit satu indikator yang terukur.",
    );

  // SKJ-STANDAR-JF: the analyst may leave out what the instansi pembina set, but not without being told.
  if (ctx.jfStandard) {
    const standard = ctx.jfStandard;
    for (const t of standard.technical) {
      if (!firstIndex.has(t.code))
        push(
          "SKJ-STANDAR-JF",
          "competencies",
          `Kompetensi teknis ${nameOf(t.code)} level ${t.level} ditetapkan standar nasional JF ${jfStandardTitle(standard)} (${standard.legalBasis}) tetapi tidak tercantum; cantumkan kembali atau tulis alasannya saat mengajukan.`,
          jfStandardCitation(standard),
        );
    }
  }

  return out;
}

function isValidLevel(level: number): boolean {
  return Number.isInteger(level) && level >= LEVEL_MIN && level <= LEVEL_MAX;
}

function positionLabel(group: GroupValue, functionalLevel: FunctionalLevelValue): string {
  if (!group) return "jabatan ini";
  const base = GROUP_LABELS[group] ?? group;
  return group === "fungsional" && functionalLevel ? `${base} ${FUNCTIONAL_LEVEL_LABELS[functionalLevel] ?? functionalLevel}` : base;
}

function competencyLabel(code: string, ctx: RuleContext): string {
  const name = ctx.competencies.get(code)?.name || FIXED_NAMES[code];
  return name ? `${name} (${code})` : `"${code}"`;
}

function educationText(level: EducationLevel): string {
  return level === "S-1" || level === "D-IV" ? "S-1/D-IV" : level;
}

/** Indonesian decimal comma: 2.5 → "2,5". */
function formatNumber(n: number): string {
  return String(n).replace(".", ",");
}
