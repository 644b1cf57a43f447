import { useState } from "react";
import { useJsonLookup } from "~/components/use-json-lookup";

interface Entry {
  code: string;
  name: string;
}

/**
 * Chooses one published technical entry of the dictionary, searched as the editor's picker searches it; the
 * chosen code travels in a hidden input named `name`.
 */
export function TechnicalEntryPicker({ name, label }: { name: string; label: string }) {
  const [q, setQ] = useState("");
  const [chosen, setChosen] = useState<Entry | null>(null);
  const found = useJsonLookup<{ entries: Entry[] }>(q.trim() ? `/kamus/pilih?q=${encodeURIComponent(q)}` : null, 250);
  const id = `${name}-cari`;
  return (
    <div className="picker">
      <input type="hidden" name={name} value={chosen?.code ?? ""} />
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Ketik kode atau nama, mis. analisis jabatan"
        />
      </div>
      {chosen ? (
        <p role="status">
          Dipilih: <strong>{chosen.name}</strong> <code>{chosen.code}</code>
        </p>
      ) : null}
      {q.trim() ? (
        <ul className="picker-results" aria-label={`Hasil pencarian: ${label}`}>
          {(found.data?.entries ?? []).slice(0, 8).map((e) => (
            <li key={e.code}>
              <button
                type="button"
                className="button-plain"
                onClick={() => {
                  setChosen(e);
                  setQ("");
                }}
              >
                <code>{e.code}</code> {e.name}
              </button>
            </li>
          ))}
          {found.failed ? <li className="muted">Pencarian kamus gagal (koneksi terputus?); ketik lagi untuk mencoba.</li> : null}
          {found.data && !found.failed && found.data.entries.length === 0 ? (
            <li className="muted">Tidak ada kompetensi teknis terbit yang cocok.</li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
