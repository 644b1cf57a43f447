// Conditional GET of what does not change under its URL (issue 18, item 2): a published version's Word and
// PDF files, and the published dictionary over the API. A kept copy is confirmed with 304 and no body, but
// only while it is still what the server would send: a renamed instance or a dictionary write ends it.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instanceProfile, saveInstanceProfile } from "~db/queries/instance.server";
import { loader as competenciesLoader } from "~/routes/api.v1.competencies";
import { loader as versionDocxLoader } from "~/routes/jabatan.$id.versi.$n[.]docx";
import { loader as versionPdfLoader } from "~/routes/jabatan.$id.versi.$n[.]pdf";
import { closePdfBrowser } from "~/services/pdf.server";
import { newDraftDocument } from "~/services/skj.server";
import type { Db } from "~db/client.server";
import { createApiToken } from "~db/queries/api-tokens.server";
import { findPositionByCode } from "~db/queries/register.server";
import { createDraft } from "~db/queries/skj-drafts.server";
import { findUserByEmail } from "~db/queries/users.server";
import { rebuildCompetencySearch } from "~db/queries/dictionary-search.server";
import { skjDrafts } from "~db/schema";
import { publishApprovedDraft } from "../setup/publish";
import { BASE, cookieFor } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const CODE = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.KABAG";

function actor(db: Db, email: string) {
  const u = findUserByEmail(db, email)!;
  return { id: u.id, role: u.role };
}

function publishFirst(db: Db): { positionId: number; version: number } {
  const position = findPositionByCode(db, CODE)!;
  const analis = actor(db, "analis@demo.go.id");
  const draft = createDraft(db, { positionId: position.id, ...newDraftDocument(db, position.id), actorId: analis.id, via: "ui" });
  db.update(skjDrafts)
    .set({ state: "disetujui", submittedBy: analis.id, lastEditedBy: analis.id, approvedBy: actor(db, "reviewer@demo.go.id").id })
    .where(eq(skjDrafts.id, draft.id))
    .run();
  return { positionId: position.id, version: publishApprovedDraft(db, draft.id, CODE, "21", new Date("2026-03-02T03:04:05Z")) };
}

let db: Db;
let published: { positionId: number; version: number };
let cookie: string;

beforeAll(async () => {
  db = await useTestDatabase("demo");
  published = publishFirst(db);
  cookie = await cookieFor("viewer@demo.go.id");
}, 30_000);

afterAll(() => closePdfBrowser());

const renameInstance = () => {
  const profile = instanceProfile(db)!;
  const saved = saveInstanceProfile(db, { ...profile, name: `${profile.name} Baru` }, actor(db, "admin@demo.go.id").id);
  if (!saved.ok) throw new Error("profil tidak tersimpan");
};

describe.each([
  ["docx", versionDocxLoader],
  ["pdf", versionPdfLoader],
] as const)("a published version's %s", (kind, loader) => {
  const download = (ifNoneMatch?: string) =>
    loader({
      request: new Request(`${BASE}/jabatan/${published.positionId}/versi/${published.version}.${kind}`, {
        headers: { Cookie: cookie, ...(ifNoneMatch ? { "If-None-Match": ifNoneMatch } : {}) },
      }),
      params: { id: String(published.positionId), n: String(published.version) },
      context: {},
    });

  it("is confirmed with 304 while kept, and sent again once the instance profile it prints is renamed", async () => {
    const first = await download();
    expect(first.status).toBe(200);
    const etag = first.headers.get("ETag")!;
    expect(first.headers.get("Cache-Control")).toBe("private, max-age=0, must-revalidate");

    const kept = await download(etag);
    expect(kept.status).toBe(304);
    expect(await kept.text()).toBe("");

    // a copy from before this release, tagged by the content alone, is not good any more
    expect((await download(`"${etag.split("-")[0]!.replace(/^"/, "")}-${kind}"`)).status).toBe(200);

    renameInstance();
    const renamed = await download(etag);
    expect(renamed.status).toBe(200);
    expect(renamed.headers.get("ETag")).not.toBe(etag);
    expect((await download(renamed.headers.get("ETag")!)).status).toBe(304);
  }, 60_000);

  it("answers 304 only to a signed-in reader", async () => {
    const first = await download();
    const anonymous = await loader({
      request: new Request(`${BASE}/jabatan/${published.positionId}/versi/${published.version}.${kind}`, {
        headers: { "If-None-Match": first.headers.get("ETag")! },
      }),
      params: { id: String(published.positionId), n: String(published.version) },
      context: {},
    }).catch((r: Response) => r);
    expect(anonymous.status).toBe(302);
  }, 60_000);
});

describe("GET /api/v1/competencies", () => {
  const call = async (ifNoneMatch?: string) => {
    const token = createApiToken(db, { userId: actor(db, "analis@demo.go.id").id, name: "uji etag", scopes: ["skj:read"] }, null).token;
    return competenciesLoader({
      request: new Request(`${BASE}/api/v1/competencies?type=teknis`, {
        headers: { Authorization: `Bearer ${token}`, ...(ifNoneMatch ? { "If-None-Match": ifNoneMatch } : {}) },
      }),
      params: {},
      context: {},
    }).catch((r: Response) => r);
  };

  it("confirms a kept page with 304 until the dictionary is written, and never to a caller without a token", async () => {
    const first = await call();
    expect(first.status).toBe(200);
    const etag = first.headers.get("ETag")!;
    expect(etag).toMatch(/^W\/"/);
    const kept = await call(etag);
    expect(kept.status).toBe(304);
    expect(await kept.text()).toBe("");

    rebuildCompetencySearch(db);
    const after = await call(etag);
    expect(after.status).toBe(200);
    expect(after.headers.get("ETag")).not.toBe(etag);

    const anonymous = await competenciesLoader({
      request: new Request(`${BASE}/api/v1/competencies?type=teknis`, { headers: { "If-None-Match": etag } }),
      params: {},
      context: {},
    }).catch((r: Response) => r);
    expect(anonymous.status).toBe(401);
  });
});
