import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/form";
import { LampiranHeader, SignatureBlock, SKJ_PRINT_CSS } from "~/components/skj-document/skj-document-view";
import {
  actKindsOf,
  INSTANCE_FIELD_LABELS,
  INSTANCE_KIND_LABELS,
  INSTANCE_KINDS,
  instanceErrorsOf,
  type InstanceKind,
} from "~/domain/instance";
import { printLampiran, printSignature } from "~/domain/skj-print";
import { readFormBody } from "~/services/request-body.server";
import { getDb } from "~db/client.server";
import { instanceProfile, instanceUpdatedAt, saveInstanceProfile } from "~db/queries/instance.server";
import { settingValue } from "~db/queries/settings.server";

export const meta: MetaFunction = () => [{ title: "Profil instansi — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "settings:write");
  const db = getDb();
  const profile = instanceProfile(db);
  return {
    // a first fill keeps the version-1 regionalGovernment choice the install already made
    profile: profile ?? {
      kind: "provinsi" as InstanceKind,
      name: "",
      headTitle: "",
      place: "",
      regionalGovernment: settingValue<boolean>(db, "regionalGovernment") ?? true,
    },
    updatedAt: instanceUpdatedAt(db),
  };
}

const CONFLICT = "Profil instansi sudah diubah pengguna lain sejak halaman dibuka. Muat ulang halaman, lalu ulangi perubahan Anda.";

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "settings:write");
  const form = await readFormBody(request);
  const text = (name: string) => String(form.get(name) ?? "");
  const input = {
    kind: text("kind"),
    name: text("name"),
    headTitle: text("headTitle"),
    place: text("place"),
    regionalGovernment: form.get("regionalGovernment") === "on",
  };
  const saved = saveInstanceProfile(getDb(), input, user.id, { expectedUpdatedAt: text("updatedAt") });
  if (!saved.ok) {
    if ("error" in saved) return data({ errors: instanceErrorsOf(saved.error) }, { status: 422 });
    return data({ errors: { _form: CONFLICT } as Record<string, string> }, { status: 409 });
  }
  throw redirect(
    `/admin/instansi?notice=${encodeURIComponent(saved.changed ? "Profil instansi disimpan." : "Tidak ada perubahan pada profil instansi.")}`,
  );
}

export default function InstanceProfilePage() {
  const { profile, updatedAt } = useLoaderData<typeof loader>();
  const errors = (useActionData<typeof action>() as { errors?: Record<string, string> } | undefined)?.errors ?? {};
  const notice = useSearchParams()[0].get("notice");
  const [draft, setDraft] = useState(profile);
  const set = (field: keyof typeof draft) => (event: { currentTarget: HTMLInputElement | HTMLSelectElement }) => {
    const { currentTarget: t } = event;
    setDraft((d) => ({ ...d, [field]: t instanceof HTMLInputElement && t.type === "checkbox" ? t.checked : t.value }));
  };
  const year = new Date().getFullYear();
  // the preview prints through the same components and print model as the PDF
  const lampiran = printLampiran({ kind: actKindsOf(draft.kind)[0]!, number: "…", year, title: "Standar Kompetensi Jabatan" }, draft);
  const signature = printSignature({ signerTitle: null, signerName: "(nama penanda tangan)", signedDate: null }, draft);
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to="/admin">← Admin</Link>
          </p>
          <h1>Profil instansi</h1>
          <p>
            Nama instansi, kepala yang menandatangani, dan tempat penetapan yang tercetak di setiap lampiran, sampul, dan tanda tangan SKJ.
          </p>
        </div>
      </div>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <div className="grid-2">
        <Form method="post" className="stacked card" noValidate>
          {errors._form ? (
            <p className="form-error" role="alert">
              {errors._form}
            </p>
          ) : null}
          <input type="hidden" name="updatedAt" value={updatedAt} />
          <Field label={INSTANCE_FIELD_LABELS.kind} error={errors.kind}>
            <select name="kind" value={draft.kind} onChange={set("kind")}>
              {INSTANCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {INSTANCE_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </Field>
          <Field label={INSTANCE_FIELD_LABELS.name} error={errors.name}>
            <input name="name" value={draft.name} onChange={set("name")} placeholder="Kabupaten Ogan Komering Ulu" />
          </Field>
          <Field label={INSTANCE_FIELD_LABELS.headTitle} error={errors.headTitle}>
            <input name="headTitle" value={draft.headTitle} onChange={set("headTitle")} placeholder="Bupati Ogan Komering Ulu" />
          </Field>
          <Field label={INSTANCE_FIELD_LABELS.place} error={errors.place}>
            <input name="place" value={draft.place} onChange={set("place")} placeholder="Baturaja" />
          </Field>
          <label className="checkbox">
            <input type="checkbox" name="regionalGovernment" checked={draft.regionalGovernment} onChange={set("regionalGovernment")} />
            Instansi pemerintah daerah (setiap SKJ wajib mencantumkan T.OTDA)
          </label>
          <div className="actions">
            <button type="submit" className="button">
              Simpan profil instansi
            </button>
          </div>
        </Form>
        <section aria-label="Pratinjau cetak" className="card">
          <h2>Pratinjau cetak</h2>
          <div className="skj-doc">
            <style dangerouslySetInnerHTML={{ __html: SKJ_PRINT_CSS }} />
            <LampiranHeader lampiran={lampiran} />
            <SignatureBlock signature={signature} />
          </div>
        </section>
      </div>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
