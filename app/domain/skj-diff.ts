// What differs between two SKJ documents, in the terms a reviewer reads: identity, competencies, requirements.
import { IMPORTANCE_ROWS, type SkjDocument } from "./skj-document";
import { IMPORTANCE_LABELS, IMPORTANCE_ROW_LABELS } from "./labels";

export interface SkjChange {
  section: "identitas" | "kompetensi" | "persyaratan";
  label: string;
  before: string;
  after: string;
}

const IDENTITY_LABELS: Record<keyof SkjDocument["position"], string> = {
  code: "Kode jabatan",
  name: "Nama jabatan",
  group: "Kelompok jabatan",
  functionalLevel: "Jenjang",
  unitCode: "Unit kerja",
  governmentAffair: "Urusan pemerintahan",
  summary: "Ikhtisar jabatan",
  jobCode: "Kode jabatan (cetak)",
};

const show = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));
const lines = (items: readonly string[]) => items.filter((s) => s.trim()).join("; ");

export function diffSkjDocuments(before: SkjDocument, after: SkjDocument, nameOf: (code: string) => string = (c) => c): SkjChange[] {
  const changes: SkjChange[] = [];
  for (const key of Object.keys(IDENTITY_LABELS) as (keyof SkjDocument["position"])[]) {
    // a missing optional field and null both mean "none": a version-1 document does not differ from its upgrade
    if ((before.position[key] ?? null) !== (after.position[key] ?? null))
      changes.push({
        section: "identitas",
        label: IDENTITY_LABELS[key],
        before: show(before.position[key]),
        after: show(after.position[key]),
      });
  }

  const levelsBefore = new Map(before.competencies.map((c) => [c.code, c.level]));
  const levelsAfter = new Map(after.competencies.map((c) => [c.code, c.level]));
  for (const [code, level] of levelsAfter) {
    const old = levelsBefore.get(code);
    if (old === undefined)
      changes.push({ section: "kompetensi", label: `${code} ${nameOf(code)}`, before: "—", after: `ditambahkan, level ${level}` });
    else if (old !== level)
      changes.push({ section: "kompetensi", label: `${code} ${nameOf(code)}`, before: `level ${old}`, after: `level ${level}` });
  }
  for (const [code, level] of levelsBefore) {
    if (!levelsAfter.has(code))
      changes.push({ section: "kompetensi", label: `${code} ${nameOf(code)}`, before: `level ${level}`, after: "dihapus" });
  }

  const a = before.requirements;
  const b = after.requirements;
  const requirement = (label: string, x: string, y: string) => {
    if (x !== y) changes.push({ section: "persyaratan", label, before: show(x), after: show(y) });
  };
  requirement("Pangkat", a.rank ?? "", b.rank ?? "");
  requirement(
    "Kualifikasi pendidikan",
    a.education.map((e) => `${e.level} ${e.fields.join(", ")}`.trim()).join("; "),
    b.education.map((e) => `${e.level} ${e.fields.join(", ")}`.trim()).join("; "),
  );
  requirement("Pelatihan manajerial", lines(a.training.managerial), lines(b.training.managerial));
  requirement("Pelatihan teknis", lines(a.training.technical), lines(b.training.technical));
  requirement("Pelatihan fungsional", lines(a.training.functional), lines(b.training.functional));
  requirement(
    "Pengalaman kerja",
    a.experience.map((e) => `${e.description}${e.minYears != null ? ` (${e.minYears} th)` : ""}`).join("; "),
    b.experience.map((e) => `${e.description}${e.minYears != null ? ` (${e.minYears} th)` : ""}`).join("; "),
  );
  requirement("Indikator kinerja jabatan", lines(a.performanceIndicators), lines(b.performanceIndicators));
  for (const row of IMPORTANCE_ROWS) {
    const importanceOf = (r: SkjDocument["requirements"]) => (r.importance?.[row] ? IMPORTANCE_LABELS[r.importance[row]] : "");
    requirement(`Tingkat pentingnya: ${IMPORTANCE_ROW_LABELS[row]}`, importanceOf(a), importanceOf(b));
  }
  return changes;
}
