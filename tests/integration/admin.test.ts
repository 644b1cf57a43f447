import { describe, expect, it } from "vitest";
import { loader as rootLoader } from "~/root";
import { loader as adminLoader } from "~/routes/admin._index";
import { loader as auditLoader } from "~/routes/admin.audit";
import { action as editUserAction } from "~/routes/admin.users.$userId";
import { action as newUserAction, loader as newUserLoader } from "~/routes/admin.users.new";
import { loader as homeLoader } from "~/routes/_index";
import { findUserByEmail } from "~db/queries/users.server";
import { cookieFor, get, post, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

describe("admin pages", () => {
  it("answer 403 to every role but admin, and send anonymous visitors to the login page", async () => {
    await useTestDatabase("demo");
    for (const email of ["viewer@demo.go.id", "analis@demo.go.id", "reviewer@demo.go.id"]) {
      const cookie = await cookieFor(email);
      for (const [loader, path] of [
        [adminLoader, "/admin"],
        [newUserLoader, "/admin/users/new"],
        [auditLoader, "/admin/audit"],
      ] as const) {
        expect((await run(loader, get(path, cookie))).status, `${email} ${path}`).toBe(403);
      }
      expect(
        (
          await run(
            newUserAction,
            post("/admin/users/new", { email: "x@y.id", name: "X", role: "admin", password: "panjang-sekali" }, cookie),
          )
        ).status,
      ).toBe(403);
    }
    const anonymous = await run(adminLoader, get("/admin"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin");
    expect((await run(adminLoader, get("/admin", await cookieFor("admin@demo.go.id")))).status).toBe(200);
  });

  it("give each role its navigation", async () => {
    await useTestDatabase("demo");
    const nav = async (email: string) =>
      ((await run(rootLoader, get("/", await cookieFor(email)))).body as { navigation: { label: string }[] }).navigation.map(
        (n) => n.label,
      );
    expect(await nav("admin@demo.go.id")).toContain("Admin");
    expect(await nav("viewer@demo.go.id")).not.toContain("Admin");
    expect(await nav("viewer@demo.go.id")).toContain("Kamus Kompetensi");
    expect((await run(homeLoader, get("/", await cookieFor("viewer@demo.go.id")))).status).toBe(200);
  });

  it("create a user, recorded in the audit log, and refuse a duplicate email at its field", async () => {
    const db = await useTestDatabase("demo");
    const cookie = await cookieFor("admin@demo.go.id");
    const form = { email: "Sari@Prov.go.id", name: "Sari Wulandari", role: "reviewer", password: "kata-sandi-sari" };
    const created = await run(newUserAction, post("/admin/users/new", form, cookie));
    expect(created.status).toBe(302);
    const sari = findUserByEmail(db, "sari@prov.go.id")!;
    expect(sari).toMatchObject({ name: "Sari Wulandari", role: "reviewer", active: true });
    const audit = db.$client
      .prepare(
        "select a.action, a.entity_id, u.email actor, a.summary from audit_log a join users u on u.id = a.actor_id where a.action = 'user.create'",
      )
      .get();
    expect(audit).toEqual({
      action: "user.create",
      entity_id: String(sari.id),
      actor: "admin@demo.go.id",
      summary: "Pengguna sari@prov.go.id dibuat dengan peran Reviewer",
    });

    const again = await run(newUserAction, post("/admin/users/new", form, cookie));
    expect(again.status).toBe(422);
    expect((again.body as { errors: Record<string, string> }).errors).toEqual({ email: "Email sudah terdaftar." });
  });

  it("store nothing when the form is invalid", async () => {
    const db = await useTestDatabase("demo");
    const before = db.$client.prepare("select count(*) from users").pluck().get();
    const res = await run(
      newUserAction,
      post("/admin/users/new", { email: "salah", name: "", role: "analis", password: "x" }, await cookieFor("admin@demo.go.id")),
    );
    expect(res.status).toBe(422);
    expect(Object.keys((res.body as { errors: object }).errors).sort()).toEqual(["email", "name", "password"]);
    expect(db.$client.prepare("select count(*) from users").pluck().get()).toBe(before);
  });

  it("change a role and deactivate a user, with before and after in the audit log", async () => {
    const db = await useTestDatabase("demo");
    const cookie = await cookieFor("admin@demo.go.id");
    const analis = findUserByEmail(db, "analis@demo.go.id")!;
    const res = await run(
      editUserAction,
      post(`/admin/users/${analis.id}`, { name: "Analis Demo", role: "reviewer", password: "" }, cookie),
      { userId: String(analis.id) },
    );
    expect(res.status).toBe(302);
    expect(findUserByEmail(db, "analis@demo.go.id")).toMatchObject({ role: "reviewer", active: false });
    const row = db.$client.prepare("select summary, before, after from audit_log where action = 'user.update' order by id desc").get() as {
      summary: string;
      before: string;
      after: string;
    };
    expect(row.summary).toBe("Pengguna analis@demo.go.id diubah: peran: Analis → Reviewer; aktif: ya → tidak");
    expect(JSON.parse(row.before)).toEqual({ name: "Analis Demo", role: "analis", active: true });
    expect(JSON.parse(row.after)).toEqual({ name: "Analis Demo", role: "reviewer", active: false });
  });

  it("do not let an admin lock themselves out", async () => {
    const db = await useTestDatabase("demo");
    const admin = findUserByEmail(db, "admin@demo.go.id")!;
    const res = await run(
      editUserAction,
      post(`/admin/users/${admin.id}`, { name: "Admin", role: "viewer", active: "on", password: "" }, await cookieFor("admin@demo.go.id")),
      { userId: String(admin.id) },
    );
    expect(res.status).toBe(422);
    expect(findUserByEmail(db, "admin@demo.go.id")?.role).toBe("admin");
  });

  it("filter the audit log by action and actor", async () => {
    const db = await useTestDatabase("demo");
    const cookie = await cookieFor("admin@demo.go.id");
    await run(
      newUserAction,
      post("/admin/users/new", { email: "a1@prov.go.id", name: "A1", role: "viewer", password: "kata-sandi-a1" }, cookie),
    );
    const admin = findUserByEmail(db, "admin@demo.go.id")!;
    const res = await run(auditLoader, get(`/admin/audit?action=user.create&actorId=${admin.id}`, cookie));
    const rows = (res.body as { rows: { action: string; summary: string }[] }).rows;
    expect(rows.map((r) => r.summary)).toEqual(["Pengguna a1@prov.go.id dibuat dengan peran Pembaca"]);
    const none = await run(auditLoader, get("/admin/audit?action=user.create&from=2999-01-01", cookie));
    expect((none.body as { rows: unknown[] }).rows).toEqual([]);
  });
});
