import { describe, expect, it } from "vitest";
import settingsSeed from "../../seeds/reference/settings.json";
import {
  equivalentTrainingNames,
  meetsLeadershipTraining,
  normaliseTrainingName,
  trainingTier,
  type TrainingAliases,
} from "./leadership-training";

const aliases = settingsSeed.settings.find((s) => s.key === "leadershipTrainingAliases")!.value as TrainingAliases;

describe("normaliseTrainingName", () => {
  it.each([
    ["Diklatpim Tk. 3", "diklat pim iii"],
    ["Diklat PIM III", "diklat pim iii"],
    ["DIKLATPIM III", "diklat pim iii"],
    ["PKN Tingkat II", "pkn ii"],
    ["PKN Tk.II", "pkn ii"],
    ["Pelatihan  Kepemimpinan\u00a0Nasional Tingkat I", "pelatihan kepemimpinan nasional i"],
  ])("%s → %s", (written, normal) => expect(normaliseTrainingName(written)).toBe(normal));
});

describe("trainingTier with the seeded alias table", () => {
  // the spellings of real SKJ books (issue 14) and their tier
  it.each([
    ["Diklat PIM III", "pka"],
    ["Diklatpim Tingkat III Angkatan XII", "pka"],
    ["Pelatihan Kepemimpinan Pratama", "pkn_ii"],
    ["Pelatihan Kepemimpinan Nasional Tingkat II", "pkn_ii"],
    ["Pelatihan Kepemimpinan Nasional Tingkat I", "pkn_i"],
    ["PKN Tingkat I Angkatan LII", "pkn_i"],
    ["Pelatihan Kepemimpinan Administrator", "pka"],
    ["Pelatihan Kepemimpinan Pengawas", "pkp"],
    ["PKP", "pkp"],
    ["Diklat PIM IV", "pkp"],
    ["Diklat Kepemimpinan Tingkat II", "pkn_ii"],
  ])("%s is %s", (written, tier) => expect(trainingTier(written, aliases)).toBe(tier));

  it("never reads tier I inside tier II, nor a training that is not leadership", () => {
    expect(trainingTier("PKN Tingkat II", aliases)).toBe("pkn_ii");
    expect(trainingTier("Diklat PIM II", aliases)).toBe("pkn_ii");
    expect(trainingTier("Pelatihan Analisis Jabatan", aliases)).toBeNull();
    expect(trainingTier("Bimtek PKAPKP", aliases)).toBeNull();
  });

  it("takes the highest tier when one line names two", () => {
    expect(trainingTier("Diklatpim IV dan Diklatpim III", aliases)).toBe("pka");
  });
});

describe("meetsLeadershipTraining", () => {
  it("accepts the required tier under any of its names, and any higher tier", () => {
    expect(meetsLeadershipTraining(["Diklat PIM III"], "PKA", aliases)).toBe(true);
    expect(meetsLeadershipTraining(["Pelatihan Kepemimpinan Nasional Tingkat II"], "PKA", aliases)).toBe(true);
    expect(meetsLeadershipTraining(["Pelatihan Kepemimpinan Pratama"], "PKN Tingkat II", aliases)).toBe(true);
  });

  it("refuses a lower tier", () => {
    expect(meetsLeadershipTraining(["Diklat PIM IV"], "PKA", aliases)).toBe(false);
    expect(meetsLeadershipTraining(["Pelatihan Kepemimpinan Pratama"], "PKN Tingkat I", aliases)).toBe(false);
  });

  it("falls back to the required name's own words when the table does not know it", () => {
    expect(meetsLeadershipTraining(["Sespim Polri angkatan 60"], "Sespim", aliases)).toBe(true);
    expect(meetsLeadershipTraining(["PKA"], "Sespim", aliases)).toBe(false);
    expect(meetsLeadershipTraining(["Diklat PIM III"], "PKA", {})).toBe(false);
  });

  it("names the other spellings of the required tier for the message", () => {
    expect(equivalentTrainingNames("PKA", aliases)).toEqual([
      "Pelatihan Kepemimpinan Administrator",
      "Diklatpim Tingkat III",
      "Diklat PIM III",
      "Diklat Kepemimpinan Tingkat III",
    ]);
    expect(equivalentTrainingNames("Sespim", aliases)).toEqual([]);
  });
});
