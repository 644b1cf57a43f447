// What a SOTK import would change, field by field (contract §7.4: an update shows each changed field,
// old → new, before it is applied). The same comparison decides whether a row is written at all, so the
// preview can never disagree with the import.
import { unitKindText } from "./import-words";
import { FUNCTIONAL_LEVEL_LABELS, GROUP_LABELS, UNIT_KIND_LABELS } from "./labels";
import { COLUMNS, type LegalBasis, type PositionRow, type SheetKind, type UnitRow } from "./sotk-import";

/** A stored unit in the terms of an import row (parent by code). */
export interface StoredUnit {
  name: string;
  kind: string;
  kindLabel: string | null;
  echelon: string | null;
  parentCode: string | null;
  legalBasis: LegalBasis | null;
}

export interface StoredPosition {
  name: string;
  group: string;
  functionalLevel: string | null;
  unitCode: string | null;
  governmentAffair: string | null;
  summary: string;
  requiredHeadcount: number | null;
}

export interface FieldChange {
  /** The column label, as the template and exports write it */
  field: string;
  before: string;
  after: string;
}

export interface RowChange {
  sheet: SheetKind;
  action: "create" | "update";
  code: string;
  name: string;
  /** Empty for a new row */
  fields: FieldChange[];
}

const labelOf = (sheet: SheetKind, column: string) => COLUMNS[sheet].find((c) => c.name === column)!.label;

export function formatLegalBasis(basis: LegalBasis | null): string {
  return basis ? `${basis.kind} Nomor ${basis.number} Tahun ${basis.year}` : "";
}

type Compared = [column: string, before: string, after: string | undefined];

function changedFields(sheet: SheetKind, compared: readonly Compared[]): FieldChange[] {
  return compared
    .filter(([, before, after]) => after !== undefined && before !== after)
    .map(([column, before, after]) => ({ field: labelOf(sheet, column), before, after: after! }));
}

// `undefined` in a row means the file had no such column: the stored value stays, so it is no change
export function unitFieldChanges(row: UnitRow, stored: StoredUnit): FieldChange[] {
  const kindBefore = unitKindText(stored.kind, stored.kindLabel);
  const kindAfter = unitKindText(row.kind, row.kindLabel);
  return changedFields("unit", [
    ["nama_unit", stored.name, row.name],
    // one word may name two structural kinds only in data made outside the import; the kind still counts
    [
      "jenis_unit",
      kindBefore,
      kindAfter === kindBefore && row.kind !== stored.kind ? `${kindAfter} (${UNIT_KIND_LABELS[row.kind]})` : kindAfter,
    ],
    ["eselon", stored.echelon ?? "", row.echelon === undefined ? undefined : (row.echelon ?? "")],
    ["kode_unit_induk", stored.parentCode ?? "", row.parentCode ?? ""],
    ["dasar_hukum", formatLegalBasis(stored.legalBasis), row.legalBasis === undefined ? undefined : formatLegalBasis(row.legalBasis)],
  ]);
}

const groupText = (group: string) => GROUP_LABELS[group] ?? group;
const levelText = (level: string | null) => (level ? (FUNCTIONAL_LEVEL_LABELS[level] ?? level) : "");
const optional = <T>(value: T | undefined, text: (v: T) => string) => (value === undefined ? undefined : text(value));

export function positionFieldChanges(row: PositionRow, stored: StoredPosition): FieldChange[] {
  return changedFields("jabatan", [
    ["nama_jabatan", stored.name, row.name],
    ["kelompok_jabatan", groupText(stored.group), groupText(row.group)],
    ["jenjang", levelText(stored.functionalLevel), levelText(row.functionalLevel)],
    ["kode_unit", stored.unitCode ?? "", row.unitCode],
    ["urusan_pemerintahan", stored.governmentAffair ?? "", optional(row.governmentAffair, (v) => v ?? "")],
    // summaryText is what the import wrote last time; comparing it (not the JSON) keeps rich text edited
    // in the app when the file still says the same thing
    ["ikhtisar_jabatan", stored.summary, row.summary],
    [
      "kebutuhan",
      stored.requiredHeadcount === null ? "" : String(stored.requiredHeadcount),
      optional(row.requiredHeadcount, (v) => (v === null ? "" : String(v))),
    ],
  ]);
}

const SHEET_LABELS: Record<SheetKind, string> = { unit: "Unit", jabatan: "Jabatan" };
const ACTION_LABELS = { create: "baru", update: "diubah" } as const;
const shown = (text: string) => (text === "" ? "(kosong)" : `"${text}"`);

/** One row as the CLI prints it with `--dry-run`: a title line, then one indented line per field. */
export function changeLines(
  title: string,
  action: RowChange["action"],
  code: string,
  name: string,
  fields: readonly FieldChange[],
): string[] {
  return [
    `${title} ${ACTION_LABELS[action]}: ${code} — ${name}`,
    ...fields.map((f) => `  ${f.field}: ${shown(f.before)} → ${shown(f.after)}`),
  ];
}

export function formatRowChanges(changes: readonly RowChange[]): string[] {
  return changes.flatMap((c) => changeLines(SHEET_LABELS[c.sheet], c.action, c.code, c.name, c.fields));
}

/** What the check page lists: changed rows and new rows, each list cut at `limit` with the rest counted. */
export interface ChangePreview {
  updated: RowChange[];
  created: RowChange[];
  moreUpdated: number;
  moreCreated: number;
}

export function changePreview(changes: readonly RowChange[], limit: number): ChangePreview {
  const updated = changes.filter((c) => c.action === "update");
  const created = changes.filter((c) => c.action === "create");
  return {
    updated: updated.slice(0, limit),
    created: created.slice(0, limit),
    moreUpdated: Math.max(0, updated.length - limit),
    moreCreated: Math.max(0, created.length - limit),
  };
}
