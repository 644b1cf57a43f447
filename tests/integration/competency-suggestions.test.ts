// Suggested technical competencies (issue 17 item 3) on a prepared data set: what similar positions, the
// same biro and the same urusan use in their live SKJ, and what the ikhtisar matches in the dictionary.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { SkjDocument } from "~/domain/skj-document";
import { loader } from "~/routes/jabatan.$id.skj_.saran";
import type { SuggestedEntry } from "~/domain/competency-suggestions";
import { suggestTechnicalCompetencies } from "~/services/competency-suggestions.server";
import { newDraftDocument } from "~/services/skj.server";
import type { Db } from "~db/client.server";
import { savePosition } from "~db/queries/positions.server";
import { findPositionByCode } from "~db/queries/register.server";
import { publishSingle, withdrawVersion } from "~db/queries/skj-publish.server";
import { createDraft } from "~db/queries/skj-drafts.server";
import { findUserByEmail } from "~db/queries/users.server";
import { skjDrafts } from "~db/schema";
import { cookieFor, get, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

// the subject: a pelaksana of Bagian Tata Laksana (Biro Organisasi, urusan Pemerintahan Umum) whose
// ikhtisar speaks of "peta proses bisnis, standar operasional prosedur"
const SUBJECT = "SETDA.BIRO-ORG.BAG-TATALAKSANA.PDI";
// the same job in three other perangkat daerah (other biro, other urusan)
const SIMILAR_UNITS = ["BKD.SEKRETARIAT", "DINKES.UPT-RSKP", "DISKOMINFO.BID-APTIKA"];
const SAME_BIRO = "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.KABAG";
const SAME_AFFAIR = "SETDA.BIRO-PEM.BAG-OTDA.KABAG";

let db: Db;
let admin: { id: number; role: "admin" };
let analyst: number;
let reviewer: { id: number; role: "reviewer" };

function publishWith(code: string, technical: string[]) {
  const position = findPositionByCode(db, code)!;
  const fresh = newDraftDocument(db, position.id);
  const document: SkjDocument = {
    ...fresh.document,
    competencies: [...fresh.document.competencies, ...technical.map((c) => ({ code: c, level: 2 }))],
  };
  // four eyes: the analyst drafts, one reviewer approves, the other publishes
  const draft = createDraft(db, { positionId: position.id, ...fresh, document, actorId: analyst, via: "ui" });
  db.update(skjDrafts)
    .set({ state: "disetujui", approvedBy: admin.id, approvedAt: new Date().toISOString() })
    .where(eq(skjDrafts.id, draft.id))
    .run();
  const published = publishSingle(db, code, { legalBasis: `Peraturan Gubernur Nomor ${position.id} Tahun 2026` }, reviewer);
  if (!published.ok) throw new Error(published.message);
}

function similarPosition(unitCode: string, i: number) {
  const saved = savePosition(
    db,
    null,
    {
      code: `${unitCode}.PDI-${i}`,
      name: "Pengolah Data dan Informasi",
      group: "pelaksana",
      functionalLevel: null,
      unitCode,
      governmentAffair: `Urusan Uji ${i}`,
      summaryText: "Mengolah data unit.",
      requiredHeadcount: 1,
    },
    null,
    analyst,
  );
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  return saved.position.code;
}

const subjectId = () => findPositionByCode(db, SUBJECT)!.id;
const suggest = (exclude: string[] = []) => suggestTechnicalCompetencies(db, subjectId(), { exclude })!;
const byCode = (list: SuggestedEntry[], code: string) => list.find((s) => s.code === code);

beforeEach(async () => {
  db = await useTestDatabase("demo");
  admin = { id: findUserByEmail(db, "admin@demo.go.id")!.id, role: "admin" };
  analyst = findUserByEmail(db, "analis@demo.go.id")!.id;
  reviewer = { id: findUserByEmail(db, "reviewer@demo.go.id")!.id, role: "reviewer" };
  const similar = SIMILAR_UNITS.map(similarPosition);
  for (const code of similar) publishWith(code, ["T.SPBE", "T.ARSIP"]);
  publishWith(SAME_BIRO, ["T.ANJAB"]);
  publishWith(SAME_AFFAIR, ["T.PENGAWASAN"]);
});

describe("suggested technical competencies", () => {
  it("rank first what similar positions use, and say why each is suggested", () => {
    const list = suggest();
    expect(
      list
        .slice(0, 2)
        .map((s) => s.code)
        .sort(),
    ).toEqual(["T.ARSIP", "T.SPBE"]);
    expect(byCode(list, "T.SPBE")!.reasons[0]).toBe("dipakai 3 jabatan serupa");
    expect(byCode(list, "T.ANJAB")!.reasons).toContain("dipakai 1 jabatan di unit yang sama (Biro Organisasi)");
    expect(byCode(list, "T.ANJAB")!.reasons).toContain("dipakai 1 jabatan urusan Pemerintahan Umum");
    expect(byCode(list, "T.PENGAWASAN")!.reasons).toEqual(["dipakai 1 jabatan urusan Pemerintahan Umum"]);
    const tatalaksana = byCode(list, "T.TATALAKSANA")!;
    expect(tatalaksana.reasons).toHaveLength(1);
    expect(tatalaksana.reasons[0]).toMatch(/^cocok dengan ikhtisar: .*proses, bisnis/);
    // what the editor's picker needs to add the entry: its published texts
    expect(tatalaksana).toMatchObject({ name: "Penyusunan Proses Bisnis dan Standar Operasional Prosedur", type: "teknis" });
    expect(tatalaksana.levels).toHaveLength(5);
    // T.OTDA is in every published SKJ, and is never suggested
    expect(byCode(list, "T.OTDA")).toBeUndefined();
  });

  it("leave out what the SKJ already holds, and count only SKJ in force", () => {
    expect(suggest(["T.SPBE", "T.ARSIP"]).map((s) => s.code)).not.toContain("T.SPBE");
    const withdrawn = withdrawVersion(db, `${SIMILAR_UNITS[0]}.PDI-0`, 1, admin, "Dicabut untuk pengujian saran.");
    expect(withdrawn.ok).toBe(true);
    expect(byCode(suggest(), "T.SPBE")!.reasons[0]).toBe("dipakai 2 jabatan serupa");
  });

  it("never count the position's own SKJ as evidence for itself", () => {
    publishWith(SUBJECT, ["T.KEUANGAN-DAERAH"]);
    expect(byCode(suggest(), "T.KEUANGAN-DAERAH")).toBeUndefined();
  });

  it("answer the editor with the position's suggestions, leaving out the codes it sends, for anyone who may read", async () => {
    const cookie = await cookieFor("viewer@demo.go.id");
    const response = await run(loader, get(`/jabatan/${subjectId()}/skj/saran?ada=T.SPBE,T.ANJAB`, cookie), { id: String(subjectId()) });
    expect(response.status).toBe(200);
    const codes = (response.body as { suggestions: SuggestedEntry[] }).suggestions.map((s) => s.code);
    expect(codes[0]).toBe("T.ARSIP");
    expect(codes).not.toContain("T.SPBE");
    expect(codes).not.toContain("T.ANJAB");
    expect((await run(loader, get(`/jabatan/999999/skj/saran`, cookie), { id: "999999" })).status).toBe(404);
    expect((await run(loader, get(`/jabatan/${subjectId()}/skj/saran`), { id: String(subjectId()) })).status).not.toBe(200);
  });
});
