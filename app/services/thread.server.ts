// Runs a TypeScript module in a worker thread, so heavy synchronous work (building a Word bundle, parsing a
// workbook) never freezes the server's event loop.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";

/**
 * `entry` is relative to the repository root: the server, the CLI and the tests all run from there (as the
 * migrations already require), and the Remix build's CJS bundle has no import.meta.url to resolve it from.
 * The entry reads `workerData` and posts exactly one message, its result; with `onProgress`, it may first post
 * any number of `{ progress }` messages, which go there.
 */
export function runInThread<T, P = never>(
  entry: string,
  data: unknown,
  options: { transfer?: ArrayBuffer[]; resourceLimits?: ResourceLimits; onProgress?: (progress: P) => void } = {},
): Promise<T> {
  const url = pathToFileURL(path.resolve(entry)).href;
  // a worker does not inherit the --import hooks of its parent, so it registers tsx itself before loading the
  // entry; tsx compiles the entry and honours the ~/ paths, as it does for the server itself
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(url)}); })`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(boot, {
      eval: true,
      workerData: data,
      transferList: options.transfer,
      resourceLimits: options.resourceLimits,
    });
    let result: { value: T } | undefined;
    const onProgress = options.onProgress;
    worker.on("message", (value: T | { progress: P }) => {
      if (!(onProgress && value !== null && typeof value === "object" && "progress" in value)) {
        result ??= { value: value as T };
        return;
      }
      try {
        onProgress(value.progress);
      } catch (error) {
        // thrown in an event listener it would take the whole process down: it ends this thread's work instead
        reject(error);
        void worker.terminate();
      }
    });
    worker.once("error", reject);
    worker.once("exit", (code) => (result ? resolve(result.value) : reject(new ThreadExitError(code))));
  });
}

export class ThreadExitError extends Error {
  constructor(readonly code: number) {
    super(`Thread stopped without a result (exit code ${code}).`);
  }
}
