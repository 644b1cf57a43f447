// XSS corpus (issue 8, abuse), server side: the corpus is stored exactly as typed through the actions
// users use, rich text outside the editor's schema is refused, and neither the rendered rich text, the
// print HTML nor the printed PDF turns any payload into markup or a request. Pages: tests/e2e/xss.e2e.test.ts.
import { Window } from "happy-dom";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plainTextToDoc } from "~/domain/richtext";
import { WebhookUrlSchema } from "~/domain/webhooks";
import type { SkjDocument } from "~/domain/skj-document";
import { action as editorAction } from "~/routes/jabatan.$id.skj_.simpan";
import { action as newPositionAction } from "~/routes/jabatan.baru";
import { action as newEntryAction } from "~/routes/kamus.baru";
import { closePdfBrowser, renderSkjPdf, skjHtml } from "~/services/pdf.server";
import { parseRichText, richTextToHtml } from "~/services/richtext.server";
import { openDraftForPosition } from "~/services/skj.server";
import { draftPrintModel } from "~/services/skj-pdf.server";
import type { Db } from "~db/client.server";
import { transitionRevision } from "~db/queries/dictionary.server";
import { findPositionByCode } from "~db/queries/register.server";
import { findOpenDraft } from "~db/queries/skj-drafts.server";
import { findUserByEmail } from "~db/queries/users.server";
import {
  ALL_PAYLOADS,
  DISALLOWED_RICH_TEXT,
  INJECTED_SELECTOR,
  LONG_WORD,
  XSS_PAYLOADS,
  chunks,
  corpusRichText,
} from "../fixtures/xss-corpus";
import { BASE, cookieFor, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const UNIT = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN";
const CODE = "SETDA.BIRO-ORG.XSS-UJI";
const ENTRY = "T.XSS-UJI";
const texts = XSS_PAYLOADS.map((x) => x.text);

const formPost = (path: string, fields: Record<string, string>, cookie: string) =>
  new Request(BASE + path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams(fields),
  });
const jsonPost = (path: string, body: unknown, cookie: string) =>
  new Request(BASE + path, { method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie }, body: JSON.stringify(body) });

/** Elements an injection would have created, and the text a reader sees, of an HTML string. */
function inspect(html: string) {
  const window = new Window();
  window.document.write(html);
  const found = [...window.document.querySelectorAll(INJECTED_SELECTOR)].map((e) => e.outerHTML);
  const scripts = window.document.querySelectorAll("script").length;
  const text = window.document.body.textContent ?? "";
  void window.happyDOM.close();
  return { found, scripts, text };
}
const squeeze = (s: string) => s.normalize("NFC").replace(/\s+/g, "");

const positionForm = (fields: Partial<Record<string, string>> = {}): Record<string, string> => ({
  code: CODE,
  name: chunks(300)[0]!,
  group: "pelaksana",
  functionalLevel: "",
  unitCode: UNIT,
  governmentAffair: chunks(200)[0]!,
  summaryText: "",
  summaryJson: JSON.stringify(corpusRichText([LONG_WORD])),
  requiredHeadcount: "",
  ...fields,
});

describe("rich text outside the editor's schema", () => {
  it.each(DISALLOWED_RICH_TEXT)("is refused and never rendered: $name", async ({ doc }) => {
    expect(parseRichText(JSON.stringify(doc), "Ikhtisar jabatan")).toEqual({
      ok: false,
      message: "Format ikhtisar jabatan tidak valid: gunakan penyunting yang tersedia.",
    });
    expect(richTextToHtml(doc)).toBe("");

    const db = await useTestDatabase("demo");
    const cookie = await cookieFor("analis@demo.go.id");
    const refused = await run(newPositionAction, formPost("/jabatan/baru", positionForm({ summaryJson: JSON.stringify(doc) }), cookie));
    expect(refused.status).toBe(422);
    expect((refused.body as { errors: Record<string, string> }).errors.summaryText).toMatch(/^Format ikhtisar jabatan tidak valid/);
    expect(findPositionByCode(db, CODE)).toBeUndefined();
  });
});

