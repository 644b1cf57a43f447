// GET /api/v1/positions (contract §5): active positions, by id, in keyset pages, filtered like the register page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiJson, requireApiToken } from "~/auth/api.server";
import { parsePageParams, toPage } from "~/domain/pagination";
import { POSITION_GROUPS, type PositionGroup } from "~/domain/sotk";
import { getDb } from "~db/client.server";
import { findUnitByCode, listPositionsAfter } from "~db/queries/register.server";

const Q_MAX = 200;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApiToken(request, "skj:read");
  const params = new URL(request.url).searchParams;
  const page = parsePageParams(params);
  if (!page.ok) throw apiError(400, page.error, page.message);

  const group = params.get("group") || undefined;
  if (group !== undefined && !(POSITION_GROUPS as readonly string[]).includes(group)) {
    throw apiError(400, "invalid_group", `Kelompok jabatan tidak dikenal: ${group}. Pilihan: ${POSITION_GROUPS.join(", ")}.`);
  }
  const q = params.get("q")?.trim() || undefined;
  if (q && q.length > Q_MAX) throw apiError(400, "invalid_q", `Kata kunci pencarian maksimal ${Q_MAX} karakter.`);

  const db = getDb();
  const unitCode = params.get("unitCode") || undefined;
  let unitId: number | undefined;
  if (unitCode !== undefined) {
    const unit = findUnitByCode(db, unitCode);
    // a filter on a unit that does not exist matches nothing; it is not a malformed request
    if (!unit) return apiJson({ items: [], nextCursor: null });
    unitId = unit.id;
  }

  const rows = listPositionsAfter(db, { unitId, group: group as PositionGroup | undefined, q }, page.afterId, page.limit + 1);
  return apiJson(
    toPage(
      rows,
      page.limit,
      (r) => r.id,
      (r) => ({
        code: r.code,
        name: r.name,
        group: r.group,
        functionalLevel: r.functionalLevel,
        unitCode: r.unitCode,
        governmentAffair: r.governmentAffair,
        summary: r.summaryText,
        skjStatus: r.skjStatus,
      }),
    ),
  );
}
