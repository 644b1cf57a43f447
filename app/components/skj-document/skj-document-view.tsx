import { EXAMPLE_MARK } from "~/domain/example-text";
import type { SkjPrintModel } from "~/domain/skj-print";

// Inline so that the same markup prints to PDF with no stylesheet request (the print context blocks the network).
export const SKJ_PRINT_CSS = `
.skj-doc { font-family: Arimo, Arial, "Liberation Sans", sans-serif; font-size: 10.5pt; color: #000; background: #fff; position: relative; }
.skj-doc .skj-title { text-align: center; font-size: 13pt; margin: 0 0 0.2rem; letter-spacing: 0.03em; }
.skj-doc .skj-subtitle { text-align: center; margin: 0 0 1rem; text-transform: uppercase; font-weight: bold; }
.skj-doc h3 { font-size: 11pt; margin: 1.1rem 0 0.4rem; }
.skj-doc table { width: 100%; border-collapse: collapse; page-break-inside: auto; }
.skj-doc th, .skj-doc td { border: 1px solid #000; padding: 4px 6px; vertical-align: top; text-align: left; }
/* the columns have set widths: an unbroken word (a URL, a code) wraps inside its cell instead of pushing the table past the page edge */
.skj-doc td { overflow-wrap: anywhere; }
.skj-doc thead { display: table-header-group; }
.skj-doc thead th { background: #e8e8e8; text-align: center; }
.skj-doc tr { page-break-inside: avoid; }
.skj-doc tr.group-title { break-after: avoid; page-break-after: avoid; }
.skj-doc .ident th { width: 28%; background: #f4f4f4; }
.skj-doc ol { margin: 0; padding-left: 0; list-style: none; }
.skj-doc .num { display: inline-block; min-width: 2em; }
.skj-doc .center { text-align: center; }
.skj-doc .lampiran { margin: 0 0 1.4rem 52%; font-size: 10pt; line-height: 1.35; }
.skj-doc .lampiran p { margin: 0; }
.skj-doc .signature { margin: 2rem 0 0 55%; text-align: center; page-break-inside: avoid; break-inside: avoid; }
.skj-doc .signature p { margin: 0; }
.skj-doc .signature .sign-space { height: 4.5rem; }
.skj-doc .signature .signer { font-weight: bold; }
.skj-doc .example-mark { margin: 0.3rem 0 0; padding: 1px 3px; border: 1px solid #b00; color: #b00; font-weight: bold; font-size: 8.5pt; }
.skj-doc .watermark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 110pt; font-weight: bold; color: rgba(200, 0, 0, 0.12); transform: rotate(-35deg); pointer-events: none; z-index: 0; }
`;

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
    <div className="lampiran" aria-label="Lampiran penetapan">
      <p>LAMPIRAN</p>
      <p>{`${l.kind} ${l.region}`}</p>
      <p>{`NOMOR ${l.number} TAHUN ${l.year}`}</p>
      <p>TENTANG</p>
      <p>{l.title}</p>
    </div>
  );
}

export function SignatureBlock({ signature: s }: { signature: NonNullable<SkjPrintModel["signature"]> }) {
  return (
    <div className="signature" aria-label="Tanda tangan penetapan">
      <p>{`Ditetapkan di ${s.place}`}</p>
      {s.signedOn ? <p>{`pada tanggal ${s.signedOn}`}</p> : null}
      <p>{s.title ? `${s.title.toUpperCase()},` : ""}</p>
      <div className="sign-space" />
      <p className="signer">{s.name ?? ""}</p>
    </div>
  );
}

/** The SKJ in the regulation's layout, from its print model. */
export function SkjDocumentView({ model }: { model: SkjPrintModel }) {
  const { identity, groups, requirements: r } = model;
  return (
    <article className="skj-doc" aria-label="Dokumen SKJ">
      <style dangerouslySetInnerHTML={{ __html: SKJ_PRINT_CSS }} />
      {model.draft ? (
        <div className="watermark" aria-hidden="true">
          DRAFT
        </div>
      ) : null}
      {model.lampiran ? <LampiranHeader lampiran={model.lampiran} /> : null}
      <h2 className="skj-title">STANDAR KOMPETENSI JABATAN</h2>
      <p className="skj-subtitle">{identity.group}</p>
      <h3>I. IDENTITAS JABATAN</h3>
      <table className="ident" aria-label="Identitas jabatan (cetak)">
        <tbody>
          <tr>
            <th scope="row">Nama Jabatan</th>
            <td>{identity.name}</td>
          </tr>
          <tr>
            <th scope="row">Kelompok Jabatan</th>
            <td>{identity.group}</td>
          </tr>
          <tr>
            <th scope="row">Unit Kerja</th>
            <td>{identity.unitPath}</td>
          </tr>
          <tr>
            <th scope="row">Urusan Pemerintahan</th>
            <td>{identity.governmentAffair}</td>
          </tr>
          <tr>
            <th scope="row">Kode Jabatan</th>
            <td>{identity.code}</td>
          </tr>
          <tr>
            <th scope="row">Ikhtisar Jabatan</th>
            <td>{identity.summary || "—"}</td>
          </tr>
        </tbody>
      </table>
      <h3>II. STANDAR KOMPETENSI</h3>
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
              <tr key={`${g.title}-${row.code}`}>
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
      <h3>III. PERSYARATAN JABATAN</h3>
      <table aria-label="Persyaratan jabatan (cetak)">
        <thead>
          <tr>
            <th scope="col" style={{ width: "30%" }}>
              Jenis Persyaratan
            </th>
            <th scope="col">Uraian</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">A. Pangkat</th>
            <td>{r.rank}</td>
          </tr>
          <tr>
            <th scope="row">B. Kualifikasi Pendidikan</th>
            <td>
              {r.education.length === 0 ? "—" : null}
              {r.education.map((e, i) => (
                <div key={i}>
                  1. Jenjang: {e.level}; 2. Bidang Ilmu: {e.fields || "—"}
                </div>
              ))}
            </td>
          </tr>
          <tr>
            <th scope="row">C. Pelatihan — 1. Manajerial</th>
            <td>
              <Lines items={r.training.managerial} />
            </td>
          </tr>
          <tr>
            <th scope="row">2. Teknis</th>
            <td>
              <Lines items={r.training.technical} />
            </td>
          </tr>
          <tr>
            <th scope="row">3. Fungsional</th>
            <td>
              <Lines items={r.training.functional} />
            </td>
          </tr>
          <tr>
            <th scope="row">D. Pengalaman Kerja</th>
            <td>
              <Lines items={r.experience} />
            </td>
          </tr>
          <tr>
            <th scope="row">E. Indikator Kinerja Jabatan</th>
            <td>
              <Lines items={r.performanceIndicators} />
            </td>
          </tr>
        </tbody>
      </table>
      {model.signature ? <SignatureBlock signature={model.signature} /> : null}
    </article>
  );
}
