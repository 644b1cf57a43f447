import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guard.server";
import { isoTanggalWib } from "~/domain/format-date";
import { unitsXlsx } from "~/services/units-export.server";
import { getDb } from "~db/client.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  return new Response(new Uint8Array(await unitsXlsx(getDb())), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="unit-organisasi-${isoTanggalWib()}.xlsx"`,
    },
  });
}
