// XSS corpus in the browser (issue 8, abuse): every payload of tests/fixtures/xss-corpus.ts goes through
// the text and rich-text fields by the same HTTP actions the forms use, then every page that shows them is
// opened: no dialog, no request to a sentinel host, no injected element, and the payload readable as text.
import type { Page } from "playwright-core";
import { decode } from "turbo-stream";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { CONFIRMATION_FIELD, confirmationValue } from "~/domain/penetapan-confirmation";
import { DEMO_PASSWORD } from "~seeds/seed.server";
import { ALL_PAYLOADS, INJECTED_SELECTOR, LONG_WORD, SENTINEL_HOSTS, XSS_PAYLOADS, chunks, corpusRichText } from "../fixtures/xss-corpus";
import { baseUrl, logIn, useBrowser, visit } from "./browser";

const texts = XSS_PAYLOADS.map((x) => x.text);
/** Payloads that fit a field of `max` characters, for fields too short to hold several. */
const fitting = (max: number) => texts.filter((t) => t.length <= max);
const NEW_PASSWORD = "kata-sandi-uji-xss-2026";
// the prefilled draft already holds T.OTDA (a regional government); the corpus entry joins two real ones
const TECHNICAL = ["T.OTDA", "T.XSS-0", "T.ANJAB"];

/** One signed-in user talking to the server as the browser's forms and fetchers do. */
class Client {
  private constructor(private readonly cookie: string) {}

  static async logIn(email: string, password = DEMO_PASSWORD): Promise<Client> {
    const res = await fetch(`${baseUrl()}/login`, { method: "POST", body: new URLSearchParams({ email, password }), redirect: "manual" });
    const cookie = res.headers.get("set-cookie")?.split(";")[0];
    if (res.status !== 302 || !cookie) throw new Error(`login ${email}: ${res.status}`);
    return new Client(cookie);
  }

  private async send(path: string, body: URLSearchParams | string, type: string) {
    const res = await fetch(baseUrl() + path, {
      method: "POST",
      headers: { Cookie: this.cookie, "Content-Type": type },
      body,
      redirect: "manual",
    });
    const text = await res.text();
    // the action's answer sits in the page's stream data, after its title
    if (res.status >= 400)
      throw new Error(`POST ${path}: ${res.status} ${text.slice(text.indexOf("actionData") - 100, text.indexOf("actionData") + 600)}`);
    return { status: res.status, location: res.headers.get("location") ?? "", text };
  }

  form(path: string, fields: Record<string, string>) {
    return this.send(path, new URLSearchParams(fields), "application/x-www-form-urlencoded");
  }

  json(path: string, body: unknown) {
    return this.send(path, JSON.stringify(body), "application/json");
  }

  async bytes(path: string): Promise<Uint8Array> {
    const res = await fetch(baseUrl() + path, { headers: { Cookie: this.cookie } });
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    return new Uint8Array(await res.arrayBuffer());
  }

  /** A route's loader data, as Remix's single fetch asks for it on client navigation (a turbo-stream). */
  async data<T>(path: string, routeId: string): Promise<T> {
    const res = await fetch(`${baseUrl()}${path}.data?_routes=${encodeURIComponent(routeId)}`, { headers: { Cookie: this.cookie } });
    if (!res.ok || !res.body) throw new Error(`GET ${path}.data (${routeId}): ${res.status}`);
    const decoded = await decode(res.body);
    await decoded.done;
    const entry = (decoded.value as Record<string, { data?: T; error?: unknown }>)[routeId];
    if (!entry || !("data" in entry)) throw new Error(`GET ${path}.data (${routeId}): ${JSON.stringify(decoded.value)}`);
    return entry.data as T;
  }
}

