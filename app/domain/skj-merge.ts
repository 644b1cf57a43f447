// Three-way merge of SKJ draft content, field by field: when a save is refused as stale (409), the editor
// merges the user's document ("mine") with the server's current one ("theirs") against the revision the
// save was based on ("base"). A field changed on one side only takes that side; a field both sides changed
// differently is a conflict the user decides. Pure, so the browser runs it and the tests take milliseconds.
//
// The fields are derived from the zod schema (every leaf of its objects), so a field added to the document
// is merged without touching this module; its label is required by the SkjValuePath type. Lists without a
// key of their own (education, experience, training, indicators) are one field each, because the analyst
// edits them as one list; competency rows are keyed by their code, so two people may add, drop or re-level
// different competencies without a conflict.
import { z } from "zod";
import type { RichTextNode } from "./richtext";
import { IMPORTANCE_LABELS, IMPORTANCE_ROW_LABELS } from "./labels";
import { golonganLabel, IMPORTANCE_ROWS, isGolongan, SkjDocumentSchema, type ImportanceRow, type SkjDocument } from "./skj-document";

/** What a draft revision holds: the document and the rich text the summary was typed in. */
export interface SkjDraftContent {
  document: SkjDocument;
  summaryJson: RichTextNode | null;
}

export type SkjMergeSection = "identitas" | "kompetensi" | "persyaratan";
export type SkjMergeChoice = "mine" | "theirs";

export interface SkjMergeField {
  /** Stable across the three sides: a schema path ("requirements.rank") or "competencies:<code>". */
  id: string;
  section: SkjMergeSection;
  label: string;
  /** The competency code, for a competency row. */
  code?: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface SkjMerge {
  /** Fields both sides changed, differently. */
  conflicts: SkjMergeField[];
  /** Fields only the other side changed: taken over as they are. */
  fromTheirs: SkjMergeField[];
  /** The merged content, each conflict resolved as `choices` says (mine where it says nothing). */
  content: SkjDraftContent;
}

// Lists whose rows carry their own identity, merged row by row (a row's value is the whole row or absent).
const KEYED_LISTS = { competencies: "code" } as const satisfies Partial<Record<keyof SkjDocument, string>>;
type KeyedList = keyof typeof KEYED_LISTS;

// Every leaf path of the document type: objects are walked into, lists and scalars are leaves.
type LeafPaths<T, P extends string = ""> = {
  [K in keyof T & string]: NonNullable<T[K]> extends readonly unknown[]
    ? `${P}${K}`
    : NonNullable<T[K]> extends object
      ? LeafPaths<NonNullable<T[K]>, `${P}${K}.`>
      : `${P}${K}`;
}[keyof T & string];
export type SkjValuePath = Exclude<LeafPaths<SkjDocument>, KeyedList>;

/** How the editor names each field; the type makes a new schema field fail to compile until it has one. */
export const SKJ_FIELD_LABELS: Record<SkjValuePath, string> = {
  schemaVersion: "Versi format dokumen",
  "position.code": "Kode jabatan",
  "position.name": "Nama jabatan",
  "position.group": "Kelompok jabatan",
  "position.functionalLevel": "Jenjang jabatan fungsional",
  "position.unitCode": "Unit kerja",
  "position.governmentAffair": "Urusan pemerintahan",
  "position.summary": "Ikhtisar jabatan",
  "position.jobCode": "Kode jabatan (cetak)",
  "requirements.rank": "Pangkat/golongan ruang minimal",
  "requirements.education": "Kualifikasi pendidikan",
  "requirements.training.managerial": "Pelatihan manajerial",
  "requirements.training.technical": "Pelatihan teknis",
  "requirements.training.functional": "Pelatihan fungsional",
  "requirements.experience": "Pengalaman kerja",
  "requirements.performanceIndicators": "Indikator kinerja jabatan",
  ...(Object.fromEntries(
    IMPORTANCE_ROWS.map((row) => [`requirements.importance.${row}`, `Tingkat pentingnya: ${IMPORTANCE_ROW_LABELS[row]}`]),
  ) as Record<`requirements.importance.${ImportanceRow}`, string>),
};

const SECTION_OF: Record<keyof SkjDocument, SkjMergeSection> = {
  schemaVersion: "identitas",
  position: "identitas",
  competencies: "kompetensi",
  requirements: "persyaratan",
};

// The summary is typed as rich text; its plain text lives in the document. Both move together, so a
// formatting-only change is a change too.
const SUMMARY_PATH = "position.summary";

/** The value fields of the schema, in document order. */
export function skjValuePaths(schema: z.ZodType = SkjDocumentSchema, prefix: readonly string[] = []): string[][] {
  // an optional object (requirements.importance) is walked into like any other: each of its keys is a field
  if (schema instanceof z.ZodOptional && schema.unwrap() instanceof z.ZodObject) return skjValuePaths(schema.unwrap() as z.ZodType, prefix);
  if (!(schema instanceof z.ZodObject)) return [[...prefix]];
  return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, child]) =>
    prefix.length === 0 && key in KEYED_LISTS ? [] : skjValuePaths(child, [...prefix, key]),
  );
}
const VALUE_PATHS = skjValuePaths();

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function valueAt(content: SkjDraftContent, path: readonly string[]): unknown {
  const plain = path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], content.document);
  return path.join(".") === SUMMARY_PATH ? { text: plain, rich: content.summaryJson } : plain;
}

