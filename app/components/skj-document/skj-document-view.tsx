import { IMPORTANCE_LABELS } from "~/domain/labels";
import { competencyRowLines, mayBreakAcrossPages, requirementRowLines } from "~/domain/print-row-breaks";
import { IMPORTANCE_LEVELS } from "~/domain/skj-document";
import { identityLines, PRINT_BLANK as BLANK, PRINT_TICK as TICK, type SkjPrintModel } from "~/domain/skj-print";
import { EXAMPLE_MARK } from "~/domain/example-text";

// Inline so that the same markup prints to PDF with no stylesheet request (the print context blocks the network).
export const SKJ_PRINT_CSS = `
.skj-doc { font-family: Arimo, Arial, "Liberation Sans", sans-serif; font-size: 10.5pt; color: #000; background: #fff; position: relative; }
.skj-doc .skj-title { text-align: center; font-size: 13pt; margin: 0 0 1rem; letter-spacing: 0.03em; }
.skj-doc h3 { font-size: 11pt; margin: 1.1rem 0 0.4rem; }
.skj-doc table { width: 100%; border-collapse: collapse; page-break-inside: auto; }
.skj-doc th, .skj-doc td { border: 1px solid #000; padding: 4px 6px; vertical-align: top; text-align: left; }
/* the columns have set widths: an unbroken word (a URL, a code) wraps inside its cell instead of pushing the table past the page edge */
.skj-doc td, .skj-doc p { overflow-wrap: anywhere; }
.skj-doc thead { display: table-header-group; }
.skj-doc thead th { background: #e8e8e8; text-align: center; }
/* a short row moves whole to the next page; a long one splits there rather than leave its height blank (print-row-breaks) */
.skj-doc tr { page-break-inside: avoid; break-inside: avoid; }
.skj-doc tr.may-split { page-break-inside: auto; break-inside: auto; }
.skj-doc tr.group-title { break-after: avoid; page-break-after: avoid; }
/* a section heading never ends a page: it goes with the table header and the first rows */
.skj-doc h3, .skj-doc .keep-with-table { break-after: avoid; page-break-after: avoid; }
.skj-doc table.ident-lines, .skj-doc table.ident-lines th, .skj-doc table.ident-lines td { border: none; padding: 1px 4px 1px 0; }
.skj-doc table.ident-lines { width: auto; max-width: 100%; margin-bottom: 0.6rem; }
.skj-doc table.ident-lines th { font-weight: normal; white-space: nowrap; }
.skj-doc .summary { margin: 0; text-align: justify; }
.skj-doc .tick { font-weight: bold; }
.skj-doc ol { margin: 0; padding-left: 0; list-style: none; }
.skj-doc .num { display: inline-block; min-width: 2em; }
.skj-doc .center { text-align: center; }
.skj-doc .lampiran { margin: 0 0 1.4rem 52%; font-size: 10pt; line-height: 1.35; }
.skj-doc .lampiran p { margin: 0; }
.skj-doc .signature { margin: 2rem 0 0 55%; text-align: center; page-break-inside: avoid; break-inside: avoid; }
.skj-doc .signature p { margin: 0; }
.skj-doc .signature .sign-space { height: 4.5rem; }
.skj-doc .signature .signer { font-weight: bold; }
.skj-doc .watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 110pt; font-weight: bold; color: rgba(200, 0, 0, 0.12); transform: rotate(-35deg); pointer-events: none; z-index: 10; }
.skj-doc .example-mark { margin: 0.3rem 0 0; padding: 1px 3px; border: 1px solid #b00; color: #b00; font-weight: bold; font-size: 8.5pt; }
`;

const splitClass = (lines: number) => (mayBreakAcrossPages(lines) ? "may-split" : undefined);

function Lines({ items }: { items: string[] }) {
  if (items.length === 0) return <>—</>;
  if (items.length === 1) return <>{items[0]}</>;
  return (
    <ol>
      {items.map((t, i) => (
        <li key={i}>
          <span className="num">{i + 1}.</span> {t}
        </li>
      ))}
    </ol>
  );
}

export function LampiranHeader({ lampiran: l }: { lampiran: NonNullable<SkjPrintModel["lampiran"]> }) {
  return (
    <section className="lampiran" aria-label="Lampiran penetapan">
      <p>LAMPIRAN</p>
      <p>{`${l.kind} ${l.region}`}</p>
      <p>{`NOMOR ${l.number} TAHUN ${l.year}`}</p>
      <p>TENTANG</p>
      <p>{l.title}</p>
    </section>
  );
}

