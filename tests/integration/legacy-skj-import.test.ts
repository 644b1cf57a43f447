// The legacy SKJ import against a real database (contract §7.5): the samples matched to the register they
// belong to (two positions of one name in two units), unknown technical competencies as dictionary drafts with
// their printed level texts, a draft in review left alone, and a second import of the same files changing nothing.
import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { analyseLegacyFiles, applyLegacyImport } from "~/services/legacy-skj/import.server";
import type { Db } from "~db/client.server";
import { entryDetail } from "~db/queries/dictionary.server";
import { findOpenDraft } from "~db/queries/skj-drafts.server";
import { importSotkFiles } from "~/services/sotk-import.server";
import { positions, skjDrafts } from "~db/schema";
import { compareWithTruth } from "../fixtures/legacy-skj/compare";
import type { TruthSkj } from "../fixtures/legacy-skj/variants";
import { useTestDatabase } from "../setup/test-db";

const fixture = (name: string) => ({
  name,
  bytes: new Uint8Array(readFileSync(new URL(`../fixtures/legacy-skj/${name}`, import.meta.url))),
});
const truth = JSON.parse(readFileSync(new URL("../fixtures/legacy-skj/truth.json", import.meta.url), "utf8")) as {
  files: Record<string, (TruthSkj & { position: { code: string; unitCode: string } })[]>;
};
const SAMPLES = ["a1-bordered.docx", "a2-form.xlsx"];

let db: Db;
beforeEach(async () => {
  db = await useTestDatabase("reference");
  const sotk = await importSotkFiles(db, [fixture("sotk-units.csv"), fixture("sotk-positions.csv")], null);
  expect(sotk.ok).toBe(true);
});

const counts = () => ({
  drafts: db.select({ n: sql<number>`count(*)` }).from(skjDrafts).get()!.n,
  draftRevisions: db.get<{ n: number }>(sql`select count(*) as n from skj_draft_revisions`).n,
  competencies: db.get<{ n: number }>(sql`select count(*) as n from competencies`).n,
  revisions: db.get<{ n: number }>(sql`select count(*) as n from competency_revisions`).n,
});

describe("legacy SKJ import", () => {
  it("matches every sample SKJ to its register position, the same-name positions of two units to the right one", async () => {
    const rows = await analyseLegacyFiles(db, SAMPLES.map(fixture));
    const want = SAMPLES.flatMap((f) => truth.files[f]!);
    expect(rows.map((r) => r.match?.positionCode)).toEqual(want.map((t) => t.position.code));
    expect(rows.map((r) => r.document.position.unitCode)).toEqual(want.map((t) => t.position.unitCode));
    const kasubbag = rows.filter((r) => r.document.position.name === "Kepala Subbagian Umum dan Kepegawaian");
    expect(kasubbag.map((r) => r.candidates.map((c) => c.positionCode).sort())).toEqual([
      ["LPM.DINKES.UMPEG.KASUBBAG", "LPM.DISDIK.UMPEG.KASUBBAG"],
      ["LPM.DINKES.UMPEG.KASUBBAG", "LPM.DISDIK.UMPEG.KASUBBAG"],
    ]);
    rows.forEach((r, i) => expect(compareWithTruth(r.document, want[i] as never).differences).toEqual([]));
    // the printed managerial texts are the regulation's: nothing to report
    expect(rows.flatMap((r) => r.problems)).toEqual([]);
    // T.OTDA is in the dictionary (contract §2); the invented technical ones are not
    const kadis = rows[0]!;
    expect(kadis.document.competencies.filter((c) => "name" in c).map((c) => c.code)).toEqual(["T.OTDA", null, null, null]);
    expect(kadis.unmatchedCompetencies.map((c) => c.name)).toEqual([
      "Pengelolaan Pendidikan Dasar",
      "Perencanaan Pembangunan Daerah",
      "Pengelolaan Keuangan Daerah",
    ]);
  });

  it("stores one draft per matched position and one dictionary draft per unknown competency, and a second import changes nothing", async () => {
    const before = counts();
    const rows = await analyseLegacyFiles(db, SAMPLES.map(fixture));
    const first = applyLegacyImport(db, rows, null);
    expect(first.created.sort()).toEqual(SAMPLES.flatMap((f) => truth.files[f]!.map((t) => t.position.code)).sort());
    expect(first.dictionaryDrafts).toHaveLength(12);

    const draft = findOpenDraft(db, db.select().from(positions).where(eq(positions.code, "LPM.DINKES.UMPEG.KASUBBAG")).get()!.id)!;
    expect(draft.document.requirements.rank).toBe("III/c");
    expect(draft.document.competencies.slice(0, 9)).toEqual(
      ["M.01", "M.02", "M.03", "M.04", "M.05", "M.06", "M.07", "M.08", "SK.01"].map((code) => ({ code, level: 2 })),
    );
    const kepegawaian = draft.document.competencies[10]!;
    expect(kepegawaian).toEqual({ code: "T.IMPOR-MANAJEMEN-KEPEGAWAIAN", level: 2 });
    // the new dictionary draft holds the texts the book printed for that level
    const entry = entryDetail(db, kepegawaian.code)!;
    expect(entry.latest.status).toBe("draft");
    const printed = truth.files["a2-form.xlsx"]![1]!.competencies[10]!;
    expect(entry.latest.texts.levels).toEqual([{ level: 2, description: printed.description, indicators: printed.indicators }]);

    const afterFirst = counts();
    expect(afterFirst.drafts - before.drafts).toBe(6);
    const again = applyLegacyImport(db, await analyseLegacyFiles(db, SAMPLES.map(fixture)), null);
    expect(again).toMatchObject({ created: [], replaced: [], refused: [], dictionaryDrafts: [] });
    expect(again.unchanged).toHaveLength(6);
    expect(counts()).toEqual(afterFirst);
  });

  it("refuses to overwrite a draft that is in review and still stores the others", async () => {
    applyLegacyImport(db, await analyseLegacyFiles(db, [fixture("a1-bordered.docx")]), null);
    const kadis = db.select().from(positions).where(eq(positions.code, "LPM.DISDIK.KADIS")).get()!;
    const open = findOpenDraft(db, kadis.id)!;
    const changed = { ...open.document, position: { ...open.document.position, summary: "Diubah sebelum diajukan." } };
    db.update(skjDrafts).set({ state: "diajukan", document: changed }).where(eq(skjDrafts.id, open.id)).run();

    const result = applyLegacyImport(db, await analyseLegacyFiles(db, SAMPLES.map(fixture)), null);
    expect(result.refused).toEqual([{ positionCode: "LPM.DISDIK.KADIS", state: "diajukan" }]);
    expect(result.created).toHaveLength(3);
    expect(findOpenDraft(db, kadis.id)!.document.position.summary).toBe("Diubah sebelum diajukan.");
  });
});
