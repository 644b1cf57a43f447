// Background bundle exports (issue 7): queued by the page's POST, run by the worker with the real Chromium,
// written into exports/ beside the database, shown and served to their requester (and admins) only.
import fs from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_OPEN_EXPORT_JOBS_PER_USER, TOO_MANY_OPEN_EXPORTS } from "~/domain/export-jobs";
import { loader as jobLoader } from "~/routes/ekspor.$id";
import { loader as downloadLoader } from "~/routes/ekspor.$id_.unduh";
import { action as exportAction, loader as listLoader } from "~/routes/ekspor._index";
import { loader as unitLoader } from "~/routes/struktur.$id";
import { closePdfBrowser } from "~/services/pdf.server";
import { bundleContents } from "~/services/skj-bundle.server";
import { deleteExpiredExports, exportFilePath, exportsFolder, requestBundleExport, runNextExportJob } from "~/services/export-jobs.server";
import type { Db } from "~db/client.server";
import { claimNextExportJob, findExportJob, markExportFailed } from "~db/queries/export-jobs.server";
import { createPenetapan } from "~db/queries/penetapan.server";
import { findUnitByCode } from "~db/queries/register.server";
import { findUserByEmail } from "~db/queries/users.server";
import { auditLog } from "~db/schema";
import { seedDemoSkj } from "~seeds/demo-skj.server";
import { startExportWorker } from "../../server/export-worker";
import { cookieFor, get, post, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const FIRST_ACT = 1;

let db: Db;
let viewer: number;

beforeAll(async () => {
  db = await useTestDatabase("demo");
  seedDemoSkj(db);
  viewer = findUserByEmail(db, "viewer@demo.go.id")!.id;
}, 30_000);

afterAll(async () => {
  await closePdfBrowser();
});

function queue(subject: Parameters<typeof requestBundleExport>[2], by = viewer, format: "pdf" | "docx" = "pdf"): number {
  const result = requestBundleExport(db, by, subject, format);
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

describe("requesting an export", () => {
  it("refuses, in words, what has nothing to bundle", () => {
    const admin = findUserByEmail(db, "admin@demo.go.id")!.id;
    const draft = createPenetapan(
      db,
      {
        kind: "Peraturan Gubernur",
        number: "99",
        year: 2026,
        title: "Rancangan",
        signedDate: null,
        effectiveDate: null,
        signerTitle: null,
        signerName: null,
      },
      admin,
    );
    if (!draft.ok) throw new Error(draft.message);
    expect(requestBundleExport(db, viewer, { kind: "penetapan", penetapanId: draft.id }, "pdf")).toEqual({
      ok: false,
      status: 422,
      message: "Penetapan ini belum ditetapkan, jadi belum memiliki lampiran SKJ.",
    });
    expect(requestBundleExport(db, viewer, { kind: "unit", unitId: findUnitByCode(db, "BKD")!.id }, "pdf")).toMatchObject({
      ok: false,
      status: 422,
      message: expect.stringMatching(/^Belum ada SKJ yang berlaku di Badan Kepegawaian Daerah/),
    });
    expect(requestBundleExport(db, viewer, { kind: "penetapan", penetapanId: 999_999 }, "pdf")).toMatchObject({ ok: false, status: 404 });
  });

  it("the page's POST queues a job as the signed-in user and sends them to its page; a bad form is a 422 with a message", async () => {
    const cookie = await cookieFor("viewer@demo.go.id");
    const answer = await run(exportAction, post("/ekspor?index", { subject: "penetapan", id: String(FIRST_ACT), format: "pdf" }, cookie));
    expect(answer.status).toBe(302);
    const id = Number(/^\/ekspor\/(\d+)$/.exec(answer.headers.get("Location") ?? "")?.[1]);
    expect(findExportJob(db, id)).toMatchObject({
      requestedBy: viewer,
      status: "menunggu",
      total: 10,
      title: "Lampiran Peraturan Gubernur Nomor 12 Tahun 2026",
      format: "pdf",
    });
    expect(
      db
        .select()
        .from(auditLog)
        .all()
        .some((a) => a.action === "export.create" && a.entityId === String(id) && a.actorId === viewer),
    ).toBe(true);

    const bad = await run(exportAction, post("/ekspor?index", { subject: "jabatan", id: "1" }, cookie));
    expect(bad).toMatchObject({ status: 422, body: { error: "Pilih apa yang diekspor: lampiran penetapan atau SKJ sebuah unit." } });
    const empty = await run(exportAction, post("/ekspor?index", { subject: "unit", id: String(findUnitByCode(db, "BKD")!.id) }, cookie));
    expect(empty.status).toBe(422);
    expect((empty.body as { error: string }).error).toContain("Belum ada SKJ yang berlaku");
    // the anonymous are sent to sign in
    expect((await run(exportAction, post("/ekspor?index", { subject: "penetapan", id: String(FIRST_ACT) }))).status).toBe(302);
  });

  it(`caps each user at ${MAX_OPEN_EXPORT_JOBS_PER_USER} queued or running jobs: the next is refused with 429 and creates nothing, others are not held up`, async () => {
    const analis = findUserByEmail(db, "analis@demo.go.id")!.id;
    const setda = { kind: "unit", unitId: findUnitByCode(db, "SETDA")!.id } as const;
    const ids = Array.from({ length: MAX_OPEN_EXPORT_JOBS_PER_USER }, () => queue(setda, analis));
    const jobsAndAudit = () => [
      db.$client.prepare("select count(*) n from export_jobs").get(),
      db.$client.prepare("select count(*) n from audit_log").get(),
    ];
    const before = jobsAndAudit();
    expect(requestBundleExport(db, analis, setda, "docx")).toEqual({ ok: false, status: 429, message: TOO_MANY_OPEN_EXPORTS });
    expect(jobsAndAudit()).toEqual(before);
    // a running job still counts; a finished or failed one frees its place
    db.$client.prepare("update export_jobs set status = 'berjalan' where id = ?").run(ids[0]);
    expect(requestBundleExport(db, analis, setda, "pdf")).toMatchObject({ ok: false, status: 429 });
    markExportFailed(db, ids[0]!, "uji");
    const freed = queue(setda, analis);
    // the cap is per user
    const admin = findUserByEmail(db, "admin@demo.go.id")!.id;
    markExportFailed(db, queue(setda, admin), "uji");
    for (const id of [...ids, freed]) markExportFailed(db, id, "uji");
  });

  it("the page's POST over the cap answers 429 with the message and queues nothing", async () => {
    const cookie = await cookieFor("reviewer@demo.go.id");
    const ask = () => run(exportAction, post("/ekspor?index", { subject: "penetapan", id: String(FIRST_ACT), format: "pdf" }, cookie));
    const queued: number[] = [];
    for (let i = 0; i < MAX_OPEN_EXPORT_JOBS_PER_USER; i++) {
      const answer = await ask();
      expect(answer.status).toBe(302);
      queued.push(Number(/(\d+)$/.exec(answer.headers.get("Location")!)![1]));
    }
    const before = db.$client.prepare("select count(*) n from export_jobs").get();
    expect(await ask()).toMatchObject({ status: 429, body: { error: TOO_MANY_OPEN_EXPORTS } });
    expect(db.$client.prepare("select count(*) n from export_jobs").get()).toEqual(before);
    for (const id of queued) markExportFailed(db, id, "uji");
  });

  it("the unit page offers the collection only where a live SKJ exists under the unit", async () => {
    const cookie = await cookieFor("analis@demo.go.id");
    const liveSkj = async (code: string) => {
      const id = String(findUnitByCode(db, code)!.id);
      return ((await run(unitLoader, get(`/struktur/${id}`, cookie), { id })).body as { liveSkj: number }).liveSkj;
    };
    expect(await liveSkj("SETDA")).toBe(10);
    expect(await liveSkj("SETDA.BIRO-PEM")).toBe(2);
    expect(await liveSkj("BKD")).toBe(0);
  });
});

describe("running jobs", () => {
  it("goes from queued to running to done, recording progress, and writes the PDF beside the database", async () => {
    // whatever earlier tests queued runs first; this job is then the only one left
    while (await runNextExportJob(db));
    const id = queue({ kind: "unit", unitId: findUnitByCode(db, "SETDA")!.id });
    expect(findExportJob(db, id)).toMatchObject({ status: "menunggu", done: 0, total: 10 });
    const running = runNextExportJob(db);
    // the claim happens before the first await: the job is "berjalan" while it prints
    expect(findExportJob(db, id)).toMatchObject({ status: "berjalan", done: 0 });
    expect(await running).toBe(true);
    const job = findExportJob(db, id)!;
    expect(job).toMatchObject({ status: "selesai", done: 10, total: 10, error: null });
    expect(job.pages).toBeGreaterThan(10);
    const file = exportFilePath(job);
    expect(path.dirname(file)).toBe(path.join(path.dirname(process.env.DATABASE_PATH!), "exports"));
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(job.bytes).toBe(bytes.length);
    // written aside and renamed: no temporary file is left behind
    expect(fs.readdirSync(exportsFolder()).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(await runNextExportJob(db)).toBe(false);
  }, 120_000);

  it("makes the Word lampiran of a penetapan: one .docx with a heading and the tables of every SKJ", async () => {
    while (await runNextExportJob(db));
    const id = queue({ kind: "penetapan", penetapanId: FIRST_ACT }, viewer, "docx");
    expect(await runNextExportJob(db)).toBe(true);
    const job = findExportJob(db, id)!;
    expect(job).toMatchObject({ status: "selesai", done: 10, total: 10, error: null, format: "docx" });
    const file = exportFilePath(job);
    expect(file.endsWith(".docx")).toBe(true);
    const xml = await (await JSZip.loadAsync(fs.readFileSync(file))).file("word/document.xml")!.async("string");
    const bundle = bundleContents(db, { kind: "penetapan", penetapanId: FIRST_ACT })!;
    expect(bundle.items).toHaveLength(10);
    for (const [i, item] of bundle.items.entries()) expect(xml).toContain(`${i + 1}. ${item.positionName}`);
    // the cover's list, then per SKJ the competency and requirement tables (the identity prints as lines)
    expect(xml.match(/<w:tbl>/g)?.length).toBeGreaterThanOrEqual(1 + 2 * bundle.items.length);
  }, 120_000);

  it("ends failed with an Indonesian reason when the file cannot be written", async () => {
    const folder = exportsFolder();
    const aside = `${folder}.aside`;
    fs.renameSync(folder, aside);
    // a file where the folder should be: the write fails the way a full or read-only disk would
    fs.writeFileSync(folder, "bukan folder");
    try {
      const id = queue({ kind: "penetapan", penetapanId: 2 });
      expect(await runNextExportJob(db)).toBe(true);
      const job = findExportJob(db, id)!;
      expect(job.status).toBe("gagal");
      expect(job.error).toMatch(/^Berkas tidak dapat dibuat: /);
    } finally {
      fs.rmSync(folder);
      fs.renameSync(aside, folder);
    }
  }, 120_000);

  it("queues again, at startup, a job that a crash left running, and finishes it", async () => {
    const id = queue({ kind: "penetapan", penetapanId: 2 });
    // taken by a process that then died: "berjalan" with nobody working on it
    expect(claimNextExportJob(db)?.id).toBe(id);
    expect(findExportJob(db, id)?.status).toBe("berjalan");
    const worker = startExportWorker(db, { intervalMs: 60_000 });
    try {
      expect(findExportJob(db, id)).toMatchObject({ status: "menunggu", done: 0 });
      await worker.drain();
    } finally {
      await worker.stop();
    }
    expect(findExportJob(db, id)).toMatchObject({ status: "selesai", done: 1, total: 1 });
  }, 120_000);

  it("deletes finished jobs and their files after the retention period, and nothing younger", async () => {
    const done = db.$client.prepare("select id, format from export_jobs where status = 'selesai' order by id").all() as {
      id: number;
      format: "pdf";
    }[];
    expect(done.length).toBeGreaterThan(0);
    expect(await deleteExpiredExports(db, new Date(Date.now() + 6 * 86_400_000))).toBe(0);
    expect(await deleteExpiredExports(db, new Date(Date.now() + 8 * 86_400_000))).toBeGreaterThanOrEqual(done.length);
    for (const job of done) {
      expect(findExportJob(db, job.id)).toBeUndefined();
      expect(fs.existsSync(exportFilePath(job))).toBe(false);
    }
  });
});

describe("who sees a job", () => {
  it("its requester and admins see it and download it; anyone else is told it does not exist", async () => {
    const id = queue({ kind: "penetapan", penetapanId: 2 });
    const owner = await cookieFor("viewer@demo.go.id");
    const other = await cookieFor("analis@demo.go.id");
    const admin = await cookieFor("admin@demo.go.id");
    const params = { id: String(id) };

    // not done yet: the page shows the queue, the download is refused
    const waiting = await run(jobLoader, get(`/ekspor/${id}`, owner), params);
    expect(waiting.body).toMatchObject({ job: { status: "menunggu", done: 0, total: 1 } });
    expect((await run(downloadLoader, get(`/ekspor/${id}/unduh`, owner), params)).status).toBe(409);

    expect(await runNextExportJob(db)).toBe(true);
    for (const cookie of [owner, admin]) {
      expect((await run(jobLoader, get(`/ekspor/${id}`, cookie), params)).body).toMatchObject({
        job: { id, status: "selesai" },
        fileName: "Lampiran-Peraturan-Gubernur-Nomor-31-Tahun-2026.pdf",
      });
      const download = await run(downloadLoader, get(`/ekspor/${id}/unduh`, cookie), params);
      expect(download.status).toBe(200);
      expect(download.headers.get("Content-Type")).toBe("application/pdf");
      expect(download.headers.get("Content-Disposition")).toBe(
        'attachment; filename="Lampiran-Peraturan-Gubernur-Nomor-31-Tahun-2026.pdf"',
      );
      expect(String(download.body).slice(0, 5)).toBe("%PDF-");
    }
    expect(await run(jobLoader, get(`/ekspor/${id}`, other), params)).toMatchObject({ status: 404, body: "Ekspor tidak ditemukan." });
    expect((await run(downloadLoader, get(`/ekspor/${id}/unduh`, other), params)).status).toBe(404);

    // the list: one's own jobs; an admin's: everyone's
    const mine = (await run(listLoader, get("/ekspor", other))).body as { jobs: { id: number }[] };
    expect(mine.jobs.map((j) => j.id)).not.toContain(id);
    const all = (await run(listLoader, get("/ekspor", admin))).body as { jobs: { id: number }[]; everyone: boolean };
    expect(all.everyone).toBe(true);
    expect(all.jobs.map((j) => j.id)).toContain(id);

    // a file removed by retention is gone, said so
    fs.rmSync(exportFilePath({ id, format: "pdf" }));
    expect((await run(downloadLoader, get(`/ekspor/${id}/unduh`, owner), params)).status).toBe(410);
  }, 120_000);
});
