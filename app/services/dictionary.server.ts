import { data, redirect } from "@remix-run/node";
import { TechnicalEntrySchema } from "~/domain/dictionary";
import type { Actor } from "~/domain/dictionary-workflow";
import { fieldErrorsOf } from "~/domain/forms";
import type { Db } from "~db/client.server";
import { saveTechnicalEntry } from "~db/queries/dictionary.server";
import { entryPath } from "~/utils/paths";
import { readJsonObject } from "./request-body.server";
import { parseRichText } from "./richtext.server";

/** The editor posts JSON ({entry, definitionJson, baseRevisionId, baseUpdatedAt}); one schema validates it here and in the browser. */
export async function submitEntryForm(db: Db, request: Request, code: string | null, actor: Actor) {
  const payload = await readJsonObject(request);
  if (!payload) return data({ errors: { _form: "Data formulir tidak terbaca. Muat ulang halaman lalu coba lagi." } }, { status: 400 });
  const parsed = TechnicalEntrySchema.safeParse(payload.entry);
  const definition = parseRichText(payload.definitionJson, "Definisi");
  if (!parsed.success || !definition.ok) {
    const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
    if (!definition.ok) errors.definitionText = definition.message;
    return data({ errors }, { status: 422 });
  }
  const result = saveTechnicalEntry(db, {
    code,
    input: parsed.data,
    definitionJson: definition.doc,
    actor,
    baseRevisionId: typeof payload.baseRevisionId === "number" ? payload.baseRevisionId : null,
    baseUpdatedAt: typeof payload.baseUpdatedAt === "string" ? payload.baseUpdatedAt : null,
  });
  if (!result.ok) return data({ errors: result.errors }, { status: result.status });
  throw redirect(`${entryPath(result.code)}?notice=${encodeURIComponent(`Draf revisi ${result.revision} disimpan.`)}`);
}
