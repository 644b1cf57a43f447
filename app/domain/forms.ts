import type { z } from "zod";

export type FieldErrors = Record<string, string>;

/** First message per field path ("a.b.0"), the shape both the server reply and the form display use. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}
