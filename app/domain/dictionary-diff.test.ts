import { describe, expect, it } from "vitest";
import { diffRevisions, type RevisionTexts } from "./dictionary-diff";

const base: RevisionTexts = {
  name: "Analisis Jabatan",
  category: "Kelembagaan",
  sourceKind: "lokal",
  sourceReference: "",
  keywords: ["anjab"],
  definition: "Kemampuan menganalisis jabatan.",
  levels: [1, 2, 3, 4, 5].map((level) => ({
    level,
    description: `Deskripsi ${level}`,
    indicators: [`A${level}`, `B${level}`, `C${level}`],
  })),
};

describe("revision diff", () => {
  it("finds nothing between identical revisions", () => {
    expect(diffRevisions(base, structuredClone(base)).identical).toBe(true);
  });

  it("reports changed fields with their Indonesian labels", () => {
    const diff = diffRevisions(base, { ...base, name: "Analisis dan Evaluasi Jabatan", keywords: ["anjab", "evjab"] });
    expect(diff.fields).toEqual([
      { field: "name", label: "Nama", before: "Analisis Jabatan", after: "Analisis dan Evaluasi Jabatan" },
      { field: "keywords", label: "Kata kunci", before: "anjab", after: "anjab, evjab" },
    ]);
  });

  it("aligns indicators: an insertion renumbers the rest without marking them changed", () => {
    const after = structuredClone(base);
    after.levels[2]!.indicators = ["A3", "Baru", "B3", "C3"];
    const level3 = diffRevisions(base, after).levels.find((l) => l.level === 3)!;
    expect(level3.indicators.map((c) => c.kind)).toEqual(["same", "added", "same", "same"]);
    expect(level3.indicators[2]).toMatchObject({ kind: "same", text: "B3", beforeNumber: "3.2", afterNumber: "3.3" });
    expect(
      diffRevisions(base, after)
        .levels.filter((l) => l.changed)
        .map((l) => l.level),
    ).toEqual([3]);
  });

  it("shows an edited indicator and a new level description as changes", () => {
    const after = structuredClone(base);
    after.levels[0]!.indicators[1] = "B1 diperbaiki";
    after.levels[4]!.description = "Deskripsi lima baru";
    const diff = diffRevisions(base, after);
    expect(diff.levels[0]!.indicators[1]).toEqual({
      kind: "changed",
      before: "B1",
      after: "B1 diperbaiki",
      beforeNumber: "1.2",
      afterNumber: "1.2",
    });
    expect(diff.levels[4]!.description).toEqual({ before: "Deskripsi 5", after: "Deskripsi lima baru" });
  });

  it("reports removed indicators with their old numbers", () => {
    const after = structuredClone(base);
    after.levels[1]!.indicators = ["A2", "C2"];
    expect(diff2(after)).toEqual([{ kind: "removed", text: "B2", beforeNumber: "2.2" }]);
  });
});

function diff2(after: RevisionTexts) {
  return diffRevisions(base, after).levels[1]!.indicators.filter((c) => c.kind !== "same");
}
