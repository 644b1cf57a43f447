// Where a review comment points: a section of the SKJ or one competency row. One vocabulary for the
// review page, the editor and the server, so a section always reads the same and is never guessed.
import { COMMENT_SECTION_LABELS } from "./labels";

export const ANCHOR_PATTERN = /^(identitas|kompetensi|persyaratan)(:[A-Za-z0-9._\-/]{1,64})?$/;

const SECTION_LABELS = COMMENT_SECTION_LABELS;

export const ANCHOR_MISSING = "Pilih bagian yang dikomentari: A. Identitas, B. Kompetensi, C. Persyaratan, atau satu baris kompetensi.";

export interface AnchorOption {
  value: string;
  label: string;
}

/** "A. Identitas", or "B. Kompetensi T.ANJAB Analisis Jabatan" for a row (its name when known). */
export function anchorLabel(anchor: string, nameOf: (code: string) => string | undefined = () => undefined): string {
  const [section, code] = anchor.split(":");
  if (code) return [SECTION_LABELS.kompetensi, code, nameOf(code)].filter(Boolean).join(" ");
  return SECTION_LABELS[section as keyof typeof SECTION_LABELS] ?? anchor;
}

/** Every anchor of a document in reading order: A, B, each competency row, C. */
export function anchorOptions(codes: readonly string[], nameOf?: (code: string) => string | undefined): AnchorOption[] {
  const anchors = ["identitas", "kompetensi", ...codes.map((c) => `kompetensi:${c}`), "persyaratan"];
  return anchors.map((value) => ({ value, label: anchorLabel(value, nameOf) }));
}

/** The refusal for a new thread's anchor, or null when it names a section or a row. */
export function anchorProblem(anchor: string): string | null {
  if (!anchor.trim()) return ANCHOR_MISSING;
  return ANCHOR_PATTERN.test(anchor) ? null : "Bagian yang dikomentari tidak dikenal.";
}
