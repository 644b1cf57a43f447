import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_PATH: z.string().min(1).default("data/skj.sqlite"),
  SESSION_SECRET: z.string().optional(),
  SKJ_SEED: z.enum(["demo", "reference", "none"]).optional(),
  // express's "trust proxy": a hop count, true, or addresses/subnets ("loopback", "10.0.0.0/8")
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === "" ? undefined : /^\d+$/.test(v) ? Number(v) : v === "true" ? true : v)),
});

export type Config = z.infer<typeof EnvSchema> & { sessionSecret: string; secureCookies: boolean; remixMode: "development" | "production" };

// Only development and tests may run without a secret; production refuses to start (contract §1).
const DEVELOPMENT_SECRET = "skj-studio-development-secret-not-for-production";

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.parse(env);
  if (parsed.NODE_ENV === "production" && !parsed.SESSION_SECRET) {
    throw new Error("SESSION_SECRET wajib diisi saat NODE_ENV=production (SESSION_SECRET is required in production).");
  }
  return {
    ...parsed,
    sessionSecret: parsed.SESSION_SECRET || DEVELOPMENT_SECRET,
    secureCookies: parsed.NODE_ENV === "production",
    // Error details (messages, stacks, file paths) reach the browser only when a developer asked for them by
    // name: an unset NODE_ENV seeds the demo like development (contract §1) but answers like production.
    remixMode: env.NODE_ENV === "development" ? "development" : "production",
  };
}

let cached: Config | undefined;
export function config(): Config {
  cached ??= readConfig();
  return cached;
}
