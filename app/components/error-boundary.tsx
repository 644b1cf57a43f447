import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const TITLES: Record<number, string> = {
  400: "Permintaan tidak valid",
  403: "Akses ditolak",
  404: "Halaman tidak ditemukan",
  409: "Terjadi konflik",
  413: "Data terlalu besar",
};

/** One error page for every route: a readable Indonesian explanation and a way back. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error)) {
    const title = TITLES[error.status] ?? "Terjadi kesalahan";
    const detail =
      typeof error.data === "string" && error.data
        ? error.data
        : error.status === 404
          ? "Alamat yang Anda buka tidak ada atau sudah dipindahkan."
          : "Permintaan tidak dapat diproses.";
    return (
      <section className="error-page" aria-labelledby="error-title">
        <p className="error-code">{error.status}</p>
        <h1 id="error-title">{title}</h1>
        <p>{detail}</p>
        <p>
          <Link to="/">Kembali ke Beranda</Link>
        </p>
      </section>
    );
  }
  if (typeof console !== "undefined") console.error(error);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-code">500</p>
      <h1 id="error-title">Terjadi kesalahan pada server</h1>
      <p>Maaf, terjadi kesalahan yang tidak terduga. Tidak ada data yang hilang; coba muat ulang halaman.</p>
      <p>
        <Link to="/">Kembali ke Beranda</Link>
      </p>
    </section>
  );
}
