import { data, redirect } from "@remix-run/node";
import { definitionColumns, TechnicalEntrySchema } from "~/domain/dictionary";
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
  const definition = parseRichText(payload.definitionJson, "Definisi");
  // the rich text is the definition: a plain text sent beside it is replaced by the one derived from it, so
  // what the reviewer reads on the page is what the API and the published SKJ carry
  const derivedText = definition.ok ? definitionColumns(definition.doc).definitionText : "";
  const entry =
    payload.entry && typeof payload.entry === "object"
      ? { ...(payload.entry as Record<string, unknown>), definitionText: derivedText }
      : payload.entry;
  const parsed = TechnicalEntrySchema.safeParse(entry);
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
  const notice = result.unchanged
    ? `Tidak ada perubahan; revisi ${result.revision} tetap seperti semula.`
    : `Draf revisi ${result.revision} disimpan.`;
  throw redirect(`${entryPath(result.code)}?notice=${encodeURIComponent(notice)}`);
}
