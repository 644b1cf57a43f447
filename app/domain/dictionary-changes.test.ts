import { describe, expect, it } from "vitest";
import { entryFieldChanges, formatEntryChanges, type EntryTexts } from "./dictionary-changes";

const levels = [1, 2, 3, 4, 5].map((level) => ({
  level,
  description: `Deskripsi ${level}`,
  indicators: [`Indikator ${level}.1`, `Indikator ${level}.2`],
}));
const stored: EntryTexts = {
  name: "Analisis Jabatan",
  definition: "Kemampuan menganalisis jabatan.",
  source: "lokal: Biro Organisasi",
  levels,
};

describe("entryFieldChanges", () => {
  it("finds nothing when the texts are the same", () => {
    expect(entryFieldChanges({ ...stored, levels: levels.map((l) => ({ ...l })) }, stored)).toEqual([]);
  });

  it("names the changed name, source and the level part that changed, old → new", () => {
    const next = {
      ...stored,
      name: "Analisis dan Evaluasi Jabatan",
      source: "lokal",
      levels: levels.map((l) => (l.level === 3 ? { ...l, indicators: ["Indikator 3.1"] } : l)),
    };
    expect(entryFieldChanges(next, stored)).toEqual([
      { field: "Nama", before: "Analisis Jabatan", after: "Analisis dan Evaluasi Jabatan" },
      { field: "Sumber", before: "lokal: Biro Organisasi", after: "lokal" },
      { field: "Level 3 indikator", before: "Indikator 3.1\nIndikator 3.2", after: "Indikator 3.1" },
    ]);
  });

  it("prints new and changed entries as the SOTK check does", () => {
    expect(formatEntryChanges([{ action: "create", code: "T.BARU", name: "Baru", fields: [] }])).toEqual([
      "Kompetensi baru: T.BARU — Baru",
    ]);
  });
});
