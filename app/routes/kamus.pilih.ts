import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guard.server";
import { getDb } from "~db/client.server";
import { listPublishedEntries } from "~db/queries/competencies.server";
import { searchHighlighter } from "~db/queries/dictionary-search.server";

const PICKER_SIZE = 20;

// The SKJ editor's picker: published technical entries matching what the analyst types, best first by the
// dictionary page's search, with their levels and, for an entry found outside its code and name, where.
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  const entries = listPublishedEntries(getDb(), { type: "teknis", q: q || undefined, limit: PICKER_SIZE });
  const highlight = q ? searchHighlighter(q) : null;
  return {
    entries: entries.map((e) => {
      const match = highlight?.({
        code: e.code,
        name: e.name,
        definition: e.definition,
        levels: e.levels.map((l) => l.description).join("\n"),
        indicators: e.levels.flatMap((l) => l.indicators).join("\n"),
      });
      return {
        code: e.code,
        type: e.type,
        name: e.name,
        revision: e.revision,
        latestRevision: e.revision,
        levels: e.levels,
        ...(match && match.matchedIn !== "code" && match.matchedIn !== "name" ? { match } : {}),
      };
    }),
  };
}
