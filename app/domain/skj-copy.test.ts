import { describe, expect, it } from "vitest";
import { COPY_PARTS, copyFromSource, type CopySource } from "./skj-copy";
import type { SkjDocument } from "./skj-document";

const EMPTY_REQUIREMENTS: SkjDocument["requirements"] = { rank: null, education: [], training: { managerial: [], technical: [], functional: [] }, experience: [], performanceIndicators: [] };

// a new pengawas draft: managerial levels of its own group, T.OTDA as a regional government adds it
const TARGET: SkjDocument = {
  schemaVersion: 1,
  position: { code: "DINKES.UMUM", name: "Kepala Subbagian Umum", group: "pengawas", functionalLevel: null, unitCode: "DINKES", governmentAffair: null, summary: "" },
  competencies: [
    { code: "M.01", level: 2 },
    { code: "M.02", level: 2 },
    { code: "SK.01", level: 2 },
    { code: "T.OTDA", level: 2 },
  ],
  requirements: EMPTY_REQUIREMENTS,
};

// an administrator's SKJ: higher managerial levels that must not travel
const SOURCE: CopySource = {
  summary: "Memimpin urusan umum dan kepegawaian.",
  competencies: [
    { code: "M.01", level: 3 },
    { code: "M.02", level: 3 },
    { code: "SK.01", level: 3 },
    { code: "T.ARSIP", level: 3 },
    { code: "T.KEPEG", level: 2 },
  ],
  requirements: { ...EMPTY_REQUIREMENTS, rank: "III/d", experience: [{ description: "Pelaksana di bidang umum", minYears: 4 }], importance: { rank: "mutlak" } },
};

describe("copying parts of a similar SKJ", () => {
  it("takes the technical competencies, requirements and ikhtisar, and keeps the target's own managerial levels and T.OTDA", () => {
    const copy = copyFromSource(TARGET, SOURCE, new Set(COPY_PARTS));
    expect(copy.competencies).toEqual([
      { code: "M.01", level: 2 },
      { code: "M.02", level: 2 },
      { code: "SK.01", level: 2 },
      { code: "T.OTDA", level: 2 },
      { code: "T.ARSIP", level: 3 },
      { code: "T.KEPEG", level: 2 },
    ]);
    expect(copy.requirements).toEqual(SOURCE.requirements);
    expect(copy.requirements).not.toBe(SOURCE.requirements);
    expect(copy.position).toEqual({ ...TARGET.position, summary: SOURCE.summary });
  });

  it("takes T.OTDA's level from the source when the source has it", () => {
    const source = { ...SOURCE, competencies: [...SOURCE.competencies, { code: "T.OTDA", level: 4 }] };
    const copy = copyFromSource(TARGET, source, new Set(["technical"]));
    expect(copy.competencies.filter((c) => c.code === "T.OTDA")).toEqual([{ code: "T.OTDA", level: 4 }]);
  });

  it("takes exactly the chosen parts", () => {
    expect(copyFromSource(TARGET, SOURCE, new Set())).toEqual(TARGET);
    const onlyRequirements = copyFromSource(TARGET, SOURCE, new Set(["requirements"]));
    expect(onlyRequirements.competencies).toEqual(TARGET.competencies);
    expect(onlyRequirements.position.summary).toBe("");
    expect(onlyRequirements.requirements.rank).toBe("III/d");
    const onlySummary = copyFromSource(TARGET, SOURCE, new Set(["summary"]));
    expect(onlySummary.requirements).toEqual(EMPTY_REQUIREMENTS);
    expect(onlySummary.competencies).toEqual(TARGET.competencies);
  });
});
