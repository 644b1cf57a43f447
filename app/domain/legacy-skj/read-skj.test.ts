import { describe, expect, it } from "vitest";
import { legacyDocument, isTechnical } from "./document";
import { readLegacySkj } from "./read-skj";
import { paragraphRow, type LegacyCell, type LegacyRow } from "./source";
import { parseEducationCombined, parseExperience, parseGroup, parseRank } from "./values";

/** A table row from texts; "^" marks the lower part of a vertical merge, a number after "|" a column span. */
function tableRow(table: number, ...texts: string[]): LegacyRow {
  let col = 0;
  const cells: LegacyCell[] = texts.map((t) => {
    const [text, span] = t.split("|");
    const cell: LegacyCell =
      text === "^" ? { text: "", col, span: Number(span ?? 1), continued: true } : { text: text!, col, span: Number(span ?? 1) };
    col += cell.span;
    return cell;
  });
  return { cells, table, page: null };
}

const MANAGERIAL = [
  "Integritas",
  "Kerja Sama",
  "Komunikasi",
  "Orientasi pada Hasil",
  "Pelayanan Publik",
  "Pengembangan Diri dan Orang Lain",
  "Mengelola Perubahan",
  "Pengambilan Keputusan",
];

/** One SKJ with unbordered identity lines, continuous numbering, one row per indicator and "3.1." numbers. */
function unborderedSkj(name: string, opts: { ticks?: string } = {}): LegacyRow[] {
  const tick = opts.ticks ?? "v";
  const competencyRows = (no: number, compName: string, level: number) => [
    tableRow(2, String(no), compName, String(level), `Deskripsi ${compName}`, `${level}.1.`, `Indikator satu ${compName};`),
    tableRow(2, "^", "^", "^", "^", `${level}.2.`, `Indikator dua ${compName}`),
  ];
  return [
    paragraphRow("STANDAR KOMPETENSI JABATAN"),
    paragraphRow("BADAN KEPEGAWAIAN DAERAH"),
    paragraphRow(`1. Nama Jabatan\t: ${name}`),
    paragraphRow("2. Kelompok Jabatan\t: Jabatan Fungsional"),
    paragraphRow("3. Urusan Pemerintahan\t: Kepegawaian"),
    paragraphRow("4. Kode Jabatan\t: -"),
    paragraphRow("I. IKHTISAR JABATAN"),
    paragraphRow("Melakukan analisis"),
    paragraphRow("sumber daya manusia aparatur."),
    paragraphRow("II. STANDAR KOMPETENSI"),
    tableRow(2, "No", "Kompetensi", "Level", "Diskripsi", "Indikator Kompetensi|2"),
    tableRow(2, "A. Kompetensi Manajerial|6"),
    ...MANAGERIAL.flatMap((m, i) => competencyRows(i + 1, m, 3)),
    tableRow(2, "B. Kompetensi Sosial Kultural|6"),
    ...competencyRows(9, "Perekat Bangsa", 3),
    tableRow(2, "C. Kompetensi Teknis|6"),
    ...competencyRows(10, "Analisis Sumber Daya Manusia Aparatur", 3),
    ...competencyRows(11, "Manajemen Kepegawaian", 3),
    paragraphRow("III. PERSYARATAN JABATAN"),
    tableRow(3, "No", "Jenis Persyaratan", "Uraian", "Tingkat Pentingnya terhadap Jabatan|3"),
    tableRow(3, "^", "^", "^", "Mutlak", "Penting", "Perlu"),
    tableRow(3, "1.", "Pendidikan", "S-1/D-IV Ilmu Pemerintahan, Administrasi Negara", tick, "", ""),
    tableRow(3, "2.", "Pelatihan", "", "", "", ""),
    tableRow(3, "", "a. Manajerial", "-", "", "", ""),
    tableRow(3, "", "b. Teknis", "1. Pelatihan Analisis Jabatan\n2. Pelatihan Manajemen ASN", "", tick, ""),
    tableRow(3, "", "c. Fungsional", "Pelatihan Fungsional Analis SDM Aparatur", "", "", tick),
    tableRow(3, "3.", "Pengalaman Kerja", "- Analis SDM Aparatur Ahli Pertama sekurang-kurangnya 2 (dua) tahun", tick, "", ""),
    tableRow(3, "4.", "Pangkat/Golongan Ruang", "Penata Tingkat I (III/d)", "", tick, ""),
    tableRow(3, "5.", "Indikator Kinerja Jabatan", "Jumlah kajian SDM", tick, "", ""),
    paragraphRow("Ditetapkan di Lembah"),
    paragraphRow("BUPATI LEMBAH PERMAI"),
  ];
}

