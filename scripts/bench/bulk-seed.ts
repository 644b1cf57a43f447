// Synthetic SOTK and technical dictionary at realistic scale for benchmarks and load tests. Everything derives from a seeded
// PRNG, so the same options always give the same codes, names and texts (and so comparable timings).
import fs from "node:fs";
import path from "node:path";
import { definitionColumns, definitionFromPlainText } from "~/domain/dictionary";
import { FUNCTIONAL_LEVEL_LABELS } from "~/domain/labels";
import { plainTextToDoc } from "~/domain/richtext";
import { FUNCTIONAL_LEVELS, type Echelon, type FunctionalLevel, type PositionGroup, type UnitKind } from "~/domain/sotk";
import { POSITION_COLUMNS, UNIT_COLUMNS } from "~/domain/sotk-import";
import type { Db } from "~db/client.server";
import { recordAudit } from "~db/queries/audit.server";
import { rebuildCompetencySearch } from "~db/queries/dictionary-search.server";

export const BULK_PREFIX = "BULK-";

export interface BulkSeedOptions {
  units: number;
  positions: number;
  seed?: number;
  /** Starts every unit and position code; another prefix makes another instansi's SOTK beside the bench's. */
  prefix?: string;
}

export interface BulkUnit {
  code: string;
  name: string;
  kind: UnitKind;
  echelon: Echelon;
  parentCode: string | null;
  depth: number;
  legalBasis: { kind: string; number: string; year: number };
}

export interface BulkPosition {
  code: string;
  name: string;
  group: PositionGroup;
  functionalLevel: FunctionalLevel | null;
  unitCode: string;
  governmentAffair: string;
  summary: string;
  requiredHeadcount: number;
}

// mulberry32: tiny, fast and good enough to spread synthetic rows; not for anything secret
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return { next, int, pick };
}

