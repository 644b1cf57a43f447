import { describe, expect, it } from "vitest";
import { can, navigationFor, ROLES } from "./permissions";

describe("permissions", () => {
  it("gives each role the navigation it may use", () => {
    const labels = (role: (typeof ROLES)[number]) => navigationFor(role).map((n) => n.label);
    const common = ["Beranda", "Struktur Organisasi", "Jabatan", "Kamus Kompetensi", "SKJ", "Penetapan"];
    expect(labels("admin")).toEqual([...common, "Admin"]);
    for (const role of ["analis", "reviewer", "viewer"] as const) expect(labels(role)).toEqual(common);
  });

  it("lets only reviewers and admins review and publish", () => {
    expect(ROLES.filter((r) => can(r, "skj:review"))).toEqual(["admin", "reviewer"]);
    expect(ROLES.filter((r) => can(r, "skj:publish"))).toEqual(["admin", "reviewer"]);
  });

  it("keeps viewers read-only", () => {
    expect(can("viewer", "read")).toBe(true);
    expect(can("viewer", "skj:write")).toBe(false);
    expect(can("viewer", "register:write")).toBe(false);
    expect(can("viewer", "users:manage")).toBe(false);
  });

  it("reserves user management and the audit log to admins", () => {
    expect(ROLES.filter((r) => can(r, "users:manage"))).toEqual(["admin"]);
    expect(ROLES.filter((r) => can(r, "audit:read"))).toEqual(["admin"]);
  });
});
