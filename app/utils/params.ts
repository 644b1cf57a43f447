// Only the plain decimal spelling of a positive id names a record: "1e0", "0x1", " 1", "01" and "1.0" all
// turn into 1 under Number(), so they would otherwise be a second address of the same page (issue 13).
const DECIMAL_ID = /^[1-9]\d{0,14}$/;

/** The id a route parameter names, or null when it is not written as a plain positive decimal. */
export function strictId(value: string | undefined | null): number | null {
  return value != null && DECIMAL_ID.test(value) ? Number(value) : null;
}

/** A numeric route id, or a 404 page naming what was not found. */
export function idParam(value: string | undefined, notFound: string): number {
  const id = strictId(value);
  if (id === null) throw new Response(notFound, { status: 404 });
  return id;
}
