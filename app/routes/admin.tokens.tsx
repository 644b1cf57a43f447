import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ApiTokenForm } from "~/components/api-token-form";
import { ApiTokenTable } from "~/components/api-token-table";
import { Field } from "~/components/form";
import { NewToken } from "~/components/new-token";
import { API_SCOPES, ApiTokenNameSchema, revokeAsked, ScopeListSchema, tokenCreationRefusal, type Scope } from "~/domain/api-tokens";
import type { FieldErrors } from "~/domain/forms";
import { getDb } from "~db/client.server";
import { createApiToken, listApiTokens, revokeApiToken } from "~db/queries/api-tokens.server";
import { getUser, listUsers } from "~db/queries/users.server";
import { ROLE_LABELS } from "~/domain/labels";
import { readFormBody } from "~/services/request-body.server";

export const meta: MetaFunction = () => [{ title: "Token API — SKJ Studio" }];

const IdSchema = z.coerce.number({ error: "Pilih pengguna pemilik token." }).int().positive("Pilih pengguna pemilik token.");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "users:manage");
  const db = getDb();
  const tokens = listApiTokens(db);
  return {
    tokens,
    users: listUsers(db)
      .filter((u) => u.active)
      .map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role })),
    confirmRevoke: revokeAsked(new URL(request.url).searchParams.get("cabut"), tokens),
  };
}

type ActionResult =
  | { errors: FieldErrors; values: { userId: string; name: string; scopes: string[] } }
  | { created: { token: string; name: string; userEmail: string; scopes: Scope[] } };

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "users:manage");
  const form = await readFormBody(request);
  const db = getDb();
  const intent = form.get("intent");

  if (intent === "revoke") {
    const id = IdSchema.safeParse(form.get("id"));
    if (!id.success) throw new Response("Token tidak ditemukan.", { status: 404 });
    const token = listApiTokens(db).find((t) => t.id === id.data);
    if (!token) throw new Response("Token tidak ditemukan.", { status: 404 });
    const revoked = revokeApiToken(db, id.data, admin.id);
    const notice = revoked ? `Token "${token.name}" milik ${token.userEmail} dicabut.` : `Token "${token.name}" sudah dicabut sebelumnya.`;
    throw redirect(`/admin/tokens?notice=${encodeURIComponent(notice)}`);
  }
  if (intent !== "create") throw new Response("Tindakan tidak dikenal.", { status: 400 });

  const values = {
    userId: String(form.get("userId") ?? ""),
    name: String(form.get("name") ?? ""),
    scopes: form.getAll("scopes").map(String),
  };
  const errors: FieldErrors = {};
  const userId = IdSchema.safeParse(values.userId);
  const owner = userId.success ? getUser(db, userId.data) : undefined;
  if (!owner?.active) errors.userId = "Pilih pengguna aktif sebagai pemilik token.";
  const name = ApiTokenNameSchema.safeParse(values.name);
  if (!name.success) errors.name = name.error.issues[0]!.message;
  // checkboxes arrive as repeated fields; the shared schema reads the CLI's comma list
  const scopes = ScopeListSchema.safeParse(values.scopes.join(","));
  if (!scopes.success) errors.scopes = scopes.error.issues[0]!.message;
  if (owner && scopes.success) {
    const refusal = tokenCreationRefusal(scopes.data, owner.id, admin.id);
    if (refusal) errors.scopes = refusal;
  }
  if (!owner?.active || !name.success || !scopes.success || errors.scopes) return data<ActionResult>({ errors, values }, { status: 422 });

  const { token } = createApiToken(db, { userId: owner.id, name: name.data, scopes: scopes.data }, admin.id);
  // the secret exists only in this response: nothing may keep a copy of it
  return data<ActionResult>(
    { created: { token, name: name.data, userEmail: owner.email, scopes: scopes.data } },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function TokensPage() {
  const { tokens, users, confirmRevoke } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const notice = useSearchParams()[0].get("notice");
  const failed = result && "errors" in result ? result : undefined;
  const created = result && "created" in result ? result.created : undefined;
  const values = failed?.values;

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Token API</h1>
          <p>
            Token untuk sistem lain yang memakai API SKJ Studio. Token bertindak sebagai penggunanya; hanya sidik (hash) token yang
            disimpan. Waktu dalam WIB.
          </p>
        </div>
        <Link to="/admin">← Admin</Link>
      </div>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {created ? <NewToken created={created} /> : null}

      <h2>Buat token</h2>
      <ApiTokenForm
        scopes={API_SCOPES}
        failed={failed}
        createdToken={created?.token}
        nameHint="Untuk apa token ini dipakai, misalnya “Mesin pemetaan kompetensi”."
      >
        <Field
          label="Pengguna"
          error={failed?.errors.userId}
          hint="Token mendapat hak peran pengguna ini; cakupan tidak dapat melampaui perannya."
        >
          <select name="userId" defaultValue={values?.userId ?? ""}>
            <option value="">Pilih pengguna…</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email}, {ROLE_LABELS[u.role]})
              </option>
            ))}
          </select>
        </Field>
      </ApiTokenForm>

      <h2>Daftar token</h2>
      {tokens.length === 0 ? (
        <p className="empty">Belum ada token API.</p>
      ) : (
        <ApiTokenTable tokens={tokens} label="Daftar token API" showOwner confirmRevoke={confirmRevoke} pagePath="/admin/tokens" />
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
