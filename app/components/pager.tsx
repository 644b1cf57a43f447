import { Link } from "@remix-run/react";

/** "← Sebelumnya · Halaman 2 dari 7 · Berikutnya →" for a list shown a page at a time. */
export function Pager({
  page,
  pages,
  linkTo,
  label = "Halaman",
}: {
  page: number;
  pages: number;
  linkTo: (page: number) => string;
  label?: string;
}) {
  return (
    <nav className="pager" aria-label={label}>
      {page > 1 ? <Link to={linkTo(page - 1)}>← Sebelumnya</Link> : null}
      <span className="muted">
        Halaman {page} dari {pages}
      </span>
      {page < pages ? <Link to={linkTo(page + 1)}>Berikutnya →</Link> : null}
    </nav>
  );
}
