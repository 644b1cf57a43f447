// GET /kamus/standar-jf/ekspor.json: every national JF standard in the import's JSON format, so that a standard is
// edited by exporting, changing and importing it back (an unchanged export imports with nothing changed).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guard.server";
import { isoTanggalWib } from "~/domain/format-date";
import { getDb } from "~db/client.server";
import { listJfStandards, toJfStandard } from "~db/queries/jf-standards.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  const standards = listJfStandards(getDb()).map(toJfStandard);
  return new Response(`${JSON.stringify(standards, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="standar-nasional-jf-${isoTanggalWib()}.json"`,
    },
  });
}
