// The rows of "III. PERSYARATAN JABATAN" by their printed labels, and their texts as §3 requirements.
import type { Importance, ImportanceRow, SkjRequirements } from "../skj-document";
import { fold, isBlankValue, listItems } from "./text";
import { parseEducationCombined, parseEducationLevels, parseExperience, parseFields, parseRank } from "./values";
import type { LegacyProblem } from "./read-skj";

/** An importance row, or "education"/"training" for a heading row (that may print its own text). */
export type RequirementKey = ImportanceRow | "education" | "training";

/** The row a printed label names; sub-rows ("a. Manajerial") are read under the heading above them. */
export function requirementKeyOf(label: string, parent: "education" | "training" | null): RequirementKey | null {
  const t = fold(label).replace(/^(?:(?:\d{1,2}|[a-h]) )+/, "");
  if (/^(pendidikan|kualifikasi pendidikan|pendidikan formal)$/.test(t)) return "education";
  if (/^(jenjang( pendidikan)?|tingkat pendidikan|pendidikan jenjang)$/.test(t)) return "educationLevel";
  if (/^(bidang ilmu|bidang( pendidikan)?|jurusan|program studi|bidang studi|kualifikasi)$/.test(t)) return "educationFields";
  if (/^(pelatihan|diklat|pendidikan dan pelatihan)$/.test(t)) return "training";
  if (/^(pelatihan |diklat )?(manajerial|kepemimpinan|struktural|pim)$/.test(t))
    return parent === "education" ? null : "trainingManagerial";
  if (/^(pelatihan |diklat )?teknis$/.test(t)) return "trainingTechnical";
  if (/^(pelatihan |diklat )?fungsional$/.test(t)) return "trainingFunctional";
  if (/^pengalaman( kerja| jabatan)?$/.test(t)) return "experience";
  if (/^(pangkat|pangkat golongan( ruang)?|golongan( ruang)?|pangkat gol( ruang)?)$/.test(t)) return "rank";
  if (/^indikator kinerja( jabatan)?$/.test(t)) return "performanceIndicators";
  return null;
}

/** §3 requirements from the printed texts; what cannot be read is a problem, never silently lost. */
export function requirementsOf(
  texts: Partial<Record<RequirementKey, string>>,
  ticks: Partial<Record<RequirementKey, Importance>>,
  problems: LegacyProblem[],
): SkjRequirements {
  const levels = parseEducationLevels(texts.educationLevel ?? "");
  for (const part of levels.unknown)
    problems.push({
      path: "requirements.education",
      message: `Jenjang pendidikan "${part}" tidak dikenal (contoh yang dikenal: SMA, D-III, S-1/D-IV, S-2).`,
    });
  const fields = parseFields(texts.educationFields ?? "");
  const combined = parseEducationCombined(texts.education ?? "");
  const allLevels = [...levels.levels, ...combined.levels.filter((l) => !levels.levels.includes(l))];
  const allFields = [...fields, ...combined.fields.filter((f) => !fields.includes(f))];
  if (allLevels.length === 0 && allFields.length > 0)
    problems.push({ path: "requirements.education", message: `Bidang ilmu "${allFields.join(", ")}" tercetak tanpa jenjang pendidikan.` });

  const rankText = texts.rank ?? "";
  const rank = isBlankValue(rankText) ? null : parseRank(rankText);
  if (!isBlankValue(rankText) && rank === null)
    problems.push({
      path: "requirements.rank",
      message: `Pangkat "${rankText}" tidak terbaca sebagai golongan ruang (contoh: "Penata Tingkat I (III/d)").`,
    });

  const importance: NonNullable<SkjRequirements["importance"]> = {};
  for (const [key, value] of Object.entries(ticks) as [RequirementKey, Importance][]) {
    if (key === "education") {
      importance.educationLevel ??= value;
      importance.educationFields ??= value;
    } else if (key !== "training") importance[key] = value;
  }
  return {
    rank,
    education: allLevels.map((level) => ({ level, fields: [...allFields] })),
    training: {
      managerial: listItems(texts.trainingManagerial ?? ""),
      technical: listItems(texts.trainingTechnical ?? ""),
      functional: listItems(texts.trainingFunctional ?? ""),
    },
    experience: listItems(texts.experience ?? "").map(parseExperience),
    performanceIndicators: listItems(texts.performanceIndicators ?? ""),
    importance,
  };
}
