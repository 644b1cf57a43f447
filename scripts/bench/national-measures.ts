// What only the national data set asks (issue 18 item 4): one more instansi's SOTK imported into the big
// database, and what the node holds at the end (database file, its largest tables, the server's memory under
// the heaviest pages). The register, search, editor and publish measures are the province ones, sized up.
import fs from "node:fs";
import { formatImportError, formatSotkCounts } from "~/domain/sotk-import";
import { importSotkFiles } from "~/services/sotk-import.server";
import { bulkSotkCsv } from "./bulk-seed";
import type { DataSetSize } from "./data-set";
import { mib, ownPeakRss, resetOwnPeakRss, sampleTreeMemory } from "./peak-memory";
import type { Measure } from "./runner";

// a kabupaten's SOTK: ten perangkat daerah, about 1,100 rows in the two files
const INSTANSI = { units: 100, positions: 1_000 };
const INSTANSI_RUNS = 5;
const IMPORT_TARGET_MS = 10_000;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export const instansiImportMeasure = (size: DataSetSize): Measure => ({
  name: `impor SOTK satu instansi baru (${INSTANSI.units} unit + ${INSTANSI.positions.toLocaleString("id-ID")} jabatan) ke database besar`,
  size: size.label,
  target: { label: `median < ${IMPORT_TARGET_MS.toLocaleString("id-ID")} ms`, stat: "median", maxMs: IMPORT_TARGET_MS },
  async run(ctx) {
    const { db } = await ctx.dataSet(size);
    const samples: number[] = [];
    let valid = true;
    let peak = 0;
    let counts = "";
    // each run another instansi (own code prefix), so every run creates its rows as a new region's first import would
    for (let run = 1; run <= INSTANSI_RUNS; run++) {
      const csv = bulkSotkCsv({ ...INSTANSI, seed: 100 + run, prefix: `INST${run}-` });
      const files = [
        { name: "unit.csv", bytes: new TextEncoder().encode(csv.units) },
        { name: "jabatan.csv", bytes: new TextEncoder().encode(csv.positions) },
      ];
      resetOwnPeakRss();
      const started = performance.now();
      const result = await importSotkFiles(db, files, null, {});
      samples.push(performance.now() - started);
      peak = Math.max(peak, ownPeakRss() ?? 0);
      if (!result.ok) throw new Error(`Impor gagal:\n${result.errors.slice(0, 5).map(formatImportError).join("\n")}`);
      valid &&= result.counts.units.create === INSTANSI.units && result.counts.positions.create === INSTANSI.positions;
      counts = formatSotkCounts(result.counts);
    }
    return {
      samples,
      valid,
      note: `${INSTANSI_RUNS} instansi berturut-turut, terakhir: ${counts}; puncak RSS proses bench selama impor ${mib(peak || null)}`,
    };
  },
});

// the pages whose size grows with the register or the dictionary: the server's memory is highest while it renders them
const HEAVY_PAGES = ["/", "/jabatan", "/struktur", "/kamus", "/skj", "/penetapan"];

export const footprintMeasure = (size: DataSetSize): Measure => ({
  name: "jejak node: berkas database, tabel terbesar, memori server saat halaman terberat",
  size: size.label,
  async run(ctx) {
    const { db, file } = await ctx.dataSet(size);
    const server = await ctx.server(size);
    const memory = sampleTreeMemory(server.pid, 50);
    const samples: number[] = [];
    const pages: string[] = [];
    // the sampler's timer would keep the bench alive after a failed fetch: it stops whatever happens
    let peak: ReturnType<typeof memory.stop>;
    try {
      for (const page of HEAVY_PAGES) {
        const started = performance.now();
        const res = await fetch(`${server.baseUrl}${page}`, { headers: { Cookie: server.cookie }, redirect: "manual" });
        const html = await res.text();
        samples.push(performance.now() - started);
        // a page that fails at this size (a render past the server's abort delay) is a finding, not a bench error
        const outcome = res.status === 200 ? `${(Buffer.byteLength(html) / 1024).toFixed(0)} KB` : `HTTP ${res.status}`;
        pages.push(`${page} ${outcome} ${samples.at(-1)!.toFixed(0)} ms`);
      }
    } finally {
      peak = memory.stop();
    }
    const wal = fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0;
    // dbstat: the bytes of every table and index, so the ADR can say what the size is made of
    const tables = db.$client.prepare("select name, sum(pgsize) as bytes from dbstat group by name order by bytes desc limit 6").all() as {
      name: string;
      bytes: number;
    }[];
    return {
      samples,
      note:
        `database ${mb(fs.statSync(file).size)} (+ WAL ${mb(wal)}); terbesar: ${tables.map((t) => `${t.name} ${mb(t.bytes)}`).join(", ")}; ` +
        `server: puncak ${mib(peak.peakPss)} PSS (${mib(peak.peakRss)} RSS) saat ${pages.join(", ")}`,
    };
  },
});
