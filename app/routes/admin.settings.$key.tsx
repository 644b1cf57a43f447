import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import {
  cellFieldName,
  cellLabels,
  EXPERIENCE_YEARS_MAX,
  GROUP_KEYS,
  groupKeyLabel,
  isSettingKey,
  LEVEL_MAX,
  LEVEL_MIN,
  rowFieldName,
  settingErrorsOf,
  settingFormInput,
  settingRows,
  settingUpdateSchema,
  SOURCE_NOTE_FIELD,
  SOURCE_NOTE_MAX,
  splitCellMessage,
  STANDARD_LEVEL_CODES,
  STANDARD_LEVEL_NAMES,
  VALUE_FIELD,
  VERIFIED_FIELD,
  type RecordSettingKey,
  type SettingFieldErrors,
  type SettingKey,
} from "~/domain/settings";
import { TRAINING_TIER_LABELS, type TrainingTier } from "~/domain/leadership-training";
import { EDUCATION, GOLONGAN } from "~/domain/skj-document";
import { ECHELONS } from "~/domain/sotk";
import { getDb } from "~db/client.server";
import { getSetting, updateSetting } from "~db/queries/settings.server";
import { readFormBody } from "~/services/request-body.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.setting.label ?? "Pengaturan"} — SKJ Studio` }];

const NOT_FOUND = "Pengaturan tidak ditemukan.";

function keyParam(value: string | undefined): SettingKey {
  if (!isSettingKey(value)) throw new Response(NOT_FOUND, { status: 404 });
  return value;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "settings:write");
  const key = keyParam(params.key);
  const row = getSetting(getDb(), key);
  if (!row) throw new Response(NOT_FOUND, { status: 404 });
  return {
    setting: { key, label: row.label, value: row.value, sourceNote: row.sourceNote, verified: row.verified, updatedAt: row.updatedAt },
  };
}

const CONFLICT = "Pengaturan ini sudah diubah pengguna lain sejak halaman dibuka. Muat ulang halaman, lalu ulangi perubahan Anda.";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "settings:write");
  const key = keyParam(params.key);
  const form = await readFormBody(request);
  const read = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v : null;
  };
  const parsed = settingUpdateSchema(key).safeParse(settingFormInput(key, read));
  if (!parsed.success) return data({ errors: settingErrorsOf(parsed.error) }, { status: 422 });
  const db = getDb();
  const result = updateSetting(db, key, parsed.data, user.id, { expectedUpdatedAt: read("updatedAt") ?? undefined });
  if (!result.ok) {
    if (result.reason === "not_found") throw new Response(NOT_FOUND, { status: 404 });
    return data({ errors: { _form: CONFLICT } as SettingFieldErrors }, { status: 409 });
  }
  const label = getSetting(db, key)?.label ?? key;
  const notice = result.changes.length ? `Pengaturan "${label}" disimpan.` : `Tidak ada perubahan pada pengaturan "${label}".`;
  throw redirect(`/admin/settings?notice=${encodeURIComponent(notice)}`);
}

const DESCRIPTIONS: Record<SettingKey, string> = {
  standardLevels: `Level ${LEVEL_MIN}–${LEVEL_MAX} yang wajib untuk tiap kompetensi manajerial dan sosial kultural, per kelompok dan jenjang jabatan (aturan SKJ-MANAJERIAL-LEVEL dan SKJ-SOSIOKULTURAL).`,
  minimumRankByEselon: "Golongan ruang terendah yang lazim untuk tiap eselon; hanya memunculkan peringatan SKJ-PANGKAT-MIN.",
  lowestEselonByGroup: "Eselon yang dipakai untuk SKJ-PANGKAT-MIN bila unit kerja jabatan tidak bereselon.",
  minimumEducationByGroup:
    'Jenjang pendidikan terendah per kelompok jabatan (peringatan SKJ-PENDIDIKAN-MIN). Pilih "Tanpa minimum" bila kelompok tidak punya batas.',
  leadershipTrainingByGroup:
    "Nama pelatihan kepemimpinan yang harus tercantum pada SKJ jabatan struktural (peringatan SKJ-PELATIHAN-MANAJERIAL).",
  leadershipTrainingAliases:
    'Nama-nama yang dipakai SKJ untuk pelatihan kepemimpinan yang sama tingkatnya, satu nama per baris (huruf besar/kecil, tanda baca, "Tk."/"Tingkat" dan angka 1–4/I–IV tidak dibedakan). SKJ-PELATIHAN-MANAJERIAL menerima nama mana pun dari tingkat yang disyaratkan atau tingkat yang lebih tinggi.',
  minimumExperienceByGroup:
    "Lama pengalaman jabatan paling singkat per kelompok jabatan menurut PP 11/2017 jo. PP 17/2020 (peringatan SKJ-PENGALAMAN-PP bila tidak ada pengalaman tercantum yang mencapainya). Kosongkan tahun bila kelompok tidak punya minimum. Pasal dan teksnya ditampilkan di editor SKJ sebagai petunjuk.",
  regionalGovernment: "Bila dicentang, setiap SKJ wajib mencantumkan Advokasi Kebijakan Otonomi Daerah (T.OTDA, aturan SKJ-TEKNIS-OTDA).",
  webhookAllowedHosts:
    "Webhook hanya dikirim ke alamat internet publik. Host yang ditulis di sini (satu per baris, mis. penerima.intranet.go.id atau 10.20.0.5) boleh menjadi penerima walaupun berada di jaringan internal; izinkan hanya penerima yang Anda percayai.",
};

