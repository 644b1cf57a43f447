// The latest saved revisions of the open draft, so a copy from a similar SKJ (and its undo) can be found
// among the autosaves by its note.
import { formatTanggalWaktu } from "~/domain/format-date";

interface RevisionNote {
  revision: number;
  savedAt: string;
  savedBy: string | null;
  note: string | null;
}

export function DraftHistory({ entries }: { entries: RevisionNote[] }) {
  return (
    <section className="card" aria-labelledby="h-riwayat-draf">
      <h2 id="h-riwayat-draf" style={{ marginTop: 0 }}>
        Riwayat draf
      </h2>
      <table className="data" aria-label="Riwayat draf">
        <thead>
          <tr>
            <th scope="col">Revisi</th>
            <th scope="col">Waktu</th>
            <th scope="col">Oleh</th>
            <th scope="col">Perubahan</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.revision}>
              <td>{e.revision}</td>
              <td>{formatTanggalWaktu(e.savedAt)}</td>
              <td>{e.savedBy ?? "—"}</td>
              <td>{e.note ?? (e.revision === 1 ? "Draf dibuat" : "Disimpan")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
