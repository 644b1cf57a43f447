// Readable before/after summaries for the audit log: Indonesian field names, labelled codes.
import { FUNCTIONAL_LEVEL_LABELS, GROUP_LABELS, ROLE_LABELS, UNIT_KIND_LABELS } from "./labels";

export type Snapshot = Record<string, unknown>;

/** The fields whose values differ, with both values, ignoring keys that never belong in a log. */
export function changedFields(before: Snapshot | null, after: Snapshot | null, hidden: readonly string[] = ["passwordHash"]) {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: { field: string; before: unknown; after: unknown }[] = [];
  for (const field of keys) {
    if (hidden.includes(field)) continue;
    const a = before?.[field];
    const b = after?.[field];
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ field, before: a, after: b });
  }
  return changes;
}

// the fields of the positions, units and users whose changes are summarised
const FIELD_LABELS: Record<string, string> = {
  code: "kode",
  name: "nama",
  group: "kelompok jabatan",
  functionalLevel: "jenjang",
  unitId: "unit",
  governmentAffair: "urusan pemerintahan",
  summary: "ikhtisar",
  requiredHeadcount: "kebutuhan",
  kind: "jenis unit",
  echelon: "eselon",
  parentId: "unit induk",
  legalBasis: "dasar hukum",
  role: "peran",
  active: "aktif",
};

const VALUE_LABELS: Record<string, Readonly<Record<string, string>>> = {
  group: GROUP_LABELS,
  functionalLevel: FUNCTIONAL_LEVEL_LABELS,
  kind: UNIT_KIND_LABELS,
  role: ROLE_LABELS,
};

export function describeChanges(changes: ReturnType<typeof changedFields>): string {
  return changes
    .map((c) => `${FIELD_LABELS[c.field] ?? c.field}: ${formatValue(c.field, c.before)} → ${formatValue(c.field, c.after)}`)
    .join("; ");
}

function formatValue(field: string, v: unknown): string {
  if (v === undefined || v === null || v === "") return "—";
  if (typeof v === "boolean") return v ? "ya" : "tidak";
  return VALUE_LABELS[field]?.[String(v)] ?? String(v);
}