function setValueAt(content: SkjDraftContent, path: readonly string[], value: unknown): void {
  let plain = value;
  if (path.join(".") === SUMMARY_PATH) {
    const summary = value as { text: string; rich: RichTextNode | null };
    plain = summary.text;
    content.summaryJson = summary.rich;
  }
  const leaf = path[path.length - 1]!;
  // an absent optional field stays absent (no `undefined` key, no empty parent object), so merging two
  // version-1 documents yields a version-1 document
  let parent: Record<string, unknown> | undefined = content.document as unknown as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    if (parent[key] === undefined && plain !== undefined) parent[key] = {};
    parent = parent[key] as Record<string, unknown> | undefined;
    if (parent === undefined) return;
  }
  if (plain === undefined) delete parent[leaf];
  else parent[leaf] = plain;
}

type Row = SkjDocument["competencies"][number];

// A code listed twice (a rule reports it) still keeps both rows: the second is keyed "<code>#2".
function keyedRows(rows: readonly Row[]): Map<string, Row> {
  const seen = new Map<string, number>();
  const out = new Map<string, Row>();
  for (const row of rows) {
    const n = (seen.get(row.code) ?? 0) + 1;
    seen.set(row.code, n);
    out.set(n === 1 ? row.code : `${row.code}#${n}`, row);
  }
  return out;
}

type Outcome = "same" | "mine" | "theirs" | "conflict";
function outcomeOf(base: unknown, mine: unknown, theirs: unknown): Outcome {
  if (deepEqual(mine, theirs)) return "same";
  if (deepEqual(base, theirs)) return "mine";
  if (deepEqual(base, mine)) return "theirs";
  return "conflict";
}

// Without a base (a revision the server no longer knows) no side can be said to be unchanged: every
// difference is a conflict, never a silent pick.
const NO_BASE = Symbol("no base");

export function mergeSkjDrafts(
  base: SkjDraftContent | null,
  mine: SkjDraftContent,
  theirs: SkjDraftContent,
  choices: Readonly<Record<string, SkjMergeChoice>> = {},
): SkjMerge {
  const conflicts: SkjMergeField[] = [];
  const fromTheirs: SkjMergeField[] = [];
  const content: SkjDraftContent = structuredClone(mine);
  const decide = (field: SkjMergeField): unknown => {
    const outcome = outcomeOf(field.base, field.mine, field.theirs);
    if (outcome === "theirs") fromTheirs.push(field);
    if (outcome === "conflict") conflicts.push(field);
    return outcome === "theirs" || (outcome === "conflict" && choices[field.id] === "theirs") ? field.theirs : field.mine;
  };

  for (const path of VALUE_PATHS) {
    const id = path.join(".");
    const field: SkjMergeField = {
      id,
      section: SECTION_OF[path[0] as keyof SkjDocument],
      label: SKJ_FIELD_LABELS[id as SkjValuePath] ?? id,
      base: base ? valueAt(base, path) : NO_BASE,
      mine: valueAt(mine, path),
      theirs: valueAt(theirs, path),
    };
    setValueAt(content, path, structuredClone(decide(field)));
  }

  const rows = {
    base: keyedRows(base?.document.competencies ?? []),
    mine: keyedRows(mine.document.competencies),
    theirs: keyedRows(theirs.document.competencies),
  };
  const merged = new Map<string, Row>();
  for (const key of new Set([...rows.base.keys(), ...rows.mine.keys(), ...rows.theirs.keys()])) {
    const code = (rows.mine.get(key) ?? rows.theirs.get(key) ?? rows.base.get(key))!.code;
    const row = decide({
      id: `competencies:${key}`,
      section: "kompetensi",
      label: code,
      code,
      base: base ? rows.base.get(key) : NO_BASE,
      mine: rows.mine.get(key),
      theirs: rows.theirs.get(key),
    });
    if (row !== undefined) merged.set(key, structuredClone(row as Row));
  }
  content.document.competencies = orderRows(merged, rows);
  return { conflicts, fromTheirs, content };
}

// Rows follow the order of the side that reordered (mine when both did); rows that order does not list
// follow in the other side's order.
function orderRows(merged: ReadonlyMap<string, Row>, rows: Record<"base" | "mine" | "theirs", ReadonlyMap<string, Row>>): Row[] {
  const mineKept = deepEqual([...rows.mine.keys()], [...rows.base.keys()]);
  const [lead, follow] = mineKept ? [rows.theirs, rows.mine] : [rows.mine, rows.theirs];
  const keys = [...new Set([...lead.keys(), ...follow.keys()])].filter((key) => merged.has(key));
  return keys.map((key) => merged.get(key)!);
}

const EMPTY = "(kosong)";
const list = (items: readonly string[]) => (items.length === 0 ? EMPTY : items.join("; "));

/** A side's value of a field as the editor shows it in the conflict box. */
export function describeSkjValue(field: Pick<SkjMergeField, "id" | "code">, value: unknown): string {
  if (field.code !== undefined) return value === undefined ? "tidak ada (dihapus)" : `level ${(value as Row).level}`;
  if (value === null || value === undefined || value === "") return EMPTY;
  if (field.id === SUMMARY_PATH) return (value as { text: string }).text.trim() || EMPTY;
  if (field.id === "requirements.rank" && isGolongan(value)) return golonganLabel(value);
  if (field.id === "requirements.education")
    return list(
      (value as SkjDocument["requirements"]["education"]).map((e) => (e.fields.length ? `${e.level}: ${e.fields.join(", ")}` : e.level)),
    );
  if (field.id === "requirements.experience")
    return list(
      (value as SkjDocument["requirements"]["experience"]).map((e) =>
        e.minYears == null ? e.description : `${e.description} (minimal ${e.minYears} tahun)`,
      ),
    );
  if (field.id.startsWith("requirements.importance.")) return IMPORTANCE_LABELS[value as keyof typeof IMPORTANCE_LABELS] ?? String(value);
  if (Array.isArray(value)) return list(value.map(String));
  return String(value);
}
