// What must hold after every restart, whatever moment the kill hit: the file is sound, every acknowledged write
// is there, every penetapan is all or nothing, and the feed is gap-free and agrees with the published versions.
import type Database from "better-sqlite3";
import { canonicalJson } from "~/domain/canonical-json";
import type { Client } from "./http";
import type { Ledger, SaveAck } from "./ledger";

export interface FeedEvent {
  id: number;
  type: string;
  positionCode: string;
  version: number;
  occurredAt: string;
}

export interface CheckReport {
  violations: string[];
  savesVerified: number;
  penetapanChecked: number;
  feedEvents: number;
}

/** Checks on the database file itself (a connection of the checker, opened after the server's restart). */
export function checkDatabase(db: Database.Database, ledger: Ledger): CheckReport {
  const violations: string[] = [];
  const fail = (message: string) => violations.push(message);

  const integrity = db.pragma("integrity_check") as { integrity_check: string }[];
  if (integrity.length !== 1 || integrity[0]!.integrity_check !== "ok")
    fail(`PRAGMA integrity_check: ${integrity.map((r) => r.integrity_check).join("; ")}`);
  const foreignKeys = db.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[];
  for (const row of foreignKeys.slice(0, 5))
    fail(`PRAGMA foreign_key_check: ${row.table} baris ${row.rowid} menunjuk ${row.parent} yang tidak ada`);

  // ---- acknowledged saves: the revision is stored with the acknowledged document, and the draft is not behind it
  const revisionsOf = db.prepare(`
    select r.id, d.revision as current, r.document
    from skj_draft_revisions r join skj_drafts d on d.id = r.draft_id join positions p on p.id = d.position_id
    where p.code = ? and r.revision = ?`);
  // once found, an acknowledged save is re-read by its row (history rows are append-only) and compared byte for byte
  const revisionRow = db.prepare(
    "select d.revision as current, r.document from skj_draft_revisions r join skj_drafts d on d.id = r.draft_id where r.id = ?",
  );
  const storedRevision = (ack: SaveAck): { current: number } | undefined => {
    if (ack.found) {
      const row = revisionRow.get(ack.found.rowId) as { current: number; document: string } | undefined;
      return row?.document === ack.found.bytes ? row : undefined;
    }
    const rows = revisionsOf.all(ack.positionCode, ack.revision) as { id: number; current: number; document: string }[];
    const row = rows.find((r) => canonicalJson(JSON.parse(r.document)) === ack.document);
    if (row) ack.found = { rowId: row.id, bytes: row.document };
    return row;
  };
  let savesVerified = 0;
  for (const ack of ledger.saves) {
    const match = storedRevision(ack);
    if (!match)
      fail(
        `simpanan hilang (lost save): ${ack.via} ${ack.positionCode} revisi ${ack.revision} (ronde ${ack.round}) tidak tersimpan dengan isi yang diakui`,
      );
    else if (match.current < ack.revision)
      fail(`draf mundur (draft went back): ${ack.positionCode} revisi ${match.current} < revisi diakui ${ack.revision}`);
    else savesVerified++;
  }

  // ---- a save is one transaction: the draft row, its newest history revision and its competency pins agree,
  // whether or not the save was acknowledged before the kill
  const drafts = db
    .prepare(`
      select d.id, p.code, d.revision, d.document, r.revision as newest, r.document as newestDocument,
             (select group_concat(c.code, ' ') from skj_competency_uses u join competency_revisions cr on cr.id = u.competency_revision_id
              join competencies c on c.id = cr.competency_id where u.draft_id = d.id) as pinned
      from skj_drafts d join positions p on p.id = d.position_id
      left join skj_draft_revisions r on r.draft_id = d.id and r.revision = (select max(revision) from skj_draft_revisions where draft_id = d.id)
      where d.closed_at is null`)
    .all() as {
    id: number;
    code: string;
    revision: number;
    document: string;
    newest: number | null;
    newestDocument: string | null;
    pinned: string | null;
  }[];
  for (const d of drafts) {
    if (d.newest !== d.revision || canonicalJson(JSON.parse(d.newestDocument ?? "null")) !== canonicalJson(JSON.parse(d.document))) {
      fail(
        `draf ${d.code} (#${d.id}) revisi ${d.revision} tidak sama dengan riwayat terbarunya (revisi ${String(d.newest)}): simpanan setengah jadi (half-written save)`,
      );
    }
    const codes = [...new Set((JSON.parse(d.document) as { competencies: { code: string }[] }).competencies.map((c) => c.code))].sort();
    const pinned = (d.pinned ?? "").split(" ").filter(Boolean).sort();
    if (codes.join(" ") !== pinned.join(" "))
      fail(`draf ${d.code} (#${d.id}): kompetensi ${codes.join(", ")} tetapi tersemat ${pinned.join(", ") || "—"} (pins out of step)`);
  }

  // ---- acknowledged decisions (submit, approve) are recorded; the seed's own come before decisionsAfter
  const decisionsOf = db.prepare("select count(*) as n from skj_decisions where action = ? and actor_id = ? and id > ?");
  for (const [key, acked] of ledger.decisions) {
    const [action, actor] = key.split(":");
    const stored = (decisionsOf.get(action, Number(actor), ledger.decisionsAfter) as { n: number }).n;
    if (stored < acked) fail(`keputusan hilang (lost decision): ${acked} "${action}" oleh pengguna ${actor} diakui, ${stored} tersimpan`);
  }

  // ---- every penetapan is all or nothing
  const acts = db.prepare("select id, status, published_at as publishedAt from penetapan").all() as {
    id: number;
    status: string;
    publishedAt: string | null;
  }[];
  const itemsOf = db.prepare(`
    select i.draft_id as draftId, p.code, d.closed_reason as closedReason,
           (select count(*) from skj_versions v where v.penetapan_id = i.penetapan_id and v.draft_id = i.draft_id) as versions
    from penetapan_items i join skj_drafts d on d.id = i.draft_id join positions p on p.id = d.position_id
    where i.penetapan_id = ?`);
  const versionsOfAct = db.prepare("select count(*) as n from skj_versions where penetapan_id = ?");
  for (const act of acts) {
    const items = itemsOf.all(act.id) as { draftId: number; code: string; closedReason: string | null; versions: number }[];
    const versions = (versionsOfAct.get(act.id) as { n: number }).n;
    if (act.status === "ditetapkan") {
      const missing = items.filter((i) => i.versions !== 1 || i.closedReason !== "ditetapkan").map((i) => i.code);
      if (!act.publishedAt || items.length === 0 || missing.length > 0 || versions !== items.length) {
        fail(
          `penetapan ${act.id} setengah jadi (half published): ditetapkan, ${items.length} SKJ, ${versions} versi; tanpa versi/draf terbuka: ${missing.join(", ") || "—"}`,
        );
      }
    } else if (versions > 0 || items.some((i) => i.versions > 0)) {
      fail(`penetapan ${act.id} setengah jadi (half published): masih draf tetapi sudah memiliki ${versions} versi`);
    }
  }
  const orphans = db
    .prepare("select count(*) as n from skj_versions v left join penetapan a on a.id = v.penetapan_id where a.status is not 'ditetapkan'")
    .get() as { n: number };
  if (orphans.n > 0) fail(`${orphans.n} versi SKJ tanpa penetapan yang ditetapkan (versions outside a published act)`);

  const statusOf = db.prepare("select status from penetapan where id = ?");
  for (const id of ledger.penetapanCreated) if (!statusOf.get(id)) fail(`penetapan ${id} yang diakui dibuat tidak ada (lost penetapan)`);
  const itemOf = db.prepare(
    "select 1 from penetapan_items i join skj_drafts d on d.id = i.draft_id join positions p on p.id = d.position_id where i.penetapan_id = ? and p.code = ?",
  );
  for (const add of ledger.penetapanAdded)
    if (!itemOf.get(add.penetapanId, add.positionCode))
      fail(`SKJ ${add.positionCode} yang diakui masuk penetapan ${add.penetapanId} tidak ada di sana`);
  const versionOfAct = db.prepare(
    "select v.version_number as version from skj_versions v join positions p on p.id = v.position_id where v.penetapan_id = ? and p.code = ?",
  );
  for (const ack of ledger.penetapanPublishes) {
    const status = (statusOf.get(ack.penetapanId) as { status: string } | undefined)?.status;
    if (status !== "ditetapkan")
      fail(`penetapan ${ack.penetapanId} diakui ditetapkan (ronde ${ack.round}) tetapi berstatus ${status ?? "tidak ada"}`);
    for (const code of ack.positionCodes)
      if (!versionOfAct.get(ack.penetapanId, code)) fail(`penetapan ${ack.penetapanId}: versi SKJ ${code} yang diakui tidak ada`);
  }

  // ---- acknowledged single publishes: the stored bytes are the answered bytes
  const versionOf = db.prepare(
    "select v.snapshot, v.content_hash as contentHash from skj_versions v join positions p on p.id = v.position_id where p.code = ? and v.version_number = ?",
  );
  for (const ack of ledger.singlePublishes) {
    const row = versionOf.get(ack.positionCode, ack.version) as { snapshot: string; contentHash: string } | undefined;
    if (!row) fail(`penetapan tunggal hilang (lost publish): ${ack.positionCode} versi ${ack.version} (ronde ${ack.round})`);
    else if (row.snapshot !== ack.body || row.contentHash !== ack.contentHash)
      fail(`versi ${ack.positionCode}/${ack.version} berbeda dari jawaban penetapannya`);
  }

  // ---- the feed table: ids 1..n without a gap, one published event per version, one withdrawn event per withdrawal
  const events = feedFromDatabase(db);
  events.forEach((e, i) => {
    if (e.id !== i + 1) fail(`umpan: id ${e.id} di posisi ${i + 1} (gap or duplicate in events)`);
  });
  const published = new Map<string, number>();
  for (const e of events)
    if (e.type === "skj.published")
      published.set(`${e.positionCode}#${e.version}`, (published.get(`${e.positionCode}#${e.version}`) ?? 0) + 1);
  const versions = db
    .prepare("select p.code, v.version_number as version from skj_versions v join positions p on p.id = v.position_id")
    .all() as { code: string; version: number }[];
  for (const v of versions) {
    const n = published.get(`${v.code}#${v.version}`) ?? 0;
    if (n !== 1) fail(`umpan: versi ${v.code}/${v.version} punya ${n} peristiwa skj.published`);
    published.delete(`${v.code}#${v.version}`);
  }
  for (const key of published.keys()) fail(`umpan: peristiwa skj.published ${key} tanpa versi`);
  const withdrawnEvents = events.filter((e) => e.type === "skj.withdrawn").length;
  const withdrawals = (db.prepare("select count(*) as n from skj_version_ends where kind = 'dicabut'").get() as { n: number }).n;
  if (withdrawnEvents !== withdrawals) fail(`umpan: ${withdrawnEvents} peristiwa skj.withdrawn untuk ${withdrawals} pencabutan`);

  return { violations, savesVerified, penetapanChecked: acts.length, feedEvents: events.length };
}

