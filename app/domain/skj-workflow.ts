// The life of an SKJ: draf → diajukan → disetujui | dikembalikan → ditetapkan → diganti | dicabut.
// One table of transitions, who may make them and the four-eyes rule, for the UI and the API alike.
import { can, type Role } from "./permissions";
import { hasBlockingErrors, type RuleResult } from "./skj-rules";

export type DraftState = "draf" | "diajukan" | "disetujui" | "dikembalikan";
export type SkjTransition = "submit" | "approve" | "return" | "publish" | "withdraw";

export interface DraftFacts {
  state: DraftState;
  submittedBy: number | null;
  /**
   * Everyone who changed the draft's content since the last published version: whoever opened it (its
   * first revision) and whoever saved a revision that differs from the one before. A save that changed
   * nothing is not counted.
   */
  contributors: readonly number[];
}

export interface WorkflowActor {
  id: number;
  role: Role;
  /** the API token the actor acts through, named in the audit log */
  tokenId?: number;
}

export type TransitionDecision = { ok: true; next: DraftState | "ditetapkan" } | { ok: false; status: 403 | 409 | 422; message: string };

const refuse = (status: 403 | 409 | 422, message: string): TransitionDecision => ({ ok: false, status, message });

export const JUSTIFICATION_MIN = 10;
export const COMMENT_MAX = 4_000;

/**
 * Whether `actor` may move a draft on. Submission also needs the rule results: errors block it, warnings
 * need a written justification. Nobody approves or publishes what they submitted or helped write.
 */
export function decideTransition(
  transition: Exclude<SkjTransition, "withdraw">,
  draft: DraftFacts,
  actor: WorkflowActor,
  extra: { results?: readonly RuleResult[]; justification?: string | null; comment?: string | null } = {},
): TransitionDecision {
  const fourEyes = draft.submittedBy === actor.id || draft.contributors.includes(actor.id);
  switch (transition) {
    case "submit": {
      if (!can(actor.role, "skj:write")) return refuse(403, "Anda tidak memiliki izin mengajukan SKJ.");
      if (draft.state !== "draf" && draft.state !== "dikembalikan")
        return refuse(409, "Hanya draf yang belum diajukan yang dapat diajukan.");
      const results = extra.results ?? [];
      if (hasBlockingErrors(results)) return refuse(409, "Masih ada kesalahan aturan; perbaiki dahulu sebelum mengajukan.");
      const warnings = results.filter((r) => r.severity === "warning").length;
      if (warnings > 0 && (extra.justification ?? "").trim().length < JUSTIFICATION_MIN) {
        return refuse(
          422,
          `Ada ${warnings} peringatan: tuliskan alasan (minimal ${JUSTIFICATION_MIN} karakter) mengapa SKJ tetap diajukan.`,
        );
      }
      return { ok: true, next: "diajukan" };
    }
    case "approve":
      if (!can(actor.role, "skj:review")) return refuse(403, "Hanya reviewer atau admin yang dapat menyetujui SKJ.");
      if (draft.state !== "diajukan") return refuse(409, "Hanya SKJ yang sedang diajukan yang dapat disetujui.");
      if (fourEyes) return refuse(403, "Prinsip empat mata: Anda tidak dapat menyetujui SKJ yang Anda ajukan atau ikut Anda ubah.");
      return { ok: true, next: "disetujui" };
    case "return":
      if (!can(actor.role, "skj:review")) return refuse(403, "Hanya reviewer atau admin yang dapat mengembalikan SKJ.");
      if (draft.state !== "diajukan" && draft.state !== "disetujui")
        return refuse(409, "Hanya SKJ yang diajukan atau disetujui yang dapat dikembalikan.");
      if ((extra.comment ?? "").trim().length === 0) return refuse(422, "Tuliskan catatan untuk analis saat mengembalikan SKJ.");
      return { ok: true, next: "dikembalikan" };
    case "publish":
      if (!can(actor.role, "skj:publish")) return refuse(403, "Hanya reviewer atau admin yang dapat menetapkan SKJ.");
      if (draft.state !== "disetujui") return refuse(409, "Hanya SKJ yang sudah disetujui yang dapat ditetapkan.");
      if (fourEyes) return refuse(403, "Prinsip empat mata: Anda tidak dapat menetapkan SKJ yang Anda ajukan atau ikut Anda ubah.");
      return { ok: true, next: "ditetapkan" };
  }
}

/** Withdrawing (mencabut) a published version: reviewers and admins, with a reason. */
export function decideWithdrawal(actor: WorkflowActor, reason: string | null | undefined): TransitionDecision {
  if (!can(actor.role, "skj:publish")) return refuse(403, "Hanya reviewer atau admin yang dapat mencabut SKJ.");
  if ((reason ?? "").trim().length < JUSTIFICATION_MIN)
    return refuse(422, `Tuliskan alasan pencabutan (minimal ${JUSTIFICATION_MIN} karakter).`);
  return { ok: true, next: "ditetapkan" };
}

/** Which transitions the UI offers `actor` on a draft (the server decides again on every request). */
export function availableTransitions(draft: DraftFacts, actor: WorkflowActor): Exclude<SkjTransition, "withdraw">[] {
  const candidates = ["submit", "approve", "return", "publish"] as const;
  // submission is offered while rules are unknown here; the decision with results happens on the server
  return candidates.filter((t) => decideTransition(t, draft, actor, t === "submit" ? {} : { comment: "x" }).ok);
}
