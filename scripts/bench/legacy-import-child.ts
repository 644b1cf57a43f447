// The legacy SKJ import of a 220-SKJ book (issue 16, Speed) in a process of its own, so its peak memory is the
// import's alone: `node --import tsx scripts/bench/legacy-import-child.ts DB PENETAPAN_ID`. The book is made from
// the bench data first (not timed): half as our own Word lampiran, half in another layout (unbordered identity,
// one row per indicator, "Diskripsi", "v" ticks). Then it is read and matched as the page's background job does
// it, in a worker thread. Prints one JSON line.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isRegulationCode } from "~/domain/dictionary";
import type { SkjPublishedDocument } from "~/domain/skj-published";
import type { AnalysisProgress, AnalysisThreadInput, AnalysisThreadReply } from "~/services/legacy-skj/analysis-job.server";
import { dictionaryForMatching, registerPositions } from "~/services/legacy-skj/import.server";
import { renderBundleDocx } from "~/services/skj-bundle-docx.server";
import { bundleContents } from "~/services/skj-bundle.server";
import { runInThread } from "~/services/thread.server";
import { openDatabase } from "~db/client.server";
import { unborderedBookDocx, type TruthSkj } from "../../tests/fixtures/legacy-skj/variants";
import { BOOK_SKJ, type LegacyImportChildResult } from "./legacy-import-measures";
import { sampleTreeMemory } from "./peak-memory";

/** A published version as the other layout prints it: regulation competencies by code, technical ones by their texts. */
function truthOf(doc: SkjPublishedDocument): TruthSkj {
  return {
    position: {
      ...doc.position,
      group: doc.position.group ?? "",
      functionalLevel: doc.position.functionalLevel || null,
      jobCode: doc.position.jobCode ?? null,
    },
    competencies: doc.competencies.map((c) =>
      isRegulationCode(c.code)
        ? { code: c.code, level: c.level }
        : { code: null, name: c.name, level: c.level, description: c.levelDescription, indicators: c.indicators },
    ),
    requirements: doc.requirements as unknown as TruthSkj["requirements"],
  };
}

async function main() {
  const [file, penetapanId] = process.argv.slice(2);
  if (!file || !penetapanId) throw new Error("Pemakaian: legacy-import-child.ts DB PENETAPAN_ID");
  const db = openDatabase(file);
  const bundle = bundleContents(db, { kind: "penetapan", penetapanId: Number(penetapanId) });
  if (!bundle || bundle.items.length < BOOK_SKJ) throw new Error(`Penetapan ${penetapanId} memuat kurang dari ${BOOK_SKJ} SKJ.`);
  const items = bundle.items.slice(0, BOOK_SKJ);
  const half = BOOK_SKJ / 2;
  const snapshot = db.$client
    .prepare("select v.snapshot from skj_versions v join positions p on p.id = v.position_id where p.code = ? and v.version_number = ?")
    .pluck();
  const variantItems = items.slice(half);
  const variant = variantItems.map((i) => truthOf(JSON.parse(snapshot.get(i.positionCode, i.version) as string) as SkjPublishedDocument));
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "skj-bench-legacy-"));
  const books = [
    { name: "lampiran-word.docx", bytes: await renderBundleDocx({ ...bundle, items: items.slice(0, half) }), skj: half },
    {
      name: "buku-varian.docx",
      bytes: await unborderedBookDocx(
        variant,
        variantItems.map((i) => i.unitPath),
      ),
      skj: half,
    },
  ];
  books.forEach((b) => fs.writeFileSync(path.join(folder, b.name), b.bytes));
  const expected = items.map((i) => i.positionCode);
  process.stderr.write(`    buku dibuat: ${books.map((b) => `${b.name} ${(b.bytes.length / 1024 / 1024).toFixed(1)} MB`).join(", ")}\n`);

  const memory = sampleTreeMemory(process.pid);
  const started = performance.now();
  const input: AnalysisThreadInput = {
    files: books.map((b) => ({ name: b.name, path: path.join(folder, b.name) })),
    register: registerPositions(db),
    dictionary: dictionaryForMatching(db),
  };
  let progressMessages = 0;
  const reply = await runInThread<AnalysisThreadReply, AnalysisProgress>("app/services/legacy-skj/analysis-thread-entry.server.ts", input, {
    onProgress: (p) => {
      // a line every 25 messages (about 5 s) shows where a slow run spends its time
      if (++progressMessages % 25 === 0)
        process.stderr.write(
          `    ${(p.fraction * 100).toFixed(0)} %, ${p.skj} SKJ, ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
        );
    },
  });
  const ms = performance.now() - started;
  const peak = memory.stop();
  fs.rmSync(folder, { recursive: true, force: true });
  if ("refusal" in reply) throw new Error(reply.refusal);
  const result: LegacyImportChildResult = {
    ms,
    files: books.map((b) => ({ name: b.name, bytes: b.bytes.length, skj: b.skj })),
    found: reply.rows.length,
    matchedRight: reply.rows.filter((r, i) => r.match?.positionCode === expected[i]).length,
    progressMessages,
    peakPss: peak.peakPss,
    peakRss: peak.peakRss,
    nodeMaxRss: process.resourceUsage().maxRSS * 1024,
  };
  db.$client.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
