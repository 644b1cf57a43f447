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
}

function pagesOf(ids: Ids): string[] {
  return [
    "/",
    "/jabatan",
    `/jabatan?unit=${encodeURIComponent(ids.unitCode)}`,
    `/jabatan/${ids.positionId}`,
    `/jabatan/${ids.positionId}/riwayat`,
    `/jabatan/${ids.positionId}/versi/${ids.version}`,
    "/struktur",
    `/struktur/${ids.unitId}`,
    "/kamus",
    `/kamus/entri/${encodeURIComponent(ids.competency)}`,
    "/skj",
    "/penetapan",
    `/penetapan/${ids.penetapanId}`,
    "/ekspor",
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
        .slice(0, 8)
        .map((s) => `${s.page} ${kb(s.bytes)}`)
        .join(", ")}`,
    };
  },
});
