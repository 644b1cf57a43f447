// Readable before/after summaries for the audit log.
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

export function describeChanges(changes: ReturnType<typeof changedFields>): string {
  return changes.map((c) => `${c.field}: ${formatValue(c.before)} → ${formatValue(c.after)}`).join("; ");
}

function formatValue(v: unknown): string {
  if (v === undefined || v === null || v === "") return "—";
  if (typeof v === "boolean") return v ? "ya" : "tidak";
  return String(v);
}