describe("legacy SKJ reader", () => {
  it("reads unbordered identity lines, one row per indicator, continuous numbering and a one-row education", () => {
    const [read] = readLegacySkj(unborderedSkj("Analis Sumber Daya Manusia Aparatur Ahli Muda"));
    const { document, problems } = legacyDocument(read!);
    expect(problems).toEqual([]);
    expect(read!.headerLines).toEqual(["BADAN KEPEGAWAIAN DAERAH"]);
    expect(document.position).toMatchObject({
      name: "Analis Sumber Daya Manusia Aparatur Ahli Muda",
      group: "fungsional",
      functionalLevel: "ahli_muda",
      governmentAffair: "Kepegawaian",
      jobCode: null,
      summary: "Melakukan analisis sumber daya manusia aparatur.",
    });
    expect(document.competencies.filter((c) => !isTechnical(c))).toEqual([
      ...["M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08", "SK.01"].map((code) => ({ code, level: 3 })),
    ]);
    expect(document.competencies.filter(isTechnical)).toEqual([
      {
        code: null,
        name: "Analisis Sumber Daya Manusia Aparatur",
        level: 3,
        description: "Deskripsi Analisis Sumber Daya Manusia Aparatur",
        indicators: ["Indikator satu Analisis Sumber Daya Manusia Aparatur;", "Indikator dua Analisis Sumber Daya Manusia Aparatur"],
      },
      {
        code: null,
        name: "Manajemen Kepegawaian",
        level: 3,
        description: "Deskripsi Manajemen Kepegawaian",
        indicators: ["Indikator satu Manajemen Kepegawaian;", "Indikator dua Manajemen Kepegawaian"],
      },
    ]);
    expect(document.requirements).toEqual({
      rank: "III/d",
      education: [
        { level: "S-1", fields: ["Ilmu Pemerintahan", "Administrasi Negara"] },
        { level: "D-IV", fields: ["Ilmu Pemerintahan", "Administrasi Negara"] },
      ],
      training: {
        managerial: [],
        technical: ["Pelatihan Analisis Jabatan", "Pelatihan Manajemen ASN"],
        functional: ["Pelatihan Fungsional Analis SDM Aparatur"],
      },
      experience: [{ description: "Analis SDM Aparatur Ahli Pertama", minYears: 2 }],
      performanceIndicators: ["Jumlah kajian SDM"],
      importance: {
        educationLevel: "mutlak",
        educationFields: "mutlak",
        trainingTechnical: "penting",
        trainingFunctional: "perlu",
        experience: "mutlak",
        rank: "penting",
        performanceIndicators: "mutlak",
      },
    });
  });

  it("finds each SKJ of a book and skips its cover and table of contents", () => {
    const book = [
      paragraphRow("LAMPIRAN PERATURAN BUPATI LEMBAH PERMAI NOMOR 12 TAHUN 2023", 1),
      paragraphRow("TENTANG STANDAR KOMPETENSI JABATAN DI LINGKUNGAN PEMERINTAH KABUPATEN", 1),
      paragraphRow("DAFTAR ISI", 2),
      paragraphRow("Analis SDM Aparatur Ahli Muda ........ 3", 2),
      paragraphRow("Analis SDM Aparatur Ahli Pertama ........ 5", 2),
      ...unborderedSkj("Analis SDM Aparatur Ahli Muda").map((r) => ({ ...r, page: 3 })),
      ...unborderedSkj("Analis SDM Aparatur Ahli Pertama", { ticks: "√" }).map((r) => ({ ...r, page: 5 })),
    ];
    const reads = readLegacySkj(book);
    expect(reads.map((r) => [r.identity.name, r.source.page])).toEqual([
      ["Analis SDM Aparatur Ahli Muda", 3],
      ["Analis SDM Aparatur Ahli Pertama", 5],
    ]);
    expect(reads.map((r) => legacyDocument(r).document.requirements.importance?.rank)).toEqual(["penting", "penting"]);
  });

  it("reads one cell per level with per-group numbering and X ticks, and a bordered identity table", () => {
    const rows = [
      paragraphRow("STANDAR KOMPETENSI JABATAN"),
      tableRow(1, "Nama Jabatan", ":", "Camat"),
      tableRow(1, "Kelompok Jabatan", ":", "Administrator"),
      paragraphRow("IKHTISAR JABATAN"),
      paragraphRow("Memimpin kecamatan."),
      paragraphRow("STANDAR KOMPETENSI"),
      tableRow(2, "No.", "Kompetensi", "Level", "Deskripsi", "Indikator Kompetensi"),
      tableRow(2, "A. Manajerial|5"),
      tableRow(2, "1", "Integritas", "3", "Desk", "3.1 Satu\n3.2 Dua yang panjang\nsambungan baris\n3.3 Tiga"),
      tableRow(2, "C. Teknis|5"),
      tableRow(2, "1", "Penyelenggaraan Pemerintahan Kecamatan", "3", "Desk teknis", "- Mengoordinasikan\n- Membina"),
      paragraphRow("PERSYARATAN JABATAN"),
      tableRow(3, "No", "Jenis Persyaratan", "Uraian", "Mutlak", "Penting", "Perlu"),
      tableRow(3, "4", "Pangkat", "Pembina, IV/a", "", "X", ""),
      tableRow(3, "6", "Kesehatan", "Sehat jasmani", "X", "", ""),
    ];
    const [read] = readLegacySkj(rows);
    const { document, problems } = legacyDocument(read!);
    expect(document.position).toMatchObject({ name: "Camat", group: "administrator" });
    expect(document.competencies).toEqual([
      { code: "M.01", level: 3 },
      {
        code: null,
        name: "Penyelenggaraan Pemerintahan Kecamatan",
        level: 3,
        description: "Desk teknis",
        indicators: ["Mengoordinasikan", "Membina"],
      },
    ]);
    expect(read!.competencies[0]!.indicators).toEqual(["Satu", "Dua yang panjang sambungan baris", "Tiga"]);
    expect(document.requirements.rank).toBe("IV/a");
    expect(document.requirements.importance).toEqual({ rank: "penting" });
    // nothing the file held is dropped silently
    expect(problems.map((p) => p.message)).toContain('Baris persyaratan tidak dikenali: "6 Kesehatan Sehat jasmani X".');
  });

  it('takes a Unit Kerja line as the unit, and "Jabatan" as the name only before a colon', () => {
    const rows = [
      paragraphRow("Jabatan : Kepala Seksi Pelayanan"),
      paragraphRow("Unit Kerja : Dinas Kesehatan"),
      paragraphRow("IKHTISAR JABATAN"),
      paragraphRow("Jabatan pelaksana di bidang pelayanan."),
    ];
    const reads = readLegacySkj(rows);
    expect(reads).toHaveLength(1);
    expect(reads[0]!.identity).toEqual({ name: "Kepala Seksi Pelayanan", unit: "Dinas Kesehatan" });
    expect(reads[0]!.summary).toBe("Jabatan pelaksana di bidang pelayanan.");
  });

  it("reports a printed managerial row that is no regulation competency instead of storing it", () => {
    const rows = [
      paragraphRow("Nama Jabatan : Lurah"),
      paragraphRow("II. STANDAR KOMPETENSI"),
      tableRow(2, "No", "Kompetensi", "Level", "Deskripsi", "Indikator"),
      tableRow(2, "A. Manajerial|5"),
      tableRow(2, "1", "Kepemimpinan Visioner", "3", "x", "3.1 y"),
    ];
    const { document, problems } = legacyDocument(readLegacySkj(rows)[0]!);
    expect(document.competencies).toEqual([]);
    expect(problems.some((p) => p.path === "competencies[0]" && p.message.includes("Kepemimpinan Visioner"))).toBe(true);
  });
});