export function SignatureBlock({ signature: s }: { signature: NonNullable<SkjPrintModel["signature"]> }) {
  return (
    <section className="signature" aria-label="Tanda tangan penetapan">
      <p>{`Ditetapkan di ${s.place ?? BLANK}`}</p>
      <p>{`pada tanggal ${s.signedOn ?? BLANK}`}</p>
      <p>{s.title ? `${s.title.toUpperCase()},` : ""}</p>
      <div className="sign-space" />
      <p className="signer">{s.name ?? ""}</p>
    </section>
  );
}

/** The SKJ in the regulation's layout, from its print model. */
export function SkjDocumentView({ model }: { model: SkjPrintModel }) {
  const { identity, groups, requirements } = model;
  return (
    <article className="skj-doc" aria-label="Dokumen SKJ">
      <style dangerouslySetInnerHTML={{ __html: SKJ_PRINT_CSS }} />
      {model.lampiran ? <LampiranHeader lampiran={model.lampiran} /> : null}
      <h2 className="skj-title">STANDAR KOMPETENSI JABATAN</h2>
      <table className="ident-lines" aria-label="Identitas jabatan (cetak)">
        <tbody>
          {identityLines(identity).map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="colon">:</td>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section className="keep-head">
        <h3>I. IKHTISAR JABATAN</h3>
        <p className="summary">{identity.summary || "—"}</p>
      </section>
      <h3 className="keep-with-table">II. STANDAR KOMPETENSI</h3>
      <table aria-label="Standar kompetensi (cetak)">
        <thead>
          <tr>
            <th scope="col" style={{ width: "4%" }}>
              No
            </th>
            <th scope="col" style={{ width: "20%" }}>
              Kompetensi
            </th>
            <th scope="col" style={{ width: "7%" }}>
              Level
            </th>
            <th scope="col" style={{ width: "29%" }}>
              Deskripsi
            </th>
            <th scope="col">Indikator Kompetensi</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => [
            <tr key={g.title} className="group-title">
              <th colSpan={5} scope="rowgroup">
                {g.title}
              </th>
            </tr>,
            ...g.rows.map((row) => (
              <tr key={`${g.title}-${row.code}`} className={splitClass(competencyRowLines(row))}>
                <td className="center">{row.no}</td>
                <td>
                  {row.name}
                  {row.example ? <p className="example-mark">{EXAMPLE_MARK}</p> : null}
                </td>
                <td className="center">{row.level}</td>
                <td>{row.description}</td>
                <td>
                  <ol>
                    {row.indicators.map((ind) => (
                      <li key={ind.number}>
                        <span className="num">{ind.number}</span> {ind.text}
                      </li>
                    ))}
                  </ol>
                </td>
              </tr>
            )),
          ])}
        </tbody>
      </table>
      <h3 className="keep-with-table">III. PERSYARATAN JABATAN</h3>
      <table aria-label="Persyaratan jabatan (cetak)">
        <thead>
          <tr>
            <th scope="col" rowSpan={2} style={{ width: "5%" }}>
              No
            </th>
            <th scope="col" rowSpan={2} style={{ width: "22%" }}>
              Jenis Persyaratan
            </th>
            <th scope="col" rowSpan={2}>
              Uraian
            </th>
            <th scope="colgroup" colSpan={3}>
              Tingkat Pentingnya terhadap Jabatan
            </th>
          </tr>
          <tr>
            {IMPORTANCE_LEVELS.map((level) => (
              <th key={level} scope="col" style={{ width: "8%" }}>
                {IMPORTANCE_LABELS[level]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {requirements.map((row, i) =>
            row.kind === "heading" ? (
              <tr key={i} className="group-title">
                <td className="center">{row.no}</td>
                <th scope="rowgroup" colSpan={5}>
                  {row.label}
                </th>
              </tr>
            ) : (
              <tr key={i} className={splitClass(requirementRowLines(row))}>
                <td className="center">{row.sub ? "" : row.no}</td>
                <th scope="row">{row.sub ? `${row.no} ${row.label}` : row.label}</th>
                <td>
                  <Lines items={row.items} />
                </td>
                {IMPORTANCE_LEVELS.map((level) => (
                  <td key={level} className="center tick" aria-label={IMPORTANCE_LABELS[level]}>
                    {row.importance === level ? TICK : ""}
                  </td>
                ))}
              </tr>
            ),
          )}
        </tbody>
      </table>
      {model.signature ? <SignatureBlock signature={model.signature} /> : null}
      {/* last in the document and on its own stacking layer, so no table cell background covers it */}
      {model.draft ? (
        <div className="watermark" aria-hidden="true">
          DRAFT
        </div>
      ) : null}
    </article>
  );
}
