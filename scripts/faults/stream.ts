// The write stream the server is killed in: API draft pushes, editor autosaves from two tabs, single publishes
// through the API (submit → approve → publish, three different people), and penetapan of several SKJ published
// from the UI. Each worker resumes from what the database holds at the round's start and records every answer.
import type Database from "better-sqlite3";
import { decode } from "turbo-stream";
import { canonicalJson } from "~/domain/canonical-json";
import { CONFIRMATION_FIELD, confirmationValue } from "~/domain/penetapan-confirmation";
import { SkjDocumentSchema, type SkjDocument } from "~/domain/skj-document";
import { withMarker, PENETAPAN_BATCH, type Fixture, type PoolPosition } from "./fixture";
import type { Answer, Client } from "./http";
import type { Ledger, RequestKind } from "./ledger";

export type DraftStep = "editable" | "diajukan" | "disetujui";

export interface StartState {
  editorRevision: number;
  steps: Map<string, DraftStep>;
  openPenetapan: { id: number; codes: string[] } | null;
}

export interface Sessions {
  analis: string;
  reviewer2: string;
}

export interface RoundContext {
  round: number;
  client: Client;
  fixture: Fixture;
  sessions: Sessions;
  ledger: Ledger;
  /** False from the moment the kill is decided: a request failing after that was in flight. */
  alive(): boolean;
  /** Called with every complete answer. */
  answered(): void;
}

/** A worker's answer it cannot go on from; the round records it as a violation. */
class Unexpected extends Error {}

const STOPPED = Symbol("stopped");

/** Sends one request; `unanswered` records what a request the kill cut off was trying to write. */
async function send(ctx: RoundContext, kind: RequestKind, make: () => Promise<Answer>, unanswered?: () => void): Promise<Answer> {
  if (!ctx.alive()) throw STOPPED;
  try {
    const answer = await make();
    ctx.ledger.count(ctx.ledger.answered, kind);
    ctx.answered();
    return answer;
  } catch (error) {
    if (!ctx.alive()) {
      ctx.ledger.count(ctx.ledger.inFlight, kind);
      unanswered?.();
      throw STOPPED;
    }
    throw new Unexpected(`${kind}: server hidup tetapi koneksi gagal (${String(error)})`);
  }
}

