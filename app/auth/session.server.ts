import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import { getDb } from "~db/client.server";
import { deleteSession, findSessionUser, insertSession } from "~db/queries/sessions.server";
import { config } from "~/config.server";
import type { Role } from "~/domain/permissions";

export const SESSION_TTL_MS = 12 * 60 * 60_000;

export interface SessionUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}

let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  cookie ??= createCookie("skj_session", {
    httpOnly: true,
    sameSite: "lax",
    secure: config().secureCookies,
    path: "/",
    maxAge: SESSION_TTL_MS / 1000,
    secrets: [config().sessionSecret],
  });
  return cookie;
}

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** Starts a session and returns the Set-Cookie header value. */
export async function startSession(userId: number, now = new Date()): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  insertSession(getDb(), { idHash: hashToken(token), userId, expiresAt: new Date(now.getTime() + SESSION_TTL_MS), now });
  return sessionCookie().serialize(token);
}

async function tokenOf(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

export async function getSessionUser(request: Request, now = new Date()): Promise<SessionUser | null> {
  const token = await tokenOf(request);
  if (!token) return null;
  return findSessionUser(getDb(), hashToken(token), now) ?? null;
}

/** Ends the session of the request and returns the Set-Cookie header that clears it. */
export async function endSession(request: Request): Promise<string> {
  const token = await tokenOf(request);
  if (token) deleteSession(getDb(), hashToken(token));
  return sessionCookie().serialize("", { maxAge: 0 });
}
