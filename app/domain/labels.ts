// Indonesian labels for the contract's codes (contract §3).
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
