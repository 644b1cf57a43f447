import { describe, expect, it } from "vitest";
import seed from "~seeds/reference/settings.json";
import {
  cellFieldName,
  describeSettingChanges,
  GROUP_KEYS,
  rowFieldName,
  SETTING_KEYS,
  SETTING_SCHEMAS,
  settingErrorsOf,
  settingFormInput,
  settingUpdateSchema,
  splitCellMessage,
  STANDARD_LEVEL_CODES,
  type SettingKey,
} from "./settings";

const seeded = (key: SettingKey): unknown => structuredClone(seed.settings.find((s) => s.key === key)!.value);

/** The messages a schema gives for a value, keyed by path. */
function issuesOf(key: SettingKey, value: unknown): Record<string, string> {
  const result = SETTING_SCHEMAS[key].safeParse(value);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("|"), i.message]));
}

describe("setting schemas", () => {
  it("cover exactly the seeded keys", () => {
    expect(seed.settings.map((s) => s.key).sort()).toEqual([...SETTING_KEYS].sort());
  });

  it.each(SETTING_KEYS)("accept the seeded default of %s", (key) => {
    const result = SETTING_SCHEMAS[key].safeParse(seeded(key));
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it("keep the seeded values, dropping only the eselon V.a row that no unit can hold", () => {
    for (const key of SETTING_KEYS) {
      const expected = seeded(key) as Record<string, unknown>;
      if (key === "minimumRankByEselon") delete expected["V.a"];
      expect(SETTING_SCHEMAS[key].parse(seeded(key)), key).toEqual(expected);
    }
  });

  it("name the standard-level cell that is out of range, fractional, a string or missing", () => {
    const value = seeded("standardLevels") as Record<string, Record<string, unknown>>;
    value["fungsional:ahli_muda"]!["M.01"] = 6;
    value.administrator!["SK.01"] = 2.5;
    value.jpt_utama!["M.08"] = "5";
    delete value.pelaksana!["M.03"];
    expect(issuesOf("standardLevels", value)).toEqual({
      "fungsional:ahli_muda|M.01": "Standar level JF Ahli Muda, Integritas (M.01): harus bilangan bulat 1–5.",
      "administrator|SK.01": "Standar level Administrator, Perekat Bangsa (SK.01): harus bilangan bulat 1–5.",
      "jpt_utama|M.08": "Standar level JPT Utama, Pengambilan Keputusan (M.08): harus bilangan bulat 1–5.",
      "pelaksana|M.03": "Standar level Pelaksana, Komunikasi (M.03): harus bilangan bulat 1–5.",
    });
    const zero = seeded("standardLevels") as Record<string, Record<string, unknown>>;
    zero.pengawas!["M.05"] = 0;
    expect(issuesOf("standardLevels", zero)).toEqual({
      "pengawas|M.05": "Standar level Pengawas, Pelayanan Publik (M.05): harus bilangan bulat 1–5.",
    });
  });

  it("require every one of the 14 groups in the standard levels", () => {
    const value = seeded("standardLevels") as Record<string, unknown>;
    delete value["fungsional:pemula"];
    expect(issuesOf("standardLevels", value)).toEqual({ "fungsional:pemula": "Standar level JF Pemula: baris wajib diisi lengkap." });
    expect(GROUP_KEYS).toHaveLength(14);
  });

  it("name the eselon whose minimum rank is not a golongan ruang, and require all eight", () => {
    const value = seeded("minimumRankByEselon") as Record<string, unknown>;
    value["III.a"] = "IV/f";
    delete value["IV.b"];
    expect(issuesOf("minimumRankByEselon", value)).toEqual({
      "III.a": "Pangkat terendah eselon III.a: pilih golongan ruang I/a–IV/e.",
      "IV.b": "Pangkat terendah eselon IV.b: pilih golongan ruang I/a–IV/e.",
    });
  });

  it("name the group whose lowest eselon is unknown", () => {
    const value = seeded("lowestEselonByGroup") as Record<string, unknown>;
    value.pengawas = "V.a";
    expect(issuesOf("lowestEselonByGroup", value)).toEqual({ pengawas: "Eselon terendah Pengawas: pilih eselon I.a–IV.b." });
  });

  it("let a group have no minimum education, but name a level that does not exist", () => {
    const value = seeded("minimumEducationByGroup") as Record<string, unknown>;
    expect(value).not.toHaveProperty("pelaksana");
    value["fungsional:mahir"] = "S-4";
    expect(issuesOf("minimumEducationByGroup", value)).toEqual({
      "fungsional:mahir": "Pendidikan minimum JF Mahir: pilih jenjang pendidikan yang tersedia.",
    });
    expect(issuesOf("minimumEducationByGroup", {})).toEqual({});
  });

  it("require a leadership training name of at most 100 characters, trimmed", () => {
    const value = seeded("leadershipTrainingByGroup") as Record<string, unknown>;
    value.administrator = "   ";
    value.pengawas = "P".repeat(101);
    expect(issuesOf("leadershipTrainingByGroup", value)).toEqual({
      administrator: "Pelatihan kepemimpinan Administrator: wajib diisi.",
      pengawas: "Pelatihan kepemimpinan Pengawas: maksimal 100 karakter.",
    });
    const padded = { ...(seeded("leadershipTrainingByGroup") as object), pengawas: "  PKP  " };
    expect(SETTING_SCHEMAS.leadershipTrainingByGroup.parse(padded).pengawas).toBe("PKP");
  });

  it("take only a boolean for regionalGovernment", () => {
    expect(issuesOf("regionalGovernment", "ya")).toEqual({ "": "Instansi pemerintah daerah: harus ya atau tidak." });
    expect(SETTING_SCHEMAS.regionalGovernment.parse(false)).toBe(false);
  });

  it("require a source note of at most 2,000 characters", () => {
    const schema = settingUpdateSchema("regionalGovernment");
    expect(schema.safeParse({ value: true, sourceNote: " ", verified: false }).error?.issues.map((i) => i.message)).toEqual([
      "Catatan sumber wajib diisi.",
    ]);
    expect(schema.safeParse({ value: true, sourceNote: "x".repeat(2_001), verified: false }).error?.issues.map((i) => i.message)).toEqual([
      "Catatan sumber maksimal 2.000 karakter.",
    ]);
    expect(schema.safeParse({ value: true, sourceNote: "x".repeat(2_000), verified: true }).success).toBe(true);
  });
});

describe("the settings form", () => {
  const reader = (fields: Record<string, string>) => (name: string) => fields[name] ?? null;

  it("reads a standard-level grid into numbers and puts each error on its cell", () => {
    const fields: Record<string, string> = { sourceNote: "Catatan", verified: "on" };
    const levels = seeded("standardLevels") as Record<string, Record<string, number>>;
    for (const group of GROUP_KEYS)
      for (const code of STANDARD_LEVEL_CODES) fields[cellFieldName(group, code)] = String(levels[group]![code]);
    expect(settingUpdateSchema("standardLevels").parse(settingFormInput("standardLevels", reader(fields)))).toEqual({
      value: levels,
      sourceNote: "Catatan",
      verified: true,
    });

    fields[cellFieldName("fungsional:ahli_muda", "M.01")] = "";
    fields[cellFieldName("administrator", "M.02")] = "abc";
    fields.sourceNote = "";
    const parsed = settingUpdateSchema("standardLevels").safeParse(settingFormInput("standardLevels", reader(fields)));
    expect(settingErrorsOf(parsed.error!)).toEqual({
      "value[administrator][M.02]": "Standar level Administrator, Kerja Sama (M.02): harus bilangan bulat 1–5.",
      "value[fungsional:ahli_muda][M.01]": "Standar level JF Ahli Muda, Integritas (M.01): harus bilangan bulat 1–5.",
      sourceNote: "Catatan sumber wajib diisi.",
    });
  });

  it("reads training names one per line, skipping blank lines, and puts a bad name's error on its tier", () => {
    const fields: Record<string, string> = { sourceNote: "Catatan", verified: "" };
    const aliases = seeded("leadershipTrainingAliases") as Record<string, string[]>;
    for (const [tier, names] of Object.entries(aliases)) fields[rowFieldName(tier)] = names.join("\r\n");
    fields[rowFieldName("pka")] = "PKA\n\n  Diklat PIM III  \n";
    const value = settingUpdateSchema("leadershipTrainingAliases").parse(
      settingFormInput("leadershipTrainingAliases", reader(fields)),
    ).value;
    expect(value.pka).toEqual(["PKA", "Diklat PIM III"]);
    expect(value.pkn_ii).toEqual(aliases.pkn_ii);

    fields[rowFieldName("pkp")] = `PKP\n${"P".repeat(101)}`;
    fields[rowFieldName("pkn_i")] = "\n";
    const parsed = settingUpdateSchema("leadershipTrainingAliases").safeParse(
      settingFormInput("leadershipTrainingAliases", reader(fields)),
    );
    expect(settingErrorsOf(parsed.error!)).toEqual({
      "value[pkn_i]": "Nama pelatihan Tingkat PKN I (JPT utama dan madya): wajib diisi, satu nama per baris.",
      "value[pkp]": "Nama pelatihan Tingkat PKP (pengawas): setiap nama maksimal 100 karakter.",
    });
  });

  it("reads the minimum-experience rows, an empty year meaning no minimum, and names a bad year's group", () => {
    const fields: Record<string, string> = { sourceNote: "Catatan", verified: "on" };
    const seededRows = seeded("minimumExperienceByGroup") as Record<string, { years?: number; article: string; text: string }>;
    for (const [group, row] of Object.entries(seededRows)) {
      fields[cellFieldName(group, "years")] = row.years === undefined ? "" : String(row.years);
      fields[cellFieldName(group, "article")] = row.article;
      fields[cellFieldName(group, "text")] = row.text;
    }
    expect(
      settingUpdateSchema("minimumExperienceByGroup").parse(settingFormInput("minimumExperienceByGroup", reader(fields))).value,
    ).toEqual(seededRows);

    fields[cellFieldName("jpt_madya", "years")] = "";
    fields[cellFieldName("pengawas", "years")] = "2,5";
    const parsed = settingUpdateSchema("minimumExperienceByGroup").safeParse(settingFormInput("minimumExperienceByGroup", reader(fields)));
    expect(settingErrorsOf(parsed.error!)).toEqual({
      "value[pengawas][years]": "Pengalaman minimum Pengawas: harus bilangan bulat 1–40 tahun, atau kosong bila tidak ada minimum.",
    });
    fields[cellFieldName("pengawas", "years")] = "4";
    expect(
      settingUpdateSchema("minimumExperienceByGroup").parse(settingFormInput("minimumExperienceByGroup", reader(fields))).value.jpt_madya,
    ).toEqual({
      article: seededRows.jpt_madya!.article,
      text: "",
    });
  });

  it("treats an empty education select as no minimum and an unchecked box as false", () => {
    const input = settingFormInput(
      "minimumEducationByGroup",
      reader({ [rowFieldName("pengawas")]: "D-III", [rowFieldName("pelaksana")]: "", sourceNote: "x" }),
    );
    expect(input).toEqual({ value: { pengawas: "D-III" }, sourceNote: "x", verified: false });
    expect(settingFormInput("regionalGovernment", reader({ sourceNote: "x" })).value).toBe(false);
    expect(settingFormInput("regionalGovernment", reader({ value: "on", sourceNote: "x" })).value).toBe(true);
    // webhook hosts: one per line, normalised as a URL's host, duplicates and blank lines dropped; a URL is no host
    const hosts = settingFormInput(
      "webhookAllowedHosts",
      reader({ value: "Penerima.Intranet.go.id\r\n\n10.20.0.5\n[FD00::1]\npenerima.intranet.go.id", sourceNote: "x" }),
    );
    expect(settingUpdateSchema("webhookAllowedHosts").parse(hosts).value).toEqual(["penerima.intranet.go.id", "10.20.0.5", "[fd00::1]"]);
    const url = settingUpdateSchema("webhookAllowedHosts").safeParse(
      settingFormInput("webhookAllowedHosts", reader({ value: "http://10.20.0.5:8080/hook", sourceNote: "x" })),
    );
    expect(url.success ? {} : settingErrorsOf(url.error)).toEqual({
      value:
        'Host webhook yang diizinkan: "http://10.20.0.5:8080/hook" bukan nama host; tulis nama host saja, satu per baris, tanpa http:// atau nomor port.',
    });
  });

  it("splits a cell message into the cell and the problem", () => {
    expect(splitCellMessage("Standar level JF Ahli Muda, Integritas (M.01): harus bilangan bulat 1–5.")).toEqual({
      cell: "Standar level JF Ahli Muda, Integritas (M.01)",
      problem: "harus bilangan bulat 1–5.",
    });
    expect(splitCellMessage("Catatan sumber wajib diisi.")).toEqual({ cell: "", problem: "Catatan sumber wajib diisi." });
  });
});

describe("describeSettingChanges", () => {
  it("names each changed cell, then the verified flag and the source note", () => {
    const before = { value: seeded("standardLevels"), sourceNote: "lama", verified: false };
    const value = seeded("standardLevels") as Record<string, Record<string, number>>;
    value.administrator!["M.01"] = 4;
    expect(describeSettingChanges("standardLevels", before, { value, sourceNote: "baru", verified: true })).toEqual([
      "standardLevels.administrator.M.01: 3 → 4",
      "verified: tidak → ya",
      "catatan sumber diubah",
    ]);
  });

  it("shows an added or removed row as a dash, and nothing for an unchanged setting", () => {
    const before = { value: { pengawas: "D-III" }, sourceNote: "x", verified: true };
    expect(
      describeSettingChanges("minimumEducationByGroup", before, { ...before, value: { pengawas: "D-III", pelaksana: "SMA" } }),
    ).toEqual(["minimumEducationByGroup.pelaksana: — → SMA"]);
    expect(describeSettingChanges("minimumEducationByGroup", before, { ...before, value: {} })).toEqual([
      "minimumEducationByGroup.pengawas: D-III → —",
    ]);
    expect(
      describeSettingChanges(
        "regionalGovernment",
        { value: true, sourceNote: "x", verified: false },
        { value: false, sourceNote: "x", verified: false },
      ),
    ).toEqual(["regionalGovernment: ya → tidak"]);
    expect(describeSettingChanges("minimumEducationByGroup", before, before)).toEqual([]);
  });
});