function expectStatus(answer: Answer, statuses: number[], what: string): Answer {
  if (!statuses.includes(answer.status))
    throw new Unexpected(`${what}: HTTP ${answer.status}, diharapkan ${statuses.join("/")}: ${answer.body.slice(0, 300)}`);
  return answer;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const apiPath = (code: string, verb: string) => `/api/v1/skj/${code}/${verb}`;

/** What skj_draft_revisions must hold for an acknowledged save of `document`. */
export function expectedStored(document: SkjDocument): string {
  return canonicalJson(SkjDocumentSchema.parse(document));
}

async function singleFetchData(answer: Answer): Promise<unknown> {
  const decoded = await decode(new Response(answer.body).body!);
  await decoded.done;
  return decoded.value;
}

// ------------------------------------------------------------------ steps

async function pushDraft(ctx: RoundContext, position: PoolPosition, marker: string) {
  const document = withMarker(position.document, marker);
  const unanswered = () =>
    ctx.ledger.unansweredSaves.push({ positionCode: position.code, document: expectedStored(document), round: ctx.round });
  const answer = expectStatus(
    await send(
      ctx,
      "simpan-api",
      () => ctx.client.json("/api/v1/skj/drafts", document, bearer(ctx.fixture.tokens.analisWrite)),
      unanswered,
    ),
    [200, 201],
    `POST /api/v1/skj/drafts ${position.code}`,
  );
  const { draftRevision } = JSON.parse(answer.body) as { draftRevision: number };
  ctx.ledger.saves.push({
    via: "api",
    positionCode: position.code,
    revision: draftRevision,
    document: expectedStored(document),
    round: ctx.round,
  });
}

/** Brings the position's draft one step towards "disetujui": push and submit, or approve. */
async function advance(ctx: RoundContext, position: PoolPosition, step: DraftStep, marker: string): Promise<DraftStep> {
  if (step === "editable") {
    await pushDraft(ctx, position, marker);
    const body = { justification: "Uji gangguan: peringatan diterima untuk keperluan pengujian." };
    expectStatus(
      await send(ctx, "ajukan", () => ctx.client.json(apiPath(position.code, "submit"), body, bearer(ctx.fixture.tokens.analisWrite))),
      [200],
      `submit ${position.code}`,
    );
    ctx.ledger.decided("diajukan", ctx.fixture.users.analis);
    return "diajukan";
  }
  if (step === "diajukan") {
    const body = { decision: "approve", comment: "Uji gangguan: disetujui." };
    expectStatus(
      await send(ctx, "setujui", () => ctx.client.json(apiPath(position.code, "review"), body, bearer(ctx.fixture.tokens.reviewerReview))),
      [200],
      `review ${position.code}`,
    );
    ctx.ledger.decided("disetujui", ctx.fixture.users.reviewer);
    return "disetujui";
  }
  return step;
}

// ------------------------------------------------------------------ workers

async function apiSaver(ctx: RoundContext, index: number, positions: PoolPosition[]) {
  for (let n = 0; ; n++) await pushDraft(ctx, positions[n % positions.length]!, `r${ctx.round}-api${index}-${n}`);
}

/** One editor tab: saves on the revision it last saw; a 409 hands it the other tab's revision, and it keeps its own text. */
async function editorTab(ctx: RoundContext, tab: number, start: number) {
  const position = ctx.fixture.pools.editor;
  let base = start;
  for (let n = 0; ; n++) {
    const document = withMarker(position.document, `r${ctx.round}-tab${tab}-${n}`);
    const answer = await send(
      ctx,
      "simpan-penyunting",
      () =>
        ctx.client.request("POST", `/jabatan/${position.id}/skj/simpan`, {
          headers: { Cookie: ctx.sessions.analis, Origin: ctx.client.baseUrl, "Content-Type": "application/json" },
          body: JSON.stringify({ baseRevision: base, document, summaryJson: null }),
        }),
      () => ctx.ledger.unansweredSaves.push({ positionCode: position.code, document: expectedStored(document), round: ctx.round }),
    );
    expectStatus(answer, [200, 409], `autosave ${position.code}`);
    const reply = JSON.parse(answer.body) as { ok?: boolean; revision?: number; conflict?: { current: { revision: number } } } | null;
    if (answer.status === 200 && reply?.ok && typeof reply.revision === "number") {
      ctx.ledger.saves.push({
        via: "editor",
        positionCode: position.code,
        revision: reply.revision,
        document: expectedStored(document),
        round: ctx.round,
      });
      base = reply.revision;
    } else if (answer.status === 409 && reply?.conflict) {
      ctx.ledger.editorConflicts++;
      base = reply.conflict.current.revision;
    } else {
      throw new Unexpected(`autosave ${position.code}: jawaban tidak dikenal ${answer.body.slice(0, 300)}`);
    }
  }
}

async function singlePublisher(ctx: RoundContext, steps: Map<string, DraftStep>) {
  const pool = ctx.fixture.pools.single;
  for (let n = 0; ; n++) {
    const position = pool[(ctx.round + n) % pool.length]!;
    await untilApproved(ctx, steps, position, `r${ctx.round}-tunggal-${n}`);
    const body = {
      legalBasis: { kind: "Peraturan Gubernur", number: `UG-${ctx.round}-${n}`, year: 2026, title: `SKJ ${position.code}` },
      effectiveDate: "2026-12-01",
    };
    const answer = expectStatus(
      await send(ctx, "tetapkan-tunggal", () =>
        ctx.client.json(apiPath(position.code, "publish"), body, bearer(ctx.fixture.tokens.reviewer2Review)),
      ),
      [201],
      `publish ${position.code}`,
    );
    const published = JSON.parse(answer.body) as { version: number; contentHash: string };
    ctx.ledger.singlePublishes.push({
      positionCode: position.code,
      version: published.version,
      contentHash: published.contentHash,
      body: answer.body,
      round: ctx.round,
    });
    steps.set(position.code, "editable");
  }
}

function locationId(answer: Answer, what: string): number {
  const match = /^\/penetapan\/(\d+)(\?|$)/.exec(String(answer.headers.location ?? ""));
  if (answer.status !== 302 || !match)
    throw new Unexpected(`${what}: HTTP ${answer.status} ke ${String(answer.headers.location)}: ${answer.body.slice(0, 300)}`);
  return Number(match[1]);
}

/** Waits for every chain, so none of them fails unheard after another was stopped by the kill. */
async function settleAll(chains: Promise<void>[]) {
  const failures = (await Promise.allSettled(chains)).flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  const reported = failures.find((f) => f !== STOPPED);
  if (reported !== undefined) throw reported;
  if (failures.length > 0) throw STOPPED;
}

async function untilApproved(ctx: RoundContext, steps: Map<string, DraftStep>, position: PoolPosition, marker: string) {
  let step = steps.get(position.code)!;
  while (step !== "disetujui") steps.set(position.code, (step = await advance(ctx, position, step, marker)));
}

/**
 * A reviewer assembling a penetapan of PENETAPAN_BATCH SKJ from the UI and publishing it. An act a kill left
 * half assembled is completed first, so every published act holds several SKJ.
 */
async function penetapanPublisher(ctx: RoundContext, steps: Map<string, DraftStep>, open: { id: number; codes: string[] } | null) {
  const pool = ctx.fixture.pools.penetapan;
  const cookie = ctx.sessions.reviewer2;
  for (let n = 0; ; n++) {
    if (!open) {
      const fields = {
        kind: "Peraturan Gubernur",
        number: `UGP-${ctx.round}-${n}`,
        year: "2026",
        title: "Standar Kompetensi Jabatan (uji gangguan)",
        effectiveDate: "2026-12-01",
      };
      const id = locationId(await send(ctx, "penetapan-buat", () => ctx.client.form("/penetapan/baru", fields, cookie)), "penetapan baru");
      ctx.ledger.penetapanCreated.push(id);
      open = { id, codes: [] };
    }
    const act = open;
    // the pool's halves take turns, so each act also supersedes the versions its positions had
    const offset = ((n + ctx.round) % 2) * PENETAPAN_BATCH;
    const missing = [...pool.slice(offset), ...pool.slice(0, offset)]
      .filter((p) => !act.codes.includes(p.code))
      .slice(0, Math.max(0, PENETAPAN_BATCH - act.codes.length));
    // three reviews at once, as three analysts' SKJ arrive in parallel
    await settleAll(missing.map((position) => untilApproved(ctx, steps, position, `r${ctx.round}-penetapan-${n}`)));
    if (missing.length > 0) {
      const page = expectStatus(
        await send(ctx, "baca", () => ctx.client.request("GET", `/penetapan/${act.id}.data`, { headers: { Cookie: cookie } })),
        [200],
        `GET /penetapan/${act.id}.data`,
      );
      const route = (
        (await singleFetchData(page)) as Record<string, { data?: { candidates?: { draftId: number; positionCode: string }[] } }>
      )["routes/penetapan.$id"];
      for (const position of missing) {
        const candidate = route?.data?.candidates?.find((c) => c.positionCode === position.code);
        if (!candidate) throw new Unexpected(`penetapan ${act.id}: SKJ ${position.code} yang disetujui tidak ada di daftar kandidat`);
        locationId(
          await send(ctx, "penetapan-tambah", () =>
            ctx.client.form(`/penetapan/${act.id}`, { intent: "add", draftId: String(candidate.draftId) }, cookie),
          ),
          `tambah ${position.code}`,
        );
        ctx.ledger.penetapanAdded.push({ penetapanId: act.id, positionCode: position.code });
        act.codes.push(position.code);
      }
    }
    // as a reviewer confirms the dialog: naming the SKJ the act holds
    const publish = () =>
      ctx.client.form(`/penetapan/${act.id}`, { intent: "publish", [CONFIRMATION_FIELD]: confirmationValue(act.codes) }, cookie);
    locationId(
      await send(ctx, "penetapan-tetapkan", publish, () => ctx.ledger.unansweredPenetapan.push({ penetapanId: act.id, round: ctx.round })),
      `tetapkan penetapan ${act.id}`,
    );
    ctx.ledger.penetapanPublishes.push({ penetapanId: act.id, positionCodes: [...act.codes], round: ctx.round });
    for (const code of act.codes) steps.set(code, "editable");
    open = null;
  }
}

/** Runs every worker until the kill stops them; resolves when all have stopped. */
export async function runStream(ctx: RoundContext, start: StartState): Promise<void> {
  const workers = [
    ...ctx.fixture.pools.apiSavers.map((positions, i) => apiSaver(ctx, i, positions)),
    editorTab(ctx, 1, start.editorRevision),
    editorTab(ctx, 2, start.editorRevision),
    singlePublisher(ctx, start.steps),
    penetapanPublisher(ctx, start.steps, start.openPenetapan),
  ];
  await Promise.all(
    workers.map((w) =>
      w.catch((error: unknown) => {
        if (error !== STOPPED)
          ctx.ledger.unexpected.push(`ronde ${ctx.round}: ${error instanceof Unexpected ? error.message : String(error)}`);
      }),
    ),
  );
}

/** Where each worker resumes: read from the database after a restart, as a user reloading the page would see it. */
export function readStartState(client: Database.Database, fixture: Fixture): StartState {
  const editorRevision = (
    client.prepare("select revision from skj_drafts where position_id = ? and closed_at is null").get(fixture.pools.editor.id) as {
      revision: number;
    }
  ).revision;
  const steps = new Map<string, DraftStep>();
  const stateOf = client.prepare(
    "select d.state from skj_drafts d join positions p on p.id = d.position_id where p.code = ? and d.closed_at is null",
  );
  for (const position of [...fixture.pools.single, ...fixture.pools.penetapan]) {
    const state = (stateOf.get(position.code) as { state: string } | undefined)?.state;
    steps.set(position.code, state === "diajukan" || state === "disetujui" ? state : "editable");
  }
  const open = client
    .prepare("select id from penetapan where status = 'draf' and created_by = ? order by id desc limit 1")
    .get(fixture.users.reviewer2) as { id: number } | undefined;
  const codes = open
    ? (
        client
          .prepare(
            "select p.code from penetapan_items i join skj_drafts d on d.id = i.draft_id join positions p on p.id = d.position_id where i.penetapan_id = ? order by p.code",
          )
          .all(open.id) as { code: string }[]
      ).map((r) => r.code)
    : [];
  return { editorRevision, steps, openPenetapan: open ? { id: open.id, codes } : null };
}