describe("legacy SKJ values", () => {
  it.each([
    ["Penata Tingkat I (III/d)", "III/d"],
    ["Pembina Utama Muda, IV/c", "IV/c"],
    ["III.b", "III/b"],
    ["Pengatur Muda Tingkat I", "II/b"],
    ["Pembina Utama", "IV/e"],
    ["tidak ada", null],
  ])("rank %s → %s", (text, code) => expect(parseRank(text)).toBe(code));

  it.each([
    ["S-1/D-IV Ilmu Pemerintahan, Administrasi Negara", ["S-1", "D-IV"], ["Ilmu Pemerintahan", "Administrasi Negara"]],
    ["S1 / DIV Ilmu Sosial dan Politik", ["S-1", "D-IV"], ["Ilmu Sosial dan Politik"]],
    ["SLTA/Sederajat", ["SMA"], []],
    ["Diploma III Akuntansi; Manajemen", ["D-III"], ["Akuntansi", "Manajemen"]],
  ])("education %s", (text, levels, fields) => expect(parseEducationCombined(text)).toEqual({ levels, fields }));

  it.each([
    ["Jabatan Pengawas di bidang pemerintahan minimal 3 tahun", "Jabatan Pengawas di bidang pemerintahan", 3],
    ["Pengalaman di bidang pendidikan paling singkat 5 (lima) tahun", "Pengalaman di bidang pendidikan", 5],
    ["Analis Kebijakan Ahli Pertama (paling singkat 2 tahun)", "Analis Kebijakan Ahli Pertama", 2],
    ["Pernah bertugas di kecamatan", "Pernah bertugas di kecamatan", null],
  ])("experience %s", (line, description, minYears) => expect(parseExperience(line)).toEqual({ description, minYears }));

  it.each([
    ["Jabatan Pimpinan Tinggi Pratama", "", "jpt_pratama", null],
    ["JPT Madya", "", "jpt_madya", null],
    ["Jabatan Fungsional", "Analis Kebijakan Ahli Muda", "fungsional", "ahli_muda"],
    ["Jabatan Fungsional Keterampilan Mahir", "Arsiparis", "fungsional", "mahir"],
    ["Pelaksana", "Pengadministrasi", "pelaksana", null],
  ])("group %s", (text, name, group, functionalLevel) => expect(parseGroup(text, name)).toEqual({ group, functionalLevel }));
});
