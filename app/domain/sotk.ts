// The SOTK register: organisation units and positions. Shared by forms, actions, import and API.
import { z } from "zod";

export const UNIT_KINDS = [
  "perangkat_daerah",
  "sekretariat",
  "biro",
  "bagian",
  "subbagian",
  "bidang",
  "subbidang",
  "seksi",
  "upt",
  "uptd",
  "cabang_dinas",
  "inspektorat_wilayah",
  "kecamatan",
  "kelurahan",
  "lainnya",
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const ECHELONS = ["I.a", "I.b", "II.a", "II.b", "III.a", "III.b", "IV.a", "IV.b"] as const;
export type Echelon = (typeof ECHELONS)[number];

export const POSITION_GROUPS = ["jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas", "pelaksana", "fungsional"] as const;
export type PositionGroup = (typeof POSITION_GROUPS)[number];

export const FUNCTIONAL_LEVELS = [
  "ahli_utama",
  "ahli_madya",
  "ahli_muda",
  "ahli_pertama",
  "penyelia",
  "mahir",
  "terampil",
  "pemula",
] as const;
export type FunctionalLevel = (typeof FUNCTIONAL_LEVELS)[number];

export const SKJ_STATUSES = ["belum_ada", "draf", "diajukan", "disetujui", "ditetapkan"] as const;
export type SkjStatus = (typeof SKJ_STATUSES)[number];

// Limits shared by the forms, the import and the API, so an imported row stays editable in the app.
export const CODE_MAX = 64;
export const CODE_PATTERN = /^[A-Za-z0-9._\-/]+$/;
export const NAME_MAX = 300;
export const GOVERNMENT_AFFAIR_MAX = 200;
export const LEGAL_BASIS_KIND_MAX = 120;
export const LEGAL_BASIS_NUMBER_MAX = 40;
export const LEGAL_BASIS_YEARS = { min: 1945, max: 2100 } as const;
export const SUMMARY_MAX = 20_000;
export const HEADCOUNT_MAX = 100_000;

export const CodeSchema = z
  .string({ error: "Kode wajib diisi." })
  .trim()
  .min(1, "Kode wajib diisi.")
  .max(CODE_MAX, `Kode maksimal ${CODE_MAX} karakter.`)
  .regex(CODE_PATTERN, "Kode hanya boleh berisi huruf, angka, dan tanda . - / _");

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} maksimal ${max} karakter.`)
    .transform((v) => v || null)
    .nullable()
    .optional()
    .transform((v) => v ?? null);

export const UnitSchema = z.object({
  code: CodeSchema,
  name: z
    .string({ error: "Nama unit wajib diisi." })
    .trim()
    .min(1, "Nama unit wajib diisi.")
    .max(NAME_MAX, `Nama unit maksimal ${NAME_MAX} karakter.`),
  kind: z.enum(UNIT_KINDS, { error: "Pilih jenis unit." }),
  echelon: z
    .union([z.enum(ECHELONS), z.literal("")], { error: `Eselon harus salah satu dari ${ECHELONS.join(", ")} atau kosong.` })
    .transform((v) => v || null)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  parentCode: optionalText(CODE_MAX, "Kode unit induk"),
  legalBasisKind: optionalText(LEGAL_BASIS_KIND_MAX, "Jenis dasar hukum"),
  legalBasisNumber: optionalText(LEGAL_BASIS_NUMBER_MAX, "Nomor dasar hukum"),
  // the union's own message: a value that is no whole number fails both branches, and Zod would say "Invalid input"
  legalBasisYear: z
    .union(
      [
        z.literal(""),
        z.coerce.number().int().min(LEGAL_BASIS_YEARS.min, "Tahun tidak masuk akal.").max(LEGAL_BASIS_YEARS.max, "Tahun tidak masuk akal."),
      ],
      {
        error: "Tahun harus bilangan bulat.",
      },
    )
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});
export type UnitInput = z.output<typeof UnitSchema>;

export const PositionSchema = z
  .object({
    code: CodeSchema,
    name: z
      .string({ error: "Nama jabatan wajib diisi." })
      .trim()
      .min(1, "Nama jabatan wajib diisi.")
      .max(NAME_MAX, `Nama jabatan maksimal ${NAME_MAX} karakter.`),
    group: z.enum(POSITION_GROUPS, { error: "Pilih kelompok jabatan." }),
    functionalLevel: z
      .union([z.enum(FUNCTIONAL_LEVELS), z.literal("")], { error: "Pilih jenjang jabatan fungsional." })
      .transform((v) => v || null)
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    unitCode: CodeSchema,
    governmentAffair: optionalText(GOVERNMENT_AFFAIR_MAX, "Urusan pemerintahan"),
    summaryText: z.string().max(SUMMARY_MAX, `Ikhtisar jabatan maksimal ${SUMMARY_MAX} karakter.`).default(""),
    requiredHeadcount: z
      .union(
        [
          z.literal(""),
          z.coerce
            .number()
            .int()
            .min(0, "Kebutuhan tidak boleh negatif.")
            .max(HEADCOUNT_MAX, `Kebutuhan maksimal ${HEADCOUNT_MAX.toLocaleString("id-ID")} orang.`),
        ],
        { error: "Kebutuhan harus bilangan bulat." },
      )
      .transform((v) => (v === "" ? null : v))
      .nullable()
      .optional()
      .transform((v) => v ?? null),
  })
  .superRefine((p, ctx) => {
    if (p.group === "fungsional" && !p.functionalLevel) {
      ctx.addIssue({ code: "custom", path: ["functionalLevel"], message: "Jenjang wajib diisi untuk jabatan fungsional." });
    }
    if (p.group !== "fungsional" && p.functionalLevel) {
      ctx.addIssue({ code: "custom", path: ["functionalLevel"], message: "Jenjang hanya diisi untuk jabatan fungsional." });
    }
  });
export type PositionInput = z.output<typeof PositionSchema>;

/** True when making `newParentId` the parent of `unitId` would put the unit under itself. */
export function wouldCreateCycle(unitId: number, newParentId: number | null, parentOf: (id: number) => number | null | undefined): boolean {
  const seen = new Set<number>();
  for (let at = newParentId; at != null; at = parentOf(at) ?? null) {
    if (at === unitId) return true;
    if (seen.has(at)) return true; // an existing cycle: refuse rather than loop
    seen.add(at);
  }
  return false;
}

/** The SKJ status of a position: a live published version wins, else the open draft's state. */
export function skjStatusOf(
  hasLivePublished: boolean,
  openDraftState: "draf" | "diajukan" | "disetujui" | "dikembalikan" | null,
): SkjStatus {
  if (hasLivePublished) return "ditetapkan";
  if (!openDraftState) return "belum_ada";
  return openDraftState === "dikembalikan" ? "draf" : openDraftState;
}

const STRUCTURAL_GROUPS: readonly PositionGroup[] = ["jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas"];

/** A structural position holds the echelon of the unit it leads; pelaksana and fungsional have none. */
export function positionEchelon(group: PositionGroup, unitEchelon: string | null): string | null {
  return STRUCTURAL_GROUPS.includes(group) ? unitEchelon : null;
}
