// The SKJ PDF (issue 7) with the real Chromium of the launcher, read back as a reader would: its text extracted
// page by page (unpdf) and checked against the print model, beside the bytes' structure (A4, embedded font).
import { EXAMPLE_MARK } from "~/domain/example-text";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SkjDocument } from "~/domain/skj-document";
import { competencyRowLines, mayBreakAcrossPages } from "~/domain/print-row-breaks";
import { PRINT_TICK, type SkjPrintModel } from "~/domain/skj-print";
import { instanceFingerprint } from "~/domain/instance";
import { instanceProfile } from "~db/queries/instance.server";
import { closePdfBrowser, forgetPdfMemoryCache, pdfCacheFile, printHtmlToPdf, renderSkjPdf, skjHtml } from "~/services/pdf.server";
import { draftPdf, draftPrintModel, publishedPrintModel, publishedVersionPdf } from "~/services/skj-pdf.server";
import { newDraftDocument } from "~/services/skj.server";
import type { Db } from "~db/client.server";
import { findPositionByCode } from "~db/queries/register.server";
import { createDraft } from "~db/queries/skj-drafts.server";
import { findUserByEmail } from "~db/queries/users.server";
import { skjDrafts } from "~db/schema";
import { publishApprovedDraft } from "../setup/publish";
import { useTestDatabase } from "../setup/test-db";

