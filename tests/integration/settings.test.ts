import { describe, expect, it } from "vitest";
import { loader as editLoader, action as editAction } from "~/routes/admin.settings.$key";
import { loader as listLoader } from "~/routes/admin.settings._index";
import { cellFieldName, GROUP_KEYS, rowFieldName, settingRows, STANDARD_LEVEL_CODES } from "~/domain/settings";
import type { Db } from "~db/client.server";
import { getSetting, unverifiedSettings, updateSetting } from "~db/queries/settings.server";
import { findUserByEmail } from "~db/queries/users.server";
import { cookieFor, get, post, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

/** The fields the edit page sends for the stored standard levels, as a browser would post them. */
function standardLevelsForm(db: Db): Record<string, string> {
  const row = getSetting(db, "standardLevels")!;
  const levels = row.value as Record<string, Record<string, number>>;
  const fields: Record<string, string> = { sourceNote: row.sourceNote, updatedAt: row.updatedAt };
  if (row.verified) fields.verified = "on";
  for (const group of GROUP_KEYS)
    for (const code of STANDARD_LEVEL_CODES) fields[cellFieldName(group, code)] = String(levels[group]![code]);
  return fields;
}

const auditRows = (db: Db) =>
  db.$client
    .prepare(
      "select a.action, a.entity_type, a.entity_id, a.summary, a.before, a.after, u.email actor from audit_log a left join users u on u.id = a.actor_id where a.action = 'settings.update' order by a.id",
    )
    .all() as {
    action: string;
    entity_type: string;
    entity_id: string;
    summary: string;
    before: string;
    after: string;
    actor: string;
  }[];

describe("settings pages", () => {
  it("answer 403 to every role but admin, on both pages and the save", async () => {
    await useTestDatabase("demo");
    for (const email of ["viewer@demo.go.id", "analis@demo.go.id", "reviewer@demo.go.id"]) {
      const cookie = await cookieFor(email);
      expect((await run(listLoader, get("/admin/settings", cookie))).status, `${email} list`).toBe(403);
      expect(
        (await run(editLoader, get("/admin/settings/standardLevels", cookie), { key: "standardLevels" })).status,
        `${email} edit`,
      ).toBe(403);
      const save = await run(editAction, post("/admin/settings/regionalGovernment", { sourceNote: "x", value: "on" }, cookie), {
        key: "regionalGovernment",
      });
      expect(save.status, `${email} save`).toBe(403);
    }
    const anonymous = await run(listLoader, get("/admin/settings"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fsettings");
  });

  it("list every setting as unverified to an admin, and 404 an unknown key", async () => {
    await useTestDatabase("demo");
    const cookie = await cookieFor("admin@demo.go.id");
    const list = await run(listLoader, get("/admin/settings", cookie));
    expect(list.status).toBe(200);
    const settings = (list.body as { settings: { key: string; verified: boolean; updatedByName: string | null }[] }).settings;
    expect(settings.map((s) => s.key)).toEqual([
      "standardLevels",
      "minimumRankByEselon",
      "lowestEselonByGroup",
      "minimumEducationByGroup",
      "leadershipTrainingByGroup",
      "leadershipTrainingAliases",
      "minimumExperienceByGroup",
      "regionalGovernment",
      "webhookAllowedHosts",
    ]);
    expect(settings.every((s) => !s.verified && s.updatedByName === null)).toBe(true);
    expect(settings[0]).not.toHaveProperty("value");
    expect((await run(editLoader, get("/admin/settings/tidakAda", cookie), { key: "tidakAda" })).status).toBe(404);
  });

  it("store one changed cell and the verified flag, audited with the cell named", async () => {
    const db = await useTestDatabase("demo");
    const cookie = await cookieFor("admin@demo.go.id");
    const admin = findUserByEmail(db, "admin@demo.go.id")!;
    const fields = { ...standardLevelsForm(db), [cellFieldName("administrator", "M.01")]: "4", verified: "on" };

    const res = await run(editAction, post("/admin/settings/standardLevels", fields, cookie), { key: "standardLevels" });
    expect(res.status).toBe(302);
    expect(decodeURIComponent(res.headers.get("Location")!)).toMatch(/^\/admin\/settings\?notice=Pengaturan ".+" disimpan\.$/);

    const stored = getSetting(db, "standardLevels")!;
    const levels = stored.value as Record<string, Record<string, number>>;
    expect(levels.administrator).toEqual({
      "M.01": 4,
      "M.02": 3,
      "M.03": 3,
      "M.04": 3,
      "M.05": 3,
      "M.06": 3,
      "M.07": 3,
      "M.08": 3,
      "SK.01": 3,
    });
    expect(levels.pengawas!["M.01"]).toBe(2);
    expect(stored).toMatchObject({ verified: true, updatedBy: admin.id });

    const [audit, ...more] = auditRows(db);
    expect(more).toEqual([]);
    expect(audit).toMatchObject({
      action: "settings.update",
      entity_type: "setting",
      entity_id: "standardLevels",
      actor: "admin@demo.go.id",
      summary:
        "Pengaturan Standar level kompetensi manajerial dan sosial kultural per kelompok jabatan diubah: standardLevels.administrator.M.01: 3 → 4; verified: tidak → ya",
    });
    expect(JSON.parse(audit!.before).value.administrator["M.01"]).toBe(3);
    expect(JSON.parse(audit!.after)).toMatchObject({ verified: true, value: { administrator: { "M.01": 4 } } });

    const list = (await run(listLoader, get("/admin/settings", cookie))).body as {
      settings: { key: string; verified: boolean; updatedByName: string | null }[];
    };
    expect(list.settings.find((s) => s.key === "standardLevels")).toMatchObject({ verified: true, updatedByName: admin.name });
    expect(unverifiedSettings(db).map((s) => s.key)).toEqual([
      "minimumRankByEselon",
      "lowestEselonByGroup",
      "minimumEducationByGroup",
      "leadershipTrainingByGroup",
      "leadershipTrainingAliases",
      "minimumExperienceByGroup",
    ]);
  });

  it("store nothing and name the cell when a cell is invalid", async () => {
    const db = await useTestDatabase("demo");
    const cookie = await cookieFor("admin@demo.go.id");
    const before = getSetting(db, "standardLevels");
    const fields = {
      ...standardLevelsForm(db),
      [cellFieldName("administrator", "M.01")]: "4",
      [cellFieldName("fungsional:ahli_muda", "M.01")]: "7",
      verified: "on",
    };
    const res = await run(editAction, post("/admin/settings/standardLevels", fields, cookie), { key: "standardLevels" });
    expect(res.status).toBe(422);
    expect((res.body as { errors: Record<string, string> }).errors).toEqual({
      "value[fungsional:ahli_muda][M.01]": "Standar level JF Ahli Muda, Integritas (M.01): harus bilangan bulat 1–5.",
    });
    expect(getSetting(db, "standardLevels")).toEqual(before);
    expect(auditRows(db)).toEqual([]);

    const noNote = await run(editAction, post("/admin/settings/regionalGovernment", { value: "on", sourceNote: "  " }, cookie), {
      key: "regionalGovernment",
    });
    expect(noNote.status).toBe(422);
    expect((noNote.body as { errors: Record<string, string> }).errors).toEqual({ sourceNote: "Catatan sumber wajib diisi." });
  });

  it("clear a minimum education with the empty choice, and store nothing when nothing changed", async () => {
    const db = await useTestDatabase("demo");
    const cookie = await cookieFor("admin@demo.go.id");
    const row = getSetting(db, "minimumEducationByGroup")!;
    const current = row.value as Record<string, string>;
    const fields: Record<string, string> = { sourceNote: row.sourceNote, updatedAt: row.updatedAt };
    for (const group of settingRows("minimumEducationByGroup")) fields[rowFieldName(group)] = current[group] ?? "";

    const same = await run(editAction, post("/admin/settings/minimumEducationByGroup", fields, cookie), { key: "minimumEducationByGroup" });
    expect(decodeURIComponent(same.headers.get("Location")!)).toContain("Tidak ada perubahan");
    expect(getSetting(db, "minimumEducationByGroup")).toEqual(row);
    expect(auditRows(db)).toEqual([]);

    fields[rowFieldName("pengawas")] = "";
    fields[rowFieldName("pelaksana")] = "SMA";
    expect(
      (await run(editAction, post("/admin/settings/minimumEducationByGroup", fields, cookie), { key: "minimumEducationByGroup" })).status,
    ).toBe(302);
    const stored = getSetting(db, "minimumEducationByGroup")!.value as Record<string, string>;
    expect(stored).not.toHaveProperty("pengawas");
    expect(stored.pelaksana).toBe("SMA");
    expect(auditRows(db).map((r) => r.summary)).toEqual([
      "Pengaturan Pendidikan minimum per kelompok jabatan diubah: minimumEducationByGroup.pengawas: D-III → —; minimumEducationByGroup.pelaksana: — → SMA",
    ]);
  });

  it("refuse to overwrite a change saved since the form was opened", async () => {
    const db = await useTestDatabase("demo");
    const cookie = await cookieFor("admin@demo.go.id");
    const admin = findUserByEmail(db, "admin@demo.go.id")!;
    const opened = standardLevelsForm(db);
    const first = updateSetting(db, "regionalGovernment", { value: false, sourceNote: "Bukan pemda.", verified: true }, admin.id);
    expect(first).toEqual({ ok: true, changes: ["regionalGovernment: ya → tidak", "verified: tidak → ya", "catatan sumber diubah"] });
    const levels = getSetting(db, "standardLevels")!;
    db.$client.prepare("update settings set updated_at = '2000-01-01T00:00:00.000Z' where key = 'standardLevels'").run();
    const res = await run(
      editAction,
      post("/admin/settings/standardLevels", { ...opened, [cellFieldName("pelaksana", "M.01")]: "2" }, cookie),
      { key: "standardLevels" },
    );
    expect(res.status).toBe(409);
    expect((res.body as { errors: Record<string, string> }).errors._form).toMatch(/sudah diubah pengguna lain/);
    expect(getSetting(db, "standardLevels")!.value).toEqual(levels.value);
  });
});