export function feedFromDatabase(db: Database.Database): FeedEvent[] {
  return db
    .prepare("select id, type, position_code as positionCode, version, occurred_at as occurredAt from events order by id")
    .all() as FeedEvent[];
}

/**
 * The feed as the mapping engine reads it (GET /api/v1/changes from the start, page by page): strictly increasing
 * ids without duplicates or gaps, the same events as the table, and the previous read as its unchanged prefix.
 * Acknowledged publishes are readable, byte for byte, and each pool position's current version is its newest.
 */
export async function checkApi(
  client: Client,
  readToken: string,
  db: Database.Database,
  ledger: Ledger,
  previous: FeedEvent[],
  currentCodes: string[],
): Promise<{ violations: string[]; feed: FeedEvent[]; reads: number }> {
  const violations: string[] = [];
  const fail = (message: string) => violations.push(message);
  const headers = { Authorization: `Bearer ${readToken}` };
  let reads = 0;
  const get = async (pathname: string) => {
    reads++;
    return client.request("GET", pathname, { headers });
  };

  const feed: FeedEvent[] = [];
  let after = "";
  for (;;) {
    const answer = await get(`/api/v1/changes?limit=1000${after ? `&after=${after}` : ""}`);
    if (answer.status !== 200) {
      fail(`GET /api/v1/changes: HTTP ${answer.status}`);
      break;
    }
    const page = JSON.parse(answer.body) as { events: (FeedEvent & { href: string })[]; nextCursor: string | null };
    for (const { href: _href, ...event } of page.events) feed.push(event);
    if (!page.nextCursor) break;
    after = page.nextCursor;
  }
  for (let i = 1; i < feed.length; i++) {
    if (feed[i]!.id <= feed[i - 1]!.id) fail(`umpan API: id ${feed[i]!.id} setelah ${feed[i - 1]!.id} (not strictly increasing)`);
    else if (feed[i]!.id !== feed[i - 1]!.id + 1) fail(`umpan API: celah antara id ${feed[i - 1]!.id} dan ${feed[i]!.id} (gap)`);
  }
  if (feed.length > 0 && feed[0]!.id !== 1) fail(`umpan API dimulai dari id ${feed[0]!.id}, bukan 1`);
  if (JSON.stringify(feed) !== JSON.stringify(feedFromDatabase(db))) fail("umpan API berbeda dari tabel events");
  if (JSON.stringify(feed.slice(0, previous.length)) !== JSON.stringify(previous))
    fail(`umpan API tidak lagi diawali ${previous.length} peristiwa yang sudah dibaca sebelumnya (feed history changed)`);

  for (const ack of ledger.singlePublishes) {
    const answer = await get(`/api/v1/skj/${ack.positionCode}/versions/${ack.version}`);
    if (answer.status !== 200 || answer.body !== ack.body)
      fail(
        `GET versi ${ack.positionCode}/${ack.version}: HTTP ${answer.status}${answer.status === 200 ? ", isi berbeda dari jawaban penetapan" : ""}`,
      );
  }
  const versionOfAct = db.prepare(
    "select v.version_number as version from skj_versions v join positions p on p.id = v.position_id where v.penetapan_id = ? and p.code = ?",
  );
  for (const ack of ledger.penetapanPublishes) {
    for (const code of ack.positionCodes) {
      const version = (versionOfAct.get(ack.penetapanId, code) as { version: number } | undefined)?.version;
      if (version === undefined) continue; // reported by checkDatabase
      const answer = await get(`/api/v1/skj/${code}/versions/${version}`);
      if (answer.status !== 200) fail(`GET versi ${code}/${version} dari penetapan ${ack.penetapanId}: HTTP ${answer.status}`);
    }
  }
  const newest = db.prepare(
    "select max(v.version_number) as version from skj_versions v join positions p on p.id = v.position_id where p.code = ?",
  );
  for (const code of currentCodes) {
    const version = (newest.get(code) as { version: number | null }).version;
    const answer = await get(`/api/v1/skj/${code}`);
    const served = answer.status === 200 ? (JSON.parse(answer.body) as { version: number }).version : null;
    if (served !== version)
      fail(`GET /api/v1/skj/${code}: versi ${String(served)} (HTTP ${answer.status}), versi terbaru di basis data ${String(version)}`);
  }
  return { violations, feed, reads };
}

