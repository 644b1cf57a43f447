import { describe, expect, it } from "vitest";
import { PositionSchema, positionEchelon, skjStatusOf, UnitSchema, wouldCreateCycle } from "./sotk";

/** The message the form shows next to each refused field (the first one of the field). */
const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).toReversed().map((i) => [i.path.join("."), i.message]));

const unit = { code: "SETDA.BIRO-ORG", name: "Biro Organisasi", kind: "biro" };
const position = { code: "SETDA.BIRO-ORG.KARO", name: "Kepala Biro Organisasi", group: "administrator", unitCode: "SETDA.BIRO-ORG" };

describe("unit form", () => {
  it("keeps what was typed, trimmed, with empty optional fields as nothing", () => {
    expect(
      UnitSchema.parse({
        ...unit,
        code: "  SETDA.BIRO-ORG ",
        echelon: "",
        parentCode: "",
        legalBasisKind: " ",
        legalBasisNumber: "",
        legalBasisYear: "",
      }),
    ).toEqual({
      ...unit,
      echelon: null,
      parentCode: null,
      legalBasisKind: null,
      legalBasisNumber: null,
      legalBasisYear: null,
    });
    expect(UnitSchema.parse(unit)).toMatchObject({ echelon: null, parentCode: null, legalBasisYear: null });
    expect(
      UnitSchema.parse({
        ...unit,
        echelon: "II.a",
        parentCode: "SETDA",
        legalBasisKind: "Peraturan Gubernur",
        legalBasisNumber: "12",
        legalBasisYear: "2021",
      }),
    ).toMatchObject({
      echelon: "II.a",
      parentCode: "SETDA",
      legalBasisKind: "Peraturan Gubernur",
      legalBasisNumber: "12",
      legalBasisYear: 2021,
    });
  });

  it("names each refused field in Indonesian", () => {
    expect(messages(UnitSchema.safeParse({}))).toEqual({
      code: "Kode wajib diisi.",
      name: "Nama unit wajib diisi.",
      kind: "Pilih jenis unit.",
    });
    expect(
      messages(
        UnitSchema.safeParse({
          code: "  ",
          name: "x".repeat(301),
          kind: "kantor",
          echelon: "V.a",
          parentCode: "K".repeat(65),
          legalBasisKind: "j".repeat(121),
          legalBasisNumber: "n".repeat(41),
          legalBasisYear: "1944",
        }),
      ),
    ).toEqual({
      code: "Kode wajib diisi.",
      name: "Nama unit maksimal 300 karakter.",
      kind: "Pilih jenis unit.",
      echelon: "Eselon harus salah satu dari I.a, I.b, II.a, II.b, III.a, III.b, IV.a, IV.b atau kosong.",
      parentCode: "Kode unit induk maksimal 64 karakter.",
      legalBasisKind: "Jenis dasar hukum maksimal 120 karakter.",
      legalBasisNumber: "Nomor dasar hukum maksimal 40 karakter.",
      legalBasisYear: "Tahun tidak masuk akal.",
    });
    expect(messages(UnitSchema.safeParse({ ...unit, name: " ", legalBasisYear: "2101" }))).toEqual({
      name: "Nama unit wajib diisi.",
      legalBasisYear: "Tahun tidak masuk akal.",
    });
    expect(messages(UnitSchema.safeParse({ ...unit, legalBasisYear: "2020.5" }))).toEqual({
      legalBasisYear: "Tahun harus bilangan bulat.",
    });
    expect(
      UnitSchema.safeParse({ ...unit, legalBasisYear: "1945" }).success &&
        UnitSchema.safeParse({ ...unit, legalBasisYear: "2100" }).success,
    ).toBe(true);
  });

  it("accepts codes of letters, digits and . - / _ up to 64 characters, and nothing else", () => {
    expect(UnitSchema.safeParse({ ...unit, code: `A-b_1/2.${"x".repeat(56)}` }).success).toBe(true);
    expect(messages(UnitSchema.safeParse({ ...unit, code: "x".repeat(65) }))).toEqual({ code: "Kode maksimal 64 karakter." });
    for (const code of ["BIRO ORG", "BIRO#1", "BIRÖ"]) {
      expect(messages(UnitSchema.safeParse({ ...unit, code })), code).toEqual({
        code: "Kode hanya boleh berisi huruf, angka, dan tanda . - / _",
      });
    }
    expect(messages(UnitSchema.safeParse({ ...unit, code: 12 }))).toEqual({ code: "Kode wajib diisi." });
  });
});

