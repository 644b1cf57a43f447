// `npm run cli -- <command>` (contract §1).
import { parseArgs } from "node:util";
import { readConfig } from "~/config.server";
import { UserCreateSchema } from "~/domain/users";
import { createAccount } from "~/services/users.server";
import { backupDatabase } from "~db/backup.server";
import { closeSharedDb, getDb } from "~db/client.server";
import { migrateDatabase } from "~db/migrate.server";
import { describeSeedReport, seed } from "~seeds/seed.server";

const HELP = `Penggunaan: npm run cli -- <perintah>

  migrate                                   terapkan migrasi database
  seed [--demo]                             muat data peraturan (dan data demo dengan --demo)
  user:create --email E --name N --role R   buat pengguna; kata sandi dibaca dari stdin
  token:create --user E --name LABEL --scopes S1,S2
                                            buat token API (skj:read, skj:write, skj:review); token dicetak di baris terakhir.
                                            Perintah operator server: di web, token skj:review hanya dapat dibuat pemiliknya sendiri
  import:sotk FILE... [--dry-run]           impor unit dan jabatan SOTK dari CSV/XLSX (semua atau tidak sama sekali)
  import:dictionary FILE [--dry-run] [--publish]
                                            impor kamus kompetensi teknis dari CSV/XLSX/JSON sebagai draf (--publish: langsung terbitkan)
  import:skj FILE... [--dry-run] [--json]   impor SKJ lama (Word .docx, Excel .xlsx, PDF berlapis teks) menjadi draf jabatan yang cocok
                                            muat SOTK sintetis (kode BULK-) untuk uji beban dan benchmark
  export:pdf --position CODE [--version N|draft] --out FILE
                                            cetak SKJ jabatan ke PDF (tanpa --version: versi yang berlaku; draft: draf terbuka)
  instance:set --kind K --name N --head H --place P [--regional true|false]
                                            isi profil instansi (K: provinsi, kabupaten, kota, instansi_pusat)
  backup FILE                               salin database (SQLite online backup) ke FILE`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

