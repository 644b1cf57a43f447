// Malformed bodies get a 4xx with an Indonesian message and change nothing (issue 13): rich text nested
// thousands deep (once a 500 in the editor's save) and bodies that are no form or no JSON object.
import { describe, expect, it } from "vitest";
import { getSchema } from "@tiptap/core";
import { richTextExtensions } from "~/components/editor/extensions";
import { RICH_TEXT_ATTRIBUTE_RULES, RICH_TEXT_MAX_NESTING } from "~/domain/richtext";
import { action as editorAction } from "~/routes/jabatan.$id.skj_.simpan";
import { action as editPositionAction } from "~/routes/jabatan.$id.ubah";
import { action as newEntryAction } from "~/routes/kamus.baru";
import { action as loginAction } from "~/routes/login";
import { openDraftForPosition } from "~/services/skj.server";
import { entryDetail } from "~db/queries/dictionary.server";
import { findPositionByCode } from "~db/queries/register.server";
import { findUserByEmail } from "~db/queries/users.server";
import { BASE, cookieFor, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const POSITION = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.KABAG";

const PARAGRAPH = '{"type":"paragraph","content":[{"type":"text","text":"Isi","marks":[{"type":"bold"}]}]}';
/** Tiptap JSON with bullet lists `levels` deep, written as text: JSON.stringify itself overflows on such input. */
const nestedDoc = (levels: number) =>
  `{"type":"doc","content":[${`{"type":"bulletList","content":[{"type":"listItem","content":[${PARAGRAPH},`.repeat(levels)}${PARAGRAPH}${"]}]}".repeat(levels)}]}`;

const post = (path: string, body: string, contentType: string | null, cookie: string) =>
  new Request(BASE + path, { method: "POST", headers: { ...(contentType ? { "Content-Type": contentType } : {}), Cookie: cookie }, body });
const parsed = (body: unknown) => (typeof body === "string" ? JSON.parse(body) : body) as Record<string, unknown>;
const TOO_DEEP = /bertingkat terlalu dalam: paling banyak \d+ tingkat/;
const entry = {
  code: "T.UJI-DALAM",
  name: "Uji Kedalaman",
  category: "",
  sourceKind: "lokal",
  sourceReference: "",
  keywords: [],
  definitionText: "Isi",
  levels: [1, 2, 3, 4, 5].map((level) => ({ level, description: `Level ${level}`, indicators: [`Indikator ${level}.1`] })),
};

describe("rich text nested 9,000 deep", () => {
  it("is refused with 422 by the editor's save, and the draft keeps its revision", async () => {
    const db = await useTestDatabase("demo");
    const cookie = await cookieFor("analis@demo.go.id");
    const position = findPositionByCode(db, POSITION)!;
    const { document, revision } = openDraftForPosition(db, position.id, findUserByEmail(db, "analis@demo.go.id")!.id);
    const body = `{"document":${JSON.stringify(document)},"summaryJson":${nestedDoc(9000)},"baseRevision":${revision}}`;
    const saved = await run(editorAction, post(`/jabatan/${position.id}/skj/simpan`, body, "application/json", cookie), {
      id: String(position.id),
    });
    expect(saved.status).toBe(422);
    expect(parsed(saved.body)).toMatchObject({ ok: false, message: expect.stringMatching(/Ikhtisar jabatan bertingkat terlalu dalam/) });
    expect(openDraftForPosition(db, position.id, findUserByEmail(db, "analis@demo.go.id")!.id).revision).toBe(revision);
  });

  it("is refused with 422 at the definition of a dictionary entry", async () => {
    await useTestDatabase("demo");
    const cookie = await cookieFor("analis@demo.go.id");
    const refused = await run(
      newEntryAction,
      post("/kamus/baru", `{"entry":${JSON.stringify(entry)},"definitionJson":${nestedDoc(9000)}}`, "application/json", cookie),
    );
    expect(refused.status).toBe(422);
    expect((parsed(refused.body).errors as Record<string, string>).definitionText).toMatch(TOO_DEEP);
  });

  it("is refused with 422 at the summary of the position form (1,000 deep, within its length limit), while a list nested as deep as allowed is kept", async () => {
    const db = await useTestDatabase("demo");
    const cookie = await cookieFor("analis@demo.go.id");
    const position = findPositionByCode(db, POSITION)!;
    const form = (summaryJson: string) =>
      new URLSearchParams({
        code: POSITION,
        name: position.name,
        group: position.group,
        functionalLevel: "",
        unitCode: "SETDA.BIRO-ORG.BAG-KELEMBAGAAN",
        governmentAffair: "Pemerintahan Umum",
        summaryText: "Isi",
        summaryJson,
        requiredHeadcount: "",
      }).toString();
    const submit = (summaryJson: string) =>
      run(editPositionAction, post(`/jabatan/${position.id}/ubah`, form(summaryJson), "application/x-www-form-urlencoded", cookie), {
        id: String(position.id),
      });
    const refused = await submit(nestedDoc(1000));
    expect(refused.status).toBe(422);
    expect((parsed(refused.body).errors as Record<string, string>).summaryText).toMatch(TOO_DEEP);
    const kept = await submit(nestedDoc(RICH_TEXT_MAX_NESTING));
    expect(kept.status).toBe(302);
  });
});

describe("rich text attribute values of the wrong type", () => {
  const numberedList = (attrs: Record<string, unknown>) => ({
    type: "doc",
    content: [{ type: "orderedList", attrs, content: [{ type: "listItem", content: [JSON.parse(PARAGRAPH)] }] }],
  });

  it("has a value rule for every attribute the editor's extensions declare", () => {
    const schema = getSchema(richTextExtensions);
    const declared = [...Object.values(schema.nodes), ...Object.values(schema.marks)].flatMap((type) =>
      Object.keys(type.spec.attrs ?? {}).map((name) => `${type.name}.${name}`),
    );
    const ruled = Object.entries(RICH_TEXT_ATTRIBUTE_RULES).flatMap(([type, rules]) => Object.keys(rules).map((name) => `${type}.${name}`));
    expect(ruled.sort()).toEqual(declared.sort());
  });

  it("is refused with 422 by the editor's save, naming the summary, and the draft keeps its revision; the editor's own list is saved", async () => {
    const db = await useTestDatabase("demo");
    const cookie = await cookieFor("analis@demo.go.id");
    const position = findPositionByCode(db, POSITION)!;
    const { document, revision } = openDraftForPosition(db, position.id, findUserByEmail(db, "analis@demo.go.id")!.id);
    const save = (summary: unknown, baseRevision: number) =>
      run(
        editorAction,
        post(
          `/jabatan/${position.id}/skj/simpan`,
          JSON.stringify({ document, summaryJson: summary, baseRevision }),
          "application/json",
          cookie,
        ),
        {
          id: String(position.id),
        },
      );
    const refused = await save(numberedList({ start: "x", type: null }), revision);
    expect(refused.status).toBe(422);
    expect(parsed(refused.body).message).toMatch(/Ikhtisar jabatan: nomor awal daftar bernomor harus bilangan bulat/);
    expect(openDraftForPosition(db, position.id, findUserByEmail(db, "analis@demo.go.id")!.id).revision).toBe(revision);
    const saved = await save(numberedList({ start: 1, type: null }), revision);
    expect(parsed(saved.body)).toMatchObject({ ok: true, revision: revision + 1 });
  });

  it("is refused with 422 at the definition of a dictionary entry, which is not created", async () => {
    const db = await useTestDatabase("demo");
    const cookie = await cookieFor("analis@demo.go.id");
    const body = JSON.stringify({ entry, definitionJson: numberedList({ start: 1, type: { toString: "disc" } }) });
    const refused = await run(newEntryAction, post("/kamus/baru", body, "application/json", cookie));
    expect(refused.status).toBe(422);
    expect((parsed(refused.body).errors as Record<string, string>).definitionText).toMatch(
      /^Definisi: jenis penomoran daftar harus salah satu dari 1, a, A, i, I/,
    );
    expect(entryDetail(db, entry.code)).toBeFalsy();
  });
});

describe("a body that is no form", () => {
  it.each([
    ["text/plain", "email=analis@demo.go.id&password=x"],
    ["application/json", '{"email":"analis@demo.go.id"}'],
    [null, "email=analis@demo.go.id"],
  ])("posted to the login form as %s is answered 415", async (contentType, body) => {
    await useTestDatabase("demo");
    const answer = await run(loginAction, post("/login", body, contentType, ""));
    expect(answer.status).toBe(415);
    expect(answer.body).toContain("formulir");
  });

  it.each(["null", "[1]", '"teks"', "{"])("as the editor's JSON (%s) is answered 400", async (body) => {
    const db = await useTestDatabase("demo");
    const cookie = await cookieFor("analis@demo.go.id");
    const position = findPositionByCode(db, POSITION)!;
    openDraftForPosition(db, position.id, findUserByEmail(db, "analis@demo.go.id")!.id);
    const answer = await run(editorAction, post(`/jabatan/${position.id}/skj/simpan`, body, "application/json", cookie), {
      id: String(position.id),
    });
    expect(answer.status).toBe(400);
  });
});
