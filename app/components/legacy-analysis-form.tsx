// The check of an analysed legacy SKJ book (contract §7.5): one row per SKJ found, its position changeable among
// the candidates or left out, then "Impor N draf". Posted to /skj/impor from the job page and from a refusal.
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import type { AnalysedRow } from "~/domain/legacy-skj/analysed-row";

export interface LegacyAnalysis {
  id: string;
  files: string[];
  rows: AnalysedRow[];
  message?: string;
}

const score = (n: number) => n.toLocaleString("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function AnalysisForm({ reply }: { reply: LegacyAnalysis }) {
  const busy = useNavigation().state === "submitting";
  const [choices, setChoices] = useState(() =>
    reply.rows.map((r) => ({ keep: r.match !== null, positionCode: r.match?.positionCode ?? "" })),
  );
  const count = choices.filter((c) => c.keep && c.positionCode).length;
  const choose = (i: number, change: Partial<(typeof choices)[number]>) =>
    setChoices((all) => all.map((c, j) => (j === i ? { ...c, ...change } : c)));
  return (
    <Form method="post" action="/skj/impor" className="card" aria-labelledby="hasil-periksa">
      <h2 id="hasil-periksa" style={{ marginTop: 0 }}>{`${reply.rows.length} SKJ ditemukan di ${reply.files.join(", ")}`}</h2>
      <p className="muted">
        Periksa jabatan yang dicocokkan. Ubah pilihan bila keliru, atau hapus centang agar baris itu tidak diimpor. Kompetensi teknis baru
        menjadi draf kamus.
      </p>
      <input type="hidden" name="analisis" value={reply.id} />
      <table className="data" aria-label="SKJ yang ditemukan">
        <thead>
          <tr>
            <th scope="col">Impor</th>
            <th scope="col">Sumber</th>
            <th scope="col">Jabatan tercetak</th>
            <th scope="col">Jabatan di register</th>
            <th scope="col">Kompetensi cocok</th>
            <th scope="col">Kompetensi baru</th>
            <th scope="col">Masalah</th>
          </tr>
        </thead>
        <tbody>
          {reply.rows.map((row, i) => (
            <tr key={i}>
              <td>
                <input
                  type="checkbox"
                  name="impor"
                  value={i}
                  aria-label={`Impor ${row.name} (${row.source})`}
                  checked={choices[i]!.keep && choices[i]!.positionCode !== ""}
                  disabled={choices[i]!.positionCode === ""}
                  onChange={(e) => choose(i, { keep: e.target.checked })}
                />
              </td>
              <td>{row.source}</td>
              <td>{row.name}</td>
              <td>
                {row.match ? <span>{`Cocok (skor ${score(row.match.score)})`}</span> : <span className="tag tag-warn">Tidak cocok</span>}
                {row.candidates.length > 0 ? (
                  <select
                    name={`jabatan-${i}`}
                    aria-label={`Jabatan untuk ${row.name} (${row.source})`}
                    value={choices[i]!.positionCode}
                    onChange={(e) => choose(i, { positionCode: e.target.value, keep: e.target.value !== "" })}
                  >
                    {row.match ? null : <option value="">— pilih jabatan —</option>}
                    {row.candidates.map((c) => (
                      <option
                        key={c.positionCode}
                        value={c.positionCode}
                      >{`${c.name} — ${c.unit} (${c.positionCode}, skor ${score(c.score)})`}</option>
                    ))}
                  </select>
                ) : (
                  <p className="muted">Tidak ada kandidat di register.</p>
                )}
              </td>
              <td>{row.matchedCompetencies}</td>
              <td>{row.newCompetencies}</td>
              <td>
                {row.problems.length ? (
                  <ul>
                    {row.problems.map((p, j) => (
                      <li key={j}>{p}</li>
                    ))}
                  </ul>
                ) : (
                  "—"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {reply.message ? (
        <p className="form-error" role="alert">
          {reply.message}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button" disabled={busy || count === 0}>
          {busy ? "Mengimpor…" : `Impor ${count.toLocaleString("id-ID")} draf`}
        </button>
      </div>
    </Form>
  );
}
