// The SKJ of functional positions in a legacy SKJ book as national JF standards (docs/decisions/036): an SKJ whose
// position is named "<JF> <jenjang>" (the name key of docs/decisions/028) gives that JF and jenjang its levels and
// technical competencies, matched to the dictionary by name as the legacy import matches them. The act and the
// instansi pembina are not printed in books: the user types them once for the upload.
import { MANDATORY_TECHNICAL_CODE, REGULATION_CODES } from "./dictionary";
import type { JfStandardBook, SkippedSkj } from "./jf-standard-import";
import { jfMatchKey, jfStandardTitle, normaliseJfName, type JfStandardInput } from "./jf-standard";
import { GROUP_LABELS, FUNCTIONAL_LEVEL_LABELS } from "./labels";
import { describeSource, isTechnical, type LegacyDocument, type LegacySource } from "./legacy-skj/document";
import { matchTechnicals, technicalIndex, type DictionaryEntry } from "./legacy-skj/match";
import { squash } from "./legacy-skj/text";
import { STANDARD_LEVEL_NAMES } from "./settings";
import type { ImportError } from "./sotk-import";
import { FUNCTIONAL_LEVELS, type FunctionalLevel } from "./sotk";

export interface BookSkj {
  source: LegacySource;
  document: LegacyDocument;
}

/** "Perawat Penyelia" → Perawat, penyelia; null when the name does not end in a jenjang. */
export function jfOfPositionName(name: string): { jf: string; jenjang: FunctionalLevel } | null {
  const words = squash(name).split(" ");
  for (const jenjang of FUNCTIONAL_LEVELS) {
    const label = FUNCTIONAL_LEVEL_LABELS[jenjang]!.split(" ");
    if (words.length <= label.length) continue;
    if (normaliseJfName(words.slice(-label.length).join(" ")) !== normaliseJfName(label.join(" "))) continue;
    // "Perawat - Penyelia": the dash belongs to neither
    const jf = words
      .slice(0, -label.length)
      .join(" ")
      .replace(/[^\p{L}\p{N})]+$/u, "");
    return jf ? { jf, jenjang } : null;
  }
  return null;
}

const technicalKey = (value: JfStandardInput) =>
  JSON.stringify([value.levels, [...value.technical].sort((a, b) => a.code.localeCompare(b.code))]);

/**
 * The standards a book holds, one per JF and jenjang. An SKJ of a JF that cannot become a standard is an error
 * (the import is all or nothing); an SKJ that is no JF's is skipped, as is a JF printed again identically (a
 * book prints one SKJ per unit).
 */
export function jfStandardBook(
  fileName: string,
  skjs: readonly BookSkj[],
  dictionary: { published: readonly DictionaryEntry[]; unpublished: readonly DictionaryEntry[] },
  act: { legalBasis: string; instansiPembina: string },
): JfStandardBook {
  const book: JfStandardBook = { format: "book", fileName, items: [], errors: [], skipped: [] };
  const first = new Map<string, { where: string; value: JfStandardInput }>();
  const published = technicalIndex(dictionary.published);
  const unpublished = technicalIndex(dictionary.unpublished);
  for (const skj of skjs) {
    const { position } = skj.document;
    const where = `${describeSource(skj.source)}, SKJ ${position.name || "tanpa nama"}`;
    const skip = (reason: string) =>
      book.skipped.push({ where: describeSource(skj.source), name: position.name, reason } satisfies SkippedSkj);
    const named = jfOfPositionName(position.name);
    if (position.group && position.group !== "fungsional") {
      skip(`${GROUP_LABELS[position.group] ?? position.group}, bukan jabatan fungsional`);
      continue;
    }
    if (!named) {
      skip("nama jabatan tidak berakhir dengan jenjang jabatan fungsional");
      continue;
    }
    const errors: ImportError[] = [];
    const err = (column: string, message: string) => errors.push({ file: where, row: 0, column, message });
    if (position.functionalLevel && position.functionalLevel !== named.jenjang)
      err(
        "kelompok jabatan",
        `Jenjang tercetak ${FUNCTIONAL_LEVEL_LABELS[position.functionalLevel]}, tetapi nama jabatan menyebut ${FUNCTIONAL_LEVEL_LABELS[named.jenjang]}.`,
      );

    const levels: Record<string, number> = {};
    for (const c of skj.document.competencies) if (!isTechnical(c) && !(c.code in levels)) levels[c.code] = c.level;
    for (const code of REGULATION_CODES)
      if (!(code in levels))
        err(
          code,
          `Kompetensi ${code} (${STANDARD_LEVEL_NAMES[code]}) tidak ditemukan di SKJ ini; standar memuat level M.01–M.08 dan SK.01.`,
        );

    const technical: { code: string; level: number }[] = [];
    for (const c of matchTechnicals(skj.document, published, unpublished).document.competencies) {
      if (!isTechnical(c)) continue;
      if (!c.code)
        err(
          "kompetensi teknis",
          `Kompetensi teknis "${c.name}" (level ${c.level}) tidak ada di kamus. Tambahkan dan terbitkan entrinya di Kamus Kompetensi, lalu impor lagi.`,
        );
      // T.OTDA is what a regional government adds, not what the instansi pembina sets; its drafts get it anyway
      else if (c.code !== MANDATORY_TECHNICAL_CODE) technical.push({ code: c.code, level: c.level });
    }
    if (errors.length > 0) {
      book.errors.push(...errors);
      continue;
    }

    const value: JfStandardInput = {
      jf: named.jf,
      jenjang: named.jenjang,
      instansiPembina: act.instansiPembina,
      legalBasis: act.legalBasis,
      levels: levels as JfStandardInput["levels"],
      technical,
      verified: false,
      example: false,
    };
    const key = jfMatchKey(named.jf, named.jenjang);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, { where, value });
      book.items.push({ value, origin: { file: where, row: 0, technicalColumn: "kompetensi teknis" } });
    } else if (technicalKey(earlier.value) === technicalKey(value)) skip(`sama dengan SKJ di ${earlier.where}`);
    else
      err(
        "SKJ",
        `Standar ${jfStandardTitle(named)} tercetak juga di ${earlier.where} dengan level atau kompetensi teknis lain; setiap JF dan jenjang hanya mempunyai satu standar. Sisihkan salah satunya dari berkas.`,
      );
    book.errors.push(...errors);
  }
  if (book.items.length === 0 && book.errors.length === 0)
    book.errors.push({
      file: fileName,
      row: 0,
      column: "berkas",
      message: `Tidak ada SKJ jabatan fungsional (nama "<JF> <jenjang>", mis. "Perawat Penyelia") di berkas ini; ${book.skipped.length} SKJ dilewati.`,
    });
  return book;
}
