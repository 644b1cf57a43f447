// One dictionary search for the dictionary page, the API and the SKJ editor's picker, with Indonesian root
// words (issue 15 item 6), and the register and the duplicate-name warning normalised the same way.
import { beforeEach, describe, expect, it } from "vitest";
import { definitionFromPlainText } from "~/domain/dictionary";
import { parseRegisterQuery } from "~/domain/register-filter";
import { highlightParts } from "~/domain/search-highlight";
import { loader as apiLoader } from "~/routes/api.v1.competencies";
import { loader as pickerLoader } from "~/routes/kamus.pilih";
import { loadRegister } from "~/services/register.server";
import type { Db } from "~db/client.server";
import { createApiToken } from "~db/queries/api-tokens.server";
import { addRevision, findCompetencyByCode, insertCompetency } from "~db/queries/competencies.server";
import { refreshCompetencySearch, searchDictionary, similarCompetencyNames } from "~db/queries/dictionary-search.server";
import { savePosition } from "~db/queries/positions.server";
import { findUserByEmail } from "~db/queries/users.server";
import { BASE, cookieFor, get, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

interface PickerEntry {
  code: string;
  match?: { snippet: string; matchedIn: string };
}

let db: Db;
let token: string;
let cookie: string;
beforeEach(async () => {
  db = await useTestDatabase("demo");
  const viewer = findUserByEmail(db, "viewer@demo.go.id")!;
  token = createApiToken(db, { userId: viewer.id, name: "uji pencarian", scopes: ["skj:read"] }, null).token;
  cookie = await cookieFor("analis@demo.go.id");
});

async function api(q: string, extra = ""): Promise<{ items: { code: string }[]; nextCursor: string | null }> {
  const response = await run(
    apiLoader,
    new Request(`${BASE}/api/v1/competencies?q=${encodeURIComponent(q)}${extra}`, { headers: { Authorization: `Bearer ${token}` } }),
  );
  expect(response.status).toBe(200);
  return JSON.parse(response.body as string);
}

async function picker(q: string): Promise<PickerEntry[]> {
  const response = await run(pickerLoader, get(`/kamus/pilih?q=${encodeURIComponent(q)}`, cookie));
  expect(response.status).toBe(200);
  return (response.body as { entries: PickerEntry[] }).entries;
}

const dictionary = (q: string) => searchDictionary(db, { q, pageSize: 20 }).rows;
const codes = (rows: { code: string }[]) => rows.map((r) => r.code);
const marked = (snippet: string | undefined) =>
  highlightParts(snippet ?? "")
    .filter((p) => p.match)
    .map((p) => p.text);

function publishEntry(code: string, name: string, indicators: string[]) {
  const id = insertCompetency(db, { code, type: "teknis", name, category: "Uji Pencarian", sourceKind: "lokal" });
  const levels = [1, 2, 3, 4, 5].map((level) => ({ level, description: `Uraian level ${level}.`, indicators }));
  addRevision(db, id, {
    definition: definitionFromPlainText("Kemampuan yang diuji."),
    textStatus: "lokal",
    levels,
    publish: true,
    actorId: null,
  });
  refreshCompetencySearch(db, id);
}

describe("one dictionary search", () => {
  it("the API and the picker find an entry by a word that occurs only in one of its indicators, and the picker marks it", async () => {
    // "wawancara" is in one indicator of T.ANJAB and in no other text of the demo dictionary
    expect(codes((await api("wawancara")).items)).toEqual(["T.ANJAB"]);
    const [entry, ...others] = await picker("wawancara");
    expect(others).toEqual([]);
    expect(entry).toMatchObject({ code: "T.ANJAB", match: { matchedIn: "indicators" } });
    expect(marked(entry!.match!.snippet)).toEqual(["wawancara"]);
    // found by its code or name, the entry needs no explanation
    expect((await picker("analisis jabatan"))[0]).toEqual(expect.not.objectContaining({ match: expect.anything() }));
  });

  it("finds words with affixes by their root words, as the issue asks", async () => {
    // neither "arsip" nor "kelola" occurs in this entry as a word or the start of one
    publishEntry("UJI.KRS", "Pengelolaan Kearsipan Dinamis", [
      "Menata berkas aktif.",
      "Mencatat peminjaman berkas.",
      "Menyusun daftar berkas.",
    ]);
    for (const search of [dictionary, async (q: string) => (await api(q)).items, picker]) {
      expect(codes(await search("arsip"))).toContain("UJI.KRS");
      expect(codes(await search("kelola"))).toContain("UJI.KRS");
      expect(codes(await search("pengelolaan arsip"))).toContain("UJI.KRS");
      expect(codes(await search("arsip"))).toContain("T.ARSIP"); // Pengelolaan Kearsipan
      expect(codes(await search("kelola"))).toEqual(expect.arrayContaining(["T.ARSIP", "T.KEUANGAN-DAERAH"])); // Pengelolaan …
      expect(codes(await search("rencana"))).toContain("T.PERENCANAAN");
      expect(codes(await search("pegawai"))).toContain("T.MANAJEMEN-ASN"); // kata kunci: kepegawaian
    }
    // a root-word match is marked on the word as written
    const found = dictionary("kelola arsip").find((r) => r.code === "UJI.KRS");
    expect(found).toMatchObject({ matchedIn: "name" });
    expect(marked(found!.snippet)).toEqual(["Pengelolaan", "Kearsipan"]);
  });

  it("ranks the expected entry first or near the top, the same way on the dictionary page, in the API and in the picker", async () => {
    publishEntry("UJI.ARSIP-DINAMIS", "Penataan Arsip Dinamis", [
      "Menata berkas aktif.",
      "Mencatat peminjaman berkas.",
      "Menyusun daftar berkas.",
    ]);
    // the root "kelola" fifteen times in the indicators, never in the name
    publishEntry("UJI.SPASIAL", "Penataan Data Spasial", ["Mengelola data spasial.", "Mengelola peta dasar.", "Mengelola basis data."]);
    const expectations: { q: string; first?: string; top3?: string[]; before?: [string, string] }[] = [
      { q: "arsip", top3: ["T.ARSIP", "UJI.ARSIP-DINAMIS"], before: ["T.ARSIP", "T.RB"] }, // name by root above an indicator
      { q: "kearsipan", first: "T.ARSIP", before: ["T.ARSIP", "UJI.ARSIP-DINAMIS"] }, // as written above by root only
      { q: "pengelolaan arsip", first: "T.ARSIP" },
      { q: "pengelolaan keuangan", first: "T.KEUANGAN-DAERAH" },
      { q: "rencana", first: "T.PERENCANAAN" },
      { q: "pengawasan", first: "T.PENGAWASAN" },
      { q: "analisis jabatan", first: "T.ANJAB", before: ["T.ABK", "T.MANAJEMEN-ASN"] },
      { q: "kelola", top3: ["T.ARSIP", "T.KEUANGAN-DAERAH"], before: ["T.KEUANGAN-DAERAH", "UJI.SPASIAL"] },
      { q: "kepegawaian", top3: ["T.MANAJEMEN-ASN"] },
    ];
    const misses: string[] = [];
    for (const { q, first, top3, before } of expectations) {
      const order = codes(searchDictionary(db, { q, type: "teknis", pageSize: 20 }).rows);
      expect(codes((await api(q, "&type=teknis&limit=20")).items), q).toEqual(order);
      expect(codes(await picker(q)), q).toEqual(order);
      if (first && order[0] !== first) misses.push(`${q}: ${first} pertama, bukan ${order[0]}`);
      for (const code of top3 ?? [])
        if (!order.slice(0, 3).includes(code)) misses.push(`${q}: ${code} tidak di tiga teratas (${order.join(", ")})`);
      if (
        before &&
        !(order.indexOf(before[0]) >= 0 && (order.indexOf(before[1]) < 0 || order.indexOf(before[0]) < order.indexOf(before[1])))
      ) {
        misses.push(`${q}: ${before[0]} tidak sebelum ${before[1]} (${order.join(", ")})`);
      }
    }
    expect(misses).toEqual([]);
  });

  it("walks the API's pages of a search in rank order without repeats or gaps", async () => {
    const all = codes((await api("kelola")).items);
    expect(all.length).toBeGreaterThan(4);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof api>> = await api("kelola", `&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      walked.push(...codes(page.items));
      cursor = page.nextCursor;
    } while (cursor && walked.length <= all.length);
    expect(walked).toEqual(all);
  });

  it("searches published texts in the API and the picker, and the latest revision on the dictionary page", async () => {
    const anjab = findCompetencyByCode(db, "T.ANJAB")!;
    const levels = [1, 2, 3, 4, 5].map((level) => ({
      level,
      description: `Uraian level ${level}.`,
      indicators: ["Memandu lokakarya peta jabatan."],
    }));
    addRevision(db, anjab.id, {
      definition: definitionFromPlainText("Draf baru."),
      textStatus: "lokal",
      levels,
      publish: false,
      actorId: null,
    });
    refreshCompetencySearch(db, anjab.id);
    expect(codes(dictionary("lokakarya"))).toEqual(["T.ANJAB"]);
    expect((await api("lokakarya")).items).toEqual([]);
    expect(await picker("lokakarya")).toEqual([]);
    // the published revision still answers for its own words
    expect(codes((await api("wawancara")).items)).toEqual(["T.ANJAB"]);
  });
});

describe("the same normalisation elsewhere", () => {
  it("warns that Pengelolaan Arsip may duplicate Pengelolaan Kearsipan, but not Pengelolaan Aset", () => {
    expect(codes(similarCompetencyNames(db, "Pengelolaan Arsip"))).toEqual(["T.ARSIP"]);
    expect(codes(similarCompetencyNames(db, "Pengelolaan Aset"))).toEqual([]);
    expect(codes(similarCompetencyNames(db, "Pengelolaan Arsip", "T.ARSIP"))).toEqual([]);
  });

  it("finds positions in the register by the root words of their name and summary", () => {
    const saved = savePosition(
      db,
      null,
      {
        code: "UJI.STEM",
        name: "Penata Kearsipan Uji",
        group: "pelaksana",
        functionalLevel: null,
        unitCode: "SETDA.BIRO-ORG",
        governmentAffair: null,
        summaryText: "Melaksanakan pemusnahan berkas inaktif.",
        requiredHeadcount: 1,
      },
      null,
      1,
    );
    expect(saved.ok).toBe(true);
    const search = (q: string) => codes(loadRegister(db, parseRegisterQuery(new URLSearchParams({ q }))).rows);
    expect(search("arsip")).toContain("UJI.STEM");
    expect(search("musnah berkas")).toEqual(["UJI.STEM"]);
    expect(search("penata kearsipan")[0]).toBe("UJI.STEM");
  });
});
