// A print model that takes every branch of the printed SKJ's template: the regulation's header and signature,
// an example text, rows long enough to split across pages and short ones, lists of none, one and several items,
// a chosen importance and none. Its markup stands for the template in the key of kept bundle pages (ADR 030):
// a change to the template or its stylesheet changes this markup, so pages printed before are not joined.
import type { SkjPrintModel } from "./skj-print";

const LONG_TEXT = Array.from({ length: 40 }, (_, i) => `Kalimat ${i + 1} yang cukup panjang untuk memenuhi beberapa baris cetak.`).join(
  " ",
);

export const PRINT_SPECIMEN: SkjPrintModel = {
  identity: {
    name: "Nama Jabatan",
    group: "Kelompok",
    governmentAffair: "Urusan",
    code: "KODE",
    jobCode: "1.2.3",
    unitPath: "Unit — Subunit",
    summary: "Ikhtisar.",
  },
  groups: [
    {
      title: "A. Manajerial",
      rows: [
        {
          no: 1,
          code: "M1",
          name: "Kompetensi",
          level: 3,
          description: "Deskripsi",
          indicators: [{ number: "3.1", text: "Indikator" }],
          example: true,
        },
      ],
    },
    {
      title: "C. Teknis",
      rows: [
        {
          no: 1,
          code: "T1",
          name: "Kompetensi panjang",
          level: 2,
          description: LONG_TEXT,
          indicators: [
            { number: "2.1", text: LONG_TEXT },
            { number: "2.2", text: "Indikator" },
          ],
          example: false,
        },
      ],
    },
  ],
  requirements: [
    { kind: "heading", no: "1.", label: "Pendidikan" },
    { kind: "row", no: "a.", label: "Jenjang", sub: true, items: [], importance: null },
    { kind: "row", no: "b.", label: "Bidang Ilmu", sub: true, items: ["Satu"], importance: "mutlak" },
    { kind: "row", no: "3.", label: "Pengalaman Kerja", sub: false, items: ["Satu", LONG_TEXT], importance: "perlu" },
  ],
  draft: false,
  lampiran: { kind: "PERATURAN", region: "WILAYAH", number: "1", year: 2026, title: "JUDUL" },
  signature: { signedOn: null, title: "Jabatan", name: null, place: "Tempat" },
};
