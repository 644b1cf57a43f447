// National JF standards from a legacy SKJ book (issue 17 item 4, docs/decisions/036): the book's SKJ of a JF
// becomes that JF's standard with the act typed on the form; other SKJ are skipped; a second import changes
// nothing; an SKJ the dictionary cannot match refuses the whole import, naming file, page and SKJ.
import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { REGULATION_CODES } from "~/domain/dictionary";
import { readJfStandardFiles } from "~/services/jf-standard-files.server";
import type { Db } from "~db/client.server";
import { importJfStandards, listJfStandards } from "~db/queries/jf-standards.server";
import { findUserByEmail } from "~db/queries/users.server";
import { auditLog, jfStandards } from "~db/schema";
import { ARSIPARIS, arsipBook, skj, technical } from "../fixtures/jf-standard/book";
import { unborderedBookDocx } from "../fixtures/legacy-skj/variants";
import { useTestDatabase } from "../setup/test-db";

const ACT = { legalBasis: "Peraturan Contoh Nomor 3 Tahun 2026", instansiPembina: "Arsip Nasional Republik Indonesia" };

const analisId = (db: Db) => findUserByEmail(db, "analis@demo.go.id")!.id;
const auditRows = (db: Db) => db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityType, "jf_standard")).get()!.n;

async function bookImport(db: Db, files: { name: string; bytes: Uint8Array }[], act: Record<string, unknown>, dryRun: boolean) {
  const sources = await readJfStandardFiles(db, files, { legalBasis: act.legalBasis, instansiPembina: act.instansiPembina });
  if ("error" in sources) return { error: sources.error };
  return {
    result: importJfStandards(db, sources, analisId(db), { dryRun }),
    skipped: sources.flatMap((s) => (s.format === "book" ? s.skipped : [])),
  };
}

describe("national JF standards from a legacy SKJ book", () => {
  it("makes the JF SKJ of a book one standard with the typed act, skips the structural one, and a second import changes nothing", async () => {
    const db = await useTestDatabase("demo");
    const book = {
      name: "buku-skj.docx",
      bytes: await arsipBook(),
    };

    const preview = await bookImport(db, [book], ACT, true);
    expect(preview).toMatchObject({
      result: {
        ok: true,
        counts: { create: 1, update: 0, unchanged: 0 },
        changes: [{ title: "Arsiparis Ahli Pertama", action: "create" }],
      },
      skipped: [{ name: "Kepala Subbagian Umum dan Kepegawaian", reason: "Jabatan Pengawas, bukan jabatan fungsional" }],
    });
    expect(listJfStandards(db)).toEqual([]);

    expect(await bookImport(db, [book], ACT, false)).toMatchObject({ result: { ok: true, counts: { create: 1 } } });
    const [standard, ...others] = listJfStandards(db);
    expect(others).toEqual([]);
    expect(standard).toMatchObject({
      jf: "Arsiparis",
      jenjang: "ahli_pertama",
      ...ACT,
      levels: { ...Object.fromEntries(REGULATION_CODES.map((c) => [c, 2])), "M.05": 3 },
      // T.OTDA is the region's addition, not the instansi pembina's
      technical: [
        { code: "T.ARSIP", level: 2 },
        { code: "T.SPBE", level: 3 },
      ],
      verified: false,
      example: false,
    });
    const audited = auditRows(db);

    expect(await bookImport(db, [book], ACT, false)).toMatchObject({
      result: { ok: true, counts: { create: 0, update: 0, unchanged: 1 } },
    });
    expect(listJfStandards(db)).toEqual([standard]);
    expect(auditRows(db)).toBe(audited);
  });

  it("asks for the act a book does not print, and stores nothing without it", async () => {
    const db = await useTestDatabase("demo");
    const book = { name: "buku-skj.docx", bytes: await unborderedBookDocx([ARSIPARIS], ["DINAS KEARSIPAN"]) };
    expect(await bookImport(db, [book], { legalBasis: " ", instansiPembina: ACT.instansiPembina }, false)).toEqual({
      error: "buku-skj.docx: standar dari buku SKJ lama memerlukan isian di formulir. Dasar hukum wajib diisi.",
    });
    expect(db.select({ n: count() }).from(jfStandards).get()!.n).toBe(0);
  });

  it("refuses the whole book when an SKJ of a JF names a competency the dictionary does not know, naming file, page and SKJ", async () => {
    const db = await useTestDatabase("demo");
    const unknown = skj("Arsiparis Ahli Muda", "fungsional", "ahli_muda", 3, [
      technical("Autentikasi Arsip Statis", 3),
      technical("Pengelolaan Kearsipan", 3),
    ]);
    const book = { name: "buku-skj.docx", bytes: await unborderedBookDocx([ARSIPARIS, unknown], ["DINAS KEARSIPAN", "DINAS KEARSIPAN"]) };
    const refused = await bookImport(db, [book], ACT, false);
    expect(refused).toEqual({
      result: {
        ok: false,
        errors: [
          {
            file: expect.stringMatching(/^buku-skj\.docx, hlm\. \d+, SKJ Arsiparis Ahli Muda$/),
            row: 0,
            column: "kompetensi teknis",
            message:
              'Kompetensi teknis "Autentikasi Arsip Statis" (level 3) tidak ada di kamus. Tambahkan dan terbitkan entrinya di Kamus Kompetensi, lalu impor lagi.',
          },
        ],
      },
      skipped: [],
    });
    expect(listJfStandards(db)).toEqual([]);
  });

  it("reads the samples' Word book: its JF SKJ needs a competency the demo dictionary lacks", async () => {
    const db = await useTestDatabase("demo");
    const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, "../fixtures/legacy-skj/a1-bordered.docx")));
    const refused = await bookImport(db, [{ name: "a1-bordered.docx", bytes }], ACT, true);
    expect(refused.result?.ok ? [] : refused.result?.errors.map((e) => [e.file, e.message])).toEqual([
      [
        expect.stringMatching(/^a1-bordered\.docx, .*SKJ Analis Kebijakan Ahli Muda$/),
        expect.stringContaining('"Analisis Kebijakan Publik"'),
      ],
    ]);
    expect(refused.skipped?.map((s) => s.name)).toEqual(["Kepala Dinas Pendidikan", "Kepala Subbagian Umum dan Kepegawaian"]);
  });
});
