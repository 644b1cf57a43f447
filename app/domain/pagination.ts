// Keyset pagination for the HTTP API (contract §5): `?cursor=&limit=`, answered with `nextCursor`.
// The cursor is the last id served, so rows added while a client walks the list never shift a page.

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export type PageParams =
  | { ok: true; limit: number; afterId: number }
  | { ok: false; error: "invalid_limit" | "invalid_cursor"; message: string };

export function encodeCursor(id: number): string {
  return Buffer.from(String(id), "utf8").toString("base64url");
}

/** The id inside a cursor, or null when the cursor was not made by encodeCursor. */
export function decodeCursor(cursor: string): number | null {
  // Buffer's decoder skips characters it does not know, so the alphabet and the round trip are checked here
  if (!/^[A-Za-z0-9_-]{1,24}$/.test(cursor)) return null;
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^[1-9]\d{0,15}$/.test(text)) return null;
  const id = Number(text);
  if (!Number.isSafeInteger(id) || encodeCursor(id) !== cursor) return null;
  return id;
}

/** Reads `limit` and `cursor`; an empty parameter counts as absent, as HTML forms and `?cursor=&limit=` send them. */
export function parsePageParams(params: URLSearchParams): PageParams {
  const rawLimit = params.get("limit") ?? "";
  let limit = DEFAULT_LIMIT;
  if (rawLimit !== "") {
    limit = /^\d{1,7}$/.test(rawLimit) ? Number(rawLimit) : NaN;
    if (!(limit >= 1 && limit <= MAX_LIMIT)) {
      return { ok: false, error: "invalid_limit", message: `Parameter limit harus bilangan bulat antara 1 dan ${MAX_LIMIT}.` };
    }
  }
  const rawCursor = params.get("cursor") ?? "";
  let afterId = 0;
  if (rawCursor !== "") {
    const id = decodeCursor(rawCursor);
    if (id === null) {
      return {
        ok: false,
        error: "invalid_cursor",
        message: "Parameter cursor tidak valid. Gunakan nilai nextCursor dari halaman sebelumnya.",
      };
    }
    afterId = id;
  }
  return { ok: true, limit, afterId };
}

/**
 * Turns `limit + 1` fetched rows into one page: the extra row only proves that another page exists,
 * so the last page answers nextCursor null without an empty trailing request.
 */
export function toPage<Row, Item>(rows: readonly Row[], limit: number, idOf: (row: Row) => number, toItem: (row: Row) => Item) {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(idOf(last)) : null,
  };
}
