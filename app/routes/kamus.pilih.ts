import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guard.server";
import { getDb } from "~db/client.server";
import { listPublishedEntries } from "~db/queries/competencies.server";

// The SKJ editor's picker: published technical entries matching what the analyst types, with their levels.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  const entries = listPublishedEntries(getDb(), { type: "teknis", q: q || undefined, limit: 20 });
  return {
    entries: entries.map((e) => ({ code: e.code, type: e.type, name: e.name, revision: e.revision, latestRevision: e.revision, levels: e.levels })),
  };
}
