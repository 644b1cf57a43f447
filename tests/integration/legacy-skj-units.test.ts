// Two positions of one name in two units, printed in our own Word lampiran (issue 16): the SKJ print no unit line
// (contract §7.3), so the unit comes from the cover's DAFTAR JABATAN, and each SKJ goes to its own position even
// when its ikhtisar and Urusan say nothing about the unit and the book prints them in another order.
import { readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import type { SkjBundle } from "~/domain/skj-bundle";
import { analyseLegacyFiles } from "~/services/legacy-skj/import.server";
import { renderBundleDocx } from "~/services/skj-bundle-docx.server";
import { skjDocx } from "~/services/skj-docx.server";
import type { Db } from "~db/client.server";
import { importSotkFiles } from "~/services/sotk-import.server";
import { printModelOfTruth } from "../fixtures/legacy-skj/own-print";
import type { TruthSkj } from "../fixtures/legacy-skj/variants";
import { useTestDatabase } from "../setup/test-db";

const fixture = (name: string) => ({
  name,
  bytes: new Uint8Array(readFileSync(new URL(`../fixtures/legacy-skj/${name}`, import.meta.url))),
});
const truth = JSON.parse(readFileSync(new URL("../fixtures/legacy-skj/truth.json", import.meta.url), "utf8")) as {
  files: Record<string, TruthSkj[]>;
};
const KASUBBAG = "Kepala Subbagian Umum dan Kepegawaian";
// the same ikhtisar and no Urusan for both: only the unit can tell them apart
const kasubbag = (() => {
  const t = structuredClone(truth.files["a1-bordered.docx"]!.find((s) => s.position.name === KASUBBAG)!);
  t.position.summary = "Melaksanakan urusan umum dan kepegawaian.";
  t.position.governmentAffair = null;
  return t;
})();

let db: Db;
beforeEach(async () => {
  db = await useTestDatabase("reference");
  expect((await importSotkFiles(db, [fixture("sotk-units.csv"), fixture("sotk-positions.csv")], null)).ok).toBe(true);
});

function lampiran(units: { code: string; path: string }[]): SkjBundle {
  return {
    subject: { kind: "penetapan", penetapanId: 1 },
    cover: { heading: ["LAMPIRAN", "PERATURAN BUPATI LEMBAH PERMAI"], madeOn: "1 Maret 2026" },
    items: units.map((u) => ({
      positionCode: u.code,
      positionName: KASUBBAG,
      unitPath: u.path,
      version: 1,
      model: printModelOfTruth(kasubbag),
    })),
  };
}

describe("legacy import of same-name positions in our Word lampiran", () => {
  it("sends each SKJ to the position of the unit the cover lists for it", async () => {
    const book = lampiran([
      { code: "LPM.DISDIK.UMPEG.KASUBBAG", path: "Dinas Pendidikan — Sekretariat — Subbagian Umum dan Kepegawaian" },
      { code: "LPM.DINKES.UMPEG.KASUBBAG", path: "Dinas Kesehatan — Sekretariat — Subbagian Umum dan Kepegawaian" },
    ]);
    const rows = await analyseLegacyFiles(db, [{ name: "lampiran.docx", bytes: await renderBundleDocx(book) }]);
    expect(rows.map((r) => r.match?.positionCode)).toEqual(["LPM.DISDIK.UMPEG.KASUBBAG", "LPM.DINKES.UMPEG.KASUBBAG"]);
    expect(rows.map((r) => r.document.position.unitCode)).toEqual(["LPM.DISDIK.SEKRETARIAT.UMPEG", "LPM.DINKES.SEKRETARIAT.UMPEG"]);

    const reversed = lampiran([
      { code: "LPM.DINKES.UMPEG.KASUBBAG", path: "Dinas Kesehatan — Sekretariat — Subbagian Umum dan Kepegawaian" },
      { code: "LPM.DISDIK.UMPEG.KASUBBAG", path: "Dinas Pendidikan — Sekretariat — Subbagian Umum dan Kepegawaian" },
    ]);
    const again = await analyseLegacyFiles(db, [{ name: "lampiran.docx", bytes: await renderBundleDocx(reversed) }]);
    expect(again.map((r) => r.match?.positionCode)).toEqual(["LPM.DINKES.UMPEG.KASUBBAG", "LPM.DISDIK.UMPEG.KASUBBAG"]);
  });

  it("leaves the choice to the user when the single Word export prints no unit anywhere", async () => {
    const [row] = await analyseLegacyFiles(db, [{ name: "skj.docx", bytes: await skjDocx(printModelOfTruth(kasubbag)) }]);
    expect(row!.match).toBeNull();
    expect(row!.candidates.map((c) => c.positionCode).sort()).toEqual(["LPM.DINKES.UMPEG.KASUBBAG", "LPM.DISDIK.UMPEG.KASUBBAG"]);
  });
});
