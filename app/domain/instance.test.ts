import { describe, expect, it } from "vitest";
import { isExampleText } from "./example-text";
import { actKindsOf, coverHeading, instanceErrorsOf, instanceFingerprint, InstanceProfileSchema, lampiranRegion } from "./instance";
import { PENETAPAN_KINDS } from "./penetapan";

const KABUPATEN = { kind: "kabupaten", name: "Kabupaten Ogan Komering Ulu", headTitle: "Bupati Ogan Komering Ulu", place: "Baturaja" };

describe("the instance profile schema", () => {
  it("defaults regionalGovernment to every kind but a central agency, and keeps an explicit choice", () => {
    expect(InstanceProfileSchema.parse(KABUPATEN).regionalGovernment).toBe(true);
    expect(InstanceProfileSchema.parse({ ...KABUPATEN, kind: "instansi_pusat" }).regionalGovernment).toBe(false);
    expect(InstanceProfileSchema.parse({ ...KABUPATEN, regionalGovernment: false }).regionalGovernment).toBe(false);
  });

  it("refuses an empty name and head field by field, in Indonesian", () => {
    const parsed = InstanceProfileSchema.safeParse({ ...KABUPATEN, name: "  ", headTitle: "" });
    expect(parsed.success).toBe(false);
    expect(instanceErrorsOf(parsed.error!)).toEqual({
      name: "Nama instansi wajib diisi.",
      headTitle: "Jabatan kepala (penanda tangan) wajib diisi.",
    });
  });

  it("refuses an unknown kind and a missing place", () => {
    const parsed = InstanceProfileSchema.safeParse({ ...KABUPATEN, kind: "desa", place: undefined });
    expect(instanceErrorsOf(parsed.error!)).toEqual({
      kind: "Jenis instansi: pilih provinsi, kabupaten, kota, atau instansi pusat.",
      place: "Tempat penetapan wajib diisi.",
    });
  });
});

describe("act kinds per kind of instance", () => {
  it("offers the acts of that head only, each a kind a penetapan accepts", () => {
    expect(actKindsOf("provinsi")).toEqual(["Peraturan Gubernur", "Keputusan Gubernur"]);
    expect(actKindsOf("kabupaten")).toEqual(["Peraturan Bupati", "Keputusan Bupati"]);
    expect(actKindsOf("kota")).toEqual(["Peraturan Wali Kota", "Keputusan Wali Kota"]);
    expect(actKindsOf("instansi_pusat")).toEqual(["Peraturan Menteri", "Peraturan Kepala", "Keputusan Menteri", "Keputusan Kepala"]);
    for (const kind of ["provinsi", "kabupaten", "kota", "instansi_pusat"] as const)
      for (const act of actKindsOf(kind)) expect(PENETAPAN_KINDS).toContain(act);
  });
});

describe("printed names", () => {
  it("names the region after the act's head as real lampiran do, else the instansi", () => {
    expect(lampiranRegion("Peraturan Bupati", KABUPATEN)).toBe("OGAN KOMERING ULU");
    expect(lampiranRegion("Keputusan Wali Kota", { name: "Kota Palembang", headTitle: "Wali Kota Palembang" })).toBe("PALEMBANG");
    expect(lampiranRegion("Peraturan Gubernur", KABUPATEN)).toBe("KABUPATEN OGAN KOMERING ULU");
  });

  it("heads a cover with the government, or the agency's own name", () => {
    expect(coverHeading(InstanceProfileSchema.parse(KABUPATEN))).toBe("PEMERINTAH KABUPATEN OGAN KOMERING ULU");
    expect(coverHeading({ kind: "instansi_pusat", name: "Badan Kepegawaian Negara" })).toBe("BADAN KEPEGAWAIAN NEGARA");
  });

  it("changes the fingerprint with anything printed from the profile", () => {
    const base = InstanceProfileSchema.parse(KABUPATEN);
    const print = instanceFingerprint(base);
    expect(instanceFingerprint({ ...base })).toBe(print);
    for (const change of [{ name: "Kabupaten Lain" }, { headTitle: "Bupati Lain" }, { place: "Muara" }, { kind: "kota" as const }])
      expect(instanceFingerprint({ ...base, ...change })).not.toBe(print);
  });
});

describe("example texts", () => {
  it("marks only texts whose status is contoh", () => {
    expect(isExampleText({ textStatus: "contoh" })).toBe(true);
    expect(isExampleText({ textStatus: "regulasi" })).toBe(false);
    expect(isExampleText({ textStatus: "lokal" })).toBe(false);
    expect(isExampleText({ textStatus: null })).toBe(false);
  });
});
