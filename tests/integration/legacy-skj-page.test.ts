// The page /skj/impor through its loader and action (contract §7.5): the upload is analysed into one row per SKJ,
// the analysis waits for its own user, and "Impor N draf" stores the kept rows at the positions chosen.
import fs, { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { action, loader } from "~/routes/skj.impor";
import { loader as jobLoader } from "~/routes/skj.impor_.$id";
import { runNextBackgroundJob } from "~/services/background-jobs.server";
import { JOB_HANDLERS } from "~/services/job-handlers.server";
import type { Db } from "~db/client.server";
import { findOpenDraft } from "~db/queries/skj-drafts.server";
import { importSotkFiles } from "~/services/sotk-import.server";
import { positions } from "~db/schema";
import { BASE, cookieFor, get, post, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const fixtureBytes = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/legacy-skj/${name}`, import.meta.url)));
const fixture = (name: string) => ({ name, bytes: fixtureBytes(name) });

let db: Db;
beforeEach(async () => {
  db = await useTestDatabase("demo");
  expect((await importSotkFiles(db, [fixture("sotk-units.csv"), fixture("sotk-positions.csv")], null)).ok).toBe(true);
});

function upload(cookie: string, files: { name: string; bytes: Uint8Array }[]): Request {
  const form = new FormData();
  for (const f of files) form.append("files", new Blob([new Uint8Array(f.bytes)]), f.name);
  return new Request(`${BASE}/skj/impor`, { method: "POST", headers: { Cookie: cookie }, body: form });
}

const postForm = (body: URLSearchParams, cookie: string) =>
  new Request(`${BASE}/skj/impor`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });

interface Analysis {
  kind: "analysis";
  id: string;
  rows: {
    source: string;
    name: string;
    match: { positionCode: string } | null;
    candidates: { positionCode: string }[];
    matchedCompetencies: number;
    newCompetencies: number;
    problems: string[];
  }[];
}
interface Done {
  kind: "done";
  rows: { source: string; positionCode: string | null; outcome: string }[];
  dictionaryDrafts: string[];
}

const draftOf = (code: string) => findOpenDraft(db, db.select().from(positions).where(eq(positions.code, code)).get()!.id);
const counts = () =>
  db.get<{ drafts: number; competencies: number }>(
    sql`select (select count(*) from skj_drafts) as drafts, (select count(*) from competencies) as competencies`,
  );

/** Uploads, runs the background job that reads the books, and returns what its page shows. */
async function analyseJob(cookie: string, files: { name: string; bytes: Uint8Array }[]) {
  const answer = await run(action, upload(cookie, files));
  expect(answer.status).toBe(302);
  const id = /^\/skj\/impor\/(\d+)$/.exec(answer.headers.get("Location") ?? "")![1]!;
  expect(await runNextBackgroundJob(db, JOB_HANDLERS)).toBe(true);
  const page = await run(jobLoader, get(`/skj/impor/${id}`, cookie), { id });
  expect(page.status).toBe(200);
  return page.body as {
    job: { status: string; percent: number; note: string | null; error: string | null };
    analysis: Analysis | null;
    gone: boolean;
  };
}

async function analyse(cookie: string, files = ["a1-bordered.docx", "a2-form.xlsx"]): Promise<Analysis> {
  const { job, analysis } = await analyseJob(cookie, files.map(fixture));
  expect(job).toMatchObject({ status: "selesai", percent: 100, note: `${analysis!.rows.length} SKJ ditemukan di ${files.join(", ")}` });
  return { ...analysis!, kind: "analysis" };
}

// each analysis starts a worker thread that compiles the readers first: seconds, more on a busy machine
describe("/skj/impor", { timeout: 60_000 }, () => {
  it("is for those who write SKJ: the viewer is refused, the analyst is let in", async () => {
    expect((await run(loader, get("/skj/impor", await cookieFor("viewer@demo.go.id")))).status).toBe(403);
    expect((await run(action, upload(await cookieFor("viewer@demo.go.id"), [fixture("a1-bordered.docx")]))).status).toBe(403);
    expect((await run(loader, get("/skj/impor", await cookieFor("analis@demo.go.id")))).status).toBe(200);
  });

  it("shows one row per SKJ with its position, counts and source, and stores nothing while checking", async () => {
    const before = counts();
    const analysis = await analyse(await cookieFor("analis@demo.go.id"));
    expect(analysis.rows.map((r) => r.match?.positionCode)).toEqual([
      "LPM.DISDIK.KADIS",
      "LPM.DISDIK.UMPEG.KASUBBAG",
      "LPM.SETDA.ORG.ANALIS-KEBIJAKAN-AM",
      "LPM.KEC-SUKAMAJU.CAMAT",
      "LPM.DINKES.UMPEG.KASUBBAG",
      "LPM.KEC-SUKAMAJU.PENGADMINISTRASI",
    ]);
    expect(analysis.rows[0]!.source).toMatch(/^a1-bordered\.docx/);
    expect(analysis.rows[3]!.source).toMatch(/^a2-form\.xlsx/);
    // the Kepala Dinas prints the nine regulation competencies and four technical ones, of which the demo
    // dictionary lacks only "Pengelolaan Pendidikan Dasar"
    expect(analysis.rows[0]).toMatchObject({ matchedCompetencies: 12, newCompetencies: 1 });
    // three positions of that name (the demo's BKD has one too): the candidates offered, the unit decided
    expect(analysis.rows[1]!.candidates.map((c) => c.positionCode).sort()).toEqual([
      "BKD.SEKRETARIAT.SUBBAG-UMPEG.KASUBBAG",
      "LPM.DINKES.UMPEG.KASUBBAG",
      "LPM.DISDIK.UMPEG.KASUBBAG",
    ]);
    expect(counts()).toEqual(before);
  });

  it("imports the kept rows at the positions chosen, leaves out the unticked one, and reports each row", async () => {
    const cookie = await cookieFor("analis@demo.go.id");
    const analysis = await analyse(cookie);
    // as the form sends it: every row's select; rows 2 (Analis Kebijakan) and 1 unticked, and the Dinas
    // Kesehatan's Kasubbag (row 4) sent to the Dinas Pendidikan's position instead of row 1
    const body = new URLSearchParams([["analisis", analysis.id]]);
    analysis.rows.forEach((row, i) => body.set(`jabatan-${i}`, row.match!.positionCode));
    body.set("jabatan-4", "LPM.DISDIK.UMPEG.KASUBBAG");
    for (const i of [0, 3, 4, 5]) body.append("impor", String(i));
    const answer = await run(action, postForm(body, cookie));
    expect(answer.status).toBe(200);
    const done = answer.body as Done;
    expect(done.rows.map((r) => [r.positionCode, r.outcome])).toEqual([
      ["LPM.DISDIK.KADIS", "Draf dibuat"],
      [null, "Dilewati"],
      [null, "Dilewati"],
      ["LPM.KEC-SUKAMAJU.CAMAT", "Draf dibuat"],
      ["LPM.DISDIK.UMPEG.KASUBBAG", "Draf dibuat"],
      ["LPM.KEC-SUKAMAJU.PENGADMINISTRASI", "Draf dibuat"],
    ]);
    expect(done.dictionaryDrafts.length).toBeGreaterThan(0);
    expect(draftOf("LPM.DISDIK.UMPEG.KASUBBAG")!.document.position).toMatchObject({
      code: "LPM.DISDIK.UMPEG.KASUBBAG",
      unitCode: "LPM.DISDIK.SEKRETARIAT.UMPEG",
    });
    expect(draftOf("LPM.DINKES.UMPEG.KASUBBAG")).toBeFalsy();
    expect(draftOf("LPM.SETDA.ORG.ANALIS-KEBIJAKAN-AM")).toBeFalsy();

    // the analysis is used up: sending the form again stores nothing more
    const again = await run(
      action,
      post("/skj/impor", { analisis: analysis.id, impor: "2", "jabatan-2": "LPM.SETDA.ORG.ANALIS-KEBIJAKAN-AM" }, cookie),
    );
    expect(again.status).toBe(410);
    expect(draftOf("LPM.SETDA.ORG.ANALIS-KEBIJAKAN-AM")).toBeFalsy();
  });

  it("keeps an analysis to the user who uploaded it and refuses a position that is not among the row's candidates", async () => {
    const analysis = await analyse(await cookieFor("analis@demo.go.id"));
    const before = counts();
    const other = await run(
      action,
      post("/skj/impor", { analisis: analysis.id, impor: "0", "jabatan-0": "LPM.DISDIK.KADIS" }, await cookieFor("reviewer@demo.go.id")),
    );
    expect(other.status).toBe(410);
    const foreign = await run(
      action,
      post("/skj/impor", { analisis: analysis.id, impor: "0", "jabatan-0": "LPM.DINKES.KADIS" }, await cookieFor("analis@demo.go.id")),
    );
    expect(foreign).toMatchObject({
      status: 422,
      body: { message: 'Baris 1: jabatan "LPM.DINKES.KADIS" bukan salah satu kandidat SKJ ini.' },
    });
    const bothKasubbag = new URLSearchParams([
      ["analisis", analysis.id],
      ["impor", "1"],
      ["jabatan-1", "LPM.DISDIK.UMPEG.KASUBBAG"],
      ["impor", "4"],
      ["jabatan-4", "LPM.DISDIK.UMPEG.KASUBBAG"],
    ]);
    const twice = await run(action, postForm(bothKasubbag, await cookieFor("analis@demo.go.id")));
    // the rows stay on the page to be corrected
    expect(twice).toMatchObject({
      status: 422,
      body: {
        kind: "analysis",
        id: analysis.id,
        rows: analysis.rows,
        message:
          "Baris 2 dan 5 sama-sama diimpor ke jabatan LPM.DISDIK.UMPEG.KASUBBAG; hapus centang salah satunya atau pilih jabatan lain.",
      },
    });
    const guessed = await run(
      action,
      post(
        "/skj/impor",
        { analisis: "../../etc/passwd", impor: "0", "jabatan-0": "LPM.DISDIK.KADIS" },
        await cookieFor("analis@demo.go.id"),
      ),
    );
    expect(guessed.status).toBe(410);
    expect(counts()).toEqual(before);
  });

  it("forgets an analysis after an hour: the import asks for the upload again and stores nothing", async () => {
    const cookie = await cookieFor("analis@demo.go.id");
    const analysis = await analyse(cookie, ["a1-bordered.docx"]);
    const file = path.join(path.dirname(process.env.DATABASE_PATH!), "legacy-imports", `${analysis.id}.json`);
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(file, twoHoursAgo, twoHoursAgo);
    const before = counts();
    const answer = await run(action, post("/skj/impor", { analisis: analysis.id, impor: "0", "jabatan-0": "LPM.DISDIK.KADIS" }, cookie));
    expect(answer).toMatchObject({
      status: 410,
      body: { message: "Hasil pemeriksaan berkas tidak ditemukan atau sudah kedaluwarsa (1 jam). Unggah berkasnya lagi." },
    });
    expect(counts()).toEqual(before);
    // the next analysis clears the stale file away
    await analyse(cookie, ["a1-bordered.docx"]);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("names a file it cannot read and stores nothing", async () => {
    const before = counts();
    const failed = await analyseJob(await cookieFor("analis@demo.go.id"), [
      fixture("a1-bordered.docx"),
      { name: "catatan.docx", bytes: new TextEncoder().encode("bukan dokumen") },
    ]);
    expect(failed).toMatchObject({
      job: { status: "gagal", error: "catatan.docx: Berkas ini bukan Word (.docx), Excel (.xlsx), atau PDF. Tidak ada yang disimpan." },
      analysis: null,
    });
    const empty = await run(action, upload(await cookieFor("analis@demo.go.id"), []));
    expect(empty).toMatchObject({ status: 400, body: { message: "Pilih minimal satu berkas Word (.docx), Excel (.xlsx) atau PDF." } });
    expect(counts()).toEqual(before);
  });
});
