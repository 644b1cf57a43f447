import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pager } from "~/components/pager";
import { SkjStatusTag } from "~/components/skj-status-tag";
import { UnitPicker } from "~/components/unit-picker";
import { FUNCTIONAL_LEVEL_LABELS, GROUP_LABELS, SKJ_STATUS_LABELS } from "~/domain/labels";
import { can } from "~/domain/permissions";
import { parseRegisterQuery } from "~/domain/register-filter";
import { FUNCTIONAL_LEVELS, POSITION_GROUPS, SKJ_STATUSES } from "~/domain/sotk";
import { loadRegister, REGISTER_PAGE_SIZE } from "~/services/register.server";
import { getDb } from "~db/client.server";
import { pickedUnit } from "~db/queries/register.server";
export const meta: MetaFunction = () => [{ title: "Jabatan — SKJ Studio" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read");
  const db = getDb();
  const query = parseRegisterQuery(new URL(request.url).searchParams);
  const { rows, total } = loadRegister(db, query);
  return {
    // only what the table shows: the summaries would double the page for nothing
    rows: rows.map(({ id, code, name, group, functionalLevel, unitName, skjStatus }) => ({
      id,
      code,
      name,
      group,
      functionalLevel,
      unitName,
      skjStatus,
    })),
    total,
    page: query.page ?? 1,
    pageSize: REGISTER_PAGE_SIZE,
    // the unit picker loads its matches as the user types (a province has thousands of units)
    unit: query.unit ? (pickedUnit(db, query.unit) ?? null) : null,
    canWrite: can(user.role, "register:write"),
    canDraft: can(user.role, "skj:write"),
  };
}

const SORTABLE = [
  ["code", "Kode"],
  ["name", "Nama jabatan"],
  ["group", "Kelompok"],
  ["unit", "Unit"],
] as const;

export default function RegisterJabatan() {
  const { rows, total, page, pageSize, unit, canWrite, canDraft } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "loading";
  const withParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) v === null ? next.delete(k) : next.set(k, v);
    return `?${next}`;
  };
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const sort = params.get("sort") ?? (params.get("q") ? "relevance" : "code");
  const desc = params.get("desc") === "1";
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Jabatan</h1>
          <p>Register jabatan menurut peraturan SOTK daerah.</p>
        </div>
        <div className="actions">
          <a className="button button-secondary" href={`/jabatan/ekspor.xlsx${withParams({ page: null })}`}>
            Ekspor XLSX
          </a>
          {canWrite ? (
            <>
              <Link className="button button-secondary" to="/struktur/impor">
                Impor SOTK
              </Link>
              <Link className="button" to="/jabatan/baru">
                Tambah jabatan
              </Link>
            </>
          ) : null}
        </div>
      </div>
      <Form method="get" className="filters card" role="search" aria-label="Saring jabatan">
        <div className="field" style={{ flex: "1 1 260px" }}>
          <label htmlFor="f-q">Cari nama atau ikhtisar</label>
          <input id="f-q" type="search" name="q" defaultValue={params.get("q") ?? ""} placeholder="mis. kelembagaan" />
        </div>
        <UnitPicker name="unit" label="Unit (beserta sub-unit)" initial={unit} emptyLabel="Semua unit" />
        <div className="field">
          <label htmlFor="f-group">Kelompok</label>
          <select id="f-group" name="group" defaultValue={params.get("group") ?? ""}>
            <option value="">Semua</option>
            {POSITION_GROUPS.map((g) => (
              <option key={g} value={g}>
                {GROUP_LABELS[g]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-level">Jenjang fungsional</label>
          <select id="f-level" name="level" defaultValue={params.get("level") ?? ""}>
            <option value="">Semua</option>
            {FUNCTIONAL_LEVELS.map((l) => (
              <option key={l} value={l}>
                {FUNCTIONAL_LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-status">Status SKJ</label>
          <select id="f-status" name="status" defaultValue={params.get("status") ?? ""}>
            <option value="">Semua</option>
            {SKJ_STATUSES.map((s) => (
              <option key={s} value={s}>
                {SKJ_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Terapkan
        </button>
        {params.size > 0 ? <Link to="/jabatan">Hapus saringan</Link> : null}
      </Form>
      <p className="muted" role="status" aria-live="polite">
        {busy ? "Memuat…" : `${total.toLocaleString("id-ID")} jabatan ditemukan`}
      </p>
      {canDraft && rows.length > 0 ? (
        // the ticked rows travel by GET: the next page shows what will happen before anything is made
        <Form method="get" action="/skj/draf-massal" id="pilih-jabatan" className="actions bulk-actions">
          <button type="submit" className="button button-secondary">
            Buat draf SKJ untuk yang dicentang
          </button>
          <Link
            to={`/skj/draf-massal${withParams({ page: null, sort: null, desc: null, semua: "1" })}`}
          >{`Buat draf SKJ untuk semua ${total.toLocaleString("id-ID")} jabatan yang cocok`}</Link>
        </Form>
      ) : null}
      {rows.length === 0 ? (
        <p className="empty">Tidak ada jabatan yang cocok dengan saringan ini.</p>
      ) : (
        <table className="data" aria-label="Daftar jabatan">
          <thead>
            <tr>
              {canDraft ? (
                <th scope="col">
                  <span className="visually-hidden">Pilih</span>
                </th>
              ) : null}
              {SORTABLE.map(([key, label]) => (
                <th key={key} scope="col" aria-sort={sort === key ? (desc ? "descending" : "ascending") : undefined}>
                  <Link to={withParams({ sort: key, desc: sort === key && !desc ? "1" : null, page: null })}>
                    {label}
                    {sort === key ? (desc ? " ▼" : " ▲") : ""}
                  </Link>
                </th>
              ))}
              <th scope="col">Status SKJ</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                {canDraft ? (
                  <td>
                    <input type="checkbox" form="pilih-jabatan" name="position" value={p.code} aria-label={`Pilih ${p.name} (${p.code})`} />
                  </td>
                ) : null}
                <td>
                  <code>{p.code}</code>
                </td>
                <td>
                  <Link to={`/jabatan/${p.id}`}>{p.name}</Link>
                </td>
                <td>
                  {GROUP_LABELS[p.group]}
                  {p.functionalLevel ? ` — ${FUNCTIONAL_LEVEL_LABELS[p.functionalLevel]}` : ""}
                </td>
                <td>{p.unitName}</td>
                <td>
                  <SkjStatusTag status={p.skjStatus} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} pages={pages} linkTo={(p) => withParams({ page: String(p) })} />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
