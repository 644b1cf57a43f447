// `npm run seed:bulk -- [--units N] [--positions M] [--seed S]`: the bench's synthetic SOTK added to the database
// at DATABASE_PATH, to try the app at a province's size by hand. A development tool beside the bench that
// generates the same data, not a command of the app's CLI (refused in production all the same).
import { parseArgs } from "node:util";
import { closeSharedDb, getDb } from "~db/client.server";
import { migrateDatabase } from "~db/migrate.server";
import { bulkSeed } from "./bulk-seed";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    units: { type: "string", default: "2000" },
    positions: { type: "string", default: "20000" },
    seed: { type: "string", default: "1" },
  },
});
if (process.env.NODE_ENV === "production") fail("Data sintetis tidak dimuat di produksi.");
const asCount = (text: string, label: string) => {
  if (!/^\d+$/.test(text)) fail(`--${label} harus bilangan bulat 0 atau lebih (bukan "${text}").`);
  return Number(text);
};
const options = {
  units: asCount(values.units, "units"),
  positions: asCount(values.positions, "positions"),
  seed: asCount(values.seed, "seed"),
};
const db = getDb();
migrateDatabase(db);
const started = performance.now();
try {
  const counts = bulkSeed(db, options);
  const seconds = ((performance.now() - started) / 1000).toLocaleString("id-ID", { maximumFractionDigits: 2 });
  console.log(`Ditambahkan: ${counts.units} unit, ${counts.positions} jabatan dalam ${seconds} detik.`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
} finally {
  closeSharedDb();
}
