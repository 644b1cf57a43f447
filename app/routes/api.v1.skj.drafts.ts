// POST /api/v1/skj/drafts (contract §5): creates the open draft of `position.code`, or replaces the
// document of the open draft, for migration scripts and other systems that push drafts in.
import type { ActionFunctionArgs } from "@remix-run/node";
import { desc, eq } from "drizzle-orm";
import { apiError, apiJson, requireApiToken } from "~/auth/api.server";
import { can } from "~/domain/permissions";
import { plainTextToDoc } from "~/domain/richtext";
import { SkjDocumentSchema, type SkjDocument } from "~/domain/skj-document";
import { RULES, type RuleResult } from "~/domain/skj-rules";
import { validateDocument } from "~/services/skj.server";
import { getDb, type Db } from "~db/client.server";
import { recordAudit } from "~db/queries/audit.server";
import { findPositionByCode } from "~db/queries/register.server";
import { createDraft, EDITABLE_STATES, findOpenDraft, saveDraft, type DraftState, type DraftView } from "~db/queries/skj-drafts.server";
import { skjVersions } from "~db/schema";
import { apiResults, methodNotAllowed, readJsonBody } from "~/auth/api-body.server";
import { ROLE_LABELS } from "~/domain/labels";

const LOCKED_STATE_TEXT: Partial<Record<DraftState, string>> = {
  diajukan: "sedang diajukan untuk ditinjau",
  disetujui: "sudah disetujui dan menunggu penetapan",
};

type Stored = { kind: "created" | "replaced"; draft: DraftView } | { kind: "locked"; state: DraftState } | { kind: "conflict" };

export async function loader() {
  return methodNotAllowed();
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed();
  const principal = await requireApiToken(request, "skj:write");
  // a token acts as its user: the scope alone does not let a viewer's token write
  if (!can(principal.user.role, "skj:write")) {
    throw apiError(
      403,
      "forbidden",
      `Token API ini bertindak sebagai ${principal.user.email} dengan peran ${ROLE_LABELS[principal.user.role]}, yang tidak berwenang menyusun draf SKJ.`,
    );
  }
  const body = await readJsonBody(request);
  const db = getDb();

  const parsed = SkjDocumentSchema.safeParse(body);
  if (!parsed.success) {
    return apiJson(
      {
        error: "invalid_document",
        message: "Bentuk dokumen SKJ tidak sesuai; tidak ada yang disimpan. Perbaiki kolom yang tercantum pada results.",
        results: apiResults(validateDocument(db, body)),
      },
      { status: 422 },
    );
  }
  const document = parsed.data;
  const results = validateDocument(db, document);

  const position = findPositionByCode(db, document.position.code);
  if (!position?.active) {
    const message = position
      ? `Jabatan dengan kode "${document.position.code}" sudah dinonaktifkan dalam SOTK; draf SKJ hanya dapat disusun untuk jabatan yang aktif.`
      : `Jabatan dengan kode "${document.position.code}" tidak terdaftar dalam SOTK; daftarkan jabatan terlebih dahulu atau periksa kodenya.`;
    return apiJson(
      {
        error: "invalid_document",
        message: `${message} Tidak ada yang disimpan.`,
        results: apiResults([unknownPositionResult(message), ...results]),
      },
      { status: 422 },
    );
  }

  const stored = storeDraft(db, {
    positionId: position.id,
    document,
    actorId: principal.user.id,
    tokenId: principal.tokenId,
    tokenName: principal.tokenName,
  });
  switch (stored.kind) {
    case "locked":
      return apiError(
        409,
        "draft_locked",
        `Draf SKJ ${position.code} ${LOCKED_STATE_TEXT[stored.state] ?? "tidak dapat diubah"}, sehingga tidak dapat diganti melalui API. Tunggu keputusan reviewer atau minta draf dikembalikan.`,
      );
    case "conflict":
      return apiError(409, "draft_conflict", `Draf SKJ ${position.code} baru saja diubah oleh pengguna lain; kirim ulang permintaan ini.`);
    default:
      return apiJson(
        { positionCode: position.code, draftRevision: stored.draft.revision, results: apiResults(results) },
        { status: stored.kind === "created" ? 201 : 200 },
      );
  }
}

function unknownPositionResult(message: string): RuleResult {
  const rule = RULES.find((r) => r.code === "SKJ-IDENTITAS")!;
  return { rule: rule.code, severity: rule.severity, path: "position.code", message, citation: rule.citation };
}

/**
 * Find-then-create/replace in one IMMEDIATE transaction, so the write lock is held from the read on: two
 * pushes for the same position (from this process or the CLI) cannot both create, and the replace always
 * saves over the revision it just read. createDraft and saveDraft open their own transactions, which
 * better-sqlite3 nests as savepoints, so the replace's audit row commits or rolls back with the save.
 */
function storeDraft(
  db: Db,
  input: { positionId: number; document: SkjDocument; actorId: number; tokenId: number; tokenName: string },
): Stored {
  const summaryJson = plainTextToDoc(input.document.position.summary);
  return db.transaction(
    (): Stored => {
      const open = findOpenDraft(db, input.positionId);
      if (!open) {
        const latest = db
          .select({ id: skjVersions.id })
          .from(skjVersions)
          .where(eq(skjVersions.positionId, input.positionId))
          .orderBy(desc(skjVersions.versionNumber))
          .get();
        const draft = createDraft(db, {
          positionId: input.positionId,
          document: input.document,
          summaryJson,
          basedOnVersionId: latest?.id ?? null,
          actorId: input.actorId,
          via: "api",
          tokenId: input.tokenId,
        });
        return { kind: "created", draft };
      }
      if (!EDITABLE_STATES.includes(open.state)) return { kind: "locked", state: open.state };
      const saved = saveDraft(db, {
        draftId: open.id,
        baseRevision: open.revision,
        document: input.document,
        summaryJson,
        actorId: input.actorId,
      });
      if (!saved.ok)
        return saved.reason === "locked" && saved.current ? { kind: "locked", state: saved.current.state } : { kind: "conflict" };
      if (saved.unchanged) return { kind: "replaced", draft: saved.draft };
      // saveDraft audits nothing (autosaves would drown the log); a wholesale replacement by a machine should be traceable
      recordAudit(db, {
        actorId: input.actorId,
        tokenId: input.tokenId,
        action: "skj.draft.replace",
        entityType: "skj_draft",
        entityId: open.id,
        summary: `Dokumen draf SKJ ${input.document.position.code} diganti melalui API (token "${input.tokenName}"), revisi ${open.revision} → ${saved.draft.revision}`,
        before: { revision: open.revision },
        after: { revision: saved.draft.revision },
      });
      return { kind: "replaced", draft: saved.draft };
    },
    { behavior: "immediate" },
  );
}
