import { describe, expect, it } from "vitest";
import {
  changePreview,
  formatRowChanges,
  positionFieldChanges,
  unitFieldChanges,
  type StoredPosition,
  type StoredUnit,
} from "./sotk-changes";
import type { PositionRow, UnitRow } from "./sotk-import";

const storedUnit: StoredUnit = {
  name: "Badan Kepegawaian Daerah",
  kind: "perangkat_daerah",
  kindLabel: "Badan",
  echelon: "II.a",
  parentCode: null,
  legalBasis: { kind: "Peraturan Daerah", number: "8", year: 2016 },
};
const unitRow: UnitRow = {
  code: "BKD",
  name: storedUnit.name,
  kind: "perangkat_daerah",
  kindLabel: "Badan",
  echelon: "II.a",
  parentCode: null,
  legalBasis: storedUnit.legalBasis,
};

const storedPosition: StoredPosition = {
  name: "Analis Kepegawaian Ahli Muda",
  group: "fungsional",
  functionalLevel: "ahli_muda",
  unitCode: "BKD",
  governmentAffair: "Kepegawaian",
  summary: "Menganalisis kepegawaian.",
  requiredHeadcount: 2,
};
const positionRow: PositionRow = {
  code: "BKD.ANALIS",
  name: storedPosition.name,
  group: "fungsional",
  functionalLevel: "ahli_muda",
  unitCode: "BKD",
  governmentAffair: "Kepegawaian",
  summary: "Menganalisis kepegawaian.",
  requiredHeadcount: 2,
};

describe("unitFieldChanges", () => {
  it("finds nothing when the row says what is stored", () => {
    expect(unitFieldChanges(unitRow, storedUnit)).toEqual([]);
  });

  it("names each changed field by its label, with the words a person reads, old → new", () => {
    const changes = unitFieldChanges(
      { ...unitRow, name: "Badan Kepegawaian dan Pengembangan SDM", kindLabel: null, echelon: null, parentCode: "SETDA" },
      storedUnit,
    );
    expect(changes).toEqual([
      { field: "Nama Unit", before: "Badan Kepegawaian Daerah", after: "Badan Kepegawaian dan Pengembangan SDM" },
      { field: "Jenis Unit", before: "Badan", after: "Perangkat Daerah" },
      { field: "Eselon", before: "II.a", after: "" },
      { field: "Kode Unit Induk", before: "", after: "SETDA" },
    ]);
  });

  it("leaves out a column the file does not have", () => {
    expect(
      unitFieldChanges({ ...unitRow, echelon: undefined, legalBasis: undefined }, { ...storedUnit, echelon: "I.b", legalBasis: null }),
    ).toEqual([]);
  });

  it("still sees a kind change hidden behind the same word", () => {
    expect(unitFieldChanges({ ...unitRow, kind: "bidang", kindLabel: "Badan" }, storedUnit)).toEqual([
      { field: "Jenis Unit", before: "Badan", after: "Badan (Bidang)" },
    ]);
  });
});

describe("positionFieldChanges", () => {
  it("finds nothing when the row says what is stored", () => {
    expect(positionFieldChanges(positionRow, storedPosition)).toEqual([]);
  });

  it("shows group and level by their labels and the headcount as a number", () => {
    const changes = positionFieldChanges(
      { ...positionRow, group: "pelaksana", functionalLevel: null, requiredHeadcount: null, summary: undefined },
      storedPosition,
    );
    expect(changes).toEqual([
      { field: "Kelompok Jabatan", before: "Jabatan Fungsional", after: "Jabatan Pelaksana" },
      { field: "Jenjang", before: "Ahli Muda", after: "" },
      { field: "Kebutuhan", before: "2", after: "" },
    ]);
  });
});

describe("formatRowChanges", () => {
  it("prints one line per row and one indented line per field, empty values named", () => {
    expect(
      formatRowChanges([
        { sheet: "unit", action: "create", code: "BKD", name: "Badan Kepegawaian Daerah", fields: [] },
        { sheet: "jabatan", action: "update", code: "J1", name: "Analis", fields: [{ field: "Kebutuhan", before: "", after: "3" }] },
      ]),
    ).toEqual(["Unit baru: BKD — Badan Kepegawaian Daerah", "Jabatan diubah: J1 — Analis", '  Kebutuhan: (kosong) → "3"']);
  });
});

describe("changePreview", () => {
  it("splits changed and new rows and counts what is left beyond the limit", () => {
    const row = (code: string, action: "create" | "update") => ({ sheet: "jabatan" as const, action, code, name: code, fields: [] });
    const preview = changePreview([row("A", "update"), row("B", "create"), row("C", "create"), row("D", "create")], 2);
    expect(preview).toEqual({
      updated: [row("A", "update")],
      created: [row("B", "create"), row("C", "create")],
      moreUpdated: 0,
      moreCreated: 1,
    });
  });
});
