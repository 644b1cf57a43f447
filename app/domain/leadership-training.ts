// Leadership training (pelatihan kepemimpinan) as real SKJ write it. Since 2000 the same four tiers have
// carried different names: Diklatpim I–IV under PP 101/2000, PKN Tingkat I/II, PKA and PKP under the LAN
// rules of 2019, plus local spellings ("Diklat PIM III", "PKN Tk. 2", "Pelatihan Kepemimpinan Pratama").
// Which name belongs to which tier is an admin setting (`leadershipTrainingAliases`), seeded unverified;
// this module only reads names against that table. Pure: the editor and the server share it.

/** The tiers, highest first: a training of a higher tier satisfies a lower requirement. */
export const TRAINING_TIERS = ["pkn_i", "pkn_ii", "pka", "pkp"] as const;
export type TrainingTier = (typeof TRAINING_TIERS)[number];

export type TrainingAliases = Readonly<Partial<Record<TrainingTier, readonly string[]>>>;

export const TRAINING_TIER_LABELS: Record<TrainingTier, string> = {
  pkn_i: "Tingkat PKN I (JPT utama dan madya)",
  pkn_ii: "Tingkat PKN II (JPT pratama)",
  pka: "Tingkat PKA (administrator)",
  pkp: "Tingkat PKP (pengawas)",
};

const ROMAN: Readonly<Record<string, string>> = { "1": "i", "2": "ii", "3": "iii", "4": "iv" };
// Words that spell the tier out without changing it: "PKN Tingkat II" = "PKN II", "Tk." = "Tingkat".
const FILLER_WORDS = new Set(["tingkat", "tk"]);

/**
 * Lower case, punctuation as spaces, "tingkat"/"tk" dropped, "diklatpim" split into "diklat pim" and the
 * digits 1–4 written as roman numerals, so "Diklatpim Tk. 3" and "Diklat PIM III" read alike. Matching then
 * compares whole words, so "pkn i" never matches inside "pkn ii".
 */
export function normaliseTrainingName(name: string): string {
  const out: string[] = [];
  for (const word of name
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)) {
    if (!word || FILLER_WORDS.has(word)) continue;
    if (word === "diklatpim") out.push("diklat", "pim");
    else out.push(ROMAN[word] ?? word);
  }
  return out.join(" ");
}

const containsWords = (text: string, words: string) => words !== "" && ` ${text} `.includes(` ${words} `);

/** The highest tier a written training reaches, or null when no alias of the table appears in it. */
export function trainingTier(written: string, aliases: TrainingAliases): TrainingTier | null {
  const text = normaliseTrainingName(written);
  for (const tier of TRAINING_TIERS) {
    if ((aliases[tier] ?? []).some((alias) => containsWords(text, normaliseTrainingName(alias)))) return tier;
  }
  return null;
}

/** The tier of a required name written exactly as one alias (the setting per group holds such a name). */
function requiredTier(required: string, aliases: TrainingAliases): TrainingTier | null {
  const wanted = normaliseTrainingName(required);
  return TRAINING_TIERS.find((tier) => (aliases[tier] ?? []).some((alias) => normaliseTrainingName(alias) === wanted)) ?? null;
}

/**
 * Whether the listed managerial trainings satisfy the required one: any training of its tier or a higher
 * one. A required name the alias table does not know is matched by its own words only.
 */
export function meetsLeadershipTraining(listed: readonly string[], required: string, aliases: TrainingAliases): boolean {
  const tier = requiredTier(required, aliases);
  if (tier === null) {
    const wanted = normaliseTrainingName(required);
    return listed.some((t) => containsWords(normaliseTrainingName(t), wanted));
  }
  const rank = TRAINING_TIERS.indexOf(tier);
  return listed.some((t) => {
    const reached = trainingTier(t, aliases);
    return reached !== null && TRAINING_TIERS.indexOf(reached) <= rank;
  });
}

/** Other names of the required training's tier, for the message ("Diklatpim III, Pelatihan Kepemimpinan Administrator"). */
export function equivalentTrainingNames(required: string, aliases: TrainingAliases): string[] {
  const tier = requiredTier(required, aliases);
  if (tier === null) return [];
  const own = normaliseTrainingName(required);
  return (aliases[tier] ?? []).filter((alias) => normaliseTrainingName(alias) !== own);
}
