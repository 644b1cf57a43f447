// "Ubah banyak draf sekaligus" (issue 17 item 5): the drafts come from the list of open drafts on /skj (ticked
// rows, or every open draft its filter matches); one change is previewed per draft, then applied. ADR 029.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import { requirePermission } from "~/auth/guard.server";
import { selectionParams } from "~/domain/selection-params";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { TechnicalEntryPicker } from "~/components/technical-entry-picker";
import { LEVELS } from "~/domain/dictionary";
import { DRAFT_STATE_LABELS, IMPORTANCE_LABELS, IMPORTANCE_ROW_LABELS } from "~/domain/labels";
import { EDUCATION, GOLONGAN, IMPORTANCE_LEVELS, IMPORTANCE_ROWS } from "~/domain/skj-document";
import {
  MASS_CHANGE_FIELDS as F,
  MASS_CHANGE_LABELS,
  MASS_CHANGE_MAX,
  massChangeFromForm,
  MassChangeSchema,
  type MassChange,
  type MassChangeKind,
} from "~/domain/skj-mass-change";
import { readFormBody } from "~/services/request-body.server";
import {
  applyMassChangeToDrafts,
  massChangeNote,
  massChangeRefusal,
  massChangeSelection,
  previewMassChange,
  technicalInDrafts,
  type MassChangeRow,
} from "~/services/skj-mass-change.server";
import { getDb } from "~db/client.server";

export const meta: MetaFunction = () => [{ title: "Ubah banyak draf sekaligus — SKJ Studio" }];

// the parameters that describe the selection; the change's own fields are read separately
const SELECTION_KEYS = ["draf", "semua", "unit", "q"];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "skj:write");
  const db = getDb();
  const selection = massChangeSelection(db, selectionParams(new URL(request.url).searchParams, SELECTION_KEYS));
  return {
    selection,
    technical: technicalInDrafts(
      db,
      selection.rows.map((r) => r.draftId),
    ),
  };
}

type Reply =
  | { message: string; preview?: undefined; applied?: undefined }
  | { preview: { change: MassChange; note: string; rows: MassChangeRow[] }; message?: undefined; applied?: undefined }
  | { applied: { note: string; results: MassChangeRow[] }; message?: undefined; preview?: undefined };

const refused = (message: string) => data<Reply>({ message }, { status: 422 });

function parseTarget(value: FormDataEntryValue): { draftId: number; revision: number } | null {
  const match = /^(\d{1,15}):(\d{1,15})$/.exec(String(value));
  return match ? { draftId: Number(match[1]), revision: Number(match[2]) } : null;
}

function jsonOrNull(value: FormDataEntryValue | null): unknown {
  try {
    return JSON.parse(String(value ?? ""));
  } catch {
    return null;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "skj:write");
  const db = getDb();
  const form = await readFormBody(request);
  if (form.get("intent") === "terapkan") {
    // the change exactly as previewed, and each draft at the revision the preview saw
    const parsed = MassChangeSchema.safeParse(jsonOrNull(form.get("perubahan")));
    if (!parsed.success) return refused("Perubahan tidak terbaca; buat pratinjau lagi.");
    const targets = form.getAll("target").map(parseTarget);
    if (targets.some((t) => t === null)) return refused("Daftar draf tidak terbaca; buat pratinjau lagi.");
    const outcome = applyMassChangeToDrafts(db, {
      targets: targets as { draftId: number; revision: number }[],
      change: parsed.data,
      actorId: user.id,
    });
    if (!outcome.ok) return refused(outcome.message);
    return data<Reply>({ applied: { note: outcome.note, results: outcome.results } });
  }
  const parsed = MassChangeSchema.safeParse(
    massChangeFromForm((name) => (typeof form.get(name) === "string" ? String(form.get(name)) : null)),
  );
  if (!parsed.success) return refused(parsed.error.issues[0]?.message ?? "Perubahan belum lengkap.");
  const refusal = massChangeRefusal(db, parsed.data);
  if (refusal) return refused(refusal);
  const { rows, tooMany } = massChangeSelection(db, selectionParams(form, SELECTION_KEYS));
  if (tooMany !== null)
    return refused(
      `Pilihan ini mencakup ${tooMany.toLocaleString("id-ID")} draf; paling banyak ${MASS_CHANGE_MAX.toLocaleString("id-ID")} sekaligus.`,
    );
  if (rows.length === 0) return refused("Belum ada draf yang dipilih.");
  return data<Reply>({
    preview: { change: parsed.data, note: massChangeNote(db, parsed.data), rows: previewMassChange(db, rows, parsed.data) },
  });
}

const count = (n: number) => n.toLocaleString("id-ID");

