// The Word bundle, built off the server's event loop. docx assembles and serialises the whole document
// synchronously (about 18 ms an SKJ here, so 36 s for a province's 2,000), which on the main thread would
// freeze every page of the app for that long.
import type { SkjBundle } from "~/domain/skj-bundle";
import { runInThread, ThreadExitError } from "./thread.server";

export async function renderBundleDocxInThread(bundle: SkjBundle): Promise<Uint8Array> {
  try {
    return await runInThread<Uint8Array>("app/services/skj-bundle-docx-thread-entry.server.ts", bundle);
  } catch (error) {
    if (error instanceof ThreadExitError) throw new Error(`Pembuatan berkas Word berhenti tanpa hasil (kode ${error.code}).`);
    throw error;
  }
}
