// Drive route loaders and actions as the browser would: real Request objects with the session cookie.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { attemptLogin } from "~/auth/login.server";
import { startSession } from "~/auth/session.server";
import { DEMO_PASSWORD } from "~seeds/seed.server";

export const BASE = "http://localhost";

export async function cookieFor(email: string, password = DEMO_PASSWORD): Promise<string> {
  const result = await attemptLogin(email, password);
  if (!result.ok) throw new Error(`login failed for ${email}: ${result.message}`);
  const setCookie = await startSession(result.userId);
  return setCookie.split(";")[0]!;
}

export function get(pathname: string, cookie?: string): Request {
  return new Request(BASE + pathname, { headers: cookie ? { Cookie: cookie } : {} });
}

export function post(pathname: string, body: Record<string, string>, cookie?: string): Request {
  return new Request(BASE + pathname, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(body),
  });
}

type Handler<A> = (args: A) => unknown;

/** Runs a loader/action and returns what it returned or threw: a thrown Response is the answer too. */
export async function run<A extends LoaderFunctionArgs | ActionFunctionArgs>(
  handler: Handler<A>,
  request: Request,
  params: Record<string, string> = {},
): Promise<{ status: number; body: unknown; headers: Headers }> {
  try {
    const result = await handler({ request, params, context: {} } as A);
    if (result instanceof Response) return { status: result.status, body: await result.text(), headers: result.headers };
    const single = result as { type?: string; data?: unknown; init?: { status?: number; headers?: HeadersInit } } | null;
    if (single && single.type === "DataWithResponseInit") {
      return { status: single.init?.status ?? 200, body: single.data, headers: new Headers(single.init?.headers) };
    }
    return { status: 200, body: result, headers: new Headers() };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: await thrown.text(), headers: thrown.headers };
    throw thrown;
  }
}
