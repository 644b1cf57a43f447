import { useState } from "react";
import { useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { CommentMarker } from "~/components/comment-markers";
import { indicatorNumber, MANDATORY_TECHNICAL_CODE } from "~/domain/dictionary";
import type { SkjDocument } from "~/domain/skj-document";
import { JfStandardMarks } from "~/components/jf-standard/marks";
import { jfStandardTitle } from "~/domain/jf-standard";
import { standardLevelSource, type RuleContext } from "~/domain/skj-rules";
import { SearchSnippet } from "~/components/search-snippet";
import type { SuggestedEntry } from "~/domain/competency-suggestions";
import type { SearchHighlight } from "~/domain/search-highlight";
import type { CatalogEntry } from "~/domain/skj-editor-data";
import { useJsonLookup } from "~/components/use-json-lookup";

interface Props {
  form: UseFormReturn<SkjDocument>;
  catalog: ReadonlyMap<string, CatalogEntry>;
  context: RuleContext;
  onPicked: (entry: CatalogEntry) => void;
  onTakeUpdate: (code: string) => void;
  /** Where the picker asks for technical entries suggested for this position; none: no suggestions. */
  suggestionsUrl?: string;
}

const LEVEL_OPTIONS = [1, 2, 3, 4, 5];

/**
 * The dictionary's fixed texts of the chosen level, folded to the description's first line: the eight
 * managerial rows alone would otherwise fill several screens. One click (or Enter) opens the indicators.
 */
function LevelTexts({ code, entry, level }: { code: string; entry: CatalogEntry | undefined; level: number }) {
  const texts = entry?.levels.find((l) => l.level === level);
  if (!entry) return <span className="muted">Kompetensi tidak ada dalam kamus terbit.</span>;
  if (!texts) return <span className="muted">Level {level} tidak ada dalam kamus.</span>;
  return (
    <details className="level-texts">
      <summary>
        <span className="level-line">{texts.description}</span>
        <span className="fold-hint">
          {texts.indicators.length} indikator<span className="visually-hidden"> {code}</span>
        </span>
      </summary>
      <ol className="indicators-inline">
        {texts.indicators.map((t, i) => (
          <li key={i}>
            <span className="indicator-number">{indicatorNumber(level, i)}</span> {t}
          </li>
        ))}
      </ol>
    </details>
  );
}

/** Shown before anything is typed: what similar positions, the unit and the urusan use, each with why. */
function Suggestions({ url, existing, onPick }: { url: string; existing: ReadonlySet<string>; onPick: (entry: CatalogEntry) => void }) {
  // the form's codes go with the request, so the server never spends a place of the list on a chosen one
  const found = useJsonLookup<{ suggestions: SuggestedEntry[] }>(
    `${url}?ada=${encodeURIComponent([...existing].filter(Boolean).sort().join(","))}`,
    150,
  );
  const options = (found.data?.suggestions ?? []).filter((e) => !existing.has(e.code));
  return (
    <div className="picker-suggestions">
      <h4 id="saran-teknis">Saran untuk jabatan ini</h4>
      <ul className="picker-results" aria-labelledby="saran-teknis">
        {options.map(({ reasons, ...entry }) => (
          <li key={entry.code}>
            <button type="button" className="button-plain" onClick={() => onPick(entry)}>
              <code>{entry.code}</code> {entry.name}
            </button>
            <div className="muted suggestion-reasons">{reasons.join(" · ")}</div>
          </li>
        ))}
        {found.failed ? <li className="muted">Saran tidak dapat dimuat (koneksi terputus?); ketik untuk mencari di kamus.</li> : null}
        {found.data && !found.failed && options.length === 0 ? (
          <li className="muted">Belum ada saran untuk jabatan ini; ketik untuk mencari di kamus.</li>
        ) : null}
      </ul>
    </div>
  );
}

function TechnicalPicker({
  existing,
  suggestionsUrl,
  onPick,
}: {
  existing: ReadonlySet<string>;
  suggestionsUrl?: string;
  onPick: (entry: CatalogEntry) => void;
}) {
  const [q, setQ] = useState("");
  const typed = q.trim() !== "";
  const found = useJsonLookup<{ entries: (CatalogEntry & { match?: SearchHighlight })[] }>(`/kamus/pilih?q=${encodeURIComponent(q)}`, 250);
  const options = (found.data?.entries ?? []).filter((e) => !existing.has(e.code));
  return (
    <div className="picker">
      <div className="field">
        <label htmlFor="picker-q">Tambah kompetensi teknis dari kamus</label>
        <input
          id="picker-q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Ketik kode, nama atau kata dari indikatornya, mis. analisis jabatan"
        />
      </div>
      {suggestionsUrl && !typed ? <Suggestions url={suggestionsUrl} existing={existing} onPick={onPick} /> : null}
      {typed || !suggestionsUrl ? (
        <ul className="picker-results" aria-label="Hasil pencarian kompetensi teknis">
          {options.slice(0, 8).map((e) => (
            <li key={e.code}>
              <button type="button" className="button-plain" onClick={() => onPick(e)}>
                <code>{e.code}</code> {e.name}
              </button>
              {e.match ? <SearchSnippet snippet={e.match.snippet} matchedIn={e.match.matchedIn} /> : null}
            </li>
          ))}
          {found.failed ? <li className="muted">Pencarian kamus gagal (koneksi terputus?); ketik lagi untuk mencoba.</li> : null}
          {found.data && !found.failed && options.length === 0 ? (
            <li className="muted">Tidak ada kompetensi teknis terbit yang cocok.</li>
          ) : null}
        </ul>
      ) : null}
      <p className="muted" style={{ fontSize: "0.85rem" }}>
        Tidak ada di kamus?{" "}
        <a href="/kamus/baru" target="_blank" rel="noreferrer">
          Buat draf kompetensi teknis baru
        </a>{" "}
        (tab baru; draf SKJ ini tetap tersimpan). Setelah diterbitkan reviewer, kompetensi itu dapat dipilih di sini.
      </p>
    </div>
  );
}

export function CompetencySections({ form, catalog, context, onPicked, onTakeUpdate, suggestionsUrl }: Props) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "competencies" });
  const rows = useWatch({ control: form.control, name: "competencies" }) ?? [];
  const position = useWatch({ control: form.control, name: "position" });
  const standardLevel = standardLevelSource(context, position?.group ?? null, position?.functionalLevel ?? null).levelOf;
  const jfStandard = context.jfStandard;
  const typeOf = (code: string) => catalog.get(code)?.type ?? context.competencies.get(code)?.type ?? "teknis";
  const groups = [
    { type: "manajerial", title: "Kompetensi Manajerial", id: "bagian-manajerial" },
    { type: "sosial_kultural", title: "Kompetensi Sosial Kultural", id: "bagian-sosial-kultural" },
    { type: "teknis", title: "Kompetensi Teknis", id: "bagian-teknis" },
  ] as const;
  return (
    <section className="card" id="bagian-kompetensi" aria-labelledby="h-kompetensi" data-path="competencies">
      <h2 id="h-kompetensi" style={{ marginTop: 0 }}>
        B. Kompetensi <CommentMarker anchor="kompetensi" />
      </h2>
      {jfStandard ? (
        <p className="notice" role="note" aria-label="Standar nasional JF">
          Standar nasional JF <strong>{jfStandardTitle(jfStandard)}</strong>, dasar hukum: {jfStandard.legalBasis}. Level manajerial dan
          sosial kultural mengikuti standar ini; kompetensi teknisnya ({jfStandard.technical.map((t) => t.code).join(", ")}) tidak dihapus
          tanpa peringatan. <JfStandardMarks verified={jfStandard.verified} example={jfStandard.example} />
        </p>
      ) : null}
      {groups.map((g) => {
        const indexes = fields.map((_, i) => i).filter((i) => typeOf(rows[i]?.code ?? "") === g.type);
        return (
          <div key={g.type} id={g.id}>
            <h3>{g.title}</h3>
            <table className="levels-table" aria-label={g.title}>
              <thead>
                <tr>
                  <th scope="col" style={{ width: "2.5rem" }}>
                    No
                  </th>
                  <th scope="col" style={{ width: "22%" }}>
                    Kompetensi
                  </th>
                  <th scope="col" style={{ width: "7rem" }}>
                    Level
                  </th>
                  <th scope="col">Deskripsi dan indikator kompetensi</th>
                  {g.type === "teknis" ? (
                    <th scope="col" style={{ width: "5rem" }}>
                      <span className="visually-hidden">Tindakan</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {indexes.map((i, n) => {
                  const row = rows[i];
                  if (!row) return null;
                  const entry = catalog.get(row.code);
                  const standard = standardLevel(row.code);
                  return (
                    <tr key={fields[i]!.id} data-path={`competencies[${i}]`}>
                      <td>{n + 1}</td>
                      <td>
                        <code>{row.code}</code> {entry?.name ?? context.competencies.get(row.code)?.name}{" "}
                        <CommentMarker anchor={`kompetensi:${row.code}`} />
                        {entry && entry.latestRevision > entry.revision ? (
                          <div>
                            <span className="tag tag-warn">pembaruan kamus tersedia</span>{" "}
                            <button type="button" className="button-link-inline" onClick={() => onTakeUpdate(row.code)}>
                              Pakai revisi {entry.latestRevision}
                            </button>
                          </div>
                        ) : null}
                      </td>
                      <td data-path={`competencies[${i}].level`}>
                        <label className="visually-hidden" htmlFor={`level-${row.code}`}>
                          Level {row.code}
                        </label>
                        <select id={`level-${row.code}`} {...form.register(`competencies.${i}.level`, { valueAsNumber: true })}>
                          {LEVEL_OPTIONS.map((l) => (
                            <option key={l} value={l}>
                              {l}
                            </option>
                          ))}
                        </select>
                        {standard !== null && g.type !== "teknis" ? (
                          <div className="muted" style={{ fontSize: "0.8rem" }}>
                            standar: {standard}
                          </div>
                        ) : null}
                      </td>
                      <td>
                        <LevelTexts code={row.code} entry={entry} level={Number(row.level)} />
                      </td>
                      {g.type === "teknis" ? (
                        <td>
                          {row.code === MANDATORY_TECHNICAL_CODE && context.regionalGovernment ? (
                            <span className="muted" title="Wajib bagi pemerintah daerah">
                              wajib
                            </span>
                          ) : (
                            <button type="button" className="icon-button" aria-label={`Hapus ${row.code}`} onClick={() => remove(i)}>
                              ✕
                            </button>
                          )}
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {g.type === "teknis" ? (
              <TechnicalPicker
                existing={new Set(rows.map((r) => r?.code ?? ""))}
                suggestionsUrl={suggestionsUrl}
                onPick={(entry) => {
                  onPicked(entry);
                  // start at the position's socio-cultural standard level: a sensible default the analyst adjusts
                  append({
                    code: entry.code,
                    level: jfStandard?.technical.find((t) => t.code === entry.code)?.level ?? standardLevel("SK.01") ?? 1,
                  });
                }}
              />
            ) : null}
          </div>
        );
      })}
    </section>
  );
}
