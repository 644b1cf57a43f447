// Background jobs (docs/decisions/025): the lifecycle queued → running → done or failed, a restart in the middle,
// the owner-only job pages, the cap per user, and drafts in bulk made a chunk per transaction by the job.
import fs from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { INTERRUPTED_MESSAGE, MAX_OPEN_JOBS_PER_USER, TOO_MANY_OPEN_JOBS } from "~/domain/background-jobs";
import { action as bulkAction } from "~/routes/skj.draf-massal";
import { loader as bulkJobLoader } from "~/routes/skj.draf-massal_.$id";
import { loader as importJobLoader } from "~/routes/skj.impor_.$id";
import {
  jobFilesOf,
  JobFailure,
  requestJob,
  runNextBackgroundJob,
  type JobHandler,
  type JobHandlers,
} from "~/services/background-jobs.server";
import { JOB_HANDLERS } from "~/services/job-handlers.server";
import { BULK_DRAFTS_CHUNK } from "~/services/skj-bulk.server";
import { bulkSeed } from "../../scripts/bench/bulk-seed";
import type { Db } from "~db/client.server";
import { findBackgroundJob } from "~db/queries/background-jobs.server";
import { findUserByEmail } from "~db/queries/users.server";
import { startJobWorker } from "../../server/job-worker";
import { cookieFor, get, post, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

let db: Db;
let analis: number;
beforeEach(async () => {
  db = await useTestDatabase("demo");
  analis = findUserByEmail(db, "analis@demo.go.id")!.id;
});

const handlersWith = (handler: JobHandler): JobHandlers => ({ impor_skj: handler, draf_massal: handler });
const queue = (by = analis, files: { name: string; bytes: Uint8Array }[] = []) => {
  const queued = requestJob(
    db,
    { kind: "draf_massal", requestedBy: by, title: "Draf SKJ untuk 2 jabatan", total: 2, input: { n: 2 } },
    files,
  );
  if (!queued.ok) throw new Error(queued.message);
  return queued.id;
};
const jobPage = async (id: number, email = "analis@demo.go.id") =>
  run(bulkJobLoader, get(`/skj/draf-massal/${id}`, await cookieFor(email)), { id: String(id) });
const draftCount = () => db.$client.prepare("select count(*) from skj_drafts").pluck().get() as number;

describe("a background job", () => {
  it("is queued, runs with its progress recorded, and ends done with its result; the page follows it", async () => {
    const id = queue();
    expect(findBackgroundJob(db, id)).toMatchObject({ status: "menunggu", done: 0, total: 2, requestedBy: analis });
    expect(await jobPage(id)).toMatchObject({ status: 200, body: { job: { status: "menunggu", percent: 0 }, results: null } });

    const seen: unknown[] = [];
    const handler: JobHandler = {
      async run(_db, job, progress) {
        expect(JSON.parse(job.input)).toEqual({ n: 2 });
        progress.progress({ done: 1, total: 2, note: "1 draf dibuat, 0 dilewati" });
        seen.push((await jobPage(job.id)).body);
        return { result: { results: [{ positionCode: "A", status: "created", positionId: null }] }, note: "1 draf dibuat, 0 dilewati" };
      },
    };
    expect(await runNextBackgroundJob(db, handlersWith(handler))).toBe(true);
    // while running the page shows the bar half full and no results yet
    expect(seen).toEqual([
      { job: expect.objectContaining({ status: "berjalan", percent: 50, note: "1 draf dibuat, 0 dilewati" }), results: null },
    ]);
    expect(await jobPage(id)).toMatchObject({
      body: { job: { status: "selesai", percent: 100, error: null }, results: [{ positionCode: "A", status: "created" }] },
    });
    // nothing left to run
    expect(await runNextBackgroundJob(db, handlersWith(handler))).toBe(false);
  });

  it("ends failed with its own words, or with a server error named as such, and removes the files it read", async () => {
    const refused = queue(analis, [{ name: "buku.docx", bytes: new Uint8Array([1, 2, 3]) }]);
    expect(fs.readdirSync(jobFilesOf(refused))).toEqual(["0"]);
    const broken = queue();
    const failing = (error: Error): JobHandlers => handlersWith({ run: () => Promise.reject(error) });
    await runNextBackgroundJob(db, failing(new JobFailure("buku.docx: Berkas ini rusak. Tidak ada yang disimpan.")));
    await runNextBackgroundJob(db, failing(new Error("disk I/O error\nat somewhere")));
    expect(findBackgroundJob(db, refused)).toMatchObject({
      status: "gagal",
      error: "buku.docx: Berkas ini rusak. Tidak ada yang disimpan.",
    });
    expect(findBackgroundJob(db, broken)).toMatchObject({
      status: "gagal",
      error: "Pekerjaan gagal karena kesalahan di server: disk I/O error",
    });
    expect(fs.existsSync(jobFilesOf(refused))).toBe(false);
    expect(await jobPage(broken)).toMatchObject({
      body: { job: { status: "gagal", error: "Pekerjaan gagal karena kesalahan di server: disk I/O error" } },
    });
  });

  it("interrupted by a restart ends failed with a message at the next start, never silently lost or half-run again", async () => {
    const interrupted = queue(analis, [{ name: "buku.pdf", bytes: new Uint8Array([1]) }]);
    const waiting = queue();
    // the process dies while the first job runs: it stays "berjalan" in the database
    db.$client.prepare("update background_jobs set status = 'berjalan' where id = ?").run(interrupted);

    const worker = startJobWorker(db, {
      intervalMs: 60_000,
      handlers: handlersWith({ run: async () => ({ result: { results: [] }, note: null }) }),
    });
    expect(findBackgroundJob(db, interrupted)).toMatchObject({ status: "gagal", error: INTERRUPTED_MESSAGE });
    expect(fs.existsSync(jobFilesOf(interrupted))).toBe(false);
    // a job still queued runs as usual
    await worker.drain();
    await worker.stop();
    expect(findBackgroundJob(db, waiting)).toMatchObject({ status: "selesai" });
  });

  it("is seen by its requester only: another user, an admin, or the page of the other kind answer 404", async () => {
    const id = queue();
    expect((await jobPage(id)).status).toBe(200);
    for (const email of ["reviewer@demo.go.id", "admin@demo.go.id"]) expect((await jobPage(id, email)).status).toBe(404);
    expect((await run(importJobLoader, get(`/skj/impor/${id}`, await cookieFor("analis@demo.go.id")), { id: String(id) })).status).toBe(
      404,
    );
    expect((await run(bulkJobLoader, get("/skj/draf-massal/01", await cookieFor("analis@demo.go.id")), { id: "01" })).status).toBe(404);
    // a viewer may not write SKJ at all
    expect((await jobPage(id, "viewer@demo.go.id")).status).toBe(403);
  });

  it(`caps each user at ${MAX_OPEN_JOBS_PER_USER} queued or running jobs: the next is refused with 429 and creates nothing; others are not held up`, async () => {
    for (let i = 0; i < MAX_OPEN_JOBS_PER_USER; i++) queue();
    const jobs = () => db.$client.prepare("select count(*) from background_jobs").pluck().get();
    const before = jobs();
    expect(
      requestJob(db, { kind: "draf_massal", requestedBy: analis, title: "x", total: 1, input: {} }, [
        { name: "b.docx", bytes: new Uint8Array([1]) },
      ]),
    ).toEqual({ ok: false, status: 429, message: TOO_MANY_OPEN_JOBS });
    expect(jobs()).toBe(before);
    // through the page, in words on the form
    const positions = db.$client.prepare("select code from positions where active = 1 order by id limit 2").pluck().all() as string[];
    const refused = await run(
      bulkAction,
      post("/skj/draf-massal", Object.fromEntries(positions.map((code) => ["position", code])), await cookieFor("analis@demo.go.id")),
    );
    expect(refused).toMatchObject({ status: 429, body: { message: TOO_MANY_OPEN_JOBS } });
    const reviewer = findUserByEmail(db, "reviewer@demo.go.id")!.id;
    expect(queue(reviewer)).toBeGreaterThan(0);
    // a finished job frees its place
    await runNextBackgroundJob(db, handlersWith({ run: async () => ({ result: null, note: null }) }));
    expect(queue()).toBeGreaterThan(0);
  });
});

describe("drafts in bulk as a job", () => {
  const manyPositions = () => {
    bulkSeed(db, { units: 3, positions: 60 });
    return db.$client.prepare("select code from positions where code glob 'BULK-*' order by id limit 60").pluck().all() as string[];
  };
  const postSelection = async (codes: string[]) => {
    const body = new URLSearchParams(codes.map((code) => ["position", code]));
    return run(
      bulkAction,
      new Request("http://localhost/skj/draf-massal", {
        method: "POST",
        headers: { Cookie: await cookieFor("analis@demo.go.id"), "Content-Type": "application/x-www-form-urlencoded" },
        body,
      }),
    );
  };

  it("the page queues the job, which makes every draft, a chunk at a time, then lists each position with a link", async () => {
    const codes = manyPositions();
    const before = draftCount();
    const answer = await postSelection(codes);
    expect(answer.status).toBe(302);
    const id = Number(/^\/skj\/draf-massal\/(\d+)$/.exec(answer.headers.get("Location") ?? "")![1]);
    // nothing is made until the job runs
    expect(draftCount()).toBe(before);
    expect(findBackgroundJob(db, id)).toMatchObject({ title: "Draf SKJ untuk 60 jabatan", total: 60, status: "menunggu" });

    await runNextBackgroundJob(db, JOB_HANDLERS);
    expect(draftCount()).toBe(before + 60);
    const page = await jobPage(id);
    expect(page.body).toMatchObject({ job: { status: "selesai", percent: 100, note: "60 draf dibuat, 0 dilewati" } });
    const results = (page.body as { results: { positionCode: string; status: string; positionId: number }[] }).results;
    expect(results.map((r) => r.positionCode)).toEqual(codes);
    expect(results.every((r) => r.status === "created" && r.positionId > 0)).toBe(true);
  });

  it("failing midway keeps the chunks already made, lists exactly those, and says the rest were not made", async () => {
    const codes = manyPositions();
    const before = draftCount();
    const id = Number(/(\d+)$/.exec((await postSelection(codes)).headers.get("Location")!)![1]);
    // the second chunk fails after its drafts were written: its transaction, progress included, is rolled back
    let chunks = 0;
    const failingSecondChunk: JobHandler = {
      run: (db, job, progress) =>
        JOB_HANDLERS.draf_massal.run(db, job, {
          progress(p) {
            progress.progress(p);
            if (++chunks === 2) throw new Error("database or disk is full");
          },
        }),
    };
    await runNextBackgroundJob(db, handlersWith(failingSecondChunk));
    expect(draftCount()).toBe(before + BULK_DRAFTS_CHUNK);
    const page = await jobPage(id);
    expect(page.body).toMatchObject({
      job: {
        status: "gagal",
        error: "Pekerjaan gagal karena kesalahan di server: database or disk is full",
        note: `${BULK_DRAFTS_CHUNK} draf dibuat, 0 dilewati`,
      },
    });
    const results = (page.body as { results: { positionCode: string }[] }).results;
    expect(results.map((r) => r.positionCode)).toEqual(codes.slice(0, BULK_DRAFTS_CHUNK));

    // asked again, the same selection makes the rest and skips what was made
    const again = Number(/(\d+)$/.exec((await postSelection(codes)).headers.get("Location")!)![1]);
    await runNextBackgroundJob(db, JOB_HANDLERS);
    expect(draftCount()).toBe(before + 60);
    expect((await jobPage(again)).body).toMatchObject({
      job: { note: `${60 - BULK_DRAFTS_CHUNK} draf dibuat, ${BULK_DRAFTS_CHUNK} dilewati` },
    });
  });

  it("a source without SKJ refuses the whole request on the form, before anything is queued", async () => {
    const cookie = await cookieFor("analis@demo.go.id");
    const positions = db.$client.prepare("select code from positions where active = 1 order by id limit 3").pluck().all() as string[];
    const body = new URLSearchParams([...positions.map((code) => ["position", code]), ["sumber", "TIDAK.ADA"]]);
    const answer = await run(
      bulkAction,
      new Request("http://localhost/skj/draf-massal", {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body,
      }),
    );
    expect(answer).toMatchObject({ status: 422, body: { message: expect.stringMatching(/^Jabatan sumber "TIDAK.ADA" tidak terdaftar/) } });
    expect(db.$client.prepare("select count(*) from background_jobs").pluck().get()).toBe(0);
  });
});
