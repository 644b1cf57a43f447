import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guard.server";
import { suggestTechnicalCompetencies } from "~/services/competency-suggestions.server";
import { idParam } from "~/utils/params";
import { getDb } from "~db/client.server";
import { findOpenDraft } from "~db/queries/skj-drafts.server";

const NOT_FOUND = "Jabatan tidak ditemukan.";
// competency codes hold no comma (contract §2), so the editor sends the chosen ones comma-separated
const MAX_CHOSEN = 200;

// The SKJ editor's picker before anything is typed: technical entries suggested for this position, with why.
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  const db = getDb();
  const positionId = idParam(params.id, NOT_FOUND);
  const sent = new URL(request.url).searchParams.get("ada");
  const draft = findOpenDraft(db, positionId);
  // the editor sends the form's codes, saved or not; without them the saved draft's
  const chosen =
    sent === null ? (draft?.document.competencies.map((c) => c.code) ?? []) : sent.split(",").filter(Boolean).slice(0, MAX_CHOSEN);
  const suggestions = suggestTechnicalCompetencies(db, positionId, {
    exclude: chosen,
    summary: draft?.document.position.summary,
  });
  if (!suggestions) throw new Response(NOT_FOUND, { status: 404 });
  return { suggestions };
}
