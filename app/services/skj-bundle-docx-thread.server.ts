// The Word bundle, built off the server's event loop. docx assembles and serialises the whole document
// synchronously (about 18 ms an SKJ here, so 36 s for a province's 2,000), which on the main thread would
// freeze every page of the app for that long; a worker thread keeps the server answering meanwhile.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { SkjBundle } from "~/domain/skj-bundle";

// resolved from the working directory (the server, the CLI and the tests all run from the repository root, as
// the migrations already require) rather than import.meta.url, which the Remix build's CJS bundle has not
const THREAD_ENTRY = pathToFileURL(path.resolve("app/services/skj-bundle-docx-thread-entry.server.ts")).href;
// a worker does not inherit the --import hooks of its parent, so it registers tsx itself before loading the entry
const THREAD_BOOT = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(THREAD_ENTRY)}); })`;

export function renderBundleDocxInThread(bundle: SkjBundle): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    // tsx compiles the entry and honours the ~/ paths, as it does for the server itself
    const worker = new Worker(THREAD_BOOT, { eval: true, workerData: bundle });
    let result: Uint8Array | undefined;
    worker.once("message", (bytes: Uint8Array) => (result = bytes));
    worker.once("error", reject);
    worker.once("exit", (code) => (result ? resolve(result) : reject(new Error(`Pembuatan berkas Word berhenti tanpa hasil (kode ${code}).`))));
  });
}
