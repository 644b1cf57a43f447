// Starting an SKJ from another one (issue 17): the parts an analyst may take from a similar SKJ, laid over the
// new draft of a position. Pure, so the bulk creation on the server and the editor's "copy from" share it.
import { isRegulationCode, MANDATORY_TECHNICAL_CODE } from "./dictionary";
import type { RichTextNode } from "./richtext";
import type { SkjCompetency, SkjDocument } from "./skj-document";
import type { CatalogEntry } from "./skj-editor-data";
import { diffSkjDocuments, type SkjChange } from "./skj-diff";

/** How many positions one bulk request may draft (contract §7.6). */
export const BULK_DRAFTS_MAX = 1_000;

export const COPY_PARTS = ["technical", "requirements", "summary"] as const;
export type CopyPart = (typeof COPY_PARTS)[number];

export const COPY_PART_LABELS: Record<CopyPart, string> = {
  technical: "Kompetensi teknis",
  requirements: "Persyaratan jabatan",
  summary: "Ikhtisar jabatan",
};

/** What a source SKJ offers: its document (a published snapshot or an open draft, reduced to §3). */
export type CopySource = Pick<SkjDocument, "competencies" | "requirements"> & { summary: string };

/**
 * `target` with the chosen parts of `source`. The managerial and socio-cultural competencies always stay the
 * target's own (their levels follow the target's group, never the source's); technical competencies come
 * from the source in its order, and the mandatory T.OTDA of a regional government is kept when the source
 * lacks it.
 */
export function copyFromSource(target: SkjDocument, source: CopySource, parts: ReadonlySet<CopyPart>): SkjDocument {
  const own = target.competencies.filter((c) => isRegulationCode(c.code));
  let technical: SkjCompetency[] = target.competencies.filter((c) => !isRegulationCode(c.code));
  if (parts.has("technical")) {
    const taken = source.competencies.filter((c) => !isRegulationCode(c.code)).map((c) => ({ code: c.code, level: c.level }));
    const mandatory = technical.find((c) => c.code === MANDATORY_TECHNICAL_CODE);
    technical = mandatory && !taken.some((c) => c.code === MANDATORY_TECHNICAL_CODE) ? [mandatory, ...taken] : taken;
  }
  return {
    ...target,
    position: parts.has("summary") ? { ...target.position, summary: source.summary } : target.position,
    competencies: [...own, ...technical],
    requirements: parts.has("requirements") ? structuredClone(source.requirements) : target.requirements,
  };
}

/** The changes a copy makes to one part of the draft, as the editor shows them before it is applied. */
export interface CopyPartChanges {
  part: CopyPart;
  label: string;
  changes: SkjChange[];
}

const PART_OF_SECTION: Record<SkjChange["section"], CopyPart> = {
  kompetensi: "technical",
  persyaratan: "requirements",
  identitas: "summary",
};

/** What taking `parts` turns `before` into `after`, grouped by part in COPY_PARTS order; every chosen part is listed, also when it changes nothing. */
export function copyChanges(
  before: SkjDocument,
  after: SkjDocument,
  parts: ReadonlySet<CopyPart>,
  nameOf?: (code: string) => string,
): CopyPartChanges[] {
  const changes = diffSkjDocuments(before, after, nameOf);
  return COPY_PARTS.filter((part) => parts.has(part)).map((part) => ({
    part,
    label: COPY_PART_LABELS[part],
    changes: changes.filter((c) => PART_OF_SECTION[c.section] === part),
  }));
}

/** The history's note for a copy: "Disalin dari <jabatan> (<asal>): kompetensi teknis, ikhtisar jabatan". */
export function copyNote(sourceName: string, origin: string, parts: ReadonlySet<CopyPart>): string {
  const taken = COPY_PARTS.filter((part) => parts.has(part)).map((part) => COPY_PART_LABELS[part].toLowerCase());
  return `Disalin dari ${sourceName} (${origin}): ${taken.join(", ")}`;
}

/** The chosen parts from untrusted input (form values, JSON): known names only, each once. */
export function parseCopyParts(values: readonly unknown[]): Set<CopyPart> {
  return new Set(COPY_PARTS.filter((part) => values.includes(part)));
}

export interface CopyPreview {
  source: { code: string; name: string; origin: string };
  /** The draft revision the preview was made on: applying it names this revision. */
  revision: number;
  parts: CopyPartChanges[];
}

export interface CopyApplied {
  revision: number;
  savedAt: string;
  document: SkjDocument;
  summaryJson: RichTextNode | null;
  note: string;
  /** Dictionary texts of the saved competencies (at their pinned revisions), for codes the editor has not shown yet. */
  catalog: CatalogEntry[];
}

/** A position whose SKJ can be copied, as the source picker lists it. */
export interface CopyCandidate {
  code: string;
  name: string;
  unitName: string;
  skjStatus: string;
}

/** What the editor's copy endpoint answers: candidates, a preview, or the applied copy; or why not. */
export type CopyReply =
  | { ok: true; candidates?: CopyCandidate[]; preview?: CopyPreview; applied?: CopyApplied }
  | { ok: false; message: string };

export interface UndoableCopy {
  /** The revision the copy made, which the undo names. */
  revision: number;
  sourceName: string;
}