export default function MassChangePage() {
  const { selection, technical } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const [kind, setKind] = useState<MassChangeKind>("addTechnical");
  // a preview describes the form as it was sent: once the form changes, it no longer says what would happen
  const [stale, setStale] = useState(false);
  useEffect(() => setStale(false), [reply]);
  const kept = [...selectionParams(params, SELECTION_KEYS)];

  if (reply?.applied) return <Applied note={reply.applied.note} results={reply.applied.results} />;
  const preview = reply?.preview && !stale ? reply.preview : null;
  const toChange = preview ? preview.rows.filter((r) => r.changed) : [];
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to={`/skj?${new URLSearchParams(kept.filter(([k]) => k === "unit" || k === "q"))}`}>← SKJ</Link>
          </p>
          <h1>Ubah banyak draf sekaligus</h1>
          <p>
            Satu perubahan untuk setiap draf yang dipilih; setiap draf yang berubah mendapat revisi baru dalam riwayatnya. Draf yang sedang
            ditinjau dilewati.
          </p>
        </div>
      </div>
      {selection.tooMany !== null ? (
        <p className="form-error" role="alert">
          {`Pilihan ini mencakup ${count(selection.tooMany)} draf; paling banyak ${count(MASS_CHANGE_MAX)} sekaligus. Persempit saringan pada daftar draf.`}
        </p>
      ) : selection.rows.length === 0 ? (
        <p className="empty">
          Belum ada draf yang dipilih. Centang draf pada daftar Draf terbuka di halaman SKJ, lalu pilih "Ubah draf yang dicentang".
        </p>
      ) : null}

      {selection.rows.length > 0 ? (
        <Form method="post" className="card" aria-label="Perubahan" onChange={() => setStale(true)}>
          {kept.map(([k, v], i) => (
            <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
          ))}
          <input type="hidden" name="intent" value="pratinjau" />
          <div className="field">
            <label htmlFor="jenis">Jenis perubahan</label>
            <select id="jenis" name={F.kind} value={kind} onChange={(e) => setKind(e.target.value as MassChangeKind)}>
              <optgroup label="Kompetensi teknis">
                {(["addTechnical", "replaceTechnical"] as const).map((k) => (
                  <option key={k} value={k}>
                    {MASS_CHANGE_LABELS[k]}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Isi persyaratan jabatan">
                {(Object.keys(MASS_CHANGE_LABELS) as MassChangeKind[])
                  .filter((k) => k !== "addTechnical" && k !== "replaceTechnical")
                  .map((k) => (
                    <option key={k} value={k}>
                      {MASS_CHANGE_LABELS[k]}
                    </option>
                  ))}
              </optgroup>
            </select>
          </div>
          <ChangeFields kind={kind} technical={technical} />
          {reply?.message ? (
            <p className="form-error" role="alert">
              {reply.message}
            </p>
          ) : null}
          <button type="submit" className="button button-secondary" disabled={busy}>
            Pratinjau perubahan
          </button>
        </Form>
      ) : null}

      {selection.rows.length > 0 ? (
        <section className="card" aria-labelledby="draf-dipilih">
          <h2 id="draf-dipilih" style={{ marginTop: 0 }}>
            {preview ? "Pratinjau" : `Draf yang dipilih (${count(selection.rows.length)})`}
          </h2>
          {preview ? (
            <p role="status">{`${preview.note}. ${count(toChange.length)} draf akan diubah, ${count(preview.rows.length - toChange.length)} dilewati.`}</p>
          ) : stale && reply?.preview ? (
            <p className="muted">Perubahan diganti; buat pratinjau lagi.</p>
          ) : null}
          <table className="data" aria-label={preview ? "Pratinjau perubahan" : "Draf yang dipilih"}>
            <thead>
              <tr>
                <th scope="col">Jabatan</th>
                <th scope="col">Unit</th>
                <th scope="col">Status</th>
                {preview ? <th scope="col">Hasil</th> : null}
              </tr>
            </thead>
            <tbody>
              {(preview?.rows ?? selection.rows).map((r) => (
                <tr key={r.draftId}>
                  <td>
                    {r.positionName} <span className="unit-code">{r.positionCode}</span>
                  </td>
                  <td>{r.unitName}</td>
                  <td>{DRAFT_STATE_LABELS[r.state]}</td>
                  {preview ? <td>{"changed" in r && r.changed ? "Akan diubah" : `Dilewati: ${"reason" in r ? r.reason : ""}`}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
          {preview ? (
            <Form method="post" data-leave-guard="off">
              <input type="hidden" name="intent" value="terapkan" />
              <input type="hidden" name="perubahan" value={JSON.stringify(preview.change)} />
              {toChange.map((r) => (
                <input key={r.draftId} type="hidden" name="target" value={`${r.draftId}:${r.revision}`} />
              ))}
              <button type="submit" className="button" disabled={busy || toChange.length === 0}>
                {busy ? "Menerapkan…" : `Terapkan ke ${count(toChange.length)} draf`}
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

function SelectField({
  id,
  name,
  label,
  options,
  empty = "— pilih —",
  hint,
}: {
  id: string;
  name: string;
  label: string;
  options: readonly (readonly [string, string])[];
  empty?: string;
  hint?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue="">
        <option value="">{empty}</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      {hint ? <span className="hint">{hint}</span> : null}
    </div>
  );
}

const LEVEL_OPTIONS = LEVELS.map((l) => [String(l), String(l)] as const);
const levelField = <SelectField id="level" name={F.level} label="Level" options={LEVEL_OPTIONS} />;
const REPLACES = "Menggantikan isi yang ada; kosongkan untuk menghapusnya.";

function ChangeFields({ kind, technical }: { kind: MassChangeKind; technical: { code: string; name: string; drafts: number }[] }) {
  switch (kind) {
    case "addTechnical":
      return (
        <>
          <TechnicalEntryPicker name={F.code} label="Kompetensi teknis dari kamus" />
          {levelField}
        </>
      );
    case "replaceTechnical":
      return (
        <>
          <SelectField
            id="lama"
            name={F.from}
            label="Kompetensi yang diganti"
            options={technical.map((t) => [t.code, `${t.name} (${t.code}) — dalam ${count(t.drafts)} draf`] as const)}
          />
          <TechnicalEntryPicker name={F.code} label="Kompetensi pengganti dari kamus" />
          {levelField}
          <p className="muted">Pilih kompetensi yang sama sebagai pengganti untuk mengubah levelnya saja.</p>
        </>
      );
    case "educationLevel":
      return (
        <SelectField
          id="jenjang"
          name={F.educationLevel}
          label="Jenjang pendidikan"
          options={EDUCATION.map((e) => [e.code, `${e.code} — ${e.name}`] as const)}
          hint="Berlaku untuk setiap baris pendidikan; draf tanpa baris pendidikan mendapat satu baris."
        />
      );
    case "rank":
      return (
        <SelectField
          id="pangkat"
          name={F.rank}
          label="Pangkat/golongan ruang"
          empty="— kosongkan —"
          options={GOLONGAN.map((g) => [g.code, `${g.pangkat} (${g.code})`] as const)}
        />
      );
    case "experience":
      return (
        <>
          <div className="field">
            <label htmlFor="pengalaman">Uraian pengalaman kerja (satu per baris)</label>
            <textarea id="pengalaman" name={F.experience} rows={3} />
            <span className="hint">{REPLACES}</span>
          </div>
          <div className="field">
            <label htmlFor="tahun">Lama minimal (tahun)</label>
            <input id="tahun" name={F.years} type="number" min={0} max={60} />
          </div>
        </>
      );
    case "importance":
      return (
        <>
          <SelectField
            id="baris"
            name={F.importanceRow}
            label="Baris persyaratan"
            options={IMPORTANCE_ROWS.map((row) => [row, IMPORTANCE_ROW_LABELS[row]] as const)}
          />
          <SelectField
            id="tingkat"
            name={F.importance}
            label="Tingkat pentingnya"
            empty="— kosongkan —"
            options={IMPORTANCE_LEVELS.map((level) => [level, IMPORTANCE_LABELS[level]] as const)}
          />
        </>
      );
    default:
      return (
        <div className="field">
          <label htmlFor="daftar">{`${MASS_CHANGE_LABELS[kind]} (satu per baris)`}</label>
          <textarea id="daftar" name={F.lines} rows={4} />
          <span className="hint">{kind === "educationFields" ? `Berlaku untuk setiap baris pendidikan. ${REPLACES}` : REPLACES}</span>
        </div>
      );
  }
}

function Applied({ note, results }: { note: string; results: MassChangeRow[] }) {
  const changed = results.filter((r) => r.changed).length;
  return (
    <>
      <div className="page-header">
        <div>
          <p>
            <Link to="/skj">← SKJ</Link>
          </p>
          <h1>Ubah banyak draf sekaligus</h1>
        </div>
      </div>
      <p role="status" className="notice">{`${note}: ${count(changed)} draf diubah, ${count(results.length - changed)} dilewati.`}</p>
      <table className="data" aria-label="Hasil perubahan">
        <thead>
          <tr>
            <th scope="col">Jabatan</th>
            <th scope="col">Hasil</th>
            <th scope="col">Riwayat</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.draftId}>
              <td>
                {r.positionId ? <Link to={`/jabatan/${r.positionId}/skj`}>{r.positionName}</Link> : r.positionName}{" "}
                <span className="unit-code">{r.positionCode}</span>
              </td>
              <td>{r.changed ? `Diubah: revisi ${r.revision}` : `Dilewati: ${r.reason ?? ""}`}</td>
              <td>
                {r.positionId ? (
                  <Link to={`/jabatan/${r.positionId}/skj/riwayat`} aria-label={`Riwayat draf ${r.positionName}`}>
                    Riwayat draf
                  </Link>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
