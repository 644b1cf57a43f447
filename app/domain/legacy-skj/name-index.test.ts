import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FUZZ } from "../../../tests/fixtures/skj-arbitraries";
import { nameSimilarity } from "../similarity";
import { compactName, NameIndex } from "./name-index";

// words of real position and competency names, with close spellings and function words among them
const WORDS = [
  "analis",
  "analisa",
  "analisis",
  "sumber",
  "daya",
  "manusia",
  "aparatur",
  "ahli",
  "muda",
  "madya",
  "pertama",
  "pengelola",
  "pengelolaan",
  "keuangan",
  "kepegawaian",
  "umum",
  "dan",
  "kepala",
  "subbagian",
  "sub",
  "bagian",
  "seksi",
  "perencanaan",
  "perencana",
  "arsip",
  "kearsipan",
  "aset",
  "pranata",
  "komputer",
  "terampil",
  "mahir",
];
const nameOf = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 6 }).map((w) => w.join(" "));
const casing = (name: string) => name.toUpperCase().replace(/ /g, "  ");

/** The pairwise scan the index replaces: every name compared with the printed one. */
function scan(names: readonly string[], printed: string, min: number) {
  return names.flatMap((name, order) => {
    const score = compactName(name) === compactName(printed) ? 1 : nameSimilarity(printed, name).score;
    return score >= min ? [{ order, score }] : [];
  });
}

describe("name index", () => {
  it("answers exactly what comparing the printed name with every name answers", () => {
    fc.assert(
      fc.property(fc.array(nameOf, { minLength: 1, maxLength: 60 }), nameOf, fc.constantFrom(0.6, 0.85), (names, printed, min) => {
        const index = new NameIndex(names.map((name) => ({ name })));
        const found = index.matches(printed, min).map(({ order, score }) => ({ order, score }));
        expect(found.sort((a, b) => a.order - b.order)).toEqual(scan(names, printed, min));
      }),
      FUZZ,
    );
  });

  it("finds the one true name among thousands of similar ones, spelled differently", () => {
    const names = Array.from({ length: 3000 }, (_, i) => `Analis ${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} Ahli ${i}`);
    names.push("Analis Sumber Daya Manusia Aparatur Ahli Muda");
    const index = new NameIndex(names.map((name, code) => ({ name, code })));
    const best = index.matches(casing("Analisa Sumber Daya Manusia Aparatur Ahli Muda"), 0.85);
    expect(best.map((m) => m.entry.code)).toEqual([3000]);
  });

  it("finds a name written as one word or two, and a name added after the index was made", () => {
    const index = new NameIndex([{ name: "Kepala Subbagian Umum" }]);
    expect(index.matches("KEPALA SUB BAGIAN UMUM", 0.85).map((m) => m.score)).toEqual([1]);
    expect(index.matches("Pengelolaan Kearsipan", 0.85)).toEqual([]);
    index.add({ name: "Pengelolaan Arsip dan Kearsipan" });
    expect(index.matches("Pengelolaan Kearsipan", 0.6).map((m) => m.entry.name)).toEqual(["Pengelolaan Arsip dan Kearsipan"]);
  });
});
