import { beforeEach, describe, expect, it } from "vitest";
import { attemptLogin, WRONG_CREDENTIALS } from "~/auth/login.server";
import { requirePermission, requireUser } from "~/auth/guard.server";
import { endSession, getSessionUser, SESSION_TTL_MS, startSession } from "~/auth/session.server";
import { LOCK_MS, MAX_ATTEMPTS, WINDOW_MS } from "~/domain/login-throttle";
import { findUserByEmail, updateUser } from "~db/queries/users.server";
import { action as loginAction } from "~/routes/login";
import { DEMO_PASSWORD } from "~seeds/seed.server";
import { post, run } from "../setup/requests";
import { useTestDatabase } from "../setup/test-db";

const withCookie = (setCookie: string) => new Request("http://localhost/", { headers: { Cookie: setCookie.split(";")[0]! } });

describe("login", () => {
  beforeEach(async () => {
    await useTestDatabase("demo");
  });

  it("signs in with the right password and sets an httpOnly, SameSite=Lax session cookie", async () => {
    const res = await run(loginAction, post("/login", { email: "Analis@Demo.go.id", password: DEMO_PASSWORD, redirectTo: "/jabatan" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/jabatan");
    const cookie = res.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await getSessionUser(withCookie(cookie)))?.email).toBe("analis@demo.go.id");
  });

  it("answers a wrong password and an unknown email with the same message", async () => {
    const wrong = await run(loginAction, post("/login", { email: "analis@demo.go.id", password: "salah-sekali" }));
    const unknown = await run(loginAction, post("/login", { email: "tidak.ada@demo.go.id", password: "salah-sekali" }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((wrong.body as { formError: string }).formError).toBe("Email atau kata sandi salah.");
    expect((unknown.body as { formError: string }).formError).toBe(WRONG_CREDENTIALS);
  });

  it.each([
    "//evil.example/x",
    "/\t/evil.example/phish",
    "/\r/evil.example",
    "/\n/evil.example",
    "/\\evil.example",
    "/a/../..//evil.example",
  ])("never redirects off-site after login (%j)", async (redirectTo) => {
    const res = await run(loginAction, post("/login", { email: "analis@demo.go.id", password: DEMO_PASSWORD, redirectTo }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/");
  });

  it.each(["/\v/evil.example", "/\u3000/evil.example", "/jabatan\r\nSet-Cookie: x=1"])(
    "answers a redirect, not a 500, for %j",
    async (redirectTo) => {
      const res = await run(loginAction, post("/login", { email: "analis@demo.go.id", password: DEMO_PASSWORD, redirectTo }));
      expect(res.status).toBe(302);
      expect(new URL(res.headers.get("Location")!, "https://skj.example.go.id").host).toBe("skj.example.go.id");
    },
  );

  it("shows field errors and signs nobody in when the form is empty", async () => {
    const res = await run(loginAction, post("/login", { email: "", password: "" }));
    expect(res.status).toBe(422);
    expect((res.body as { errors: Record<string, string> }).errors).toEqual({
      email: "Email wajib diisi.",
      password: "Kata sandi wajib diisi.",
    });
    expect(res.headers.get("Set-Cookie")).toBeNull();
  });

  it("throttles an email after repeated failures, even for the right password, then lets it in again", async () => {
    const now = new Date("2026-12-01T08:00:00Z");
    for (let i = 0; i < MAX_ATTEMPTS; i++) expect((await attemptLogin("analis@demo.go.id", "salah", now)).ok).toBe(false);
    const locked = await attemptLogin("analis@demo.go.id", DEMO_PASSWORD, now);
    expect(locked).toEqual({ ok: false, message: expect.stringContaining("Terlalu banyak percobaan") });
    // another account is not affected
    expect((await attemptLogin("reviewer@demo.go.id", DEMO_PASSWORD, now)).ok).toBe(true);
    const later = new Date(now.getTime() + LOCK_MS + 1000);
    expect((await attemptLogin("analis@demo.go.id", DEMO_PASSWORD, later)).ok).toBe(true);
  });

  it("checks at most five passwords of a parallel burst and is locked afterwards, even for the right password", async () => {
    const burst = await Promise.all(
      Array.from({ length: 40 }, () => run(loginAction, post("/login", { email: "analis@demo.go.id", password: "salah-sekali" }))),
    );
    const messages = burst.map((res) => (res.body as { formError: string }).formError);
    // a refused attempt answers the lock message without its password ever being hashed
    expect(messages.filter((m) => m === WRONG_CREDENTIALS)).toHaveLength(MAX_ATTEMPTS);
    expect(messages.filter((m) => m.startsWith("Terlalu banyak percobaan"))).toHaveLength(40 - MAX_ATTEMPTS);
    const right = await run(loginAction, post("/login", { email: "analis@demo.go.id", password: DEMO_PASSWORD }));
    expect(right.status).toBe(401);
    expect(right.headers.get("Set-Cookie")).toBeNull();
  });

  it("keeps a lock whatever arrives during it, and opens a fresh window after it", async () => {
    const now = new Date("2026-12-01T08:00:00Z");
    const at = (ms: number) => new Date(now.getTime() + ms);
    for (let i = 0; i < MAX_ATTEMPTS; i++) await attemptLogin("analis@demo.go.id", "salah", now);
    for (let minute = 1; minute < LOCK_MS / 60_000; minute++) {
      expect((await attemptLogin("analis@demo.go.id", minute % 2 ? "salah" : DEMO_PASSWORD, at(minute * 60_000))).ok).toBe(false);
    }
    // the lock ran out: the attempts made during it do not carry over into the next window
    for (let i = 0; i < MAX_ATTEMPTS - 1; i++) await attemptLogin("analis@demo.go.id", "salah", at(LOCK_MS));
    expect((await attemptLogin("analis@demo.go.id", DEMO_PASSWORD, at(LOCK_MS))).ok).toBe(true);
  });

  it("forgets attempts older than the window, and a success clears the count", async () => {
    const now = new Date("2026-12-01T08:00:00Z");
    for (let i = 0; i < MAX_ATTEMPTS - 1; i++) await attemptLogin("analis@demo.go.id", "salah", now);
    const later = new Date(now.getTime() + WINDOW_MS);
    for (let i = 0; i < MAX_ATTEMPTS - 1; i++) await attemptLogin("analis@demo.go.id", "salah", later);
    expect((await attemptLogin("analis@demo.go.id", DEMO_PASSWORD, later)).ok).toBe(true);
    for (let i = 0; i < MAX_ATTEMPTS - 1; i++) await attemptLogin("analis@demo.go.id", "salah", later);
    expect((await attemptLogin("analis@demo.go.id", DEMO_PASSWORD, later)).ok).toBe(true);
  });

  it("throttles unknown emails the same way, so a lock reveals nothing", async () => {
    const now = new Date("2026-12-01T08:00:00Z");
    for (let i = 0; i < MAX_ATTEMPTS; i++) await attemptLogin("siapa@demo.go.id", "salah", now);
    expect((await attemptLogin("siapa@demo.go.id", "salah", now)).ok).toBe(false);
    expect((await attemptLogin("siapa@demo.go.id", "salah", now)) as { message: string }).toMatchObject({
      message: expect.stringContaining("Terlalu banyak"),
    });
  });

  it("takes the email with spaces around it or in capitals as the same account, for the lock as for signing in", async () => {
    const now = new Date("2026-12-01T08:00:00Z");
    for (let i = 0; i < MAX_ATTEMPTS; i++)
      expect(await attemptLogin(" ANALIS@demo.go.id ", "salah", now)).toEqual({ ok: false, message: WRONG_CREDENTIALS });
    expect((await attemptLogin("analis@demo.go.id", DEMO_PASSWORD, now)).ok).toBe(false);
    const later = new Date(now.getTime() + LOCK_MS + 1000);
    expect(await attemptLogin("  Analis@Demo.GO.id\t", DEMO_PASSWORD, later)).toMatchObject({ ok: true });
  });

  it("refuses an account whose stored password hash is unreadable with the usual message instead of failing", async () => {
    const db = await useTestDatabase("demo");
    db.$client.prepare("update users set password_hash = 'bukan-hash-argon2' where email = 'analis@demo.go.id'").run();
    expect(await attemptLogin("analis@demo.go.id", DEMO_PASSWORD)).toEqual({ ok: false, message: WRONG_CREDENTIALS });
  });

  it("refuses a deactivated account with the usual message", async () => {
    const db = await useTestDatabase("demo");
    const user = findUserByEmail(db, "viewer@demo.go.id")!;
    updateUser(db, user.id, { name: user.name, role: user.role, active: false }, null);
    expect(await attemptLogin("viewer@demo.go.id", DEMO_PASSWORD)).toEqual({ ok: false, message: WRONG_CREDENTIALS });
  });
});

describe("sessions", () => {
  it("expire after their lifetime", async () => {
    const db = await useTestDatabase("demo");
    const user = findUserByEmail(db, "analis@demo.go.id")!;
    const start = new Date("2026-12-01T08:00:00Z");
    const request = withCookie(await startSession(user.id, start));
    expect(await getSessionUser(request, new Date(start.getTime() + SESSION_TTL_MS - 1000))).not.toBeNull();
    expect(await getSessionUser(request, new Date(start.getTime() + SESSION_TTL_MS + 1000))).toBeNull();
  });

  it("end when the user is deactivated or their role changes", async () => {
    const db = await useTestDatabase("demo");
    const user = findUserByEmail(db, "analis@demo.go.id")!;
    const request = withCookie(await startSession(user.id));
    expect(await getSessionUser(request)).not.toBeNull();
    updateUser(db, user.id, { name: user.name, role: "viewer", active: true }, null);
    expect(await getSessionUser(request)).toBeNull();
  });

  it("a logout without a session only clears the cookie", async () => {
    await useTestDatabase("demo");
    expect(await endSession(new Request("http://localhost/logout", { method: "POST" }))).toMatch(/^skj_session=; Max-Age=0;/);
  });

  it("ignore a forged cookie, and a real session token whose signature was cut off", async () => {
    const db = await useTestDatabase("demo");
    expect(await getSessionUser(withCookie("skj_session=forged.value"))).toBeNull();
    const signed = (await startSession(findUserByEmail(db, "analis@demo.go.id")!.id)).split(";")[0]!;
    expect(await getSessionUser(withCookie(signed))).not.toBeNull();
    expect(await getSessionUser(withCookie(signed.replace(/\.[^.]*$/, "")))).toBeNull();
  });
});

describe("the guard of every page", () => {
  const refusal = (call: Promise<unknown>) =>
    call.then(
      () => null,
      (thrown: Response) => thrown,
    );

  it("sends a visitor without a session to the login page, coming back to the page they asked for", async () => {
    await useTestDatabase("demo");
    const home = await refusal(requireUser(new Request("http://localhost/")));
    expect(home?.headers.get("Location")).toBe("/login");
    const search = await refusal(requireUser(new Request("http://localhost/jabatan?q=biro")));
    expect(search?.headers.get("Location")).toBe("/login?redirectTo=%2Fjabatan%3Fq%3Dbiro");
  });

  it("answers 403 with an Indonesian message to a role without the permission", async () => {
    const db = await useTestDatabase("demo");
    const cookie = await startSession(findUserByEmail(db, "viewer@demo.go.id")!.id);
    const refused = await refusal(requirePermission(withCookie(cookie), "skj:publish"));
    expect(refused?.status).toBe(403);
    expect(await refused?.text()).toBe("Anda tidak memiliki izin untuk membuka halaman ini.");
  });
});

describe("the session cookie", () => {
  it("holds for the whole site as long as the session lasts, and logging out clears it and ends the session", async () => {
    const db = await useTestDatabase("demo");
    const cookie = await startSession(findUserByEmail(db, "analis@demo.go.id")!.id);
    expect(cookie).toMatch(/; Path=\/(;|$)/);
    // twelve hours, a working day with its overtime
    expect(cookie).toMatch(/; Max-Age=43200(;|$)/);
    const cleared = await endSession(withCookie(cookie));
    expect(cleared).toMatch(/^skj_session=; Max-Age=0;/);
    expect(await getSessionUser(withCookie(cookie))).toBeNull();
  });
});
