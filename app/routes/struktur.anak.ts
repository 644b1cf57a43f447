import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guard.server";
import { TREE_PARENTS_PER_REQUEST } from "~/domain/unit-tree";
import { strictId } from "~/utils/params";
import { getDb } from "~db/client.server";
import { childUnits } from "~db/queries/unit-tree.server";

// The sub-units of the branches the user opens in the organisation tree (`?induk=<id>`, repeated for
// "Buka semua"): the page itself holds only the perangkat daerah (ADR 034).
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  const asked = new URL(request.url).searchParams.getAll("induk");
  const ids = asked.map(strictId);
  if (ids.length === 0 || ids.length > TREE_PARENTS_PER_REQUEST || ids.some((id) => id === null)) {
    throw new Response(`Parameter induk harus berisi 1–${TREE_PARENTS_PER_REQUEST} id unit.`, { status: 400 });
  }
  return { units: childUnits(getDb(), ids as number[]) };
}
