import { describe, expect, it } from "vitest";
import {
  echelonOf,
  functionalLevelOf,
  headerKey,
  headerLookup,
  positionGroupOf,
  UNIT_KIND_CHOICES,
  unitKindOf,
  unitKindText,
} from "./import-words";
import { ECHELONS, FUNCTIONAL_LEVELS, POSITION_GROUPS, UNIT_KINDS } from "./sotk";

describe("header names", () => {
  const lookup = headerLookup([
    { name: "kode_jabatan", label: "Kode Jabatan" },
    { name: "kelompok_jabatan", label: "Kelompok Jabatan", aliases: ["Kelompok"] },
  ]);

  it("match ignoring case, spaces, underscores and punctuation", () => {
    for (const written of [
      "kode_jabatan",
      "Kode Jabatan",
      "KODE JABATAN",
      " kode-jabatan ",
      "Kode.Jabatan:",
      "\uFEFFkode_jabatan",
      "KodeJabatan",
    ]) {
      expect(lookup.get(headerKey(written)), written).toBe("kode_jabatan");
    }
  });

  it("know the aliases and nothing else", () => {
    expect(lookup.get(headerKey("kelompok"))).toBe("kelompok_jabatan");
    expect(lookup.get(headerKey("Kode"))).toBeUndefined();
    expect(lookup.get(headerKey("Kode Jabatan Baru"))).toBeUndefined();
  });
});

describe("position group words", () => {
  it("accept the codes and the words people write", () => {
    for (const g of POSITION_GROUPS) expect(positionGroupOf(g)).toBe(g);
    expect(positionGroupOf("Jabatan Fungsional")).toBe("fungsional");
    expect(positionGroupOf("fungsional")).toBe("fungsional");
    expect(positionGroupOf("JPT Pratama")).toBe("jpt_pratama");
    expect(positionGroupOf("jpt pratama")).toBe("jpt_pratama");
    expect(positionGroupOf("Jabatan Pimpinan Tinggi Pratama")).toBe("jpt_pratama");
    expect(positionGroupOf("JABATAN PIMPINAN TINGGI MADYA")).toBe("jpt_madya");
    expect(positionGroupOf("Administrator")).toBe("administrator");
    expect(positionGroupOf("Jabatan Pengawas")).toBe("pengawas");
    expect(positionGroupOf(" Pelaksana ")).toBe("pelaksana");
  });

  it("refuse what is no group", () => {
    for (const bad of ["", "struktural", "JPT", "Pimpinan", "Fungsional Umum"]) expect(positionGroupOf(bad), bad).toBeNull();
  });
});

describe("functional level words", () => {
  it("accept codes and words in any case", () => {
    for (const l of FUNCTIONAL_LEVELS) expect(functionalLevelOf(l)).toBe(l);
    expect(functionalLevelOf("Ahli Muda")).toBe("ahli_muda");
    expect(functionalLevelOf("AHLI PERTAMA")).toBe("ahli_pertama");
    expect(functionalLevelOf("Penyelia")).toBe("penyelia");
    expect(functionalLevelOf("Ahli")).toBeNull();
    expect(functionalLevelOf("")).toBeNull();
  });
});

describe("echelon", () => {
  it("reads III.a, III/a, IIIa, III A, iii-a and Eselon III.a as III.a", () => {
    for (const written of ["III.a", "III/a", "IIIa", "III A", "iii-a", "Eselon III.a", " III . a "])
      expect(echelonOf(written), written).toBe("III.a");
  });

  it("keeps every echelon of the list and refuses others", () => {
    for (const e of ECHELONS) expect(echelonOf(e)).toBe(e);
    for (const bad of ["", "V.a", "III.c", "3a", "IIII.a", "II"]) expect(echelonOf(bad), bad).toBeNull();
  });
});

describe("unit kind words", () => {
  it("map every kind the regulation names, in any case, to one structural kind", () => {
    for (const word of UNIT_KIND_CHOICES) {
      expect(unitKindOf(word), word).not.toBeNull();
      expect(unitKindOf(word.toUpperCase())?.kind, word).toBe(unitKindOf(word)?.kind);
      expect(unitKindOf(word.toLowerCase())?.kind, word).toBe(unitKindOf(word)?.kind);
    }
    expect(unitKindOf("Badan")?.kind).toBe("perangkat_daerah");
    expect(unitKindOf("Dinas")?.kind).toBe("perangkat_daerah");
    expect(unitKindOf("Satuan Polisi Pamong Praja")?.kind).toBe("perangkat_daerah");
    expect(unitKindOf("sub bagian")?.kind).toBe("subbagian");
    expect(unitKindOf("Subbidang")?.kind).toBe("subbidang");
    expect(unitKindOf("UPT")?.kind).toBe("upt");
    expect(unitKindOf("UPTD")?.kind).toBe("uptd");
    expect(unitKindOf("Cabang Dinas")?.kind).toBe("cabang_dinas");
    expect(unitKindOf("Kelurahan")?.kind).toBe("kelurahan");
  });

  it("keep the word as written for display, unless it is the code or the kind's own label", () => {
    expect(unitKindOf("BADAN")).toEqual({ kind: "perangkat_daerah", label: "BADAN" });
    expect(unitKindOf("  Rumah  Sakit Umum Daerah ")).toEqual({ kind: "perangkat_daerah", label: "Rumah Sakit Umum Daerah" });
    expect(unitKindOf("Staf Ahli")).toEqual({ kind: "lainnya", label: "Staf Ahli" });
    for (const kind of UNIT_KINDS) expect(unitKindOf(kind)).toEqual({ kind, label: null });
    expect(unitKindOf("Perangkat Daerah")).toEqual({ kind: "perangkat_daerah", label: null });
    expect(unitKindOf("bidang")).toEqual({ kind: "bidang", label: null });
  });

  it("refuse a unit's name where its kind belongs", () => {
    for (const bad of ["", "Dinas Kesehatan", "Biro Organisasi", "dinas_besar"]) expect(unitKindOf(bad), bad).toBeNull();
  });

  it("show the written word, else the kind's label", () => {
    expect(unitKindText("perangkat_daerah", "Badan")).toBe("Badan");
    expect(unitKindText("perangkat_daerah", null)).toBe("Perangkat Daerah");
  });
});