describe("webhook URLs", () => {
  it("refuse javascript: and data: URLs, and store any other payload with its angle brackets, quotes and spaces percent-encoded", () => {
    for (const url of ["javascript:alert(1)", "JavaScript://xss.invalid/%0Aalert(1)", "data:text/html,<script>alert(1)</script>"]) {
      expect(WebhookUrlSchema.safeParse(url).success, url).toBe(false);
    }
    for (const payload of texts) {
      const parsed = WebhookUrlSchema.safeParse(`http://127.0.0.1:9/${payload}?q=${payload}`);
      if (parsed.success) expect(parsed.data, payload).not.toMatch(/[<>"\s]/);
    }
  });
});

describe("the XSS corpus stored through the actions", () => {
  let db: Db;
  let positionId: number;
  let document: SkjDocument;

  beforeAll(async () => {
    db = await useTestDatabase("demo");
    const analis = await cookieFor("analis@demo.go.id");
    const created = await run(newPositionAction, formPost("/jabatan/baru", positionForm(), analis));
    expect(created.status).toBe(302);
    positionId = findPositionByCode(db, CODE)!.id;

    const entry = {
      code: ENTRY,
      name: chunks(200)[0]!,
      category: chunks(200)[1]!,
      sourceKind: "lokal",
      sourceReference: chunks(500)[0]!,
      keywords: ["xss", "uji"],
      definitionText: ALL_PAYLOADS,
      levels: [1, 2, 3, 4, 5].map((level) => ({ level, description: `${level}: ${ALL_PAYLOADS}`, indicators: texts })),
    };
    expect(
      (await run(newEntryAction, jsonPost("/kamus/baru", { entry, definitionJson: plainTextToDoc(ALL_PAYLOADS) }, analis))).status,
    ).toBe(302);
    const user = (email: string) => ({ id: findUserByEmail(db, email)!.id, role: findUserByEmail(db, email)!.role });
    expect(transitionRevision(db, ENTRY, "submit", user("analis@demo.go.id")).ok).toBe(true);
    expect(transitionRevision(db, ENTRY, "publish", user("reviewer@demo.go.id")).ok).toBe(true);

    const opened = openDraftForPosition(db, positionId, user("analis@demo.go.id").id);
    document = {
      ...opened.document,
      // the prefilled draft already holds T.OTDA (a regional government)
      competencies: [
        ...opened.document.competencies.filter((c) => c.code !== "T.OTDA"),
        { code: "T.OTDA", level: 1 },
        { code: ENTRY, level: 3 },
        { code: "T.ANJAB", level: 1 },
      ],
      requirements: {
        rank: "II/a",
        education: [{ level: "SMA", fields: texts }],
        training: { managerial: texts, technical: texts, functional: texts },
        experience: texts.map((description, i) => ({ description, minYears: i })),
        performanceIndicators: [...texts, LONG_WORD],
      },
    };
    const draft = findOpenDraft(db, positionId)!;
    const saved = await run(
      editorAction,
      jsonPost(`/jabatan/${positionId}/skj/simpan`, { document, summaryJson: corpusRichText(), baseRevision: draft.revision }, analis),
      { id: String(positionId) },
    );
    expect(saved.status).toBe(200);
  });
  afterAll(() => closePdfBrowser());

  it("keeps every payload exactly as typed: escaping is the renderer's job, not the store's", () => {
    const position = findPositionByCode(db, CODE)!;
    expect(position.name).toBe(chunks(300)[0]);
    expect(position.governmentAffair).toBe(chunks(200)[0]);
    expect(position.summaryJson).toEqual(corpusRichText([LONG_WORD]));
    expect(position.summaryText.split("\n")).toEqual([...texts, LONG_WORD]);
    expect(findOpenDraft(db, positionId)!.document.requirements).toEqual(document.requirements);
  });

  it("renders the stored summary through the allow-list as text: every payload visible, no element injected", () => {
    const html = richTextToHtml(findPositionByCode(db, CODE)!.summaryJson);
    const { found, scripts, text } = inspect(html);
    expect(found).toEqual([]);
    expect(scripts).toBe(0);
    for (const t of texts) expect(text).toContain(t);
  });

  it("prints the SKJ holding the corpus: the print HTML holds no injected element, the PDF shows every payload as text and tried no request", async () => {
    const model = draftPrintModel(db, positionId)!;
    const { found, scripts, text } = inspect(skjHtml(model));
    expect(found).toEqual([]);
    expect(scripts).toBe(0);
    for (const t of texts) expect(text).toContain(t);

    const blocked: string[] = [];
    const pdf = await renderSkjPdf(model, { onBlocked: (url) => blocked.push(url) });
    expect(blocked).toEqual([]);
    const pages = (await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false })).text;
    // wrapping breaks lines anywhere in a payload, so compare without whitespace
    const printed = squeeze(pages.join("\n"));
    for (const { text: t } of XSS_PAYLOADS.filter((x) => x.printable)) expect(printed, t).toContain(squeeze(t));
    // whole, not clipped at the page edge: a long word once widened the tables past it
    expect(printed).toContain(LONG_WORD);
    expect(printed).toContain(squeeze(`Nama Jabatan : ${chunks(300)[0]} Kelompok Jabatan :`));
    expect(printed).toContain(squeeze(`Urusan Pemerintahan : ${chunks(200)[0]} Kode Jabatan :`));
  });
});
