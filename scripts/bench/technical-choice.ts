// Which technical competencies a bench SKJ holds. Drawn uniformly from the whole dictionary they would make
// suggestions unmeasurable (nothing predicts noise), and real books are not like that: a job family
// ("Arsiparis", "Pengelola Keuangan") uses much the same entries in every perangkat daerah, a bidang has its
// focus, an urusan its own field. So each SKJ draws mostly from small pools keyed by those three, plus some
// entries from anywhere (see docs/decisions/027-suggested-competencies.md).
import { prng } from "./bulk-seed";

export interface TechnicalEntry {
  code: string;
  category: string | null;
}

export interface ChoosingPosition {
  name: string;
  governmentAffair: string | null;
  /** The biro/bidang the position works in (its unit's ancestor below the perangkat daerah), or the perangkat daerah. */
  unitKey: string;
}

type Random = ReturnType<typeof prng>;

// job families whose field does not depend on where they sit; the dictionary's categories
const FAMILY_FIELDS: Record<string, string> = {
  "Pengelola Keuangan": "Keuangan",
  "Penata Laporan Keuangan": "Keuangan",
  "Pengelola Barang Milik Daerah": "Keuangan",
  "Analis Keuangan Pusat dan Daerah": "Keuangan",
  "Analis Pengelolaan Keuangan APBN": "Keuangan",
  "Pranata Keuangan APBN": "Keuangan",
  "Pengolah Data dan Informasi": "Statistik",
  "Pengelola Layanan Kepegawaian": "Kepegawaian",
  "Analis Sumber Daya Manusia Aparatur": "Kepegawaian",
  "Penata Kelola Sistem dan Teknologi Informasi": "Komunikasi dan Informatika",
  "Pranata Komputer": "Komunikasi dan Informatika",
  "Pengadministrasi Perkantoran": "Kearsipan",
  Arsiparis: "Kearsipan",
  Pustakawan: "Perpustakaan",
  "Penyuluh Pertanian": "Pertanian",
  "Pengawas Benih Tanaman": "Pertanian",
  "Pengawas Lingkungan Hidup": "Lingkungan Hidup",
  "Penata Ruang": "Pekerjaan Umum dan Penataan Ruang",
  "Teknik Jalan dan Jembatan": "Pekerjaan Umum dan Penataan Ruang",
  "Pengelola Pengadaan Barang/Jasa": "Pengadaan",
};
// urusan without a category of their own in the synthetic dictionary
const AFFAIR_FIELDS: Record<string, string> = {
  "Pemerintahan Umum": "Hukum",
  Perencanaan: "Statistik",
  "Pendidikan dan Pelatihan": "Kepegawaian",
  Pengawasan: "Keuangan",
  "Kesatuan Bangsa dan Politik": "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat",
};
const JENJANG = / (Ahli (Utama|Madya|Muda|Pertama)|Penyelia|Mahir|Terampil|Pemula)$/;
const POOL_SIZE = { family: 5, unit: 4, affair: 8 } as const;
// where each entry comes from: [family, unit, affair]; the rest from anywhere
const MIX_STAFF = [0.45, 0.25, 0.2] as const;
const MIX_HEAD = [0, 0.5, 0.4] as const;

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Picks the codes of one SKJ: `count` distinct entries, the same pools for the same family, biro/bidang and urusan. */
export function technicalChooser(entries: readonly TechnicalEntry[], seed: number) {
  const byField = new Map<string, string[]>();
  for (const e of entries) if (e.category) byField.set(e.category, [...(byField.get(e.category) ?? []), e.code]);
  const all = entries.map((e) => e.code);
  const pools = new Map<string, string[]>();
  const pool = (key: string, field: string | null | undefined, size: number) => {
    let codes = pools.get(key);
    if (!codes) {
      const from = [...((field && byField.get(field)) || all)];
      const rng = prng(hash(key) ^ seed);
      codes = [];
      while (codes.length < size && from.length > 0) codes.push(from.splice(rng.int(0, from.length - 1), 1)[0]!);
      pools.set(key, codes);
    }
    return codes;
  };
  // the first entries of a pool are the common ones: weight 1, 1/2, 1/3…
  const fromPool = (codes: readonly string[], rng: Random) => {
    const weights = codes.map((_, i) => 1 / (i + 1));
    let at = rng.next() * weights.reduce((a, b) => a + b, 0);
    return codes.find((_, i) => (at -= weights[i]!) < 0) ?? codes.at(-1)!;
  };
  const fieldOf = (affair: string | null) => (affair ? (byField.has(affair) ? affair : AFFAIR_FIELDS[affair]) : null);

  return (p: ChoosingPosition, count: number, rng: Random): string[] => {
    const family = p.name.replace(JENJANG, "");
    const head = /^(Kepala|Sekretaris)\b/.test(p.name);
    const affairField = fieldOf(p.governmentAffair);
    // a family without a field of its own works in its urusan's field
    const familyPool = pool(
      `family:${family}:${FAMILY_FIELDS[family] ? "" : p.governmentAffair}`,
      FAMILY_FIELDS[family] ?? affairField,
      POOL_SIZE.family,
    );
    const sources = [
      familyPool,
      pool(`unit:${p.unitKey}`, affairField, POOL_SIZE.unit),
      pool(`affair:${p.governmentAffair}`, affairField, POOL_SIZE.affair),
    ];
    const mix = head ? MIX_HEAD : MIX_STAFF;
    const chosen = new Set<string>();
    for (let tries = 0; chosen.size < count; tries++) {
      let r = rng.next();
      const source = sources.find((_, i) => (r -= mix[i]!) < 0);
      // a small dictionary may not fill its pools: past 50 tries only the whole dictionary
      chosen.add(source && tries < 50 ? fromPool(source, rng) : all[rng.int(0, all.length - 1)]!);
    }
    return [...chosen];
  };
}