const idFrom = (location: string) => Number(/\/(\d+)(?:[/?#]|$)/.exec(location)?.[1]);

interface Seeded {
  unitIds: number[];
  published: number;
  inReview: number;
  penetapanId: number;
  entry: string;
  viewerEmail: string;
}

/** Stores the corpus in every user-writable text field; returns where it can be seen. */
async function seedCorpus(): Promise<Seeded> {
  const admin = await Client.logIn("admin@demo.go.id");
  const analis = await Client.logIn("analis@demo.go.id");
  const reviewer = await Client.logIn("reviewer@demo.go.id");

  const unitNames = chunks(300);
  const unitIds: number[] = [];
  for (const [i, name] of unitNames.entries()) {
    const saved = await analis.form("/struktur/baru", {
      code: `XSS-UJI-${i}`,
      name,
      kind: "perangkat_daerah",
      echelon: "",
      parentCode: "",
      legalBasisKind: chunks(120)[i % chunks(120).length]!,
      legalBasisNumber: fitting(40)[i % fitting(40).length]!,
      legalBasisYear: "2026",
    });
    unitIds.push(idFrom(saved.location.replace(/^.*#unit-/, "/")));
  }

  const positionIds: number[] = [];
  for (const [i, name] of chunks(300).entries()) {
    const saved = await analis.form("/jabatan/baru", {
      code: `XSS-UJI-${i}.JAB`,
      name,
      group: "pelaksana",
      functionalLevel: "",
      unitCode: "XSS-UJI-0",
      governmentAffair: chunks(200)[i % chunks(200).length]!,
      summaryText: "",
      summaryJson: JSON.stringify(corpusRichText([LONG_WORD])),
      requiredHeadcount: "1",
    });
    positionIds.push(idFrom(saved.location));
  }

  const entryNames = chunks(200);
  const entry = (code: string, name: string, order: readonly string[]) => ({
    code,
    name,
    category: entryNames[(entryNames.indexOf(name) + 1) % entryNames.length]!,
    sourceKind: "lokal",
    sourceReference: chunks(500)[0]!,
    keywords: fitting(60).slice(0, 30),
    definitionText: ALL_PAYLOADS,
    levels: [1, 2, 3, 4, 5].map((level) => ({ level, description: `${level}. ${order.join(" ")}`, indicators: [...order] })),
  });
  for (const [i, name] of entryNames.entries()) {
    const code = `T.XSS-${i}`;
    await analis.json("/kamus/baru", { entry: entry(code, name, texts), definitionJson: corpusRichText() });
    await analis.form(`/kamus/entri/${code}`, { intent: "submit" });
    await reviewer.form(`/kamus/entri/${code}`, { intent: "publish" });
  }
  // a second revision, so that the history page diffs two corpus revisions
  const { latest } = await analis.data<{ latest: { id: number; updatedAt: string } }>("/kamus/ubah/T.XSS-0", "routes/kamus.ubah.$");
  await analis.json("/kamus/ubah/T.XSS-0", {
    entry: entry("T.XSS-0", entryNames[0]!, [...texts].reverse()),
    definitionJson: corpusRichText(),
    baseRevisionId: latest.id,
    baseUpdatedAt: latest.updatedAt,
  });

  // two SKJ: one goes all the way to publication, one stays under review with the reviewer's comment
  for (const id of positionIds.slice(0, 2)) {
    await analis.form(`/jabatan/${id}/skj`, {});
    const { draft } = await analis.data<{ draft: { revision: number; document: Record<string, unknown> & { competencies: unknown[] } } }>(
      `/jabatan/${id}/skj`,
      "routes/jabatan.$id.skj",
    );
    const document = {
      ...draft.document,
      competencies: [
        ...draft.document.competencies.filter((c) => !TECHNICAL.includes((c as { code: string }).code)),
        ...TECHNICAL.map((code) => ({ code, level: code === "T.XSS-0" ? 3 : 1 })),
      ],
      requirements: {
        rank: "II/a",
        education: [{ level: "SMA", fields: fitting(200).slice(0, 30) }],
        training: { managerial: texts, technical: texts, functional: texts },
        experience: texts.map((description, i) => ({ description, minYears: i })),
        performanceIndicators: [...texts, LONG_WORD],
      },
    };
    await analis.json(`/jabatan/${id}/skj/simpan`, { document, summaryJson: corpusRichText([LONG_WORD]), baseRevision: draft.revision });
    await analis.form(`/jabatan/${id}/skj`, { intent: "submit", justification: ALL_PAYLOADS });
    await reviewer.form(`/jabatan/${id}/skj/tinjau`, { intent: "comment", anchor: "kompetensi", body: ALL_PAYLOADS });
  }
  const [published, inReview] = positionIds as [number, number];
  await reviewer.form(`/jabatan/${published}/skj/tinjau`, { intent: "approve", comment: "" });

  const act = await admin.form("/penetapan/baru", {
    kind: "Peraturan Gubernur",
    number: fitting(40)[0]!,
    year: "2026",
    title: chunks(500)[0]!,
    signedDate: "2026-12-01",
    effectiveDate: "2026-12-01",
    signerTitle: chunks(200)[0]!,
    signerName: chunks(200)[1]!,
  });
  const penetapanId = idFrom(act.location);
  const { candidates } = await admin.data<{
    candidates: { draftId: number; positionId?: number; positionName?: string; positionCode: string }[];
  }>(`/penetapan/${penetapanId}`, "routes/penetapan.$id");
  const mine = candidates.find((c) => c.positionName === chunks(300)[0]);
  if (!mine) throw new Error(`approved draft not offered: ${JSON.stringify(candidates)}`);
  await admin.form(`/penetapan/${penetapanId}`, { intent: "add", draftId: String(mine.draftId) });
  await admin.form(`/penetapan/${penetapanId}`, { intent: "publish", [CONFIRMATION_FIELD]: confirmationValue([mine.positionCode]) });

  const viewerEmail = "xss-0@uji.go.id";
  for (const [i, name] of chunks(120).entries()) {
    await admin.form("/admin/users/new", { email: `xss-${i}@uji.go.id`, name, role: "viewer", password: NEW_PASSWORD });
  }
  const { users } = await admin.data<{ users: { id: number; email: string }[] }>("/admin", "routes/admin._index");
  const owner = users.find((u) => u.email === viewerEmail)!;
  for (const name of chunks(100))
    await admin.form("/admin/tokens", { intent: "create", userId: String(owner.id), name, scopes: "skj:read" });
  // no webhook: a second one would change the shared delivery log other browser tests read; its URL field
  // is checked in tests/integration/xss.test.ts (refused or percent-encoded, never markup)

  return { unitIds, published, inReview, penetapanId, entry: "T.XSS-0", viewerEmail };
}

const norm = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

/** What a hole would leave behind on the page, and everything a reader sees there (texts and form values). */
async function inspect(page: Page) {
  return page.evaluate((selector) => {
    const values = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")].map((e) => e.value);
    return {
      injected: [...document.querySelectorAll(selector)].map((e) => e.outerHTML.slice(0, 200)),
      text: [document.title, document.body.innerText, ...values].join("\n"),
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      wide: [...document.querySelectorAll("body *")]
        .filter(
          (e) =>
            e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 &&
            ![...e.children].some((c) => c.getBoundingClientRect().right > document.documentElement.clientWidth + 1),
        )
        .slice(0, 3)
        .map((e) => `${e.tagName}.${e.className} ${(e.textContent ?? "").slice(0, 60)}`),
    };
  }, INJECTED_SELECTOR);
}

describe("XSS corpus", () => {
  const browser = useBrowser();
  let seeded: Seeded;
  beforeAll(async () => {
    seeded = await seedCorpus();
  });

  async function watchedPage(email: string, password?: string, options: { bypassCSP?: boolean } = {}) {
    const page = await browser.newPage(options);
    const dialogs: string[] = [];
    const sentinelHits: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.context().route("**/*", (route) => {
      const url = route.request().url();
      if (SENTINEL_HOSTS.some((h) => new URL(url).host === h)) {
        sentinelHits.push(url);
        return route.abort();
      }
      return route.continue();
    });
    await logIn(page, email, password);
    return { page, dialogs, sentinelHits };
  }

  it("shows every payload as text on every page that renders it, with no dialog, no request to a sentinel host and no injected element", async () => {
    const { published, inReview, penetapanId, entry, unitIds, viewerEmail } = seeded;
    const names = chunks(300);
    const pages: { as: "admin" | "reviewer" | "viewer"; path: string; shows: readonly string[] }[] = [
      { as: "viewer", path: "/", shows: [chunks(120)[0]!, ...names] },
      { as: "reviewer", path: "/", shows: [names[1]!] },
      { as: "admin", path: "/struktur", shows: names },
      { as: "admin", path: `/struktur/${unitIds[0]}`, shows: [names[0]!, chunks(120)[0]!, fitting(40)[0]!] },
      { as: "admin", path: "/jabatan?unit=XSS-UJI-0", shows: names },
      { as: "admin", path: `/jabatan/${published}`, shows: [names[0]!, chunks(200)[0]!, ...texts, LONG_WORD] },
      { as: "admin", path: `/jabatan/${published}/ubah`, shows: [names[0]!, chunks(200)[0]!, ...texts] },
      { as: "admin", path: `/jabatan/${published}/riwayat`, shows: [names[0]!, chunks(500)[0]!] },
      { as: "admin", path: `/jabatan/${inReview}/skj`, shows: [...texts, LONG_WORD] },
      { as: "admin", path: `/jabatan/${inReview}/skj/pratinjau`, shows: [names[1]!, ...texts, LONG_WORD] },
      { as: "reviewer", path: `/jabatan/${inReview}/skj/tinjau`, shows: [names[1]!, ALL_PAYLOADS, LONG_WORD] },
      { as: "reviewer", path: "/skj", shows: [names[1]!] },
      { as: "admin", path: "/kamus?q=xss", shows: chunks(200) },
      { as: "admin", path: `/kamus/entri/${entry}`, shows: [chunks(200)[0]!, chunks(500)[0]!, ...texts] },
      { as: "admin", path: `/kamus/riwayat/${entry}`, shows: texts },
      { as: "admin", path: `/kamus/ubah/${entry}`, shows: [chunks(200)[0]!, ...texts] },
      { as: "admin", path: "/penetapan", shows: [chunks(500)[0]!] },
      {
        as: "admin",
        path: `/penetapan/${penetapanId}`,
        shows: [chunks(500)[0]!, fitting(40)[0]!, chunks(200)[0]!, chunks(200)[1]!, names[0]!],
      },
      { as: "admin", path: "/admin", shows: chunks(120) },
      { as: "admin", path: "/admin/tokens", shows: chunks(100) },
      { as: "admin", path: "/admin/audit", shows: [names[0]!] },
    ];
    const sessions = {
      admin: await watchedPage("admin@demo.go.id"),
      reviewer: await watchedPage("reviewer@demo.go.id"),
      viewer: await watchedPage(viewerEmail, NEW_PASSWORD),
    };
    // every problem of every page at once, so one run tells the whole story
    const problems: string[] = [];
    for (const { as, path, shows } of pages) {
      const { page } = sessions[as];
      const response = await visit(page, path);
      if (response?.status() !== 200) problems.push(`${path}: HTTP ${response?.status()}`);
      const seen = await inspect(page);
      for (const element of seen.injected) problems.push(`${path}: injected ${element}`);
      const text = norm(seen.text);
      for (const payload of shows) if (!text.includes(norm(payload))) problems.push(`${path}: does not show ${JSON.stringify(payload)}`);
      // a 264-letter word wraps inside its column instead of widening the page
      if (seen.overflow > 0) problems.push(`${path}: ${seen.overflow}px wider than the window ${JSON.stringify(seen.wide)}`);
    }
    expect(problems).toEqual([]);
    for (const { dialogs, sentinelHits } of Object.values(sessions)) {
      expect(dialogs).toEqual([]);
      expect(sentinelHits).toEqual([]);
    }
  });

  it("prints the published version with its penetapan: every printable payload and the act's texts appear in the PDF as literal text", async () => {
    const admin = await Client.logIn("admin@demo.go.id");
    const pdf = await admin.bytes(`/jabatan/${seeded.published}/versi/1.pdf`);
    const { text: pages } = await extractText(await getDocumentProxy(pdf), { mergePages: false });
    // wrapping breaks lines anywhere in a payload, so compare without whitespace
    const squeeze = (s: string) => s.normalize("NFC").replace(/\s+/g, "");
    // a long row breaks across pages: the page number at each foot and the table header repeated at each top
    // would stand in the middle of its text, so they are taken out before the pages are joined
    const headers = [
      "No Kompetensi Level Deskripsi Indikator Kompetensi",
      "No Jenis Persyaratan Uraian Tingkat Pentingnya terhadap Jabatan Mutlak Penting Perlu",
    ].map(squeeze);
    const printed = pages
      .map((page, k) => {
        const body = squeeze(page).slice(0, -squeeze(`Halaman ${k + 1} dari ${pages.length}`).length);
        const header = headers.find((h) => body.startsWith(h));
        return header ? body.slice(header.length) : body;
      })
      .join("");
    for (const { text: t } of XSS_PAYLOADS.filter((x) => x.printable)) expect(printed, t).toContain(squeeze(t));
    for (const t of [chunks(500)[0]!, fitting(40)[0]!, chunks(200)[0]!, chunks(200)[1]!, chunks(300)[0]!, LONG_WORD])
      expect(printed, t).toContain(squeeze(t));
  });

  it("would notice a hole: an injected image with a handler is found, its request counted and its dialog seen", async () => {
    // the Content-Security-Policy would stop the handler before the checks below see it: bypass it here only
    const { page, sentinelHits, dialogs } = await watchedPage("viewer@demo.go.id", undefined, { bypassCSP: true });
    await visit(page, "/jabatan");
    await page.evaluate(() => {
      const img = document.createElement("img");
      img.setAttribute("onerror", "alert('kontrol')");
      img.src = "http://xss.invalid/kontrol";
      document.body.append(img);
    });
    await expect.poll(() => dialogs).toEqual(["kontrol"]);
    expect(sentinelHits).toEqual(["http://xss.invalid/kontrol"]);
    expect((await inspect(page)).injected).toHaveLength(1);
  });
});
