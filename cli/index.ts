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
  import:sotk FILE... [--dry-run]           impor unit dan jabatan SOTK dari CSV/XLSX (semua atau tidak sama sekali)
  backup FILE                               salin database (SQLite online backup) ke FILE`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
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
      const { values } = parseArgs({ args: rest, options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" } } });
      migrateDatabase(db);
      const parsed = UserCreateSchema.safeParse({ ...values, password: await readStdin() });
      if (!parsed.success) fail(parsed.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("\n"));
      const result = await createAccount(db, parsed.data, null);
      if (!result.ok) fail(Object.entries(result.errors).map(([k, v]) => `${k}: ${v}`).join("\n"));
      console.log(`Pengguna ${result.user.email} (${result.user.role}) dibuat.`);
      return;
    }
    case "import:sotk": {
      // loaded here so that the other commands do not pay for the CSV and XLSX readers
      const fs = await import("node:fs");
      const { formatImportError, formatSotkCounts } = await import("~/domain/sotk-import");
      const { importSotkFiles } = await import("~db/queries/sotk-import.server");
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { "dry-run": { type: "boolean" } } });
      if (positionals.length === 0) fail("Sebutkan berkas yang diimpor: npm run cli -- import:sotk FILE...");
      const files: { name: string; bytes: Uint8Array }[] = [];
      const unreadable: string[] = [];
      for (const name of positionals) {
        try {
          files.push({ name, bytes: new Uint8Array(fs.readFileSync(name)) });
        } catch {
          unreadable.push(`${name}:0: berkas: Berkas tidak ditemukan atau tidak dapat dibaca.`);
        }
      }
      if (unreadable.length) fail(unreadable.join("\n"));
      migrateDatabase(db);
      const result = await importSotkFiles(db, files, null, { dryRun: values["dry-run"] === true });
      if (!result.ok) fail(result.errors.map(formatImportError).join("\n"));
      console.log(`${result.dryRun ? "Uji coba, tidak ada yang disimpan. " : ""}${formatSotkCounts(result.counts)}`);
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
