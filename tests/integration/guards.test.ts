// Guards the mutation audit of issue 13 found untested, each isolated so that only that guard can refuse,
// and the withdraw route's server-side permission.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { definitionFromPlainText } from "~/domain/dictionary";
import { wouldCreateCycle } from "~/domain/sotk";
import { action as withdrawAction } from "~/routes/jabatan.$id.versi.$n_.cabut";
import { newDraftDocument, validateDocument } from "~/services/skj.server";
import { addRevision, insertCompetency } from "~db/queries/competencies.server";
import { findPositionByCode, findUnitByCode } from "~db/queries/register.server";
import { updateUnit } from "~db/queries/units.server";
import { findUserByEmail } from "~db/queries/users.server";
import { events, orgUnits } from "~db/schema";
import { seedDemoSkj } from "~seeds/demo-skj.server";
import { cookieFor, post, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const levels = [1, 2, 3, 4, 5].map((level) => ({ level, description: `Deskripsi level ${level}`, indicators: [`Indikator ${level}`] }));

describe("the rules context on the server counts published dictionary entries only", () => {
  it("reports a technical entry that exists only as a draft as not yet published, while its published twin passes", async () => {
    const db = await useTestDatabase("demo");
    const draftOnly = insertCompetency(db, { code: "T.DRAFSAJA", type: "teknis", name: "Kompetensi Draf Saja", sourceKind: "lokal" });
    addRevision(db, draftOnly, {
      definition: definitionFromPlainText("Belum diterbitkan."),
      textStatus: "lokal",
      levels,
      publish: false,
      actorId: null,
    });
    const published = insertCompetency(db, { code: "T.TERBIT", type: "teknis", name: "Kompetensi Terbit", sourceKind: "lokal" });
    addRevision(db, published, {
      definition: definitionFromPlainText("Sudah diterbitkan."),
      textStatus: "lokal",
      levels,
      publish: true,
      actorId: null,
    });

    const { document } = newDraftDocument(db, findPositionByCode(db, "BKD.BID-PKA.KABID")!.id);
    const row = (code: string) => ({ ...document, competencies: [...document.competencies, { code, level: 3 }] });
    const unknown = (code: string) => validateDocument(db, row(code)).filter((r) => r.rule === "SKJ-KOMPETENSI-TIDAK-DIKENAL");
    expect(unknown("T.DRAFSAJA")).toEqual([
      expect.objectContaining({
        severity: "error",
        message:
          "Kompetensi Kompetensi Draf Saja (T.DRAFSAJA) belum diterbitkan dalam kamus; SKJ hanya boleh memuat kompetensi yang sudah diterbitkan.",
      }),
    ]);
    expect(unknown("T.TERBIT")).toEqual([]);
  });
});

describe("a unit is never moved under its own descendants", () => {
  it("refuses moving a unit under its grandchild, in the pure rule and in the write, and changes nothing", async () => {
    // 1 ← 2 ← 3: 3 is 1's grandchild
    const parents = new Map<number, number | null>([
      [1, null],
      [2, 1],
      [3, 2],
    ]);
    expect(wouldCreateCycle(1, 3, (id) => parents.get(id))).toBe(true);
    expect(wouldCreateCycle(3, 1, (id) => parents.get(id))).toBe(false);

    const db = await useTestDatabase("demo");
    const biro = findUnitByCode(db, "SETDA.BIRO-ORG")!;
    const grandchild = db
      .select()
      .from(orgUnits)
      .where(eq(orgUnits.parentId, db.select().from(orgUnits).where(eq(orgUnits.parentId, biro.id)).get()!.id))
      .get()!;
    const admin = findUserByEmail(db, "admin@demo.go.id")!;
    const result = updateUnit(
      db,
      biro.id,
      {
        code: biro.code,
        name: biro.name,
        kind: biro.kind as never,
        echelon: biro.echelon as never,
        parentCode: grandchild.code,
        legalBasisKind: null,
        legalBasisNumber: null,
        legalBasisYear: null,
      } as never,
      admin.id,
    );
    expect(result).toEqual({
      ok: false,
      errors: { parentCode: "Unit tidak dapat dipindahkan ke bawah dirinya sendiri atau sub-unitnya." },
    });
    expect(findUnitByCode(db, "SETDA.BIRO-ORG")!.parentId).toBe(biro.parentId);
  });
});

describe("the withdraw route", () => {
  it("refuses an analyst on the server and withdraws for a reviewer with a reason, writing the feed event", async () => {
    const db = await useTestDatabase("demo");
    seedDemoSkj(db);
    const position = findPositionByCode(db, "SETDA.BIRO-ORG.BAG-RBAK.AK-MADYA")!;
    const params = { id: String(position.id), n: "1" };
    const path = `/jabatan/${position.id}/versi/1/cabut`;
    const reason = "Jabatan dihapus dalam SOTK yang baru.";
    expect((await run(withdrawAction, post(path, { reason }, await cookieFor("analis@demo.go.id")), params)).status).toBe(403);
    const reviewer = await cookieFor("reviewer@demo.go.id");
    expect((await run(withdrawAction, post(path, { reason: "" }, reviewer), params)).status).toBe(422);
    const before = db.select().from(events).all().length;
    const done = await run(withdrawAction, post(path, { reason }, reviewer), params);
    expect(done.status).toBe(302);
    expect(db.select().from(events).all().slice(before)).toEqual([
      expect.objectContaining({ type: "skj.withdrawn", positionCode: position.code, version: 1 }),
    ]);
    expect((await run(withdrawAction, post(path, { reason }, reviewer), params)).status).toBe(409);
  });
});
