// The Word file of one SKJ and of a bundle, and the SKJ-rows workbook (issue 7 §4–5), read back from their bytes.
import { EXAMPLE_MARK } from "~/domain/example-text";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { BundleItem, SkjBundle } from "~/domain/skj-bundle";
import type { SkjDocument } from "~/domain/skj-document";
import { PRINT_TICK, type SkjPrintModel } from "~/domain/skj-print";
import type { SkjPublishedDocument } from "~/domain/skj-published";
import { renderBundleDocx } from "~/services/skj-bundle-docx.server";
import { skjDocx } from "~/services/skj-docx.server";
import { skjRowsXlsx } from "~/services/skj-rows-export.server";
import { draftPrintModel, publishedPrintModel } from "~/services/skj-pdf.server";
import { newDraftDocument } from "~/services/skj.server";
import type { Db } from "~db/client.server";
import { findPositionByCode } from "~db/queries/register.server";
import { createDraft } from "~db/queries/skj-drafts.server";
import { withdrawVersion } from "~db/queries/skj-publish.server";
import { findUserByEmail } from "~db/queries/users.server";
import { skjDrafts, skjVersions } from "~db/schema";
import { canonicalJson } from "~/domain/canonical-json";
import { SkjPublishedDocumentSchema } from "~/domain/skj-published";
import { loader as draftDocxLoader } from "~/routes/jabatan.$id.skj_.docx";
import { loader as versionDocxLoader } from "~/routes/jabatan.$id.versi.$n[.]docx";
import { loader as rowsLoader } from "~/routes/skj.ekspor[.]xlsx";
import { BASE, cookieFor } from "../setup/requests";
import { publishApprovedDraft } from "../setup/publish";
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
  const position = findPositionByCode(db, code)!;
  const fresh = newDraftDocument(db, position.id);
  const document: SkjDocument = {
    ...fresh.document,
    competencies: [...fresh.document.competencies.filter((c) => c.code !== "T.ANJAB"), { code: "T.ANJAB", level: anjabLevel }],
  };
  const draft = createDraft(db, { positionId: position.id, ...fresh, document, actorId: analis.id, via: "ui" });
  db.update(skjDrafts)
    .set({
      state: "disetujui",
      submittedBy: analis.id,
      submittedAt: at.toISOString(),
      lastEditedBy: analis.id,
      approvedBy: reviewer.id,
      approvedAt: at.toISOString(),
    })
    .where(eq(skjDrafts.id, draft.id))
    .run();
  return publishApprovedDraft(db, draft.id, code, number, at);
}

async function docxParts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const names = Object.keys(zip.files);
  const headerNames = names.filter((n) => /^word\/header\d*\.xml$/.test(n));
  const headerParts = await Promise.all(headerNames.map(read));
  const footers = await Promise.all(names.filter((n) => /^word\/footer\d*\.xml$/.test(n)).map(read));
  return {
    document: await read("word/document.xml"),
    styles: await read("word/styles.xml"),
    settings: await read("word/settings.xml"),
    documentRels: await read("word/_rels/document.xml.rels"),
    headerNames,
    headerParts,
    headers: headerParts.join(""),
    footers: footers.join(""),
  };
}

/** The visible text of a WordprocessingML part: the runs' text joined, so a phrase split over runs still matches. */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");

