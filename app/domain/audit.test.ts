import { describe, expect, it } from "vitest";
import { changedFields, describeChanges } from "./audit";

describe("audit summaries", () => {
  it("lists only the fields that changed, never the password hash", () => {
    const changes = changedFields(
      { name: "A", role: "analis", active: true, passwordHash: "x" },
      { name: "A", role: "reviewer", active: false, passwordHash: "y" },
    );
    expect(changes.map((c) => c.field)).toEqual(["role", "active"]);
    expect(describeChanges(changes)).toBe("peran: Analis → Reviewer; aktif: ya → tidak");
  });

  it("describes a creation from nothing", () => {
    expect(describeChanges(changedFields(null, { name: "Budi" }))).toBe("nama: — → Budi");
  });

  it("names a position's group and level by their labels, as the screens do", () => {
    expect(
      describeChanges(changedFields({ group: "pengawas", functionalLevel: null }, { group: "fungsional", functionalLevel: "ahli_muda" })),
    ).toBe("kelompok jabatan: Jabatan Pengawas → Jabatan Fungsional; jenjang: — → Ahli Muda");
  });
});
