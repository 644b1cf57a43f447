import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/form";
import type { FieldErrors } from "~/domain/forms";
import { actKindsOf } from "~/domain/instance";
import { PENETAPAN_KINDS } from "~/domain/penetapan";
import { getDb } from "~db/client.server";
import { instanceProfile } from "~db/queries/instance.server";
import { createPenetapan } from "~db/queries/penetapan.server";
import { readFormBody } from "~/services/request-body.server";

export const meta: MetaFunction = () => [{ title: "Penetapan baru — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "skj:publish");
  const instance = instanceProfile(getDb());
  // the head of this instance signs these acts; without a profile every kind stays available
  return {
    kinds: instance ? actKindsOf(instance.kind) : [...PENETAPAN_KINDS],
    signerTitle: instance?.headTitle ?? "",
    title:
      `Standar Kompetensi Jabatan di Lingkungan ${instance?.kind === "instansi_pusat" ? "" : "Pemerintah "}${instance?.name ?? ""}`.trim(),
  };
}

const FIELDS = ["kind", "number", "year", "title", "signedDate", "effectiveDate", "signerTitle", "signerName"] as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "skj:publish");
  const form = await readFormBody(request);
  const input = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")])) as Record<(typeof FIELDS)[number], string>;
  const result = createPenetapan(getDb(), input, user.id);
  if (!result.ok) return data({ errors: result.fieldErrors ?? { _form: result.message }, values: input }, { status: result.status });
  throw redirect(`/penetapan/${result.id}`);
}

export default function NewPenetapanPage() {
  const defaults = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as { errors?: FieldErrors; values?: Record<string, string> } | undefined;
  const e = reply?.errors ?? {};
  const v = reply?.values ?? {};
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to="/penetapan">← Penetapan</Link>
          </p>
          <h1>Penetapan baru</h1>
          <p>Peraturan atau keputusan kepala daerah yang menetapkan SKJ yang telah disetujui.</p>
        </div>
      </div>
      <Form method="post" className="stacked wide card" noValidate>
        {e._form ? (
          <p className="form-error" role="alert">
            {e._form}
          </p>
        ) : null}
        <div className="grid-2">
          <Field label="Jenis" error={e.kind}>
            <select name="kind" defaultValue={v.kind ?? defaults.kinds[0]}>
              {defaults.kinds.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </Field>
          <Field label="Nomor" error={e.number}>
            <input name="number" defaultValue={v.number} />
          </Field>
          <Field label="Tahun" error={e.year}>
            <input name="year" type="number" defaultValue={v.year ?? String(new Date().getFullYear())} />
          </Field>
          <Field label="Tentang" error={e.title}>
            <input name="title" defaultValue={v.title ?? defaults.title} />
          </Field>
          <Field label="Tanggal ditetapkan" error={e.signedDate}>
            <input name="signedDate" type="date" defaultValue={v.signedDate} />
          </Field>
          <Field label="Tanggal berlaku" error={e.effectiveDate}>
            <input name="effectiveDate" type="date" defaultValue={v.effectiveDate} />
          </Field>
          <Field label="Jabatan penanda tangan" error={e.signerTitle}>
            <input name="signerTitle" defaultValue={v.signerTitle ?? defaults.signerTitle} />
          </Field>
          <Field label="Nama penanda tangan" error={e.signerName}>
            <input name="signerName" defaultValue={v.signerName} />
          </Field>
        </div>
        <div className="actions">
          <button type="submit" className="button">
            Simpan penetapan
          </button>
          <Link to="/penetapan">Batal</Link>
        </div>
      </Form>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
