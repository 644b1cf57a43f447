import { z } from "zod";
import { FUNCTIONAL_LEVELS, POSITION_GROUPS, SKJ_STATUSES } from "./sotk";

export const REGISTER_SORT_KEYS = ["code", "name", "group", "unit", "relevance"] as const;

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** The register's URL query: unknown or malformed values are ignored rather than failing the page. */
export const RegisterQuerySchema = z.object({
  unit: optional(z.string().trim().min(1).max(64)),
  group: optional(z.enum(POSITION_GROUPS)),
  level: optional(z.enum(FUNCTIONAL_LEVELS)),
  status: optional(z.enum(SKJ_STATUSES)),
  q: optional(z.string().trim().min(1).max(200)),
  sort: optional(z.enum(REGISTER_SORT_KEYS)),
  desc: optional(z.literal("1")),
  page: optional(z.coerce.number().int().min(1).max(1_000_000)),
});
export type RegisterQuery = z.infer<typeof RegisterQuerySchema>;

export function parseRegisterQuery(params: URLSearchParams): RegisterQuery {
  return RegisterQuerySchema.parse(Object.fromEntries([...params].filter(([, v]) => v !== "")));
}
