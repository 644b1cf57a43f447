import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

let buildId: string | undefined;

/**
 * A short hash of the server build this process runs (build/index.js, where the print layouts are compiled
 * in), read once: printed files carry it in their ETag, so a new release never answers 304 for a copy
 * printed by the old one. Without a build (tests run the sources) it is "sumber".
 */
export function currentBuildId(): string {
  buildId ??= (() => {
    try {
      return crypto
        .createHash("sha256")
        .update(fs.readFileSync(path.resolve("build/index.js")))
        .digest("hex")
        .slice(0, 12);
    } catch {
      return "sumber";
    }
  })();
  return buildId;
}
