import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/auth/guard.server";
import { getDb } from "~db/client.server";
import { searchUnitChoices } from "~db/queries/register.server";

const PICKER_SIZE = 20;

// The unit picker's matches for what the user types: a province has thousands of units, so pages load the
// few that match instead of listing them all (issue 18 item 2).
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "read");
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").slice(0, 100);
  return { units: searchUnitChoices(getDb(), q, PICKER_SIZE, { activeOnly: params.get("aktif") === "1" }) };
}