export interface UnansweredOutcomes {
  savesStored: number;
  savesNotStored: number;
  penetapanPublished: number;
  penetapanNotPublished: number;
}

/** What became of the writes a round's kill cut off, read right after the restart (for the summary). */
export function unansweredOutcomes(db: Database.Database, ledger: Ledger, round: number): UnansweredOutcomes {
  const documentsOf = db.prepare(
    "select r.document from skj_draft_revisions r join skj_drafts d on d.id = r.draft_id join positions p on p.id = d.position_id where p.code = ?",
  );
  const outcomes: UnansweredOutcomes = { savesStored: 0, savesNotStored: 0, penetapanPublished: 0, penetapanNotPublished: 0 };
  for (const save of ledger.unansweredSaves.filter((s) => s.round === round)) {
    const stored = (documentsOf.all(save.positionCode) as { document: string }[]).some(
      (r) => canonicalJson(JSON.parse(r.document)) === save.document,
    );
    if (stored) outcomes.savesStored++;
    else outcomes.savesNotStored++;
  }
  const statusOf = db.prepare("select status from penetapan where id = ?");
  for (const act of ledger.unansweredPenetapan.filter((a) => a.round === round)) {
    if ((statusOf.get(act.penetapanId) as { status: string } | undefined)?.status === "ditetapkan") outcomes.penetapanPublished++;
    else outcomes.penetapanNotPublished++;
  }
  return outcomes;
}
