import { data, redirect } from "@remix-run/node";
import { fieldErrorsOf } from "~/domain/forms";
import { docToPlainText } from "~/domain/richtext";
import { PositionSchema } from "~/domain/sotk";
import type { Db } from "~db/client.server";
import { savePosition } from "~db/queries/positions.server";
import { parseRichText } from "./richtext.server";
import { readFormBody } from "./request-body.server";

/** The create and edit actions of a position: one schema, one save, errors returned at their fields. */
export async function submitPositionForm(db: Db, request: Request, id: number | null, actorId: number) {
  const form = await readFormBody(request);
  const summary = parseRichText(form.get("summaryJson"), "Ikhtisar jabatan");
  const parsed = PositionSchema.safeParse({
    code: form.get("code") ?? "",
    name: form.get("name") ?? "",
    group: form.get("group") ?? "",
    functionalLevel: form.get("functionalLevel") ?? "",
    unitCode: form.get("unitCode") ?? "",
    governmentAffair: form.get("governmentAffair") ?? "",
    summaryText: summary.ok && summary.doc ? docToPlainText(summary.doc) : (form.get("summaryText") ?? ""),
    requiredHeadcount: form.get("requiredHeadcount") ?? "",
  });
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (!summary.ok) errors.summaryText = summary.message;
  if (!parsed.success || !summary.ok) return data({ errors }, { status: 422 });
  const result = savePosition(db, id, parsed.data, summary.doc, actorId);
  if (!result.ok) return data({ errors: result.errors }, { status: 422 });
  throw redirect(`/jabatan/${result.position.id}`);
}
