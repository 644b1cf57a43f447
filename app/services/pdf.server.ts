// The SKJ as PDF (issue 7): the preview's own markup (SkjDocumentView) printed by headless Chromium, so the
// screen and the paper never drift apart. User text reaches this file (names, summaries, indicators), so the
// print context runs with JavaScript off and every request aborted, and the HTML carries its CSS and font
// inline: nothing it says can run or reach the network.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { SkjDocumentView } from "~/components/skj-document/skj-document-view";
import { RecentlyUsed } from "~/domain/recently-used";
import type { SkjPrintModel } from "~/domain/skj-print";
import { CONTENT_HASH_PATTERN } from "~/domain/skj-published";
import { DEFAULT_DATABASE_PATH } from "~db/client.server";
import { writeFileAtomically } from "./atomic-file.server";
import { launchChromium } from "./browser.server";

// ------------------------------------------------------------------ HTML

// the ranges of @fontsource/arimo's unicode.json, so Chromium only decodes latin-ext when a glyph needs it
const FONT_FILES = [
  {
    file: "arimo-latin-400-normal.woff2",
    weight: 400,
    range:
      "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
  },
  {
    file: "arimo-latin-700-normal.woff2",
    weight: 700,
    range:
      "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
  },
  {
    file: "arimo-latin-ext-400-normal.woff2",
    weight: 400,
    range:
      "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF",
  },
  {
    file: "arimo-latin-ext-700-normal.woff2",
    weight: 700,
    range:
      "U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF",
  },
] as const;

export const PDF_MARGIN = { top: "18mm", right: "15mm", bottom: "20mm", left: "15mm" } as const;

// the same margins as page.pdf's, so the footer always has the bottom margin to sit in whichever one wins
const PAGE_CSS = `
@page { size: A4; margin: ${PDF_MARGIN.top} ${PDF_MARGIN.right} ${PDF_MARGIN.bottom}; }
html, body { margin: 0; padding: 0; background: #fff; }
body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
`;

interface Fonts {
  /** Every face, for the document. */
  all: string;
  /** Latin regular only, for the footer, which Chromium renders as a separate document. */
  footer: string;
}

let fonts: Fonts | undefined;

function fontFace(file: string, weight: number, range: string): string {
  // resolved through the package's exports, so the files come from node_modules wherever it is installed
  const bytes = fs.readFileSync(createRequire(import.meta.url).resolve(`@fontsource/arimo/files/${file}`));
  // block, not the package's swap: a print must never be taken with the fallback font
  return `@font-face{font-family:Arimo;font-style:normal;font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${bytes.toString("base64")}) format("woff2");unicode-range:${range};}`;
}

