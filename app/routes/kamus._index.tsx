import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/guard.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pager } from "~/components/pager";
import { SearchSnippet } from "~/components/search-snippet";
import { COMPETENCY_TYPES, REVISION_STATUSES } from "~/domain/dictionary";
import { COMPETENCY_TYPE_LABELS, REVISION_STATUS_LABELS, SOURCE_KIND_LABELS, TEXT_STATUS_LABELS } from "~/domain/labels";
import { can } from "~/domain/permissions";
import { entryPath } from "~/utils/paths";
import { getDb } from "~db/client.server";
import { DEFAULT_SEARCH_PAGE_SIZE, searchDictionary } from "~db/queries/dictionary-search.server";
export const meta: MetaFunction = () => [{ title: "Kamus Kompetensi — SKJ Studio" }];

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const QuerySchema = z.object({
  q: optional(z.string().trim().min(1).max(200)),
  type: optional(z.enum(COMPETENCY_TYPES)),
  category: optional(z.string().trim().min(1).max(200)),
  source: optional(z.enum(["regulasi", "instansi_pembina", "daerah_lain", "lokal"])),
  status: optional(z.enum(REVISION_STATUSES)),
  page: optional(z.coerce.number().int().min(1).max(100_000)),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read");
  const query = QuerySchema.parse(Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== "")));
  const result = searchDictionary(getDb(), {
    q: query.q,
    type: query.type,
    category: query.category,
    sourceKind: query.source,
    status: query.status,
    page: query.page,
  });
  return { ...result, page: query.page ?? 1, pageSize: DEFAULT_SEARCH_PAGE_SIZE, canWrite: can(user.role, "dictionary:write") };
}

const STATUS_TONE: Record<string, string> = { draft: "tag-warn", diajukan: "tag-warn", diterbitkan: "tag-ok" };

export default function KamusKompetensi() {
  const { rows, total, page, pageSize, canWrite } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageLink = (n: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(n));
    return `?${next}`;
  };
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Kamus Kompetensi</h1>
          <p>Kompetensi manajerial dan sosial kultural dari Permenpan RB 38/2017, serta kamus kompetensi teknis daerah.</p>
        </div>
        <div className="actions">
          <Link className="button button-secondary" to="/kamus/standar-jf">
            Standar nasional JF
          </Link>
          <a
            className="button button-secondary"
            href={`/kamus/ekspor?format=xlsx${params.get("type") ? `&type=${params.get("type")}` : ""}`}
          >
            Ekspor XLSX
          </a>
          <a
            className="button button-secondary"
            href={`/kamus/ekspor?format=json${params.get("type") ? `&type=${params.get("type")}` : ""}`}
          >
            Ekspor JSON
          </a>
          {canWrite ? (
            <Link className="button" to="/kamus/baru">
              Kompetensi teknis baru
            </Link>
          ) : null}
        </div>
      </div>
      <Form method="get" className="filters card" role="search" aria-label="Cari kompetensi">
        <div className="field" style={{ flex: "1 1 260px" }}>
          <label htmlFor="k-q">Cari kode, nama, definisi, level, indikator, kata kunci</label>
          <input id="k-q" type="search" name="q" defaultValue={params.get("q") ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="k-type">Jenis</label>
          <select id="k-type" name="type" defaultValue={params.get("type") ?? ""}>
            <option value="">Semua</option>
            {COMPETENCY_TYPES.map((t) => (
              <option key={t} value={t}>
                {COMPETENCY_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="k-source">Sumber</label>
          <select id="k-source" name="source" defaultValue={params.get("source") ?? ""}>
            <option value="">Semua</option>
            {Object.entries(SOURCE_KIND_LABELS).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="k-status">Status revisi terakhir</label>
          <select id="k-status" name="status" defaultValue={params.get("status") ?? ""}>
            <option value="">Semua</option>
            {REVISION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {REVISION_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="k-category">Kategori</label>
          <input id="k-category" name="category" defaultValue={params.get("category") ?? ""} />
        </div>
        <button type="submit" className="button">
          Cari
        </button>
        {params.size > 0 ? <Link to="/kamus">Hapus saringan</Link> : null}
      </Form>
      <p className="muted" role="status">
        {total.toLocaleString("id-ID")} kompetensi
      </p>
      {rows.length === 0 ? (
        <p className="empty">Tidak ada kompetensi yang cocok.</p>
      ) : (
        <table className="data" aria-label="Daftar kompetensi">
          <thead>
            <tr>
              <th scope="col">Kode</th>
              <th scope="col">Nama kompetensi</th>
              <th scope="col">Jenis</th>
              <th scope="col">Revisi</th>
              <th scope="col">Sumber teks</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id}>
                <td>
                  <code>{e.code}</code>
                </td>
                <td>
                  <Link to={entryPath(e.code)}>{e.name}</Link>
                  {e.snippet ? <SearchSnippet snippet={e.snippet} matchedIn={e.matchedIn} /> : null}
                </td>
                <td>{COMPETENCY_TYPE_LABELS[e.type]}</td>
                <td>
                  {e.revision} <span className={`tag ${STATUS_TONE[e.status]}`}>{REVISION_STATUS_LABELS[e.status]}</span>
                </td>
                <td>
                  <span className={`tag ${e.textStatus === "regulasi" ? "tag-ok" : e.textStatus === "contoh" ? "tag-warn" : ""}`}>
                    {TEXT_STATUS_LABELS[e.textStatus]}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page} pages={pages} linkTo={pageLink} />
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
