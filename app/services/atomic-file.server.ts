// Files that readers may open while they are written (the PDF cache, export downloads).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/** Writes `bytes` beside `file` and renames it into place, so a reader never sees half a file; nothing is left behind on failure. */
export async function writeFileAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await fs.promises.mkdir(path.dirname(file), { recursive: true });
    await fs.promises.writeFile(temp, bytes);
    await fs.promises.rename(temp, file);
  } catch (error) {
    await fs.promises.rm(temp, { force: true }).catch(() => {});
    throw error;
  }
}
