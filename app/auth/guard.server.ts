import { redirect } from "@remix-run/node";
import { can, type Permission } from "~/domain/permissions";
import { getSessionUser, type SessionUser } from "./session.server";

/** Every loader and action starts here: the signed-in user, or a redirect to the login page. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

/** The signed-in user if their role grants the permission; otherwise a 403 page. */
export async function requirePermission(request: Request, permission: Permission): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!can(user.role, permission)) {
    throw new Response("Anda tidak memiliki izin untuk membuka halaman ini.", { status: 403, statusText: "Forbidden" });
  }
  return user;
}
