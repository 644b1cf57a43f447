import { describe, expect, it } from "vitest";
import { ANCHOR_MISSING, anchorLabel, anchorOptions, anchorProblem } from "./comment-anchors";

describe("comment anchors", () => {
  it("reads sections with their letter and rows with their code and name, never the raw section code", () => {
    expect(anchorOptions(["M.01", "T.ANJAB"], (c) => (c === "T.ANJAB" ? "Analisis Jabatan" : undefined)).map((o) => o.label)).toEqual([
      "A. Identitas",
      "B. Kompetensi",
      "B. Kompetensi M.01",
      "B. Kompetensi T.ANJAB Analisis Jabatan",
      "C. Persyaratan",
    ]);
    expect(anchorLabel("persyaratan")).toBe("C. Persyaratan");
  });

  it("refuses a missing anchor with the sections to choose from, and an unknown one", () => {
    expect(anchorProblem("")).toBe(ANCHOR_MISSING);
    expect(ANCHOR_MISSING).toContain("B. Kompetensi");
    expect(anchorProblem("lampiran")).toBe("Bagian yang dikomentari tidak dikenal.");
    expect(anchorProblem("kompetensi:T.ANJAB")).toBeNull();
  });
});