const unescapeXml = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Every table of the body as rows of cell texts (a cell's paragraphs joined by a newline); our tables never nest. */
function tablesOf(xml: string): { xml: string; rows: string[][] }[] {
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map(([, table]) => ({
    xml: table!,
    rows: [...table!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map(([, row]) =>
      [...row!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([, c]) =>
        [...c!.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((p) => unescapeXml(textOf(p[0]))).join("\n"),
      ),
    ),
  }));
}

/** The rows the Kompetensi table must hold for a model: a title row per group, then No | Kompetensi | Level | Deskripsi | Indikator. */
const competencyRows = (model: SkjPrintModel) =>
  model.groups.flatMap((g) => [
    [g.title],
    ...g.rows.map((r) => [
      String(r.no),
      r.example ? `${r.name}\n${EXAMPLE_MARK}` : r.name,
      String(r.level),
      r.description,
      r.indicators.map((i) => `${i.number} ${i.text}`).join("\n"),
    ]),
  ]);

/** Word refuses a part that uses an undeclared prefix: every prefix of an element or attribute (and of mc:Ignorable) must be declared on the root. */
function undeclaredPrefixes(xml: string): string[] {
  const root = /<([\w]+:[\w]+)\s[^>]*>/.exec(xml.replace(/^<\?xml[^>]*\?>/, ""))![0];
  const declared = new Set([...root.matchAll(/xmlns:(\w+)=/g)].map((m) => m[1]));
  declared.add("xml");
  const used = new Set([...xml.matchAll(/<\/?(\w+):/g), ...xml.matchAll(/\s(\w+):\w+=/g)].map((m) => m[1]!).filter((p) => p !== "xmlns"));
  for (const m of xml.matchAll(/mc:Ignorable="([^"]*)"/g)) for (const p of m[1]!.split(/\s+/).filter(Boolean)) used.add(p);
  return [...used].filter((p) => !declared.has(p));
}

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
  const withdrawn = withdrawVersion(
    db,
    WITHDRAWN,
    withdrawnVersion,
    actor(db, "reviewer@demo.go.id"),
    "Dicabut untuk uji ekspor.",
    new Date(NOW.getTime() + 120_000),
  );
  if (!withdrawn.ok) throw new Error(withdrawn.message);
  publishNext(db, LIVE_ONE, 4, "15", NOW);
}, 30_000);

/** What a watermark shape of Word's own "Watermark" command carries, attribute by attribute. */
function expectDraftWatermark(header: string) {
  expect(header).toMatch(/<w:pict>\s*<v:shapetype id="_x0000_t136"[^>]*o:spt="136"/);
  const shape = /<v:shape [^>]*type="#_x0000_t136"[^>]*>[\s\S]*?<\/v:shape>/.exec(header)?.[0];
  expect(shape).toBeDefined();
  const style = /style="([^"]*)"/.exec(shape!)![1]!;
  // diagonal, centred on the page, behind the text
  expect(style).toContain("rotation:315");
  expect(style).toContain("mso-position-horizontal:center");
  expect(style).toContain("mso-position-vertical:center");
  expect(Number(/z-index:(-?\d+)/.exec(style)![1])).toBeLessThan(0);
  expect(shape).toContain('fillcolor="silver"');
  expect(shape).toContain('stroked="f"');
  expect(shape).toMatch(/<v:fill opacity="0\.5"\/>/);
  expect(shape).toMatch(/<v:textpath style="font-family:&quot;Arial&quot;[^"]*" string="DRAFT"\/>/);
}

/** The section's default header is the watermarked one, so Word draws it on every page of the section. */
async function expectWatermarkOnEveryPage(parts: Awaited<ReturnType<typeof docxParts>>) {
  const reference = /<w:headerReference w:type="default" r:id="(\w+)"\/>/.exec(parts.document);
  expect(reference).not.toBeNull();
  const target = new RegExp(`Id="${reference![1]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${reference![1]}"`).exec(
    parts.documentRels,
  );
  const file = `word/${target![1] ?? target![2]}`;
  const header = parts.headerParts[parts.headerNames.indexOf(file)]!;
  expectDraftWatermark(header);
  expect(undeclaredPrefixes(header)).toEqual([]);
  // no first-page or even-page header that would leave a page unmarked
  expect(parts.document).not.toMatch(/<w:headerReference w:type="(first|even)"/);
  expect(parts.document).not.toContain("<w:titlePg");
}

function expectNoWatermark(parts: Awaited<ReturnType<typeof docxParts>>) {
  expect(parts.headers).not.toContain("<w:pict>");
  expect(parts.headers).not.toContain("_x0000_t136");
  expect(parts.headers).not.toContain("DRAFT");
}

