// Runs in a worker thread (see skj-bundle-docx-thread.server.ts): builds one Word bundle and hands its bytes back.
import { parentPort, workerData } from "node:worker_threads";
import type { SkjBundle } from "~/domain/skj-bundle";
import { renderBundleDocx } from "./skj-bundle-docx.server";

const bytes = await renderBundleDocx(workerData as SkjBundle);
// moved, not copied: a province bundle is tens of megabytes
parentPort!.postMessage(bytes, [bytes.buffer as ArrayBuffer]);
