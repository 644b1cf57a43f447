import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guard.server";
import { skjRowsXlsx } from "~/services/skj-rows-export.server";
import { getDb } from "~db/client.server";
import { findUnitByCode } from "~db/queries/register.server";
import { isoTanggalWib } from "~/domain/format-date";

// GET /skj/ekspor.xlsx?unit=CODE: one row per position × competency of the live published SKJ.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  const db = getDb();
  const unitCode = new URL(request.url).searchParams.get("unit")?.trim() || undefined;
  // a mistyped code must not pass for a unit without SKJ
  if (unitCode !== undefined && !findUnitByCode(db, unitCode)) throw new Response("Unit kerja tidak ditemukan.", { status: 404 });
  const bytes = await skjRowsXlsx(db, { unitCode });
  const date = isoTanggalWib();
  const scope = unitCode ? `-${unitCode.replace(/[^A-Za-z0-9._-]+/g, "_")}` : "";
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Length": String(bytes.length),
      "Cache-Control": "no-store",
      "Content-Disposition": `attachment; filename="baris-skj${scope}-${date}.xlsx"`,
    },
  });
}
