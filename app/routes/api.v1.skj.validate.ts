// POST /api/v1/skj/validate (contract §5): every rule of §4 over a posted document, nothing stored.
import type { ActionFunctionArgs } from "@remix-run/node";
import { apiJson, requireApiToken } from "~/auth/api.server";
import { apiResults, methodNotAllowed, readJsonBody } from "~/auth/api-body.server";
import { hasBlockingErrors } from "~/domain/skj-rules";
import { validateDocument } from "~/services/skj.server";
import { getDb } from "~db/client.server";

export async function loader() {
  return methodNotAllowed();
}

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed();
  await requireApiToken(request, "any");
  const body = await readJsonBody(request);
  const results = validateDocument(getDb(), body);
  return apiJson({ valid: !hasBlockingErrors(results), results: apiResults(results) });
}
