// GET /api/v1/units (contract §5): the active SOTK units, by id, in keyset pages.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiJson, requireApiToken } from "~/auth/api.server";
import { parsePageParams, toPage } from "~/domain/pagination";
import { getDb } from "~db/client.server";
import { listUnitsAfter } from "~db/queries/register.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApiToken(request, "skj:read");
  const page = parsePageParams(new URL(request.url).searchParams);
  if (!page.ok) throw apiError(400, page.error, page.message);
  const rows = listUnitsAfter(getDb(), page.afterId, page.limit + 1);
  return apiJson(
    toPage(
      rows,
      page.limit,
      (r) => r.id,
      (r) => ({ code: r.code, name: r.name, kind: r.kind, echelon: r.echelon, parentCode: r.parentCode, path: r.path }),
    ),
  );
}
