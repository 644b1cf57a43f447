// The SKJ PDF (issue 7) with the real Chromium of the launcher. No PDF text extractor is installed, so the
// printed HTML is asserted for content and the PDF bytes for their structure (header, pages, embedded font).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SkjDocument } from "~/domain/skj-document";
import { closePdfBrowser, forgetPdfMemoryCache, pdfCacheFile, printHtmlToPdf, renderSkjPdf, skjHtml } from "~/services/pdf.server";
import { draftPdf, draftPrintModel, publishedPrintModel, publishedVersionPdf } from "~/services/skj-pdf.server";
import { newDraftDocument } from "~/services/skj.server";
import type { Db } from "~db/client.server";
import { addToPenetapan, createPenetapan } from "~db/queries/penetapan.server";
import { findPositionByCode } from "~db/queries/register.server";
import { publishPenetapan } from "~db/queries/skj-publish.server";
import { createDraft } from "~db/queries/skj-drafts.server";
import { findUserByEmail } from "~db/queries/users.server";
import { skjDrafts } from "~db/schema";
import { useTestDatabase } from "../setup/test-db";

// positions the demo seed leaves without an SKJ
const PUBLISHED = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.KABAG";
const DRAFTED = "BKD.BID-PKA.KABID";
const NOW = new Date("2026-03-02T03:04:05.678Z");
// user text that would run and reach out if the print context let it
const HOSTILE = `<script>location.href="http://127.0.0.1:9/js"</script><img src="http://127.0.0.1:9/x"> latar: url(http://127.0.0.1:9/css)`;

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");
const pageCount = (bytes: Uint8Array) => (text(bytes).match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;

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
    position: { ...fresh.document.position, summary: `Memimpin penataan kelembagaan. ${HOSTILE}` },
    competencies: [...fresh.document.competencies, { code: "T.ANJAB", level: 3 }],
  };
  const draft = createDraft(db, { positionId: position.id, ...fresh, document, actorId: analis.id, via: "ui" });
  if (state === "disetujui") {
    db.update(skjDrafts)
      .set({ state, submittedBy: analis.id, submittedAt: NOW.toISOString(), lastEditedBy: analis.id, approvedBy: reviewer.id, approvedAt: NOW.toISOString() })
      .where(eq(skjDrafts.id, draft.id))
      .run();
  }
  return { positionId: position.id, draftId: draft.id };
}

