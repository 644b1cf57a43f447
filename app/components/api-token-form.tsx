// "Buat token": a token's name and scopes, checked on the server, shared by the admin's and the own-token page.
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Scope } from "~/domain/api-tokens";
import type { FieldErrors } from "~/domain/forms";
import { Field } from "./form";
import { SCOPE_DESCRIPTIONS } from "./new-token";

interface Props {
  /** The scopes offered. */
  scopes: readonly Scope[];
  /** The refused submission: its errors by field and what was typed. */
  failed: { errors: FieldErrors; values: { name: string; scopes: string[] } } | undefined;
  /** The secret just created: the form starts empty again after each one. */
  createdToken: string | undefined;
  nameHint: string;
  /** Fields a page adds before the name, e.g. the admin's choice of owner. */
  children?: ReactNode;
}

export function ApiTokenForm({ scopes, failed, createdToken, nameHint, children }: Props) {
  const navigation = useNavigation();
  const creating = navigation.state === "submitting" && navigation.formData?.get("intent") === "create";
  return (
    <Form method="post" className="stacked card" noValidate key={createdToken ?? "form"}>
      <input type="hidden" name="intent" value="create" />
      {children}
      <Field label="Nama token" error={failed?.errors.name} hint={nameHint}>
        <input type="text" name="name" autoComplete="off" defaultValue={failed?.values.name ?? ""} />
      </Field>
      <fieldset className="level-box" aria-describedby={failed?.errors.scopes ? "scopes-error" : undefined}>
        <legend>Cakupan</legend>
        {scopes.map((scope) => (
          <label key={scope} className="checkbox">
            <input type="checkbox" name="scopes" value={scope} defaultChecked={failed?.values.scopes.includes(scope) ?? false} />
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
  );
}