/** The identity lines, then the two tables of one SKJ (§7.3), exactly as its print model says. */
function expectSkjTables(tables: { xml: string; rows: string[][] }[], model: SkjPrintModel, documentXml: string) {
  const [competencies, requirements] = tables;
  const i = model.identity;
  const text = textOf(documentXml);
  // label, tab, colon, value: lines, not a table; Kode Jabatan is the printed job code, never the register key
  for (const [label, value] of [
    ["Nama Jabatan", i.name],
    ["Kelompok Jabatan", i.group],
    ["Urusan Pemerintahan", i.governmentAffair],
    ["Kode Jabatan", i.jobCode],
  ] as const) {
    expect(unescapeXml(text)).toContain(`${label}: ${value}`.trim());
  }
  expect(text.indexOf("I. IKHTISAR JABATAN")).toBeGreaterThan(text.indexOf("Kode Jabatan"));
  expect(text.indexOf("II. STANDAR KOMPETENSI")).toBeGreaterThan(text.indexOf("I. IKHTISAR JABATAN"));
  expect(competencies!.rows[0]).toEqual(["No", "Kompetensi", "Level", "Deskripsi", "Indikator Kompetensi"]);
  // the header row, and only it, repeats at the top of every page the table runs onto
  expect(competencies!.xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
  expect(/<w:tr>[\s\S]*?<\/w:tr>/.exec(competencies!.xml)![0]).toContain("<w:tblHeader/>");
  expect(competencies!.rows.slice(1)).toEqual(competencyRows(model));
  expect(
    competencies!.rows
      .slice(1)
      .filter((r) => r.length === 1)
      .map((r) => r[0]),
  ).toEqual(["A. Manajerial", "B. Sosial Kultural", "C. Teknis"]);
  expect(requirements!.rows.slice(0, 2)).toEqual([
    ["No", "Jenis Persyaratan", "Uraian", "Tingkat Pentingnya terhadap Jabatan"],
    ["", "", "", "Mutlak", "Penting", "Perlu"],
  ]);
  expect(requirements!.rows.slice(2).map((row) => row.slice(0, 2).join(" ").trim())).toEqual([
    "1. Pendidikan",
    "a. Jenjang",
    "b. Bidang Ilmu",
    "2. Pelatihan",
    "a. Manajerial",
    "b. Teknis",
    "c. Fungsional",
    "3. Pengalaman Kerja",
    "4. Pangkat",
    "5. Indikator Kinerja Jabatan",
  ]);
  // a tick only in the chosen column of each row; none where no importance was chosen
  const ticks = requirements!.rows
    .slice(2)
    .filter((row) => row.length === 6)
    .map((row) => row.slice(3).map((c) => (c === PRINT_TICK ? PRINT_TICK : "")));
  const expected = model.requirements.flatMap((row) =>
    row.kind === "row" ? [["mutlak", "penting", "perlu"].map((level) => (row.importance === level ? PRINT_TICK : ""))] : [],
  );
  expect(ticks).toEqual(expected);
}

/** A fresh open draft of `code` (from its latest version), as the preview prints it. */
function openDraftModel(db: Db, code: string): SkjPrintModel {
  const position = findPositionByCode(db, code)!;
  const existing = draftPrintModel(db, position.id);
  if (existing) return existing;
  const fresh = newDraftDocument(db, position.id);
  createDraft(db, { positionId: position.id, ...fresh, actorId: actor(db, "analis@demo.go.id").id, via: "ui" });
  return draftPrintModel(db, position.id)!;
}

describe("a version published before the §7.2 fields", () => {
  it("keeps its stored bytes as they were, and prints a blank Kode Jabatan and empty importance cells", async () => {
    const position = findPositionByCode(db, SUPERSEDED)!;
    const row = db
      .select()
      .from(skjVersions)
      .where(eq(skjVersions.positionId, position.id))
      .all()
      .find((v) => v.versionNumber === current)!;
    expect(row.snapshot).not.toMatch(/jobCode|importance/);
    // still valid under today's schema, and reading it adds nothing: its bytes and hash stay the same
    const parsed = SkjPublishedDocumentSchema.parse(JSON.parse(row.snapshot));
    expect(canonicalJson(parsed)).toBe(row.snapshot);
    const model = publishedPrintModel(db, SUPERSEDED, current)!;
    expect(model.identity.jobCode).toBe("");
    expect(model.requirements.flatMap((r) => (r.kind === "row" ? [r.importance] : []))).toEqual(Array(8).fill(null));
    const requirements = tablesOf((await docxParts(await skjDocx(model))).document)[1]!;
    expect(requirements.rows.slice(2).flatMap((r) => r.slice(3))).not.toContain(PRINT_TICK);
  });
});

describe("the Word file", () => {
  it("of a published version holds the PDF's three tables, the lampiran header, the signature and the page footer, and no watermark", async () => {
    const model = publishedPrintModel(db, SUPERSEDED, current)!;
    const bytes = await skjDocx(model);
    expect(Buffer.from(bytes.subarray(0, 2)).toString("latin1")).toBe("PK");
    const parts = await docxParts(bytes);
    const text = textOf(parts.document);

    const tables = tablesOf(parts.document);
    expect(tables).toHaveLength(2);
    expectSkjTables(tables, model, parts.document);
    for (const phrase of [
      "LAMPIRAN",
      "PERATURAN GUBERNUR NUSANTARA JAYA",
      "NOMOR 13 TAHUN 2026",
      "STANDAR KOMPETENSI JABATAN",
      "I. IKHTISAR JABATAN",
      "II. STANDAR KOMPETENSI",
      "III. PERSYARATAN JABATAN",
      "Ditetapkan di Kota Jaya",
      "pada tanggal 1 Maret 2026",
      "GUBERNUR NUSANTARA JAYA,",
      "Gubernur Demo",
    ]) {
      expect(text).toContain(phrase);
    }
    const rows = model.groups.flatMap((g) => g.rows);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.find((r) => r.code === "T.ANJAB")?.level).toBe(2);
    expect(parts.document).toContain('w:w="11906"');
    expect(parts.styles).toContain('w:ascii="Arial"');
    expect(textOf(parts.footers)).toContain("Halaman ");
    expect(parts.footers).toMatch(/PAGE[\s\S]*NUMPAGES/);
    expectNoWatermark(parts);
  });

  it("of the open draft carries Word's diagonal DRAFT watermark on every page and no lampiran", async () => {
    const model = openDraftModel(db, SUPERSEDED);
    expect(model.draft).toBe(true);
    const parts = await docxParts(await skjDocx(model));
    await expectWatermarkOnEveryPage(parts);
    expectSkjTables(tablesOf(parts.document), model, parts.document);
    const text = textOf(parts.document);
    expect(text).toContain("STANDAR KOMPETENSI JABATAN");
    expect(text).not.toContain("LAMPIRAN");
    expect(text).not.toContain("Ditetapkan di");
    // the watermark is drawn, not a text of the document: nothing to copy into the regulation
    expect(text).not.toContain("DRAFT");
  });
});

