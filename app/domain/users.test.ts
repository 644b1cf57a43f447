import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "./forms";
import { UserCreateSchema } from "./users";

describe("user form schema", () => {
  it("normalises the email and accepts a valid account", () => {
    const parsed = UserCreateSchema.parse({ email: "  Budi@Prov.go.id ", name: " Budi ", role: "analis", password: "panjang-sekali" });
    expect(parsed).toMatchObject({ email: "budi@prov.go.id", name: "Budi" });
  });

  it("names every invalid field with an Indonesian message", () => {
    const result = UserCreateSchema.safeParse({ email: "bukan-email", name: "", role: "raja", password: "pendek" });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({
      email: "Format email tidak valid.",
      name: "Nama wajib diisi.",
      role: "Pilih peran yang tersedia.",
      password: "Kata sandi minimal 10 karakter.",
    });
  });
});
