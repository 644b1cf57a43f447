// Revision workflow of a dictionary entry: draft → diajukan → diterbitkan, with four-eyes on publishing:
// nobody who submitted the revision or changed any of its texts publishes it.
import { can, type Role } from "./permissions";
import type { RevisionStatus } from "./dictionary";

export type RevisionAction = "save" | "submit" | "publish" | "return";

export interface RevisionFacts {
  status: RevisionStatus;
  submittedBy: number | null;
  /** everyone who changed the revision's texts (a save that changed nothing is not counted) */
  contributors: readonly number[];
}

export interface Actor {
  id: number;
  role: Role;
}

export type WorkflowDecision = { ok: true; next: RevisionStatus; newRevision: boolean } | { ok: false; status: 403 | 409; message: string };

const refuse = (status: 403 | 409, message: string): WorkflowDecision => ({ ok: false, status, message });

/**
 * What `action` on an entry's latest revision leads to. `latest` is null for a new entry;
 * saving over a published revision opens the next revision as a draft.
 */
export function decideRevisionAction(
  action: RevisionAction,
  latest: RevisionFacts | null,
  actor: Actor,
  isRegulationEntry: boolean,
): WorkflowDecision {
  if (isRegulationEntry) return refuse(403, "Kompetensi dari Permenpan RB 38/2017 tidak dapat diubah atau dihapus.");
  switch (action) {
    case "save":
      if (!can(actor.role, "dictionary:write")) return refuse(403, "Anda tidak memiliki izin mengubah kamus kompetensi.");
      if (!latest || latest.status === "diterbitkan") return { ok: true, next: "draft", newRevision: latest !== null };
      // editing a submitted revision takes it back out of review
      return { ok: true, next: "draft", newRevision: false };
    case "submit":
      if (!can(actor.role, "dictionary:write")) return refuse(403, "Anda tidak memiliki izin mengajukan revisi kamus.");
      if (latest?.status !== "draft") return refuse(409, "Hanya revisi berstatus draf yang dapat diajukan.");
      return { ok: true, next: "diajukan", newRevision: false };
    case "publish":
      if (!can(actor.role, "dictionary:publish")) return refuse(403, "Hanya reviewer atau admin yang dapat menerbitkan revisi kamus.");
      if (latest?.status !== "diajukan") return refuse(409, "Hanya revisi yang sudah diajukan yang dapat diterbitkan.");
      if (latest.submittedBy === actor.id || latest.contributors.includes(actor.id)) {
        return refuse(403, "Prinsip empat mata: Anda tidak dapat menerbitkan revisi yang Anda ajukan atau ikut Anda ubah.");
      }
      return { ok: true, next: "diterbitkan", newRevision: false };
    case "return":
      if (!can(actor.role, "dictionary:publish")) return refuse(403, "Hanya reviewer atau admin yang dapat mengembalikan revisi kamus.");
      if (latest?.status !== "diajukan") return refuse(409, "Hanya revisi yang sudah diajukan yang dapat dikembalikan.");
      return { ok: true, next: "draft", newRevision: false };
  }
}