// positions the demo seed leaves without an SKJ
const PUBLISHED = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.KABAG";
const DRAFTED = "BKD.BID-PKA.KABID";
const NOW = new Date("2026-03-02T03:04:05.678Z");
// the printed Kode Jabatan as an instansi writes it: dots and words with spaces (§7.2)
const JOB_CODE = "800.1.3.2 Kelembagaan";
const IMPORTANCE = { educationLevel: "mutlak", trainingTechnical: "penting", experience: "perlu", rank: "mutlak" } as const;
// user text that would run and reach out if the print context let it
const HOSTILE = `<script>location.href="http://127.0.0.1:9/js"</script><img src="http://127.0.0.1:9/x"> latar: url(http://127.0.0.1:9/css)`;

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");
const pageCount = (bytes: Uint8Array) => (text(bytes).match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

/** Runs `check` with a real listener on localhost, so "nothing reached it" is observed rather than assumed. */
async function withListener(check: (origin: string, hits: () => number) => Promise<void>) {
  let hits = 0;
  const server = http.createServer((_req, res) => {
    hits++;
    res.end("x");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await check(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, () => hits);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** The text of each page as a reader copies it out of the PDF. */
async function pagesOf(bytes: Uint8Array): Promise<{ totalPages: number; pages: string[] }> {
  // a copy: pdf.js takes the buffer over, and the cached PDF must stay readable
  const { totalPages, text: pages } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false });
  return { totalPages, pages };
}

/** Chromium wraps lines wherever the column ends (even after a "/"): texts are compared with all white space removed. */
const squash = (s: string) => s.replace(/\s+/g, "");

/** Asserts that `parts` stand in `haystack` in this order, each one whole (white space aside). */
function expectInOrder(haystack: string, parts: string[]) {
  const flat = squash(haystack);
  let from = 0;
  for (const part of parts) {
    const at = flat.indexOf(squash(part), from);
    expect(at, `"${part}" missing, or out of order`).toBeGreaterThanOrEqual(0);
    from = at + squash(part).length;
  }
}

const firstWords = (text: string) => text.split(/\s+/).slice(0, 3).join(" ");

/**
 * A competency row as one run of text; a row that may break across pages by the starts of its cells, since
 * the page break interleaves its cells (the first lines of each, then the page number, then the rest of each).
 */
function competencyParts(row: SkjPrintModel["groups"][number]["rows"][number]): string[] {
  const indicators = row.indicators.map((ind) => `${ind.number} ${ind.text}`);
  const name = `${row.name}${row.example ? ` ${EXAMPLE_MARK}` : ""}`;
  if (!mayBreakAcrossPages(competencyRowLines(row))) return [`${row.no} ${name} ${row.level} ${row.description} ${indicators.join(" ")}`];
  return [`${row.no} ${name} ${row.level} ${firstWords(row.description)}`, ...indicators.map(firstWords)];
}

/** Everything the printed SKJ must say, top to bottom, from its print model: each table row as one run of text. */
function printedParts(m: SkjPrintModel): string[] {
  const i = m.identity;
  const listed = (items: string[]) =>
    items.length === 0 ? "—" : items.length === 1 ? items[0]! : items.map((t, k) => `${k + 1}. ${t}`).join(" ");
  return [
    ...(m.lampiran
      ? [
          "LAMPIRAN",
          `${m.lampiran.kind} ${m.lampiran.region}`,
          `NOMOR ${m.lampiran.number} TAHUN ${m.lampiran.year}`,
          "TENTANG",
          m.lampiran.title,
        ]
      : []),
    "STANDAR KOMPETENSI JABATAN",
    `Nama Jabatan : ${i.name}`,
    `Kelompok Jabatan : ${i.group}`,
    `Urusan Pemerintahan : ${i.governmentAffair}`,
    `Kode Jabatan : ${i.jobCode}`,
    "I. IKHTISAR JABATAN",
    i.summary || "—",
    "II. STANDAR KOMPETENSI",
    "No Kompetensi Level Deskripsi Indikator Kompetensi",
    ...m.groups.flatMap((g) => [g.title, ...g.rows.flatMap(competencyParts)]),
    "III. PERSYARATAN JABATAN",
    "No Jenis Persyaratan Uraian Tingkat Pentingnya terhadap Jabatan Mutlak Penting Perlu",
    ...m.requirements.map((row) =>
      row.kind === "heading"
        ? `${row.no} ${row.label}`
        : `${row.sub ? "" : row.no} ${row.sub ? `${row.no} ${row.label}` : row.label} ${listed(row.items)} ${row.importance ? PRINT_TICK : ""}`,
    ),
    ...(m.signature
      ? [
          `Ditetapkan di ${m.signature.place}`,
          `pada tanggal ${m.signature.signedOn}`,
          `${m.signature.title!.toUpperCase()},`,
          m.signature.name!,
        ]
      : []),
  ];
}

/** Each page ends with its own "Halaman k dari N", N being the real page count. */
function expectPageNumbers(pages: string[], totalPages: number) {
  expect(pages).toHaveLength(totalPages);
  pages.forEach((page, k) => expect(squash(page).endsWith(squash(`Halaman ${k + 1} dari ${totalPages}`)), `page ${k + 1}`).toBe(true));
}

/** The competency table's header row heads every page the table runs onto. */
function expectRepeatedHeader(pages: string[]) {
  const first = pages.findIndex((p) => p.includes("II. STANDAR KOMPETENSI"));
  const last = pages.findIndex((p) => p.includes("III. PERSYARATAN JABATAN"));
  expect(first).toBeGreaterThanOrEqual(0);
  expect(last).toBeGreaterThan(first);
  for (let k = first + 1; k <= last; k++)
    expect(squash(pages[k]!).startsWith(squash("No Kompetensi Level Deskripsi Indikator Kompetensi")), `page ${k + 1}`).toBe(true);
}

/** The angle, in degrees, of each "DRAFT" drawn on page `k` (1-based). */
async function draftMarksOn(bytes: Uint8Array, k: number): Promise<number[]> {
  const page = await (await getDocumentProxy(new Uint8Array(bytes))).getPage(k);
  const { items } = await page.getTextContent();
  return items.flatMap((item) =>
    "str" in item && item.str.trim() === "DRAFT" ? [(Math.atan2(item.transform[1], item.transform[0]) * 180) / Math.PI] : [],
  );
}

/** For each "√" on the page: the printed requirement row beside it and the importance column above it. */
async function ticksOn(bytes: Uint8Array, k: number): Promise<[string, string][]> {
  const page = await (await getDocumentProxy(new Uint8Array(bytes))).getPage(k);
  const items = (await page.getTextContent()).items.flatMap((item) =>
    "str" in item && item.str.trim() ? [{ text: item.str.trim(), x: item.transform[4] as number, y: item.transform[5] as number }] : [],
  );
  const columns = ["Mutlak", "Penting", "Perlu"].map((label) => ({ label, x: items.find((i) => i.text === label)!.x }));
  const labels = [
    "a. Jenjang",
    "b. Bidang Ilmu",
    "a. Manajerial",
    "b. Teknis",
    "c. Fungsional",
    "Pengalaman Kerja",
    "Pangkat",
    "Indikator Kinerja Jabatan",
  ];
  const rows = items.filter((i) => labels.includes(i.text));
  return items
    .filter((i) => i.text === PRINT_TICK)
    .map((tick) => {
      const row = rows.reduce((best, r) => (Math.abs(r.y - tick.y) < Math.abs(best.y - tick.y) ? r : best));
      const column = columns.reduce((best, c) => (Math.abs(c.x - tick.x) < Math.abs(best.x - tick.x) ? c : best));
      return [row.text, column.label];
    });
}

function actor(db: Db, email: string) {
  const u = findUserByEmail(db, email)!;
  return { id: u.id, role: u.role };
}

/** An open draft of `code` whose summary carries HOSTILE, in `state`, as the review workflow leaves it. */
function draftOf(db: Db, code: string, state: "draf" | "disetujui") {
  const analis = actor(db, "analis@demo.go.id");
  const reviewer = actor(db, "reviewer@demo.go.id");
  const position = findPositionByCode(db, code)!;
  const fresh = newDraftDocument(db, position.id);
  const document: SkjDocument = {
    ...fresh.document,
    position: { ...fresh.document.position, summary: `Memimpin penataan kelembagaan. ${HOSTILE}`, jobCode: JOB_CODE },
    competencies: [...fresh.document.competencies, { code: "T.ANJAB", level: 3 }],
    requirements: {
      rank: "III/d",
      education: [{ level: "S-1", fields: ["Ilmu Administrasi Negara", "Ilmu Pemerintahan"] }],
      training: {
        managerial: ["Pelatihan Kepemimpinan Administrator"],
        technical: ["Analisis Jabatan", "Evaluasi Kelembagaan"],
        functional: [],
      },
      experience: [{ description: "Pernah menduduki jabatan pengawas di bidang kelembagaan", minYears: 2 }],
      performanceIndicators: ["Persentase perangkat daerah yang kelembagaannya dievaluasi"],
      importance: IMPORTANCE,
    },
  };
  const draft = createDraft(db, { positionId: position.id, ...fresh, document, actorId: analis.id, via: "ui" });
  if (state === "disetujui") {
    db.update(skjDrafts)
      .set({
        state,
        submittedBy: analis.id,
        submittedAt: NOW.toISOString(),
        lastEditedBy: analis.id,
        approvedBy: reviewer.id,
        approvedAt: NOW.toISOString(),
      })
      .where(eq(skjDrafts.id, draft.id))
      .run();
  }
  return { positionId: position.id, draftId: draft.id };
}

function publish(db: Db, code: string): number {
  const { draftId } = draftOf(db, code, "disetujui");
  return publishApprovedDraft(db, draftId, code, "12", NOW);
}

let db: Db;
let version: number;
let draftPositionId: number;

beforeAll(async () => {
  db = await useTestDatabase("demo");
  version = publish(db, PUBLISHED);
  draftPositionId = draftOf(db, DRAFTED, "draf").positionId;
}, 20_000);

afterAll(async () => {
  await closePdfBrowser();
});

describe("the printed HTML", () => {
  it("is self-contained: the Arimo faces and the A4 page rule inline, no link to anything", () => {
    const html = skjHtml(draftPrintModel(db, draftPositionId)!);
    expect(html.match(/@font-face\{font-family:Arimo;/g)).toHaveLength(4);
    expect(html).toContain("src:url(data:font/woff2;base64,");
    expect(html).toContain("@page { size: A4; margin: 18mm 15mm 20mm; }");
    expect(html).not.toMatch(/<link|<script|<img|https?:\/\/(?!127\.0\.0\.1:9\/)/);
  });
});

describe("the PDF", () => {
  it("of a published version says everything its print model says, in order, with the lampiran header, the signature and the page numbers", async () => {
    const model = publishedPrintModel(db, PUBLISHED, version)!;
    const bytes = (await publishedVersionPdf(db, PUBLISHED, version))!;
    const { totalPages, pages } = await pagesOf(bytes);
    expect(totalPages).toBe(pageCount(bytes));
    // a 4-level competency table with three indicators a row does not fit one A4 page
    expect(totalPages).toBeGreaterThan(1);
    expectPageNumbers(pages, totalPages);
    expectRepeatedHeader(pages);
    // a group's title row is never left alone at the foot of a page, away from its first competency
    for (const [k, page] of pages.entries()) {
      const body = squash(page).slice(0, -squash(`Halaman ${k + 1} dari ${totalPages}`).length);
      for (const g of model.groups) expect(body.endsWith(squash(g.title)), `page ${k + 1} ends with ${g.title}`).toBe(false);
    }

    const all = pages.join("\n");
    const parts = printedParts(model);
    // the model itself must be complete, or the test would check nothing
    expect(parts).toEqual(
      expect.arrayContaining([
        "LAMPIRAN",
        "PERATURAN GUBERNUR NUSANTARA JAYA",
        "NOMOR 12 TAHUN 2026",
        "STANDAR KOMPETENSI JABATAN DI LINGKUNGAN PEMERINTAH PROVINSI",
        `Kode Jabatan : ${JOB_CODE}`,
        "I. IKHTISAR JABATAN",
        "A. Manajerial",
        "B. Sosial Kultural",
        "C. Teknis",
        "1. Pendidikan",
        " a. Jenjang S-1 V",
        " b. Bidang Ilmu 1. Ilmu Administrasi Negara 2. Ilmu Pemerintahan ",
        "2. Pelatihan",
        " b. Teknis 1. Analisis Jabatan 2. Evaluasi Kelembagaan V",
        "3. Pengalaman Kerja Pernah menduduki jabatan pengawas di bidang kelembagaan (paling singkat 2 tahun) V",
        "4. Pangkat Penata Tingkat I (III/d) V",
        "Ditetapkan di Kota Jaya",
        "pada tanggal 1 Maret 2026",
        "GUBERNUR NUSANTARA JAYA,",
        "Gubernur Demo",
      ]),
    );
    const rows = model.groups.flatMap((g) => g.rows);
    expect(rows.map((r) => r.code)).toEqual(expect.arrayContaining(["M.01", "M.08", "SK.01", "T.OTDA", "T.ANJAB"]));
    expect(rows.every((r) => r.description && r.indicators.length > 0)).toBe(true);
    expectInOrder(all, parts);
    // Kode Jabatan is the printed job code, never the register key
    expect(squash(all)).not.toContain(squash(`Kode Jabatan : ${PUBLISHED}`));
    // each tick stands in the column chosen for its row
    const requirementsPage = pages.findIndex((p) => p.includes("a. Jenjang")) + 1;
    expect(await ticksOn(bytes, requirementsPage)).toEqual([
      ["a. Jenjang", "Mutlak"],
      ["b. Teknis", "Penting"],
      ["Pengalaman Kerja", "Perlu"],
      ["Pangkat", "Mutlak"],
    ]);
    // the signature closes the document, on its last page
    expect(squash(pages.at(-1)!)).toContain(
      squash("Ditetapkan di Kota Jaya pada tanggal 1 Maret 2026 GUBERNUR NUSANTARA JAYA, Gubernur Demo"),
    );
    for (let k = 1; k <= totalPages; k++) expect(await draftMarksOn(bytes, k)).toEqual([]);
    expect(all).not.toContain("DRAFT");
  });

  it("of a draft says everything its print model says and carries the diagonal DRAFT on every page, and no lampiran or signature", async () => {
    const model = draftPrintModel(db, draftPositionId)!;
    const bytes = (await draftPdf(db, draftPositionId))!;
    const { totalPages, pages } = await pagesOf(bytes);
    expect(totalPages).toBe(pageCount(bytes));
    expectPageNumbers(pages, totalPages);
    expectInOrder(pages.join("\n"), printedParts(model));
    for (let k = 1; k <= totalPages; k++) {
      const marks = await draftMarksOn(bytes, k);
      expect(marks, `page ${k}`).toHaveLength(1);
      // rotated as the CSS says (-35deg, counter-clockwise on paper), not laid flat
      expect(Math.abs(marks[0]!)).toBeGreaterThan(20);
      expect(Math.abs(marks[0]!)).toBeLessThan(70);
    }
    expect(pages.join("\n")).not.toContain("LAMPIRAN");
    expect(pages.join("\n")).not.toContain("Ditetapkan di");
  });

  it("prints a hostile summary as literal text, and the print asks for nothing", async () => {
    await withListener(async (origin, hits) => {
      const summary = `Memimpin penataan kelembagaan. <script>location.href="${origin}/js"</script><img src="${origin}/img"> <style>body{background:url(${origin}/css)}</style> latar: url(${origin}/css2)`;
      const base = publishedPrintModel(db, PUBLISHED, version)!;
      const blocked: string[] = [];
      const bytes = await renderSkjPdf({ ...base, identity: { ...base.identity, summary } }, { onBlocked: (url) => blocked.push(url) });
      const { pages } = await pagesOf(bytes);
      expectInOrder(pages.join("\n"), ["I. IKHTISAR JABATAN", summary, "II. STANDAR KOMPETENSI"]);
      expect(blocked).toEqual([]);
      expect(hits()).toBe(0);
    });
  });

  it("is A4 with the Arimo font embedded and nothing else", async () => {
    const bytes = (await draftPdf(db, draftPositionId))!;
    expect(text(bytes.subarray(0, 5))).toBe("%PDF-");
    // A4 is 595 × 842 points
    expect(text(bytes)).toMatch(/\/MediaBox\s*\[\s*0 0 595(\.\d+)? 841(\.\d+)?|\/MediaBox\s*\[\s*0 0 595(\.\d+)? 842/);
    expect(text(bytes)).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+Arimo-Regular/);
    expect(text(bytes)).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+Arimo-Bold/);
    // nothing, the footer included, fell back to a font of the host
    expect(
      new Set(
        text(bytes)
          .match(/\/BaseFont\s*\/\S+/g)!
          .map((f) => f.replace(/^.*\+/, "")),
      ),
    ).toEqual(new Set(["Arimo-Regular", "Arimo-Bold"]));
  });

  it("caches a published version by its contentHash: memory first, then data/pdf-cache beside the database", async () => {
    const first = (await publishedVersionPdf(db, PUBLISHED, version))!;
    expect(text(first.subarray(0, 5))).toBe("%PDF-");
    expect(pageCount(first)).toBeGreaterThanOrEqual(1);

    // the very bytes kept in memory: no second print
    expect(await publishedVersionPdf(db, PUBLISHED, version)).toBe(first);

    const { contentHash } = db.$client
      .prepare(
        "select v.content_hash as contentHash from skj_versions v join positions p on p.id = v.position_id where p.code = ? and v.version_number = ?",
      )
      .get(PUBLISHED, version) as { contentHash: string };
    const fingerprint = instanceFingerprint(instanceProfile(db)!);
    const file = pdfCacheFile(contentHash, fingerprint)!;
    expect(file).toBe(`${process.env.DATABASE_PATH!.replace(/[^/]+$/, "")}pdf-cache/${contentHash.slice(7)}-${fingerprint}.pdf`);
    expect(fs.readFileSync(file).equals(Buffer.from(first))).toBe(true);
    // a restarted server has only the file: same bytes, no print
    forgetPdfMemoryCache();
    const fromFile = (await publishedVersionPdf(db, PUBLISHED, version))!;
    expect(fromFile).not.toBe(first);
    expect(Buffer.from(fromFile).equals(Buffer.from(first))).toBe(true);

    expect(await publishedVersionPdf(db, PUBLISHED, version + 1)).toBeNull();
    expect(await publishedVersionPdf(db, "TIDAK.ADA", 1)).toBeNull();
    expect(await draftPdf(db, findPositionByCode(db, PUBLISHED)!.id)).toBeNull();
  });

  it("runs no script and lets no request out, even from HTML that is not escaped", async () => {
    await withListener(async (origin, hits) => {
      const blocked: string[] = [];
      const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${origin}/style.css"><style>body { background: url(${origin}/css); }</style></head>
        <body><p>Uji</p><img src="${origin}/img"><img src="http://127.0.0.1:9/x"><script>location.href = "${origin}/js"; fetch("${origin}/fetch");</script></body></html>`;
      const bytes = await printHtmlToPdf(html, { onBlocked: (url) => blocked.push(url) });
      expect(text(bytes.subarray(0, 5))).toBe("%PDF-");
      expect([...blocked].sort()).toEqual([`${origin}/css`, `${origin}/img`, `${origin}/style.css`, "http://127.0.0.1:9/x"]);
      // the script would have asked for /js and /fetch: it never ran
      expect(hits()).toBe(0);
    });
  });

  it("prints each document alone: a context kept from the last job shows nothing of its document and reports only its own requests", async () => {
    await withListener(async (origin, hits) => {
      const first: string[] = [];
      const second: string[] = [];
      await printHtmlToPdf(`<!doctype html><html><body><p>Dokumen pertama</p><img src="${origin}/pertama"></body></html>`, {
        onBlocked: (url) => first.push(url),
      });
      const bytes = await printHtmlToPdf(`<!doctype html><html><body><p>Dokumen kedua</p></body></html>`, {
        onBlocked: (url) => second.push(url),
      });
      expect(first).toEqual([`${origin}/pertama`]);
      expect(second).toEqual([]);
      const pages = (await extractText(await getDocumentProxy(bytes), { mergePages: false })).text;
      expect(pages.join("\n")).toContain("Dokumen kedua");
      expect(pages.join("\n")).not.toContain("Dokumen pertama");
      expect(hits()).toBe(0);
    });
  });

  it("relaunches the browser after it died", async () => {
    await draftPdf(db, draftPositionId);
    // this worker's own Chromium, killed by pid the way the OOM killer would
    const children = execFileSync("ps", ["-o", "pid=,comm=", "--ppid", String(process.pid)], { encoding: "utf8" })
      .split("\n")
      .map((line) => line.trim().split(/\s+/))
      .filter(([pid, comm]) => pid && comm && /chrom|headless/i.test(comm));
    expect(children.length).toBeGreaterThan(0);
    for (const [pid] of children) process.kill(Number(pid), "SIGKILL");
    const bytes = (await draftPdf(db, draftPositionId))!;
    expect(text(bytes.subarray(0, 5))).toBe("%PDF-");
  });
});
