import type { ImportError } from "~/domain/sotk-import";

/** The refusal of an all-or-nothing import: every bad cell with its file, sheet, row and column. */
export function ImportErrors({ errors }: { errors: readonly ImportError[] }) {
  return (
    <section className="card" aria-labelledby="import-errors">
      <h2 id="import-errors" style={{ marginTop: 0 }}>
        {errors.length} kesalahan ditemukan — tidak ada yang disimpan
      </h2>
      <table className="data" aria-label="Kesalahan impor">
        <thead>
          <tr>
            <th scope="col">Berkas</th>
            <th scope="col">Lembar</th>
            <th scope="col">Baris</th>
            <th scope="col">Kolom</th>
            <th scope="col">Kesalahan</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i}>
              <td>{e.file}</td>
              <td>{e.sheet ?? "—"}</td>
              <td>{e.row || "—"}</td>
              <td>
                <code>{e.column}</code>
              </td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
