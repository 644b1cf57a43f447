// GET /kamus/ekspor?format=xlsx|json&type=&q=: the published dictionary as a download, in the import format
// (contract §6), so that an export re-imports unchanged. Without `type` only technical entries; `type=semua` all.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guard.server";
import { COMPETENCY_TYPES, type CompetencyType } from "~/domain/dictionary";
import { dictionaryToJson, dictionaryToXlsx } from "~/services/dictionary-files.server";
import { getDb } from "~db/client.server";
import { exportDictionary } from "~db/queries/dictionary-import.server";
import { isoTanggalWib } from "~/domain/format-date";

const FORMATS = ["xlsx", "json"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  const params = new URL(request.url).searchParams;
  const format = params.get("format") || "xlsx";
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new Response(`Format ekspor tidak dikenal: ${format}. Pilihan: ${FORMATS.join(", ")}.`, { status: 400 });
  }
  const type = params.get("type") || undefined;
  if (type !== undefined && type !== "semua" && !(COMPETENCY_TYPES as readonly string[]).includes(type)) {
    throw new Response(`Jenis kompetensi tidak dikenal: ${type}. Pilihan: semua, ${COMPETENCY_TYPES.join(", ")}.`, { status: 400 });
  }
  const entries = exportDictionary(getDb(), {
    type: type as CompetencyType | "semua" | undefined,
    q: params.get("q")?.trim() || undefined,
  });
  const name = `kamus-kompetensi-${type ?? "teknis"}-${isoTanggalWib()}`;
  if (format === "json") {
    return new Response(dictionaryToJson(entries), {
      headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.json"` },
    });
  }
  return new Response(new Uint8Array(await dictionaryToXlsx(entries)), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${name}.xlsx"`,
    },
  });
}
