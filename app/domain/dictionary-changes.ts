// What a dictionary import would change in an entry, field by field, for the CLI's `--dry-run` (contract
// §7.4). The same comparison decides whether an entry gets a new revision, so the check cannot disagree
// with the import.
import { LEVELS } from "./dictionary";
import { changeLines, type FieldChange } from "./sotk-changes";

/** An entry's texts as the import compares them: the definition as plain text, the source as the `sumber` cell. */
export interface EntryTexts {
  name: string;
  definition: string;
  source: string;
  levels: readonly { level: number; description: string; indicators: readonly string[] }[];
}

export function entryFieldChanges(next: EntryTexts, stored: EntryTexts): FieldChange[] {
  const compared: [string, string, string][] = [
    ["Nama", stored.name, next.name],
    ["Definisi", stored.definition, next.definition],
    ["Sumber", stored.source, next.source],
  ];
  const levelOf = (texts: EntryTexts, n: number) => texts.levels.find((l) => l.level === n);
  for (const n of LEVELS) {
    const [before, after] = [levelOf(stored, n), levelOf(next, n)];
    compared.push([`Level ${n} deskripsi`, before?.description ?? "", after?.description ?? ""]);
    compared.push([`Level ${n} indikator`, (before?.indicators ?? []).join("\n"), (after?.indicators ?? []).join("\n")]);
  }
  return compared.filter(([, before, after]) => before !== after).map(([field, before, after]) => ({ field, before, after }));
}

export interface EntryChange {
  action: "create" | "update";
  code: string;
  name: string;
  /** Empty for a new entry */
  fields: FieldChange[];
}

/** The change list as the CLI prints it with `--dry-run`. */
export function formatEntryChanges(changes: readonly EntryChange[]): string[] {
  return changes.flatMap((c) => changeLines("Kompetensi", c.action, c.code, c.name, c.fields));
}
