import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/form";
import { NewToken, SCOPE_DESCRIPTIONS } from "~/components/new-token";
import { API_SCOPES, ApiTokenNameSchema, ScopeListSchema, tokenCreationRefusal, type Scope } from "~/domain/api-tokens";
import type { FieldErrors } from "~/domain/forms";
import { getDb } from "~db/client.server";
import { createApiToken, listApiTokens, revokeApiToken } from "~db/queries/api-tokens.server";
import { getUser, listUsers } from "~db/queries/users.server";
import { formatTanggalWaktu } from "~/domain/format-date";
import { ROLE_LABELS } from "~/domain/labels";
import { readFormBody } from "~/services/request-body.server";

export const meta: MetaFunction = () => [{ title: "Token API — SKJ Studio" }];

const IdSchema = z.coerce.number({ error: "Pilih pengguna pemilik token." }).int().positive("Pilih pengguna pemilik token.");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "users:manage");
  const db = getDb();
  const tokens = listApiTokens(db);
  const asked = IdSchema.safeParse(new URL(request.url).searchParams.get("cabut"));
  // only an active token can be asked about; a stale link simply shows the list
  const confirmRevoke = asked.success && tokens.some((t) => t.id === asked.data && !t.revokedAt) ? asked.data : null;
  return {
    tokens,
    users: listUsers(db)
      .filter((u) => u.active)
      .map((u) => ({ id: u.id, name: u.name, email: u.email, role: u.role })),
    confirmRevoke,
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

const when = (iso: string | null) => (iso ? formatTanggalWaktu(iso) : null);

export default function TokensPage() {
  const { tokens, users, confirmRevoke } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const notice = useSearchParams()[0].get("notice");
  const navigation = useNavigation();
  const creating = navigation.state === "submitting" && navigation.formData?.get("intent") === "create";
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
      {/* remounted after each creation so the form starts empty again */}
      <Form method="post" className="stacked card" noValidate key={created?.token ?? "form"}>
        <input type="hidden" name="intent" value="create" />
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
        <Field label="Nama token" error={failed?.errors.name} hint="Untuk apa token ini dipakai, misalnya “Mesin pemetaan kompetensi”.">
          <input type="text" name="name" autoComplete="off" defaultValue={values?.name ?? ""} />
        </Field>
        <fieldset className="level-box" aria-describedby={failed?.errors.scopes ? "scopes-error" : undefined}>
          <legend>Cakupan</legend>
          {API_SCOPES.map((scope) => (
            <label key={scope} className="checkbox">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={values?.scopes.includes(scope) ?? false} />
              <span>
                <code>{scope}</code> — {SCOPE_DESCRIPTIONS[scope]}
              </span>
            </label>
          ))}
          {failed?.errors.scopes ? (
            <p className="field-error" id="scopes-error" role="alert">
              {failed.errors.scopes}
            </p>
          ) : null}
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" disabled={creating}>
            {creating ? "Membuat…" : "Buat token"}
          </button>
        </div>
      </Form>

      <h2>Daftar token</h2>
      {tokens.length === 0 ? (
        <p className="empty">Belum ada token API.</p>
      ) : (
        <table className="data" aria-label="Daftar token API">
          <thead>
            <tr>
              <th scope="col">Nama</th>
              <th scope="col">Pengguna</th>
              <th scope="col">Cakupan</th>
              <th scope="col">Dibuat</th>
              <th scope="col">Terakhir dipakai</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Tindakan</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id}>
                <td>{t.name}</td>
                <td>
                  {t.userName}
                  <div className="muted">{t.userEmail}</div>
                </td>
                <td>{Array.isArray(t.scopes) ? t.scopes.join(", ") : "—"}</td>
                <td>{when(t.createdAt)}</td>
                <td>{when(t.lastUsedAt) ?? <span className="muted">Belum pernah</span>}</td>
                <td>
                  {t.revokedAt ? (
                    <span className="tag tag-off">Dicabut {when(t.revokedAt)}</span>
                  ) : t.userActive ? (
                    <span className="tag tag-ok">Aktif</span>
                  ) : (
                    <span className="tag tag-warn">Pengguna nonaktif</span>
                  )}
                </td>
                <td>
                  {t.revokedAt ? null : confirmRevoke === t.id ? (
                    <Form method="post" className="actions">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="id" value={t.id} />
                      <span>Cabut token ini untuk selamanya?</span>
                      <button type="submit" className="button">
                        Ya, cabut token
                      </button>
                      <Link to="/admin/tokens">Batal</Link>
                    </Form>
                  ) : (
                    // asking is not a change, so it is a GET; only the confirmation posts
                    <Form method="get">
                      <input type="hidden" name="cabut" value={t.id} />
                      <button type="submit" className="button button-secondary" aria-label={`Cabut token ${t.name}`}>
                        Cabut
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
