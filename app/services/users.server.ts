import { hashPassword } from "~/auth/password.server";
import type { FieldErrors } from "~/domain/forms";
import type { UserCreateInput, UserUpdateInput } from "~/domain/users";
import type { Db } from "~db/client.server";
import { createUser, DuplicateEmailError, getUser, updateUser, type PublicUser } from "~db/queries/users.server";

export type AccountResult = { ok: true; user: PublicUser } | { ok: false; errors: FieldErrors };

/** Creates an account from validated input; used by the admin page and `cli user:create`. */
export async function createAccount(db: Db, input: UserCreateInput, actorId: number | null): Promise<AccountResult> {
  const passwordHash = await hashPassword(input.password);
  try {
    return { ok: true, user: createUser(db, { ...input, passwordHash }, actorId) };
  } catch (error) {
    if (error instanceof DuplicateEmailError) return { ok: false, errors: { email: error.message } };
    throw error;
  }
}

export async function updateAccount(db: Db, id: number, input: UserUpdateInput, actorId: number): Promise<AccountResult> {
  const target = getUser(db, id);
  if (!target) throw new Response("Pengguna tidak ditemukan.", { status: 404 });
  // an admin cannot lock themselves out: their own role and status stay
  if (id === actorId && (input.role !== target.role || !input.active)) {
    return { ok: false, errors: { role: "Anda tidak dapat mengubah peran atau menonaktifkan akun Anda sendiri." } };
  }
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return { ok: true, user: updateUser(db, id, { name: input.name, role: input.role, active: input.active, passwordHash }, actorId) };
}
