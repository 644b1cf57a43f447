/** A numeric route id, or a 404 page naming what was not found. */
export function idParam(value: string | undefined, notFound: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new Response(notFound, { status: 404 });
  return id;
}
