import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { attemptLogin } from "~/auth/login.server";
import { getSessionUser, startSession } from "~/auth/session.server";
import { Field } from "~/components/form";
import { fieldErrorsOf, type FieldErrors } from "~/domain/forms";
import { safeRedirectTarget } from "~/domain/redirect-target";
import { LoginSchema } from "~/domain/users";
import { getDb } from "~db/client.server";
import { recordAudit } from "~db/queries/audit.server";
import { readFormBody } from "~/services/request-body.server";

export const meta: MetaFunction = () => [{ title: "Masuk — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) throw redirect("/");
  return null;
}

type ActionResult = { errors?: FieldErrors; formError?: string; email: string };

export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormBody(request);
  const email = String(form.get("email") ?? "");
  const parsed = LoginSchema.safeParse({ email, password: form.get("password") ?? "" });
  if (!parsed.success) return data<ActionResult>({ errors: fieldErrorsOf(parsed.error), email }, { status: 422 });
  const target = safeRedirectTarget(form.get("redirectTo"));
  const result = await attemptLogin(parsed.data.email, parsed.data.password);
  if (!result.ok) return data<ActionResult>({ formError: result.message, email }, { status: 401 });
  recordAudit(getDb(), { actorId: result.userId, action: "auth.login", entityType: "session", summary: `Masuk: ${parsed.data.email}` });
  const cookie = await startSession(result.userId);
  throw redirect(target, { headers: { "Set-Cookie": cookie } });
}

export default function LoginPage() {
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <div className="login-wrap">
      <div className="login-card">
        <h1>Masuk ke SKJ Studio</h1>
        <p className="muted">Penyusunan Standar Kompetensi Jabatan — Biro Organisasi</p>
        {/* nothing here is worth a "leave this page?" question */}
        <Form method="post" className="stacked" noValidate data-leave-guard="off">
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
          {result?.formError ? (
            <p className="form-error" role="alert">
              {result.formError}
            </p>
          ) : null}
          <Field label="Email" error={result?.errors?.email}>
            {/* biome-ignore lint/a11y/noAutofocus: the login page has one task, typing the e-mail */}
            <input name="email" type="email" autoComplete="username" defaultValue={result?.email} autoFocus required />
          </Field>
          <Field label="Kata sandi" error={result?.errors?.password}>
            <input name="password" type="password" autoComplete="current-password" required />
          </Field>
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Memproses…" : "Masuk"}
          </button>
        </Form>
      </div>
    </div>
  );
}
