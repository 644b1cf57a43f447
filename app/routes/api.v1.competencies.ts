// GET /api/v1/competencies (contract §5): the published dictionary, each entry at its latest published
// revision, by competency id in keyset pages. Levels and indicators of a page come in two queries.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiJson, requireApiToken } from "~/auth/api.server";
import { COMPETENCY_TYPES, type CompetencyType } from "~/domain/dictionary";
import { etagMatches, REVALIDATE_EVERY_TIME } from "~/domain/http-cache";
import { parsePageParams, toPage } from "~/domain/pagination";
import { getDb } from "~db/client.server";
import { listPublishedEntries } from "~db/queries/competencies.server";
import { dictionaryGeneration } from "~db/queries/dictionary-search.server";

const Q_MAX = 200;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApiToken(request, "skj:read");
  const db = getDb();
  const params = new URL(request.url).searchParams;
  const page = parsePageParams(params);
  if (!page.ok) throw apiError(400, page.error, page.message);

  const type = params.get("type") || undefined;
  if (type !== undefined && !(COMPETENCY_TYPES as readonly string[]).includes(type)) {
    throw apiError(400, "invalid_type", `Jenis kompetensi tidak dikenal: ${type}. Pilihan: ${COMPETENCY_TYPES.join(", ")}.`);
  }
  const q = params.get("q")?.trim() || undefined;
  if (q && q.length > Q_MAX) throw apiError(400, "invalid_q", `Kata kunci pencarian maksimal ${Q_MAX} karakter.`);

  // the same dictionary answers the same page: a client that kept it is told so without a body
  const etag = `W/"kamus-${dictionaryGeneration(db)}"`;
  if (etagMatches(request.headers.get("If-None-Match"), etag)) {
    return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": REVALIDATE_EVERY_TIME } });
  }
  const rows = listPublishedEntries(db, { type: type as CompetencyType | undefined, q, afterId: page.afterId, limit: page.limit + 1 });
  return apiJson(
    toPage(
      rows,
      page.limit,
      (r) => r.id,
      (r) => ({
        code: r.code,
        type: r.type,
        name: r.name,
        definition: r.definition,
        revision: r.revision,
        levels: r.levels.map((l) => ({ level: l.level, description: l.description, indicators: l.indicators })),
      }),
    ),
    { headers: { ETag: etag, "Cache-Control": REVALIDATE_EVERY_TIME } },
  );
}