function fontCss(): Fonts {
  if (!fonts) {
    const faces = FONT_FILES.map((f) => fontFace(f.file, f.weight, f.range));
    fonts = { all: faces.join("\n"), footer: faces[0]! };
  }
  return fonts;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A complete, self-contained HTML document around `body` (static markup): the A4 page rule and the font inline. */
export function printableHtml(title: string, body: string): string {
  // the title becomes the PDF's Title metadata
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${fontCss().all}${PAGE_CSS}</style></head><body>${body}</body></html>`;
}

/** The complete, self-contained HTML document that prints: the preview markup, its CSS and the font inline. */
export function skjHtml(model: SkjPrintModel): string {
  const body = renderToStaticMarkup(createElement(SkjDocumentView, { model }));
  return printableHtml(`SKJ ${model.identity.code} ${model.identity.name}${model.draft ? " (DRAFT)" : ""}`, body);
}

function footerTemplate(): string {
  return `<div style="font-family:Arimo,Arial,sans-serif;font-size:8pt;width:100%;text-align:center"><style>${fontCss().footer}</style>Halaman <span class="pageNumber"></span> dari <span class="totalPages"></span></div>`;
}

// ------------------------------------------------------------------ the browser and its pages

/** At most this many pages print at once; more requests wait, so a burst cannot exhaust the server's memory. */
export const PDF_MAX_PAGES = 2;
// A fresh context costs about 90 ms, more than the print itself (about 65 ms for a 4-page SKJ): finished
// contexts are kept for the next job, and one more is made ready ahead when none is idle.
const SPARES_MAX = 1;
// A kept context is retired after this many jobs, so a renderer's memory cannot grow without bound.
const SLOT_USES_MAX = 50;

interface Slot {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  uses: number;
  onBlocked?: (url: string) => void;
}

interface PdfState {
  current?: Browser;
  launching?: Promise<Browser>;
  spares: Promise<Slot>[];
  /** Contexts whose last job finished cleanly, ready for the next one. */
  idle: Slot[];
  active: number;
  waiting: (() => void)[];
  memory: RecentlyUsed<string, PdfBytes>;
  inFlight: Map<string, Promise<PdfBytes>>;
}

/** Published PDFs kept in memory (the files beside the database keep them all). */
const MEMORY_MAX = 50;

// The lean API router (loaded by tsx) and the Remix build each hold their own copy of this module: the state
// lives on globalThis, so the process still has one browser, one page pool and one cache.
const STATE_KEY = Symbol.for("skj-studio.pdf");
const state: PdfState =
  ((globalThis as Record<symbol, unknown>)[STATE_KEY] as PdfState | undefined) ??
  ((globalThis as Record<symbol, unknown>)[STATE_KEY] = {
    spares: [],
    idle: [],
    active: 0,
    waiting: [],
    memory: new RecentlyUsed(MEMORY_MAX),
    inFlight: new Map(),
  } satisfies PdfState);

/** The process's one Chromium: launched on first use, and again after it crashed or was closed. */
function browser(): Promise<Browser> {
  if (state.current?.isConnected()) return Promise.resolve(state.current);
  state.launching ??= launchChromium()
    .then((b) => {
      state.current = b;
      b.on("disconnected", () => {
        if (state.current !== b) return;
        state.current = undefined;
        state.spares = [];
        state.idle = [];
      });
      return b;
    })
    .finally(() => {
      state.launching = undefined;
    });
  return state.launching;
}

async function freshSlot(b: Browser): Promise<Slot> {
  const context = await b.newContext({ javaScriptEnabled: false, serviceWorkers: "block", acceptDownloads: false });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const slot: Slot = { browser: b, context, page, uses: 0 };
    // installed before any content: every request the document tries (img, CSS url(), link) ends here
    await page.route("**/*", async (route) => {
      const url = route.request().url();
      try {
        await route.abort("blockedbyclient");
      } catch {
        // the context closed under a pending request: it is gone either way
        return;
      }
      slot.onBlocked?.(url);
    });
    // a first document brings the renderer process up, which is most of a fresh page's first-print cost
    await page.setContent("<!doctype html><title></title>");
    return slot;
  } catch (error) {
    await context.close().catch(() => {});
    throw error;
  }
}

function replenish(b: Browser) {
  if (state.spares.length >= SPARES_MAX || state.current !== b || !b.isConnected()) return;
  const spare = freshSlot(b);
  // a failed spare is just dropped; the next job makes its own
  spare.catch(() => {
    state.spares = state.spares.filter((s) => s !== spare);
  });
  state.spares.push(spare);
}

async function takeSlot(): Promise<Slot> {
  const b = await browser();
  const idle = state.idle.pop();
  if (idle?.browser === b && b.isConnected()) return idle;
  if (idle) void idle.context.close().catch(() => {});
  const spare = state.spares.shift();
  let slot: Slot | undefined;
  if (spare) slot = await spare.catch(() => undefined);
  if (!slot || slot.browser !== b || !b.isConnected()) {
    if (slot) void slot.context.close().catch(() => {});
    slot = await freshSlot(b);
  }
  replenish(b);
  return slot;
}

async function withPageSlot<T>(job: () => Promise<T>): Promise<T> {
  if (state.active < PDF_MAX_PAGES) state.active++;
  else await new Promise<void>((resolve) => state.waiting.push(resolve));
  try {
    return await job();
  } finally {
    // the slot passes straight to the next waiter, so `active` only drops when nobody waits
    const next = state.waiting.shift();
    if (next) next();
    else state.active--;
  }
}

/** A PDF file's bytes. */
export type PdfBytes = Uint8Array<ArrayBuffer>;

export interface PrintOptions {
  /** Called with the URL of every request the document tried; each has been aborted. For tests and logs. */
  onBlocked?: (url: string) => void;
}

export interface PageFormat {
  /** Chromium's "Halaman x dari y" in the bottom margin (default true); a bundle numbers its joined pages itself. */
  footer?: boolean;
}

/** One print context's page, printing one document after another (a bundle's chunk). */
export interface PrintPage {
  print(html: string, format?: PageFormat): Promise<PdfBytes>;
}

async function printOn(page: Page, html: string, format: PageFormat): Promise<PdfBytes> {
  await page.setContent(html, { waitUntil: "load" });
  const footer = format.footer ?? true;
  const pdf = await page.pdf({
    format: "A4",
    printBackground: true,
    displayHeaderFooter: footer,
    ...(footer ? { headerTemplate: "<div></div>", footerTemplate: footerTemplate() } : {}),
    margin: PDF_MARGIN,
  });
  // copied off node's Buffer into a plain ArrayBuffer, which a web Response accepts as its body
  return new Uint8Array(pdf);
}

async function inOneContext<T>(job: (page: PrintPage) => Promise<T>, options: PrintOptions): Promise<T> {
  const slot = await takeSlot();
  slot.onBlocked = options.onBlocked;
  let clean = false;
  try {
    const result = await job({ print: (html, format = {}) => printOn(slot.page, html, format) });
    clean = true;
    return result;
  } finally {
    release(slot, clean);
  }
}

/**
 * Keeps a context after a clean job for the next one. That is safe because a print document can leave nothing
 * behind: with JavaScript off and every request aborted it cannot write storage, set a cookie or register a
 * worker, and the next setContent replaces its DOM whole. A failed job's context is closed, whatever state
 * it is in.
 */
function release(slot: Slot, clean: boolean) {
  slot.onBlocked = undefined;
  slot.uses++;
  const keep =
    clean && slot.uses < SLOT_USES_MAX && slot.browser === state.current && slot.browser.isConnected() && state.idle.length < PDF_MAX_PAGES;
  if (keep) state.idle.push(slot);
  else void slot.context.close().catch(() => {});
}

/**
 * Runs `job` on one page of an isolated print context (JavaScript off, every request aborted), holding
 * one slot of the pool for its whole length. The job may be run twice (once more after the browser died
 * under it), so it must only print and return, not record anything.
 */
export async function withPrintPage<T>(job: (page: PrintPage) => Promise<T>, options: PrintOptions = {}): Promise<T> {
  return withPageSlot(async () => {
    try {
      return await inOneContext(job, options);
    } catch (error) {
      // a browser that died under the job is relaunched once; any other failure is the caller's to see.
      // The "disconnected" event can trail the failed call, hence the message as a second witness.
      const died =
        !state.current?.isConnected() ||
        /Target (page, context or browser )?(has been )?closed|Browser (has been )?closed|crash/i.test(String(error));
      if (!died) throw error;
      await state.current?.close().catch(() => {});
      state.current = undefined;
      return inOneContext(job, options);
    }
  });
}

/** Prints a self-contained HTML document to A4 PDF in the isolated print context. */
export async function printHtmlToPdf(html: string, options: PrintOptions = {}): Promise<PdfBytes> {
  return withPrintPage((page) => page.print(html), options);
}

/** The PDF of one SKJ from its print model (not cached: drafts change with every save). */
export function renderSkjPdf(model: SkjPrintModel, options: PrintOptions = {}): Promise<PdfBytes> {
  return printHtmlToPdf(skjHtml(model), options);
}

/** Closes the browser (shutdown, the end of a CLI command, tests). The next print launches a new one. */
export async function closePdfBrowser(): Promise<void> {
  const pending = state.launching;
  const pendingSpares = state.spares;
  const idle = state.idle;
  state.spares = [];
  state.idle = [];
  const b = state.current ?? (await pending?.catch(() => undefined));
  state.current = undefined;
  for (const spare of pendingSpares) await spare.then((s) => s.context.close()).catch(() => {});
  for (const slot of idle) await slot.context.close().catch(() => {});
  await b?.close().catch(() => {});
}

// ------------------------------------------------------------------ cache of published versions

// A published version's bytes never change (contentHash), nor does its penetapan once published; the instance
// profile it prints (header, signature) can, so the cache key is the hash plus the profile's fingerprint.

/** data/pdf-cache/ beside the database file; null for an in-memory database, which keeps nothing on disk. */
export function pdfCacheFolder(): string | null {
  const database = process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH;
  return database === ":memory:" ? null : path.join(path.dirname(path.resolve(database)), "pdf-cache");
}

/** Where the PDF of `contentHash` printed for profile `fingerprint` is kept on disk; null for an in-memory database. */
export function pdfCacheFile(contentHash: string, fingerprint: string): string | null {
  const folder = pdfCacheFolder();
  if (!folder || !CONTENT_HASH_PATTERN.test(contentHash) || !/^[0-9a-f]{8}$/.test(fingerprint)) return null;
  return path.join(folder, `${contentHash.slice("sha256:".length)}-${fingerprint}.pdf`);
}

function looksComplete(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 5)).toString("latin1");
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 32))).toString("latin1");
  return head === "%PDF-" && tail.includes("%%EOF");
}

/** A cached PDF file's bytes; null when it is missing or was cut short. */
export async function readCacheFile(file: string): Promise<PdfBytes | null> {
  try {
    const bytes = new Uint8Array(await fs.promises.readFile(file));
    return looksComplete(bytes) ? bytes : null;
  } catch {
    return null;
  }
}

/** Keeps `bytes` in `file`; a failure is only logged, as the cache is an optimisation. */
export async function writeCacheFile(file: string, bytes: Uint8Array) {
  try {
    await writeFileAtomically(file, bytes);
  } catch (error) {
    // the cache is an optimisation: a read-only or full disk must not fail the download
    console.warn(`PDF cache tidak dapat ditulis (${file}): ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The PDF of a published version, by its contentHash: from memory, else from data/pdf-cache/, else printed
 * (the model is only built then) and kept in both. Concurrent requests for one hash share one print.
 */
export async function publishedSkjPdf(
  contentHash: string,
  fingerprint: string,
  model: () => SkjPrintModel | Promise<SkjPrintModel>,
): Promise<PdfBytes> {
  const key = `${contentHash}-${fingerprint}`;
  const hit = state.memory.get(key);
  if (hit) return hit;
  const running = state.inFlight.get(key);
  if (running) return running;
  const job = (async () => {
    const file = pdfCacheFile(contentHash, fingerprint);
    let bytes = file ? await readCacheFile(file) : null;
    if (!bytes) {
      bytes = await renderSkjPdf(await model());
      if (file) await writeCacheFile(file, bytes);
    }
    state.memory.set(key, bytes);
    return bytes;
  })();
  state.inFlight.set(key, job);
  try {
    return await job;
  } finally {
    state.inFlight.delete(key);
  }
}

/** Forgets the in-memory copies (tests; the file cache stays). */
export function forgetPdfMemoryCache() {
  state.memory.clear();
}
