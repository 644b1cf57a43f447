import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    /** One app server per e2e worker (global-setup.ts), each with its own demo database. */
    serverUrls: string[];
  }
}

/**
 * The app server of this worker. Test files run two at a time, each on the server of its worker
 * (VITEST_POOL_ID, 1-based, never shared by two running files), so no file sees another's writes while
 * it runs, as when files ran one after another on a single server.
 */
export function baseUrl(): string {
  const urls = inject("serverUrls");
  const worker = Number(process.env.VITEST_POOL_ID ?? "1");
  const url = urls[worker - 1];
  if (!url) throw new Error(`no e2e server for worker ${worker} (${urls.length} started)`);
  return url;
}