describe("position form", () => {
  it("keeps what was typed, with empty optional fields as nothing", () => {
    expect(PositionSchema.parse({ ...position, functionalLevel: "", governmentAffair: "", requiredHeadcount: "" })).toEqual({
      ...position,
      functionalLevel: null,
      governmentAffair: null,
      summaryText: "",
      requiredHeadcount: null,
    });
    expect(PositionSchema.parse(position)).toMatchObject({
      functionalLevel: null,
      governmentAffair: null,
      requiredHeadcount: null,
      summaryText: "",
    });
    expect(
      PositionSchema.parse({
        ...position,
        group: "fungsional",
        functionalLevel: "ahli_muda",
        governmentAffair: " Organisasi ",
        summaryText: "Isi",
        requiredHeadcount: "3",
      }),
    ).toMatchObject({ functionalLevel: "ahli_muda", governmentAffair: "Organisasi", summaryText: "Isi", requiredHeadcount: 3 });
  });

  it("names each refused field in Indonesian", () => {
    expect(messages(PositionSchema.safeParse({}))).toEqual({
      code: "Kode wajib diisi.",
      name: "Nama jabatan wajib diisi.",
      group: "Pilih kelompok jabatan.",
      unitCode: "Kode wajib diisi.",
    });
    expect(
      messages(
        PositionSchema.safeParse({
          ...position,
          name: "x".repeat(301),
          functionalLevel: "ahli",
          governmentAffair: "u".repeat(201),
          summaryText: "s".repeat(20_001),
          requiredHeadcount: "-1",
        }),
      ),
    ).toEqual({
      name: "Nama jabatan maksimal 300 karakter.",
      functionalLevel: "Pilih jenjang jabatan fungsional.",
      governmentAffair: "Urusan pemerintahan maksimal 200 karakter.",
      summaryText: "Ikhtisar jabatan maksimal 20000 karakter.",
      requiredHeadcount: "Kebutuhan tidak boleh negatif.",
    });
    expect(messages(PositionSchema.safeParse({ ...position, name: "  ", requiredHeadcount: "1.5" }))).toEqual({
      name: "Nama jabatan wajib diisi.",
      requiredHeadcount: "Kebutuhan harus bilangan bulat.",
    });
    expect(messages(PositionSchema.safeParse({ ...position, requiredHeadcount: "100001" }))).toEqual({
      requiredHeadcount: "Kebutuhan maksimal 100.000 orang.",
    });
    expect(messages(PositionSchema.safeParse({ ...position, requiredHeadcount: "tiga" }))).toEqual({
      requiredHeadcount: "Kebutuhan harus bilangan bulat.",
    });
    expect(PositionSchema.safeParse({ ...position, requiredHeadcount: "100000" }).success).toBe(true);
  });

  it("asks for a level exactly for functional positions", () => {
    expect(messages(PositionSchema.safeParse({ ...position, group: "fungsional" }))).toEqual({
      functionalLevel: "Jenjang wajib diisi untuk jabatan fungsional.",
    });
    expect(messages(PositionSchema.safeParse({ ...position, group: "pelaksana", functionalLevel: "terampil" }))).toEqual({
      functionalLevel: "Jenjang hanya diisi untuk jabatan fungsional.",
    });
  });
});

describe("unit tree", () => {
  // 1 ← 2 ← 3 (3's parent is 2, 2's parent is 1); 7 and 8 are each other's parent
  const parents: Record<number, number | null> = { 1: null, 2: 1, 3: 2, 7: 8, 8: 7 };
  const parentOf = (id: number) => parents[id];

  it("refuses moving a unit under itself, its child or its grandchild", () => {
    expect(wouldCreateCycle(1, 1, parentOf)).toBe(true);
    expect(wouldCreateCycle(1, 2, parentOf)).toBe(true);
    expect(wouldCreateCycle(1, 3, parentOf)).toBe(true);
  });

  it("allows moving a unit to the top, under its parent or under another branch", () => {
    expect(wouldCreateCycle(3, null, parentOf)).toBe(false);
    expect(wouldCreateCycle(3, 1, parentOf)).toBe(false);
    expect(wouldCreateCycle(2, 9, parentOf)).toBe(false);
  });

  it("refuses a parent inside an existing loop instead of walking it forever", () => {
    expect(wouldCreateCycle(1, 7, parentOf)).toBe(true);
  });
});

describe("SKJ status of a position", () => {
  it("is ditetapkan while a version is live, else the open draft's state, a returned draft counting as draf", () => {
    expect(skjStatusOf(true, "diajukan")).toBe("ditetapkan");
    expect(skjStatusOf(false, null)).toBe("belum_ada");
    expect(skjStatusOf(false, "dikembalikan")).toBe("draf");
    expect(skjStatusOf(false, "disetujui")).toBe("disetujui");
  });
});

describe("echelon of a position", () => {
  it("is the unit's echelon for structural positions and none for pelaksana and fungsional", () => {
    for (const group of ["jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas"] as const)
      expect(positionEchelon(group, "III.a"), group).toBe("III.a");
    expect(positionEchelon("pelaksana", "III.a")).toBeNull();
    expect(positionEchelon("fungsional", "III.a")).toBeNull();
  });
});
