import { getDb } from "~db/client.server";
import { clearThrottle, countLoginAttempt } from "~db/queries/sessions.server";
import { findUserByEmail } from "~db/queries/users.server";
import { attemptVerdict, lockMessage } from "~/domain/login-throttle";
import { dummyPasswordHash, verifyPassword } from "./password.server";

export const WRONG_CREDENTIALS = "Email atau kata sandi salah.";

export type LoginResult = { ok: true; userId: number } | { ok: false; message: string };

export async function attemptLogin(emailInput: string, password: string, now = new Date()): Promise<LoginResult> {
  const db = getDb();
  const email = emailInput.trim().toLowerCase();
  const key = `email:${email}`;
  // counted before the (slow) hash check, synchronously: parallel attempts each see the others' count
  const verdict = attemptVerdict(countLoginAttempt(db, key, now), now);
  if (!verdict.allowed) return { ok: false, message: lockMessage(verdict.remainingMs) };

  const user = findUserByEmail(db, email);
  const valid = user
    ? await verifyPassword(user.passwordHash, password)
    : (await verifyPassword(await dummyPasswordHash(), password), false);
  if (user && valid && user.active) {
    clearThrottle(db, key);
    return { ok: true, userId: user.id };
  }
  // a deactivated account answers exactly like a wrong password: nothing to learn from the message
  return { ok: false, message: WRONG_CREDENTIALS };
}
