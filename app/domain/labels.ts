// The one Indonesian label of every code the app stores (contract §3 and the app's own states). No screen
// shows a code raw: it looks its label up here. ENUM_LABEL_TABLES lists every table, so the page-walking
// browser test refuses any of these codes in visible text, a newly added value included.
import type { DeliveryStatus } from "./webhooks";
import type { DraftState } from "./skj-workflow";
import type { ExportStatus } from "./export-jobs";
import type { Role } from "./permissions";
import type { SkjStatus } from "./sotk";
import type { SourceKind } from "./dictionary";

import type { Importance, ImportanceRow } from "./skj-document";
export const GROUP_LABELS: Record<string, string> = {
  jpt_utama: "Jabatan Pimpinan Tinggi Utama",
  jpt_madya: "Jabatan Pimpinan Tinggi Madya",
  jpt_pratama: "Jabatan Pimpinan Tinggi Pratama",
  administrator: "Jabatan Administrator",
  pengawas: "Jabatan Pengawas",
  pelaksana: "Jabatan Pelaksana",
  fungsional: "Jabatan Fungsional",
};

export const FUNCTIONAL_LEVEL_LABELS: Record<string, string> = {
  ahli_utama: "Ahli Utama",
  ahli_madya: "Ahli Madya",
  ahli_muda: "Ahli Muda",
  ahli_pertama: "Ahli Pertama",
  penyelia: "Penyelia",
  mahir: "Mahir",
  terampil: "Terampil",
  pemula: "Pemula",
};

export const COMPETENCY_TYPE_LABELS: Record<string, string> = {
  manajerial: "Manajerial",
  sosial_kultural: "Sosial Kultural",
  teknis: "Teknis",
};

export const TEXT_STATUS_LABELS: Record<string, string> = {
  regulasi: "Teks peraturan",
  contoh: "Contoh",
  lokal: "Disusun daerah",
};

export const REVISION_STATUS_LABELS: Record<string, string> = {
  draft: "Draf",
  diajukan: "Diajukan",
  diterbitkan: "Diterbitkan",
};

export const UNIT_KIND_LABELS: Record<string, string> = {
  perangkat_daerah: "Perangkat Daerah",
  sekretariat: "Sekretariat",
  biro: "Biro",
  bagian: "Bagian",
  subbagian: "Subbagian",
  bidang: "Bidang",
  subbidang: "Subbidang",
  seksi: "Seksi",
  upt: "UPT",
  uptd: "UPTD",
  cabang_dinas: "Cabang Dinas",
  inspektorat_wilayah: "Inspektorat Pembantu Wilayah",
  kecamatan: "Kecamatan",
  kelurahan: "Kelurahan",
  lainnya: "Lainnya",
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrator",
  analis: "Analis",
  reviewer: "Reviewer",
  viewer: "Pembaca",
};

export const DRAFT_STATE_LABELS: Record<DraftState, string> = {
  draf: "Draf",
  diajukan: "Diajukan",
  disetujui: "Disetujui",
  dikembalikan: "Dikembalikan",
};

export const SKJ_STATUS_LABELS: Record<SkjStatus, string> = {
  belum_ada: "Belum ada",
  draf: "Draf",
  diajukan: "Diajukan",
  disetujui: "Disetujui",
  ditetapkan: "Ditetapkan",
};

export const PENETAPAN_STATUS_LABELS: Record<"draf" | "ditetapkan", string> = { draf: "Draf", ditetapkan: "Ditetapkan" };

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  menunggu: "Menunggu",
  terkirim: "Terkirim",
  gagal: "Gagal",
};

export const EXPORT_STATUS_LABELS: Record<ExportStatus, string> = {
  menunggu: "Menunggu",
  berjalan: "Sedang dibuat",
  selesai: "Selesai",
  gagal: "Gagal",
};

export const SOURCE_KIND_LABELS: Record<SourceKind | "regulasi", string> = {
  regulasi: "Peraturan (Permenpan RB 38/2017)",
  instansi_pembina: "Instansi pembina",
  daerah_lain: "Kamus daerah lain",
  lokal: "Disusun daerah",
};

/** What happened to a draft, as recorded in its decision history. */
export const DECISION_LABELS: Record<"diajukan" | "disetujui" | "dikembalikan" | "ditetapkan" | "dicabut", string> = {
  diajukan: "Diajukan",
  disetujui: "Disetujui",
  dikembalikan: "Dikembalikan",
  ditetapkan: "Ditetapkan",
  dicabut: "Dicabut",
};

/** How a published version stopped being the live one. */
export const VERSION_END_LABELS: Record<"diganti" | "dicabut", string> = {
  diganti: "Diganti",
  dicabut: "Dicabut",
};

/** Events of the feed and the webhooks (contract §5). */
export const FEED_EVENT_LABELS: Record<"skj.published" | "skj.withdrawn", string> = {
  "skj.published": "SKJ ditetapkan",
  "skj.withdrawn": "SKJ dicabut",
};

/** The sections of an SKJ a review comment can point at. */
export const COMMENT_SECTION_LABELS: Record<"identitas" | "kompetensi" | "persyaratan", string> = {
  identitas: "A. Identitas",
  kompetensi: "B. Kompetensi",
  persyaratan: "C. Persyaratan",
};

