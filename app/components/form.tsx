import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { cloneElement, useEffect, useId, type FormEvent, type ReactElement } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { z } from "zod";
import type { FieldErrors } from "~/domain/forms";

/**
 * react-hook-form with the document's zod schema: the browser checks before sending, then the native
 * form posts its FormData to the action, which parses it with the very same schema.
 */
export function useSchemaForm<T extends FieldValues>(
  schema: z.ZodType<unknown, T>,
  defaultValues: DefaultValues<T>,
  serverErrors: FieldErrors | undefined,
) {
  const submit = useSubmit();
  const form = useForm<T>({
    resolver: zodResolver(schema as never) as unknown as Resolver<T>,
    defaultValues,
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  useEffect(() => {
    for (const [name, message] of Object.entries(serverErrors ?? {})) {
      form.setError(name as Path<T>, { type: "server", message });
    }
  }, [serverErrors, form]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    void form.handleSubmit(() => submit(element))(event);
  };
  return { form, onSubmit };
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  children: ReactElement<Record<string, unknown>>;
}

/** A labelled input with its error message tied to it for screen readers. */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
