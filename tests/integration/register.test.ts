import { describe, expect, it } from "vitest";
import { parseRegisterQuery } from "~/domain/register-filter";
import { loadRegister } from "~/services/register.server";
import { findPositionByCode, findUnitByCode, positionDetail, searchRegister } from "~db/queries/register.server";
import { savePosition } from "~db/queries/positions.server";
import { createUnit, setUnitActive, updateUnit } from "~db/queries/units.server";
import { useTestDatabase } from "../setup/test-db";

const query = (q: string) => parseRegisterQuery(new URLSearchParams(q));

describe("SOTK register", () => {
  it("filters by a unit's whole subtree", async () => {
    const db = await useTestDatabase("demo");
    const setda = loadRegister(db, query("unit=SETDA"));
    const biro = loadRegister(db, query("unit=SETDA.BIRO-ORG"));
    expect(biro.total).toBeGreaterThan(3);
    expect(setda.total).toBeGreaterThan(biro.total);
    expect(biro.rows.every((r) => r.unitCode.startsWith("SETDA.BIRO-ORG"))).toBe(true);
    // positions sitting in child units (bagian, subbagian) are included, not only the biro's own
    expect(new Set(biro.rows.map((r) => r.unitCode)).size).toBeGreaterThan(1);
    expect(loadRegister(db, query("unit=TIDAK-ADA")).total).toBe(0);
  });

  it("finds a position by a word of its summary, ignoring case and diacritics", async () => {
    const db = await useTestDatabase("demo");
    const unit = findUnitByCode(db, "SETDA.BIRO-ORG")!;
    const saved = savePosition(
      db,
      null,
      {
        code: "UJI.FTS",
        name: "Penelaah Uji",
        group: "pelaksana",
        functionalLevel: null,
        unitCode: unit.code,
        governmentAffair: null,
        summaryText: "Menyusun rekapitulasi kuesioner beban kerja.",
        requiredHeadcount: 1,
      },
      null,
      1,
    );
    expect(saved.ok).toBe(true);
    const found = loadRegister(db, query("q=KUESIONER"));
    expect(found.rows.map((r) => r.code)).toEqual(["UJI.FTS"]);
    expect(loadRegister(db, query("q=rekapitu")).rows.map((r) => r.code)).toContain("UJI.FTS"); // prefix
    expect(loadRegister(db, query("q=kuesioner&group=administrator")).total).toBe(0);
    expect(loadRegister(db, query("q=%22%28%29")).total).toBe(0); // only punctuation: no error, no rows
  });

  it("filters by group, functional level and SKJ status, and sorts and pages", async () => {
    const db = await useTestDatabase("demo");
    const fungsional = loadRegister(db, query("group=fungsional"));
    expect(fungsional.rows.every((r) => r.group === "fungsional" && r.functionalLevel)).toBe(true);
    const muda = loadRegister(db, query("level=ahli_muda"));
    expect(muda.total).toBeGreaterThan(0);
    expect(muda.rows.every((r) => r.functionalLevel === "ahli_muda")).toBe(true);
    expect(loadRegister(db, query("status=belum_ada")).total).toBe(searchRegister(db, {}).total);
    expect(loadRegister(db, query("status=ditetapkan")).total).toBe(0);
    const byName = loadRegister(db, query("sort=name")).rows.map((r) => r.name);
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
    const page1 = searchRegister(db, { pageSize: 10, page: 1 }).rows.map((r) => r.code);
    const page2 = searchRegister(db, { pageSize: 10, page: 2 }).rows.map((r) => r.code);
    expect(page1).toHaveLength(10);
    expect(page1.filter((c) => page2.includes(c))).toEqual([]);
  });

  it("refuses to move a unit under its own child", async () => {
    const db = await useTestDatabase("demo");
    const biro = findUnitByCode(db, "SETDA.BIRO-ORG")!;
    const child = findUnitByCode(db, "SETDA.BIRO-ORG.BAG-KELEMBAGAAN")!;
    const input = {
      code: biro.code,
      name: biro.name,
      kind: "biro" as const,
      echelon: biro.echelon as "II.a",
      parentCode: child.code,
      legalBasisKind: null,
      legalBasisNumber: null,
      legalBasisYear: null,
    };
    const result = updateUnit(db, biro.id, input, 1);
    expect(result).toEqual({
      ok: false,
      errors: { parentCode: "Unit tidak dapat dipindahkan ke bawah dirinya sendiri atau sub-unitnya." },
    });
    expect(findUnitByCode(db, biro.code)!.parentId).toBe(biro.parentId);
    // moving it elsewhere works and is audited
    const moved = updateUnit(db, biro.id, { ...input, parentCode: "BKD" }, 1);
    expect(moved.ok).toBe(true);
    expect(db.$client.prepare("select summary from audit_log where action = 'unit.update' order by id desc").pluck().get()).toMatch(
      /^Unit SETDA.BIRO-ORG diubah: unit induk/,
    );
  });

  it("keeps a unit with active positions active, and never deletes", async () => {
    const db = await useTestDatabase("demo");
    const bagian = findUnitByCode(db, "SETDA.BIRO-ORG.BAG-KELEMBAGAAN")!;
    expect(setUnitActive(db, bagian.id, false, 1)).toMatchObject({ ok: false });
    const created = createUnit(
      db,
      {
        code: "UJI.KOSONG",
        name: "Unit Kosong",
        kind: "seksi",
        echelon: null,
        parentCode: null,
        legalBasisKind: null,
        legalBasisNumber: null,
        legalBasisYear: null,
      },
      1,
    );
    expect(created.ok).toBe(true);
    const id = created.ok ? created.unit.id : 0;
    expect(setUnitActive(db, id, false, 1)).toMatchObject({ ok: true, unit: { active: false } });
  });

  it("derives the identity block: unit path from the perangkat daerah down", async () => {
    const db = await useTestDatabase("demo");
    const position = findPositionByCode(db, "SETDA.BIRO-ORG.BAG-KELEMBAGAAN.KABAG")!;
    const detail = positionDetail(db, position.id)!;
    expect(detail.path.map((u) => u.code)).toEqual(["SETDA", "SETDA.BIRO-ORG", "SETDA.BIRO-ORG.BAG-KELEMBAGAAN"]);
    expect(detail.skjStatus).toBe("belum_ada");
  });
});
