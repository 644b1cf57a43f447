// Every user's own API tokens. A token with skj:review is made here by its owner, never by an admin for
// someone else (docs/decisions/013-four-eyes-and-tokens.md).
import { readFormBody } from "~/services/request-body.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ApiTokenForm } from "~/components/api-token-form";
import { ApiTokenTable } from "~/components/api-token-table";
import { NewToken } from "~/components/new-token";
import { ApiTokenNameSchema, revokeAsked, ScopeListSchema, scopesForRole, type Scope } from "~/domain/api-tokens";
import type { FieldErrors } from "~/domain/forms";
import { getDb } from "~db/client.server";
import { createApiToken, listApiTokens, revokeApiToken } from "~db/queries/api-tokens.server";

export const meta: MetaFunction = () => [{ title: "Token API saya — SKJ Studio" }];

const IdSchema = z.coerce.number().int().positive();

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read");
  const tokens = listApiTokens(getDb(), user.id);
  return {
    tokens,
    scopes: scopesForRole(user.role),
    confirmRevoke: revokeAsked(new URL(request.url).searchParams.get("cabut"), tokens),
  };
}

type ActionResult =
  | { errors: FieldErrors; values: { name: string; scopes: string[] } }
  | { created: { token: string; name: string; userEmail: string; scopes: Scope[] } };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "read");
  const form = await readFormBody(request);
  const db = getDb();
  if (form.get("intent") === "revoke") {
    const id = IdSchema.safeParse(form.get("id"));
    const token = id.success ? listApiTokens(db, user.id).find((t) => t.id === id.data) : undefined;
    if (!token) throw new Response("Token tidak ditemukan.", { status: 404 });
    revokeApiToken(db, token.id, user.id);
    throw redirect(`/akun/token?notice=${encodeURIComponent(`Token "${token.name}" dicabut.`)}`);
  }
  if (form.get("intent") !== "create") throw new Response("Tindakan tidak dikenal.", { status: 400 });

  const values = { name: String(form.get("name") ?? ""), scopes: form.getAll("scopes").map(String) };
  const errors: FieldErrors = {};
  const name = ApiTokenNameSchema.safeParse(values.name);
  if (!name.success) errors.name = name.error.issues[0]!.message;
  const scopes = ScopeListSchema.safeParse(values.scopes.join(","));
  if (!scopes.success) errors.scopes = scopes.error.issues[0]!.message;
  const allowed = scopesForRole(user.role);
  const beyond = scopes.success ? scopes.data.filter((s) => !allowed.includes(s)) : [];
  if (beyond.length) errors.scopes = `Peran Anda tidak dapat memakai cakupan ${beyond.join(", ")}.`;
  if (!name.success || !scopes.success || beyond.length) return data<ActionResult>({ errors, values }, { status: 422 });

  const { token } = createApiToken(db, { userId: user.id, name: name.data, scopes: scopes.data }, user.id);
  return data<ActionResult>(
    { created: { token, name: name.data, userEmail: user.email, scopes: scopes.data } },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function OwnTokensPage() {
  const { tokens, scopes, confirmRevoke } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const notice = useSearchParams()[0].get("notice");
  const failed = result && "errors" in result ? result : undefined;
  const created = result && "created" in result ? result.created : undefined;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Token API saya</h1>
          <p>
            Token bertindak atas nama Anda di API SKJ Studio, dengan hak peran Anda. Token peninjauan (skj:review) hanya dapat dibuat di
            sini oleh pemiliknya. Waktu dalam WIB.
          </p>
        </div>
      </div>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {created ? <NewToken created={created} /> : null}

      <h2>Buat token</h2>
      <ApiTokenForm
        scopes={scopes}
        failed={failed}
        createdToken={created?.token}
        nameHint="Untuk apa token ini dipakai, misalnya “Skrip peninjauan”."
      />

      <h2>Token saya</h2>
      {tokens.length === 0 ? (
        <p className="empty">Anda belum memiliki token API.</p>
      ) : (
        <ApiTokenTable tokens={tokens} label="Token API saya" showOwner={false} confirmRevoke={confirmRevoke} pagePath="/akun/token" />
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
