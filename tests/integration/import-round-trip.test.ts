// Export → import: each file the app exports for the register imports back with nothing new and nothing
// changed (contract §7.4), and one edit made in Excel shows as exactly that one change, old → new.
// The dictionary's XLSX and JSON exports are proven the same way in dictionary-import.test.ts.
import ExcelJS from "exceljs";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { formatImportError } from "~/domain/sotk-import";
import { loader as registerExport } from "~/routes/jabatan.ekspor[.]xlsx";
import { loader as unitsExport } from "~/routes/struktur.ekspor[.]xlsx";
import type { Db } from "~db/client.server";
import { importSotkFiles } from "~/services/sotk-import.server";
import { auditLog, orgUnits, positions } from "~db/schema";
import { BASE, cookieFor } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

let db: Db;
let cookie: string;
beforeEach(async () => {
  db = await useTestDatabase("demo");
  cookie = await cookieFor("viewer@demo.go.id");
});

async function download(loader: typeof registerExport, path: string): Promise<Uint8Array> {
  const response = await loader({ request: new Request(`${BASE}${path}`, { headers: { Cookie: cookie } }), params: {}, context: {} });
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

async function check(files: { name: string; bytes: Uint8Array }[], dryRun = true) {
  const result = await importSotkFiles(db, files, null, { dryRun });
  if (!result.ok) throw new Error(result.errors.map(formatImportError).join("\n"));
  return result;
}

const dump = () => ({
  units: db.select().from(orgUnits).orderBy(orgUnits.id).all(),
  positions: db.select().from(positions).orderBy(positions.id).all(),
  audit: db.select({ n: count() }).from(auditLog).get()!.n,
});

describe("export → import round trip", () => {
  it("imports the register's XLSX export back with 0 new and 0 changed, and writes nothing", async () => {
    const total = db.select({ n: count() }).from(positions).get()!.n;
    const bytes = await download(registerExport, "/jabatan/ekspor.xlsx");
    const before = dump();
    const result = await check([{ name: "register-jabatan.xlsx", bytes }], false);
    expect(result.counts.positions).toEqual({ create: 0, update: 0, unchanged: total });
    expect(result.changes).toEqual([]);
    expect(dump()).toEqual(before);
  });

  it("imports the units' XLSX export back with 0 new and 0 changed, also with a kind word written by an earlier import", async () => {
    const first = db.select().from(orgUnits).orderBy(orgUnits.code).get()!;
    expect(first.kind).toBe("perangkat_daerah");
    db.update(orgUnits).set({ kindLabel: "Badan" }).where(eq(orgUnits.kind, "perangkat_daerah")).run();
    const bytes = await download(unitsExport, "/struktur/ekspor.xlsx");
    const before = dump();
    const total = before.units.length;
    const result = await check([{ name: "unit-organisasi.xlsx", bytes }], false);
    expect(result.counts.units).toEqual({ create: 0, update: 0, unchanged: total });
    expect(dump()).toEqual(before);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet("Unit")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "Kode Unit", "Nama Unit", "Jenis Unit", "Eselon", "Kode Unit Induk", "Dasar Hukum"]);
    expect(sheet.getRow(2).getCell(1).value).toBe(first.code);
    expect(sheet.getRow(2).getCell(3).value).toBe("Badan");
  });

  it("shows one name edited in the register's export as exactly that change, old → new", async () => {
    const bytes = await download(registerExport, "/jabatan/ekspor.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    const row = wb.getWorksheet("Jabatan")!.getRow(3);
    const code = String(row.getCell(1).value);
    const oldName = String(row.getCell(2).value);
    row.getCell(2).value = `${oldName} (diubah)`;
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());

    const result = await check([{ name: "register-jabatan.xlsx", bytes: edited }]);
    expect(result.counts.positions.update).toBe(1);
    expect(result.changes).toEqual([
      {
        sheet: "jabatan",
        action: "update",
        code,
        name: `${oldName} (diubah)`,
        fields: [{ field: "Nama Jabatan", before: oldName, after: `${oldName} (diubah)` }],
      },
    ]);
  });
});
