import type { BundleCover, BundleItem } from "~/domain/skj-bundle";
import { LampiranHeader, SKJ_PRINT_CSS } from "./skj-document-view";

const FRONT_MATTER_CSS = `
.skj-doc .cover { text-align: center; padding-top: 28%; }
.skj-doc .cover h1 { font-size: 16pt; line-height: 1.5; margin: 0 0 2rem; letter-spacing: 0.03em; }
.skj-doc .cover h1 span { display: block; }
.skj-doc .cover p { margin: 0.3rem 0; }
.skj-doc .toc { break-before: page; page-break-before: always; }
.skj-doc .toc h2 { text-align: center; font-size: 13pt; margin: 0 0 1rem; }
.skj-doc .toc td.page, .skj-doc .toc th.page { text-align: right; white-space: nowrap; }
.skj-doc .toc td.version { white-space: nowrap; }
.skj-doc .toc .code { font-size: 9pt; }
`;

/**
 * The cover and the table of contents of a bundle. `startPages[i]` is the page item i begins on; the first
 * print, which only learns how many pages this takes, passes placeholders of the same width.
 */
export function BundleFrontMatter({
  cover,
  items,
  startPages,
}: {
  cover: BundleCover;
  items: readonly BundleItem[];
  startPages: readonly (number | string)[];
}) {
  return (
    <article className="skj-doc" aria-label="Sampul dan daftar isi">
      <style dangerouslySetInnerHTML={{ __html: SKJ_PRINT_CSS + FRONT_MATTER_CSS }} />
      {cover.lampiran ? <LampiranHeader lampiran={cover.lampiran} /> : null}
      <section className="cover">
        <h1>
          {cover.heading.map((line, i) => (
            <span key={i}>{line}</span>
          ))}
        </h1>
        <p>{`${items.length} SKJ`}</p>
        <p>{`Dibuat ${cover.madeOn}`}</p>
      </section>
      <section className="toc">
        <h2>DAFTAR ISI</h2>
        <table aria-label="Daftar isi">
          <thead>
            <tr>
              <th scope="col" style={{ width: "6%" }}>
                No
              </th>
              <th scope="col">Jabatan</th>
              <th scope="col" style={{ width: "11%" }}>
                Versi
              </th>
              <th scope="col" className="page" style={{ width: "11%" }}>
                Halaman
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item, i) => (
              <tr key={`${item.positionCode}-${item.version}`}>
                <td className="center">{i + 1}</td>
                <td>
                  <div className="code">{item.positionCode}</div>
                  <div>{item.positionName}</div>
                  <div className="code">{item.unitPath}</div>
                </td>
                <td className="version">{`Versi ${item.version}`}</td>
                <td className="page">{startPages[i]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}
