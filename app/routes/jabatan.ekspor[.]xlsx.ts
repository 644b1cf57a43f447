import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guard.server";
import { parseRegisterQuery } from "~/domain/register-filter";
import { registerXlsx } from "~/services/register-export.server";
import { getDb } from "~db/client.server";
import { isoTanggalWib } from "~/domain/format-date";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  const bytes = await registerXlsx(getDb(), parseRegisterQuery(new URL(request.url).searchParams));
  const date = isoTanggalWib();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="register-jabatan-${date}.xlsx"`,
    },
  });
}
