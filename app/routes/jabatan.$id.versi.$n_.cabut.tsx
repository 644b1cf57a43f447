// Withdrawing (mencabut) a published SKJ version: a confirmation page with the required reason. The feed then
// carries skj.withdrawn and the position has no live SKJ until a new version is published.
import { readFormBody } from "~/services/request-body.server";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/form";
import { JUSTIFICATION_MIN } from "~/domain/skj-workflow";
import { positionVersions } from "~/services/skj-history.server";
import { idParam } from "~/utils/params";
import { getDb } from "~db/client.server";
import { findPositionById } from "~db/queries/register.server";
import { withdrawVersion } from "~db/queries/skj-publish.server";

export const meta: MetaFunction = () => [{ title: "Cabut versi SKJ — SKJ Studio" }];

const NOT_FOUND = "Versi SKJ tidak ditemukan.";

function liveVersion(params: { id?: string; n?: string }) {
  const db = getDb();
  const position = findPositionById(db, idParam(params.id, NOT_FOUND));
  if (!position) throw new Response(NOT_FOUND, { status: 404 });
  const number = idParam(params.n, NOT_FOUND);
  const version = positionVersions(db, position.id).find((v) => v.version === number);
  if (!version) throw new Response(NOT_FOUND, { status: 404 });
  return { db, position, version };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "skj:publish");
  const { position, version } = liveVersion(params);
  return {
    position: { id: position.id, name: position.name, code: position.code },
    version: { number: version.version, publishedAt: version.publishedAt, ended: version.endKind },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "skj:publish");
  const { db, position, version } = liveVersion(params);
  const reason = String((await readFormBody(request)).get("reason") ?? "");
  const result = withdrawVersion(db, position.code, version.version, user, reason);
  if (!result.ok) return data({ error: result.message, reason }, { status: result.status });
  throw redirect(`/jabatan/${position.id}?notice=${encodeURIComponent(`Versi ${version.version} dicabut.`)}`);
}

export default function WithdrawVersionPage() {
  const { position, version } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>() as { error: string; reason: string } | undefined;
  const submitting = useNavigation().state === "submitting";
  const back = `/jabatan/${position.id}`;
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to={back}>← {position.name}</Link>
          </p>
          <h1>
            Cabut versi {version.number} SKJ {position.name}
          </h1>
        </div>
      </div>
      {version.ended ? (
        <p className="warning" role="note">
          Versi ini sudah {version.ended}; hanya versi yang berlaku yang dapat dicabut.
        </p>
      ) : (
        <Form method="post" className="stacked card" noValidate>
          <p className="warning">
            Setelah dicabut, jabatan ini tidak memiliki SKJ yang berlaku sampai versi baru ditetapkan. Pencabutan dicatat dan diumumkan
            kepada sistem pemetaan kompetensi; tindakan ini tidak dapat dibatalkan.
          </p>
          <Field
            label="Alasan pencabutan"
            error={refused?.error}
            hint={`Wajib, minimal ${JUSTIFICATION_MIN} karakter; disimpan bersama versi dan tampil di riwayat.`}
          >
            <textarea name="reason" rows={3} defaultValue={refused?.reason ?? ""} />
          </Field>
          <div className="actions">
            <button type="submit" className="button" disabled={submitting}>
              Ya, cabut versi {version.number}
            </button>
            <Link to={back}>Batal</Link>
          </div>
        </Form>
      )}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
