import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guard.server";
import { sotkTemplateXlsx } from "~/services/sotk-files.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  return new Response(new Uint8Array(await sotkTemplateXlsx()), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="templat-impor-sotk.xlsx"',
    },
  });
}
