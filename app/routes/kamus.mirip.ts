import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guard.server";
import { getDb } from "~db/client.server";
import { similarCompetencyNames } from "~db/queries/dictionary-search.server";

// Likely duplicates of a name being typed in the editor (a warning, never a block).
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "dictionary:write");
  const url = new URL(request.url);
  const name = (url.searchParams.get("name") ?? "").slice(0, 200);
  const code = url.searchParams.get("code") || undefined;
  return { similar: similarCompetencyNames(getDb(), name, code).map((s) => ({ code: s.code, name: s.name })) };
}
