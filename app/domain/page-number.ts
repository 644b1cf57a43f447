/** The page a `?page=` parameter asks for, kept within 1…pages: a stale or typed number shows the nearest page. */
export function pageWithin(value: string | null, pages: number): number {
  const asked = value !== null && /^[1-9]\d{0,6}$/.test(value) ? Number(value) : 1;
  return Math.min(asked, Math.max(1, pages));
}

export const pageCount = (total: number, perPage: number) => Math.max(1, Math.ceil(total / perPage));
