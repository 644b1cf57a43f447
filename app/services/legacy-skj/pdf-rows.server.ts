import type { LegacyRow } from "~/domain/legacy-skj/source";
import { LegacyFileError } from "./errors.server";

export async function pdfRows(_bytes: Uint8Array): Promise<LegacyRow[]> {
  throw new LegacyFileError("PDF belum didukung.");
}