type RecordKey = Exclude<RecordSettingKey, "minimumExperienceByGroup">;

const ROW_HEADERS: Record<RecordKey, [string, string]> = {
  minimumRankByEselon: ["Eselon", "Pangkat/golongan ruang terendah"],
  lowestEselonByGroup: ["Kelompok jabatan", "Eselon terendah"],
  minimumEducationByGroup: ["Kelompok jabatan", "Pendidikan minimum"],
  leadershipTrainingByGroup: ["Kelompok jabatan", "Pelatihan kepemimpinan"],
  leadershipTrainingAliases: ["Tingkat", "Nama pelatihan (satu per baris)"],
};

const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_]+/g, "-")}`;

type Errors = SettingFieldErrors;

/** The message under a cell: the cell name stays for screen readers, the grid shows only the problem. */
function FieldError({ name, errors }: { name: string; errors: Errors }) {
  const message = errors[name];
  if (!message) return null;
  const { cell, problem } = splitCellMessage(message);
  return (
    <p className="field-error" id={`${fieldId(name)}-error`}>
      {cell ? <span className="visually-hidden">{cell}: </span> : null}
      {problem}
    </p>
  );
}

function invalidProps(name: string, errors: Errors) {
  const id = fieldId(name);
  return errors[name] ? { id, name, "aria-invalid": true as const, "aria-describedby": `${id}-error` } : { id, name };
}

type Table = Record<string, unknown>;
const asTable = (v: unknown): Table => (v && typeof v === "object" && !Array.isArray(v) ? (v as Table) : {});
const asText = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");

function StandardLevelsGrid({ value, errors }: { value: unknown; errors: Errors }) {
  const table = asTable(value);
  return (
    <div style={{ overflowX: "auto" }}>
      <table className="data" aria-label="Standar level per kelompok jabatan">
        <thead>
          <tr>
            <th scope="col">Kelompok jabatan</th>
            {STANDARD_LEVEL_CODES.map((code) => (
              <th scope="col" key={code}>
                {code}
                <div className="muted" style={{ fontWeight: 400 }}>
                  {STANDARD_LEVEL_NAMES[code]}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {GROUP_KEYS.map((group) => {
            const row = asTable(table[group]);
            return (
              <tr key={group}>
                <th scope="row">{groupKeyLabel(group)}</th>
                {STANDARD_LEVEL_CODES.map((code) => {
                  const name = cellFieldName(group, code);
                  return (
                    <td key={code}>
                      <div className="field">
                        <input
                          type="number"
                          inputMode="numeric"
                          min={LEVEL_MIN}
                          max={LEVEL_MAX}
                          step={1}
                          style={{ width: "4.2rem" }}
                          aria-label={cellLabels.standardLevels(group, code)}
                          defaultValue={asText(row[code])}
                          {...invalidProps(name, errors)}
                        />
                        <FieldError name={name} errors={errors} />
                      </div>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function rowLabel(key: SettingKey, row: string) {
  if (key === "minimumRankByEselon") return `Eselon ${row}`;
  if (key === "leadershipTrainingAliases") return TRAINING_TIER_LABELS[row as TrainingTier] ?? row;
  return groupKeyLabel(row);
}

/** One row per structural group: the years (the rule reads them), the article and its quoted text (shown as a hint). */
function ExperienceTable({ value, errors }: { value: unknown; errors: Errors }) {
  const table = asTable(value);
  const label = cellLabels.minimumExperienceByGroup;
  return (
    <table className="data" aria-label="Pengalaman minimum per kelompok jabatan">
      <thead>
        <tr>
          <th scope="col">Kelompok jabatan</th>
          <th scope="col">Tahun</th>
          <th scope="col">Dasar (pasal) dan teks pasal</th>
        </tr>
      </thead>
      <tbody>
        {settingRows("minimumExperienceByGroup").map((group) => {
          const row = asTable(table[group]);
          const field = (column: string) => cellFieldName(group, column);
          return (
            <tr key={group}>
              <th scope="row">{groupKeyLabel(group)}</th>
              <td>
                <div className="field">
                  <input
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={EXPERIENCE_YEARS_MAX}
                    style={{ width: "5rem" }}
                    aria-label={label(group, "years")}
                    defaultValue={asText(row.years)}
                    {...invalidProps(field("years"), errors)}
                  />
                  <FieldError name={field("years")} errors={errors} />
                </div>
              </td>
              <td>
                <div className="field">
                  <input
                    type="text"
                    aria-label={label(group, "article")}
                    defaultValue={asText(row.article)}
                    {...invalidProps(field("article"), errors)}
                  />
                  <FieldError name={field("article")} errors={errors} />
                </div>
                <div className="field">
                  <textarea
                    rows={3}
                    aria-label={label(group, "text")}
                    defaultValue={asText(row.text)}
                    {...invalidProps(field("text"), errors)}
                  />
                  <FieldError name={field("text")} errors={errors} />
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function RecordTable({ settingKey, value, errors }: { settingKey: RecordKey; value: unknown; errors: Errors }) {
  const table = asTable(value);
  const [rowHeader, valueHeader] = ROW_HEADERS[settingKey];
  const label = cellLabels[settingKey];
  const control = (row: string): ReactNode => {
    const name = rowFieldName(row);
    const common = { "aria-label": label(row), defaultValue: asText(table[row]), ...invalidProps(name, errors) };
    switch (settingKey) {
      case "minimumRankByEselon":
        return (
          <select {...common}>
            <option value="">— pilih —</option>
            {GOLONGAN.map((g) => (
              <option key={g.code} value={g.code}>
                {g.code} — {g.pangkat}
              </option>
            ))}
          </select>
        );
      case "lowestEselonByGroup":
        return (
          <select {...common}>
            <option value="">— pilih —</option>
            {ECHELONS.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        );
      case "minimumEducationByGroup":
        return (
          <select {...common}>
            <option value="">Tanpa minimum</option>
            {EDUCATION.map((e) => (
              <option key={e.code} value={e.code}>
                {e.code} — {e.name}
              </option>
            ))}
          </select>
        );
      case "leadershipTrainingByGroup":
        return <input type="text" {...common} />;
      case "leadershipTrainingAliases": {
        const names = Array.isArray(table[row]) ? (table[row] as unknown[]).map(asText) : [];
        return <textarea rows={Math.max(3, names.length + 1)} {...common} defaultValue={names.join("\n")} />;
      }
    }
  };
  return (
    <table className="data" aria-label={valueHeader} style={{ maxWidth: "42rem" }}>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          <th scope="col">{valueHeader}</th>
        </tr>
      </thead>
      <tbody>
        {settingRows(settingKey).map((row) => (
          <tr key={row}>
            <th scope="row">{rowLabel(settingKey, row)}</th>
            <td>
              <div className="field">
                {control(row)}
                <FieldError name={rowFieldName(row)} errors={errors} />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function readForm(form: HTMLFormElement) {
  const fd = new FormData(form);
  return (name: string) => {
    const v = fd.get(name);
    return typeof v === "string" ? v : null;
  };
}

export default function EditSettingPage() {
  const { setting } = useLoaderData<typeof loader>();
  const key = setting.key;
  const answer = useActionData<typeof action>() as { errors?: Errors } | undefined;
  const busy = useNavigation().state === "submitting";
  // null: nothing checked in the browser since the last server answer, so the server's errors are shown
  const [clientErrors, setClientErrors] = useState<Errors | null>(null);
  const focusFirst = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    setClientErrors(null);
    focusFirst.current = Boolean(answer?.errors);
  }, [answer]);

  const serverErrors = answer?.errors ?? {};
  const { _form: formError, ...serverFieldErrors } = serverErrors;
  const errors: Errors = clientErrors ?? serverFieldErrors;
  useEffect(() => {
    if (!focusFirst.current) return;
    focusFirst.current = false;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });

  const check = (form: HTMLFormElement): Errors => {
    const parsed = settingUpdateSchema(key).safeParse(settingFormInput(key, readForm(form)));
    return parsed.success ? {} : settingErrorsOf(parsed.error);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const found = check(event.currentTarget);
    setClientErrors(found);
    if (Object.keys(found).length > 0) {
      event.preventDefault();
      focusFirst.current = true;
    }
  };
  const onChange = (event: FormEvent<HTMLFormElement>) => {
    // after a failed attempt, each fix clears its message at once
    if (Object.keys(errors).length > 0) setClientErrors(check(event.currentTarget));
  };

  const messages = Object.entries(errors);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>{setting.label}</h1>
          <p>
            <code>{key}</code> · <Link to="/admin/settings">← Kembali ke Pengaturan aturan</Link>
          </p>
        </div>
        {setting.verified ? <span className="tag tag-ok">Terverifikasi</span> : <span className="tag tag-warn">Belum diverifikasi</span>}
      </div>
      <p>{DESCRIPTIONS[key]}</p>
      {formError ? (
        <p className="form-error" role="alert">
          {formError}
        </p>
      ) : null}
      {messages.length > 0 ? (
        <div className="form-error" role="alert">
          <p style={{ margin: "0 0 0.3rem", fontWeight: 600 }}>Perbaiki {messages.length} isian berikut; belum ada yang disimpan.</p>
          <ul style={{ margin: 0, paddingLeft: "1.2rem" }}>
            {messages.map(([name, message]) => (
              <li key={name}>
                <a href={`#${fieldId(name)}`}>{message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form
        method="post"
        className="stacked card"
        noValidate
        onSubmit={onSubmit}
        onChange={onChange}
        ref={formRef}
        style={{ maxWidth: "none" }}
      >
        <input type="hidden" name="updatedAt" value={setting.updatedAt} />
        {key === "standardLevels" ? (
          <StandardLevelsGrid value={setting.value} errors={errors} />
        ) : key === "regionalGovernment" ? (
          <div className="field">
            <label className="checkbox">
              <input type="checkbox" defaultChecked={setting.value === true} {...invalidProps(VALUE_FIELD, errors)} /> Instansi adalah
              pemerintah daerah (T.OTDA wajib pada setiap SKJ)
            </label>
            <FieldError name={VALUE_FIELD} errors={errors} />
          </div>
        ) : key === "minimumExperienceByGroup" ? (
          <ExperienceTable value={setting.value} errors={errors} />
        ) : key === "webhookAllowedHosts" ? (
          <div className="field" style={{ maxWidth: "42rem" }}>
            <label htmlFor={fieldId(VALUE_FIELD)}>Host yang diizinkan (satu per baris)</label>
            <textarea
              rows={6}
              defaultValue={Array.isArray(setting.value) ? setting.value.join("\n") : ""}
              {...invalidProps(VALUE_FIELD, errors)}
            />
            <FieldError name={VALUE_FIELD} errors={errors} />
          </div>
        ) : (
          <RecordTable settingKey={key} value={setting.value} errors={errors} />
        )}
        <div className="field" style={{ maxWidth: "42rem" }}>
          <label htmlFor={fieldId(SOURCE_NOTE_FIELD)}>Catatan sumber</label>
          <textarea rows={4} defaultValue={setting.sourceNote} {...invalidProps(SOURCE_NOTE_FIELD, errors)} />
          <span className="hint">
            Dari mana nilai tabel ini berasal (peraturan, pasal, halaman); maksimal {SOURCE_NOTE_MAX.toLocaleString("id-ID")} karakter.
          </span>
          <FieldError name={SOURCE_NOTE_FIELD} errors={errors} />
        </div>
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" defaultChecked={setting.verified} {...invalidProps(VERIFIED_FIELD, errors)} /> Tabel ini sudah dicocokkan
            dengan peraturan resmi (terverifikasi)
          </label>
          <FieldError name={VERIFIED_FIELD} errors={errors} />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Menyimpan…" : "Simpan pengaturan"}
          </button>
          <Link to="/admin/settings">Batal</Link>
        </div>
      </Form>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
