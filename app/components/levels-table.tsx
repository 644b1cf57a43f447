import { indicatorNumber } from "~/domain/dictionary";

/** The five levels of an entry with their description and numbered indicators (3.1, 3.2 …). */
export function LevelsTable({
  levels,
  caption,
}: {
  levels: { level: number; description: string; indicators: string[] }[];
  caption: string;
}) {
  return (
    <table className="levels-table" aria-label={caption}>
      <thead>
        <tr>
          <th scope="col" style={{ width: "4rem" }}>
            Level
          </th>
          <th scope="col" style={{ width: "35%" }}>
            Deskripsi
          </th>
          <th scope="col">Indikator perilaku</th>
        </tr>
      </thead>
      <tbody>
        {levels.map((l) => (
          <tr key={l.level}>
            <th scope="row">{l.level}</th>
            <td>{l.description || <span className="muted">Belum diisi</span>}</td>
            <td>
              {l.indicators.length === 0 ? (
                <span className="muted">Belum diisi</span>
              ) : (
                <ol>
                  {l.indicators.map((text, i) => (
                    <li key={i}>
                      <span className="indicator-number">{indicatorNumber(l.level, i)}</span> {text}
                    </li>
                  ))}
                </ol>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
