// The Word file of one SKJ and the SKJ-rows workbook (issue 7 §4–5), read back from their bytes.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SkjDocument } from "~/domain/skj-document";
import type { SkjPublishedDocument } from "~/domain/skj-published";
import { skjDocx } from "~/services/skj-docx.server";
import { skjRowsXlsx } from "~/services/skj-rows-export.server";
import { draftPrintModel, publishedPrintModel } from "~/services/skj-pdf.server";
import { newDraftDocument } from "~/services/skj.server";
import type { Db } from "~db/client.server";
import { addToPenetapan, createPenetapan } from "~db/queries/penetapan.server";
import { findPositionByCode } from "~db/queries/register.server";
import { createDraft } from "~db/queries/skj-drafts.server";
import { publishPenetapan, withdrawVersion } from "~db/queries/skj-publish.server";
import { findUserByEmail } from "~db/queries/users.server";
import { skjDrafts } from "~db/schema";
import { loader as draftDocxLoader } from "~/routes/jabatan.$id.skj_.docx";
import { loader as versionDocxLoader } from "~/routes/jabatan.$id.versi.$n[.]docx";
import { loader as rowsLoader } from "~/routes/skj.ekspor[.]xlsx";
import { BASE, cookieFor } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

// positions the demo seed leaves without an SKJ
const SUPERSEDED = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.KABAG"; // v1 superseded by v2
const WITHDRAWN = "BKD.BID-PKA.KABID";
const LIVE_ONE = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.SUBBAG-ANJAB.KASUBBAG";
const NOW = new Date("2026-03-02T03:04:05.678Z");

function actor(db: Db, email: string) {
  const u = findUserByEmail(db, email)!;
  return { id: u.id, role: u.role };
}

/** Publishes the next version of `code`, with T.ANJAB at `anjabLevel`; returns its number. */
function publishNext(db: Db, code: string, anjabLevel: number, number: string, at: Date): number {
  const analis = actor(db, "analis@demo.go.id");
  const reviewer = actor(db, "reviewer@demo.go.id");
  const admin = actor(db, "admin@demo.go.id");
  const position = findPositionByCode(db, code)!;
  const fresh = newDraftDocument(db, position.id);
  const document: SkjDocument = {
    ...fresh.document,
    competencies: [...fresh.document.competencies.filter((c) => c.code !== "T.ANJAB"), { code: "T.ANJAB", level: anjabLevel }],
  };
  const draft = createDraft(db, { positionId: position.id, ...fresh, document, actorId: analis.id, via: "ui" });
  db.update(skjDrafts)
    .set({ state: "disetujui", submittedBy: analis.id, submittedAt: at.toISOString(), lastEditedBy: analis.id, approvedBy: reviewer.id, approvedAt: at.toISOString() })
    .where(eq(skjDrafts.id, draft.id))
    .run();
  const created = createPenetapan(
    db,
    {
      kind: "Peraturan Gubernur",
      number,
      year: 2026,
      title: "Standar Kompetensi Jabatan di Lingkungan Pemerintah Provinsi",
      signedDate: "2026-03-01",
      effectiveDate: "2026-04-01",
      signerTitle: "Gubernur Nusantara Jaya",
      signerName: "Gubernur Demo",
    },
    admin.id,
  );
  if (!created.ok) throw new Error(created.message);
  const added = addToPenetapan(db, created.id, draft.id, admin.id);
  if (!added.ok) throw new Error(added.message);
  const result = publishPenetapan(db, created.id, actor(db, "reviewer2@demo.go.id"), at);
  if (!result.ok) throw new Error(result.message);
  return result.versions.find((v) => v.positionCode === code)!.version;
}

async function docxParts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const names = Object.keys(zip.files);
  const headers = await Promise.all(names.filter((n) => /^word\/header\d*\.xml$/.test(n)).map(read));
  const footers = await Promise.all(names.filter((n) => /^word\/footer\d*\.xml$/.test(n)).map(read));
  return { document: await read("word/document.xml"), styles: await read("word/styles.xml"), headers: headers.join(""), footers: footers.join("") };
}

/** The visible text of a WordprocessingML part: the runs' text joined, so a phrase split over runs still matches. */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");

interface SheetRow {
  code: string;
  version: number;
  competencyCode: string;
  competencyName: string;
  type: string;
  level: number;
  revision: number;
  unitCode: string;
  publishedOn: unknown;
}

async function readRows(bytes: Uint8Array): Promise<{ header: string[]; rows: SheetRow[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: SheetRow[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const v = (k: number) => row.getCell(k).value;
    rows.push({
      code: String(v(1)),
      unitCode: String(v(5)),
      version: Number(v(7)),
      publishedOn: v(8),
      competencyCode: String(v(9)),
      competencyName: String(v(10)),
      type: String(v(11)),
      level: Number(v(12)),
      revision: Number(v(13)),
    });
  });
  return { header, rows };
}