describe("the Word bundle", () => {
  const item = (model: SkjPrintModel, version: number): BundleItem => ({
    positionCode: model.identity.code,
    positionName: model.identity.name,
    unitPath: model.identity.unitPath,
    version,
    model,
  });

  function penetapanBundle(items: BundleItem[]): SkjBundle {
    const first = items[0]!.model;
    return {
      subject: { kind: "penetapan", penetapanId: 1 },
      cover: {
        heading: ["LAMPIRAN", "STANDAR KOMPETENSI JABATAN", "PEMERINTAH PROVINSI NUSANTARA JAYA"],
        lampiran: first.lampiran,
        signature: first.signature,
        madeOn: "1 Desember 2026",
      },
      items,
    };
  }

  it("has a cover with the list of positions, a table of contents, each SKJ's three tables from a new page and the signature once at the end", async () => {
    const items = [item(publishedPrintModel(db, SUPERSEDED, current)!, current), item(publishedPrintModel(db, LIVE_ONE, 1)!, 1)];
    const bundle = penetapanBundle(items);
    const parts = await docxParts(await renderBundleDocx(bundle));
    const body = parts.document;
    const text = textOf(body);

    // cover: the regulation's header once, the heading lines, then the list the regulation's body cites
    expect(text.indexOf("LAMPIRAN")).toBeLessThan(text.indexOf("PEMERINTAH PROVINSI NUSANTARA JAYA"));
    for (const line of [
      "PERATURAN GUBERNUR NUSANTARA JAYA",
      "NOMOR 13 TAHUN 2026",
      "PEMERINTAH PROVINSI NUSANTARA JAYA",
      "Disusun pada 1 Desember 2026",
      "DAFTAR JABATAN",
    ])
      expect(text).toContain(line);
    expect(text.match(/NOMOR 13 TAHUN 2026/g)).toHaveLength(1);
    const [list, ...skjTables] = tablesOf(body);
    expect(list!.rows).toEqual([
      ["No", "Nama Jabatan", "Kode Jabatan", "Unit Kerja", "Versi"],
      ...items.map((it, i) => [String(i + 1), it.positionName, it.positionCode, it.unitPath, String(it.version)]),
    ]);

    // the table of contents: Word's TOC field over the Heading 1 of each SKJ, filled in when Word opens the file
    const toc = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(body)?.[0] ?? "";
    expect(toc).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    expect(toc).toMatch(/<w:instrText[^>]*>TOC [^<]*\\o &quot;1-1&quot;/);
    expect(parts.settings).toMatch(/<w:updateFields( w:val="(true|1)")?\/>/);
    const headings = items.map((it, i) => `${i + 1}. ${it.positionName}`);
    expect(textOf(toc)).toContain(headings.join(""));
    expect(textOf(toc.slice(0, toc.indexOf("</w:sdtContent>")))).toContain(headings[1]);
    expect(body.indexOf("DAFTAR ISI")).toBeLessThan(body.indexOf("<w:sdt>"));

    // one Heading 1 per SKJ, each from a new page, in the bundle's order, after the contents
    const headingParagraphs = [...body.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Heading1"\/>[\s\S]*?<\/w:p>/g)].map(
      (m) => m[0],
    );
    expect(headingParagraphs.map(textOf)).toEqual(headings);
    for (const p of headingParagraphs) expect(p).toContain("<w:pageBreakBefore/>");
    expect(body.indexOf("</w:sdt>")).toBeLessThan(body.indexOf(headingParagraphs[0]!));

    // each SKJ's own three tables, after its heading
    expect(skjTables).toHaveLength(2 * items.length);
    const afterHeading = (k: number) =>
      textOf(body.slice(body.indexOf(headingParagraphs[k]!), k + 1 < items.length ? body.indexOf(headingParagraphs[k + 1]!) : undefined));
    items.forEach((it, k) =>
      expectSkjTables(
        skjTables.slice(2 * k, 2 * k + 2),
        it.model,
        body.slice(body.indexOf(headingParagraphs[k]!), k + 1 < items.length ? body.indexOf(headingParagraphs[k + 1]!) : undefined),
      ),
    );
    items.forEach((it, k) => {
      const section = afterHeading(k);
      expect(section).toContain("STANDAR KOMPETENSI JABATAN");
      for (const row of it.model.groups.flatMap((g) => g.rows)) expect(section).toContain(row.name);
      // the cover's lampiran header stands for every SKJ of the bundle
      expect(section).not.toContain("LAMPIRAN");
    });

    // the regulation's signature once, after the last SKJ
    expect(text.match(/pada tanggal 1 Maret 2026/g)).toHaveLength(1);
    expect(text.match(/Gubernur Demo/g)).toHaveLength(1);
    expect(text.lastIndexOf("Ditetapkan di")).toBeGreaterThan(text.lastIndexOf("5. Indikator Kinerja Jabatan"));

    expect(parts.footers).toMatch(/Halaman [\s\S]*PAGE[\s\S]*dari [\s\S]*NUMPAGES/);
    expectNoWatermark(parts);
    for (const part of [parts.document, parts.settings, parts.styles, parts.footers]) expect(undeclaredPrefixes(part)).toEqual([]);
  });

  it("is watermarked DRAFT on every page when any of its SKJ is a draft", async () => {
    const draft = openDraftModel(db, WITHDRAWN);
    const bundle = penetapanBundle([item(publishedPrintModel(db, LIVE_ONE, 1)!, 1), item(draft, withdrawnVersion + 1)]);
    const parts = await docxParts(await renderBundleDocx(bundle));
    await expectWatermarkOnEveryPage(parts);
    expect(tablesOf(parts.document)[0]!.rows[2]).toEqual(["2", draft.identity.name, draft.identity.code, draft.identity.unitPath, "Draf"]);
  });

  it("of a unit's collection, whose cover carries no regulation, keeps each SKJ's own lampiran header and signature", async () => {
    const items = [item(publishedPrintModel(db, SUPERSEDED, current)!, current), item(publishedPrintModel(db, LIVE_ONE, 1)!, 1)];
    const bundle: SkjBundle = {
      subject: { kind: "unit", unitId: 1 },
      cover: { heading: ["STANDAR KOMPETENSI JABATAN", "BIRO ORGANISASI"], madeOn: "1 Desember 2026" },
      items,
    };
    const text = textOf((await docxParts(await renderBundleDocx(bundle))).document);
    expect(text.match(/LAMPIRAN/g)).toHaveLength(2);
    expect(text).toContain("NOMOR 13 TAHUN 2026");
    expect(text).toContain("NOMOR 15 TAHUN 2026");
    expect(text.match(/Ditetapkan di /g)).toHaveLength(2);
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
    expect(header).toEqual([
      "Kode Jabatan",
      "Nama Jabatan",
      "Kelompok",
      "Jenjang",
      "Kode Unit",
      "Unit",
      "Versi",
      "Ditetapkan",
      "Kode Kompetensi",
      "Nama Kompetensi",
      "Jenis",
      "Level",
      "Revisi Kamus",
    ]);

    const live = liveSnapshots();
    const expected = live
      .flatMap((v) => v.doc.competencies.map((c) => `${v.code}|${v.version}|${c.code}|${c.level}|${c.name}|${c.dictionaryRevision}`))
      .sort();
    expect(rows.map((r) => `${r.code}|${r.version}|${r.competencyCode}|${r.level}|${r.competencyName}|${r.revision}`).sort()).toEqual(
      expected,
    );

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
    const anonymous = await versionDocxLoader({
      request: new Request(`${BASE}/jabatan/${position.id}/versi/${current}.docx`),
      params: { id: String(position.id), n: String(current) },
      context: {},
    }).catch((r: Response) => r);
    expect(anonymous.status).toBe(302);

    const cookie = await cookieFor("viewer@demo.go.id");
    const get = (path: string) => new Request(`${BASE}${path}`, { headers: { Cookie: cookie } });
    const version = await versionDocxLoader({
      request: get(`/jabatan/${position.id}/versi/${current}.docx`),
      params: { id: String(position.id), n: String(current) },
      context: {},
    });
    expect(version.status).toBe(200);
    expect(version.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(version.headers.get("Content-Disposition")).toBe(`attachment; filename="SKJ-${SUPERSEDED}-v${current}.docx"`);
    expect(
      Buffer.from(await version.arrayBuffer())
        .subarray(0, 2)
        .toString("latin1"),
    ).toBe("PK");
    const missing = await versionDocxLoader({
      request: get(`/jabatan/${position.id}/versi/99.docx`),
      params: { id: String(position.id), n: "99" },
      context: {},
    }).catch((r: Response) => r);
    expect(missing.status).toBe(404);

    // the draft opened by the test above
    const draft = await draftDocxLoader({
      request: get(`/jabatan/${position.id}/skj/docx`),
      params: { id: String(position.id) },
      context: {},
    });
    expect(draft.headers.get("Cache-Control")).toBe("no-store");
    expect(draft.headers.get("Content-Disposition")).toBe(`attachment; filename="SKJ-${SUPERSEDED}-draf.docx"`);

    const unit = (
      JSON.parse(
        db.$client.prepare<[], { s: string }>("select snapshot as s from skj_versions order by id desc limit 1").get()!.s,
      ) as SkjPublishedDocument
    ).unit.code;
    const rows = await rowsLoader({ request: get(`/skj/ekspor.xlsx?unit=${encodeURIComponent(unit)}`), params: {}, context: {} });
    expect(rows.status).toBe(200);
    expect(rows.headers.get("Content-Disposition")).toMatch(/^attachment; filename="baris-skj-.+-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    expect((await readRows(new Uint8Array(await rows.arrayBuffer()))).rows.length).toBeGreaterThan(0);
    const unknown = await rowsLoader({ request: get("/skj/ekspor.xlsx?unit=TIDAK-ADA"), params: {}, context: {} }).catch(
      (r: Response) => r,
    );
    expect(unknown.status).toBe(404);
  });
});