/** A refusal meant for the user as it is, as opposed to an unexpected failure. */
class CliError extends Error {}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The named files' bytes; when any cannot be read, every such file is named and the command stops. */
function readFilesOrFail(
  fs: typeof import("node:fs"),
  paths: string[],
  unreadable: (name: string) => string,
): { name: string; bytes: Uint8Array }[] {
  const files: { name: string; bytes: Uint8Array }[] = [];
  const missing: string[] = [];
  for (const name of paths) {
    try {
      files.push({ name, bytes: new Uint8Array(fs.readFileSync(name)) });
    } catch {
      missing.push(unreadable(name));
    }
  }
  if (missing.length) fail(missing.join("\n"));
  return files;
}

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  readConfig(); // refuses to run with an invalid environment
  const db = getDb();
  switch (command) {
    case "migrate": {
      migrateDatabase(db);
      console.log("Migrasi selesai.");
      return;
    }
    case "seed": {
      const { values } = parseArgs({ args: rest, options: { demo: { type: "boolean" } } });
      const production = process.env.NODE_ENV === "production";
      if (values.demo && production) fail("Data demo tidak dimuat di produksi (no demo users in production).");
      migrateDatabase(db);
      const report = await seed(db, values.demo ? "demo" : "reference");
      const inserted = describeSeedReport(report);
      console.log(inserted ? `Ditambahkan: ${inserted}` : "Tidak ada perubahan: data awal sudah lengkap.");
      return;
    }
    case "user:create": {
      const { values } = parseArgs({
        args: rest,
        options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" } },
      });
      migrateDatabase(db);
      const parsed = UserCreateSchema.safeParse({ ...values, password: await readStdin() });
      if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("\n"));
      const result = await createAccount(db, parsed.data, null);
      if (!result.ok)
        fail(
          Object.entries(result.errors)
            .map(([k, v]) => `${k}: ${v}`)
            .join("\n"),
        );
      console.log(`Pengguna ${result.user.email} (${result.user.role}) dibuat.`);
      return;
    }
    case "token:create": {
      const { ApiTokenNameSchema, ScopeListSchema } = await import("~/domain/api-tokens");
      const { createApiToken } = await import("~db/queries/api-tokens.server");
      const { findUserByEmail } = await import("~db/queries/users.server");
      const { values } = parseArgs({
        args: rest,
        options: { user: { type: "string" }, name: { type: "string" }, scopes: { type: "string" } },
      });
      if (!values.user) fail("Sebutkan email pemilik token: --user E");
      const name = ApiTokenNameSchema.safeParse(values.name);
      const scopes = ScopeListSchema.safeParse(values.scopes);
      const problems = [
        ...(name.success ? [] : name.error.issues.map((i) => `name: ${i.message}`)),
        ...(scopes.success ? [] : scopes.error.issues.map((i) => `scopes: ${i.message}`)),
      ];
      if (problems.length || !name.success || !scopes.success) fail(problems.join("\n"));
      migrateDatabase(db);
      const owner = findUserByEmail(db, values.user);
      if (!owner) fail(`Pengguna ${values.user} tidak ditemukan.`);
      if (!owner.active) fail(`Pengguna ${owner.email} tidak aktif; token tidak dapat dibuat.`);
      const created = createApiToken(db, { userId: owner.id, name: name.data, scopes: scopes.data }, null);
      console.log(
        `Token API "${name.data}" (#${created.id}) untuk ${owner.email} dengan cakupan ${scopes.data.join(", ")}, dibuat oleh operator server (tercatat di log audit). Simpan sekarang; token tidak dapat ditampilkan lagi:`,
      );
      // alone on the last line so that scripts can take it with `tail -n 1` (contract §1)
      console.log(created.token);
      return;
    }
    case "import:sotk": {
      // loaded here so that the other commands do not pay for the CSV and XLSX readers
      const fs = await import("node:fs");
      const { formatImportError, formatSotkCounts } = await import("~/domain/sotk-import");
      const { importSotkFiles } = await import("~/services/sotk-import.server");
      const { formatRowChanges } = await import("~/domain/sotk-changes");
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { "dry-run": { type: "boolean" } } });
      if (positionals.length === 0) fail("Sebutkan berkas yang diimpor: npm run cli -- import:sotk FILE...");
      const files = readFilesOrFail(fs, positionals, (name) => `${name}:0: berkas: Berkas tidak ditemukan atau tidak dapat dibaca.`);
      migrateDatabase(db);
      const result = await importSotkFiles(db, files, null, { dryRun: values["dry-run"] === true });
      if (!result.ok) fail(result.errors.map(formatImportError).join("\n"));
      // a check shows each new row and each changed field first, as the import page does (contract §7.4)
      if (result.dryRun) for (const line of formatRowChanges(result.changes)) console.log(line);
      console.log(`${result.dryRun ? "Uji coba, tidak ada yang disimpan. " : ""}${formatSotkCounts(result.counts)}`);
      return;
    }
    case "import:dictionary": {
      // loaded here so that the other commands do not pay for the CSV and XLSX readers
      const fs = await import("node:fs");
      const { formatDictionaryCounts, formatImportError } = await import("~/domain/dictionary-import");
      const { importDictionaryFiles } = await import("~/services/dictionary-import.server");
      const { formatEntryChanges } = await import("~/domain/dictionary-changes");
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { "dry-run": { type: "boolean" }, publish: { type: "boolean" } },
      });
      if (positionals.length === 0) fail("Sebutkan berkas yang diimpor: npm run cli -- import:dictionary FILE [--dry-run] [--publish]");
      const files = readFilesOrFail(fs, positionals, (name) => `${name}:0: berkas: Berkas tidak ditemukan atau tidak dapat dibaca.`);
      migrateDatabase(db);
      const result = await importDictionaryFiles(db, files, null, { dryRun: values["dry-run"] === true, publish: values.publish === true });
      if (!result.ok) fail(result.errors.map(formatImportError).join("\n"));
      // a check shows each new entry and each changed text first, as `import:sotk --dry-run` does
      if (result.dryRun) for (const line of formatEntryChanges(result.changes)) console.log(line);
      const changed = result.counts.create + result.counts.update > 0;
      const how = result.dryRun ? "Uji coba, tidak ada yang disimpan. " : "";
      const state =
        result.dryRun || !changed
          ? ""
          : result.published
            ? " Perubahan langsung diterbitkan."
            : " Perubahan disimpan sebagai draf untuk ditinjau.";
      console.log(`${how}${formatDictionaryCounts(result.counts)}.${state}`);
      return;
    }
    case "import:skj": {
      // loaded here so that the other commands do not pay for the Word, Excel and PDF readers
      const fs = await import("node:fs");
      const { analyseLegacyFiles, applyLegacyImport } = await import("~/services/legacy-skj/import.server");
      const { formatLegacyImport, formatLegacyResult } = await import("~/services/legacy-skj/report.server");
      const { LegacyFileError } = await import("~/services/legacy-skj/errors.server");
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { "dry-run": { type: "boolean" }, json: { type: "boolean" } },
      });
      if (positionals.length === 0) fail("Sebutkan berkas yang diimpor: npm run cli -- import:skj FILE... [--dry-run] [--json]");
      const files = readFilesOrFail(fs, positionals, (name) => `${name}: Berkas tidak ditemukan atau tidak dapat dibaca.`);
      migrateDatabase(db);
      let rows: Awaited<ReturnType<typeof analyseLegacyFiles>>;
      try {
        rows = await analyseLegacyFiles(db, files);
      } catch (error) {
        if (error instanceof LegacyFileError) fail(error.message);
        throw error;
      }
      const dryRun = values["dry-run"] === true;
      const result = dryRun ? null : applyLegacyImport(db, rows, null);
      if (values.json) console.log(JSON.stringify({ documents: rows, ...(result ? { result } : {}) }, null, 2));
      else console.log([formatLegacyImport(rows), result ? formatLegacyResult(result) : "Uji coba, tidak ada yang disimpan."].join("\n"));
      return;
    }
    case "export:pdf": {
      // loaded here so that the other commands do not pay for React and the browser
      const fs = await import("node:fs");
      const { findPositionByCode } = await import("~db/queries/register.server");
      const { currentPublished } = await import("~db/queries/skj-read.server");
      const { closePdfBrowser } = await import("~/services/pdf.server");
      const { draftPdf, publishedVersionPdf } = await import("~/services/skj-pdf.server");
      const { values } = parseArgs({
        args: rest,
        options: { position: { type: "string" }, version: { type: "string" }, out: { type: "string" } },
      });
      if (!values.position) fail("Sebutkan kode jabatan: npm run cli -- export:pdf --position CODE [--version N|draft] --out FILE");
      if (!values.out) fail("Sebutkan berkas tujuan: --out FILE");
      const version = values.version;
      if (version !== undefined && version !== "draft" && !/^[1-9]\d{0,8}$/.test(version))
        fail(`--version harus nomor versi (1, 2, …) atau "draft" (bukan "${version}").`);
      migrateDatabase(db);
      const position = findPositionByCode(db, values.position);
      if (!position) fail(`Jabatan ${values.position} tidak ditemukan.`);
      let bytes: Uint8Array | null;
      let what: string;
      try {
        if (version === "draft") {
          bytes = await draftPdf(db, position.id);
          what = "draf";
          if (!bytes) throw new CliError(`Jabatan ${position.code} belum memiliki draf SKJ yang terbuka.`);
        } else {
          const n = version === undefined ? currentPublished(db, position.code)?.version : Number(version);
          if (n === undefined)
            throw new CliError(`Jabatan ${position.code} belum memiliki SKJ yang berlaku; sebutkan --version N atau --version draft.`);
          bytes = await publishedVersionPdf(db, position.code, n);
          what = `versi ${n}`;
          if (!bytes) throw new CliError(`Versi ${n} SKJ jabatan ${position.code} tidak ditemukan.`);
        }
      } catch (error) {
        await closePdfBrowser();
        fail(
          error instanceof CliError ? error.message : `PDF tidak dapat dicetak: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      await closePdfBrowser();
      try {
        fs.writeFileSync(values.out, bytes);
      } catch (error) {
        fail(`Berkas ${values.out} tidak dapat ditulis: ${error instanceof Error ? error.message : String(error)}`);
      }
      console.log(`PDF SKJ ${position.code} (${what}) ditulis ke ${values.out} (${bytes.length.toLocaleString("id-ID")} bita).`);
      return;
    }
    case "instance:set": {
      const { instanceSet } = await import("./instance-set");
      migrateDatabase(db);
      const outcome = instanceSet(db, rest);
      if (!outcome.ok) fail(outcome.message);
      console.log(outcome.message);
      return;
    }
    case "backup": {
      const file = rest[0];
      if (!file) fail("Sebutkan berkas tujuan: npm run cli -- backup FILE");
      await backupDatabase(db, file);
      console.log(`Cadangan ditulis ke ${file}.`);
      return;
    }
    case undefined:
    case "help":
    case "--help":
      console.log(HELP);
      return;
    default:
      fail(`Perintah tidak dikenal: ${command}\n\n${HELP}`);
  }
}

try {
  await main(process.argv.slice(2));
} finally {
  closeSharedDb();
}