let db: Db;
let current: number;
let withdrawnVersion: number;

beforeAll(async () => {
  db = await useTestDatabase("demo");
  publishNext(db, SUPERSEDED, 3, "12", NOW);
  current = publishNext(db, SUPERSEDED, 2, "13", new Date(NOW.getTime() + 60_000));
  withdrawnVersion = publishNext(db, WITHDRAWN, 3, "14", NOW);
  const withdrawn = withdrawVersion(db, WITHDRAWN, withdrawnVersion, actor(db, "reviewer@demo.go.id"), "Dicabut untuk uji ekspor.", new Date(NOW.getTime() + 120_000));
  if (!withdrawn.ok) throw new Error(withdrawn.message);
  publishNext(db, LIVE_ONE, 4, "15", NOW);
}, 30_000);

describe("the Word file", () => {
  it("of a published version holds the PDF's three tables, the lampiran header, the signature and the page footer", async () => {
    const model = publishedPrintModel(db, SUPERSEDED, current)!;
    const bytes = await skjDocx(model);
    expect(Buffer.from(bytes.subarray(0, 2)).toString("latin1")).toBe("PK");
    const parts = await docxParts(bytes);
    const text = textOf(parts.document);

    expect(parts.document.match(/<w:tbl>/g)).toHaveLength(3);
    for (const phrase of [
      "LAMPIRAN",
      "PERATURAN GUBERNUR PROVINSI NUSANTARA JAYA",
      "NOMOR 13 TAHUN 2026",
      "STANDAR KOMPETENSI JABATAN",
      "I. IDENTITAS JABATAN",
      "II. STANDAR KOMPETENSI",
      "III. PERSYARATAN JABATAN",
      "A. Kompetensi Manajerial",
      "B. Kompetensi Sosial Kultural",
      "C. Kompetensi Teknis",
      "Indikator Kompetensi",
      "Persyaratan",
      model.identity.name,
      "Ditetapkan pada tanggal 1 Maret 2026",
      "GUBERNUR NUSANTARA JAYA,",
      "Gubernur Demo",
    ]) {
      expect(text).toContain(phrase);
    }
    // every competency row of the model, with its level and description
    const rows = model.groups.flatMap((g) => g.rows);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(text).toContain(row.name);
      if (row.description) expect(text).toContain(row.description);
    }
    expect(rows.find((r) => r.code === "T.ANJAB")?.level).toBe(2);
    // the competency table's header row repeats on every page; the other tables' header is the Persyaratan one
    expect(parts.document.match(/<w:tblHeader\/>/g)?.length).toBeGreaterThanOrEqual(1);
    expect(parts.document).toMatch(/<w:tblHeader\/>[\s\S]*?No<\/w:t>[\s\S]*?Kompetensi<\/w:t>[\s\S]*?Level<\/w:t>[\s\S]*?Deskripsi<\/w:t>[\s\S]*?Indikator Kompetensi<\/w:t>/);
    expect(parts.document).toContain('w:w="11906"');
    expect(parts.styles).toContain('w:ascii="Arial"');
    expect(textOf(parts.footers)).toContain("Halaman ");
    expect(parts.footers).toMatch(/PAGE[\s\S]*NUMPAGES/);
    expect(textOf(parts.headers)).not.toContain("DRAFT");
  });

  it("of the open draft carries the DRAFT header line and no lampiran", async () => {
    const analis = actor(db, "analis@demo.go.id");
    const position = findPositionByCode(db, SUPERSEDED)!;
    const fresh = newDraftDocument(db, position.id);
    createDraft(db, { positionId: position.id, ...fresh, actorId: analis.id, via: "ui" });
    const model = draftPrintModel(db, position.id)!;
    expect(model.draft).toBe(true);
    const parts = await docxParts(await skjDocx(model));
    expect(textOf(parts.headers)).toContain("DRAFT");
    const text = textOf(parts.document);
    expect(text).toContain("STANDAR KOMPETENSI JABATAN");
    expect(text).toContain(model.identity.name);
    expect(text).toContain(model.groups.flatMap((g) => g.rows)[0]!.name);
    expect(text).not.toContain("LAMPIRAN");
    expect(text).not.toContain("Ditetapkan pada tanggal");
  });
});

