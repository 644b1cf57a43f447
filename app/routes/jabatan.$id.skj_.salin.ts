import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guard.server";
import { parseCopyParts, type CopyReply } from "~/domain/skj-copy";
import { readJsonObject } from "~/services/request-body.server";
import { copySourceCandidates } from "~/services/skj-bulk.server";
import { applyCopy, previewCopy, undoCopy } from "~/services/skj-copy-into.server";
import { idParam } from "~/utils/params";
import { getDb } from "~db/client.server";
import { findPositionById } from "~db/queries/register.server";

// "Salin dari SKJ serupa" in the editor, as plain JSON read by the editor's own code (like the autosave next
// door): GET ?q= finds sources, GET ?sumber=&bagian= previews the change, POST applies it or undoes it.

const reply = (body: CopyReply, status = 200) => Response.json(body, { status });

function positionOf(id: string | undefined) {
  const position = findPositionById(getDb(), idParam(id, "Jabatan tidak ditemukan."));
  if (!position) throw new Response("Jabatan tidak ditemukan.", { status: 404 });
  return position;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "skj:write");
  const position = positionOf(params.id);
  const url = new URL(request.url);
  const source = url.searchParams.get("sumber");
  if (source !== null) {
    const result = previewCopy(getDb(), position.id, source, parseCopyParts(url.searchParams.getAll("bagian")));
    return result.ok ? reply({ ok: true, preview: result.preview }) : reply({ ok: false, message: result.message }, result.status);
  }
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const candidates = q ? copySourceCandidates(getDb(), q).filter((c) => c.code !== position.code) : [];
  return reply({ ok: true, candidates });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "skj:write");
  const position = positionOf(params.id);
  const body = await readJsonObject(request);
  if (!body || typeof body.baseRevision !== "number") return reply({ ok: false, message: "Data tidak terbaca; muat ulang halaman." }, 400);
  const db = getDb();
  const base = { positionId: position.id, baseRevision: body.baseRevision, actorId: user.id };
  const result =
    body.intent === "undo"
      ? undoCopy(db, base)
      : applyCopy(db, {
          ...base,
          sourceCode: String(body.sourceCode ?? ""),
          parts: parseCopyParts(Array.isArray(body.parts) ? body.parts : []),
        });
  return result.ok ? reply({ ok: true, applied: result.applied }) : reply({ ok: false, message: result.message }, result.status);
}
