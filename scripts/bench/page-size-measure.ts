import type { DataSetSize } from "./data-set";
import type { Measure } from "./runner";

const PAGE_MAX_BYTES = 60 * 1024;

interface Ids {
  positionId: number;
  version: number;
  unitId: number;
  unitCode: string;
  competency: string;
  penetapanId: number;
  bundlePenetapanId: number | null;
  /** The analyst's own job pages (a job page answers its requester only), when the data set has any. */
  jobPages: string[];
}

// every main page as the analyst meets it; the biggest instance of each (the largest unit, the province act)
function pagesOf(ids: Ids): string[] {
  const unit = encodeURIComponent(ids.unitCode);
  const entry = encodeURIComponent(ids.competency);
  return [
    "/",
    "/cakupan",
    "/jabatan",
    `/jabatan?unit=${unit}`,
    "/jabatan/baru",
    `/jabatan/${ids.positionId}`,
    `/jabatan/${ids.positionId}/ubah`,
    `/jabatan/${ids.positionId}/riwayat`,
    `/jabatan/${ids.positionId}/versi/${ids.version}`,
    "/struktur",
    `/struktur?buka=${unit}`,
    "/struktur?q=bidang",
    `/struktur/${ids.unitId}`,
    "/struktur/baru",
    "/struktur/impor",
    "/kamus",
    "/kamus?q=pengelolaan",
    `/kamus/entri/${entry}`,
    `/kamus/riwayat/${entry}`,
    `/kamus/ubah/${entry}`,
    "/kamus/standar-jf",
    "/skj",
    `/skj/draf-massal?semua=1&unit=${unit}`,
    "/skj/ubah-massal?semua=1",
    "/skj/impor",
    "/penetapan",
    `/penetapan/${ids.penetapanId}`,
    ...(ids.bundlePenetapanId ? [`/penetapan/${ids.bundlePenetapanId}`] : []),
    "/ekspor",
    ...ids.jobPages,
  ];
}

function analystJobPages(client: { prepare(sql: string): { all(): unknown[] } }): string[] {
  const analyst = "(select id from users where email = 'analis@demo.go.id')";
  const jobs = client.prepare(`select kind, max(id) as id from background_jobs where requested_by = ${analyst} group by kind`).all() as {
    kind: "impor_skj" | "draf_massal";
    id: number;
  }[];
  const exports = client.prepare(`select max(id) as id from export_jobs where requested_by = ${analyst} having id is not null`).all() as {
    id: number;
  }[];
  return [
    ...jobs.map((j) => (j.kind === "impor_skj" ? `/skj/impor/${j.id}` : `/skj/draf-massal/${j.id}`)),
    ...exports.map((e) => `/ekspor/${e.id}`),
  ];
}

export const pageSizeMeasure = (size: DataSetSize): Measure => ({
  name: "ukuran HTML halaman utama",
  size: size.label,
  target: { label: `setiap halaman < ${PAGE_MAX_BYTES / 1024} KB`, stat: "p95", maxMs: Number.POSITIVE_INFINITY },
  async run(ctx) {
    const { db, set } = await ctx.dataSet(size);
    const { baseUrl, cookie } = await ctx.server(size);
    const position = db.$client
      .prepare(
        "select p.id as positionId, v.version_number as version from skj_versions v join positions p on p.id = v.position_id order by v.id limit 1",
      )
      .get() as { positionId: number; version: number };
    const competency = db.$client
      .prepare("select code from competencies where type = 'teknis' and is_fixed = 0 order by code limit 1")
      .get() as { code: string };
    const ids: Ids = {
      ...position,
      unitId: set.acts.largestUnit.unitId,
      unitCode: set.acts.largestUnit.code,
      competency: competency.code,
      penetapanId: set.acts.province?.penetapanId ?? set.acts.bundle!.penetapanId,
      bundlePenetapanId: set.acts.province ? (set.acts.bundle?.penetapanId ?? null) : null,
      jobPages: analystJobPages(db.$client),
    };
    const sizes: { page: string; bytes: number }[] = [];
    const samples: number[] = [];
    for (const page of pagesOf(ids)) {
      const started = performance.now();
      const res = await fetch(`${baseUrl}${page}`, { headers: { Cookie: cookie }, redirect: "manual" });
      const html = await res.text();
      samples.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`GET ${page} menjawab HTTP ${res.status}.`);
      sizes.push({ page, bytes: Buffer.byteLength(html) });
    }
    sizes.sort((a, b) => b.bytes - a.bytes);
    const over = sizes.filter((s) => s.bytes >= PAGE_MAX_BYTES);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
    return {
      samples,
      meets: over.length === 0,
      note: `${over.length} dari ${sizes.length} halaman ≥ ${kb(PAGE_MAX_BYTES)}; terbesar: ${sizes
        .slice(0, 10)
        .map((s) => `${s.page} ${kb(s.bytes)}`)
        .join(", ")}`,
    };
  },
});
