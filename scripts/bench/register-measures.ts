// SOTK register (issue 3): the register page's query at both sizes, the whole page over HTTP, the CSV import.
import { parseRegisterQuery } from "~/domain/register-filter";
import { formatImportError, formatSotkCounts, type SotkImportCounts } from "~/domain/sotk-import";
import { loadRegister } from "~/services/register.server";
import type { Db } from "~db/client.server";
import { importSotkFiles } from "~/services/sotk-import.server";
import { perangkatDaerahCode } from "./bulk-seed";
import type { Context } from "./context";
import { LARGE, type DataSetSize } from "./data-set";
import { RUNS, sample, WARMUP, type Measure, type Target } from "./runner";

const REGISTER_PAGE_SIZE = 50;
export const COMMON_WORD = "pelayanan";
// the first is the Setda and the second carries the JPT utama; the third is an ordinary dinas
const subtreeUnit = (size: DataSetSize) => perangkatDaerahCode(size.units, 3);
const REGISTER_TARGET_MS = 100;
const IMPORT_TARGET_MS = 10_000;

const registerTarget: Target = { label: `p95 < ${REGISTER_TARGET_MS} ms`, stat: "p95", maxMs: REGISTER_TARGET_MS };

function registerMeasure(size: DataSetSize, name: string, params: Record<string, string>): Measure {
  return {
    name: `register: ${name}`,
    size: size.label,
    target: registerTarget,
    async run(ctx) {
      const { db } = await ctx.dataSet(size);
      const search = new URLSearchParams(params);
      const first = loadRegister(db, parseRegisterQuery(search));
      // timing an empty page would flatter the query, so a filter that matches nothing is a bench bug
      if (first.rows.length === 0) throw new Error(`Kueri ${search} tidak menghasilkan baris.`);
      const samples = await sample(RUNS, WARMUP, () => loadRegister(db, parseRegisterQuery(search)));
      return { samples, note: `?${search}: ${first.total} jabatan cocok` };
    },
  };
}

const deepPage = (size: DataSetSize) => String(Math.ceil(size.positions / REGISTER_PAGE_SIZE / 2));

export const registerMeasures = (size: DataSetSize): Measure[] => [
  registerMeasure(size, "tanpa filter, hal. 1", {}),
  registerMeasure(size, "subpohon satu perangkat daerah", { unit: subtreeUnit(size) }),
  registerMeasure(size, "pencarian FTS + kelompok", { q: COMMON_WORD, group: "fungsional" }),
  registerMeasure(size, "status ditetapkan", { status: "ditetapkan" }),
  registerMeasure(size, `halaman dalam (hal. ${deepPage(size)})`, { page: deepPage(size) }),
];

export const registerHttpMeasure = (size: DataSetSize): Measure => ({
  name: "HTTP GET /jabatan (cari + unit), HTML penuh",
  size: size.label,
  async run(ctx) {
    const { baseUrl, cookie } = await ctx.server(size);
    const url = `${baseUrl}/jabatan?${new URLSearchParams({ q: COMMON_WORD, unit: subtreeUnit(size) })}`;
    let bytes = 0;
    const samples = await sample(RUNS, 3, async () => {
      const res = await fetch(url, { headers: { Cookie: cookie }, redirect: "manual" });
      const html = await res.text();
      if (res.status !== 200) throw new Error(`GET ${url} menjawab HTTP ${res.status}.`);
      bytes = html.length;
    });
    return { samples, note: `${url.replace(baseUrl, "")}: ${(bytes / 1024).toFixed(0)} KB HTML` };
  },
});

const importTarget: Target = { label: `median < ${IMPORT_TARGET_MS.toLocaleString("id-ID")} ms`, stat: "median", maxMs: IMPORT_TARGET_MS };
const allUnchanged = (c: SotkImportCounts) => c.units.create + c.units.update + c.positions.create + c.positions.update === 0;

async function importOnce(db: Db, files: { name: string; bytes: Uint8Array }[]): Promise<{ ms: number; counts: SotkImportCounts }> {
  const started = performance.now();
  const result = await importSotkFiles(db, files, null, {});
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`Impor gagal:\n${result.errors.slice(0, 5).map(formatImportError).join("\n")}`);
  return { ms, counts: result.counts };
}

function importedDb(ctx: Context): Promise<Db> {
  return ctx.once("imported-db", async () => {
    const { db } = ctx.freshDb("import");
    await importOnce(db, await ctx.csvFiles(LARGE));
    return db;
  });
}

export const importMeasure: Measure = {
  name: `impor SOTK CSV (${LARGE.units.toLocaleString("id-ID")} unit + ${LARGE.positions.toLocaleString("id-ID")} jabatan)`,
  size: LARGE.label,
  target: importTarget,
  async run(ctx) {
    const files = await ctx.csvFiles(LARGE);
    const samples: number[] = [];
    let last: { db: Db; counts: SotkImportCounts } | undefined;
    for (let i = 0; i < 3; i++) {
      const { db } = ctx.freshDb(`import-${i}`);
      const { ms, counts } = await importOnce(db, files);
      samples.push(ms);
      last = { db, counts };
    }
    // the re-import measure reuses the last database instead of importing once more
    void ctx.once("imported-db", async () => last!.db);
    const c = last!.counts;
    const valid = c.units.create === LARGE.units && c.positions.create === LARGE.positions;
    return { samples, valid, note: formatSotkCounts(c) };
  },
};

export const reimportMeasure: Measure = {
  name: "impor ulang berkas yang sama",
  size: LARGE.label,
  target: importTarget,
  async run(ctx) {
    const db = await importedDb(ctx);
    const files = await ctx.csvFiles(LARGE);
    const samples: number[] = [];
    let valid = true;
    let counts: SotkImportCounts | undefined;
    for (let i = 0; i < 3; i++) {
      const run = await importOnce(db, files);
      samples.push(run.ms);
      counts = run.counts;
      valid &&= allUnchanged(run.counts);
    }
    return { samples, valid, note: `${formatSotkCounts(counts!)}${valid ? "" : " — seharusnya semua tetap"}` };
  },
};
