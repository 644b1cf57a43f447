// Issue 13, findings 4 and 6 for the dictionary: one definition source, and four-eyes against everyone who
// changed a revision (a save that changes nothing is no edit); with the two guards the mutation audit found
// untested, each isolated so that only that guard can refuse.
import { describe, expect, it } from "vitest";
import type { TechnicalEntryInput } from "~/domain/dictionary";
import type { RichTextNode } from "~/domain/richtext";
import { loader as competenciesApi } from "~/routes/api.v1.competencies";
import { action as createAction } from "~/routes/kamus.baru";
import { loader as entryLoader } from "~/routes/kamus.entri.$";
import { action as editAction } from "~/routes/kamus.ubah.$";
import { createApiToken } from "~db/queries/api-tokens.server";
import { entryDetail, saveTechnicalEntry, transitionRevision } from "~db/queries/dictionary.server";
import { createUser, findUserByEmail } from "~db/queries/users.server";
import { cookieFor, get, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const paragraph = (text: string): RichTextNode => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

const entry = (overrides: Partial<TechnicalEntryInput> = {}): TechnicalEntryInput => ({
  code: "T.EMPAT",
  name: "Pengujian Empat Mata",
  category: "",
  sourceKind: "lokal",
  sourceReference: "",
  keywords: [],
  definitionText: "Kemampuan menguji prinsip empat mata.",
  levels: [1, 2, 3, 4, 5].map((level) => ({ level, description: `Deskripsi level ${level}`, indicators: [`Indikator ${level}.1`] })),
  ...overrides,
});

const jsonPost = (path: string, body: unknown, cookie: string) =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cookie },
    body: JSON.stringify(body),
  });

async function people() {
  const db = await useTestDatabase("demo");
  const user = (email: string) => {
    const u = findUserByEmail(db, email)!;
    return { id: u.id, role: u.role };
  };
  return { db, analis: user("analis@demo.go.id"), reviewer: user("reviewer@demo.go.id"), reviewer2: user("reviewer2@demo.go.id") };
}

describe("the dictionary definition has one source", () => {
  it("stores the plain text derived from the rich text, ignoring a definitionText that says something else, on the page, the API and the entry", async () => {
    const { db, reviewer } = await people();
    const analis = await cookieFor("analis@demo.go.id");
    const body = {
      entry: entry({ definitionText: "Teks yang tidak pernah dilihat peninjau." }),
      definitionJson: paragraph("Definisi yang dilihat peninjau."),
    };
    expect((await run(createAction, jsonPost("/kamus/baru", body, analis))).status).toBe(302);

    const stored = entryDetail(db, "T.EMPAT")!.latest;
    expect(stored.definitionText).toBe("Definisi yang dilihat peninjau.");
    expect(stored.texts.definition).toBe("Definisi yang dilihat peninjau.");
    const page = (await run(entryLoader, get("/kamus/entri/T.EMPAT", analis), { "*": "T.EMPAT" })).body as {
      latest: { definitionHtml: string };
    };
    expect(page.latest.definitionHtml).toContain("Definisi yang dilihat peninjau.");

    expect(transitionRevision(db, "T.EMPAT", "submit", findUserByEmail(db, "analis@demo.go.id")!)).toMatchObject({ ok: true });
    expect(transitionRevision(db, "T.EMPAT", "publish", reviewer)).toMatchObject({ ok: true });
    const { token } = createApiToken(db, { userId: reviewer.id, name: "baca", scopes: ["skj:read"] }, reviewer.id);
    const api = await run(
      competenciesApi,
      new Request("http://localhost/api/v1/competencies?type=teknis&limit=1000", { headers: { Authorization: `Bearer ${token}` } }),
    );
    const served = (JSON.parse(api.body as string) as { items: { code: string; definition: string }[] }).items.find(
      (i) => i.code === "T.EMPAT",
    );
    expect(served?.definition).toBe("Definisi yang dilihat peninjau.");
    expect(JSON.stringify(api.body)).not.toContain("tidak pernah dilihat");
  });

  it("refuses an edit whose rich text is empty even when a plain text is sent beside it, naming the definition field", async () => {
    const { db } = await people();
    const analis = await cookieFor("analis@demo.go.id");
    const reply = await run(
      createAction,
      jsonPost("/kamus/baru", { entry: entry({ definitionText: "Hanya teks biasa." }), definitionJson: null }, analis),
    );
    expect(reply.status).toBe(422);
    expect((reply.body as { errors: Record<string, string> }).errors.definitionText).toBe("Definisi wajib diisi.");
    expect(entryDetail(db, "T.EMPAT")).toBeNull();
  });
});

