import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, useSchemaForm } from "~/components/form";
import { fieldErrorsOf, type FieldErrors } from "~/domain/forms";
import { ROLES } from "~/domain/permissions";
import { PASSWORD_MIN, UserCreateSchema } from "~/domain/users";
import { createAccount } from "~/services/users.server";
import { getDb } from "~db/client.server";
import { ROLE_LABELS } from "~/domain/labels";
import { readFormBody } from "~/services/request-body.server";

export const meta: MetaFunction = () => [{ title: "Tambah pengguna — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "users:manage");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "users:manage");
  const parsed = UserCreateSchema.safeParse(Object.fromEntries(await readFormBody(request)));
  if (!parsed.success) return data({ errors: fieldErrorsOf(parsed.error) }, { status: 422 });
  const result = await createAccount(getDb(), parsed.data, admin.id);
  if (!result.ok) return data({ errors: result.errors }, { status: 422 });
  throw redirect(`/admin?notice=${encodeURIComponent(`Pengguna ${result.user.email} dibuat.`)}`);
}

type FormValues = z.input<typeof UserCreateSchema>;

export default function NewUserPage() {
  const result = useActionData<typeof action>() as { errors?: FieldErrors } | undefined;
  const busy = useNavigation().state === "submitting";
  const { form, onSubmit } = useSchemaForm<FormValues>(
    UserCreateSchema,
    { email: "", name: "", role: "analis", password: "" },
    result?.errors,
  );
  const errors = form.formState.errors;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Tambah pengguna</h1>
          <p>
            <Link to="/admin">← Kembali ke daftar pengguna</Link>
          </p>
        </div>
      </div>
      <Form method="post" className="stacked card" noValidate onSubmit={onSubmit}>
        <Field label="Nama lengkap" error={errors.name?.message}>
          <input type="text" autoComplete="name" {...form.register("name")} />
        </Field>
        <Field label="Email" error={errors.email?.message}>
          <input type="email" autoComplete="off" {...form.register("email")} />
        </Field>
        <Field label="Peran" error={errors.role?.message}>
          <select {...form.register("role")}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="Kata sandi awal"
          error={errors.password?.message}
          hint={`Minimal ${PASSWORD_MIN} karakter; sampaikan kepada pengguna secara langsung.`}
        >
          <input type="password" autoComplete="new-password" {...form.register("password")} />
        </Field>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Menyimpan…" : "Simpan pengguna"}
          </button>
          <Link to="/admin">Batal</Link>
        </div>
      </Form>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
