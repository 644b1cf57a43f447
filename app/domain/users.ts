import { z } from "zod";
import { ROLES } from "./permissions";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const NAME_MAX = 120;

export const EmailSchema = z
  .string({ error: "Email wajib diisi." })
  .trim()
  .toLowerCase()
  .min(1, "Email wajib diisi.")
  .max(254, "Email terlalu panjang.")
  .pipe(z.email({ error: "Format email tidak valid." }));

export const PasswordSchema = z
  .string({ error: "Kata sandi wajib diisi." })
  .min(PASSWORD_MIN, `Kata sandi minimal ${PASSWORD_MIN} karakter.`)
  .max(PASSWORD_MAX, `Kata sandi maksimal ${PASSWORD_MAX} karakter.`);

export const NameSchema = z
  .string({ error: "Nama wajib diisi." })
  .trim()
  .min(1, "Nama wajib diisi.")
  .max(NAME_MAX, `Nama maksimal ${NAME_MAX} karakter.`);

export const RoleSchema = z.enum(ROLES, { error: "Pilih peran yang tersedia." });

export const LoginSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, "Email wajib diisi."),
  password: z.string().min(1, "Kata sandi wajib diisi.").max(PASSWORD_MAX),
});

export const UserCreateSchema = z.object({
  email: EmailSchema,
  name: NameSchema,
  role: RoleSchema,
  password: PasswordSchema,
});
export type UserCreateInput = z.infer<typeof UserCreateSchema>;

export const UserUpdateSchema = z.object({
  name: NameSchema,
  role: RoleSchema,
  active: z.boolean(),
  // empty means "keep the current password"
  password: z.union([z.literal(""), PasswordSchema]),
});
export type UserUpdateInput = z.infer<typeof UserUpdateSchema>;
