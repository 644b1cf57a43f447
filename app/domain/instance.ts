// The instance profile (contract §7.1): whose SKJ these are. One schema for the admin form, the CLI and the
// API; the print model takes every printed name from it, so no region is written in code.
import { z } from "zod";
import type { PenetapanKind } from "./penetapan";

export const INSTANCE_SETTING_KEY = "instance";

export const INSTANCE_KINDS = ["provinsi", "kabupaten", "kota", "instansi_pusat"] as const;
export type InstanceKind = (typeof INSTANCE_KINDS)[number];

export const INSTANCE_KIND_LABELS: Record<InstanceKind, string> = {
  provinsi: "Provinsi",
  kabupaten: "Kabupaten",
  kota: "Kota",
  instansi_pusat: "Instansi pusat",
};

export const INSTANCE_TEXT_MAX = 200;

export const INSTANCE_FIELD_LABELS = {
  kind: "Jenis instansi",
  name: "Nama instansi",
  headTitle: "Jabatan kepala (penanda tangan)",
  place: "Tempat penetapan",
  regionalGovernment: "Pemerintah daerah",
} as const;

const requiredText = (label: string) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .trim()
    .min(1, `${label} wajib diisi.`)
    .max(INSTANCE_TEXT_MAX, `${label} maksimal ${INSTANCE_TEXT_MAX} karakter.`);

export const InstanceProfileSchema = z
  .object({
    kind: z.enum(INSTANCE_KINDS, { error: `${INSTANCE_FIELD_LABELS.kind}: pilih provinsi, kabupaten, kota, atau instansi pusat.` }),
    name: requiredText(INSTANCE_FIELD_LABELS.name),
    headTitle: requiredText(INSTANCE_FIELD_LABELS.headTitle),
    place: requiredText(INSTANCE_FIELD_LABELS.place),
    regionalGovernment: z.boolean({ error: `${INSTANCE_FIELD_LABELS.regionalGovernment}: harus ya atau tidak.` }).optional(),
  })
  // a regional government is the default for every kind but a central agency (§7.1)
  .transform((p) => ({ ...p, regionalGovernment: p.regionalGovernment ?? p.kind !== "instansi_pusat" }));

export type InstanceProfile = z.output<typeof InstanceProfileSchema>;
export type InstanceProfileInput = z.input<typeof InstanceProfileSchema>;

/** First message per field, so the form and the CLI name the field to fix. */
export function instanceErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[String(issue.path[0] ?? "_form")] ??= issue.message;
  return out;
}

const HEAD_OF_KIND: Record<InstanceKind, readonly string[]> = {
  provinsi: ["Gubernur"],
  kabupaten: ["Bupati"],
  kota: ["Wali Kota"],
  instansi_pusat: ["Menteri", "Kepala"],
};

/** The act kinds the head of this kind of instance signs: Peraturan/Keputusan Bupati for a kabupaten. */
export function actKindsOf(kind: InstanceKind): PenetapanKind[] {
  return ["Peraturan", "Keputusan"].flatMap((form) => HEAD_OF_KIND[kind].map((head) => `${form} ${head}` as PenetapanKind));
}

/**
 * What follows the act kind in the lampiran header: "PERATURAN BUPATI" + "OGAN KOMERING ULU". When the head's
 * title starts with the act's head word it is the rest of that title, as real acts print it; otherwise the
 * instansi's name.
 */
export function lampiranRegion(actKind: string, profile: Pick<InstanceProfile, "name" | "headTitle">): string {
  const head = actKind
    .replace(/^\s*\S+\s+/, "")
    .trim()
    .toUpperCase();
  const title = profile.headTitle.trim().toUpperCase();
  if (head && title.startsWith(`${head} `)) return title.slice(head.length + 1).trim();
  return profile.name.trim().toUpperCase();
}

/** The line under "PEMERINTAH" on a bundle cover: "PEMERINTAH KABUPATEN OGAN KOMERING ULU", or the agency's name. */
export function coverHeading(profile: Pick<InstanceProfile, "kind" | "name">): string {
  const name = profile.name.trim().toUpperCase();
  return profile.kind === "instansi_pusat" ? name : `PEMERINTAH ${name}`;
}

/** A short stable text that changes whenever anything printed from the profile changes (PDF cache keys). */
export function instanceFingerprint(profile: InstanceProfile): string {
  const text = [profile.kind, profile.name, profile.headTitle, profile.place].join("\u0000");
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, "0");
}

export const INSTANCE_MISSING_MESSAGE =
  "Profil instansi belum diisi. Admin perlu mengisi nama instansi, jabatan kepala, dan tempat penetapan di Admin → Profil instansi sebelum SKJ dapat dicetak atau diekspor.";