describe("the SKJ-rows workbook", () => {
  const liveSnapshots = () =>
    db.$client
      .prepare<[], { code: string; version: number; snapshot: string }>(
        "select p.code, v.version_number as version, v.snapshot from skj_versions v join positions p on p.id = v.position_id where not exists (select 1 from skj_version_ends e where e.version_id = v.id)",
      )
      .all()
      .map((r) => ({ ...r, doc: JSON.parse(r.snapshot) as SkjPublishedDocument }));

  it("has one row per competency of each live version, with its level, and none of a superseded or withdrawn one", async () => {
    const { header, rows } = await readRows(await skjRowsXlsx(db));
    expect(header).toEqual(["Kode Jabatan", "Nama Jabatan", "Kelompok", "Jenjang", "Kode Unit", "Unit", "Versi", "Ditetapkan", "Kode Kompetensi", "Nama Kompetensi", "Jenis", "Level", "Revisi Kamus"]);

    const live = liveSnapshots();
    const expected = live.flatMap((v) => v.doc.competencies.map((c) => `${v.code}|${v.version}|${c.code}|${c.level}|${c.name}|${c.dictionaryRevision}`)).sort();
    expect(rows.map((r) => `${r.code}|${r.version}|${r.competencyCode}|${r.level}|${r.competencyName}|${r.revision}`).sort()).toEqual(expected);

    const superseded = rows.filter((r) => r.code === SUPERSEDED);
    expect(superseded.length).toBeGreaterThan(0);
    expect(new Set(superseded.map((r) => r.version))).toEqual(new Set([current]));
    expect(superseded.find((r) => r.competencyCode === "T.ANJAB")).toMatchObject({ level: 2, type: "Teknis" });
    expect(rows.some((r) => r.code === WITHDRAWN)).toBe(false);
    expect(rows.find((r) => r.code === LIVE_ONE && r.competencyCode === "T.ANJAB")?.level).toBe(4);
    // the day published, as an Excel date
    const published = rows.find((r) => r.code === LIVE_ONE)!.publishedOn;
    expect(published).toBeInstanceOf(Date);
    expect((published as Date).toISOString().slice(0, 10)).toBe("2026-03-02");
  });

  it("with a unit, keeps only the positions of that unit's subtree", async () => {
    const unit = liveSnapshots().find((v) => v.code === SUPERSEDED)!.doc.unit.code;
    const { rows } = await readRows(await skjRowsXlsx(db, { unitCode: unit }));
    const codes = new Set(rows.map((r) => r.code));
    expect(codes.has(SUPERSEDED)).toBe(true);
    expect(codes.has(LIVE_ONE)).toBe(true);
    expect([...codes].every((c) => c.startsWith("SETDA.BIRO-ORG.BAG-KELEMBAGAAN"))).toBe(true);

    const none = await readRows(await skjRowsXlsx(db, { unitCode: "TIDAK-ADA" }));
    expect(none.rows).toEqual([]);
  });
});

describe("the download routes", () => {
  it("serve the Word files and the workbook as attachments to signed-in users only", async () => {
    const position = findPositionByCode(db, SUPERSEDED)!;
    const anonymous = await versionDocxLoader({ request: new Request(`${BASE}/jabatan/${position.id}/versi/${current}.docx`), params: { id: String(position.id), n: String(current) }, context: {} }).catch((r: Response) => r);
    expect(anonymous.status).toBe(302);

    const cookie = await cookieFor("viewer@demo.go.id");
    const get = (path: string) => new Request(`${BASE}${path}`, { headers: { Cookie: cookie } });
    const version = await versionDocxLoader({ request: get(`/jabatan/${position.id}/versi/${current}.docx`), params: { id: String(position.id), n: String(current) }, context: {} });
    expect(version.status).toBe(200);
    expect(version.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(version.headers.get("Content-Disposition")).toBe(`attachment; filename="SKJ-${SUPERSEDED}-v${current}.docx"`);
    expect(Buffer.from(await version.arrayBuffer()).subarray(0, 2).toString("latin1")).toBe("PK");
    const missing = await versionDocxLoader({ request: get(`/jabatan/${position.id}/versi/99.docx`), params: { id: String(position.id), n: "99" }, context: {} }).catch((r: Response) => r);
    expect(missing.status).toBe(404);

    // the draft opened by the test above
    const draft = await draftDocxLoader({ request: get(`/jabatan/${position.id}/skj/docx`), params: { id: String(position.id) }, context: {} });
    expect(draft.headers.get("Cache-Control")).toBe("no-store");
    expect(draft.headers.get("Content-Disposition")).toBe(`attachment; filename="SKJ-${SUPERSEDED}-draf.docx"`);

    const unit = (JSON.parse(db.$client.prepare<[], { s: string }>("select snapshot as s from skj_versions order by id desc limit 1").get()!.s) as SkjPublishedDocument).unit.code;
    const rows = await rowsLoader({ request: get(`/skj/ekspor.xlsx?unit=${encodeURIComponent(unit)}`), params: {}, context: {} });
    expect(rows.status).toBe(200);
    expect(rows.headers.get("Content-Disposition")).toMatch(/^attachment; filename="baris-skj-.+-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    expect((await readRows(new Uint8Array(await rows.arrayBuffer()))).rows.length).toBeGreaterThan(0);
    const unknown = await rowsLoader({ request: get("/skj/ekspor.xlsx?unit=TIDAK-ADA"), params: {}, context: {} }).catch((r: Response) => r);
    expect(unknown.status).toBe(404);
  });
});