// [name, government affair]
const PERANGKAT_DAERAH: readonly (readonly [string, string])[] = [
  ["Sekretariat Daerah", "Pemerintahan Umum"],
  ["Badan Perencanaan Pembangunan Daerah", "Perencanaan"],
  ["Dinas Pendidikan", "Pendidikan"],
  ["Dinas Kesehatan", "Kesehatan"],
  ["Dinas Pekerjaan Umum dan Penataan Ruang", "Pekerjaan Umum dan Penataan Ruang"],
  ["Dinas Perumahan Rakyat dan Kawasan Permukiman", "Perumahan Rakyat dan Kawasan Permukiman"],
  ["Dinas Sosial", "Sosial"],
  ["Dinas Tenaga Kerja dan Transmigrasi", "Tenaga Kerja"],
  ["Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "Pemberdayaan Perempuan dan Perlindungan Anak"],
  ["Dinas Ketahanan Pangan", "Pangan"],
  ["Dinas Lingkungan Hidup", "Lingkungan Hidup"],
  ["Dinas Kependudukan dan Pencatatan Sipil", "Administrasi Kependudukan dan Pencatatan Sipil"],
  ["Dinas Perhubungan", "Perhubungan"],
  ["Dinas Komunikasi dan Informatika", "Komunikasi dan Informatika"],
  ["Dinas Koperasi dan Usaha Kecil Menengah", "Koperasi, Usaha Kecil, dan Menengah"],
  ["Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Penanaman Modal"],
  ["Dinas Kepemudaan dan Olahraga", "Kepemudaan dan Olahraga"],
  ["Dinas Kebudayaan", "Kebudayaan"],
  ["Dinas Perpustakaan dan Kearsipan", "Perpustakaan"],
  ["Dinas Kelautan dan Perikanan", "Kelautan dan Perikanan"],
  ["Dinas Pariwisata", "Pariwisata"],
  ["Dinas Pertanian dan Perkebunan", "Pertanian"],
  ["Dinas Kehutanan", "Kehutanan"],
  ["Dinas Energi dan Sumber Daya Mineral", "Energi dan Sumber Daya Mineral"],
  ["Dinas Perindustrian dan Perdagangan", "Perdagangan"],
  ["Badan Pengelolaan Keuangan dan Aset Daerah", "Keuangan"],
  ["Badan Pendapatan Daerah", "Keuangan"],
  ["Badan Kepegawaian Daerah", "Kepegawaian"],
  ["Badan Pengembangan Sumber Daya Manusia", "Pendidikan dan Pelatihan"],
  ["Badan Penanggulangan Bencana Daerah", "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat"],
  ["Badan Kesatuan Bangsa dan Politik", "Kesatuan Bangsa dan Politik"],
  ["Satuan Polisi Pamong Praja", "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat"],
  ["Inspektorat Daerah", "Pengawasan"],
];
const PLACE_HEADS = ["Suka", "Karang", "Tanjung", "Sido", "Mekar", "Sumber", "Banjar", "Cipta", "Muara", "Padang"];
const PLACE_TAILS = ["maju", "sari", "jaya", "mulyo", "rejo", "agung", "makmur", "indah"];
const BIDANG_TOPICS = [
  "Perencanaan dan Evaluasi",
  "Pembinaan",
  "Pengembangan",
  "Pengendalian",
  "Pelayanan",
  "Data dan Informasi",
  "Sarana dan Prasarana",
  "Pemberdayaan Masyarakat",
  "Kerja Sama",
  "Standardisasi dan Mutu",
  "Perlindungan",
  "Penyuluhan",
  "Pengawasan",
  "Rehabilitasi",
];
const SEKSI_TOPICS = [
  "Kurikulum",
  "Tenaga Teknis",
  "Perizinan",
  "Pemantauan",
  "Pengaduan",
  "Akreditasi",
  "Pembiayaan",
  "Kemitraan",
  "Pendataan",
  "Bimbingan Teknis",
  "Pengembangan Kapasitas",
  "Fasilitasi",
  "Penegakan Standar",
  "Pelaporan",
];
const SUBBAGIAN_TOPICS = ["Umum dan Kepegawaian", "Keuangan", "Perencanaan dan Pelaporan", "Program", "Hukum dan Organisasi"];
const PELAKSANA_NAMES = [
  "Pengadministrasi Perkantoran",
  "Pengelola Keuangan",
  "Penata Laporan Keuangan",
  "Pengolah Data dan Informasi",
  "Pengelola Barang Milik Daerah",
  "Operator Layanan Operasional",
  "Penelaah Teknis Kebijakan",
  "Pengelola Layanan Kepegawaian",
  "Pengadministrasi Perencanaan dan Program",
  "Penata Kelola Sistem dan Teknologi Informasi",
  "Pengelola Umum Operasional",
  "Penata Layanan Operasional",
];
const KEAHLIAN_NAMES = [
  "Analis Kebijakan",
  "Perencana",
  "Auditor",
  "Analis Sumber Daya Manusia Aparatur",
  "Analis Keuangan Pusat dan Daerah",
  "Pranata Komputer",
  "Arsiparis",
  "Pustakawan",
  "Penyuluh Pertanian",
  "Analis Pengelolaan Keuangan APBN",
  "Pengawas Lingkungan Hidup",
  "Penata Ruang",
];
const KETERAMPILAN_NAMES = [
  "Pranata Komputer",
  "Arsiparis",
  "Pustakawan",
  "Penyuluh Pertanian",
  "Pengelola Pengadaan Barang/Jasa",
  "Pranata Keuangan APBN",
  "Teknik Jalan dan Jembatan",
  "Pengawas Benih Tanaman",
];
const VERBS = [
  "Melaksanakan",
  "Menyusun",
  "Mengoordinasikan",
  "Menganalisis",
  "Menyiapkan",
  "Memantau",
  "Mengevaluasi",
  "Mengelola",
  "Memverifikasi",
  "Mengkaji",
  "Memfasilitasi",
  "Melakukan pembinaan atas",
];
const OBJECTS = [
  "bahan perumusan kebijakan teknis",
  "rencana kerja dan anggaran",
  "laporan kinerja instansi",
  "data dan informasi",
  "standar operasional prosedur",
  "dokumen perencanaan program",
  "kegiatan pelayanan publik",
  "administrasi kepegawaian",
  "pengelolaan barang milik daerah",
  "penatausahaan keuangan",
  "penanganan pengaduan masyarakat",
  "kerja sama antarlembaga",
  "monitoring dan evaluasi program",
  "penyusunan petunjuk teknis",
];
const PURPOSES = [
  "sesuai ketentuan peraturan perundang-undangan",
  "agar pelayanan kepada masyarakat berjalan efektif dan efisien",
  "untuk mendukung pencapaian sasaran strategis perangkat daerah",
  "berdasarkan rencana kerja yang telah ditetapkan",
  "guna meningkatkan kualitas tata kelola pemerintahan",
  "dengan memperhatikan prinsip akuntabilitas dan transparansi",
];
const ECHELON_BY_DEPTH: readonly Echelon[] = ["II.a", "III.a", "IV.a"];

function checkCount(value: number, label: string, min: number) {
  if (!Number.isInteger(value) || value < min) throw new Error(`Jumlah ${label} harus bilangan bulat ${min} atau lebih (bukan ${value}).`);
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

// about ten units per perangkat daerah, as in a provincial SOTK
const perangkatDaerahCount = (unitCount: number) => Math.max(1, Math.round(unitCount / 10));

/** The code of the `n`-th (from 1) perangkat daerah that generateBulkSotk makes for `unitCount` units. */
export function perangkatDaerahCode(unitCount: number, n: number, prefix = BULK_PREFIX): string {
  return `${prefix}PD${pad(n, Math.max(3, String(perangkatDaerahCount(unitCount)).length))}`;
}

/** The synthetic units (parents first) and positions for `options`, without touching a database. */
export function generateBulkSotk({ units: unitCount, positions: positionCount, seed = 1, prefix = BULK_PREFIX }: BulkSeedOptions) {
  checkCount(unitCount, "unit", 1);
  checkCount(positionCount, "jabatan", 0);
  const rng = prng(seed);
  const pdCount = perangkatDaerahCount(unitCount);
  interface Node {
    unit: BulkUnit;
    pdIndex: number;
    setda: boolean;
    affair: string;
    topic: string;
    children: Node[];
  }
  const pds: Node[] = [];
  for (let i = 0; i < pdCount; i++) {
    const [baseName, affair] = PERANGKAT_DAERAH[i % PERANGKAT_DAERAH.length]!;
    const cycle = Math.floor(i / PERANGKAT_DAERAH.length);
    // past one full province the names repeat, so each later round reads as another kabupaten
    const place =
      cycle === 0
        ? ""
        : ` Kabupaten ${PLACE_HEADS[(cycle - 1) % PLACE_HEADS.length]}${PLACE_TAILS[Math.floor((cycle - 1) / PLACE_HEADS.length) % PLACE_TAILS.length]}`;
    pds.push({
      unit: {
        code: perangkatDaerahCode(unitCount, i + 1, prefix),
        name: `${baseName}${place}`,
        kind: "perangkat_daerah",
        echelon: ECHELON_BY_DEPTH[0]!,
        parentCode: null,
        depth: 0,
        legalBasis: { kind: "Peraturan Daerah", number: String(rng.int(1, 20)), year: rng.int(2016, 2023) },
      },
      pdIndex: i,
      setda: baseName === "Sekretariat Daerah",
      affair,
      topic: affair,
      children: [],
    });
  }

  // second-level units are handed out round-robin so every perangkat daerah gets a similar share
  let remaining = unitCount - pdCount;
  for (let turn = 0; remaining > 0; turn++) {
    const pd = pds[turn % pdCount]!;
    const index = pd.children.length + 1;
    const secretariat = index === 1 && !pd.setda;
    const topic = secretariat ? "Kesekretariatan" : rng.pick(BIDANG_TOPICS);
    const rule = { kind: "Peraturan Gubernur", number: String(rng.int(1, 120)), year: rng.int(2016, 2024) };
    const second: Node = {
      unit: {
        code: `${pd.unit.code}.B${pad(index, 2)}`,
        name: secretariat ? "Sekretariat" : `${pd.setda ? "Bagian" : "Bidang"} ${topic} ${pd.affair}`,
        kind: secretariat ? "sekretariat" : pd.setda ? "bagian" : "bidang",
        echelon: ECHELON_BY_DEPTH[1]!,
        parentCode: pd.unit.code,
        depth: 1,
        legalBasis: rule,
      },
      pdIndex: pd.pdIndex,
      setda: pd.setda,
      affair: pd.affair,
      topic,
      children: [],
    };
    pd.children.push(second);
    remaining--;
    const thirdCount = Math.min(remaining, rng.int(1, 4));
    for (let k = 1; k <= thirdCount; k++) {
      const sub = secretariat || second.unit.kind === "bagian";
      const subTopic = sub ? SUBBAGIAN_TOPICS[(k - 1) % SUBBAGIAN_TOPICS.length]! : rng.pick(SEKSI_TOPICS);
      second.children.push({
        unit: {
          code: `${second.unit.code}.S${pad(k, 2)}`,
          name: sub ? `Subbagian ${subTopic}` : `Seksi ${subTopic} ${pd.affair}`,
          kind: sub ? "subbagian" : "seksi",
          echelon: ECHELON_BY_DEPTH[2]!,
          parentCode: second.unit.code,
          depth: 2,
          legalBasis: rule,
        },
        pdIndex: pd.pdIndex,
        setda: pd.setda,
        affair: pd.affair,
        topic: subTopic,
        children: [],
      });
    }
    remaining -= thirdCount;
  }

  const nodes: Node[] = [];
  const walk = (n: Node) => {
    nodes.push(n);
    n.children.forEach(walk);
  };
  pds.forEach(walk);

  // one head per unit while the budget lasts, the rest scattered over all units
  const perUnit = new Array<number>(nodes.length).fill(0);
  const heads = Math.min(nodes.length, positionCount);
  for (let i = 0; i < heads; i++) perUnit[i] = 1;
  for (let i = heads; i < positionCount; i++) perUnit[rng.int(0, nodes.length - 1)]!++;

  const sentence = (topic: string) => `${rng.pick(VERBS)} ${rng.pick(OBJECTS)} di bidang ${lowerFirst(topic)} ${rng.pick(PURPOSES)}.`;
  const summaryOf = (first: string | null, topic: string) => {
    const parts = first ? [first] : [];
    const count = rng.int(1, 3) - parts.length;
    for (let i = 0; i < count; i++) parts.push(sentence(topic));
    // a three-sentence summary gets a paragraph break, so multi-paragraph rich text is covered too
    return parts.length === 3 ? `${parts[0]} ${parts[1]}\n\n${parts[2]}` : parts.join(" ");
  };

  const positions: BulkPosition[] = [];
  let fungsionalSeen = 0;
  nodes.forEach((node, index) => {
    const { unit } = node;
    for (let j = 0; j < perUnit[index]!; j++) {
      let group: PositionGroup;
      let functionalLevel: FunctionalLevel | null = null;
      let name: string;
      let lead: string | null = null;
      if (j === 0 && index < heads) {
        // the first two perangkat daerah carry the rare JPT groups so that every group occurs
        group =
          unit.depth === 0
            ? node.pdIndex === 0
              ? "jpt_madya"
              : node.pdIndex === 1
                ? "jpt_utama"
                : "jpt_pratama"
            : unit.depth === 1
              ? "administrator"
              : "pengawas";
        name = unit.depth === 0 && node.setda ? "Sekretaris Daerah" : unit.kind === "sekretariat" ? "Sekretaris" : `Kepala ${unit.name}`;
        lead = `Memimpin pelaksanaan tugas ${unit.name} dalam urusan ${lowerFirst(node.affair)}.`;
      } else if (rng.next() < 0.55) {
        group = "pelaksana";
        name = rng.pick(PELAKSANA_NAMES);
      } else {
        group = "fungsional";
        // the first eight run through every jenjang so even a small seed covers them all
        functionalLevel = fungsionalSeen < FUNCTIONAL_LEVELS.length ? FUNCTIONAL_LEVELS[fungsionalSeen]! : rng.pick(FUNCTIONAL_LEVELS);
        fungsionalSeen++;
        const skilled = functionalLevel.startsWith("ahli_");
        name = `${rng.pick(skilled ? KEAHLIAN_NAMES : KETERAMPILAN_NAMES)} ${FUNCTIONAL_LEVEL_LABELS[functionalLevel]}`;
      }
      positions.push({
        code: `${unit.code}.J${pad(j + 1, 3)}`,
        name,
        group,
        functionalLevel,
        unitCode: unit.code,
        governmentAffair: node.affair,
        summary: summaryOf(lead, node.topic),
        requiredHeadcount: lead ? 1 : rng.int(1, 8),
      });
    }
  });

  return { units: nodes.map((n) => n.unit), positions };
}

/**
 * Inserts the synthetic SOTK in one transaction with prepared statements (20 000 positions take
 * seconds, not the minutes the row-by-row ORM path would). Refuses when BULK- units already exist,
 * so a second run cannot mix two data sets.
 */
export function bulkSeed(db: Db, options: BulkSeedOptions): { units: number; positions: number } {
  const data = generateBulkSotk(options);
  const client = db.$client;
  const existing = client.prepare(`select code from org_units where code glob '${BULK_PREFIX}*' limit 1`).get() as
    | { code: string }
    | undefined;
  if (existing) {
    throw new Error(
      `Data sintetis sudah ada (unit ${existing.code}); hapus database atau gunakan database baru sebelum menjalankan seed:bulk lagi.`,
    );
  }
  const insertUnit = client.prepare(
    `insert into org_units (code, name, kind, echelon, parent_id, legal_basis_kind, legal_basis_number, legal_basis_year)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPosition = client.prepare(
    `insert into positions (code, name, "group", functional_level, unit_id, government_affair, summary_json, summary_text, required_headcount)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction((tx) => {
    const ids = new Map<string, number>();
    for (const u of data.units) {
      const parentId = u.parentCode === null ? null : ids.get(u.parentCode)!;
      const result = insertUnit.run(u.code, u.name, u.kind, u.echelon, parentId, u.legalBasis.kind, u.legalBasis.number, u.legalBasis.year);
      ids.set(u.code, Number(result.lastInsertRowid));
    }
    for (const p of data.positions) {
      insertPosition.run(
        p.code,
        p.name,
        p.group,
        p.functionalLevel,
        ids.get(p.unitCode)!,
        p.governmentAffair,
        JSON.stringify(plainTextToDoc(p.summary)),
        p.summary,
        p.requiredHeadcount,
      );
    }
    recordAudit(tx, {
      actorId: null,
      action: "seed.bulk",
      entityType: "system",
      summary: `Data sintetis dimuat: ${data.units.length} unit, ${data.positions.length} jabatan (seed ${options.seed ?? 1}).`,
    });
  });
  return { units: data.units.length, positions: data.positions.length };
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvOf(columns: readonly { name: string }[], rows: Record<string, string>[]): string {
  const lines = [columns.map((c) => c.name).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c.name] ?? "")).join(","));
  return `${lines.join("\n")}\n`;
}

/** The same synthetic data as the two import files of contract §6 (units, positions). */
export function bulkSotkCsv(options: BulkSeedOptions): { units: string; positions: string } {
  const data = generateBulkSotk(options);
  const units = data.units.map((u) => ({
    kode_unit: u.code,
    nama_unit: u.name,
    jenis_unit: u.kind,
    eselon: u.echelon,
    kode_unit_induk: u.parentCode ?? "",
    dasar_hukum: `${u.legalBasis.kind} Nomor ${u.legalBasis.number} Tahun ${u.legalBasis.year}`,
  }));
  const positions = data.positions.map((p) => ({
    kode_jabatan: p.code,
    nama_jabatan: p.name,
    kelompok_jabatan: p.group,
    jenjang: p.functionalLevel ?? "",
    kode_unit: p.unitCode,
    urusan_pemerintahan: p.governmentAffair,
    ikhtisar_jabatan: p.summary,
    kebutuhan: String(p.requiredHeadcount),
  }));
  return { units: csvOf(UNIT_COLUMNS, units), positions: csvOf(POSITION_COLUMNS, positions) };
}

/** Writes bulk-units.csv and bulk-positions.csv into `dir` and returns their paths. */
export function writeBulkSotkCsv(dir: string, options: BulkSeedOptions): { unitsFile: string; positionsFile: string } {
  fs.mkdirSync(dir, { recursive: true });
  const csv = bulkSotkCsv(options);
  const unitsFile = path.join(dir, "bulk-units.csv");
  const positionsFile = path.join(dir, "bulk-positions.csv");
  fs.writeFileSync(unitsFile, csv.units);
  fs.writeFileSync(positionsFile, csv.positions);
  return { unitsFile, positionsFile };
}

// ------------------------------------------------------------------ technical competency dictionary

export interface BulkCompetencyOptions {
  count: number;
  seed?: number;
}

export interface BulkCompetency {
  code: string;
  name: string;
  category: string;
  sourceKind: "instansi_pembina" | "daerah_lain" | "lokal";
  sourceReference: string;
  keywords: string[];
  definition: string;
  levels: { level: number; description: string; indicators: string[] }[];
}

const COMPETENCY_ACTIVITIES = [
  "Pengelolaan",
  "Perencanaan",
  "Pengawasan",
  "Pembinaan",
  "Penyusunan Kebijakan",
  "Analisis",
  "Evaluasi",
  "Pengendalian",
  "Fasilitasi",
  "Penyelenggaraan",
  "Pengembangan",
  "Pemantauan",
  "Koordinasi",
  "Verifikasi",
  "Penatausahaan",
  "Standardisasi",
  "Pemberdayaan",
  "Pelayanan",
  "Penilaian",
  "Penjaminan Mutu",
];
// [subject, category (urusan)]
const COMPETENCY_SUBJECTS: readonly (readonly [string, string])[] = [
  ["Arsip Dinamis", "Kearsipan"],
  ["Barang Milik Daerah", "Keuangan"],
  ["Keuangan Daerah", "Keuangan"],
  ["Pendapatan Daerah", "Keuangan"],
  ["Aset Daerah", "Keuangan"],
  ["Perizinan Berusaha", "Penanaman Modal"],
  ["Penanaman Modal", "Penanaman Modal"],
  ["Tata Ruang", "Pekerjaan Umum dan Penataan Ruang"],
  ["Jalan dan Jembatan", "Pekerjaan Umum dan Penataan Ruang"],
  ["Sumber Daya Air", "Pekerjaan Umum dan Penataan Ruang"],
  ["Air Minum", "Pekerjaan Umum dan Penataan Ruang"],
  ["Perumahan Rakyat", "Perumahan Rakyat dan Kawasan Permukiman"],
  ["Kawasan Permukiman", "Perumahan Rakyat dan Kawasan Permukiman"],
  ["Lingkungan Hidup", "Lingkungan Hidup"],
  ["Persampahan", "Lingkungan Hidup"],
  ["Ketahanan Pangan", "Pangan"],
  ["Perkebunan", "Pertanian"],
  ["Peternakan", "Pertanian"],
  ["Perikanan Budidaya", "Kelautan dan Perikanan"],
  ["Hutan Rakyat", "Kehutanan"],
  ["Destinasi Pariwisata", "Pariwisata"],
  ["Cagar Budaya", "Kebudayaan"],
  ["Perpustakaan", "Perpustakaan"],
  ["Pendidikan Menengah", "Pendidikan"],
  ["Pendidikan Khusus", "Pendidikan"],
  ["Layanan Kesehatan Primer", "Kesehatan"],
  ["Gizi Masyarakat", "Kesehatan"],
  ["Pengendalian Penyakit Menular", "Kesehatan"],
  ["Jaminan Sosial", "Sosial"],
  ["Rehabilitasi Sosial", "Sosial"],
  ["Perlindungan Anak", "Pemberdayaan Perempuan dan Perlindungan Anak"],
  ["Pengarusutamaan Gender", "Pemberdayaan Perempuan dan Perlindungan Anak"],
  ["Administrasi Kependudukan", "Administrasi Kependudukan dan Pencatatan Sipil"],
  ["Penempatan Tenaga Kerja", "Tenaga Kerja"],
  ["Hubungan Industrial", "Tenaga Kerja"],
  ["Koperasi", "Koperasi, Usaha Kecil, dan Menengah"],
  ["Usaha Mikro", "Koperasi, Usaha Kecil, dan Menengah"],
  ["Perdagangan Dalam Negeri", "Perdagangan"],
  ["Metrologi Legal", "Perdagangan"],
  ["Energi Baru Terbarukan", "Energi dan Sumber Daya Mineral"],
  ["Angkutan Jalan", "Perhubungan"],
  ["Keselamatan Lalu Lintas", "Perhubungan"],
  ["Statistik Sektoral", "Statistik"],
  ["Persandian", "Persandian"],
  ["Infrastruktur Teknologi Informasi", "Komunikasi dan Informatika"],
  ["Keterbukaan Informasi Publik", "Komunikasi dan Informatika"],
  ["Manajemen Kepegawaian", "Kepegawaian"],
  ["Produk Hukum Daerah", "Hukum"],
  ["Pengadaan Barang/Jasa", "Pengadaan"],
  ["Penanggulangan Bencana", "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat"],
];
const COMPETENCY_CONTEXTS = [
  "",
  "Berbasis Elektronik",
  "Tingkat Provinsi",
  "Lintas Sektor",
  "Berbasis Risiko",
  "Terpadu",
  "Partisipatif",
  "Berbasis Data",
  "Wilayah Perbatasan",
  "Kabupaten/Kota",
];
const COMPETENCY_SOURCES: readonly BulkCompetency["sourceKind"][] = ["instansi_pembina", "daerah_lain", "lokal"];
const DEFINITION_VERBS = ["merencanakan", "melaksanakan", "mengoordinasikan", "menganalisis", "mengevaluasi", "mengendalikan", "membina"];
const DEFINITION_PURPOSES = [
  "guna meningkatkan kualitas pelayanan publik",
  "sesuai ketentuan peraturan perundang-undangan",
  "untuk mendukung pencapaian sasaran strategis perangkat daerah",
  "dengan memperhatikan prinsip akuntabilitas dan transparansi",
  "agar pelayanan kepada masyarakat berjalan efektif dan efisien",
];
// what the holder can do at each level, from guided work (1) to setting the direction for the region (5)
const LEVEL_PATTERNS: readonly ((subject: string) => string)[] = [
  (s) => `Memahami konsep dasar dan ketentuan pokok ${s} serta melaksanakan tugas sederhana di bawah bimbingan.`,
  (s) => `Menerapkan prosedur dan metode ${s} secara mandiri pada satu unit kerja.`,
  (s) => `Menganalisis permasalahan ${s} lintas unit kerja dan merumuskan alternatif penyelesaiannya.`,
  (s) => `Mengevaluasi pelaksanaan kebijakan ${s} dan mengarahkan perbaikan pada tingkat perangkat daerah.`,
  (s) => `Merumuskan strategi dan kebijakan ${s} tingkat daerah serta menjadi rujukan bagi instansi lain.`,
];
const INDICATOR_VERBS: readonly (readonly string[])[] = [
  ["Menjelaskan", "Mengumpulkan", "Mencatat", "Mengidentifikasi"],
  ["Menyusun", "Menerapkan", "Menyiapkan", "Memverifikasi"],
  ["Menganalisis", "Mengkaji", "Membandingkan", "Merumuskan"],
  ["Mengevaluasi", "Mengarahkan", "Mengendalikan", "Menilai"],
  ["Menetapkan", "Merancang", "Mengintegrasikan", "Memprakarsai"],
];
const INDICATOR_OBJECTS = [
  "data dan informasi",
  "standar operasional prosedur",
  "rencana kerja dan anggaran",
  "laporan hasil pelaksanaan",
  "instrumen pemantauan",
  "rekomendasi perbaikan",
  "bahan perumusan kebijakan",
  "mekanisme pelayanan",
  "indikator kinerja",
  "hasil pengawasan",
];
const INDICATOR_TAILS = [
  "sesuai pedoman yang berlaku",
  "secara tepat waktu",
  "dengan melibatkan pemangku kepentingan",
  "berdasarkan data yang akurat",
  "untuk perbaikan kualitas pelayanan",
  "secara berkala",
];

// The setting a national dictionary adds (central agencies, special regions). Only a dictionary too big for
// the other three parts uses it, so the province-sized dictionaries, and the figures measured on them, stay as they were.
const COMPETENCY_SETTINGS = [
  "",
  "Tingkat Nasional",
  "Kementerian/Lembaga",
  "Wilayah Pesisir",
  "Daerah Tertinggal",
  "Kawasan Perkotaan",
  "Kawasan Perdesaan",
  "Berkelanjutan",
  "Adaptif Perubahan Iklim",
  "Inklusif",
  "Pascabencana",
  "Kawasan Industri",
];
const BASE_CAPACITY = COMPETENCY_ACTIVITIES.length * COMPETENCY_SUBJECTS.length * COMPETENCY_CONTEXTS.length;

/** The synthetic technical entries for `options`, without touching a database. Names are unique. */
export function generateBulkCompetencies({ count, seed = 1 }: BulkCompetencyOptions): BulkCompetency[] {
  checkCount(count, "kompetensi", 0);
  // past about half the combinations the retry loop below would crawl
  const settings = count > BASE_CAPACITY / 2 ? COMPETENCY_SETTINGS : [""];
  const capacity = BASE_CAPACITY * settings.length;
  if (count > capacity / 2) throw new Error(`Paling banyak ${capacity / 2} kompetensi sintetis (bukan ${count}).`);
  const rng = prng(seed);
  const width = Math.max(5, String(count).length);
  const names = new Set<string>();
  const entries: BulkCompetency[] = [];
  for (let i = 1; i <= count; i++) {
    let activity: string, subject: string, category: string, context: string, setting: string, name: string;
    do {
      activity = rng.pick(COMPETENCY_ACTIVITIES);
      [subject, category] = rng.pick(COMPETENCY_SUBJECTS);
      context = rng.pick(COMPETENCY_CONTEXTS);
      setting = settings.length > 1 ? rng.pick(settings) : "";
      name = [activity, subject, context, setting].filter(Boolean).join(" ");
    } while (names.has(name));
    names.add(name);
    const topic = [subject, context, setting].filter(Boolean).join(" ").toLowerCase();
    const sourceKind = rng.pick(COMPETENCY_SOURCES);
    entries.push({
      code: `${BULK_PREFIX}T.${pad(i, width)}`,
      name,
      category,
      sourceKind,
      sourceReference:
        sourceKind === "lokal" ? "Disusun oleh biro organisasi (data sintetis)" : `Kamus kompetensi teknis ${category} (data sintetis)`,
      keywords: [subject.toLowerCase(), activity.toLowerCase()],
      definition: `Kemampuan dalam ${rng.pick(DEFINITION_VERBS)} ${activity.toLowerCase()} ${topic} ${rng.pick(DEFINITION_PURPOSES)}.`,
      levels: LEVEL_PATTERNS.map((describe, index) => {
        // three different verbs per level, so no level repeats an indicator
        const verbs = INDICATOR_VERBS[index]!;
        const first = rng.int(0, verbs.length - 1);
        return {
          level: index + 1,
          description: describe(topic),
          indicators: [0, 1, 2].map(
            (k) =>
              `${verbs[(first + k) % verbs.length]} ${rng.pick(INDICATOR_OBJECTS)} ${subject.toLowerCase()} ${rng.pick(INDICATOR_TAILS)}.`,
          ),
        };
      }),
    });
  }
  return entries;
}

/**
 * Inserts `count` published technical entries (five levels of three indicators each) in one transaction
 * with prepared statements, then rebuilds competency_search once instead of refreshing entry by entry.
 * Refuses when BULK- entries already exist.
 */
export function bulkSeedCompetencies(db: Db, options: BulkCompetencyOptions): { competencies: number; levels: number; indicators: number } {
  const entries = generateBulkCompetencies(options);
  const client = db.$client;
  const existing = client.prepare(`select code from competencies where code glob '${BULK_PREFIX}*' limit 1`).get() as
    | { code: string }
    | undefined;
  if (existing) {
    throw new Error(`Kompetensi sintetis sudah ada (${existing.code}); gunakan database baru sebelum memuatnya lagi.`);
  }
  const insertEntry = client.prepare(
    `insert into competencies (code, type, name, category, is_fixed, source_kind, source_reference, keywords) values (?, 'teknis', ?, ?, 0, ?, ?, ?)`,
  );
  // written as drafts: the triggers refuse levels and indicators under a published revision
  const insertRevision = client.prepare(
    `insert into competency_revisions (competency_id, number, status, name, category, source_kind, source_reference, keywords, definition_json, definition_text, text_status)
     values (?, 1, 'draft', ?, ?, ?, ?, ?, ?, ?, 'lokal')`,
  );
  const insertLevel = client.prepare(`insert into competency_levels (revision_id, level, description) values (?, ?, ?)`);
  const insertIndicator = client.prepare(`insert into competency_indicators (level_id, ordinal, text) values (?, ?, ?)`);
  const publish = client.prepare(
    `update competency_revisions set status = 'diterbitkan', published_at = ? where status = 'draft'
     and competency_id in (select id from competencies where code glob '${BULK_PREFIX}*')`,
  );
  let levels = 0;
  let indicators = 0;
  db.transaction((tx) => {
    for (const e of entries) {
      const keywords = JSON.stringify(e.keywords);
      const entryId = insertEntry.run(e.code, e.name, e.category, e.sourceKind, e.sourceReference, keywords).lastInsertRowid;
      const definition = definitionColumns(definitionFromPlainText(e.definition));
      const revisionId = insertRevision.run(
        entryId,
        e.name,
        e.category,
        e.sourceKind,
        e.sourceReference,
        keywords,
        JSON.stringify(definition.definitionJson),
        definition.definitionText,
      ).lastInsertRowid;
      for (const l of e.levels) {
        const levelId = insertLevel.run(revisionId, l.level, l.description).lastInsertRowid;
        levels++;
        l.indicators.forEach((text, i) => {
          insertIndicator.run(levelId, i + 1, text);
          indicators++;
        });
      }
    }
    publish.run(new Date().toISOString());
    rebuildCompetencySearch(tx);
    recordAudit(tx, {
      actorId: null,
      action: "seed.bulk",
      entityType: "system",
      summary: `Kamus sintetis dimuat: ${entries.length} kompetensi teknis (seed ${options.seed ?? 1}).`,
    });
  });
  return { competencies: entries.length, levels, indicators };
}
