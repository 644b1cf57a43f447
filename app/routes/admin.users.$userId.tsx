import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, useSchemaForm } from "~/components/form";
import { fieldErrorsOf, type FieldErrors } from "~/domain/forms";
import { ROLES } from "~/domain/permissions";
import { PASSWORD_MIN, UserUpdateSchema } from "~/domain/users";
import { updateAccount } from "~/services/users.server";
import { idParam } from "~/utils/params";
import { getDb } from "~db/client.server";
import { getUser } from "~db/queries/users.server";
import { ROLE_LABELS } from "~/domain/labels";
import { readFormBody } from "~/services/request-body.server";

export const meta: MetaFunction = () => [{ title: "Ubah pengguna — SKJ Studio" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "users:manage");
  const user = getUser(getDb(), idParam(params.userId, "Pengguna tidak ditemukan."));
  if (!user) throw new Response("Pengguna tidak ditemukan.", { status: 404 });
  return { user, isSelf: user.id === admin.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "users:manage");
  const form = await readFormBody(request);
  const parsed = UserUpdateSchema.safeParse({
    name: form.get("name") ?? "",
    role: form.get("role") ?? "",
    active: form.get("active") === "on",
    password: form.get("password") ?? "",
  });
  if (!parsed.success) return data({ errors: fieldErrorsOf(parsed.error) }, { status: 422 });
  const result = await updateAccount(getDb(), idParam(params.userId, "Pengguna tidak ditemukan."), parsed.data, admin.id);
  if (!result.ok) return data({ errors: result.errors }, { status: 422 });
  throw redirect(`/admin?notice=${encodeURIComponent(`Perubahan pengguna ${result.user.email} disimpan.`)}`);
}

type FormValues = z.input<typeof UserUpdateSchema>;

export default function EditUserPage() {
  const { user, isSelf } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as { errors?: FieldErrors } | undefined;
  const busy = useNavigation().state === "submitting";
  const { form, onSubmit } = useSchemaForm<FormValues>(
    UserUpdateSchema,
    { name: user.name, role: user.role, active: user.active, password: "" },
    result?.errors,
  );
  const errors = form.formState.errors;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Ubah pengguna</h1>
          <p>
            {user.email} · <Link to="/admin">← Kembali ke daftar pengguna</Link>
          </p>
        </div>
      </div>
      <Form method="post" className="stacked card" noValidate onSubmit={onSubmit}>
        <Field label="Nama lengkap" error={errors.name?.message}>
          <input type="text" {...form.register("name")} />
        </Field>
        <Field label="Peran" error={errors.role?.message} hint={isSelf ? "Anda tidak dapat mengubah peran akun Anda sendiri." : undefined}>
          <select {...form.register("role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </Field>
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" {...form.register("active")} /> Akun aktif (dapat masuk)
          </label>
          {errors.active?.message ? <p className="field-error">{errors.active.message}</p> : null}
        </div>
        <Field
          label="Kata sandi baru"
          error={errors.password?.message}
          hint={`Kosongkan bila tidak diganti; minimal ${PASSWORD_MIN} karakter.`}
        >
          <input type="password" autoComplete="new-password" {...form.register("password")} />
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Menyimpan…" : "Simpan perubahan"}
          </button>
          <Link to="/admin">Batal</Link>
        </div>
      </Form>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
