import { describe, expect, it } from "vitest";
import { parseRegisterQuery } from "~/domain/register-filter";
import { loader as homeLoader } from "~/routes/_index";
import { loader as childrenLoader } from "~/routes/struktur.anak";
import { loader as strukturLoader } from "~/routes/struktur._index";
import { loadRegister } from "~/services/register.server";
import type { Db } from "~db/client.server";
import { overviewCounts } from "~db/queries/overview.server";
import { savePosition, setPositionActive } from "~db/queries/positions.server";
import { findPositionByCode, findUnitByCode } from "~db/queries/register.server";
import { createUnit, setUnitActive } from "~db/queries/units.server";
import type { UnitTreeNode } from "~/domain/unit-tree";
import { cookieFor, get, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

function addUnit(db: Db, code: string, parentCode: string | null) {
  const result = createUnit(
    db,
    {
      code,
      name: `Unit ${code}`,
      kind: "seksi",
      echelon: null,
      parentCode,
      legalBasisKind: null,
      legalBasisNumber: null,
      legalBasisYear: null,
    },
    1,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.unit;
}

function addPosition(db: Db, code: string, unitCode: string) {
  const result = savePosition(
    db,
    null,
    {
      code,
      name: `Jabatan ${code}`,
      group: "pelaksana",
      functionalLevel: null,
      unitCode,
      governmentAffair: null,
      summaryText: "",
      requiredHeadcount: 1,
    },
    null,
    1,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.position;
}

/** The demo SOTK made uneven: an empty unit, a deactivated position, and a deactivated unit whose position was deactivated. */
function unevenRegister(db: Db) {
  addUnit(db, "SETDA.KOSONG", "SETDA");
  addUnit(db, "SETDA.BIRO-ORG.UJI", "SETDA.BIRO-ORG");
  for (const n of [1, 2, 3, 4, 5]) addPosition(db, `SETDA.BIRO-ORG.UJI.P${n}`, "SETDA.BIRO-ORG.UJI");
  setPositionActive(db, findPositionByCode(db, "SETDA.BIRO-ORG.UJI.P5")!.id, false, 1);
  const closed = addUnit(db, "SETDA.DITUTUP", "SETDA");
  setPositionActive(db, addPosition(db, "SETDA.DITUTUP.P1", "SETDA.DITUTUP").id, false, 1);
  expect(setUnitActive(db, closed.id, false, 1)).toMatchObject({ ok: true });
}

/** Every unit, as a user opening every branch of /struktur sees them: the page's perangkat daerah, then each level from /struktur/anak. */
async function wholeTree(cookie: string): Promise<UnitTreeNode[]> {
  const page = (await run(strukturLoader, get("/struktur", cookie))).body as { nodes: UnitTreeNode[]; pages: number };
  expect(page.pages).toBe(1);
  const units = [...page.nodes];
  for (let level = page.nodes; level.length > 0; ) {
    const branches = level.filter((u) => u.childCount > 0).map((u) => `induk=${u.id}`);
    if (branches.length === 0) break;
    const answer = await run(childrenLoader, get(`/struktur/anak?${branches.join("&")}`, cookie));
    level = (answer.body as { units: UnitTreeNode[] }).units;
    units.push(...level);
  }
  return units;
}

describe("/struktur counts", () => {
  it("show for every unit the number of positions the register lists for its subtree", async () => {
    const db = await useTestDatabase("demo");
    unevenRegister(db);
    const cookie = await cookieFor("viewer@demo.go.id");
    const units = await wholeTree(cookie);
    expect(units.length).toBe(db.$client.prepare("select count(*) as n from org_units").pluck().get());

    for (const unit of units) {
      const register = loadRegister(db, parseRegisterQuery(new URLSearchParams({ unit: unit.code })), 100_000);
      expect({ unit: unit.code, count: unit.positionCount }).toEqual({ unit: unit.code, count: register.total });
    }
    const countOf = (code: string) => units.find((u) => u.code === code)!.positionCount;
    // inactive positions are not counted, as the register does not list them; an inactive unit shows what it still holds
    expect(countOf("SETDA.BIRO-ORG.UJI")).toBe(4);
    expect(countOf("SETDA.KOSONG")).toBe(0);
    expect(countOf("SETDA.DITUTUP")).toBe(0);
    expect(new Set(units.map((u) => u.positionCount)).size).toBeGreaterThan(3);
    // the perangkat daerah together hold every active position, the figure Beranda shows
    const treeTotal = units.filter((u) => u.parentId === null).reduce((sum, u) => sum + u.positionCount, 0);
    expect(treeTotal).toBe(overviewCounts(db).positions);
    expect(findUnitByCode(db, "SETDA.DITUTUP")!.active).toBe(false);
    const home = (await run(homeLoader, get("/", cookie))).body as { counts: { positions: number } };
    expect(home.counts.positions).toBe(treeTotal);
  });
});