function publish(db: Db, code: string): number {
  const admin = actor(db, "admin@demo.go.id");
  const { draftId } = draftOf(db, code, "disetujui");
  const created = createPenetapan(
    db,
    {
      kind: "Peraturan Gubernur",
      number: "12",
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
  const added = addToPenetapan(db, created.id, draftId, admin.id);
  if (!added.ok) throw new Error(added.message);
  const result = publishPenetapan(db, created.id, actor(db, "reviewer2@demo.go.id"), NOW);
  if (!result.ok) throw new Error(result.message);
  return result.versions.find((v) => v.positionCode === code)!.version;
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
  it("marks a draft DRAFT and carries no lampiran; a published version carries the lampiran header and signature instead", () => {
    const draft = skjHtml(draftPrintModel(db, draftPositionId)!);
    expect(draft).toContain('<div class="watermark" aria-hidden="true">DRAFT</div>');
    expect(draft).not.toContain("LAMPIRAN");

    const published = skjHtml(publishedPrintModel(db, PUBLISHED, version)!);
    expect(published).not.toContain('class="watermark"');
    for (const line of ["LAMPIRAN", "PERATURAN GUBERNUR PROVINSI NUSANTARA JAYA", "NOMOR 12 TAHUN 2026", "TENTANG", "STANDAR KOMPETENSI JABATAN DI LINGKUNGAN PEMERINTAH PROVINSI"]) {
      expect(published).toContain(`<p>${line}</p>`);
    }
    expect(published).toContain("Ditetapkan pada tanggal 1 Maret 2026");
    expect(published).toContain("GUBERNUR NUSANTARA JAYA,");
    expect(published).toContain('<p class="signer">Gubernur Demo</p>');
    // the same layout as the preview: title, the three sections, the competency table with its repeating header
    for (const part of ["STANDAR KOMPETENSI JABATAN", "I. IDENTITAS JABATAN", "II. STANDAR KOMPETENSI", "III. PERSYARATAN JABATAN", "A. Kompetensi Manajerial", "B. Kompetensi Sosial Kultural", "C. Kompetensi Teknis", "Kepala Bagian Kelembagaan dan Analisis Jabatan"]) {
      expect(published).toContain(part);
    }
    expect(published).toMatch(/<thead><tr><th scope="col" style="width:4%">No<\/th>/);
    expect(published).toContain("thead { display: table-header-group; }");
  });

  it("is self-contained: the Arimo faces and the A4 page rule inline, no link to anything", () => {
    const html = skjHtml(draftPrintModel(db, draftPositionId)!);
    expect(html.match(/@font-face\{font-family:Arimo;/g)).toHaveLength(4);
    expect(html).toContain("src:url(data:font/woff2;base64,");
    expect(html).toContain("@page { size: A4; margin: 18mm 15mm 20mm; }");
    expect(html).not.toMatch(/<link|<script|<img|https?:\/\/(?!127\.0\.0\.1:9\/)/);
  });

  it("prints hostile user text as text", () => {
    const html = skjHtml(publishedPrintModel(db, PUBLISHED, version)!);
    expect(html).toContain("&lt;script&gt;location.href=&quot;http://127.0.0.1:9/js&quot;&lt;/script&gt;&lt;img src=&quot;http://127.0.0.1:9/x&quot;&gt;");
    expect(html).not.toMatch(/<script|<img/);
  });
});

describe("the PDF", () => {
  it("prints the draft as A4 PDF with the embedded font, and a warm print is quick", async () => {
    const blocked: string[] = [];
    const bytes = (await draftPdf(db, draftPositionId))!;
    expect(text(bytes.subarray(0, 5))).toBe("%PDF-");
    expect(pageCount(bytes)).toBeGreaterThanOrEqual(1);
    // A4 is 595 × 842 points
    expect(text(bytes)).toMatch(/\/MediaBox\s*\[\s*0 0 595(\.\d+)? 841(\.\d+)?|\/MediaBox\s*\[\s*0 0 595(\.\d+)? 842/);
    expect(text(bytes)).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+Arimo-Regular/);
    expect(text(bytes)).toMatch(/\/BaseFont\s*\/[A-Z]{6}\+Arimo-Bold/);
    // nothing, the footer included, fell back to a font of the host
    expect(new Set(text(bytes).match(/\/BaseFont\s*\/\S+/g)!.map((f) => f.replace(/^.*\+/, "")))).toEqual(new Set(["Arimo-Regular", "Arimo-Bold"]));

    const model = draftPrintModel(db, draftPositionId)!;
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await renderSkjPdf(model, { onBlocked: (url) => blocked.push(url) });
      times.push(performance.now() - started);
    }
    const median = times.sort((a, b) => a - b)[2]!;
    console.log(`warm print of one SKJ: median ${median.toFixed(0)} ms (${times.map((t) => t.toFixed(0)).join(", ")})`);
    expect(median).toBeLessThan(1_000);
    // the escaped HOSTILE text is no element: nothing even tried to load
    expect(blocked).toEqual([]);
  });

  it("caches a published version by its contentHash: memory first, then data/pdf-cache beside the database", async () => {
    const started = performance.now();
    const first = (await publishedVersionPdf(db, PUBLISHED, version))!;
    const printed = performance.now() - started;
    expect(text(first.subarray(0, 5))).toBe("%PDF-");
    expect(pageCount(first)).toBeGreaterThanOrEqual(1);

    const again = performance.now();
    const second = (await publishedVersionPdf(db, PUBLISHED, version))!;
    const cached = performance.now() - again;
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(cached).toBeLessThan(Math.max(5, printed / 5));

    const { contentHash } = db.$client.prepare("select v.content_hash as contentHash from skj_versions v join positions p on p.id = v.position_id where p.code = ? and v.version_number = ?").get(PUBLISHED, version) as { contentHash: string };
    const file = pdfCacheFile(contentHash)!;
    expect(file).toBe(`${process.env.DATABASE_PATH!.replace(/[^/]+$/, "")}pdf-cache/${contentHash.slice(7)}.pdf`);
    expect(fs.readFileSync(file).equals(Buffer.from(first))).toBe(true);
    // a restarted server has only the file: same bytes, no print
    forgetPdfMemoryCache();
    const fromFile = (await publishedVersionPdf(db, PUBLISHED, version))!;
    expect(Buffer.from(fromFile).equals(Buffer.from(first))).toBe(true);

    expect(await publishedVersionPdf(db, PUBLISHED, version + 1)).toBeNull();
    expect(await publishedVersionPdf(db, "TIDAK.ADA", 1)).toBeNull();
    expect(await draftPdf(db, findPositionByCode(db, PUBLISHED)!.id)).toBeNull();
  });

  it("runs no script and lets no request out, even from HTML that is not escaped", async () => {
    // a real listener, so "nothing reached it" is observed rather than assumed
    let hits = 0;
    const server = http.createServer((_req, res) => {
      hits++;
      res.end("x");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const blocked: string[] = [];
      const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${origin}/style.css"><style>body { background: url(${origin}/css); }</style></head>
        <body><p>Uji</p><img src="${origin}/img"><img src="http://127.0.0.1:9/x"><script>location.href = "${origin}/js"; fetch("${origin}/fetch");</script></body></html>`;
      const bytes = await printHtmlToPdf(html, { onBlocked: (url) => blocked.push(url) });
      expect(text(bytes.subarray(0, 5))).toBe("%PDF-");
      expect([...blocked].sort()).toEqual([`${origin}/css`, `${origin}/img`, `${origin}/style.css`, "http://127.0.0.1:9/x"]);
      // the script would have asked for /js and /fetch: it never ran
      expect(hits).toBe(0);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
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
