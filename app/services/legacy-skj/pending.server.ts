// The page's two steps (contract §7.5): the upload cannot be sent again with "Impor N draf", so the analysed
// rows wait on disk between them, under an unguessable id and bound to the user who uploaded, for an hour.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEFAULT_DATABASE_PATH } from "~db/client.server";
import type { LegacyImportRow } from "./import.server";

const KEEP_MS = 60 * 60 * 1000;
const ID = /^[0-9a-f]{32}$/;

interface PendingAnalysis {
  userId: number;
  files: string[];
  rows: LegacyImportRow[];
}

/** legacy-imports/ beside the database file (like exports/); a temporary folder for an in-memory database. */
function folder(): string {
  const database = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
  if (database === ":memory:") return path.join(os.tmpdir(), "skj-legacy-imports");
  return path.join(path.dirname(path.resolve(database)), "legacy-imports");
}

const fileOf = (id: string) => path.join(folder(), `${id}.json`);

/** Analyses older than an hour are gone: nobody checks a list that long, and the register may have moved. */
function removeStale(now: number) {
  for (const name of fs.readdirSync(folder())) {
    const file = path.join(folder(), name);
    // another request may have removed it between the listing and here
    const modified = fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    if (modified !== undefined && now - modified > KEEP_MS) fs.rmSync(file, { force: true });
  }
}

export function savePendingAnalysis(userId: number, files: string[], rows: LegacyImportRow[]): string {
  fs.mkdirSync(folder(), { recursive: true });
  removeStale(Date.now());
  const id = randomBytes(16).toString("hex");
  const pending: PendingAnalysis = { userId, files, rows };
  fs.writeFileSync(fileOf(id), JSON.stringify(pending), { flag: "wx", mode: 0o600 });
  return id;
}

/** The analysis `id` made for this user, or null: unknown, expired, or someone else's. */
export function loadPendingAnalysis(id: string, userId: number): PendingAnalysis | null {
  if (!ID.test(id)) return null;
  let pending: PendingAnalysis;
  try {
    if (Date.now() - fs.statSync(fileOf(id)).mtimeMs > KEEP_MS) return null;
    pending = JSON.parse(fs.readFileSync(fileOf(id), "utf8")) as PendingAnalysis;
  } catch {
    return null;
  }
  return pending.userId === userId ? pending : null;
}

export function discardPendingAnalysis(id: string) {
  if (ID.test(id)) fs.rmSync(fileOf(id), { force: true });
}

/** What the user decided per row: left out, or the position chosen among that row's candidates. */
export type RowChoice = { keep: false } | { keep: true; positionCode: string };

/**
 * The rows to import with the user's choices applied. A position that is not among the row's candidates is
 * refused (the form cannot offer it), so a crafted request cannot send an SKJ to an arbitrary position; two
 * rows for one position are refused too.
 */
export function applyChoices(
  rows: readonly LegacyImportRow[],
  choices: readonly RowChoice[],
): { ok: true; rows: LegacyImportRow[]; chosen: (string | null)[] } | { ok: false; message: string } {
  const kept: LegacyImportRow[] = [];
  const chosen = rows.map((_, i) => {
    const c = choices[i];
    return c?.keep ? c.positionCode : null;
  });
  const rowOf = new Map<string, number>();
  for (const [i, row] of rows.entries()) {
    const choice = choices[i];
    if (!choice?.keep) continue;
    // one draft per position: the page makes the user choose rather than let the later row win unseen
    const earlier = rowOf.get(choice.positionCode);
    if (earlier !== undefined)
      return {
        ok: false,
        message: `Baris ${earlier + 1} dan ${i + 1} sama-sama diimpor ke jabatan ${choice.positionCode}; hapus centang salah satunya atau pilih jabatan lain.`,
      };
    rowOf.set(choice.positionCode, i);
    if (row.match?.positionCode === choice.positionCode) {
      kept.push(row);
      continue;
    }
    const candidate = row.candidates.find((c) => c.positionCode === choice.positionCode);
    if (!candidate) return { ok: false, message: `Baris ${i + 1}: jabatan "${choice.positionCode}" bukan salah satu kandidat SKJ ini.` };
    kept.push({
      ...row,
      match: { positionCode: candidate.positionCode, score: candidate.score },
      document: { ...row.document, position: { ...row.document.position, code: candidate.positionCode, unitCode: candidate.unitCode } },
    });
  }
  return { ok: true, rows: kept, chosen };
}
