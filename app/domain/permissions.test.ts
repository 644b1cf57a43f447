import { describe, expect, it } from "vitest";
import { can, navigationFor, PERMISSIONS, ROLES } from "./permissions";

describe("permissions", () => {
  it("gives each role the navigation it may use, each item leading to its page", () => {
    const links = (role: (typeof ROLES)[number]) => navigationFor(role).map((n) => `${n.label} ${n.to}`);
    const common = [
      "Beranda /",
      "Struktur Organisasi /struktur",
      "Jabatan /jabatan",
      "Kamus Kompetensi /kamus",
      "SKJ /skj",
      "Penetapan /penetapan",
    ];
    expect(links("admin")).toEqual([...common, "Admin /admin"]);
    for (const role of ["analis", "reviewer", "viewer"] as const) expect(links(role)).toEqual(common);
  });

  it("grants each role exactly what the contract's role table lists", () => {
    const granted = Object.fromEntries(ROLES.map((role) => [role, PERMISSIONS.filter((p) => can(role, p))]));
    expect(granted).toEqual({
      admin: [...PERMISSIONS],
      analis: ["read", "register:write", "dictionary:write", "jf-standard:write", "skj:write"],
      reviewer: ["read", "register:write", "dictionary:write", "dictionary:publish", "skj:write", "skj:review", "skj:publish"],
      viewer: ["read"],
    });
  });

  it("lets analysts and admins, not reviewers, import and edit the national JF standards", () => {
    expect(ROLES.filter((r) => can(r, "jf-standard:write"))).toEqual(["admin", "analis"]);
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
