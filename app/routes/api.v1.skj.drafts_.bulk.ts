// POST /api/v1/skj/drafts/bulk (contract §7.6): a new draft for each listed position, optionally filled from
// the live version (or open draft) of `fromPositionCode`; a position with an open draft is skipped.
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { apiError, apiJson, requireApiToken } from "~/auth/api.server";
import { methodNotAllowed, readJsonBody } from "~/auth/api-body.server";
import { ROLE_LABELS } from "~/domain/labels";
import { can } from "~/domain/permissions";
import { CODE_MAX } from "~/domain/sotk";
import { BULK_DRAFTS_MAX } from "~/domain/skj-copy";
import { createDraftsInBulk } from "~/services/skj-bulk.server";
import { getDb } from "~db/client.server";

const code = z
  .string({ error: "harus berupa teks kode jabatan." })
  .min(1, "tidak boleh kosong.")
  .max(CODE_MAX, `paling panjang ${CODE_MAX} karakter.`);

const BulkDraftsBody = z.strictObject(
  {
    positionCodes: z
      .array(code, { error: "harus berupa daftar kode jabatan." })
      .min(1, "pilih paling sedikit satu jabatan.")
      .max(BULK_DRAFTS_MAX, `paling banyak ${BULK_DRAFTS_MAX} kode jabatan.`),
    fromPositionCode: code.optional(),
  },
  {
    error: (issue) => (issue.code === "unrecognized_keys" ? `kolom tidak dikenal: ${issue.keys.join(", ")}.` : "harus berupa objek JSON."),
  },
);

export async function loader() {
  return methodNotAllowed();
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed();
  const principal = await requireApiToken(request, "skj:write");
  if (!can(principal.user.role, "skj:write")) {
    throw apiError(
      403,
      "forbidden",
      `Token API ini bertindak sebagai ${principal.user.email} dengan peran ${ROLE_LABELS[principal.user.role]}, yang tidak berwenang menyusun draf SKJ.`,
    );
  }
  const parsed = BulkDraftsBody.safeParse(await readJsonBody(request));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? issue.path.join(".") : "isi permintaan";
    return apiError(422, "invalid_request", `${where}: ${issue.message} Tidak ada draf yang dibuat.`);
  }
  const outcome = createDraftsInBulk(getDb(), { ...parsed.data, actorId: principal.user.id, via: "api", tokenId: principal.tokenId });
  if (!outcome.ok) return apiError(422, "invalid_request", `${outcome.message} Tidak ada draf yang dibuat.`);
  return apiJson({ results: outcome.results });
}