/** Every action the audit log records; recordAudit accepts no other, so a new action needs its label first. */
export const AUDIT_ACTION_LABELS = {
  "auth.login": "Masuk",
  "user.create": "Pengguna dibuat",
  "user.update": "Pengguna diubah",
  "token.create": "Token API dibuat",
  "token.revoke": "Token API dicabut",
  "settings.update": "Pengaturan aturan diubah",
  "webhook.register": "Webhook didaftarkan",
  "webhook.deactivate": "Webhook dinonaktifkan",
  "unit.create": "Unit dibuat",
  "unit.update": "Unit diubah",
  "unit.activate": "Unit diaktifkan",
  "unit.deactivate": "Unit dinonaktifkan",
  "position.create": "Jabatan dibuat",
  "position.update": "Jabatan diubah",
  "position.activate": "Jabatan diaktifkan",
  "position.deactivate": "Jabatan dinonaktifkan",
  "sotk.import": "Impor SOTK",
  "dictionary.create": "Kompetensi dibuat",
  "dictionary.save": "Draf kompetensi disimpan",
  "dictionary.submit": "Revisi kompetensi diajukan",
  "dictionary.return": "Revisi kompetensi dikembalikan",
  "dictionary.publish": "Revisi kompetensi diterbitkan",
  "dictionary.import": "Impor kamus kompetensi",
  "jf_standard.create": "Standar nasional JF ditambahkan",
  "jf_standard.update": "Standar nasional JF diubah",
  "skj.draft.create": "Draf SKJ dibuat",
  "skj.draft.replace": "Draf SKJ diganti lewat API",
  "skj.draft.copy": "Draf SKJ disalin dari SKJ serupa",
  "skj.draft.copy-undo": "Penyalinan ke draf SKJ diurungkan",
  "skj.draft.mass_change": "Perubahan massal draf SKJ",
  "skj.submit": "SKJ diajukan",
  "skj.approve": "SKJ disetujui",
  "skj.return": "SKJ dikembalikan",
  "skj.comment": "Komentar tinjauan",
  "skj.comment.resolve": "Komentar diselesaikan",
  "skj.publish": "SKJ ditetapkan",
  "skj.withdraw": "Versi SKJ dicabut",
  "penetapan.create": "Penetapan dibuat",
  "penetapan.update": "Penetapan diubah",
  "penetapan.add": "SKJ dimasukkan ke penetapan",
  "penetapan.remove": "SKJ dikeluarkan dari penetapan",
  "export.create": "Ekspor diminta",
  "job.create": "Pekerjaan latar diminta",
  seed: "Data awal dimuat",
  "seed.bulk": "Data uji dimuat",
} as const satisfies Record<string, string>;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

/** What an audit row is about. */
export const AUDIT_ENTITY_LABELS = {
  session: "Sesi",
  user: "Pengguna",
  api_token: "Token API",
  setting: "Pengaturan",
  webhook: "Webhook",
  unit: "Unit organisasi",
  position: "Jabatan",
  sotk: "SOTK",
  competency: "Kompetensi",
  jf_standard: "Standar nasional JF",
  skj_draft: "Draf SKJ",
  skj_version: "Versi SKJ",
  penetapan: "Penetapan",
  export_job: "Ekspor",
  background_job: "Pekerjaan latar",
  system: "Sistem",
} as const satisfies Record<string, string>;
export type AuditEntity = keyof typeof AUDIT_ENTITY_LABELS;

/** A stored code's label; a code the table does not know (an old audit row) is shown as it is. */
export function labelOf(table: Readonly<Record<string, string>>, code: string): string {
  return table[code] ?? code;
}

/** "Tingkat Pentingnya terhadap Jabatan" as printed (contract §7.3). */
export const IMPORTANCE_LABELS: Record<Importance, string> = {
  mutlak: "Mutlak",
  penting: "Penting",
  perlu: "Perlu",
};

/** The requirement row each importance belongs to, as the editor and the diff name it. */
export const IMPORTANCE_ROW_LABELS: Record<ImportanceRow, string> = {
  educationLevel: "jenjang pendidikan",
  educationFields: "bidang ilmu",
  trainingManagerial: "pelatihan manajerial",
  trainingTechnical: "pelatihan teknis",
  trainingFunctional: "pelatihan fungsional",
  experience: "pengalaman kerja",
  rank: "pangkat",
  performanceIndicators: "indikator kinerja jabatan",
};

export const ENUM_LABEL_TABLES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  GROUP_LABELS,
  FUNCTIONAL_LEVEL_LABELS,
  COMPETENCY_TYPE_LABELS,
  TEXT_STATUS_LABELS,
  REVISION_STATUS_LABELS,
  UNIT_KIND_LABELS,
  ROLE_LABELS,
  DRAFT_STATE_LABELS,
  SKJ_STATUS_LABELS,
  PENETAPAN_STATUS_LABELS,
  DELIVERY_STATUS_LABELS,
  EXPORT_STATUS_LABELS,
  SOURCE_KIND_LABELS,
  DECISION_LABELS,
  VERSION_END_LABELS,
  FEED_EVENT_LABELS,
  COMMENT_SECTION_LABELS,
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  IMPORTANCE_LABELS,
};
