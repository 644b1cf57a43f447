// GET /api/v1/instance (contract §7.6): the instance profile of §7.1; 404 until an admin has filled it in.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, apiJson, requireApiToken } from "~/auth/api.server";
import { INSTANCE_MISSING_MESSAGE } from "~/domain/instance";
import { getDb } from "~db/client.server";
import { instanceProfile } from "~db/queries/instance.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireApiToken(request, "skj:read");
  const profile = instanceProfile(getDb());
  if (!profile) throw apiError(404, "not_found", INSTANCE_MISSING_MESSAGE);
  const { kind, name, headTitle, place, regionalGovernment } = profile;
  return apiJson({ kind, name, headTitle, place, regionalGovernment });
}