describe("dictionary four-eyes counts everyone who changed the revision", () => {
  const save = (
    db: Awaited<ReturnType<typeof people>>["db"],
    actor: { id: number; role: "analis" | "reviewer" | "admin" | "viewer" },
    input: TechnicalEntryInput,
    definition = "Kemampuan menguji prinsip empat mata.",
  ) => {
    const latest = entryDetail(db, input.code)?.latest;
    return saveTechnicalEntry(db, {
      code: latest ? input.code : null,
      input,
      definitionJson: paragraph(definition),
      actor,
      baseRevisionId: latest?.id ?? null,
      baseUpdatedAt: latest?.updatedAt ?? null,
    });
  };

  it("a reviewer who wrote the revision cannot publish it after an analyst saves it unchanged and submits it", async () => {
    const { db, analis, reviewer, reviewer2 } = await people();
    expect(save(db, reviewer, entry())).toMatchObject({ ok: true, revision: 1 });
    // the analyst's save changes nothing: it is no edit, and nothing about the revision moves
    const before = entryDetail(db, "T.EMPAT")!.latest;
    expect(save(db, analis, entry())).toEqual({ ok: true, code: "T.EMPAT", revision: 1, unchanged: true });
    const after = entryDetail(db, "T.EMPAT")!.latest;
    expect(after).toMatchObject({ updatedAt: before.updatedAt, lastEditedBy: reviewer.id, contributors: [reviewer.id] });

    expect(transitionRevision(db, "T.EMPAT", "submit", analis)).toMatchObject({ ok: true });
    expect(transitionRevision(db, "T.EMPAT", "publish", reviewer)).toMatchObject({
      ok: false,
      status: 403,
      errors: { _form: expect.stringContaining("empat mata") },
    });
    expect(transitionRevision(db, "T.EMPAT", "publish", reviewer2)).toMatchObject({ ok: true });
  });

  it("a reviewer who changed one word of the revision, and was not its last editor, cannot publish it", async () => {
    const { db, analis, reviewer, reviewer2 } = await people();
    save(db, analis, entry());
    save(db, reviewer, entry({ name: "Pengujian Empat Mata Bersama" }));
    save(db, analis, entry({ name: "Pengujian Empat Mata Bersama" }), "Definisi akhir dari analis.");
    expect(entryDetail(db, "T.EMPAT")!.latest.lastEditedBy).toBe(analis.id);
    transitionRevision(db, "T.EMPAT", "submit", analis);
    expect(transitionRevision(db, "T.EMPAT", "publish", reviewer)).toMatchObject({ ok: false, status: 403 });
    expect(transitionRevision(db, "T.EMPAT", "publish", reviewer2)).toMatchObject({ ok: true });
  });

  it("guard: the reviewer who only submitted (never edited) the revision cannot publish it — refused by submittedBy alone", async () => {
    const { db, analis, reviewer, reviewer2 } = await people();
    save(db, analis, entry());
    expect(transitionRevision(db, "T.EMPAT", "submit", reviewer)).toMatchObject({ ok: true });
    expect(entryDetail(db, "T.EMPAT")!.latest.contributors).toEqual([analis.id]);
    expect(transitionRevision(db, "T.EMPAT", "publish", reviewer)).toMatchObject({
      ok: false,
      status: 403,
      errors: { _form: expect.stringContaining("empat mata") },
    });
    expect(transitionRevision(db, "T.EMPAT", "publish", reviewer2)).toMatchObject({ ok: true });
  });

  it("guard: an analyst who neither submitted nor edited the revision is refused publishing by the permission table", async () => {
    const { db, reviewer } = await people();
    save(db, reviewer, entry());
    transitionRevision(db, "T.EMPAT", "submit", reviewer);
    // the second analyst is not a contributor and did not submit, so four-eyes has nothing to say
    const other = createUser(
      db,
      { email: "analis2@contoh.go.id", name: "Analis Dua", role: "analis", passwordHash: "tidak-dipakai" },
      null,
    );
    const result = transitionRevision(db, "T.EMPAT", "publish", { id: other.id, role: "analis" });
    expect(result).toMatchObject({
      ok: false,
      status: 403,
      errors: { _form: "Hanya reviewer atau admin yang dapat menerbitkan revisi kamus." },
    });
    expect(entryDetail(db, "T.EMPAT")!.latest.status).toBe("diajukan");
  });

  it("the edit route answers a no-op save without a new revision, saying nothing changed", async () => {
    const { db, reviewer } = await people();
    save(db, reviewer, entry());
    transitionRevision(db, "T.EMPAT", "submit", reviewer);
    transitionRevision(db, "T.EMPAT", "publish", findUserByEmail(db, "reviewer2@demo.go.id")!);
    const latest = entryDetail(db, "T.EMPAT")!.latest;
    const analis = await cookieFor("analis@demo.go.id");
    const reply = await run(
      editAction,
      jsonPost(
        "/kamus/ubah/T.EMPAT",
        {
          entry: entry(),
          definitionJson: paragraph("Kemampuan menguji prinsip empat mata."),
          baseRevisionId: latest.id,
          baseUpdatedAt: latest.updatedAt,
        },
        analis,
      ),
      { "*": "T.EMPAT" },
    );
    expect(reply.status).toBe(302);
    expect(decodeURIComponent(reply.headers.get("Location") ?? "")).toContain("Tidak ada perubahan");
    expect(entryDetail(db, "T.EMPAT")!.revisions).toHaveLength(1);
  });
});
