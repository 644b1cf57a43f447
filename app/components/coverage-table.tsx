import { Link } from "@remix-run/react";
import type { CoverageRow } from "~/domain/skj-coverage";

export const percent = (part: number, total: number) => (total ? Math.round((part / total) * 100) : 0);

/** One row per perangkat daerah: its positions by SKJ status, each name a link to its positions in the register. */
export function CoverageTable({ rows, label }: { rows: CoverageRow[]; label: string }) {
  return (
    <table className="data" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Perangkat daerah</th>
          <th scope="col">Jabatan</th>
          <th scope="col">Ditetapkan</th>
          <th scope="col">Dalam tinjauan</th>
          <th scope="col">Draf</th>
          <th scope="col">Belum ada</th>
          <th scope="col">Kemajuan</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.unitId}>
            <td>
              <Link to={`/jabatan?unit=${encodeURIComponent(r.code)}`}>{r.name}</Link>
            </td>
            <td>{r.total}</td>
            <td>{r.published}</td>
            <td>{r.inReview}</td>
            <td>{r.draft}</td>
            <td>{r.none}</td>
            <td style={{ minWidth: 140 }}>
              <progress max={r.total || 1} value={r.published} aria-label={`${r.name}: ${percent(r.published, r.total)}% ditetapkan`} />{" "}
              {percent(r.published, r.total)}%
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
